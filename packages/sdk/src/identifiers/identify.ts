// SPDX-License-Identifier: MIT
import { error, invalid, normalizeInput, type IdentifierKind } from './issues.js';
import {
  IDENTIFIER_PARSERS,
  isIdentifierKind,
  type IdentifierResult,
  type IdentifierResultByKind,
  type UnknownIdentifierResult,
} from './parsers.js';

/**
 * Guesses the identifier kind from the shape of a raw value, or `undefined` if nothing fits.
 * Values of 10 digits are treated as CPR even though a ydernummer or SOR id could never be that long.
 *
 * @internal
 */
export function detectKind(value: string): IdentifierKind | undefined {
  if (value.length === 10 && /[A-Za-z]/.test(value)) return 'ecpr';
  if (/^\d{10}$/.test(value) || /^\d{6}-\d{4}$/.test(value)) return 'cpr';
  if (!/^\d+$/.test(value)) return undefined;
  switch (value.length) {
    case 13:
      return 'gln';
    case 8:
      return 'cvr';
    case 3:
      return 'kommunenummer';
    case 6:
      return 'ydernummer';
    default:
      return value.length >= 11 ? 'sor' : undefined;
  }
}

/**
 * Parses a value as the given identifier kind, or detects the kind from its shape: letters and 10
 * characters is eCPR; 10 digits (optionally hyphenated after 6) is CPR; then 13 digits GLN, 8 CVR,
 * 3 kommunenummer, 6 ydernummer, and any other run of at least 11 digits SOR. Never throws.
 *
 * @param value - Raw user input; surrounding whitespace is ignored.
 * @param kind - Skip detection and use this kind's parser.
 * @returns The parse result, or a result of kind `'unknown'` when no kind fits.
 * @example
 * ```ts
 * identify('5790001382445').kind; // 'gln'
 * identify('079741', 'ydernummer').valid; // true
 * ```
 * @category Identifiers
 */
export function identify<K extends IdentifierKind>(
  value: string,
  kind: K,
): IdentifierResultByKind[K] | UnknownIdentifierResult;
export function identify(value: string, kind?: IdentifierKind): IdentifierResult | UnknownIdentifierResult;
export function identify(value: string, kind?: IdentifierKind): IdentifierResult | UnknownIdentifierResult {
  if (kind !== undefined && !isIdentifierKind(kind)) {
    return invalid('unknown', error('unknown', 'Unsupported identifier kind.'));
  }
  const resolved = kind ?? detectKind(normalizeInput(value));
  if (resolved === undefined) {
    const raw = normalizeInput(value);
    return invalid(
      'unknown',
      raw === ''
        ? error('empty', 'Identifier is empty.')
        : error('unknown', 'Value does not have the shape of a supported Danish identifier.'),
    );
  }
  return IDENTIFIER_PARSERS[resolved](value);
}
