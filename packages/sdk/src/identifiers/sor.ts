// SPDX-License-Identifier: MIT
import { checkDigits, invalid, normalizeInput, type InvalidIdentifier, type ValidIdentifierBase } from './issues.js';

/**
 * A successfully parsed SOR id.
 *
 * @category Identifiers
 */
export type ValidSor = ValidIdentifierBase<'sor'>;

/**
 * Result of {@link parseSor}.
 *
 * @category Identifiers
 */
export type SorResult = ValidSor | InvalidIdentifier<'sor'>;

/**
 * Parses a SOR id (Sundhedsvæsenets Organisationsregister): digits only, at least 11 of them. SOR
 * ids carry no check digit, so only the shape is validated. Never throws.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidSor}, or an invalid result with issues.
 * @example
 * ```ts
 * parseSor('265161000016000').valid; // true
 * ```
 * @category Identifiers
 */
export function parseSor(input: string): SorResult {
  const value = normalizeInput(input);
  const shape = checkDigits('SOR id', value, { min: 11 });
  if (shape) return invalid('sor', shape);
  return { kind: 'sor', valid: true, value, issues: [] };
}
