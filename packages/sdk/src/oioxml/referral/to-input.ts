// SPDX-License-Identifier: MIT
import type { ReferralInput } from './input.js';
import type { Referral } from './model.js';

type Loose = Record<string, unknown>;

/** The defined values of `source` under `keys`, or undefined when none is. */
function pick(source: object | undefined, keys: readonly string[]): Loose | undefined {
  if (!source) return undefined;
  const out: Loose = {};
  for (const key of keys) {
    const value = (source as Loose)[key];
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `source` without its undefined values. */
function defined(source: Loose): Loose {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined));
}

function nonEmpty<T>(items: readonly T[], map: (item: T) => Loose | undefined): Loose[] | undefined {
  const mapped = items.map((item) => map(item) ?? {});
  return mapped.length > 0 ? mapped : undefined;
}

const ADDRESS = ['streetName', 'suburbName', 'districtName', 'postCodeIdentifier'];
const HEADER = [
  'envelopeIdentifier',
  'sent',
  'acknowledgementCode',
  'identifier',
  'statisticalCode',
  'authorisation',
  'statusCode',
  'episodeOfCareIdentifier',
];
const SENDER = [
  'eanIdentifier',
  'identifier',
  'identifierCode',
  'organisationName',
  'departmentName',
  'unitName',
  ...ADDRESS,
  'telephone',
  'medicalSpecialityCode',
];
const RECEIVER = [
  'eanIdentifier',
  'identifier',
  'identifierCode',
  'organisationName',
  'departmentName',
  'unitName',
  ...ADDRESS,
];
const ANSWER_CC = [
  'identifier',
  'identifierCode',
  'organisationName',
  'departmentName',
  'unitName',
  ...ADDRESS,
  'telephone',
];
const PATIENT = ['cpr', 'alternativeIdentifier', 'surname', 'givenName', 'title', ...ADDRESS, 'email'];
const DIAGNOSIS = ['code', 'typeCode', 'text'];
const TOP = [
  'priority',
  'referralStatus',
  'transport',
  'supplementary',
  'clinicalReason',
  'cave',
  'anamnesis',
  'examination',
  'actualMedicine',
];

/**
 * Turns a read referral into writer input, so a received XREF01 can be written again as XH0130R (forwarded,
 * corrected, or checked). Values are carried as read and not checked here: {@link writeXref01} reports any that
 * XH0130R does not allow (say `referralStatus: 'hjemmet'` from a physiotherapy referral) as field issues.
 *
 * What XH0130R cannot carry is left out: the receiver's visitation notes, `hospitalChoice` (XH0131R),
 * `ccReceiver`, the sender's `contact`, the patient's occupancy and episode-of-care status, relatives' addresses
 * and telephones, diagnosis dates, `unknown` elements, and the version and type codes (the writer sets them).
 *
 * @param model - A referral from {@link parseReferral} or {@link readReferral}.
 * @returns The input for {@link writeXref01}, with absent values and empty lists left out.
 * @example
 * ```ts
 * const read = parseReferral(bytes);
 * if (read.ok) {
 *   const written = writeXref01(referralToInput(read.model));
 *   if (written.ok) send(written.xml);
 * }
 * ```
 * @category OIOXML
 */
export function referralToInput(model: Referral): ReferralInput {
  const { sender, patient } = model;
  const referrer = pick(sender.referrer, ['identifier', 'identifierCode', 'personName', 'personTitle']);
  const input = defined({
    header: pick(model.header, HEADER),
    sender: { ...pick(sender, SENDER), ...(referrer && { referrer }) },
    receiver: pick(model.receiver, RECEIVER) ?? {},
    answerCcReceiver: pick(model.answerCcReceiver, ANSWER_CC),
    patient: defined({
      ...pick(patient, PATIENT),
      telephones: nonEmpty(patient.telephones, (phone) => pick(phone, ['number', 'code'])),
    }),
    relatives: nonEmpty(model.relatives, (relative) =>
      pick(relative, ['relationCode', 'personIdentifier', 'surname', 'givenName']),
    ),
    ...pick(model, TOP),
    diagnosis: pick(model.diagnosis, DIAGNOSIS),
    additionalDiagnoses: nonEmpty(model.additionalDiagnoses, (diagnosis) =>
      pick(diagnosis, ['descriptionCode', ...DIAGNOSIS]),
    ),
    references: nonEmpty(model.references, (reference) =>
      pick(reference, ['description', 'url', 'sentSeparately', 'binary']),
    ),
  });
  // Codes and required fields are as read; the writer checks them and names any field XH0130R refuses.
  return input as ReferralInput;
}
