// SPDX-License-Identifier: MIT
import { isValidDate, pad } from './dates.js';
import {
  error,
  invalid,
  normalizeInput,
  warning,
  type IdentifierIssue,
  type InvalidIdentifier,
  type ValidIdentifierBase,
} from './issues.js';

/**
 * A successfully parsed CPR number.
 *
 * @category Identifiers
 */
export interface ValidCpr extends ValidIdentifierBase<'cpr'> {
  /** Birth date as `YYYY-MM-DD`, with the century derived from the 7th digit. */
  readonly birthDate: string;
  readonly century: 1800 | 1900 | 2000;
  /** From the last digit: odd is male, even is female. */
  readonly sex: 'male' | 'female';
  /** `DDMMYY-SSSS`. */
  readonly formatted: string;
  /** Whether the legacy modulus 11 check holds. `false` is only ever a warning. */
  readonly modulus11: boolean;
}

/**
 * Result of {@link parseCpr}.
 *
 * @category Identifiers
 */
export type CprResult = ValidCpr | InvalidIdentifier<'cpr'>;

/**
 * Options for {@link formatCpr}.
 *
 * @category Identifiers
 */
export interface FormatCprOptions {
  /** Insert a hyphen after the 6th digit. Defaults to `true`. */
  readonly hyphen?: boolean;
}

const CPR_SHAPE = /^(\d{6})-?(\d{4})$/;
const MODULUS11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * Full birth year from the two-digit year and the 7th digit (first serial digit).
 *
 * @internal
 */
export function cprBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** @internal */
export function cprModulus11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < MODULUS11_WEIGHTS.length; i++) {
    sum += Number(digits[i]) * (MODULUS11_WEIGHTS[i] ?? 0);
  }
  return sum % 11 === 0;
}

// Shape errors are diagnosed separately so the user learns what to fix, without echoing the value.
function shapeIssue(value: string): IdentifierIssue {
  if (value === '') return error('empty', 'CPR number is empty.');
  if (/[A-Za-z]/.test(value)) {
    return error(
      'format',
      'CPR number must contain digits only; a value with letters may be a replacement CPR (eCPR).',
    );
  }
  if (/^\d{6}\D\d{4}$/.test(value)) {
    return error('format', 'CPR number may only use a hyphen as separator (DDMMYY-SSSS).');
  }
  if (/^[\d-]+$/.test(value)) {
    const digits = value.replace(/-/g, '');
    if (digits.length !== 10) {
      return error('length', `CPR number must have 10 digits (got ${digits.length}).`);
    }
    return error('format', 'CPR number may only have a hyphen after the 6th digit (DDMMYY-SSSS).');
  }
  return error('format', 'CPR number may contain only 10 digits with an optional hyphen after the 6th digit.');
}

/**
 * Parses a Danish CPR number (`DDMMYYSSSS` or `DDMMYY-SSSS`). Never throws.
 *
 * The birth date must exist in the year derived from the 7th digit. A failed modulus 11 check is
 * reported as a warning only, because valid numbers issued since 2007 may fail it.
 *
 * @param input - Raw user input; surrounding whitespace is ignored.
 * @returns A {@link ValidCpr} with birth date, sex and formatting, or an invalid result with issues.
 * @example
 * ```ts
 * const cpr = parseCpr('250947-9989');
 * if (cpr.valid) console.log(cpr.birthDate, cpr.sex); // '1947-09-25' 'male'
 * ```
 * @category Identifiers
 */
export function parseCpr(input: string): CprResult {
  const raw = normalizeInput(input);
  const match = CPR_SHAPE.exec(raw);
  if (!match) return invalid('cpr', shapeIssue(raw));

  const value = `${match[1] ?? ''}${match[2] ?? ''}`;
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const year = cprBirthYear(yy, Number(value[6]));
  if (!isValidDate(day, month, year)) {
    return invalid(
      'cpr',
      error('date', 'CPR number does not start with a valid date (DDMMYY) in the derived birth year.'),
    );
  }

  const modulus11 = cprModulus11(value);
  const issues = modulus11
    ? []
    : [
        warning(
          'modulus11',
          'CPR number fails the modulus 11 check; numbers issued since 2007 may do so and are still valid.',
        ),
      ];

  return {
    kind: 'cpr',
    valid: true,
    value,
    issues,
    birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
    century: (Math.floor(year / 100) * 100) as 1800 | 1900 | 2000,
    sex: Number(value[9]) % 2 === 1 ? 'male' : 'female',
    formatted: `${value.slice(0, 6)}-${value.slice(6)}`,
    modulus11,
  };
}

/**
 * Formats a CPR-shaped value as `DDMMYY-SSSS` (or `DDMMYYSSSS`). Only the shape is checked, not the
 * date; input that is not 10 digits with an optional hyphen is returned trimmed and unchanged.
 *
 * @param value - A CPR number with or without hyphen.
 * @param options - `hyphen` (default `true`) controls the separator.
 * @returns The formatted number.
 * @example
 * ```ts
 * formatCpr('2509479989'); // '250947-9989'
 * formatCpr('250947-9989', { hyphen: false }); // '2509479989'
 * ```
 * @category Identifiers
 */
export function formatCpr(value: string, options: FormatCprOptions = {}): string {
  const raw = normalizeInput(value);
  const match = CPR_SHAPE.exec(raw);
  if (!match) return raw;
  const separator = (options.hyphen ?? true) ? '-' : '';
  return `${match[1] ?? ''}${separator}${match[2] ?? ''}`;
}

/**
 * Whether the input is a valid CPR number (modulus 11 failures still count as valid).
 *
 * @param input - Raw user input.
 * @returns `true` when {@link parseCpr} succeeds.
 * @example
 * ```ts
 * isCpr('2509479989'); // true
 * isCpr('3102801234'); // false: 31 February
 * ```
 * @category Identifiers
 */
export function isCpr(input: string): boolean {
  return parseCpr(input).valid;
}
