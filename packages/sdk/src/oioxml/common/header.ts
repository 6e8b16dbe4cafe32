// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { child, text, type XmlElement } from '../read/tree.js';
import type { ReadContext } from './context.js';
import { LetterDateTime, readDateTimeChild } from './date-time.js';
import { readFields } from './party.js';

/**
 * The envelope and letter header every OIOXML letter has: envelope id and send time, letter id, version and
 * type codes, authorisation time, status (`nytbrev`, `rettetbrev`) and episode-of-care id.
 * @category OIOXML
 */
export const LetterHeader = /* @__PURE__ */ z.object({
  envelopeIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  sent: /* @__PURE__ */ z.optional(LetterDateTime),
  acknowledgementCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  identifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  versionCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  statisticalCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  authorisation: /* @__PURE__ */ z.optional(LetterDateTime),
  typeCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `nytbrev` (new) or `rettetbrev` (corrects an earlier letter), as written. */
  statusCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  episodeOfCareIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type LetterHeader = z.infer<typeof LetterHeader>;

const LETTER_FIELDS = {
  identifier: 'Identifier',
  versionCode: 'VersionCode',
  statisticalCode: 'StatisticalCode',
  typeCode: 'TypeCode',
  statusCode: 'StatusCode',
  episodeOfCareIdentifier: 'EpisodeOfCareIdentifier',
} as const;

/** Reads the `Envelope` of the `Emessage` and the `Letter` header of the letter element. */
export function readHeader(emessage: XmlElement, letter: XmlElement, context: ReadContext): LetterHeader {
  const envelope = child(emessage, 'Envelope');
  const letterHeader = child(letter, 'Letter');
  const letterPath = `/Emessage/${letter.name}/Letter`;
  context.keepUnknown(letterHeader, letterPath, [...Object.values(LETTER_FIELDS), 'Authorisation']);
  const header: LetterHeader = readFields(letterHeader, LETTER_FIELDS);
  const envelopeIdentifier = text(envelope, 'Identifier');
  const acknowledgementCode = text(envelope, 'AcknowledgementCode');
  if (envelopeIdentifier !== undefined) header.envelopeIdentifier = envelopeIdentifier;
  if (acknowledgementCode !== undefined) header.acknowledgementCode = acknowledgementCode;
  const sent = readDateTimeChild(envelope, 'Sent', '/Emessage/Envelope', context);
  const authorisation = readDateTimeChild(letterHeader, 'Authorisation', letterPath, context);
  if (sent) header.sent = sent;
  if (authorisation) header.authorisation = authorisation;
  return header;
}
