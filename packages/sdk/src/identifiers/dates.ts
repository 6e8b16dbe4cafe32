// SPDX-License-Identifier: MIT

/** Gregorian leap-year rule (so 1900 is not a leap year and 2000 is). @internal */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Days in `month` (1–12). Without a `year`, February counts 29 days, for identifiers whose year is
 * unknown (eCPR).
 *
 * @internal
 */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** @internal */
export function isValidDate(day: number, month: number, year?: number): boolean {
  return (
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(month, year)
  );
}

/** @internal */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Parses a strict `YYYY-MM-DD` calendar date. @internal */
export function parseIsoDate(
  text: string,
): { readonly year: number; readonly month: number; readonly day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDate(day, month, year) ? { year, month, day } : undefined;
}
