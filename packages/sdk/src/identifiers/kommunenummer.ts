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
 * A successfully parsed kommunenummer.
 *
 * @category Identifiers
 */
export type ValidKommunenummer = ValidIdentifierBase<'kommunenummer'>;

/**
 * Result of {@link parseKommunenummer}.
 *
 * @category Identifiers
 */
export type KommunenummerResult = ValidKommunenummer | InvalidIdentifier<'kommunenummer'>;

const MIN = 101;
const MAX = 860;

/**
 * Parses a Danish municipality code (kommunenummer): 3 digits in the range 101–860. Never throws.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidKommunenummer}, or an invalid result with issues.
 * @example
 * ```ts
 * parseKommunenummer('461').valid; // true (Odense)
 * ```
 * @category Identifiers
 */
export function parseKommunenummer(input: string): KommunenummerResult {
  const value = normalizeInput(input);
  const shape = checkDigits('Kommunenummer', value, { exact: 3 });
  if (shape) return invalid('kommunenummer', shape);
  const n = Number(value);
  if (n < MIN || n > MAX) {
    return invalid('kommunenummer', error('range', `Kommunenummer must be between ${MIN} and ${MAX}.`));
  }
  return { kind: 'kommunenummer', valid: true, value, issues: [] };
}
