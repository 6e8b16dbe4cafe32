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
const UnknownElementSchema = z.object({ path: z.string(), text: z.string() });

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
export const RehabLevel = z.enum([
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
export const RehabilitationType = z.object({ code: z.string(), level: RehabLevel });
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
export const RehabConsent = z.object({ code: z.string(), informed: z.optional(z.boolean()) });
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
export const RehabPerson = z.object({
  identifier: z.optional(z.string()),
  /** `amt`, `region`, `sygehusafdelingsnummer`, …, as written. */
  identifierCode: z.optional(z.string()),
  givenName: z.optional(z.string()),
  surname: z.optional(z.string()),
  title: z.optional(z.string()),
  organisationName: z.optional(z.string()),
  departmentName: z.optional(z.string()),
  unitName: z.optional(z.string()),
  telephones: z.array(Telephone),
  email: z.optional(z.string()),
  noTelephoneReason: z.optional(z.string()),
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
export const RehabSender = z.extend(Party, {
  signedBy: z.array(RehabPerson),
  coWriters: z.array(RehabPerson),
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
export const RehabGpCopy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receiver'), receiver: Party }),
  z.object({ kind: z.literal('deselected'), text: z.optional(z.string()) }),
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
export const RehabCoAddress = z.object({
  surname: z.optional(z.string()),
  givenName: z.optional(z.string()),
  streetName: z.optional(z.string()),
  suburbName: z.optional(z.string()),
  districtName: z.optional(z.string()),
  postCodeIdentifier: z.optional(z.string()),
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
export const RehabPatient = z.extend(LetterPatient, {
  noTelephoneReason: z.optional(z.string()),
  coAddress: z.optional(RehabCoAddress),
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
export const RehabRelative = z.extend(z.omit(Relative, { telephone: true }), {
  telephones: z.array(Telephone),
  email: z.optional(z.string()),
  noTelephoneReason: z.optional(z.string()),
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
export const RehabContact = z.object({
  eanIdentifier: z.optional(z.string()),
  identifier: z.optional(z.string()),
  identifierCode: z.optional(z.string()),
  organisationName: z.optional(z.string()),
  departmentName: z.optional(z.string()),
  unitName: z.optional(z.string()),
  streetName: z.optional(z.string()),
  suburbName: z.optional(z.string()),
  districtName: z.optional(z.string()),
  postCodeIdentifier: z.optional(z.string()),
  telephones: z.array(Telephone),
  email: z.optional(z.string()),
  noTelephoneReason: z.optional(z.string()),
});
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
export const RehabHospitalContact = z.object({
  start: z.optional(LetterDateTime),
  expectedEnd: z.optional(LetterDateTime),
  expectedEndText: z.optional(z.string()),
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
export const RehabAmbulatoryControl = z.object({
  expectedStart: z.optional(LetterDateTime),
  expectedStartText: z.optional(z.string()),
  location: z.optional(Party),
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
export const RehabFreeChoice = z.object({ dischargeDate: z.string(), startBy: z.string() });
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
export const RehabAbilitySubsection = z.object({ heading: z.string(), text: FormattedText });
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
export const RehabAbilitySection = z.object({
  code: z.optional(z.string()),
  heading: z.optional(z.string()),
  text: FormattedText,
  subsections: z.array(RehabAbilitySubsection),
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
export const RehabAbilityAtDischarge = z.object({
  summary: z.optional(FormattedText),
  extended: z.optional(FormattedText),
  sections: z.array(RehabAbilitySection),
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
export const RehabCode = z.object({
  code: z.optional(z.string()),
  typeCode: z.optional(z.string()),
  text: z.optional(z.string()),
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
export const RehabDiagnosisGroup = z.object({ primary: z.optional(RehabCode), secondary: z.array(RehabCode) });
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
export const RehabIcfClassification = z.object({ code: z.optional(RehabCode), gradient: z.optional(RehabCode) });
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
export const RehabJournalExcerpt = z.object({
  type: z.optional(z.string()),
  signedBy: z.array(RehabPerson),
  signedAt: z.optional(LetterDateTime),
  comment: z.optional(FormattedText),
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
export const RehabContacts = z.object({ region: z.optional(RehabContact), municipality: z.optional(RehabContact) });
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
export const RehabPlan = z.object({
  kind: z.literal('rehab-plan'),
  header: LetterHeader,
  sender: z.optional(RehabSender),
  /** The home municipality. */
  receiver: z.optional(Party),
  gpCopy: z.optional(RehabGpCopy),
  ccReceivers: z.array(Party),
  patient: z.optional(RehabPatient),
  relatives: z.array(RehabRelative),
  rehabilitationType: z.optional(RehabilitationType),
  informationForPatientAndRelatives: z.optional(FormattedText),
  consent: z.optional(RehabConsent),
  practicalInformation: z.optional(FormattedText),
  patientSafetyAspects: z.optional(FormattedText),
  /** `RehabilitationDeadline`: the deadline for starting training, as the sender wrote it. */
  rehabilitationDeadline: z.optional(FormattedText),
  currentHospitalContact: z.optional(RehabHospitalContact),
  ambulatoryControl: z.optional(RehabAmbulatoryControl),
  /** Derived from `currentHospitalContact.expectedEnd` when that is a calendar date. */
  freeChoice: z.optional(RehabFreeChoice),
  /** `PatientHealthSummary`: health and course of treatment, summarised. */
  healthSummary: z.optional(FormattedText),
  abilityAtDischarge: z.optional(RehabAbilityAtDischarge),
  /** `RehabilitationNeedAndPotential`. */
  needAndPotential: z.optional(FormattedText),
  diagnoses: z.array(RehabDiagnosisGroup),
  /** `ICD10Diagnoses/Text`: free text about the diagnoses. */
  diagnosesText: z.optional(FormattedText),
  icfClassifications: z.array(RehabIcfClassification),
  journalExcerpts: z.array(RehabJournalExcerpt),
  contacts: RehabContacts,
  /** `HealthCareTeam/Member`: the team that treated the patient during the stay. */
  team: z.array(RehabPerson),
  /** `FinalResult/ResultReceiver`: who receives the final status of the training. */
  finalResultReceivers: z.array(Party),
  references: z.array(LetterReference),
  unknown: z.array(UnknownElementSchema),
});
export type RehabPlan = z.infer<typeof RehabPlan>;
