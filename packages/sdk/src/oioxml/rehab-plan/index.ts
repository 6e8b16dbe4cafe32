// SPDX-License-Identifier: MIT
export { abilitySections } from './ability.js';
export { FREE_CHOICE_DAYS, freeChoiceStartBy } from './free-choice.js';
export {
  REHAB_ABILITY_SECTION_LABELS,
  REHAB_CODE_SYSTEM_LABELS,
  REHAB_CONSENT_LABELS,
  REHAB_GP_COPY_LABELS,
  REHAB_ICF_QUALIFIER_LABELS,
  REHAB_LEVEL_LABELS,
  REHAB_PLAN_CODE_LABELS,
  REHAB_PLAN_FIELD_LABELS,
  REHAB_PLAN_SECTIONS,
  REHAB_TELEPHONE_CODE_LABELS,
  REHABILITATION_TYPE_LABELS,
} from './labels.js';
export type { RehabPlanSection, RehabPlanSectionId } from './labels.js';
export {
  RehabAbilityAtDischarge,
  RehabAbilitySection,
  RehabAbilitySubsection,
  RehabAmbulatoryControl,
  RehabCode,
  RehabCoAddress,
  RehabConsent,
  RehabContact,
  RehabContacts,
  RehabDiagnosisGroup,
  RehabFreeChoice,
  RehabGpCopy,
  RehabHospitalContact,
  RehabIcfClassification,
  RehabilitationType,
  RehabJournalExcerpt,
  RehabLevel,
  RehabPatient,
  RehabPerson,
  RehabPlan,
  RehabRelative,
  RehabSender,
} from './model.js';
export type { ReadRehabPlanResult } from './read.js';
export { parseRehabPlan, readRehabPlan } from './read.js';
export { normaliseRehabilitationType } from './rehabilitation-type.js';
