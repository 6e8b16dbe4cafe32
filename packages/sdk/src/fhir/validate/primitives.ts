// SPDX-License-Identifier: MIT
import { isValidDate } from '../../identifiers/dates.js';
import { PRIMITIVE_PATTERNS, jsonKindOf } from '../model/index.js';

// FHIR R4: a dateTime or instant with a time of day SHALL carry a time zone; MedCom requires it everywhere.
const HAS_TIME = /T\d/;
const HAS_ZONE = /(Z|[+-]\d{2}:\d{2})$/;
// The R4 regexes allow day 31 in every month; the calendar does not.
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DATE_TYPES: ReadonlySet<string> = new Set(['date', 'dateTime', 'instant']);

// FHIR R4 integer, unsignedInt and positiveInt are 32-bit.
const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;
// A URI in the urn:uuid: or urn:oid: scheme must name a well-formed UUID (lowercase, RFC 4122) or OID: the R4
// uuid and oid types.
const URI_TYPES: ReadonlySet<string> = new Set(['uri', 'url', 'canonical']);

/** Problems with one primitive JSON value of a FHIR type; empty when it is valid. */
export function checkPrimitive(value: unknown, type: string): string[] {
  const kind = jsonKindOf(type);
  if (typeof value !== kind) return [`Expected a JSON ${kind} for ${type}, found ${typeof value}`];
  if (kind === 'string' && value === '') return [`An empty string is not a valid ${type}`];
  const text = String(value);
  const pattern = PRIMITIVE_PATTERNS[type];
  if (pattern && !pattern.test(text)) return [`Not a valid ${type}: ${JSON.stringify(text.slice(0, 80))}`];
  if ((type === 'dateTime' || type === 'instant') && HAS_TIME.test(text) && !HAS_ZONE.test(text)) {
    return [`A ${type} with a time of day needs a time zone (Z or ±hh:mm)`];
  }
  const date = DATE_TYPES.has(type) ? FULL_DATE.exec(text) : null;
  if (date && !isValidDate(Number(date[3]), Number(date[2]), Number(date[1]))) {
    return [`${JSON.stringify(date[0])} is not a day of the calendar`];
  }
  if (kind === 'number' && type !== 'decimal' && ((value as number) > INT32_MAX || (value as number) < INT32_MIN)) {
    return [`${text} is out of the 32-bit range of ${type}`];
  }
  const urn = URI_TYPES.has(type) ? /^urn:(uuid|oid):/.exec(text)?.[1] : undefined;
  if (urn !== undefined && PRIMITIVE_PATTERNS[urn]?.test(text) === false) {
    return [`Not a valid urn:${urn}: ${JSON.stringify(text.slice(0, 80))}`];
  }
  return [];
}
