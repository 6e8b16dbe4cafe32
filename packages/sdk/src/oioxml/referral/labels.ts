// SPDX-License-Identifier: MIT
// Display labels for referrals. MedCom's own display prints raw codes; these wordings are ours. The Danish
// headings follow MedCom's viewEmessage stylesheets. Lists drift between namespaces, so tables also hold
// values later sets added, and a viewer falls back to the raw code (labelOf) for anything still missing.
import {
  DIAGNOSE_DESCRIPTION_LABELS,
  DIAGNOSE_TYPE_LABELS,
  IDENTIFIER_CODE_LABELS,
  RELATION_CODE_LABELS,
  type CodeLabels,
} from '../common/labels.js';

/**
 * The name of each referral type, as a viewer's heading.
 * @example
 * ```ts
 * labelOf(REFERRAL_TYPE_LABELS, referral.referralType, 'da'); // 'Sygehushenvisning'
 * ```
 * @category OIOXML
 */
export const REFERRAL_TYPE_LABELS: CodeLabels = {
  hospital: { da: 'Sygehushenvisning', en: 'Hospital referral' },
  'private-specialist': { da: 'Speciallægehenvisning', en: 'Referral to a specialist in practice' },
  physiotherapy: { da: 'Fysioterapihenvisning', en: 'Physiotherapy referral' },
  municipality: { da: 'Henvisning til kommunal forebyggelse', en: 'Referral to municipal prevention' },
};

/**
 * `AdditionalInformation/Priority`.
 * @example
 * ```ts
 * labelOf(PRIORITY_LABELS, 'saerlige_forhold', 'da'); // 'Særlige forhold'
 * ```
 * @category OIOXML
 */
export const PRIORITY_LABELS: CodeLabels = {
  elektiv: { da: 'Elektiv', en: 'Elective' },
  akut: { da: 'Akut', en: 'Acute' },
  saerlige_forhold: { da: 'Særlige forhold', en: 'Special circumstances' },
};

/**
 * `AdditionalInformation/ReferralStatus`, "Henvisningstype" in MedCom's display (`hjemmet` from 2007/02/01).
 * @example
 * ```ts
 * labelOf(REFERRAL_STATUS_LABELS, 'indlaeggelse', 'en'); // 'Admission'
 * ```
 * @category OIOXML
 */
export const REFERRAL_STATUS_LABELS: CodeLabels = {
  ambulant: { da: 'Ambulant', en: 'Outpatient' },
  indlaeggelse: { da: 'Indlæggelse', en: 'Admission' },
  hjemmet: { da: 'I hjemmet', en: 'At home' },
};

/**
 * `AdditionalInformation/Transport`.
 * @example
 * ```ts
 * labelOf(TRANSPORT_LABELS, 'liggende', 'en'); // 'Lying down'
 * ```
 * @category OIOXML
 */
export const TRANSPORT_LABELS: CodeLabels = {
  ingen: { da: 'Ingen', en: 'None' },
  liggende: { da: 'Liggende', en: 'Lying down' },
  siddende: { da: 'Siddende', en: 'Seated' },
};

/**
 * `Patient/TelephoneSubscriber/TelephoneSubscriberCode`.
 * @example
 * ```ts
 * labelOf(TELEPHONE_SUBSCRIBER_CODE_LABELS, 'fastnet', 'da'); // 'Fastnet'
 * ```
 * @category OIOXML
 */
export const TELEPHONE_SUBSCRIBER_CODE_LABELS: CodeLabels = {
  mobil: { da: 'Mobil', en: 'Mobile' },
  arbejde: { da: 'Arbejde', en: 'Work' },
  fastnet: { da: 'Fastnet', en: 'Landline' },
};

/**
 * `HospitalVisitation/InformationCode` (and `MunicipalityVisitation`): what the receiver's note is about.
 * @example
 * ```ts
 * labelOf(VISITATION_INFORMATION_LABELS, 'indkaldt', 'en'); // 'Called in'
 * ```
 * @category OIOXML
 */
export const VISITATION_INFORMATION_LABELS: CodeLabels = {
  ustruktureret: { da: 'Ustruktureret', en: 'Unstructured' },
  egen_laege: { da: 'Egen læge', en: 'Own doctor' },
  henvisning_modtaget: { da: 'Henvisning modtaget', en: 'Referral received' },
  visitering: { da: 'Visitering', en: 'Assessment' },
  indkaldt: { da: 'Indkaldt', en: 'Called in' },
  indlagt_paa: { da: 'Indlagt på', en: 'Admitted to' },
  udenamts_kaution: { da: 'Udenamtskaution', en: 'Out-of-county payment guarantee' },
};

/**
 * Every code list a referral viewer or form shows, by the model field it labels: the tables above plus the
 * shared `IdentifierCode` and `RelationCode` labels. `hospitalChoice` has no table: its values are unpublished.
 * @example
 * ```ts
 * labelOf(REFERRAL_CODE_LABELS.identifierCode, 'ydernummer', 'en'); // 'Provider number'
 * ```
 * @category OIOXML
 */
export const REFERRAL_CODE_LABELS = {
  referralType: REFERRAL_TYPE_LABELS,
  priority: PRIORITY_LABELS,
  referralStatus: REFERRAL_STATUS_LABELS,
  transport: TRANSPORT_LABELS,
  identifierCode: IDENTIFIER_CODE_LABELS,
  relationCode: RELATION_CODE_LABELS,
  telephoneSubscriberCode: TELEPHONE_SUBSCRIBER_CODE_LABELS,
  diagnoseTypeCode: DIAGNOSE_TYPE_LABELS,
  diagnoseDescriptionCode: DIAGNOSE_DESCRIPTION_LABELS,
  visitationInformationCode: VISITATION_INFORMATION_LABELS,
} as const satisfies Readonly<Record<string, CodeLabels>>;

/**
 * The headings and field labels of a referral viewer or form, in Danish (MedCom's display wording) and English.
 * @example
 * ```ts
 * REFERRAL_HEADINGS.clinicalReason.da; // 'Ønsket undersøgelse/behandling/problemstilling'
 * ```
 * @category OIOXML
 */
export const REFERRAL_HEADINGS = {
  sent: { da: 'Sendt', en: 'Sent' },
  episodeOfCare: { da: 'Forløbsnr.', en: 'Episode of care no.' },
  priority: { da: 'Prioritet', en: 'Priority' },
  referralStatus: { da: 'Henvisningstype', en: 'Referral type' },
  hospitalChoice: { da: 'Frit sygehusvalg', en: 'Free choice of hospital' },
  transport: { da: 'Transport', en: 'Transport' },
  supplementary: { da: 'Andet', en: 'Other' },
  diagnoses: { da: 'Henvisningsdiagnoser', en: 'Referral diagnoses' },
  mainDiagnosis: { da: 'Hoveddiagnose', en: 'Main diagnosis' },
  clinicalReason: {
    da: 'Ønsket undersøgelse/behandling/problemstilling',
    en: 'Requested examination/treatment/problem',
  },
  clinicalInformation: { da: 'Kliniske oplysninger', en: 'Clinical information' },
  cave: { da: 'Cave', en: 'Cave (allergies and intolerances)' },
  anamnesis: { da: 'Anamnese', en: 'History' },
  examination: { da: 'Undersøgelser/behandlinger', en: 'Examinations/treatments' },
  actualMedicine: { da: 'Aktuel medicin', en: 'Current medication' },
  references: { da: 'Referencer', en: 'References' },
  visitation: { da: 'Visitation (udfyldt af modtager)', en: 'Assessment (filled in by the receiver)' },
  patient: { da: 'Patient', en: 'Patient' },
  relative: { da: 'Pårørende', en: 'Next of kin' },
  telephone: { da: 'Tlf.', en: 'Phone' },
  email: { da: 'Email', en: 'Email' },
  sender: { da: 'Afsender', en: 'Sender' },
  referrer: { da: 'Henviser', en: 'Referrer' },
  receiver: { da: 'Modtager', en: 'Receiver' },
  ccReceiver: { da: 'Kopimodtager', en: 'Copy receiver' },
  answerCcReceiver: { da: 'Svarkopimodtager', en: 'Copy of reply to' },
} as const satisfies CodeLabels;
