// SPDX-License-Identifier: MIT

/**
 * FHIR identifier system for CPR numbers (used with `use: 'official'`).
 *
 * @example
 * ```ts
 * const identifier = { use: 'official', system: CPR_SYSTEM, value: '2509479989' };
 * ```
 * @category Identifiers
 */
export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

/**
 * FHIR identifier system for national replacement CPR numbers (X-eCPR, used with `use: 'temp'`).
 *
 * @example
 * ```ts
 * const identifier = { use: 'temp', system: X_ECPR_SYSTEM, value: '0703921VJ4' };
 * ```
 * @category Identifiers
 */
export const X_ECPR_SYSTEM = 'urn:oid:1.2.208.176.1.6.1.1';

/**
 * FHIR identifier system for regional replacement CPR numbers (D-eCPR). Emitted by default; the
 * per-region sub-systems in {@link D_ECPR_REGIONAL_SYSTEMS} are accepted too.
 *
 * @example
 * ```ts
 * const identifier = { use: 'temp', system: D_ECPR_SYSTEM, value: '0101015AB3' };
 * ```
 * @category Identifiers
 */
export const D_ECPR_SYSTEM = 'urn:oid:1.2.208.176.1.6.1.3';

/**
 * The five Danish regions, as keys of {@link D_ECPR_REGIONAL_SYSTEMS}.
 *
 * @category Identifiers
 */
export type DanishRegion = 'sjaelland' | 'nordjylland' | 'midtjylland' | 'syddanmark' | 'hovedstaden';

/**
 * Per-region D-eCPR identifier systems (sub-OIDs of {@link D_ECPR_SYSTEM}).
 *
 * @example
 * ```ts
 * D_ECPR_REGIONAL_SYSTEMS.hovedstaden; // 'urn:oid:1.2.208.176.1.6.1.3.187'
 * ```
 * @category Identifiers
 */
export const D_ECPR_REGIONAL_SYSTEMS: Readonly<Record<DanishRegion, string>> = Object.freeze({
  sjaelland: 'urn:oid:1.2.208.176.1.6.1.3.177',
  nordjylland: 'urn:oid:1.2.208.176.1.6.1.3.179',
  midtjylland: 'urn:oid:1.2.208.176.1.6.1.3.181',
  syddanmark: 'urn:oid:1.2.208.176.1.6.1.3.183',
  hovedstaden: 'urn:oid:1.2.208.176.1.6.1.3.187',
});

/**
 * FHIR identifier system for SOR ids (Sundhedsvæsenets Organisationsregister).
 *
 * @example
 * ```ts
 * const identifier = { system: SOR_SYSTEM, value: '265161000016000' };
 * ```
 * @category Identifiers
 */
export const SOR_SYSTEM = 'urn:oid:1.2.208.176.1.1';

/**
 * FHIR identifier system for GLN/EAN location numbers, as emitted. This is the URI used by the
 * pinned MedCom packages and examples.
 *
 * @example
 * ```ts
 * const identifier = { system: GLN_SYSTEM, value: '5790001382445' };
 * ```
 * @category Identifiers
 */
export const GLN_SYSTEM = 'https://www.gs1.org/gln';

/**
 * Every GLN system URI accepted on input: MedCom uses `https`, newer dk-core uses `http`.
 *
 * @example
 * ```ts
 * GLN_SYSTEM_ALTERNATES.includes('http://www.gs1.org/gln'); // true
 * ```
 * @category Identifiers
 */
export const GLN_SYSTEM_ALTERNATES: readonly string[] = Object.freeze([
  'https://www.gs1.org/gln',
  'http://www.gs1.org/gln',
]);

/**
 * FHIR identifier system for ydernumre (GP practice numbers).
 *
 * @example
 * ```ts
 * const identifier = { system: YDERNUMMER_SYSTEM, value: '079741' };
 * ```
 * @category Identifiers
 */
export const YDERNUMMER_SYSTEM = 'urn:oid:1.2.208.176.1.4';

/**
 * FHIR identifier system for CVR company numbers.
 *
 * @example
 * ```ts
 * const identifier = { system: CVR_SYSTEM, value: '24256790' };
 * ```
 * @category Identifiers
 */
export const CVR_SYSTEM = 'http://cvr.dk';

/**
 * dk-core code system for municipality codes (kommunenumre).
 *
 * @example
 * ```ts
 * const coding = { system: MUNICIPALITY_CODE_SYSTEM, code: '461' };
 * ```
 * @category Identifiers
 */
export const MUNICIPALITY_CODE_SYSTEM = 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes';
