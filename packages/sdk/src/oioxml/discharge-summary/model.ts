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
export const DischargeSummaryVariant = /* @__PURE__ */ z.enum(['inpatient', 'outpatient', 'casualty-ward']);
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
export const UnknownLetterElement = /* @__PURE__ */ z.object({
  path: /* @__PURE__ */ z.string(),
  text: /* @__PURE__ */ z.string(),
});
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
export const OriginatingReferral = /* @__PURE__ */ z.object({
  identifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  received: /* @__PURE__ */ z.optional(LetterDateTime),
  diagnosis: /* @__PURE__ */ z.optional(LetterDiagnosis),
  additional: /* @__PURE__ */ z.array(LetterDiagnosis),
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
export const DischargeDiagnoses = /* @__PURE__ */ z.object({
  main: /* @__PURE__ */ z.optional(LetterDiagnosis),
  mainAdditional: /* @__PURE__ */ z.array(LetterDiagnosis),
  other: /* @__PURE__ */ z.array(LetterDiagnosis),
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
export const ClinicalNote = /* @__PURE__ */ z.object({
  signed: /* @__PURE__ */ z.optional(LetterDateTime),
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
export const DischargeSummary = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.literal('discharge-summary'),
  variant: DischargeSummaryVariant,
  /** The namespace the letter was written in, e.g. `…/2005/08/07/`; tells XD0133L from XD0134L. */
  namespace: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  header: LetterHeader,
  sender: /* @__PURE__ */ z.optional(Party),
  receiver: /* @__PURE__ */ z.optional(Party),
  ccReceiver: /* @__PURE__ */ z.optional(Party),
  patient: /* @__PURE__ */ z.optional(LetterPatient),
  relatives: /* @__PURE__ */ z.array(Relative),
  referral: /* @__PURE__ */ z.optional(OriginatingReferral),
  start: /* @__PURE__ */ z.optional(LetterDateTime),
  end: /* @__PURE__ */ z.optional(LetterDateTime),
  diagnoses: /* @__PURE__ */ z.optional(DischargeDiagnoses),
  /** XD0134L `ActionPriority/ActionPriorityCode`, as written (the values are not published). */
  actionPriorities: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  /** XD0134L `RecommendedAction/Recommendation`: follow-up recommended to the GP. */
  recommendations: /* @__PURE__ */ z.array(FormattedText),
  clinicalInformation: /* @__PURE__ */ z.array(ClinicalNote),
  references: /* @__PURE__ */ z.array(LetterReference),
  unknown: /* @__PURE__ */ z.array(UnknownLetterElement),
});
export type DischargeSummary = z.infer<typeof DischargeSummary>;
