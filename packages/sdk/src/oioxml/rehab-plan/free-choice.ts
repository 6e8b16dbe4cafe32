// SPDX-License-Identifier: MIT
import { isValidDate, pad } from '../../identifiers/dates.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days after discharge within which training must be able to start (law of 24 May 2018). */
export const FREE_CHOICE_DAYS = 7;

/**
 * The last day training can start before the patient's free choice of provider applies: the discharge date
 * plus {@link FREE_CHOICE_DAYS} calendar days. Pure calendar arithmetic in UTC, so no time zone or daylight
 * saving shift can move the day.
 *
 * @param dischargeDate - The (expected) discharge date, `YYYY-MM-DD`.
 * @returns The date, `YYYY-MM-DD`, or `undefined` when `dischargeDate` is not a calendar date.
 * @example
 * ```ts
 * freeChoiceStartBy('2014-12-28'); // '2015-01-04'
 * ```
 * @category OIOXML
 */
export function freeChoiceStartBy(dischargeDate: string): string | undefined {
  const match = DATE.exec(dischargeDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDate(day, month, year)) return undefined;
  // setUTCFullYear, unlike Date.UTC, takes years below 100 literally; the day overflow rolls the month.
  const start = new Date(0);
  start.setUTCFullYear(year, month - 1, day + FREE_CHOICE_DAYS);
  return `${pad(start.getUTCFullYear(), 4)}-${pad(start.getUTCMonth() + 1, 2)}-${pad(start.getUTCDate(), 2)}`;
}
