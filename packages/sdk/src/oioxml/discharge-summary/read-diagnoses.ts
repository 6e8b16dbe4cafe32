// SPDX-License-Identifier: MIT
import type { ReadContext } from '../common/context.js';
import { readDiagnosis } from '../common/diagnosis.js';
import { child, type XmlElement } from '../read/tree.js';
import { repeated } from './limits.js';
import type { DischargeDiagnoses } from './model.js';

/** Reads the `Diagnose` block of an epikrise. */
export function readDischargeDiagnoses(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): DischargeDiagnoses | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, ['Main', 'MainAdditional', 'Other']);
  const main = child(element, 'Main');
  const diagnoses: DischargeDiagnoses = {
    mainAdditional: repeated(element, 'MainAdditional', 5, path, context).map((item) =>
      readDiagnosis(item, `${path}/MainAdditional`, context),
    ),
    other: repeated(element, 'Other', 50, path, context).map((item) => readDiagnosis(item, `${path}/Other`, context)),
  };
  if (main) diagnoses.main = readDiagnosis(main, `${path}/Main`, context);
  return diagnoses;
}
