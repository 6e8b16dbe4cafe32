// SPDX-License-Identifier: MIT
// Display labels for the code values only an epikrise carries; the lists every letter shares (status, party
// identifier codes, relations, episode-of-care status, attachments) are in ../common/labels.ts. MedCom's own
// display prints raw codes, so these wordings are ours; labelOf falls back to the raw code for drifted values.
import type { CodeLabels } from '../common/labels.js';

/**
 * The name of each epikrise variant, as a viewer's heading.
 * @example
 * ```ts
 * labelOf(DISCHARGE_SUMMARY_VARIANT_LABELS, summary.variant, 'da'); // 'Udskrivningsepikrise'
 * ```
 * @category OIOXML
 */
export const DISCHARGE_SUMMARY_VARIANT_LABELS: CodeLabels = {
  inpatient: { da: 'Udskrivningsepikrise', en: 'Discharge summary' },
  outpatient: { da: 'Ambulantepikrise', en: 'Outpatient summary' },
  'casualty-ward': { da: 'Skadestueepikrise', en: 'Emergency department summary' },
};

/**
 * What `start` means per epikrise variant.
 * @example
 * ```ts
 * labelOf(STAY_START_LABELS, 'outpatient', 'en'); // 'First visit'
 * ```
 * @category OIOXML
 */
export const STAY_START_LABELS: CodeLabels = {
  inpatient: { da: 'Indlæggelse', en: 'Admission' },
  outpatient: { da: 'Første besøg', en: 'First visit' },
  'casualty-ward': { da: 'Første besøg', en: 'First visit' },
};

/**
 * What `end` means per epikrise variant.
 * @example
 * ```ts
 * labelOf(STAY_END_LABELS, 'inpatient', 'da'); // 'Udskrivning'
 * ```
 * @category OIOXML
 */
export const STAY_END_LABELS: CodeLabels = {
  inpatient: { da: 'Udskrivning', en: 'Discharge' },
  outpatient: { da: 'Sidste besøg', en: 'Last visit' },
  'casualty-ward': { da: 'Sidste besøg', en: 'Last visit' },
};
