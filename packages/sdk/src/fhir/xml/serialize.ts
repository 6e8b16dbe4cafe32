// SPDX-License-Identifier: MIT
import { ValidationError } from '../../errors/index.js';
import {
  elementOf,
  elementsOf,
  isPrimitiveType,
  isResourceType,
  jsonKindOf,
  PRIMITIVE_PATTERNS,
  type ResolvedElement,
} from '../model/index.js';
import { escapeAttribute, FHIR_NS, hasIllegalXmlChar, issue, type XmlIssue } from './common.js';
import { narrativeProblem } from './parse.js';

/**
 * Options for {@link serializeFhirXml}.
 *
 * @category FHIR
 */
export interface SerializeFhirXmlOptions {
  /** Indent with two spaces and put each element on its own line. Default `false`. */
  readonly pretty?: boolean;
}

type JsonObject = Record<string, unknown>;

interface Member {
  readonly element: ResolvedElement;
  readonly jsonName: string;
  readonly order: number;
  readonly value?: unknown;
  readonly extension?: unknown;
}

const MAX_ISSUES = 100;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Writer {
  readonly issues: XmlIssue[] = [];
  private readonly parts: string[] = [];

  constructor(private readonly pretty: boolean) {}

  report(code: XmlIssue['code'], path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue(code, path, message));
  }

  line(depth: number, text: string): void {
    this.parts.push(this.pretty ? `${'  '.repeat(depth)}${text}\n` : text);
  }

  text(): string {
    return this.parts.join('');
  }

  resource(resource: unknown, depth: number, path: string, root: boolean): void {
    const type = isObject(resource) ? resource['resourceType'] : undefined;
    if (typeof type !== 'string' || !isResourceType(type)) {
      this.report('unknown-resource', path, `'${String(type)}' is not a known resource type.`);
      return;
    }
    const attributes = root ? [` xmlns="${FHIR_NS}"`] : [];
    this.container(type, type, this.members(resource as JsonObject, type, path, true), depth, path, attributes);
  }

  /** Writes `<name attrs>members</name>`, or `<name attrs/>` when there is nothing inside. */
  container(name: string, type: string, members: Member[], depth: number, path: string, attributes: string[]): void {
    const open = `<${name}${attributes.join('')}`;
    if (members.length === 0) {
      this.line(depth, `${open}/>`);
      return;
    }
    this.line(depth, `${open}>`);
    for (const member of members) this.member(member, type, depth + 1, path);
    this.line(depth, `</${name}>`);
  }

  /** The JSON properties of an object, matched to their elements and sorted into definition order. */
  members(object: JsonObject, type: string, path: string, isResource: boolean): Member[] {
    const order = new Map(elementsOf(type).map((element, index) => [element.name, index]));
    const found = new Map<
      string,
      { element: ResolvedElement; jsonName: string; value?: unknown; extension?: unknown }
    >();
    const usedBy = new Map<string, string>();
    for (const [key, value] of Object.entries(object)) {
      if (isResource && key === 'resourceType') continue;
      const jsonName = key.startsWith('_') ? key.slice(1) : key;
      // Element.id and Extension.url are written as attributes of the element itself.
      if (!isResource && (jsonName === 'id' || (type === 'Extension' && jsonName === 'url'))) {
        if (key.startsWith('_')) this.report('unknown-element', `${path}.${key}`, `'${key}' cannot be carried in XML.`);
        continue;
      }
      const element = elementOf(type, jsonName);
      if (!element || (key.startsWith('_') && !isPrimitiveType(element.type))) {
        this.report('unknown-element', `${path}.${key}`, `'${key}' is not an element of ${type}.`);
        continue;
      }
      const other = usedBy.get(element.name);
      if (other !== undefined && other !== jsonName) {
        this.report(
          'unknown-element',
          `${path}.${key}`,
          `'${key}' and '${other}' are alternatives; only one may occur.`,
        );
        continue;
      }
      usedBy.set(element.name, jsonName);
      const entry = found.get(jsonName) ?? { element, jsonName };
      if (key.startsWith('_')) entry.extension = value;
      else entry.value = value;
      found.set(jsonName, entry);
    }
    return [...found.values()]
      .map((entry) => ({ ...entry, order: order.get(entry.element.name) ?? 0 }))
      .sort((a, b) => a.order - b.order);
  }

  member(member: Member, parentType: string, depth: number, parentPath: string): void {
    const { element, jsonName, value, extension } = member;
    const path = `${parentPath}.${jsonName}`;
    if (!element.array) {
      if (Array.isArray(value) || Array.isArray(extension)) {
        this.report('xml-value', path, `'${jsonName}' occurs at most once; expected a single value, not an array.`);
        return;
      }
      this.occurrence(jsonName, element.type, value, extension, depth, path);
      return;
    }
    if ((value !== undefined && !Array.isArray(value)) || (extension !== undefined && !Array.isArray(extension))) {
      this.report('xml-value', path, `'${jsonName}' repeats in ${parentType}; expected an array.`);
      return;
    }
    const values = (value ?? []) as unknown[];
    const extensions = (extension ?? []) as unknown[];
    if (value !== undefined && extension !== undefined && values.length !== extensions.length) {
      this.report('xml-value', path, `'${jsonName}' and '_${jsonName}' must have the same length.`);
      return;
    }
    const count = Math.max(values.length, extensions.length);
    for (let i = 0; i < count; i++) {
      this.occurrence(
        jsonName,
        element.type,
        values[i] ?? undefined,
        extensions[i] ?? undefined,
        depth,
        `${path}[${i}]`,
      );
    }
  }

  occurrence(name: string, type: string, value: unknown, extension: unknown, depth: number, path: string): void {
    if (type === 'xhtml') {
      this.narrative(value, depth, path);
    } else if (type === 'Resource' || isResourceType(type)) {
      this.line(depth, `<${name}>`);
      this.resource(value, depth + 1, path, false);
      this.line(depth, `</${name}>`);
    } else if (isPrimitiveType(type)) {
      this.primitive(name, type, value, extension, depth, path);
    } else if (!isObject(value)) {
      this.report('xml-value', path, `Expected an object for ${type}.`);
    } else {
      const attributes: string[] = [];
      for (const attribute of type === 'Extension' ? ['id', 'url'] : ['id']) {
        const text = this.attributeText(value[attribute], 'string', `${path}.${attribute}`);
        if (text !== undefined) attributes.push(` ${attribute}="${text}"`);
      }
      this.container(name, type, this.members(value, type, path, false), depth, path, attributes);
    }
  }

  primitive(name: string, type: string, value: unknown, extension: unknown, depth: number, path: string): void {
    if (extension !== undefined && !isObject(extension)) {
      this.report('xml-value', path, `'_${name}' must be an object with id and extension.`);
      return;
    }
    if (value === undefined && extension === undefined) {
      this.report('xml-value', path, 'A primitive needs a value or extensions; null alone cannot be written.');
      return;
    }
    const attributes: string[] = [];
    const id = this.attributeText(extension?.['id'], 'string', `${path}.id`);
    if (id !== undefined) attributes.push(` id="${id}"`);
    if (value !== undefined) {
      const text = this.attributeText(value, type, path);
      if (text === undefined) return;
      attributes.push(` value="${text}"`);
    }
    this.container(
      name,
      'Element',
      extension ? this.members(extension, 'Element', path, false) : [],
      depth,
      path,
      attributes,
    );
  }

  /** A primitive JSON value as escaped attribute text; `undefined` when absent or not representable. */
  attributeText(value: unknown, type: string, path: string): string | undefined {
    if (value === undefined) return undefined;
    const kind = jsonKindOf(type);
    let text: string | undefined;
    if (kind === 'boolean' && typeof value === 'boolean') text = String(value);
    else if (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else if (kind === 'string' && typeof value === 'string') text = value;
    if (text === undefined || (kind === 'number' && !PRIMITIVE_PATTERNS[type]?.test(text))) {
      this.report('xml-value', path, `${JSON.stringify(value) ?? String(value)} is not a valid ${type}.`);
      return undefined;
    }
    if (hasIllegalXmlChar(text)) {
      this.report('xml-value', path, 'The value contains a character XML 1.0 cannot represent.');
      return undefined;
    }
    return escapeAttribute(text);
  }

  narrative(value: unknown, depth: number, path: string): void {
    // The XHTML is copied into the document as markup, so it must be exactly one well-formed div, or it
    // could close or inject FHIR elements.
    const problem = typeof value === 'string' ? narrativeProblem(value) : undefined;
    if (typeof value !== 'string' || problem) {
      this.report(problem?.code ?? 'xml-value', path, problem?.message ?? 'The narrative must be a string.');
      return;
    }
    this.line(depth, value);
  }
}

/**
 * Writes a FHIR R4 resource (FHIR JSON form) as FHIR XML: elements in the order the specification
 * defines, values in `value` attributes, `_name` siblings merged back into their elements, resources
 * wrapped in their container elements, and the narrative's XHTML copied verbatim. The inverse of
 * {@link parseFhirXml}.
 *
 * @param resource - A resource such as a Bundle, as parsed from FHIR JSON.
 * @param options - `pretty`: indent the output (default `false`).
 * @returns The XML document, starting with an XML declaration.
 * @throws {@link ValidationError} listing every property that cannot be written (unknown resource type or
 *   element, a value of the wrong JSON kind, malformed narrative).
 * @example
 * ```ts
 * serializeFhirXml({ resourceType: 'Patient', active: true });
 * // '<?xml version="1.0" encoding="UTF-8"?><Patient xmlns="http://hl7.org/fhir"><active value="true"/></Patient>'
 * ```
 * @category FHIR
 */
export function serializeFhirXml(resource: object, options: SerializeFhirXmlOptions = {}): string {
  const pretty = options.pretty ?? false;
  const writer = new Writer(pretty);
  const type = isObject(resource) && typeof resource['resourceType'] === 'string' ? resource['resourceType'] : '';
  writer.resource(resource, 0, type, true);
  if (writer.issues.length > 0) {
    throw new ValidationError(
      `The resource cannot be written as FHIR XML: ${writer.issues[0]?.message ?? ''}`,
      writer.issues,
    );
  }
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
  return pretty ? `${declaration}\n${writer.text()}` : `${declaration}${writer.text()}`;
}
