// SPDX-License-Identifier: MIT
import { isValidDate } from './dates.js';
import {
  error,
  invalid,
  normalizeInput,
  type IdentifierIssue,
  type InvalidIdentifier,
  type ValidIdentifierBase,
} from './issues.js';
import { D_ECPR_SYSTEM, X_ECPR_SYSTEM } from './systems.js';

/**
 * National (X-eCPR) or regional (D-eCPR) replacement CPR.
 *
 * @category Identifiers
 */
export type EcprVariant = 'x-ecpr' | 'd-ecpr';

/**
 * A successfully parsed replacement CPR number.
 *
 * @category Identifiers
 */
export interface ValidEcpr extends ValidIdentifierBase<'ecpr'> {
  readonly variant: EcprVariant;
  /** FHIR identifier system for the variant (a regional sub-system when read from FHIR). */
  readonly system: string;
}

/**
 * Result of {@link parseEcpr}.
 *
 * @category Identifiers
 */
export type EcprResult = ValidEcpr | InvalidIdentifier<'ecpr'>;

const ECPR_SHAPE = /^(\d{2})(\d{2})\d{2}(\d)[A-Z]{2}\d$/;

function shapeIssue(value: string): IdentifierIssue {
  if (value === '') return error('empty', 'Replacement CPR (eCPR) is empty.');
  if (value.length !== 10) {
    return error('length', `Replacement CPR (eCPR) must have 10 characters (got ${value.length}).`);
  }
  if (/^\d{7}[a-z]{2}\d$/i.test(value)) {
    return error('format', 'Replacement CPR (eCPR) letters must be uppercase A–Z.');
  }
  return error(
    'format',
    'Replacement CPR (eCPR) must be DDMMYY, a variant digit, two uppercase letters A–Z and a digit.',
  );
}

/**
 * Parses a replacement CPR number (eCPR): `DDMMYY` + variant digit + two letters A–Z + one digit.
 * Variant digit 1 or 7 is a national X-eCPR; 0, 5 or 6 is a regional D-eCPR. Never throws.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidEcpr} with variant and FHIR system, or an invalid result with issues.
 * @example
 * ```ts
 * const ecpr = parseEcpr('0703921VJ4');
 * if (ecpr.valid) console.log(ecpr.variant); // 'x-ecpr'
 * ```
 * @category Identifiers
 */
export function parseEcpr(input: string): EcprResult {
  const value = normalizeInput(input);
  const match = ECPR_SHAPE.exec(value);
  if (!match) return invalid('ecpr', shapeIssue(value));

  // The year cannot be derived, so only DDMM is checked, allowing 29 February.
  if (!isValidDate(Number(match[1]), Number(match[2]))) {
    return invalid('ecpr', error('date', 'Replacement CPR (eCPR) does not start with a valid day and month (DDMM).'));
  }

  const variantDigit = match[3];
  let variant: EcprVariant;
  if (variantDigit === '1' || variantDigit === '7') variant = 'x-ecpr';
  else if (variantDigit === '0' || variantDigit === '5' || variantDigit === '6') variant = 'd-ecpr';
  else {
    return invalid(
      'ecpr',
      error('format', 'Replacement CPR (eCPR) 7th character must be 1 or 7 (X-eCPR) or 0, 5 or 6 (D-eCPR).'),
    );
  }

  return {
    kind: 'ecpr',
    valid: true,
    value,
    issues: [],
    variant,
    system: variant === 'x-ecpr' ? X_ECPR_SYSTEM : D_ECPR_SYSTEM,
  };
}
