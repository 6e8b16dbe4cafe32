// SPDX-License-Identifier: MIT
// Readers for the referral-specific blocks; the shared parts (header, parties, patient) come from ../common.
import type { ReadContext } from '../common/context.js';
import { readDiagnosis } from '../common/diagnosis.js';
import { child, children, text, type XmlElement } from '../read/tree.js';
import { readFormattedText, type FormattedText } from '../text/index.js';
import type { Referral, ReferralVisitation } from './model.js';

type AdditionalInformation = Pick<
  Referral,
  'priority' | 'referralStatus' | 'hospitalChoice' | 'transport' | 'supplementary' | 'clinicalReason'
>;
type Diagnoses = Pick<Referral, 'diagnosis' | 'additionalDiagnoses'>;
type ClinicalInformation = Pick<Referral, 'cave' | 'anamnesis' | 'examination' | 'actualMedicine'>;

const CODES = {
  priority: 'Priority',
  referralStatus: 'ReferralStatus',
  hospitalChoice: 'HospitalChoice',
  transport: 'Transport',
} as const;
const REMARKS = { supplementary: 'Supplementary', clinicalReason: 'ClinicalReason' } as const;
const CLINICAL = {
  cave: 'Cave',
  anamnesis: 'Anamnesis',
  examination: 'Examination',
  actualMedicine: 'ActualMedicine',
} as const;
// Referral.xsd (the epikrise's copy of the block) spells it with one "r"; a sender may reuse that spelling.
const ADDITIONAL = ['ReferralAdditional', 'ReferalAdditional'];
const VISITATIONS = ['HospitalVisitation', 'MunicipalityVisitation'];

/** Upper bounds a sender broke, per element name; reported as warnings, the letter is still read in full. */
export type Bounds = Readonly<Record<string, number>>;

/** The children of `parent` with any of `names`, warning when there are more than `bounds` allows. */
export function repeated(
  parent: XmlElement | undefined,
  names: readonly string[],
  path: string,
  context: ReadContext,
  bounds: Bounds,
): XmlElement[] {
  const found = children(parent).filter((element) => names.includes(element.name));
  const name = names[0] ?? '';
  const max = bounds[name];
  if (max !== undefined && found.length > max) {
    context.warn(`${path}/${name}`, `${found.length} ${name} elements; the schema allows at most ${max}`);
  }
  return found;
}

function readTexts<K extends string>(
  element: XmlElement | undefined,
  fields: Readonly<Record<K, string>>,
): Partial<Record<K, FormattedText>> {
  const out: Partial<Record<K, FormattedText>> = {};
  for (const [key, name] of Object.entries(fields) as [K, string][]) {
    const found = child(element, name);
    if (found) out[key] = readFormattedText(found);
  }
  return out;
}

/** `AdditionalInformation`: priority, referral status, hospital choice, transport and the two remarks. */
export function readAdditionalInformation(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): AdditionalInformation {
  if (!element) return {};
  context.keepUnknown(element, path, [...Object.values(CODES), ...Object.values(REMARKS)]);
  const out: AdditionalInformation = readTexts(element, REMARKS);
  for (const [key, name] of Object.entries(CODES) as [keyof typeof CODES, string][]) {
    const value = text(element, name);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** `Referral`: the referral diagnosis (`Refer`) and the additional ones. */
export function readReferralDiagnoses(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
  bounds: Bounds,
): Diagnoses {
  if (!element) return { additionalDiagnoses: [] };
  context.keepUnknown(element, path, ['Refer', ...ADDITIONAL]);
  const out: Diagnoses = {
    additionalDiagnoses: repeated(element, ADDITIONAL, path, context, bounds).map((item) =>
      readDiagnosis(item, `${path}/${item.name}`, context),
    ),
  };
  const refer = child(element, 'Refer');
  if (refer) out.diagnosis = readDiagnosis(refer, `${path}/Refer`, context);
  return out;
}

/** `RelevantClinicalInformation`: cave, anamnesis, examinations and current medicine. */
export function readClinicalInformation(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): ClinicalInformation {
  if (!element) return {};
  context.keepUnknown(element, path, Object.values(CLINICAL));
  return readTexts(element, CLINICAL);
}

/** The receiver's `HospitalVisitation` / `MunicipalityVisitation` notes, in document order. */
export function readVisitations(
  letter: XmlElement,
  path: string,
  context: ReadContext,
  bounds: Bounds,
): ReferralVisitation[] {
  return repeated(letter, VISITATIONS, path, context, bounds).map((element) => {
    const at = `${path}/${element.name}`;
    context.keepUnknown(element, at, ['InformationCode', 'Information']);
    const information = child(element, 'Information');
    if (!information) context.warn(`${at}/Information`, 'Missing, though the schema requires it');
    const visitation: ReferralVisitation = { information: information ? readFormattedText(information) : [] };
    const code = text(element, 'InformationCode');
    if (code !== undefined) visitation.informationCode = code;
    return visitation;
  });
}
