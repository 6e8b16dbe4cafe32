// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { isValidDate } from '../../identifiers/dates.js';
import { child, text, type XmlElement } from '../read/tree.js';
import type { ReadContext } from './context.js';

/**
 * A MedCom `DateTimeType`: a date (`YYYY-MM-DD`) and an optional time of day (`HH:MM`, Danish local time).
 * @category OIOXML
 */
export const LetterDateTime = /* @__PURE__ */ z.object({
  date: /* @__PURE__ */ z.string(),
  time: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type LetterDateTime = z.infer<typeof LetterDateTime>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Reads `Date` and `Time` children. Values that are not a calendar date or a time are kept as written, with
 * a warning: the letter is still shown.
 */
export function readDateTime(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): LetterDateTime | undefined {
  if (!element) return undefined;
  const date = text(element, 'Date');
  const time = text(element, 'Time');
  if (date === undefined) {
    context.warn(path, 'A date and time without a Date');
    return undefined;
  }
  const match = DATE.exec(date);
  if (!match || !isValidDate(Number(match[3]), Number(match[2]), Number(match[1]))) {
    context.warn(`${path}/Date`, `Not a calendar date: ${date}`);
  }
  if (time !== undefined && !TIME.test(time)) context.warn(`${path}/Time`, `Not a time of day (HH:MM): ${time}`);
  return time === undefined ? { date } : { date, time };
}

/** `readDateTime` of the child `name`. */
export function readDateTimeChild(
  parent: XmlElement | undefined,
  name: string,
  path: string,
  context: ReadContext,
): LetterDateTime | undefined {
  return readDateTime(child(parent, name), `${path}/${name}`, context);
}
