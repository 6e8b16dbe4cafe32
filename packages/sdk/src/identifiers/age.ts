// SPDX-License-Identifier: MIT
import { parseIsoDate } from './dates.js';

/**
 * Age in full years on a given date. Someone born on 29 February becomes a year older on 1 March in
 * non-leap years.
 *
 * @param birthDate - Birth date as `YYYY-MM-DD` (for example the `birthDate` of a parsed CPR).
 * @param onDate - The reference date as `YYYY-MM-DD`, or a `Date` read in local time.
 * @returns Full years, or `undefined` if a date is malformed or `onDate` is before `birthDate`.
 * @example
 * ```ts
 * ageOn('1947-09-25', '2025-09-24'); // 77
 * ageOn('1947-09-25', '2025-09-25'); // 78
 * ```
 * @category Identifiers
 */
export function ageOn(birthDate: string, onDate: string | Date): number | undefined {
  const birth = typeof birthDate === 'string' ? parseIsoDate(birthDate) : undefined;
  const on =
    onDate instanceof Date
      ? Number.isNaN(onDate.getTime())
        ? undefined
        : { year: onDate.getFullYear(), month: onDate.getMonth() + 1, day: onDate.getDate() }
      : typeof onDate === 'string'
        ? parseIsoDate(onDate)
        : undefined;
  if (!birth || !on) return undefined;
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  const age = on.year - birth.year - (beforeBirthday ? 1 : 0);
  return age < 0 ? undefined : age;
}
