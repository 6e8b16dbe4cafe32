// SPDX-License-Identifier: MIT
import { ReadContext } from '../common/context.js';
import { readDateTimeChild } from '../common/date-time.js';
import { readHeader } from '../common/header.js';
import { readParty } from '../common/party.js';
import { readPatient, readRelative } from '../common/patient.js';
import { readReference } from '../common/reference.js';
import type { OioIssue } from '../read/issues.js';
import type { ReadLetter } from '../read/read.js';
import { child, type XmlElement } from '../read/tree.js';
import { required, repeated } from './limits.js';
import type { DischargeSummary, DischargeSummaryVariant } from './model.js';
import { readActionPriorities, readClinicalNote, readRecommendations } from './read-clinical.js';
import { readDischargeDiagnoses } from './read-diagnoses.js';
import { readOriginatingReferral } from './read-referral.js';

/**
 * An epikrise read into its model, with what the reader noticed: warnings about values it could not read as
 * their type, missing required elements, and lists longer than the schema allows. Elements no field claims are
 * in `model.unknown`.
 * @example
 * ```ts
 * const read = readDischargeSummary(bytes);
 * if (read.ok && read.model.header.statusCode === 'rettetbrev') showCorrectionBanner();
 * ```
 * @category OIOXML
 */
export interface ReadDischargeSummary {
  readonly ok: true;
  readonly model: DischargeSummary;
  readonly issues: readonly OioIssue[];
}

/**
 * Why a document could not be read as an epikrise: the reader's errors (`xml-syntax`, `encoding`, …) or
 * `unsupported-letter` for another kind of letter.
 * @example
 * ```ts
 * const read = readDischargeSummary(bytes);
 * if (!read.ok) console.warn(read.issues.map((issue) => issue.message));
 * ```
 * @category OIOXML
 */
export interface DischargeSummaryFailure {
  readonly ok: false;
  readonly issues: readonly OioIssue[];
}

interface Shape {
  readonly variant: DischargeSummaryVariant;
  readonly start: string;
  readonly end: string;
}

// The per-variant element names for the stay; everything else is shared by the three epikriser.
const LETTERS: Readonly<Record<string, Shape>> = {
  DischargeLetter: { variant: 'inpatient', start: 'Admission', end: 'Discharge' },
  OutPatientDischargeLetter: { variant: 'outpatient', start: 'OutPatientFirstVisit', end: 'OutPatientLastVisit' },
  CasualtyWardLetter: { variant: 'casualty-ward', start: 'CasualtyWardFirstVisit', end: 'CasualtyWardLastVisit' },
};

const SHARED_CHILDREN = [
  'Letter',
  'Sender',
  'Receiver',
  'CCReceiver',
  'Patient',
  'Relative',
  'Referral',
  'Diagnose',
  'ActionPriority',
  'RecommendedAction',
  'ClinicalInformation',
  'Reference',
];

/**
 * Reads a MedCom epikrise (XDIS01 udskrivningsepikrise, XDIS02 ambulantepikrise or XDIS03 skadestueepikrise,
 * XD0133L or the newer XD0134L) into a {@link DischargeSummary}, by local element names in whatever namespace.
 * Never throws and never rejects a code value: values that cannot be read as their type, missing required
 * elements and over-long lists come back as warnings; elements the model does not know come back in `unknown`.
 *
 * @param read - A letter read with `readOioXml` or `readOioXmlDocument`. The issues are only this reader's
 *   (the caller has the reader's). For bytes or text use {@link parseDischargeSummary}; this function pulls in
 *   no XML parser, which keeps browser bundles small.
 * @returns `{ ok: true, model, issues }`, or `{ ok: false, issues }` when the input is not well-formed, not a
 *   MedCom letter, or another kind of letter.
 * @example
 * ```ts
 * const read = readDischargeSummary(readOioXmlDocument(bytes));
 * if (read.ok) {
 *   read.model.diagnoses?.main; // { code: 'DC249', text: 'Neopl mal viarum billiarum uden specifikation' }
 *   formattedTextToPlain(read.model.clinicalInformation[0]!.text);
 * }
 * ```
 * @category OIOXML
 */
export function readDischargeSummary(read: ReadLetter): ReadDischargeSummary | DischargeSummaryFailure {
  const shape = LETTERS[read.letter.name];
  if (!shape) {
    const issue: OioIssue = {
      severity: 'error',
      code: 'unsupported-letter',
      path: `/Emessage/${read.letter.name}`,
      message: `${read.letter.name} is not an epikrise (DischargeLetter, OutPatientDischargeLetter, CasualtyWardLetter)`,
    };
    return { ok: false, issues: [issue] };
  }

  const context = new ReadContext();
  const model = readLetter(read.root, read.letter, shape, context);
  return { ok: true, model, issues: context.issues };
}

function readLetter(root: XmlElement, letter: XmlElement, shape: Shape, context: ReadContext): DischargeSummary {
  const path = `/Emessage/${letter.name}`;
  // Anything beside the envelope and this letter (Local_Elements, a second letter) is kept, not dropped.
  context.keepUnknown(root, '/Emessage', ['Envelope', letter.name]);
  context.keepUnknown(child(root, 'Envelope'), '/Emessage/Envelope', ['Sent', 'Identifier', 'AcknowledgementCode']);
  context.keepUnknown(letter, path, [...SHARED_CHILDREN, shape.start, shape.end]);
  for (const name of ['Letter', 'Sender', 'Receiver', 'Patient'])
    required(child(letter, name), `${path}/${name}`, context);

  const header = readHeader(root, letter, context);
  const optional: Partial<DischargeSummary> = {};
  const sender = readParty(child(letter, 'Sender'), `${path}/Sender`, context);
  const receiver = readParty(child(letter, 'Receiver'), `${path}/Receiver`, context);
  const ccReceiver = readParty(child(letter, 'CCReceiver'), `${path}/CCReceiver`, context);
  const patient = readPatient(child(letter, 'Patient'), `${path}/Patient`, context);
  const relatives = repeated(letter, 'Relative', 2, path, context).map((relative) =>
    readRelative(relative, `${path}/Relative`, context),
  );
  const referral = readOriginatingReferral(child(letter, 'Referral'), `${path}/Referral`, context);
  const start = readDateTimeChild(letter, shape.start, path, context);
  const end = readDateTimeChild(letter, shape.end, path, context);
  const diagnoses = readDischargeDiagnoses(child(letter, 'Diagnose'), `${path}/Diagnose`, context);
  if (letter.namespace !== undefined) optional.namespace = letter.namespace;
  if (sender) optional.sender = sender;
  if (receiver) optional.receiver = receiver;
  if (ccReceiver) optional.ccReceiver = ccReceiver;
  if (patient) optional.patient = patient;
  if (referral) optional.referral = referral;
  if (start) optional.start = start;
  if (end) optional.end = end;
  if (diagnoses) optional.diagnoses = diagnoses;
  const actionPriorities = readActionPriorities(letter, path, context);
  const recommendations = readRecommendations(letter, path, context);
  const clinicalInformation = repeated(letter, 'ClinicalInformation', 10, path, context).map((note) =>
    readClinicalNote(note, `${path}/ClinicalInformation`, context),
  );
  const references = repeated(letter, 'Reference', 10, path, context).map((reference) =>
    readReference(reference, `${path}/Reference`, context),
  );
  return {
    kind: 'discharge-summary',
    variant: shape.variant,
    ...optional,
    header,
    relatives,
    actionPriorities,
    recommendations,
    clinicalInformation,
    references,
    unknown: context.unknown.map(({ path: at, text }) => ({ path: at, text })),
  };
}
