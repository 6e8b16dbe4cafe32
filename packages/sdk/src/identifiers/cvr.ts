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
 * A successfully parsed CVR number.
 *
 * @category Identifiers
 */
export type ValidCvr = ValidIdentifierBase<'cvr'>;

/**
 * Result of {@link parseCvr}.
 *
 * @category Identifiers
 */
export type CvrResult = ValidCvr | InvalidIdentifier<'cvr'>;

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * Parses a CVR company number: 8 digits, not starting with 0, passing modulus 11 with weights
 * 2,7,6,5,4,3,2,1. Never throws.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidCvr}, or an invalid result with issues.
 * @example
 * ```ts
 * parseCvr('24256790').valid; // true
 * ```
 * @category Identifiers
 */
export function parseCvr(input: string): CvrResult {
  const value = normalizeInput(input);
  const shape = checkDigits('CVR number', value, { exact: 8 });
  if (shape) return invalid('cvr', shape);
  if (value.startsWith('0')) return invalid('cvr', error('format', 'CVR number cannot start with 0.'));
  let sum = 0;
  for (let i = 0; i < CVR_WEIGHTS.length; i++) {
    sum += Number(value[i]) * (CVR_WEIGHTS[i] ?? 0);
  }
  if (sum % 11 !== 0) {
    return invalid('cvr', error('check-digit', 'CVR number fails the modulus 11 check.'));
  }
  return { kind: 'cvr', valid: true, value, issues: [] };
}
