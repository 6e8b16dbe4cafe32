// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import type { XmlElement } from '../read/tree.js';
import type { ReadContext } from './context.js';
import { readDateTimeChild, LetterDateTime } from './date-time.js';
import { readFields } from './party.js';

/**
 * A diagnosis, operation or examination as letters code it: the code (SKS, ICPC or unspecified, per
 * `typeCode`), its text, and for the "other" diagnoses its role (`descriptionCode`: `aktionsdiagnose`,
 * `bidiagnose`, `tillaegsdiagnose`, `operation`, … — kept as written, including values outside the lists).
 * @category OIOXML
 */
export const LetterDiagnosis = /* @__PURE__ */ z.object({
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `SKSdiagnosekode`, `uspecificeretkode`, `ICPCkode`, … */
  typeCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  text: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  descriptionCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  dateTime: /* @__PURE__ */ z.optional(LetterDateTime),
});
export type LetterDiagnosis = z.infer<typeof LetterDiagnosis>;

const FIELDS = {
  code: 'DiagnoseCode',
  typeCode: 'DiagnoseTypeCode',
  text: 'DiagnoseText',
  descriptionCode: 'DiagnoseDescriptionCode',
} as const;

/** Reads a diagnosis element (`Main`, `Other`, `Refer`, `ReferralAdditional`, …). */
export function readDiagnosis(element: XmlElement, path: string, context: ReadContext): LetterDiagnosis {
  context.keepUnknown(element, path, [...Object.values(FIELDS), 'DiagnoseDateTime']);
  const diagnosis: LetterDiagnosis = readFields(element, FIELDS);
  const dateTime = readDateTimeChild(element, 'DiagnoseDateTime', path, context);
  if (dateTime) diagnosis.dateTime = dateTime;
  return diagnosis;
}
