// SPDX-License-Identifier: MIT
import { completeHeader } from './header-defaults.js';
import type { ReferralInput } from './input.js';
import { serializeXref01 } from './serialize.js';
import { validateReferralInput, type ReferralFieldIssue } from './validate.js';

/**
 * Options for {@link writeXref01}.
 * @category OIOXML
 */
export interface WriteXref01Options {
  /** The time the default `sent` and `authorisation` are taken from. Default: the current time. */
  readonly now?: Date;
}

/**
 * The outcome of {@link writeXref01}: the XML, or why the input cannot be written.
 * @category OIOXML
 */
export type WriteXref01Result =
  { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly issues: readonly ReferralFieldIssue[] };

/**
 * Writes an XREF01 sygehushenvisning as XH0130R: an `Emessage` with `Envelope` and `HospitalReferral` in
 * `http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/`, elements in XSD order, text escaped, as
 * UTF-8 text with its declaration. Never throws.
 *
 * The input is first checked with {@link validateReferralInput}; if any field breaks an XSD limit, no XML is
 * written and every field issue comes back, so the output always validates against `EMessage.xsd`.
 *
 * Header defaults, for fields the input leaves out: letter `identifier` 14 random characters
 * (`[0-9A-Z]`); `envelopeIdentifier` the letter identifier; `sent` now in Danish time (`Europe/Copenhagen`);
 * `authorisation` the same as `sent`; `acknowledgementCode` `pluspositivkvitt` (ask for a positive receipt, so
 * the sender learns the referral arrived); `statisticalCode` `XREF01`; `statusCode` `nytbrev`.
 *
 * @param referral - The referral as a form provides it.
 * @param options - `now` for the default times.
 * @returns `{ ok: true, xml }` or `{ ok: false, issues }` with field-level issues (`field`, `rule`, `message`).
 * @example
 * ```ts
 * const written = writeXref01({
 *   header: { identifier: 'Brv5678', sent: { date: '2005-01-15', time: '12:02' } },
 *   sender: { eanIdentifier: '5790000121526', identifier: '079741', identifierCode: 'ydernummer',
 *     organisationName: 'Lægehuset', referrer: { personName: 'Hans Jensen' } },
 *   receiver: { eanIdentifier: '5790000201389', identifier: '2001060', identifierCode: 'sygehusafdelingsnummer' },
 *   patient: { cpr: '2406444917', surname: 'Berggren' },
 *   clinicalReason: plainToFormattedText('Hypertensionsudredning'),
 * });
 * if (written.ok) await send(written.xml);
 * else showErrors(written.issues); // e.g. [{ field: 'patient.surname', rule: 'maxLength', message: … }]
 * ```
 * @category OIOXML
 */
export function writeXref01(referral: ReferralInput, options: WriteXref01Options = {}): WriteXref01Result {
  const checked = validateReferralInput(referral);
  if (!checked.ok) return checked;
  const header = completeHeader(checked.input.header, options.now ?? new Date());
  return { ok: true, xml: serializeXref01(checked.input, header) };
}
