// SPDX-License-Identifier: MIT
import { parseEcpr } from './ecpr.js';
import { error, invalid, type IdentifierIssue, type IdentifierKind } from './issues.js';
import {
  IDENTIFIER_PARSERS,
  type IdentifierResult,
  type UnknownIdentifierResult,
  type ValidIdentifier,
} from './parsers.js';
import {
  CPR_SYSTEM,
  CVR_SYSTEM,
  D_ECPR_REGIONAL_SYSTEMS,
  D_ECPR_SYSTEM,
  GLN_SYSTEM,
  GLN_SYSTEM_ALTERNATES,
  MUNICIPALITY_CODE_SYSTEM,
  SOR_SYSTEM,
  X_ECPR_SYSTEM,
  YDERNUMMER_SYSTEM,
} from './systems.js';

/**
 * Minimal local shape of a FHIR `Identifier`; other FHIR elements pass through untyped.
 *
 * @category Identifiers
 */
export interface FhirIdentifier {
  use?: string;
  system?: string;
  value?: string;
  [key: string]: unknown;
}

const X_ECPR_SYSTEMS: readonly string[] = [X_ECPR_SYSTEM];
const D_ECPR_SYSTEMS: readonly string[] = [D_ECPR_SYSTEM, ...Object.values(D_ECPR_REGIONAL_SYSTEMS)];

const KIND_BY_SYSTEM: ReadonlyMap<string, IdentifierKind> = new Map<string, IdentifierKind>([
  [CPR_SYSTEM, 'cpr'],
  ...X_ECPR_SYSTEMS.map((s): [string, IdentifierKind] => [s, 'ecpr']),
  ...D_ECPR_SYSTEMS.map((s): [string, IdentifierKind] => [s, 'ecpr']),
  [SOR_SYSTEM, 'sor'],
  ...GLN_SYSTEM_ALTERNATES.map((s): [string, IdentifierKind] => [s, 'gln']),
  [YDERNUMMER_SYSTEM, 'ydernummer'],
  [CVR_SYSTEM, 'cvr'],
  [MUNICIPALITY_CODE_SYSTEM, 'kommunenummer'],
]);

/**
 * Builds a FHIR `Identifier` from a successful parse result. CPR gets `use: 'official'` and the
 * unhyphenated value; eCPR gets `use: 'temp'` and its variant's system; GLN uses {@link GLN_SYSTEM}.
 * A kommunenummer gets {@link MUNICIPALITY_CODE_SYSTEM}.
 *
 * @param parsed - A result with `valid: true` from any parser in this module.
 * @returns A new FHIR identifier object.
 * @example
 * ```ts
 * const cpr = parseCpr('250947-9989');
 * if (cpr.valid) toFhirIdentifier(cpr);
 * // { use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: '2509479989' }
 * ```
 * @category Identifiers
 */
export function toFhirIdentifier(parsed: ValidIdentifier): FhirIdentifier {
  switch (parsed.kind) {
    case 'cpr':
      return { use: 'official', system: CPR_SYSTEM, value: parsed.value };
    case 'ecpr':
      return { use: 'temp', system: parsed.system, value: parsed.value };
    case 'gln':
      return { system: GLN_SYSTEM, value: parsed.value };
    case 'sor':
      return { system: SOR_SYSTEM, value: parsed.value };
    case 'cvr':
      return { system: CVR_SYSTEM, value: parsed.value };
    case 'ydernummer':
      return { system: YDERNUMMER_SYSTEM, value: parsed.value };
    case 'kommunenummer':
      return { system: MUNICIPALITY_CODE_SYSTEM, value: parsed.value };
  }
}

function systemIssue(message: string): IdentifierIssue {
  return error('system', message);
}

/**
 * Parses a FHIR `Identifier` by choosing the parser from its `system`. Both GLN URIs and the
 * regional D-eCPR sub-systems are accepted, and an eCPR value must match the variant its system
 * names. Never throws.
 *
 * @param identifier - A FHIR identifier, typically from a Patient or Organization.
 * @returns The parse result, or an invalid result with code `'system'` when the system is missing
 *   or unknown (kind `'unknown'`) and code `'empty'` when the value is missing.
 * @example
 * ```ts
 * fromFhirIdentifier({ system: 'http://www.gs1.org/gln', value: '5790001382445' }).valid; // true
 * ```
 * @category Identifiers
 */
export function fromFhirIdentifier(identifier: FhirIdentifier): IdentifierResult | UnknownIdentifierResult {
  const system: unknown = identifier?.system;
  const value: unknown = identifier?.value;
  if (typeof system !== 'string' || system === '') {
    return invalid('unknown', systemIssue('Identifier has no system.'));
  }
  const kind = KIND_BY_SYSTEM.get(system);
  if (kind === undefined) {
    return invalid('unknown', systemIssue('Identifier system is not a supported Danish identifier system.'));
  }
  if (value === undefined || value === null || value === '') {
    return invalid(kind, error('empty', 'Identifier has no value.'));
  }
  if (typeof value !== 'string') {
    return invalid(kind, error('format', 'Identifier value must be a string.'));
  }
  if (kind !== 'ecpr') return IDENTIFIER_PARSERS[kind](value);

  const ecpr = parseEcpr(value);
  if (!ecpr.valid) return ecpr;
  const expected = ecpr.variant === 'x-ecpr' ? X_ECPR_SYSTEMS : D_ECPR_SYSTEMS;
  if (!expected.includes(system)) {
    const [valueName, systemName] = ecpr.variant === 'x-ecpr' ? ['an X-eCPR', 'D-eCPR'] : ['a D-eCPR', 'X-eCPR'];
    return invalid('ecpr', systemIssue(`Identifier system is for ${systemName} but the value is ${valueName}.`));
  }
  // Keeps a regional sub-system, so converting back to FHIR preserves the region.
  return { ...ecpr, system };
}
