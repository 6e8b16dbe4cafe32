// SPDX-License-Identifier: MIT
// Display labels for a GGOP. The Danish section headings are those of the GGOP→XDIS91 converter (no MedCom GGOP
// display is public); the code labels and every English wording are ours. Code tables shared with the other
// letters come from common/labels.ts, and a viewer falls back to the raw code (labelOf) for anything missing.
import {
  EPISODE_OF_CARE_STATUS_LABELS,
  IDENTIFIER_CODE_LABELS,
  OBJECT_CODE_LABELS,
  RELATION_CODE_LABELS,
  type CodeLabel,
  type CodeLabels,
} from '../common/labels.js';

const GENERAL: CodeLabel = { da: 'Almen genoptræning', en: 'General rehabilitation' };
const GENERAL_BASIC: CodeLabel = {
  da: 'Almen genoptræning på basalt niveau',
  en: 'General rehabilitation, basic level',
};
const GENERAL_ADVANCED: CodeLabel = {
  da: 'Almen genoptræning på avanceret niveau',
  en: 'General rehabilitation, advanced level',
};
const SPECIALISED: CodeLabel = { da: 'Specialiseret genoptræning', en: 'Specialised rehabilitation' };
const SPECIALISED_REHABILITATION: CodeLabel = {
  da: 'Rehabilitering på specialiseret niveau',
  en: 'Rehabilitation at specialised level',
};

/**
 * The normalised rehabilitation level (`rehabilitationType.level`).
 * @example
 * ```ts
 * labelOf(REHAB_LEVEL_LABELS, plan.rehabilitationType.level, 'da'); // 'Specialiseret genoptræning'
 * ```
 * @category OIOXML
 */
export const REHAB_LEVEL_LABELS: CodeLabels = {
  general: GENERAL,
  'general-basic': GENERAL_BASIC,
  'general-advanced': GENERAL_ADVANCED,
  specialised: SPECIALISED,
  'specialised-rehabilitation': SPECIALISED_REHABILITATION,
  unknown: { da: 'Ukendt type', en: 'Unknown type' },
};

/**
 * `TypeOfRehabilitationPlan` as written (the short values; longer spellings fall back to the raw text).
 * @example
 * ```ts
 * labelOf(REHABILITATION_TYPE_LABELS, 'specialiseret', 'en'); // 'Specialised rehabilitation'
 * ```
 * @category OIOXML
 */
export const REHABILITATION_TYPE_LABELS: CodeLabels = {
  almen: GENERAL,
  basal: GENERAL_BASIC,
  avanceret: GENERAL_ADVANCED,
  specialiseret: SPECIALISED,
  rehabilitering: SPECIALISED_REHABILITATION,
};

/**
 * `ConsentInformed`.
 * @example
 * ```ts
 * labelOf(REHAB_CONSENT_LABELS, 'ja', 'en'); // 'Yes'
 * ```
 * @category OIOXML
 */
export const REHAB_CONSENT_LABELS: CodeLabels = {
  ja: { da: 'Ja', en: 'Yes' },
  nej: { da: 'Nej', en: 'No' },
};

/**
 * `TelephoneSubscriberCode`: the kind of a telephone number.
 * @example
 * ```ts
 * labelOf(REHAB_TELEPHONE_CODE_LABELS, 'mobil', 'en'); // 'Mobile'
 * ```
 * @category OIOXML
 */
export const REHAB_TELEPHONE_CODE_LABELS: CodeLabels = {
  mobil: { da: 'Mobil', en: 'Mobile' },
  fastnet: { da: 'Fastnet', en: 'Landline' },
  arbejde: { da: 'Arbejde', en: 'Work' },
};

/**
 * `TypeCode` of a coded value: the code system of a diagnosis or ICF code.
 * @example
 * ```ts
 * labelOf(REHAB_CODE_SYSTEM_LABELS, 'ICD10kode', 'da'); // 'ICD-10'
 * ```
 * @category OIOXML
 */
export const REHAB_CODE_SYSTEM_LABELS: CodeLabels = {
  ICD10kode: { da: 'ICD-10', en: 'ICD-10' },
  ICFKode: { da: 'ICF', en: 'ICF' },
};

/**
 * The ICF generic qualifier (0–4, 8, 9), for an `ICFGradient` coded as one. No GGOP example codes a gradient
 * this way; the table is here for senders that do.
 * @example
 * ```ts
 * labelOf(REHAB_ICF_QUALIFIER_LABELS, '2', 'en'); // 'Moderate problem'
 * ```
 * @category OIOXML
 */
export const REHAB_ICF_QUALIFIER_LABELS: CodeLabels = {
  '0': { da: 'Intet problem', en: 'No problem' },
  '1': { da: 'Let problem', en: 'Mild problem' },
  '2': { da: 'Moderat problem', en: 'Moderate problem' },
  '3': { da: 'Svært problem', en: 'Severe problem' },
  '4': { da: 'Totalt problem', en: 'Complete problem' },
  '8': { da: 'Ikke specificeret', en: 'Not specified' },
  '9': { da: 'Ikke relevant', en: 'Not applicable' },
};

/**
 * The sections of MedCom's ICF template for the extended functional ability (`abilityAtDischarge.sections[].code`).
 * @example
 * ```ts
 * labelOf(REHAB_ABILITY_SECTION_LABELS, '8b', 'en'); // 'Activities and participation'
 * ```
 * @category OIOXML
 */
export const REHAB_ABILITY_SECTION_LABELS: CodeLabels = {
  '8a': { da: 'Kroppens funktioner og anatomi', en: 'Body functions and structures' },
  '8b': { da: 'Aktiviteter og deltagelse', en: 'Activities and participation' },
  '8c': { da: 'Omgivelsesfaktorer', en: 'Environmental factors' },
};

/**
 * `gpCopy.kind`: whether the patient's own GP gets a copy.
 * @example
 * ```ts
 * labelOf(REHAB_GP_COPY_LABELS, 'deselected', 'da'); // 'Fravalgt'
 * ```
 * @category OIOXML
 */
export const REHAB_GP_COPY_LABELS: CodeLabels = {
  receiver: { da: 'Kopi til egen læge', en: 'Copy to own GP' },
  deselected: { da: 'Fravalgt', en: 'Declined' },
};

/**
 * Every code table a GGOP viewer needs, by the model field it labels.
 * @example
 * ```ts
 * labelOf(REHAB_PLAN_CODE_LABELS.relationCode, 'aegtefaelle', 'da'); // 'Ægtefælle'
 * labelOf(REHAB_PLAN_CODE_LABELS.identifierCode, 'kommunenummer', 'en'); // 'Municipality number'
 * ```
 * @category OIOXML
 */
export const REHAB_PLAN_CODE_LABELS = {
  level: REHAB_LEVEL_LABELS,
  rehabilitationType: REHABILITATION_TYPE_LABELS,
  consent: REHAB_CONSENT_LABELS,
  telephoneCode: REHAB_TELEPHONE_CODE_LABELS,
  codeSystem: REHAB_CODE_SYSTEM_LABELS,
  icfQualifier: REHAB_ICF_QUALIFIER_LABELS,
  abilitySection: REHAB_ABILITY_SECTION_LABELS,
  gpCopy: REHAB_GP_COPY_LABELS,
  identifierCode: IDENTIFIER_CODE_LABELS,
  relationCode: RELATION_CODE_LABELS,
  episodeOfCareStatus: EPISODE_OF_CARE_STATUS_LABELS,
  objectCode: OBJECT_CODE_LABELS,
} as const satisfies Readonly<Record<string, CodeLabels>>;

/**
 * Labels for the fields a GGOP viewer shows inside its sections.
 * @example
 * ```ts
 * REHAB_PLAN_FIELD_LABELS.expectedEnd.da; // 'Forventet afslutning'
 * ```
 * @category OIOXML
 */
export const REHAB_PLAN_FIELD_LABELS = {
  title: { da: 'Genoptræningsplan', en: 'Rehabilitation plan' },
  rehabilitationType: { da: 'Type', en: 'Type' },
  gpCopy: { da: 'Kopi til egen læge', en: 'Copy to own GP' },
  ccReceiver: { da: 'Kopimodtager', en: 'Copy receiver' },
  signedBy: { da: 'Underskriver', en: 'Signed by' },
  coWriter: { da: 'Medforfatter', en: 'Co-writer' },
  telephone: { da: 'Tlf.', en: 'Phone' },
  email: { da: 'E-mail', en: 'Email' },
  noTelephone: { da: 'Ingen tlf.', en: 'No phone' },
  coAddress: { da: 'c/o adresse', en: 'c/o address' },
  occupation: { da: 'Stilling', en: 'Occupation' },
  consent: { da: 'Informeret samtykke', en: 'Informed consent' },
  start: { da: 'Start', en: 'Start' },
  expectedEnd: { da: 'Forventet afslutning', en: 'Expected discharge' },
  controlDate: { da: 'Dato for kontrol', en: 'Date of control' },
  location: { da: 'Sted', en: 'Location' },
  freeChoiceStartBy: {
    da: 'Frit valg af genoptræningssted, hvis genoptræningen ikke kan starte senest',
    en: 'Free choice of provider if training cannot start by',
  },
  primaryDiagnosis: { da: 'Hoveddiagnose', en: 'Primary diagnosis' },
  secondaryDiagnosis: { da: 'Bidiagnose', en: 'Secondary diagnosis' },
  icfCode: { da: 'ICF-kode', en: 'ICF code' },
  icfGradient: { da: 'Graduering', en: 'Gradient' },
  journalExcerpt: { da: 'Uddrag fra journal', en: 'Journal excerpt' },
  signedAt: { da: 'Dato', en: 'Date' },
} as const satisfies Readonly<Record<string, CodeLabel>>;

interface CodeLabelWithId extends CodeLabel {
  readonly id: string;
}

/**
 * The sections of a GGOP view, in the order to render them (the order of the GGOP→XDIS91 converter, with the
 * references last as in MedCom's display frame). The journal excerpt heading is followed by each excerpt's
 * type ("Uddrag fra journal: Uddrag af operationsbeskrivelse").
 * @example
 * ```ts
 * for (const section of REHAB_PLAN_SECTIONS) render(section.id, section[locale]);
 * ```
 * @category OIOXML
 */
export const REHAB_PLAN_SECTIONS = [
  { id: 'copy-receivers', da: 'Kopimodtagere', en: 'Copy receivers' },
  { id: 'signers', da: 'Underskrivere', en: 'Signed by' },
  { id: 'patient-details', da: 'Yderligere patientoplysninger', en: 'Further patient details' },
  { id: 'relatives', da: 'Pårørende', en: 'Relatives' },
  {
    id: 'information-for-patient-and-relatives',
    da: 'Information om behandling til patient og pårørende',
    en: 'Information about treatment for patient and relatives',
  },
  { id: 'practical-information', da: 'Praktiske oplysninger', en: 'Practical information' },
  { id: 'patient-safety', da: 'Patientsikkerhedsmæssige forhold', en: 'Patient safety' },
  {
    id: 'rehabilitation-deadline',
    da: 'Tidsfrist for start af genoptræning',
    en: 'Deadline for starting rehabilitation',
  },
  { id: 'current-hospital-contact', da: 'Aktuel sygehuskontakt', en: 'Current hospital contact' },
  { id: 'control-and-follow-up', da: 'Aftaler om kontrol og opfølgning', en: 'Control and follow-up' },
  {
    id: 'health-summary',
    da: 'Helbredsforhold inkl. beskrivelse af behandlingsforløb - Sammenfatning',
    en: 'Health, including the course of treatment - Summary',
  },
  {
    id: 'ability-at-discharge-summary',
    da: 'Helbredsrelateret funktionsevne på udskrivningstidspunktet - Sammenfatning',
    en: 'Health-related functional ability at discharge - Summary',
  },
  {
    id: 'ability-at-discharge-extended',
    da: 'Udvidet beskrivelse af helbredsrelateret funktionsevne på udskrivningstidspunktet',
    en: 'Health-related functional ability at discharge - Extended description',
  },
  {
    id: 'need-and-potential',
    da: 'Patientens genoptræningsbehov og potentiale',
    en: "The patient's rehabilitation needs and potential",
  },
  { id: 'diagnoses', da: 'Diagnoser', en: 'Diagnoses' },
  { id: 'icf-codes', da: 'ICF-koder', en: 'ICF codes' },
  { id: 'journal-excerpts', da: 'Uddrag fra journal', en: 'Journal excerpt' },
  { id: 'region-contact', da: 'Spørgsmål til Regionen', en: 'Questions to the region' },
  { id: 'municipality-contact', da: 'Spørgsmål til Kommunen', en: 'Questions to the municipality' },
  { id: 'team', da: 'Behandlende team under indlæggelse', en: 'Treating team during the admission' },
  { id: 'final-result-receivers', da: 'Slutstatusmodtager', en: 'Receivers of the final status' },
  { id: 'references', da: 'Referencer', en: 'References' },
] as const satisfies readonly CodeLabelWithId[];

/**
 * The id of a section of a GGOP view, from {@link REHAB_PLAN_SECTIONS}.
 * @category OIOXML
 */
export type RehabPlanSectionId = (typeof REHAB_PLAN_SECTIONS)[number]['id'];

/**
 * A section heading of a GGOP view: its id and its Danish and English heading.
 * @category OIOXML
 */
export type RehabPlanSection = (typeof REHAB_PLAN_SECTIONS)[number];
