// SPDX-License-Identifier: MIT
// GGOP (Den Gode Genoptræningsplan) has no public XSD: the shape follows MedCom's example letter and the
// GGOP→XDIS91 converter. Repeatable-looking elements are arrays; code values are kept as written.
import * as z from 'zod/mini';
import { LetterDateTime } from '../common/date-time.js';
import { LetterHeader } from '../common/header.js';
import { Party } from '../common/party.js';
import { LetterPatient, Relative, Telephone } from '../common/patient.js';
import { LetterReference } from '../common/reference.js';
import { FormattedText } from '../text/index.js';

// Mirrors common's `UnknownElement` interface, which has no schema of its own.
const UnknownElementSchema = /* @__PURE__ */ z.object({
  path: /* @__PURE__ */ z.string(),
  text: /* @__PURE__ */ z.string(),
});

/**
 * Who does the training, normalised from `TypeOfRehabilitationPlan`: `general` (almen genoptræning, whose
 * basic or advanced level the municipality decides), `general-basic` / `general-advanced` (almen on basalt or
 * avanceret niveau), `specialised` (specialiseret genoptræning, at a hospital), `specialised-rehabilitation`
 * (rehabilitering på specialiseret niveau) or `unknown` (a value none of these matches).
 *
 * @example
 * ```ts
 * RehabLevel.parse('specialised'); // 'specialised'
 * ```
 * @category OIOXML
 */
export const RehabLevel = /* @__PURE__ */ z.enum([
  'general',
  'general-basic',
  'general-advanced',
  'specialised',
  'specialised-rehabilitation',
  'unknown',
]);
export type RehabLevel = z.infer<typeof RehabLevel>;

/**
 * The type of rehabilitation: the `code` as written (`specialiseret`, `almen`, …) and its normalised `level`.
 *
 * @example
 * ```ts
 * const type: RehabilitationType = { code: 'specialiseret', level: 'specialised' };
 * ```
 * @category OIOXML
 */
export const RehabilitationType = /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.string(), level: RehabLevel });
export type RehabilitationType = z.infer<typeof RehabilitationType>;

/**
 * `ConsentInformed`: whether the patient gave informed consent. `code` is as written (the example has `ja`);
 * `informed` is `true` for `ja`, `false` for `nej` and absent for anything else.
 *
 * @example
 * ```ts
 * const consent: RehabConsent = { code: 'ja', informed: true };
 * ```
 * @category OIOXML
 */
export const RehabConsent = /* @__PURE__ */ z.object({
  code: /* @__PURE__ */ z.string(),
  informed: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});
export type RehabConsent = z.infer<typeof RehabConsent>;

/**
 * A person in a GGOP: the signer (`SignedBy`), a co-writer (`CoWriter`), a member of the treating team
 * (`HealthCareTeam/Member`) or the signer of a journal excerpt. Every telephone number is in `telephones`;
 * a bare `TelephoneSubscriberIdentifier` has no `code`.
 *
 * @example
 * ```ts
 * const person: RehabPerson = { givenName: 'Ellinor', surname: 'Strøm', title: 'Terapeut', telephones: [] };
 * ```
 * @category OIOXML
 */
export const RehabPerson = /* @__PURE__ */ z.object({
  identifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `amt`, `region`, `sygehusafdelingsnummer`, …, as written. */
  identifierCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  givenName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  surname: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  title: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  organisationName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  departmentName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  unitName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  telephones: /* @__PURE__ */ z.array(Telephone),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  noTelephoneReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type RehabPerson = z.infer<typeof RehabPerson>;

/**
 * The sending hospital department, with the responsible signer(s) (`SignedBy`) and co-writers (`CoWriter`).
 *
 * @example
 * ```ts
 * const sender: RehabSender = { organisationName: 'Odense Universitetshospital', signedBy: [], coWriters: [] };
 * ```
 * @category OIOXML
 */
export const RehabSender = /* @__PURE__ */ z.extend(Party, {
  signedBy: /* @__PURE__ */ z.array(RehabPerson),
  coWriters: /* @__PURE__ */ z.array(RehabPerson),
});
export type RehabSender = z.infer<typeof RehabSender>;

/**
 * `GPCCReceiver`: the copy to the patient's own GP (`receiver`), or its explicit deselection (`Deselected`,
 * "Fravalgt"), with any text the sender put in it.
 *
 * @example
 * ```ts
 * const copy: RehabGpCopy = { kind: 'deselected' };
 * ```
 * @category OIOXML
 */
export const RehabGpCopy = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('receiver'), receiver: Party }),
  /* @__PURE__ */ z.object({
    kind: /* @__PURE__ */ z.literal('deselected'),
    text: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  }),
]);
export type RehabGpCopy = z.infer<typeof RehabGpCopy>;

/**
 * A c/o address of the patient (`CoAddress`): the person it goes through and the address.
 *
 * @example
 * ```ts
 * const co: RehabCoAddress = { surname: 'Andersen', givenName: 'Rosa', streetName: 'Skovgård 3' };
 * ```
 * @category OIOXML
 */
export const RehabCoAddress = /* @__PURE__ */ z.pick(LetterPatient, {
  surname: true,
  givenName: true,
  streetName: true,
  suburbName: true,
  districtName: true,
  postCodeIdentifier: true,
});
export type RehabCoAddress = z.infer<typeof RehabCoAddress>;

/**
 * The patient. GGOP's `Occupation` is in `occupancy` and `EmailAddressIdentifier` in `email`, as for the other
 * letters; GGOP adds why there is no telephone (`NoTelephoneReason`) and a c/o address.
 *
 * @example
 * ```ts
 * const patient: RehabPatient = { surname: 'Berggren', telephones: [{ number: '+4523321234', code: 'mobil' }] };
 * ```
 * @category OIOXML
 */
export const RehabPatient = /* @__PURE__ */ z.extend(LetterPatient, {
  noTelephoneReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  coAddress: /* @__PURE__ */ z.optional(RehabCoAddress),
});
export type RehabPatient = z.infer<typeof RehabPatient>;

/**
 * A relative (`Relatives/Relative`): the relation code as written (`aegtefaelle`, `uspec_paaroerende`, …),
 * name, address, every telephone number and the email address.
 *
 * @example
 * ```ts
 * const relative: RehabRelative = { relationCode: 'aegtefaelle', surname: 'Petersen', telephones: [] };
 * ```
 * @category OIOXML
 */
export const RehabRelative = /* @__PURE__ */ z.extend(/* @__PURE__ */ z.omit(Relative, { telephone: true }), {
  telephones: /* @__PURE__ */ z.array(Telephone),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  noTelephoneReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type RehabRelative = z.infer<typeof RehabRelative>;

/**
 * Where the municipality or the region can ask questions (`ContactMunicipality`, `ContactCounty`).
 *
 * @example
 * ```ts
 * const contact: RehabContact = { departmentName: 'Odder kommune', telephones: [{ number: '88 88 88 88' }] };
 * ```
 * @category OIOXML
 */
export const RehabContact = /* @__PURE__ */ z.extend(
  /* @__PURE__ */ z.pick(Party, {
    eanIdentifier: true,
    identifier: true,
    identifierCode: true,
    organisationName: true,
    departmentName: true,
    unitName: true,
    streetName: true,
    suburbName: true,
    districtName: true,
    postCodeIdentifier: true,
  }),
  {
    telephones: /* @__PURE__ */ z.array(Telephone),
    email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    noTelephoneReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  },
);
export type RehabContact = z.infer<typeof RehabContact>;

/**
 * The current hospital stay (`CurrentHospitalContact`): its start, and its expected end as a date and time
 * or as text (`ExpectedEndText`).
 *
 * @example
 * ```ts
 * const stay: RehabHospitalContact = { start: { date: '2014-12-13', time: '12:34' }, expectedEnd: { date: '2014-12-20' } };
 * ```
 * @category OIOXML
 */
export const RehabHospitalContact = /* @__PURE__ */ z.object({
  start: /* @__PURE__ */ z.optional(LetterDateTime),
  expectedEnd: /* @__PURE__ */ z.optional(LetterDateTime),
  expectedEndText: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type RehabHospitalContact = z.infer<typeof RehabHospitalContact>;

/**
 * Agreed hospital control and follow-up (`HospitalAmbulatoryControl`): when (date and time, or text) and where.
 *
 * @example
 * ```ts
 * const control: RehabAmbulatoryControl = { expectedStart: { date: '2014-12-20', time: '13:45' } };
 * ```
 * @category OIOXML
 */
export const RehabAmbulatoryControl = /* @__PURE__ */ z.object({
  expectedStart: /* @__PURE__ */ z.optional(LetterDateTime),
  expectedStartText: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  location: /* @__PURE__ */ z.optional(Party),
});
export type RehabAmbulatoryControl = z.infer<typeof RehabAmbulatoryControl>;

/**
 * The 7-day free-choice rule: training must be able to start within 7 days after discharge, or the patient
 * may choose another provider. `dischargeDate` is the expected end of the current hospital stay and
 * `startBy` that date plus 7 calendar days (both `YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * const rule: RehabFreeChoice = { dischargeDate: '2014-12-20', startBy: '2014-12-27' };
 * ```
 * @category OIOXML
 */
export const RehabFreeChoice = /* @__PURE__ */ z.object({
  dischargeDate: /* @__PURE__ */ z.string(),
  startBy: /* @__PURE__ */ z.string(),
});
export type RehabFreeChoice = z.infer<typeof RehabFreeChoice>;

/**
 * A sub-heading inside a section of the extended functional ability (an italic line such as
 * "- Mentale funktioner", without the dash) and the text under it.
 *
 * @example
 * ```ts
 * const sub: RehabAbilitySubsection = { heading: 'Mentale funktioner', text: [] };
 * ```
 * @category OIOXML
 */
export const RehabAbilitySubsection = /* @__PURE__ */ z.object({
  heading: /* @__PURE__ */ z.string(),
  text: FormattedText,
});
export type RehabAbilitySubsection = z.infer<typeof RehabAbilitySubsection>;

/**
 * A section of the extended functional ability, found at a bold line: `code` is its number (`8a`, `8b`,
 * `8c` in MedCom's ICF template), `heading` the rest of the line, `text` everything up to the next section
 * and `subsections` that text split at italic lines. Text before the first bold line is a section without
 * heading.
 *
 * @example
 * ```ts
 * const section: RehabAbilitySection = { code: '8c', heading: 'Omgivelsesfaktorer', text: [], subsections: [] };
 * ```
 * @category OIOXML
 */
export const RehabAbilitySection = /* @__PURE__ */ z.object({
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  heading: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  text: FormattedText,
  subsections: /* @__PURE__ */ z.array(RehabAbilitySubsection),
});
export type RehabAbilitySection = z.infer<typeof RehabAbilitySection>;

/**
 * Health-related functional ability at discharge: the summary (`AbilityAtDischargeSummary`), the extended
 * description (`AbilityAtDischargeExtended`) as written, and that description split into its ICF sections.
 *
 * @example
 * ```ts
 * const ability: RehabAbilityAtDischarge = { summary: [{ kind: 'text', text: 'Fri tekst' }], sections: [] };
 * ```
 * @category OIOXML
 */
export const RehabAbilityAtDischarge = /* @__PURE__ */ z.object({
  summary: /* @__PURE__ */ z.optional(FormattedText),
  extended: /* @__PURE__ */ z.optional(FormattedText),
  sections: /* @__PURE__ */ z.array(RehabAbilitySection),
});
export type RehabAbilityAtDischarge = z.infer<typeof RehabAbilityAtDischarge>;

/**
 * A coded value (`Code`, `TypeCode`, `Text`): an ICD-10 diagnosis (`ICD10kode`), an ICF code (`ICFKode`) or
 * an ICF gradient. Codes are SKS-shaped as written (`DC189`, `FB799`).
 *
 * @example
 * ```ts
 * const code: RehabCode = { code: 'DC189', typeCode: 'ICD10kode', text: 'Kræft i tyktarmen' };
 * ```
 * @category OIOXML
 */
export const RehabCode = /* @__PURE__ */ z.object({
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  typeCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  text: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type RehabCode = z.infer<typeof RehabCode>;

/**
 * One `ICD10Diagnose`: its primary diagnosis and any secondary diagnoses.
 *
 * @example
 * ```ts
 * const group: RehabDiagnosisGroup = { primary: { code: 'DC189' }, secondary: [{ code: 'DS720' }] };
 * ```
 * @category OIOXML
 */
export const RehabDiagnosisGroup = /* @__PURE__ */ z.object({
  primary: /* @__PURE__ */ z.optional(RehabCode),
  secondary: /* @__PURE__ */ z.array(RehabCode),
});
export type RehabDiagnosisGroup = z.infer<typeof RehabDiagnosisGroup>;

/**
 * One `ICFClassification`: an ICF code and its gradient (how severe), each coded.
 *
 * @example
 * ```ts
 * const icf: RehabIcfClassification = { code: { code: 'FB799', typeCode: 'ICFKode' } };
 * ```
 * @category OIOXML
 */
export const RehabIcfClassification = /* @__PURE__ */ z.object({
  code: /* @__PURE__ */ z.optional(RehabCode),
  gradient: /* @__PURE__ */ z.optional(RehabCode),
});
export type RehabIcfClassification = z.infer<typeof RehabIcfClassification>;

/**
 * An excerpt from the hospital record (`JournalExcerpt`): what it is (`TypeOfExcerpt`), who signed it and
 * when (`Signer`), and the excerpt itself (`Comment`).
 *
 * @example
 * ```ts
 * const excerpt: RehabJournalExcerpt = { type: 'Uddrag af operationsbeskrivelse', signedBy: [] };
 * ```
 * @category OIOXML
 */
export const RehabJournalExcerpt = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  signedBy: /* @__PURE__ */ z.array(RehabPerson),
  signedAt: /* @__PURE__ */ z.optional(LetterDateTime),
  comment: /* @__PURE__ */ z.optional(FormattedText),
});
export type RehabJournalExcerpt = z.infer<typeof RehabJournalExcerpt>;

/**
 * Who to ask: the region (`ContactCounty`) and the municipality (`ContactMunicipality`).
 *
 * @example
 * ```ts
 * const contacts: RehabContacts = { municipality: { departmentName: 'Odder kommune', telephones: [] } };
 * ```
 * @category OIOXML
 */
export const RehabContacts = /* @__PURE__ */ z.object({
  region: /* @__PURE__ */ z.optional(RehabContact),
  municipality: /* @__PURE__ */ z.optional(RehabContact),
});
export type RehabContacts = z.infer<typeof RehabContacts>;

/**
 * A GGOP genoptræningsplan (`RehabilitationPlan`, VersionCode GGOP100) as a viewer shows it. Free text is
 * {@link FormattedText}; code values are as written (labels in `REHAB_PLAN_CODE_LABELS`); elements no field
 * claims are in `unknown`.
 *
 * @example
 * ```ts
 * const read = parseRehabPlan(bytes);
 * if (read.ok) RehabPlan.parse(read.model).rehabilitationType; // { code: 'specialiseret', level: 'specialised' }
 * ```
 * @category OIOXML
 */
export const RehabPlan = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.literal('rehab-plan'),
  header: LetterHeader,
  sender: /* @__PURE__ */ z.optional(RehabSender),
  /** The home municipality. */
  receiver: /* @__PURE__ */ z.optional(Party),
  gpCopy: /* @__PURE__ */ z.optional(RehabGpCopy),
  ccReceivers: /* @__PURE__ */ z.array(Party),
  patient: /* @__PURE__ */ z.optional(RehabPatient),
  relatives: /* @__PURE__ */ z.array(RehabRelative),
  rehabilitationType: /* @__PURE__ */ z.optional(RehabilitationType),
  informationForPatientAndRelatives: /* @__PURE__ */ z.optional(FormattedText),
  consent: /* @__PURE__ */ z.optional(RehabConsent),
  practicalInformation: /* @__PURE__ */ z.optional(FormattedText),
  patientSafetyAspects: /* @__PURE__ */ z.optional(FormattedText),
  /** `RehabilitationDeadline`: the deadline for starting training, as the sender wrote it. */
  rehabilitationDeadline: /* @__PURE__ */ z.optional(FormattedText),
  currentHospitalContact: /* @__PURE__ */ z.optional(RehabHospitalContact),
  ambulatoryControl: /* @__PURE__ */ z.optional(RehabAmbulatoryControl),
  /** Derived from `currentHospitalContact.expectedEnd` when that is a calendar date. */
  freeChoice: /* @__PURE__ */ z.optional(RehabFreeChoice),
  /** `PatientHealthSummary`: health and course of treatment, summarised. */
  healthSummary: /* @__PURE__ */ z.optional(FormattedText),
  abilityAtDischarge: /* @__PURE__ */ z.optional(RehabAbilityAtDischarge),
  /** `RehabilitationNeedAndPotential`. */
  needAndPotential: /* @__PURE__ */ z.optional(FormattedText),
  diagnoses: /* @__PURE__ */ z.array(RehabDiagnosisGroup),
  /** `ICD10Diagnoses/Text`: free text about the diagnoses. */
  diagnosesText: /* @__PURE__ */ z.optional(FormattedText),
  icfClassifications: /* @__PURE__ */ z.array(RehabIcfClassification),
  journalExcerpts: /* @__PURE__ */ z.array(RehabJournalExcerpt),
  contacts: RehabContacts,
  /** `HealthCareTeam/Member`: the team that treated the patient during the stay. */
  team: /* @__PURE__ */ z.array(RehabPerson),
  /** `FinalResult/ResultReceiver`: who receives the final status of the training. */
  finalResultReceivers: /* @__PURE__ */ z.array(Party),
  references: /* @__PURE__ */ z.array(LetterReference),
  unknown: /* @__PURE__ */ z.array(UnknownElementSchema),
});
export type RehabPlan = z.infer<typeof RehabPlan>;
