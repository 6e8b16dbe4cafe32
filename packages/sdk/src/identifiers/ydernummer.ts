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
 * A successfully parsed ydernummer.
 *
 * @category Identifiers
 */
export type ValidYdernummer = ValidIdentifierBase<'ydernummer'>;

/**
 * Result of {@link parseYdernummer}.
 *
 * @category Identifiers
 */
export type YdernummerResult = ValidYdernummer | InvalidIdentifier<'ydernummer'>;

/**
 * Parses a ydernummer (provider number of a GP practice): exactly 6 digits. Leading zeros are
 * significant, so shorter values are rejected rather than padded. Never throws.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidYdernummer}, or an invalid result with issues.
 * @example
 * ```ts
 * parseYdernummer('079741').valid; // true
 * parseYdernummer('79741').valid; // false: leading zero missing
 * ```
 * @category Identifiers
 */
export function parseYdernummer(input: string): YdernummerResult {
  const value = normalizeInput(input);
  const shape = checkDigits('Ydernummer', value, { exact: 6 });
  if (shape?.code === 'length') {
    // Padding could silently turn a typo into another practice's number, so ask for the full value.
    return invalid(
      'ydernummer',
      error('length', `Ydernummer must have exactly 6 digits including leading zeros (got ${value.length}).`),
    );
  }
  if (shape) return invalid('ydernummer', shape);
  return { kind: 'ydernummer', valid: true, value, issues: [] };
}
