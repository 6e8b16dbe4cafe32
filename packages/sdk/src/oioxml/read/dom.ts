// SPDX-License-Identifier: MIT
// The browser path: letters parsed by the platform's DOMParser instead of fast-xml-parser, so viewers embed no
// XML parser of their own. The resulting tree is the same as readOioXml's, so every model reader works on it.
import { decodeLetter } from './decode.js';
import { detectLetter, failure, type ReadLetter } from './detect.js';
import type { OioIssue } from './issues.js';
import type { XmlElement } from './tree.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

/** Converts a DOM element into the SDK's element tree (local names, namespace URIs, mixed content). */
export function treeFromDom(element: Element): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
    attributes[attribute.localName] = attribute.value;
  }
  const content: (XmlElement | string)[] = [];
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === ELEMENT_NODE) content.push(treeFromDom(node as Element));
    else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const last = content.length - 1;
      if (typeof content[last] === 'string') content[last] += node.nodeValue ?? '';
      else if (node.nodeValue) content.push(node.nodeValue);
    }
  }
  return { name: element.localName, namespace: element.namespaceURI ?? undefined, attributes, content };
}

/**
 * Reads a letter with the browser's XML parser: from a parsed `Document`, from text, or from bytes (decoded by
 * their BOM or XML declaration). DOCTYPE and ENTITY declarations are refused before parsing, as in
 * {@link readOioXml}.
 *
 * @param input - A `Document`, the letter's text, or its bytes.
 * @returns The same result as `readOioXml`.
 * @example
 * ```ts
 * const read = readOioXmlDocument(await (await fetch(url)).arrayBuffer().then((b) => new Uint8Array(b)));
 * ```
 * @category OIOXML
 */
export function readOioXmlDocument(
  input: Document | string | Uint8Array,
): ReadLetter | { readonly ok: false; readonly issues: readonly OioIssue[] } {
  let encoding = 'document';
  let doc: Document;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    let text: string;
    if (typeof input === 'string') {
      text = input;
      encoding = 'string';
    } else {
      const decoded = decodeLetter(input);
      if (!decoded.ok) return failure('encoding', decoded.message);
      text = decoded.text;
      encoding = decoded.encoding;
    }
    const declaration = DECLARATION.exec(text);
    if (declaration) return failure('xml-entity', `${declaration[1]?.toUpperCase()} declarations are not allowed`);
    doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  } else {
    doc = input;
    if (doc.doctype) return failure('xml-entity', 'DOCTYPE declarations are not allowed');
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error || !doc.documentElement) {
    return failure(
      'xml-syntax',
      `The XML could not be read: ${(error?.textContent ?? 'no root element').trim().slice(0, 200)}`,
    );
  }
  return detectLetter(treeFromDom(doc.documentElement), encoding);
}
