// SPDX-License-Identifier: MIT
import {
  checkDigits,
  error,
  invalid,
  normalizeInput,
  type InvalidIdentifier,
  type ValidIdentifierBase,
} from './issues.js';

/**
 * A successfully parsed GLN (EAN location number, lokationsnummer).
 *
 * @category Identifiers
 */
export type ValidGln = ValidIdentifierBase<'gln'>;

/**
 * Result of {@link parseGln}.
 *
 * @category Identifiers
 */
export type GlnResult = ValidGln | InvalidIdentifier<'gln'>;

/**
 * Computes the GS1 mod-10 check digit for the first 12 digits of a GLN.
 *
 * @param first12 - Exactly 12 digits.
 * @returns The check digit 0–9, or `undefined` if the input is not exactly 12 digits.
 * @example
 * ```ts
 * glnCheckDigit('579000138244'); // 5
 * ```
 * @category Identifiers
 */
export function glnCheckDigit(first12: string): number | undefined {
  if (typeof first12 !== 'string' || !/^\d{12}$/.test(first12)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Parses a GLN/EAN location number: 13 digits whose last digit is the GS1 mod-10 check digit.
 * Never throws.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidGln}, or an invalid result with issues.
 * @example
 * ```ts
 * parseGln('5790001382445').valid; // true
 * ```
 * @category Identifiers
 */
export function parseGln(input: string): GlnResult {
  const value = normalizeInput(input);
  const shape = checkDigits('GLN', value, { exact: 13 });
  if (shape) return invalid('gln', shape);
  const expected = glnCheckDigit(value.slice(0, 12));
  if (expected !== Number(value[12])) {
    return invalid('gln', error('check-digit', `GLN check digit is wrong (expected ${String(expected)}).`));
  }
  return { kind: 'gln', valid: true, value, issues: [] };
}
