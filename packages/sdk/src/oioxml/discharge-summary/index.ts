// SPDX-License-Identifier: MIT
export { DISCHARGE_SUMMARY_VARIANT_LABELS, STAY_END_LABELS, STAY_START_LABELS } from './labels.js';
export {
  ClinicalNote,
  DischargeDiagnoses,
  DischargeSummary,
  DischargeSummaryVariant,
  OriginatingReferral,
  UnknownLetterElement,
} from './model.js';
export type { DischargeSummaryFailure, ReadDischargeSummary } from './read.js';
export { parseDischargeSummary } from './parse.js';
export { readDischargeSummary } from './read.js';
