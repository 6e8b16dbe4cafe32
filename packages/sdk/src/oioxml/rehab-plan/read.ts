// SPDX-License-Identifier: MIT
import { redactCpr } from '../../identifiers/redact.js';
import { ReadContext } from '../common/context.js';
import { readHeader } from '../common/header.js';
import { readParty } from '../common/party.js';
import { readReference } from '../common/reference.js';
import type { OioIssue } from '../read/issues.js';
import { readOioXml, type ReadLetter, type ReadOioXmlOptions } from '../read/read.js';
import { child, children, text, type XmlElement } from '../read/tree.js';
import { formattedChild, indexed, single } from './elements.js';
import { freeChoiceStartBy } from './free-choice.js';
import type { RehabConsent, RehabPlan } from './model.js';
import {
  readAbility,
  readAmbulatoryControl,
  readDiagnoses,
  readHospitalContact,
  readIcf,
  readJournalExcerpt,
} from './read-clinical.js';
import { readContact, readGpCopy, readPerson, readRehabPatient, readRehabRelative, readSender } from './read-people.js';
import { normaliseRehabilitationType } from './rehabilitation-type.js';

/**
 * The result of reading a GGOP: the model, or why there is none. `issues` are warnings about values that could
 * not be read as their type and elements a plan needs that are missing; elements no field claims are in
 * `model.unknown`.
 * @category OIOXML
 */
export type ReadRehabPlanResult =
  | { readonly ok: true; readonly model: RehabPlan; readonly issues: readonly OioIssue[] }
  | { readonly ok: false; readonly issues: readonly OioIssue[] };

const PLAN = '/Emessage/RehabilitationPlan';

const PLAN_CHILDREN = [
  'Letter',
  'Sender',
  'Receiver',
  'GPCCReceiver',
  'CCReceiver',
  'Patient',
  'Relatives',
  'Relative',
  'TypeOfRehabilitationPlan',
  'InformationForPatientAndRelatives',
  'ConsentInformed',
  'PracticalInformation',
  'PatientSafetyAspects',
  'RehabilitationDeadline',
  'CurrentHospitalContact',
  'HospitalAmbulatoryControl',
  'PatientHealthSummary',
  'AbilityAtDischargeSummary',
  'AbilityAtDischargeExtended',
  'RehabilitationNeedAndPotential',
  'ICD10Diagnoses',
  'ICFClassifications',
  'JournalExcerpt',
  'ContactCounty',
  'ContactMunicipality',
  'HealthCareTeam',
  'FinalResult',
  'Reference',
];

// Without these a viewer cannot say from whom, to whom, about whom, or who does the training.
const REQUIRED = ['Letter', 'Sender', 'Receiver', 'Patient', 'TypeOfRehabilitationPlan'];

const CONSENT: Readonly<Record<string, boolean>> = { ja: true, nej: false };

/**
 * Reads a GGOP genoptræningsplan already read with `readOioXml` into a {@link RehabPlan}, by local element names
 * (GGOP mixes the `urn:oio:medcom:municipality:1.0.4` and `1.0.0` namespaces irregularly). Never throws and
 * never rejects a code value; dates that are no dates are kept as written, with a `value` warning.
 *
 * @param read - A letter read by `readOioXml`.
 * @returns `{ ok: true, model, issues }` (this reader's issues only), or `{ ok: false, issues }` with an
 *   `unsupported-letter` error when the letter is not a `RehabilitationPlan`.
 * @example
 * ```ts
 * const read = readOioXml(bytes);
 * const plan = read.ok ? readRehabPlan(read) : read;
 * if (plan.ok) plan.model.rehabilitationType?.level; // 'specialised'
 * ```
 * @category OIOXML
 */
export function readRehabPlan(read: ReadLetter): ReadRehabPlanResult {
  if (read.letter.name !== 'RehabilitationPlan') {
    const issue: OioIssue = {
      severity: 'error',
      code: 'unsupported-letter',
      path: `/Emessage/${read.letter.name}`,
      message: redactCpr(`${read.letter.name} is not a genoptræningsplan (RehabilitationPlan)`),
    };
    return { ok: false, issues: [issue] };
  }
  const context = new ReadContext();
  const model = readPlan(read.root, read.letter, context);
  return { ok: true, model, issues: context.issues };
}

/**
 * Reads a GGOP genoptræningsplan from its bytes or text: {@link readOioXml} (encoding, size limit, safe XML)
 * followed by {@link readRehabPlan}. Never throws.
 *
 * @param input - The letter's bytes (its BOM or declared encoding is honoured) or its text.
 * @param options - `maxBytes`, as for `readOioXml`.
 * @returns `{ ok: true, model, issues }` or `{ ok: false, issues }`; the issues include the reader's own.
 * @example
 * ```ts
 * const plan = parseRehabPlan(await readFile('ggop.xml'));
 * if (plan.ok) formattedTextToPlain(plan.model.rehabilitationDeadline ?? []);
 * ```
 * @category OIOXML
 */
export function parseRehabPlan(input: string | Uint8Array, options: ReadOioXmlOptions = {}): ReadRehabPlanResult {
  const read = readOioXml(input, options);
  if (!read.ok) return read;
  // readOioXml warns about letters it has no model for; the rehab-plan reader's own error says it better.
  const earlier = read.issues.filter((issue) => issue.code !== 'unsupported-letter');
  const result = readRehabPlan(read);
  return { ...result, issues: [...earlier, ...result.issues] };
}

function readHeaderChecked(root: XmlElement, plan: XmlElement, context: ReadContext): RehabPlan['header'] {
  // readHeader reads these but leaves what else they hold to the model reader.
  context.keepUnknown(root, '/Emessage', ['Envelope', plan.name]);
  const envelope = single(root, 'Envelope', '/Emessage', context);
  context.keepUnknown(envelope, '/Emessage/Envelope', ['Sent', 'Identifier', 'AcknowledgementCode']);
  context.keepUnknown(child(envelope, 'Sent'), '/Emessage/Envelope/Sent', ['Date', 'Time']);
  const authorisation = child(single(plan, 'Letter', PLAN, context), 'Authorisation');
  context.keepUnknown(authorisation, `${PLAN}/Letter/Authorisation`, ['Date', 'Time']);
  return readHeader(root, plan, context);
}

function readConsent(plan: XmlElement, context: ReadContext): RehabConsent | undefined {
  const code = text(single(plan, 'ConsentInformed', PLAN, context));
  if (code === undefined) return undefined;
  const key = code.toLowerCase();
  return Object.hasOwn(CONSENT, key) ? { code, informed: CONSENT[key] === true } : { code };
}

/** `value` without the keys whose value is `undefined`, so the model holds only what the letter says. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function readPlan(root: XmlElement, plan: XmlElement, context: ReadContext): RehabPlan {
  context.keepUnknown(plan, PLAN, PLAN_CHILDREN);
  for (const name of REQUIRED)
    if (!child(plan, name)) context.warn(`${PLAN}/${name}`, 'Missing, though a plan needs it');
  const header = readHeaderChecked(root, plan, context);
  const type = text(single(plan, 'TypeOfRehabilitationPlan', PLAN, context));
  const stay = readHospitalContact(
    single(plan, 'CurrentHospitalContact', PLAN, context),
    `${PLAN}/CurrentHospitalContact`,
    context,
  );
  const diagnoses = single(plan, 'ICD10Diagnoses', PLAN, context);
  // Properties are evaluated in order, so issues and unknown elements come in (nearly) document order.
  const model: RehabPlan = compact({
    kind: 'rehab-plan',
    header,
    sender: readSender(single(plan, 'Sender', PLAN, context), `${PLAN}/Sender`, context),
    receiver: readParty(single(plan, 'Receiver', PLAN, context), `${PLAN}/Receiver`, context),
    gpCopy: readGpCopy(single(plan, 'GPCCReceiver', PLAN, context), `${PLAN}/GPCCReceiver`, context),
    ccReceivers: children(plan, 'CCReceiver').map(
      (party, i) => readParty(party, indexed(PLAN, 'CCReceiver', i), context) ?? {},
    ),
    patient: readRehabPatient(single(plan, 'Patient', PLAN, context), `${PLAN}/Patient`, context),
    relatives: readRelatives(plan, context),
    rehabilitationType: type === undefined ? undefined : normaliseRehabilitationType(type),
    informationForPatientAndRelatives: formattedChild(plan, 'InformationForPatientAndRelatives', PLAN, context),
    consent: readConsent(plan, context),
    practicalInformation: formattedChild(plan, 'PracticalInformation', PLAN, context),
    patientSafetyAspects: formattedChild(plan, 'PatientSafetyAspects', PLAN, context),
    rehabilitationDeadline: formattedChild(plan, 'RehabilitationDeadline', PLAN, context),
    currentHospitalContact: stay,
    ambulatoryControl: readAmbulatoryControl(
      single(plan, 'HospitalAmbulatoryControl', PLAN, context),
      `${PLAN}/HospitalAmbulatoryControl`,
      context,
    ),
    freeChoice: readFreeChoice(stay?.expectedEnd?.date),
    healthSummary: formattedChild(plan, 'PatientHealthSummary', PLAN, context),
    abilityAtDischarge: readAbility(plan, PLAN, context),
    needAndPotential: formattedChild(plan, 'RehabilitationNeedAndPotential', PLAN, context),
    diagnoses: readDiagnoses(diagnoses, `${PLAN}/ICD10Diagnoses`, context),
    diagnosesText: formattedChild(diagnoses, 'Text', `${PLAN}/ICD10Diagnoses`, context),
    icfClassifications: readIcf(
      single(plan, 'ICFClassifications', PLAN, context),
      `${PLAN}/ICFClassifications`,
      context,
    ),
    journalExcerpts: children(plan, 'JournalExcerpt').map((excerpt, i) =>
      readJournalExcerpt(excerpt, indexed(PLAN, 'JournalExcerpt', i), context),
    ),
    contacts: compact({
      region: readContact(single(plan, 'ContactCounty', PLAN, context), `${PLAN}/ContactCounty`, context),
      municipality: readContact(
        single(plan, 'ContactMunicipality', PLAN, context),
        `${PLAN}/ContactMunicipality`,
        context,
      ),
    }),
    team: readTeam(plan, context),
    finalResultReceivers: readFinalResult(plan, context),
    references: children(plan, 'Reference').map((reference, i) =>
      readReference(reference, indexed(PLAN, 'Reference', i), context),
    ),
    unknown: [],
  });
  model.unknown = context.unknown.map(({ path, text: value }) => ({ path, text: value }));
  return model;
}

function readRelatives(plan: XmlElement, context: ReadContext): RehabPlan['relatives'] {
  // GGOP groups relatives in `Relatives`; a bare `Relative`, as in the rep.oio.dk letters, is read too.
  const groups = children(plan, 'Relatives');
  groups.forEach((group, i) =>
    context.keepUnknown(group, groups.length > 1 ? indexed(PLAN, 'Relatives', i) : `${PLAN}/Relatives`, ['Relative']),
  );
  const relatives = [...groups.flatMap((group) => children(group, 'Relative')), ...children(plan, 'Relative')];
  return relatives.map((relative, i) =>
    readRehabRelative(relative, indexed(`${PLAN}/Relatives`, 'Relative', i), context),
  );
}

function readFreeChoice(dischargeDate: string | undefined): RehabPlan['freeChoice'] {
  const startBy = dischargeDate === undefined ? undefined : freeChoiceStartBy(dischargeDate);
  return dischargeDate === undefined || startBy === undefined ? undefined : { dischargeDate, startBy };
}

function readTeam(plan: XmlElement, context: ReadContext): RehabPlan['team'] {
  const team = single(plan, 'HealthCareTeam', PLAN, context);
  context.keepUnknown(team, `${PLAN}/HealthCareTeam`, ['Member']);
  return children(team, 'Member').map((member, i) =>
    readPerson(member, indexed(`${PLAN}/HealthCareTeam`, 'Member', i), context),
  );
}

function readFinalResult(plan: XmlElement, context: ReadContext): RehabPlan['finalResultReceivers'] {
  const finalResult = single(plan, 'FinalResult', PLAN, context);
  context.keepUnknown(finalResult, `${PLAN}/FinalResult`, ['ResultReceiver']);
  return children(finalResult, 'ResultReceiver').map(
    (party, i) => readParty(party, indexed(`${PLAN}/FinalResult`, 'ResultReceiver', i), context) ?? {},
  );
}
