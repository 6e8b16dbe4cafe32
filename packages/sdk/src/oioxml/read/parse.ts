// SPDX-License-Identifier: MIT
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkReferences, hasIllegalXmlChar } from '../../fhir/xml/common.js';
import type { XmlElement } from './tree.js';

/** The outcome of parsing XML text into an element tree. */
export type ParseXmlResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly code: 'xml-syntax' | 'xml-entity'; readonly message: string };

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;

const parser = /* @__PURE__ */ new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // References are decoded below, to the five XML entities and character references only.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

interface Scope {
  readonly defaultNs: string | undefined;
  readonly prefixes: ReadonlyMap<string, string>;
}

function decode(raw: string): string | { error: string } {
  const checked = checkReferences(raw);
  if (!checked.ok) return { error: checked.message };
  return raw.replace(REFERENCE, (_match, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return PREDEFINED[name] ?? '';
  });
}

function tagOf(node: RawNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

class Converter {
  error: string | undefined;

  element(node: RawNode, tag: string, scope: Scope): XmlElement {
    const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
    let defaultNs = scope.defaultNs;
    let prefixes = scope.prefixes;
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(rawAttributes)) {
      const decoded = decode(value);
      if (typeof decoded !== 'string') {
        this.error ??= decoded.error;
        continue;
      }
      if (name === 'xmlns') defaultNs = decoded || undefined;
      else if (name.startsWith('xmlns:')) {
        prefixes = new Map(prefixes);
        (prefixes as Map<string, string>).set(name.slice(6), decoded);
      } else attributes[name.includes(':') ? name.slice(name.indexOf(':') + 1) : name] = decoded;
    }
    const colon = tag.indexOf(':');
    const prefix = colon === -1 ? undefined : tag.slice(0, colon);
    const namespace = prefix === undefined ? defaultNs : prefixes.get(prefix);
    if (prefix !== undefined && namespace === undefined) this.error ??= `The prefix '${prefix}' is not declared`;
    const inner: Scope = { defaultNs, prefixes };
    const content: (XmlElement | string)[] = [];
    for (const childNode of (node[tag] ?? []) as RawNode[]) {
      const childTag = tagOf(childNode);
      if (childTag === undefined) continue;
      if (childTag === '#text' || childTag === '#cdata') {
        const raw = childTag === '#text' ? String(childNode['#text'] ?? '') : cdataText(childNode);
        const decoded = childTag === '#text' ? decode(raw) : raw;
        if (typeof decoded !== 'string') this.error ??= decoded.error;
        else if (decoded !== '') appendText(content, decoded);
      } else if (childTag !== '#comment') {
        content.push(this.element(childNode, childTag, inner));
      }
    }
    return { name: colon === -1 ? tag : tag.slice(colon + 1), namespace, attributes, content };
  }
}

function cdataText(node: RawNode): string {
  const parts = (node['#cdata'] ?? []) as RawNode[];
  return parts.map((part) => String(part['#text'] ?? '')).join('');
}

function appendText(content: (XmlElement | string)[], text: string): void {
  const last = content.length - 1;
  if (typeof content[last] === 'string') content[last] += text;
  else content.push(text);
}

/**
 * Parses XML text into a namespace-resolved element tree. Refuses DOCTYPE and ENTITY declarations before parsing
 * (no external entities, no entity expansion) and decodes only the five XML entities and character references.
 */
export function parseXml(text: string): ParseXmlResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const declaration = DECLARATION.exec(source);
  if (declaration) {
    return { ok: false, code: 'xml-entity', message: `${declaration[1]?.toUpperCase()} declarations are not allowed` };
  }
  if (hasIllegalXmlChar(source)) {
    return { ok: false, code: 'xml-syntax', message: 'The XML contains a character XML 1.0 does not allow' };
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, code: 'xml-syntax', message: `${msg} (line ${line}${col ? `, column ${col}` : ''})` };
  }
  let nodes: RawNode[];
  try {
    nodes = parser.parse(source) as RawNode[];
  } catch (error) {
    return { ok: false, code: 'xml-syntax', message: `The XML could not be read: ${(error as Error).message}` };
  }
  const roots = nodes.filter((node) => {
    const tag = tagOf(node);
    return tag !== undefined && !tag.startsWith('#');
  });
  const stray = nodes.some((node) => tagOf(node) === '#text' && String(node['#text']).trim() !== '');
  const [root] = roots;
  if (!root || roots.length !== 1 || stray) {
    return { ok: false, code: 'xml-syntax', message: 'An XML document must have exactly one root element' };
  }
  const converter = new Converter();
  const tree = converter.element(root, tagOf(root) ?? '', { defaultNs: undefined, prefixes: new Map() });
  if (converter.error) return { ok: false, code: 'xml-syntax', message: converter.error };
  return { ok: true, root: tree };
}
