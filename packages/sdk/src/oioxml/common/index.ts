// SPDX-License-Identifier: MIT
export type { UnknownElement } from './context.js';
export { ReadContext } from './context.js';
export { LetterDateTime, readDateTime, readDateTimeChild } from './date-time.js';
export { LetterDiagnosis, readDiagnosis } from './diagnosis.js';
export { LetterHeader, readHeader } from './header.js';
export { Party, PartyPerson, readFields, readParty } from './party.js';
export { LetterPatient, Relative, Telephone, readPatient, readRelative } from './patient.js';
export { LetterReference, readReference } from './reference.js';
export type { CodeLabel, CodeLabels } from './labels.js';
export {
  DIAGNOSE_DESCRIPTION_LABELS,
  DIAGNOSE_TYPE_LABELS,
  EPISODE_OF_CARE_STATUS_LABELS,
  IDENTIFIER_CODE_LABELS,
  OBJECT_CODE_LABELS,
  RELATION_CODE_LABELS,
  STATUS_CODE_LABELS,
  labelOf,
} from './labels.js';
