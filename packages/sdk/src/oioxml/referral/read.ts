// SPDX-License-Identifier: MIT
import { ReadContext } from '../common/context.js';
import { readHeader } from '../common/header.js';
import { readParty } from '../common/party.js';
import { readPatient, readRelative } from '../common/patient.js';
import { readReference } from '../common/reference.js';
import type { OioIssue } from '../read/issues.js';
import { readOioXml, type ReadLetter, type ReadOioXmlOptions } from '../read/read.js';
import { at, child, type XmlElement } from '../read/tree.js';
import type { Referral, ReferralType } from './model.js';
import {
  readAdditionalInformation,
  readClinicalInformation,
  readReferralDiagnoses,
  readVisitations,
  repeated,
  type Bounds,
} from './read-sections.js';

/**
 * A referral read into its model, with what the reader noticed (values that are not their type, missing
 * required elements, lists longer than XH0130R allows). Elements no field claims are in `model.unknown`.
 * @category OIOXML
 */
export interface ReadReferral {
  readonly ok: true;
  readonly model: Referral;
  readonly issues: readonly OioIssue[];
}

/**
 * Why a document could not be read as a referral.
 * @category OIOXML
 */
export interface ReferralFailure {
  readonly ok: false;
  readonly issues: readonly OioIssue[];
}

const TYPES: Readonly<Record<string, ReferralType>> = {
  HospitalReferral: 'hospital',
  PrivateSpecialistReferral: 'private-specialist',
  PhysiotherapyReferral: 'physiotherapy',
  MunicipalityReferral: 'municipality',
};

const KNOWN_CHILDREN = [
  'Letter',
  'Sender',
  'Receiver',
  'CCReceiver',
  'AnswerCCReceiver',
  'Patient',
  'Relative',
  'AdditionalInformation',
  'Referral',
  'RelevantClinicalInformation',
  'Reference',
  'HospitalVisitation',
  'MunicipalityVisitation',
];

// HospitalReferral.xsd (XH0130R) bounds. The siblings have no public XSD (XREF15) or were not checked here, so
// only the hospital referral is held to them.
const XH0130R_BOUNDS: Bounds = { Relative: 1, ReferralAdditional: 5, Reference: 10, HospitalVisitation: 9 };

/**
 * Reads a letter already read with `readOioXml` into a {@link Referral}: XREF01 `HospitalReferral` (XH0130R,
 * XH0131R) and its siblings `PrivateSpecialistReferral`, `PhysiotherapyReferral` and `MunicipalityReferral`, by
 * local element names in whatever namespace. Never throws and never rejects a code value.
 *
 * @param read - The successful result of `readOioXml`.
 * @returns `{ ok: true, model, issues }` with this reader's issues only (the caller has `read.issues`), or
 *   `{ ok: false, issues }` with code `unsupported-letter` when the letter is not a referral.
 * @example
 * ```ts
 * const read = readOioXml(bytes);
 * if (read.ok && read.info.kind === 'referral') {
 *   const referral = readReferral(read);
 *   if (referral.ok) referral.model.referralType; // 'hospital'
 * }
 * ```
 * @category OIOXML
 */
export function readReferral(read: ReadLetter): ReadReferral | ReferralFailure {
  const referralType = TYPES[read.letter.name];
  if (read.info.kind !== 'referral' || referralType === undefined) {
    const issue: OioIssue = {
      severity: 'error',
      code: 'unsupported-letter',
      path: `/Emessage/${read.letter.name}`,
      message: `${read.letter.name} is not a referral (HospitalReferral, PrivateSpecialistReferral, PhysiotherapyReferral, MunicipalityReferral)`,
    };
    return { ok: false, issues: [issue] };
  }
  const context = new ReadContext();
  const model = readLetter(read.root, read.letter, referralType, context);
  return { ok: true, model, issues: context.issues };
}

/**
 * Reads a MedCom referral from bytes or text: `readOioXml` followed by {@link readReferral}. Never throws.
 *
 * @param input - The letter's bytes (its declared encoding, e.g. windows-1252, is honoured) or its text.
 * @param options - `maxBytes`, as for `readOioXml`.
 * @returns `{ ok: true, model, issues }`, or `{ ok: false, issues }` when the input is not well-formed, not a
 *   MedCom letter, or not a referral (`unsupported-letter`).
 * @example
 * ```ts
 * const read = parseReferral(await readFile('REF01_1.xml'));
 * if (read.ok) read.model.diagnosis; // { code: 'DI10', typeCode: 'SKSdiagnosekode', text: 'Blodtryksforhøjelse…' }
 * ```
 * @category OIOXML
 */
export function parseReferral(
  input: string | Uint8Array,
  options: ReadOioXmlOptions = {},
): ReadReferral | ReferralFailure {
  const read = readOioXml(input, options);
  if (!read.ok) return { ok: false, issues: read.issues };
  // readOioXml's own unsupported-letter warning would only repeat readReferral's error.
  const earlier = read.issues.filter((issue) => issue.code !== 'unsupported-letter');
  const referral = readReferral(read);
  return { ...referral, issues: [...earlier, ...referral.issues] };
}

function readLetter(root: XmlElement, letter: XmlElement, referralType: ReferralType, context: ReadContext): Referral {
  const path = `/Emessage/${letter.name}`;
  const bounds = referralType === 'hospital' ? XH0130R_BOUNDS : {};
  // Anything beside the envelope and this letter (Local_Elements, a second letter) is kept, not dropped.
  context.keepUnknown(root, '/Emessage', ['Envelope', letter.name]);
  const envelope = child(root, 'Envelope');
  context.keepUnknown(envelope, '/Emessage/Envelope', ['Sent', 'Identifier', 'AcknowledgementCode']);
  context.keepUnknown(child(envelope, 'Sent'), '/Emessage/Envelope/Sent', ['Date', 'Time']);
  context.keepUnknown(at(letter, 'Letter', 'Authorisation'), `${path}/Letter/Authorisation`, ['Date', 'Time']);
  context.keepUnknown(letter, path, KNOWN_CHILDREN);
  for (const name of ['Letter', 'Sender', 'Receiver', 'Patient']) {
    if (!child(letter, name)) context.warn(`${path}/${name}`, 'Missing, though the schema requires it');
  }

  const model: Referral = {
    kind: 'referral',
    referralType,
    header: readHeader(root, letter, context),
    sender: readParty(child(letter, 'Sender'), `${path}/Sender`, context) ?? {},
    receiver: readParty(child(letter, 'Receiver'), `${path}/Receiver`, context) ?? {},
    patient: readPatient(child(letter, 'Patient'), `${path}/Patient`, context) ?? { telephones: [] },
    relatives: repeated(letter, ['Relative'], path, context, bounds).map((relative) =>
      readRelative(relative, `${path}/Relative`, context),
    ),
    ...readAdditionalInformation(child(letter, 'AdditionalInformation'), `${path}/AdditionalInformation`, context),
    ...readReferralDiagnoses(child(letter, 'Referral'), `${path}/Referral`, context, bounds),
    ...readClinicalInformation(
      child(letter, 'RelevantClinicalInformation'),
      `${path}/RelevantClinicalInformation`,
      context,
    ),
    references: repeated(letter, ['Reference'], path, context, bounds).map((reference) =>
      readReference(reference, `${path}/Reference`, context),
    ),
    visitations: readVisitations(letter, path, context, bounds),
    // Filled as the rest is read: the context collects into this same array.
    unknown: context.unknown,
  };
  if (letter.namespace !== undefined) model.namespace = letter.namespace;
  const answerCcReceiver = readParty(child(letter, 'AnswerCCReceiver'), `${path}/AnswerCCReceiver`, context);
  const ccReceiver = readParty(child(letter, 'CCReceiver'), `${path}/CCReceiver`, context);
  if (answerCcReceiver) model.answerCcReceiver = answerCcReceiver;
  if (ccReceiver) model.ccReceiver = ccReceiver;
  return model;
}
