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
export const LetterReference = z.object({
  description: z.optional(z.string()),
  url: z.optional(z.string()),
  sentSeparately: z.optional(z.boolean()),
  binary: z.optional(
    z.object({
      objectIdentifier: z.optional(z.string()),
      objectCode: z.optional(z.string()),
      objectExtensionCode: z.optional(z.string()),
      originalObjectSize: z.optional(z.string()),
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
