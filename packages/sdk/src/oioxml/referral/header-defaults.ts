// SPDX-License-Identifier: MIT
import type { ReferralInput } from './input.js';

type HeaderInput = NonNullable<ReferralInput['header']>;

/** The envelope and letter header as written: every field the XSD requires is present. */
export type CompleteHeader = Required<Omit<HeaderInput, 'episodeOfCareIdentifier'>> &
  Pick<HeaderInput, 'episodeOfCareIdentifier'>;

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 14 random characters, the most String_1_14 allows, so ids from different letters practically never meet. */
export function newLetterIdentifier(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(14));
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

// MedCom times are Danish local time without an offset.
const DANISH = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `now` as a MedCom `DateTimeType` in Danish time. */
export function danishDateTime(now: Date): { date: string; time: string } {
  const parts = Object.fromEntries(DANISH.formatToParts(now).map((part) => [part.type, part.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/** Fills the header fields a form may leave out; see `writeXref01` for the defaults. */
export function completeHeader(header: HeaderInput | undefined, now: Date): CompleteHeader {
  const identifier = header?.identifier ?? newLetterIdentifier();
  const sent = header?.sent ?? danishDateTime(now);
  const complete: CompleteHeader = {
    envelopeIdentifier: header?.envelopeIdentifier ?? identifier,
    sent,
    acknowledgementCode: header?.acknowledgementCode ?? 'pluspositivkvitt',
    identifier,
    statisticalCode: header?.statisticalCode ?? 'XREF01',
    authorisation: header?.authorisation ?? sent,
    statusCode: header?.statusCode ?? 'nytbrev',
  };
  if (header?.episodeOfCareIdentifier !== undefined) complete.episodeOfCareIdentifier = header.episodeOfCareIdentifier;
  return complete;
}
