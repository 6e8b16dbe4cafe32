// SPDX-License-Identifier: MIT

export { IDENTIFIER_KINDS } from './issues.js';
export type {
  IdentifierIssue,
  IdentifierIssueCode,
  IdentifierKind,
  InvalidIdentifier,
  ValidIdentifierBase,
} from './issues.js';

export { formatCpr, isCpr, parseCpr } from './cpr.js';
export type { CprResult, FormatCprOptions, ValidCpr } from './cpr.js';

export { ageOn } from './age.js';

export { parseEcpr } from './ecpr.js';
export type { EcprResult, EcprVariant, ValidEcpr } from './ecpr.js';

export { glnCheckDigit, parseGln } from './gln.js';
export type { GlnResult, ValidGln } from './gln.js';

export { parseSor } from './sor.js';
export type { SorResult, ValidSor } from './sor.js';

export { parseCvr } from './cvr.js';
export type { CvrResult, ValidCvr } from './cvr.js';

export { parseYdernummer } from './ydernummer.js';
export type { ValidYdernummer, YdernummerResult } from './ydernummer.js';

export { parseKommunenummer } from './kommunenummer.js';
export type { KommunenummerResult, ValidKommunenummer } from './kommunenummer.js';

export {
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
export type { DanishRegion } from './systems.js';

export { IDENTIFIER_PARSERS } from './parsers.js';
export type { IdentifierResult, IdentifierResultByKind, UnknownIdentifierResult, ValidIdentifier } from './parsers.js';

export { identify } from './identify.js';

export { fromFhirIdentifier, toFhirIdentifier } from './fhir.js';
export type { FhirIdentifier } from './fhir.js';

export { redactCpr } from './redact.js';
