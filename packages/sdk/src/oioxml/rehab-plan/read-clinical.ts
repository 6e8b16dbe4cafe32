// SPDX-License-Identifier: MIT
// GGOP's clinical blocks: the stay and the control, functional ability, diagnoses, ICF codes and journal
// excerpts.
import type { ReadContext } from '../common/context.js';
import { readDateTime } from '../common/date-time.js';
import { readFields, readParty } from '../common/party.js';
import { child, children, text, type XmlElement } from '../read/tree.js';
import { abilitySections } from './ability.js';
import { dateTimeChild, formattedChild, indexed, single } from './elements.js';
import type {
  RehabAbilityAtDischarge,
  RehabAmbulatoryControl,
  RehabCode,
  RehabDiagnosisGroup,
  RehabHospitalContact,
  RehabIcfClassification,
  RehabJournalExcerpt,
} from './model.js';
import { readPerson } from './read-people.js';

const CODE_FIELDS = { code: 'Code', typeCode: 'TypeCode', text: 'Text' } as const;

/** Reads `CurrentHospitalContact`. */
export function readHospitalContact(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabHospitalContact | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, ['Start', 'ExpectedEnd', 'ExpectedEndText']);
  const contact: RehabHospitalContact = {};
  const start = dateTimeChild(element, 'Start', path, context);
  const expectedEnd = dateTimeChild(element, 'ExpectedEnd', path, context);
  const expectedEndText = text(single(element, 'ExpectedEndText', path, context));
  if (start) contact.start = start;
  if (expectedEnd) contact.expectedEnd = expectedEnd;
  if (expectedEndText !== undefined) contact.expectedEndText = expectedEndText;
  return contact;
}

/** Reads `HospitalAmbulatoryControl`. */
export function readAmbulatoryControl(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabAmbulatoryControl | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, ['ExpectedStart', 'ExpectedStartText', 'Location']);
  const control: RehabAmbulatoryControl = {};
  const expectedStart = dateTimeChild(element, 'ExpectedStart', path, context);
  const expectedStartText = text(single(element, 'ExpectedStartText', path, context));
  const location = readParty(single(element, 'Location', path, context), `${path}/Location`, context);
  if (expectedStart) control.expectedStart = expectedStart;
  if (expectedStartText !== undefined) control.expectedStartText = expectedStartText;
  if (location) control.location = location;
  return control;
}

/** Reads `AbilityAtDischargeSummary` and `AbilityAtDischargeExtended` of the plan. */
export function readAbility(plan: XmlElement, path: string, context: ReadContext): RehabAbilityAtDischarge | undefined {
  const summary = formattedChild(plan, 'AbilityAtDischargeSummary', path, context);
  const extended = formattedChild(plan, 'AbilityAtDischargeExtended', path, context);
  if (!summary && !extended) return undefined;
  const ability: RehabAbilityAtDischarge = { sections: extended ? abilitySections(extended) : [] };
  if (summary) ability.summary = summary;
  if (extended) ability.extended = extended;
  return ability;
}

function readCode(element: XmlElement | undefined, path: string, context: ReadContext): RehabCode | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, Object.values(CODE_FIELDS));
  return readFields(element, CODE_FIELDS);
}

/** Reads the `ICD10Diagnose` groups of `ICD10Diagnoses`. */
export function readDiagnoses(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabDiagnosisGroup[] {
  if (!element) return [];
  context.keepUnknown(element, path, ['ICD10Diagnose', 'Text']);
  return children(element, 'ICD10Diagnose').map((group, i) => {
    const at = indexed(path, 'ICD10Diagnose', i);
    context.keepUnknown(group, at, ['PrimaryDiagnosis', 'SecondaryDiagnosis']);
    const primary = readCode(single(group, 'PrimaryDiagnosis', at, context), `${at}/PrimaryDiagnosis`, context);
    const secondary = children(group, 'SecondaryDiagnosis').map(
      (diagnosis, j) => readCode(diagnosis, indexed(at, 'SecondaryDiagnosis', j), context) ?? {},
    );
    return primary ? { primary, secondary } : { secondary };
  });
}

/** Reads the `ICFClassification`s of `ICFClassifications`. */
export function readIcf(element: XmlElement | undefined, path: string, context: ReadContext): RehabIcfClassification[] {
  if (!element) return [];
  context.keepUnknown(element, path, ['ICFClassification']);
  return children(element, 'ICFClassification').map((classification, i) => {
    const at = indexed(path, 'ICFClassification', i);
    context.keepUnknown(classification, at, ['ICFCode', 'ICFGradient']);
    const result: RehabIcfClassification = {};
    const code = readCode(single(classification, 'ICFCode', at, context), `${at}/ICFCode`, context);
    const gradient = readCode(single(classification, 'ICFGradient', at, context), `${at}/ICFGradient`, context);
    if (code) result.code = code;
    if (gradient) result.gradient = gradient;
    return result;
  });
}

/** Reads one `JournalExcerpt`. */
export function readJournalExcerpt(element: XmlElement, path: string, context: ReadContext): RehabJournalExcerpt {
  context.keepUnknown(element, path, ['TypeOfExcerpt', 'Signer', 'Comment']);
  const excerpt: RehabJournalExcerpt = { signedBy: [] };
  const type = text(single(element, 'TypeOfExcerpt', path, context));
  if (type !== undefined) excerpt.type = type;
  const signer = single(element, 'Signer', path, context);
  if (signer) {
    const at = `${path}/Signer`;
    context.keepUnknown(signer, at, ['SignedBy', 'Date', 'Time']);
    excerpt.signedBy = children(signer, 'SignedBy').map((person, i) =>
      readPerson(person, indexed(at, 'SignedBy', i), context),
    );
    // The signer's Date (and Time, if any) sit directly in Signer.
    const signedAt = child(signer, 'Date') ? readDateTime(signer, at, context) : undefined;
    if (signedAt) excerpt.signedAt = signedAt;
  }
  const comment = formattedChild(element, 'Comment', path, context);
  if (comment) excerpt.comment = comment;
  return excerpt;
}
