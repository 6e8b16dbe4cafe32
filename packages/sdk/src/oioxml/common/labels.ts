// SPDX-License-Identifier: MIT

/**
 * A label in Danish and English for one code value.
 * @category OIOXML
 */
export interface CodeLabel {
  readonly da: string;
  readonly en: string;
}

/**
 * Labels for the values of one code list, by code.
 * @category OIOXML
 */
export type CodeLabels = Readonly<Record<string, CodeLabel>>;

/**
 * The label of a code in the given language, or the code itself when the list has no label for it (MedCom's
 * lists drift, and a viewer must still show what the letter says).
 *
 * @param labels - The code list's labels.
 * @param code - The code as written in the letter.
 * @param locale - `da` or `en`.
 * @returns The label, or `code`.
 * @example
 * ```ts
 * labelOf(STATUS_CODE_LABELS, 'rettetbrev', 'en'); // 'Corrected letter'
 * ```
 * @category OIOXML
 */
export function labelOf(labels: CodeLabels, code: string, locale: 'da' | 'en'): string {
  return Object.hasOwn(labels, code) ? (labels[code]?.[locale] ?? code) : code;
}

/**
 * `Letter/StatusCode`.
 * @category OIOXML
 */
export const STATUS_CODE_LABELS: CodeLabels = {
  nytbrev: { da: 'Nyt brev', en: 'New letter' },
  rettetbrev: { da: 'Rettet brev', en: 'Corrected letter' },
  annulleretbrev: { da: 'Annulleret brev', en: 'Cancelled letter' },
};

/**
 * `IdentifierCode` of parties.
 * @category OIOXML
 */
export const IDENTIFIER_CODE_LABELS: CodeLabels = {
  sygehusafdelingsnummer: { da: 'Sygehusafdelingsnummer', en: 'Hospital department number' },
  ydernummer: { da: 'Ydernummer', en: 'Provider number' },
  lokationsnummer: { da: 'Lokationsnummer', en: 'Location number (GLN)' },
  kommunenummer: { da: 'Kommunenummer', en: 'Municipality number' },
  sorkode: { da: 'SOR-kode', en: 'SOR code' },
  amt: { da: 'Amt', en: 'County' },
  region: { da: 'Region', en: 'Region' },
  lokalt_nummer: { da: 'Lokalt nummer', en: 'Local number' },
};

/**
 * `Patient/EpisodeOfCareStatusCode`.
 * @category OIOXML
 */
export const EPISODE_OF_CARE_STATUS_LABELS: CodeLabels = {
  inaktiv: { da: 'Inaktiv', en: 'Inactive' },
  indlagt: { da: 'Indlagt', en: 'Admitted' },
  ambulant: { da: 'Ambulant', en: 'Outpatient' },
  doed: { da: 'Død', en: 'Deceased' },
  ambulant_roentgen: { da: 'Ambulant røntgen', en: 'Outpatient X-ray' },
};

/**
 * `Relative/RelationCode`, across the namespaces that extend it.
 * @category OIOXML
 */
export const RELATION_CODE_LABELS: CodeLabels = {
  uspec_paaroerende: { da: 'Pårørende', en: 'Next of kin' },
  mor: { da: 'Mor', en: 'Mother' },
  far: { da: 'Far', en: 'Father' },
  barn: { da: 'Barn', en: 'Child' },
  aegtefaelle: { da: 'Ægtefælle', en: 'Spouse' },
  forældre: { da: 'Forældre', en: 'Parents' },
  barnebarn: { da: 'Barnebarn', en: 'Grandchild' },
  svigerbarn: { da: 'Svigerbarn', en: 'Child-in-law' },
  ingen_relationer: { da: 'Ingen relationer', en: 'No relations' },
  nabo: { da: 'Nabo', en: 'Neighbour' },
  samboende: { da: 'Samboende', en: 'Cohabitant' },
  registreret_partner: { da: 'Registreret partner', en: 'Registered partner' },
  søskende: { da: 'Søskende', en: 'Sibling' },
  øvrig_familie: { da: 'Øvrig familie', en: 'Other family' },
};

/**
 * `Reference/BIN/ObjectCode`.
 * @category OIOXML
 */
export const OBJECT_CODE_LABELS: CodeLabels = {
  tekstfil: { da: 'Tekstfil', en: 'Text file' },
  billede: { da: 'Billede', en: 'Image' },
  program: { da: 'Program', en: 'Program' },
  vektor_grafik: { da: 'Vektorgrafik', en: 'Vector graphics' },
  biosignaler: { da: 'Biosignaler', en: 'Biosignals' },
  multimedie: { da: 'Multimedie', en: 'Multimedia' },
  proprietaert_indhold: { da: 'Proprietært indhold', en: 'Proprietary content' },
};

/**
 * `DiagnoseDescriptionCode`: the role of an "other" diagnosis, operation or examination. Includes
 * `grundmorbus`, which MedCom's own converter emits although the 2005 list lacks it.
 * @example
 * ```ts
 * labelOf(DIAGNOSE_DESCRIPTION_LABELS, 'tillaegsdiagnose', 'da'); // 'Tillægsdiagnose'
 * ```
 * @category OIOXML
 */
export const DIAGNOSE_DESCRIPTION_LABELS: CodeLabels = {
  uspec_diagnose: { da: 'Uspecificeret diagnose', en: 'Unspecified diagnosis' },
  henv_diagnose: { da: 'Henvisningsdiagnose', en: 'Referral diagnosis' },
  bidiagnose: { da: 'Bidiagnose', en: 'Secondary diagnosis' },
  tillaegsdiagnose: { da: 'Tillægsdiagnose', en: 'Supplementary diagnosis' },
  aktionsdiagnose: { da: 'Aktionsdiagnose', en: 'Principal diagnosis' },
  midlertidig_diagnose: { da: 'Midlertidig diagnose', en: 'Provisional diagnosis' },
  forloebsdiagnose: { da: 'Forløbsdiagnose', en: 'Course-of-care diagnosis' },
  operation: { da: 'Operation', en: 'Operation' },
  roentgenundersoegelse: { da: 'Røntgenundersøgelse', en: 'X-ray examination' },
  grundmorbus: { da: 'Grundmorbus', en: 'Underlying disease' },
};

/**
 * `DiagnoseTypeCode`: the code system, or in later referral sets the kind of referral diagnosis.
 * @example
 * ```ts
 * labelOf(DIAGNOSE_TYPE_LABELS, 'ICPCkode', 'da'); // 'ICPC-kode'
 * ```
 * @category OIOXML
 */
export const DIAGNOSE_TYPE_LABELS: CodeLabels = {
  SKSdiagnosekode: { da: 'SKS-kode', en: 'SKS code' },
  uspecificeretkode: { da: 'Uspecificeret kode', en: 'Unspecified code' },
  ICPCkode: { da: 'ICPC-kode', en: 'ICPC code' },
  speciallaegehenvisning: { da: 'Speciallægehenvisning', en: 'Specialist referral' },
  fysioterapihenvisning: { da: 'Fysioterapihenvisning', en: 'Physiotherapy referral' },
  psykologhenvisning: { da: 'Psykologhenvisning', en: 'Psychologist referral' },
  Fysioterapihenvisningsdiagnose: { da: 'Fysioterapihenvisningsdiagnose', en: 'Physiotherapy referral diagnosis' },
  Psykologhenvisningsdiagnose: { da: 'Psykologhenvisningsdiagnose', en: 'Psychologist referral diagnosis' },
};
