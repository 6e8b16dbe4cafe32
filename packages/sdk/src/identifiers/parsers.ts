// SPDX-License-Identifier: MIT
import { parseCpr, type CprResult, type ValidCpr } from './cpr.js';
import { parseCvr, type CvrResult, type ValidCvr } from './cvr.js';
import { parseEcpr, type EcprResult, type ValidEcpr } from './ecpr.js';
import { parseGln, type GlnResult, type ValidGln } from './gln.js';
import { IDENTIFIER_KINDS, type IdentifierKind, type InvalidIdentifier } from './issues.js';
import { parseKommunenummer, type KommunenummerResult, type ValidKommunenummer } from './kommunenummer.js';
import { parseSor, type SorResult, type ValidSor } from './sor.js';
import { parseYdernummer, type ValidYdernummer, type YdernummerResult } from './ydernummer.js';

/**
 * Parse result type for each {@link IdentifierKind}.
 *
 * @category Identifiers
 */
export interface IdentifierResultByKind {
  cpr: CprResult;
  ecpr: EcprResult;
  gln: GlnResult;
  sor: SorResult;
  cvr: CvrResult;
  ydernummer: YdernummerResult;
  kommunenummer: KommunenummerResult;
}

/**
 * Any parse result for a known identifier kind.
 *
 * @category Identifiers
 */
export type IdentifierResult = IdentifierResultByKind[IdentifierKind];

/**
 * Any successful parse result.
 *
 * @category Identifiers
 */
export type ValidIdentifier =
  ValidCpr | ValidEcpr | ValidGln | ValidSor | ValidCvr | ValidYdernummer | ValidKommunenummer;

/**
 * Result when the kind of an identifier could not be determined.
 *
 * @category Identifiers
 */
export type UnknownIdentifierResult = InvalidIdentifier<'unknown'>;

/**
 * The parser for each identifier kind.
 *
 * @example
 * ```ts
 * IDENTIFIER_PARSERS.gln('5790001382445').valid; // true
 * ```
 * @category Identifiers
 */
export const IDENTIFIER_PARSERS: {
  readonly [K in IdentifierKind]: (input: string) => IdentifierResultByKind[K];
} = Object.freeze({
  cpr: parseCpr,
  ecpr: parseEcpr,
  gln: parseGln,
  sor: parseSor,
  cvr: parseCvr,
  ydernummer: parseYdernummer,
  kommunenummer: parseKommunenummer,
});

/** @internal */
export function isIdentifierKind(kind: unknown): kind is IdentifierKind {
  return (IDENTIFIER_KINDS as readonly unknown[]).includes(kind);
}
