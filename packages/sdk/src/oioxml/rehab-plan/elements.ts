// SPDX-License-Identifier: MIT
// GGOP has no public XSD, so every cardinality is inferred. Elements that are single by meaning are read once,
// and any repeat is kept as an unknown element rather than silently dropped.
import type { ReadContext } from '../common/context.js';
import { readDateTime, type LetterDateTime } from '../common/date-time.js';
import { children, type XmlElement } from '../read/tree.js';
import { readFormattedText, type FormattedText } from '../text/index.js';

/** The first child named `name`; further ones go to `context.unknown`. */
export function single(
  parent: XmlElement | undefined,
  name: string,
  path: string,
  context: ReadContext,
): XmlElement | undefined {
  const [first, ...extra] = children(parent, name);
  if (parent && extra.length > 0) context.keepUnknown({ ...parent, content: extra }, path, []);
  return first;
}

/** `element` without its children named in `names`: lets a common reader see only the children it knows. */
export function without(element: XmlElement, names: readonly string[]): XmlElement {
  return {
    ...element,
    content: element.content.filter((node) => typeof node === 'string' || !names.includes(node.name)),
  };
}

/** The path of the `index`-th (0-based) of several repeated elements, XPath style (1-based). */
export function indexed(path: string, name: string, index: number): string {
  return `${path}/${name}[${index + 1}]`;
}

/** The formatted text of the single child `name`, or `undefined` when it is absent or empty. */
export function formattedChild(
  parent: XmlElement | undefined,
  name: string,
  path: string,
  context: ReadContext,
): FormattedText | undefined {
  const element = single(parent, name, path, context);
  if (!element) return undefined;
  const text = readFormattedText(element);
  return text.length === 0 ? undefined : text;
}

/** A `Date` + `Time` child, with anything else inside it kept as unknown. */
export function dateTimeChild(
  parent: XmlElement | undefined,
  name: string,
  path: string,
  context: ReadContext,
): LetterDateTime | undefined {
  const element = single(parent, name, path, context);
  if (!element) return undefined;
  context.keepUnknown(element, `${path}/${name}`, ['Date', 'Time']);
  return readDateTime(element, `${path}/${name}`, context);
}
