// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { child, text, type XmlElement } from '../read/tree.js';
import type { ReadContext } from './context.js';
import { readFields } from './party.js';

/**
 * A reference from a letter to other material: a URL, an attachment sent separately (`SUP`), or a binary
 * letter (`BIN`, an XBIN01 that travels on its own).
 * @category OIOXML
 */
export const LetterReference = /* @__PURE__ */ z.object({
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  url: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  sentSeparately: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  binary: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.object({
      objectIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
      objectCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
      objectExtensionCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
      originalObjectSize: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    }),
  ),
});
export type LetterReference = z.infer<typeof LetterReference>;

const BIN_FIELDS = {
  objectIdentifier: 'ObjectIdentifier',
  objectCode: 'ObjectCode',
  objectExtensionCode: 'ObjectExtensionCode',
  originalObjectSize: 'OriginalObjectSize',
} as const;

/** Reads a `Reference` element. */
export function readReference(element: XmlElement, path: string, context: ReadContext): LetterReference {
  context.keepUnknown(element, path, ['RefDescription', 'URL', 'SUP', 'BIN']);
  const reference: LetterReference = {};
  const description = text(element, 'RefDescription');
  const url = text(element, 'URL');
  if (description !== undefined) reference.description = description;
  if (url !== undefined) reference.url = url;
  if (child(element, 'SUP')) reference.sentSeparately = true;
  const bin = child(element, 'BIN');
  if (bin) reference.binary = readFields(bin, BIN_FIELDS);
  return reference;
}
