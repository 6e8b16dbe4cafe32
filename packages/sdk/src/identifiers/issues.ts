// SPDX-License-Identifier: MIT

/**
 * Every identifier kind this module understands.
 *
 * @example
 * ```ts
 * IDENTIFIER_KINDS.includes('gln'); // true
 * ```
 * @category Identifiers
 */
export const IDENTIFIER_KINDS = Object.freeze([
  'cpr',
  'ecpr',
  'gln',
  'sor',
  'cvr',
  'ydernummer',
  'kommunenummer',
] as const);

/**
 * The Danish identifier kinds this module understands.
 *
 * @category Identifiers
 */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Machine-readable reason for an {@link IdentifierIssue}.
 *
 * @category Identifiers
 */
export type IdentifierIssueCode =
  'empty' | 'format' | 'length' | 'date' | 'check-digit' | 'modulus11' | 'range' | 'system' | 'unknown';

/**
 * One finding about a parsed identifier. Messages are English and never contain the input value,
 * so they are safe to log even when the input was a CPR number.
 *
 * @category Identifiers
 */
export interface IdentifierIssue {
  /** `error` makes the result invalid; `warning` is informational only. */
  readonly severity: 'error' | 'warning';
  /** Stable machine-readable code. */
  readonly code: IdentifierIssueCode;
  /** Human-readable English explanation. */
  readonly message: string;
}

/**
 * Fields shared by every successful parse result.
 *
 * @category Identifiers
 */
export interface ValidIdentifierBase<K extends IdentifierKind> {
  readonly kind: K;
  readonly valid: true;
  /** The normalised value (trimmed; digits only for numeric identifiers). */
  readonly value: string;
  /** Warnings only; an empty array when nothing was noticed. */
  readonly issues: readonly IdentifierIssue[];
}

/**
 * A failed parse result. `issues` always holds at least one error.
 *
 * @category Identifiers
 */
export interface InvalidIdentifier<K extends IdentifierKind | 'unknown'> {
  readonly kind: K;
  readonly valid: false;
  readonly issues: readonly IdentifierIssue[];
}

/** @internal */
export function error(code: IdentifierIssueCode, message: string): IdentifierIssue {
  return { severity: 'error', code, message };
}

/** @internal */
export function warning(code: IdentifierIssueCode, message: string): IdentifierIssue {
  return { severity: 'warning', code, message };
}

/** @internal */
export function invalid<K extends IdentifierKind | 'unknown'>(
  kind: K,
  ...issues: [IdentifierIssue, ...IdentifierIssue[]]
): InvalidIdentifier<K> {
  return { kind, valid: false, issues };
}

/**
 * Trims the input. Non-string input (possible from untyped JSON) becomes the empty string so that
 * parsers report it instead of throwing.
 *
 * @internal
 */
export function normalizeInput(input: unknown): string {
  return typeof input === 'string' ? input.trim() : '';
}

/**
 * Shared shape check for identifiers that are a fixed number of digits. Returns an error issue, or
 * `undefined` when the shape is fine.
 *
 * @internal
 */
export function checkDigits(
  label: string,
  value: string,
  length: { readonly exact: number } | { readonly min: number },
): IdentifierIssue | undefined {
  if (value === '') return error('empty', `${label} is empty.`);
  if (!/^\d+$/.test(value)) return error('format', `${label} must contain digits only.`);
  if ('exact' in length && value.length !== length.exact) {
    return error('length', `${label} must have exactly ${length.exact} digits (got ${value.length}).`);
  }
  if ('min' in length && value.length < length.min) {
    return error('length', `${label} must have at least ${length.min} digits (got ${value.length}).`);
  }
  return undefined;
}
