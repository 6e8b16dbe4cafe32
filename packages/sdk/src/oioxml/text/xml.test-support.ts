// SPDX-License-Identifier: MIT
// Test-only XML → XmlElement parser, standing in for readOioXml until it exists. Only tests import this file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isElement, type XmlElement } from '../read/tree.js';

type Entry = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  // Prefixes are kept and resolved below, so the trees carry real namespace URIs, as readOioXml's will.
  removeNSPrefix: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Character references such as `&#13;` are decoded only with this option.
  htmlEntities: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
});

/** Decodes file bytes by BOM or XML declaration (MedCom examples are windows-1252, ISO-8859-1 or UTF-8). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label = /^<\?xml[^>]*encoding=["']([^"']+)["']/.exec(head)?.[1] ?? 'utf-8';
  return new TextDecoder(label).decode(bytes);
}

function elementOf(entry: Entry, scope: ReadonlyMap<string, string>): XmlElement {
  const qname = Object.keys(entry).find((key) => key !== ':@') ?? '';
  const raw = (entry[':@'] ?? {}) as Record<string, string>;
  const names = new Map(scope);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = key.slice(2);
    if (name === 'xmlns') names.set('', value);
    else if (name.startsWith('xmlns:')) names.set(name.slice(6), value);
    else attributes[name.slice(name.indexOf(':') + 1)] = value;
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  if (colon >= 0 && !names.has(prefix)) throw new Error(`Undeclared prefix ${prefix}`);
  const content: (XmlElement | string)[] = [];
  for (const item of entry[qname] as Entry[]) {
    if ('#text' in item) content.push(String(item['#text']));
    else if ('#cdata' in item) content.push(...(item['#cdata'] as Entry[]).map((part) => String(part['#text'])));
    else if (!('#comment' in item)) content.push(elementOf(item, names));
  }
  // Adjacent strings (text next to CDATA) are one text run, as a DOM parser would report after normalize().
  const merged = content.reduce<(XmlElement | string)[]>((acc, node) => {
    const last = acc.at(-1);
    if (typeof node === 'string' && typeof last === 'string') acc[acc.length - 1] = last + node;
    else acc.push(node);
    return acc;
  }, []);
  const namespace = names.get(prefix) || undefined;
  return { name: colon < 0 ? qname : qname.slice(colon + 1), namespace, attributes, content: merged };
}

/** Parses a well-formed XML document (string or bytes) into its root XmlElement; throws if not well-formed. */
export function parseXml(input: string | Uint8Array): XmlElement {
  const xml = typeof input === 'string' ? input : decodeXml(input);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = (parser.parse(xml) as Entry[]).find(
    (entry) => !('#text' in entry) && !('#comment' in entry) && !('#cdata' in entry),
  );
  if (!root) throw new Error('No root element');
  return elementOf(root, new Map());
}

/** All descendant elements of `element` with local name `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of element.content) {
    if (!isElement(node)) continue;
    if (node.name === name) found.push(node);
    found.push(...descendants(node, name));
  }
  return found;
}
