// SPDX-License-Identifier: MIT
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { elementOf, isPrimitiveType, isResourceType, jsonKindOf, PRIMITIVE_PATTERNS } from '../model/index.js';
import type { ResolvedElement } from '../model/index.js';
import {
  checkReferences,
  decodeAttribute,
  FHIR_NS,
  hasIllegalXmlChar,
  issue,
  XHTML_NS,
  type XmlIssue,
  type XmlIssueCode,
} from './common.js';

/**
 * Options for {@link parseFhirXml}.
 *
 * @category FHIR
 */
export interface ParseFhirXmlOptions {
  /** Largest accepted input in UTF-8 bytes; larger input is refused before parsing. Default 20 MB. */
  readonly maxBytes?: number;
}

/**
 * Result of {@link parseFhirXml}: the resource as FHIR JSON, or every issue found.
 *
 * @category FHIR
 */
export type ParseFhirXmlResult =
  | { readonly ok: true; readonly resource: Record<string, unknown> }
  | { readonly ok: false; readonly issues: XmlIssue[] };

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
// Past this many findings the document is clearly not FHIR; more would only cost memory.
const MAX_ISSUES = 100;
// fast-xml-parser's own limit, kept explicit: it bounds the recursion below.
const MAX_DEPTH = 100;
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

type XmlNode = Record<string, unknown>;
type Attributes = Readonly<Record<string, string>>;

interface Scope {
  readonly defaultNs: string | undefined;
  readonly prefixes: ReadonlyMap<string, string>;
}

interface Occurrence {
  value: unknown;
  extension: Record<string, unknown> | undefined;
}

interface Group {
  readonly element: ResolvedElement;
  readonly jsonName: string;
  readonly items: Occurrence[];
}

const parser = /* @__PURE__ */ new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // References are decoded here rather than by the parser: fast-xml-parser only decodes character
  // references together with HTML's named entities, which XML does not define.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The narrative is kept as the raw XHTML source, which is what FHIR JSON carries.
  stopNodes: ['*.div'],
  cdataPropName: '#cdata',
  maxNestedTags: MAX_DEPTH,
});

function utf8Exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** The document with trailing whitespace, comments and processing instructions removed. */
function withoutTrailingMisc(source: string): string {
  let end = source.trimEnd();
  for (;;) {
    const start = end.endsWith('-->') ? end.lastIndexOf('<!--') : end.endsWith('?>') ? end.lastIndexOf('<?') : -1;
    if (start < 0) return end;
    end = end.slice(0, start).trimEnd();
  }
}

function splitName(tag: string): { prefix: string | undefined; local: string } {
  const colon = tag.indexOf(':');
  return colon < 0 ? { prefix: undefined, local: tag } : { prefix: tag.slice(0, colon), local: tag.slice(colon + 1) };
}

function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return undefined;
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const children = node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function attributesOf(node: XmlNode): Attributes {
  const attributes = node[':@'];
  return attributes && typeof attributes === 'object' ? (attributes as Attributes) : {};
}

function textOf(node: XmlNode): string {
  const text = node['#text'];
  return typeof text === 'string' ? text : String(text ?? '');
}

function withDeclarations(scope: Scope, attributes: Attributes): Scope {
  let defaultNs = scope.defaultNs;
  let prefixes: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'xmlns') defaultNs = value;
    else if (name.startsWith('xmlns:')) (prefixes ??= new Map(scope.prefixes)).set(name.slice(6), value);
  }
  return defaultNs === scope.defaultNs && !prefixes ? scope : { defaultNs, prefixes: prefixes ?? scope.prefixes };
}

function namespaceOf(prefix: string | undefined, scope: Scope): string | undefined {
  if (prefix === undefined) return scope.defaultNs;
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  return scope.prefixes.get(prefix);
}

type Problem = { code: XmlIssueCode; message: string };

/** Entity and character references in a parsed narrative div must be ones XML defines without a DTD. */
function divReferenceProblem(node: XmlNode, tag: string): Problem | undefined {
  for (const raw of Object.values(attributesOf(node))) {
    const checked = checkReferences(raw);
    if (!checked.ok) return checked;
  }
  // Outside comments and CDATA sections only: there '&' is plain text.
  const content = textOf(childrenOf(node, tag)[0] ?? {}).replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const checked = checkReferences(content);
  return checked.ok ? undefined : checked;
}

/**
 * Why an XHTML string cannot stand as a narrative in FHIR XML, or `undefined` when it can: it must be one
 * well-formed `<div>` in the XHTML namespace, using no entities beyond XML's own.
 *
 * @internal
 */
export function narrativeProblem(xhtml: string): Problem | undefined {
  const invalid = (message: string): Problem => ({ code: 'xml-value', message: `The narrative ${message}.` });
  if (!/^<div[\s/>]/.test(xhtml)) return invalid('must start with <div');
  if (DECLARATION.test(xhtml)) return { code: 'xml-entity', message: 'The narrative declares a DOCTYPE or entity.' };
  if (hasIllegalXmlChar(xhtml)) return invalid('contains a character XML 1.0 does not allow');
  const valid = XMLValidator.validate(xhtml);
  if (valid !== true) return invalid(`is not well-formed XML: ${valid.err.msg}`);
  const nodes = parser.parse(xhtml) as XmlNode[];
  const elements = nodes.filter((node) => tagOf(node) !== '#text' || textOf(node).trim() !== '');
  const [div] = elements;
  if (elements.length !== 1 || !div || tagOf(div) !== 'div' || attributesOf(div)['xmlns'] !== XHTML_NS) {
    return invalid(`must be a single <div xmlns="${XHTML_NS}"> element`);
  }
  return divReferenceProblem(div, 'div');
}

/** Walks the parsed tree; collects issues instead of stopping at the first. */
class Reader {
  readonly issues: XmlIssue[] = [];

  report(code: XmlIssueCode, path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue(code, path, message));
  }

  /** Reads FHIR attributes; returns the decoded values of `allowed`, reporting any other FHIR attribute. */
  attributes(attributes: Attributes, allowed: readonly string[], scope: Scope, path: string): Map<string, string> {
    const values = new Map<string, string>();
    for (const [name, raw] of Object.entries(attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const { prefix } = splitName(name);
      // Attributes in other namespaces (xsi:schemaLocation, xml:lang) are not FHIR data; FHIR's own are unqualified.
      if (prefix !== undefined && namespaceOf(prefix, scope) !== FHIR_NS) continue;
      if (prefix !== undefined || !allowed.includes(name)) {
        this.report('unknown-element', path, `Unknown attribute '${name}'.`);
        continue;
      }
      const decoded = decodeAttribute(raw);
      if (decoded.ok) values.set(name, decoded.text);
      else this.report(decoded.code, path, decoded.message);
    }
    return values;
  }

  /** The element children of a FHIR element, with their namespaces checked; text is refused. */
  *elements(children: XmlNode[], scope: Scope, path: string): Generator<[XmlNode, string, string, Scope]> {
    for (const child of children) {
      const tag = tagOf(child);
      if (tag === undefined) continue;
      if (tag === '#text') {
        if (textOf(child).trim() !== '')
          this.report('xml-value', path, 'FHIR elements carry values in attributes, not text.');
        continue;
      }
      if (tag === '#cdata') {
        this.report('xml-value', path, 'FHIR elements carry values in attributes, not CDATA.');
        continue;
      }
      yield [child, tag, splitName(tag).local, withDeclarations(scope, attributesOf(child))];
    }
  }

  resource(node: XmlNode, tag: string, scope: Scope, path: string): Record<string, unknown> | undefined {
    const { prefix, local } = splitName(tag);
    const ns = namespaceOf(prefix, scope);
    if (ns !== FHIR_NS) {
      this.report('xml-namespace', path, `<${tag}> is in namespace '${ns ?? ''}', not '${FHIR_NS}'.`);
      return undefined;
    }
    if (!isResourceType(local)) {
      this.report('unknown-resource', path, `'${local}' is not a known resource type.`);
      return undefined;
    }
    this.attributes(attributesOf(node), [], scope, path);
    const resource: Record<string, unknown> = { resourceType: local };
    this.members(childrenOf(node, tag), local, scope, path, resource, true);
    return resource;
  }

  /** Reads the children of a resource, datatype or backbone element into `target`. */
  members(
    children: XmlNode[],
    typeName: string,
    scope: Scope,
    path: string,
    target: Record<string, unknown>,
    isResource: boolean,
  ): void {
    const groups = new Map<string, Group>();
    const usedBy = new Map<string, string>();
    // Occurrences in the XML, which is what a path index should count even when one of them fails.
    const seen = new Map<string, number>();
    for (const [child, tag, local, childScope] of this.elements(children, scope, path)) {
      const { prefix } = splitName(tag);
      const ns = namespaceOf(prefix, childScope);
      const element = elementOf(typeName, local);
      const childPath = `${path}.${local}`;
      if (element?.type === 'xhtml') {
        const div = this.narrative(child, tag, childScope, childPath);
        if (div !== undefined)
          this.add(groups, usedBy, element, local, childPath, { value: div, extension: undefined });
        continue;
      }
      if (ns !== FHIR_NS) {
        this.report('xml-namespace', childPath, `<${tag}> is in namespace '${ns ?? ''}', not '${FHIR_NS}'.`);
        continue;
      }
      // Element.id and Extension.url are XML attributes everywhere but on a resource itself.
      if (!element || (!isResource && (local === 'id' || (typeName === 'Extension' && local === 'url')))) {
        this.report('unknown-element', childPath, `'${local}' is not an element of ${typeName}.`);
        continue;
      }
      const index = seen.get(local) ?? 0;
      seen.set(local, index + 1);
      const itemPath = element.array ? `${childPath}[${index}]` : childPath;
      const occurrence = this.value(child, tag, element.type, childScope, itemPath);
      if (occurrence) this.add(groups, usedBy, element, local, childPath, occurrence);
    }
    for (const { element, jsonName, items } of groups.values()) {
      if (element.array) {
        if (items.some((item) => item.value !== undefined)) target[jsonName] = items.map((item) => item.value ?? null);
        if (items.some((item) => item.extension)) target[`_${jsonName}`] = items.map((item) => item.extension ?? null);
      } else {
        const [item] = items;
        if (item?.value !== undefined) target[jsonName] = item.value;
        if (item?.extension) target[`_${jsonName}`] = item.extension;
      }
    }
  }

  add(
    groups: Map<string, Group>,
    usedBy: Map<string, string>,
    element: ResolvedElement,
    jsonName: string,
    path: string,
    occurrence: Occurrence,
  ): void {
    const other = usedBy.get(element.name);
    if (other !== undefined && (other !== jsonName || !element.array)) {
      const message =
        other === jsonName
          ? `'${jsonName}' may occur only once.`
          : `'${jsonName}' and '${other}' are alternatives of '${element.name}'; only one may occur.`;
      this.report('unknown-element', path, message);
      return;
    }
    usedBy.set(element.name, jsonName);
    let group = groups.get(jsonName);
    if (!group) groups.set(jsonName, (group = { element, jsonName, items: [] }));
    group.items.push(occurrence);
  }

  /** One occurrence of an element of the given type. */
  value(node: XmlNode, tag: string, type: string, scope: Scope, path: string): Occurrence | undefined {
    const attributes = attributesOf(node);
    const children = childrenOf(node, tag);
    if (type === 'Resource' || isResourceType(type)) {
      this.attributes(attributes, [], scope, path);
      let resource: Record<string, unknown> | undefined;
      let count = 0;
      for (const [child, childTag, , childScope] of this.elements(children, scope, path)) {
        count++;
        if (count === 1) resource = this.resource(child, childTag, childScope, path);
      }
      if (count !== 1) {
        this.report('xml-value', path, `Expected exactly one resource inside <${tag}>, found ${count}.`);
        return undefined;
      }
      return resource ? { value: resource, extension: undefined } : undefined;
    }
    if (isPrimitiveType(type)) return this.primitive(attributes, children, type, scope, path);
    const values = this.attributes(attributes, type === 'Extension' ? ['id', 'url'] : ['id'], scope, path);
    const object: Record<string, unknown> = Object.fromEntries(values);
    this.members(children, type, scope, path, object, false);
    return { value: object, extension: undefined };
  }

  primitive(
    attributes: Attributes,
    children: XmlNode[],
    type: string,
    scope: Scope,
    path: string,
  ): Occurrence | undefined {
    const values = this.attributes(attributes, ['id', 'value'], scope, path);
    const raw = values.get('value');
    const extension: Record<string, unknown> = {};
    const id = values.get('id');
    if (id !== undefined) extension['id'] = id;
    // Only extensions may appear inside a primitive; reading them as Element's members reports anything else.
    this.members(children, 'Element', scope, path, extension, false);
    const hasExtension = Object.keys(extension).length > 0;
    if (raw === undefined) {
      // A value attribute that failed to decode has been reported already.
      if (!hasExtension && attributes['value'] === undefined)
        this.report('xml-value', path, 'A primitive element needs a value attribute or extensions.');
      return hasExtension ? { value: undefined, extension } : undefined;
    }
    const value = this.convert(raw, type, path);
    if (value === undefined) return undefined;
    return { value, extension: hasExtension ? extension : undefined };
  }

  convert(raw: string, type: string, path: string): unknown {
    const kind = jsonKindOf(type);
    if (kind === 'string') return raw;
    const pattern = PRIMITIVE_PATTERNS[type];
    const number = Number(raw);
    if (!pattern?.test(raw) || (kind === 'number' && !Number.isFinite(number))) {
      this.report('xml-value', path, `'${raw}' is not a valid ${type}.`);
      return undefined;
    }
    return kind === 'boolean' ? raw === 'true' : number;
  }

  /** The narrative's XHTML as FHIR JSON carries it: the div element's source, with its namespace declared. */
  narrative(node: XmlNode, tag: string, scope: Scope, path: string): string | undefined {
    const { prefix } = splitName(tag);
    const ns = namespaceOf(prefix, scope);
    if (prefix !== undefined || ns !== XHTML_NS) {
      this.report(
        'xml-namespace',
        path,
        `The narrative must be an XHTML <div> in the default namespace '${XHTML_NS}'.`,
      );
      return undefined;
    }
    const problem = divReferenceProblem(node, tag);
    if (problem) {
      this.report(problem.code, path, problem.message);
      return undefined;
    }
    const attributes = attributesOf(node);
    let start = '<div';
    if (attributes['xmlns'] === undefined) start += ` xmlns="${XHTML_NS}"`;
    // Attribute values are still raw source text; only a quote would break re-quoting them in double quotes.
    for (const [name, raw] of Object.entries(attributes)) start += ` ${name}="${raw.replaceAll('"', '&quot;')}"`;
    return `${start}>${textOf(childrenOf(node, tag)[0] ?? {})}</div>`;
  }
}

/**
 * Reads a FHIR R4 resource from XML into FHIR JSON form, following the FHIR XML rules: values in `value`
 * attributes become JSON values of the right kind, repeating elements become arrays, primitive `id`s and
 * extensions move to `_name` siblings, resource containers become objects with `resourceType`, and the
 * narrative keeps its XHTML source. Never throws: DOCTYPE and ENTITY declarations (XXE, entity expansion
 * bombs) and input over `maxBytes` are refused before parsing, and every other problem is returned as an
 * issue with its path (at most 100).
 *
 * @param text - The XML document.
 * @param options - `maxBytes`: the largest accepted input in UTF-8 bytes (default 20 MB).
 * @returns `{ ok: true, resource }`, or `{ ok: false, issues }`.
 * @example
 * ```ts
 * const result = parseFhirXml('<Patient xmlns="http://hl7.org/fhir"><active value="true"/></Patient>');
 * if (result.ok) result.resource; // { resourceType: 'Patient', active: true }
 * ```
 * @category FHIR
 */
export function parseFhirXml(text: string, options: ParseFhirXmlOptions = {}): ParseFhirXmlResult {
  try {
    return parse(text, options);
  } catch (error) {
    // fast-xml-parser throws for a few documents its validator accepts: nesting deeper than maxNestedTags,
    // or element names such as __proto__ that it refuses to turn into properties.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [issue('xml-syntax', '', `The XML could not be read: ${message}`)] };
  }
}

function parse(text: string, options: ParseFhirXmlOptions): ParseFhirXmlResult {
  const fail = (code: XmlIssueCode, message: string, path = ''): ParseFhirXmlResult => ({
    ok: false,
    issues: [issue(code, path, message)],
  });
  if (typeof text !== 'string') return fail('xml-syntax', 'Expected the XML as a string.');
  const limit = options.maxBytes !== undefined && options.maxBytes >= 0 ? options.maxBytes : DEFAULT_MAX_BYTES;
  if (utf8Exceeds(text, limit)) return fail('too-large', `The XML is larger than ${limit} bytes.`);
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const declaration = DECLARATION.exec(source);
  if (declaration) {
    return fail('xml-entity', `${declaration[1]?.toUpperCase()} declarations are not allowed in FHIR XML.`);
  }
  if (hasIllegalXmlChar(source)) return fail('xml-syntax', 'The XML contains a character XML 1.0 does not allow.');
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return fail('xml-syntax', `${msg} (line ${line}${col ? `, column ${col}` : ''})`);
  }
  const tree = parser.parse(source) as XmlNode[];
  const reader = new Reader();
  const roots: [XmlNode, string][] = [];
  for (const node of tree) {
    const tag = tagOf(node);
    if (tag === '#text') {
      if (textOf(node).trim() !== '') return fail('xml-syntax', 'Text is not allowed outside the root element.');
    } else if (tag !== undefined && tag !== '#cdata') roots.push([node, tag]);
    else if (tag === '#cdata') return fail('xml-syntax', 'CDATA is not allowed outside the root element.');
  }
  const [root] = roots;
  if (!root || roots.length > 1) return fail('xml-root', 'An XML document must have exactly one root element.');
  const [node, tag] = root;
  // fast-xml-parser drops text after the root element without a word, and its validator allows it.
  const end = withoutTrailingMisc(source);
  const selfClosed = childrenOf(node, tag).length === 0 && end.endsWith('/>');
  if (!selfClosed && /^<\/([^<>\s]+)\s*>$/.exec(end.slice(end.lastIndexOf('<')))?.[1] !== tag) {
    return fail('xml-syntax', 'Text is not allowed after the root element.');
  }
  const { local } = splitName(tag);
  if (!/^[A-Z]/.test(local)) return fail('xml-root', `The root element <${tag}> is not a resource.`, local);
  const scope = withDeclarations({ defaultNs: undefined, prefixes: new Map() }, attributesOf(node));
  const resource = reader.resource(node, tag, scope, local);
  if (reader.issues.length > 0 || !resource) return { ok: false, issues: reader.issues };
  return { ok: true, resource };
}
