// SPDX-License-Identifier: MIT
// Codes and URLs of CareCommunication 5.0 (facts from the carecommunication 5.0.2, core 3.0.1 and terminology
// 2.0.1 packages the standard pins).
import { profileUrl } from './urls.js';

/**
 * The CareCommunication categories (CodeSystem `medcom-careCommunication-categoryCodes`). `other` needs a topic;
 * only `regarding-referral` may carry priority `asap`.
 *
 * @example
 * ```ts
 * CARE_COMMUNICATION_CATEGORIES.includes('examination-results'); // true
 * ```
 * @category Builders
 */
export const CARE_COMMUNICATION_CATEGORIES = [
  'alcohol-and-drug-treatment',
  'assistive-devices',
  'carecoordination',
  'decease',
  'discharge',
  'examination-results',
  'healthcare',
  'home-care-assessment',
  'medicine',
  'nursing',
  'outpatient',
  'psychiatry-social-disability',
  'regarding-referral',
  'telemedicine',
  'training',
  'acute-ambulant',
  'extended-care-responsibility',
  'other',
] as const;

/**
 * A CareCommunication category code.
 *
 * @example
 * ```ts
 * const category: CareCommunicationCategory = 'regarding-referral';
 * ```
 * @category Builders
 */
export type CareCommunicationCategory = (typeof CARE_COMMUNICATION_CATEGORIES)[number];

/**
 * The v3 ActCode encounter classes the core encounter-class ValueSet takes (descendants of `_ActEncounterCode`).
 *
 * @example
 * ```ts
 * ENCOUNTER_CLASSES.includes('IMP'); // true
 * ```
 * @category Builders
 */
export const ENCOUNTER_CLASSES = ['AMB', 'EMER', 'FLD', 'HH', 'IMP', 'ACUTE', 'NONAC', 'PRENC', 'SS', 'VR'] as const;

/**
 * The FHIR R4 Encounter statuses.
 *
 * @example
 * ```ts
 * ENCOUNTER_STATUSES.includes('in-progress'); // true
 * ```
 * @category Builders
 */
export const ENCOUNTER_STATUSES = [
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;

const CORE_EXTENSION = (id: string) => `http://medcomfhir.dk/ig/core/StructureDefinition/${id}`;

/** Profiles, extensions and systems the CareCommunication builders write. @internal */
export const CC = {
  messageProfile: profileUrl('carecommunication', 'medcom-careCommunication-message'),
  headerProfile: profileUrl('carecommunication', 'medcom-careCommunication-messageHeader'),
  communicationProfile: profileUrl('carecommunication', 'medcom-careCommunication-communication'),
  provenanceProfile: profileUrl('carecommunication', 'medcom-careCommunication-provenance'),
  practitionerProfile: profileUrl('core', 'medcom-core-practitioner'),
  practitionerRoleProfile: profileUrl('core', 'medcom-core-practitionerrole'),
  careTeamProfile: profileUrl('core', 'medcom-core-careteam'),
  encounterProfile: profileUrl('core', 'medcom-core-encounter'),
  eventCode: 'care-communication-message',
  // The 5.x MessageDefinition with the minor version this builder writes (§2.4: `|5.<minor>` is required).
  definition:
    'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0',
  dateExtension: CORE_EXTENSION('medcom-core-datetime-extension'),
  identifierExtension: CORE_EXTENSION('medcom-core-identifier-extension'),
  authorExtension: CORE_EXTENSION('medcom-core-practitioner-extension'),
  contactExtension: CORE_EXTENSION('medcom-core-contact-extension'),
  roleSystem: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ',
} as const;
