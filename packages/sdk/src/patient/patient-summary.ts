// SPDX-License-Identifier: MIT
import { ageOn } from '../identifiers/age.js';
import { parseCpr } from '../identifiers/cpr.js';
import { parseEcpr } from '../identifiers/ecpr.js';
import type { FhirIdentifier } from '../identifiers/fhir.js';
import { CPR_SYSTEM, D_ECPR_SYSTEM, X_ECPR_SYSTEM } from '../identifiers/systems.js';

/** The parts of a FHIR `HumanName` a summary reads. */
export interface HumanNameLike {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
}

/** The parts of a FHIR `Patient` a summary reads; any FHIR R4 Patient fits. */
export interface PatientLike {
  resourceType?: string;
  identifier?: FhirIdentifier[];
  name?: HumanNameLike[];
  gender?: string;
  birthDate?: string;
}

/** Administrative sex as FHIR codes it. */
export type Sex = 'male' | 'female' | 'other' | 'unknown';

/** What a banner, a letter header or a list row shows about a patient. */
export interface PatientSummary {
  /** Display name, or `undefined` when none is given. */
  name: string | undefined;
  /** The person identifier as written (CPR with hyphen, or the eCPR), or `undefined`. */
  identifier: string | undefined;
  /** Which kind of person identifier {@link identifier} is. */
  identifierKind: 'cpr' | 'ecpr' | 'unknown' | undefined;
  /** `false` when an identifier is present but is not a valid CPR or eCPR. */
  identifierValid: boolean;
  /** `YYYY-MM-DD`, from the resource or else from the CPR number. */
  birthDate: string | undefined;
  /** Completed years on the reference date, when the birth date is known. */
  age: number | undefined;
  sex: Sex | undefined;
}

/** Input for {@link summarizePatient}: a FHIR Patient, loose values, or both (loose values win). */
export interface PatientSummaryInput {
  patient?: PatientLike | undefined;
  name?: string | undefined;
  /** A CPR number (with or without hyphen) or an eCPR. */
  cpr?: string | undefined;
  birthDate?: string | undefined;
  sex?: string | undefined;
  /** The day ages are counted to; defaults to today. */
  on?: Date | undefined;
}

const SEXES: readonly string[] = ['male', 'female', 'other', 'unknown'];
const isSex = (value: string | undefined): value is Sex => value !== undefined && SEXES.includes(value);

function displayName(names: HumanNameLike[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return undefined;
  const parts = [...(name.given ?? []), name.family].filter(Boolean).join(' ').trim();
  return parts || name.text?.trim() || undefined;
}

// By system rather than through fromFhirIdentifier: a summary needs only CPR and eCPR, and viewers that show one
// should not carry every other Danish identifier's parser.
const isPersonSystem = (system: unknown): boolean =>
  system === CPR_SYSTEM ||
  system === X_ECPR_SYSTEM ||
  (typeof system === 'string' && (system === D_ECPR_SYSTEM || system.startsWith(`${D_ECPR_SYSTEM}.`)));

function personIdentifier(patient: PatientLike | undefined): string | undefined {
  return patient?.identifier?.find(
    (identifier) => isPersonSystem(identifier.system) && typeof identifier.value === 'string',
  )?.value;
}

/**
 * Summarises a patient for display: name, CPR or eCPR (formatted), birth date, age and sex. Values
 * missing from the resource are derived from the CPR number where it carries them.
 *
 * @param input - A FHIR Patient and/or loose values; loose values override the resource.
 * @returns The summary; it never throws, and invalid identifiers are flagged, not dropped.
 * @example
 * ```ts
 * const s = summarizePatient({ cpr: '2509479989', on: new Date('2026-11-25') });
 * // { identifier: '250947-9989', identifierKind: 'cpr', birthDate: '1947-09-25', age: 79, sex: 'male', … }
 * ```
 * @category Patients
 */
export function summarizePatient(input: PatientSummaryInput): PatientSummary {
  const { patient } = input;
  const raw = (input.cpr ?? personIdentifier(patient))?.trim() || undefined;
  const cpr = raw === undefined ? undefined : parseCpr(raw);
  const ecpr = raw === undefined || cpr?.valid ? undefined : parseEcpr(raw);

  let identifier = raw;
  let identifierKind: PatientSummary['identifierKind'] = raw === undefined ? undefined : 'unknown';
  let derivedBirthDate: string | undefined;
  let derivedSex: Sex | undefined;
  if (cpr?.valid) {
    identifier = cpr.formatted;
    identifierKind = 'cpr';
    derivedBirthDate = cpr.birthDate;
    derivedSex = cpr.sex;
  } else if (ecpr?.valid) {
    identifier = ecpr.value;
    identifierKind = 'ecpr';
  }

  const birthDate = input.birthDate || patient?.birthDate || derivedBirthDate;
  const sexInput = input.sex || patient?.gender;
  const sex = isSex(sexInput) ? sexInput : derivedSex;
  const age = birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? ageOn(birthDate, input.on ?? new Date()) : undefined;

  return {
    name: input.name?.trim() || displayName(patient?.name),
    identifier,
    identifierKind,
    identifierValid: raw === undefined || identifierKind !== 'unknown',
    birthDate,
    age,
    sex,
  };
}
