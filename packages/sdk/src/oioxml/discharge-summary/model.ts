// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { LetterDateTime } from '../common/date-time.js';
import { LetterDiagnosis } from '../common/diagnosis.js';
import { LetterHeader } from '../common/header.js';
import { Party } from '../common/party.js';
import { LetterPatient, Relative } from '../common/patient.js';
import { LetterReference } from '../common/reference.js';
import { FormattedText } from '../text/index.js';

/**
 * Which epikrise a letter is, from its letter element: `inpatient` (`DischargeLetter`, XDIS01
 * udskrivningsepikrise), `outpatient` (`OutPatientDischargeLetter`, XDIS02 ambulantepikrise) or
 * `casualty-ward` (`CasualtyWardLetter`, XDIS03 skadestueepikrise). The three share one shape.
 *
 * @example
 * ```ts
 * DischargeSummaryVariant.options; // ['inpatient', 'outpatient', 'casualty-ward']
 * ```
 * @category OIOXML
 */
export const DischargeSummaryVariant = z.enum(['inpatient', 'outpatient', 'casualty-ward']);
export type DischargeSummaryVariant = z.infer<typeof DischargeSummaryVariant>;

/**
 * An element of the letter that no model field claims, kept so a viewer can still show it: its slash path of
 * local names and its text.
 *
 * @example
 * ```ts
 * const kept: UnknownLetterElement = { path: '/Emessage/DischargeLetter/Foo', text: 'bar' };
 * ```
 * @category OIOXML
 */
export const UnknownLetterElement = z.object({ path: z.string(), text: z.string() });
export type UnknownLetterElement = z.infer<typeof UnknownLetterElement>;

/**
 * The referral that started the stay (`Referral`): its letter id, when it was received, the referral
 * diagnosis (`Refer`) and up to five more (`ReferalAdditional`, spelled so by MedCom).
 *
 * @example
 * ```ts
 * const referral: OriginatingReferral = { identifier: 'BrevNr00101', additional: [] };
 * ```
 * @category OIOXML
 */
export const OriginatingReferral = z.object({
  identifier: z.optional(z.string()),
  received: z.optional(LetterDateTime),
  diagnosis: z.optional(LetterDiagnosis),
  additional: z.array(LetterDiagnosis),
});
export type OriginatingReferral = z.infer<typeof OriginatingReferral>;

/**
 * The `Diagnose` block: the main diagnosis ("Hoveddiagnose", EDIFACT aktionsdiagnose), the additional main
 * diagnoses ("Bidiagnose" in MedCom's display, EDIFACT tillægsdiagnose) and the other diagnoses, operations and
 * examinations, each with its role in `descriptionCode`.
 *
 * @example
 * ```ts
 * const diagnoses: DischargeDiagnoses = { main: { code: 'DC249', text: '…' }, mainAdditional: [], other: [] };
 * ```
 * @category OIOXML
 */
export const DischargeDiagnoses = z.object({
  main: z.optional(LetterDiagnosis),
  mainAdditional: z.array(LetterDiagnosis),
  other: z.array(LetterDiagnosis),
});
export type DischargeDiagnoses = z.infer<typeof DischargeDiagnoses>;

/**
 * One `ClinicalInformation` block: the epikrise text itself (`Text01`) and when it was signed.
 *
 * @example
 * ```ts
 * const note: ClinicalNote = { signed: { date: '1999-01-14' }, text: plainToFormattedText('Rask udskrevet.') };
 * ```
 * @category OIOXML
 */
export const ClinicalNote = z.object({
  signed: z.optional(LetterDateTime),
  text: FormattedText,
});
export type ClinicalNote = z.infer<typeof ClinicalNote>;

/**
 * An epikrise (XDIS01 udskrivningsepikrise, XDIS02 ambulantepikrise, XDIS03 skadestueepikrise) as the SDK models
 * it, in any of MedCom's namespaces (XD0133L and the newer XD0134L with `actionPriorities` and
 * `recommendations`). Every code value is kept as written.
 *
 * `start` and `end` are the stay: admission and discharge for `inpatient`, first and last visit for
 * `outpatient` and `casualty-ward`. `unknown` holds the elements no field claims (MedCom's letters drift).
 *
 * @example
 * ```ts
 * const read = readDischargeSummary(bytes);
 * if (read.ok) DischargeSummary.parse(read.model); // the reader's output always fits the schema
 * ```
 * @category OIOXML
 */
export const DischargeSummary = z.object({
  kind: z.literal('discharge-summary'),
  variant: DischargeSummaryVariant,
  /** The namespace the letter was written in, e.g. `…/2005/08/07/`; tells XD0133L from XD0134L. */
  namespace: z.optional(z.string()),
  header: LetterHeader,
  sender: z.optional(Party),
  receiver: z.optional(Party),
  ccReceiver: z.optional(Party),
  patient: z.optional(LetterPatient),
  relatives: z.array(Relative),
  referral: z.optional(OriginatingReferral),
  start: z.optional(LetterDateTime),
  end: z.optional(LetterDateTime),
  diagnoses: z.optional(DischargeDiagnoses),
  /** XD0134L `ActionPriority/ActionPriorityCode`, as written (the values are not published). */
  actionPriorities: z.array(z.string()),
  /** XD0134L `RecommendedAction/Recommendation`: follow-up recommended to the GP. */
  recommendations: z.array(FormattedText),
  clinicalInformation: z.array(ClinicalNote),
  references: z.array(LetterReference),
  unknown: z.array(UnknownLetterElement),
});
export type DischargeSummary = z.infer<typeof DischargeSummary>;
