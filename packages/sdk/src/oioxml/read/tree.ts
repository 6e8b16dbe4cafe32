// SPDX-License-Identifier: MIT
// A namespace-aware element tree for OIOXML letters. Letters are read by local names only (MedCom mixes
// namespaces and prefixes irregularly), with the namespace kept for detection and for writers.

/** One XML element: its local name, namespace URI, attributes by local name, and its content in order. */
export interface XmlElement {
  /** Local name, without prefix (`DischargeLetter`). */
  readonly name: string;
  /** The namespace URI the element is in, or `undefined` for none. */
  readonly namespace: string | undefined;
  /** Attributes by local name (namespace declarations excluded). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements and text, in document order; text is entity-decoded and not trimmed. */
  readonly content: readonly (XmlElement | string)[];
}

/** Whether a content item is an element (not text). */
export function isElement(node: XmlElement | string | undefined): node is XmlElement {
  return typeof node === 'object';
}

/** The child elements of `element`, optionally only those with local name `name`. */
export function children(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.content.filter(
    (node): node is XmlElement => isElement(node) && (name === undefined || node.name === name),
  );
}

/** The first child element with local name `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.content.find((node): node is XmlElement => isElement(node) && node.name === name);
}

/** The element at a path of local names below `element` (first match at each step). */
export function at(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

/** All text below `element`, concatenated (markup dropped). */
export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.content.map((node) => (isElement(node) ? textContent(node) : node)).join('');
}

/** The trimmed text of the element at `names` below `element`, or `undefined` when absent or empty. */
export function text(element: XmlElement | undefined, ...names: string[]): string | undefined {
  const target = at(element, ...names);
  const value = target === undefined ? undefined : textContent(target).trim();
  return value === undefined || value === '' ? undefined : value;
}
