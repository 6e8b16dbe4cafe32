// SPDX-License-Identifier: MIT
// Reading VANSEnvelope elements as the XSD defines them: element order and counts, the namespace, and the
// simple types' facets. Every failure is a ParseError that starts with the element path and never quotes a value.
import { ParseError } from '../../errors/errors.js';
import { isElement, textContent, type XmlElement } from '../../oioxml/read/tree.js';
import {
  VANS_NAMESPACE,
  type VansDocumentFormat,
  type VansEndPointType,
  type VansMetaInformation,
  type VansServiceTag,
} from './types.js';
import { UUID, xsdLength } from './write.js';

/** A ParseError for the element at `path`. */
export function fail(path: string, problem: string): ParseError {
  return new ParseError(`${path}: ${problem}`);
}

/** One particle of a sequence: an element (or a choice of elements) with its occurrence bounds. */
export interface Particle {
  readonly names: readonly string[];
  readonly min: number;
  readonly max: number;
}

/** A required single element. */
export const one = (...names: string[]): Particle => ({ names, min: 1, max: 1 });
/** An optional single element. */
export const optional = (name: string): Particle => ({ names: [name], min: 0, max: 1 });

function missing(path: string, particle: Particle, later: readonly XmlElement[] = []): ParseError {
  const [first] = particle.names;
  if (later.some((element) => particle.names.includes(element.name))) {
    return fail(`${path}/${first ?? ''}`, 'is out of order');
  }
  return particle.names.length === 1
    ? fail(`${path}/${first ?? ''}`, 'is missing')
    : fail(path, `needs one of ${particle.names.join(', ')}`);
}

/**
 * The children of a complex element matched against its sequence. Text between elements must be whitespace;
 * every element must be in the VANSEnvelope namespace, in order, within its bounds.
 *
 * @returns The matched elements by name.
 */
export function sequence(element: XmlElement, path: string, particles: readonly Particle[]): Map<string, XmlElement[]> {
  const found = new Map<string, XmlElement[]>();
  const count = (particle: Particle) => particle.names.reduce((n, name) => n + (found.get(name)?.length ?? 0), 0);
  let at = 0;
  const elements = element.content.filter(isElement);
  for (const node of element.content) {
    if (!isElement(node)) {
      if (node.trim() !== '') throw fail(path, 'must hold elements only, not text');
      continue;
    }
    const where = `${path}/${node.name}`;
    if (node.namespace !== VANS_NAMESPACE) throw fail(where, `is not in the namespace ${VANS_NAMESPACE}`);
    if (!particles.some((p) => p.names.includes(node.name))) throw fail(where, 'is not allowed here');
    while (at < particles.length && !(particles[at]?.names.includes(node.name) ?? false)) {
      const particle = particles[at] as Particle;
      if (count(particle) < particle.min) throw missing(path, particle, elements.slice(elements.indexOf(node)));
      at++;
    }
    const particle = particles[at];
    if (particle === undefined) throw fail(where, 'is out of order or repeated');
    // A choice holds one of its elements: a second, different one is as wrong as a repeat.
    if (particle.names.length > 1 && particle.names.some((name) => name !== node.name && found.has(name))) {
      throw fail(where, `cannot follow another of ${particle.names.join(', ')}`);
    }
    const list = found.get(node.name) ?? [];
    list.push(node);
    found.set(node.name, list);
    if (count(particle) > particle.max) {
      throw fail(where, particle.max === 1 ? 'may occur only once' : `may occur at most ${particle.max} times`);
    }
  }
  for (; at < particles.length; at++) {
    const particle = particles[at] as Particle;
    if (count(particle) < particle.min) throw missing(path, particle);
  }
  return found;
}

/** The text of a simple-typed element, which must have no child elements. */
export function simple(element: XmlElement, path: string): string {
  if (element.content.some(isElement)) throw fail(path, 'must hold text only, not elements');
  return textContent(element);
}

/** xs:token and the other collapsing types: outer whitespace dropped, inner runs made one space. */
function collapse(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').trim();
}

/** A string of 1 to `max` characters, whitespace kept as the schema's xs:string does. */
export function textValue(element: XmlElement, path: string, max: number, min = 1): string {
  const value = simple(element, path);
  const length = xsdLength(value);
  if (length < min || length > max) throw fail(path, `must be ${min} to ${max} characters`);
  return value;
}

/** A UUIDType value. */
export function uuidValue(element: XmlElement, path: string): string {
  const value = simple(element, path);
  if (!UUID.test(value)) throw fail(path, 'must be a UUID (8-4-4-4-12 hexadecimal digits)');
  return value;
}

const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** An xs:dateTime, as written (whitespace collapsed). */
export function dateTimeValue(element: XmlElement, path: string): string {
  const value = collapse(simple(element, path));
  if (!DATE_TIME.test(value)) throw fail(path, 'must be an xs:dateTime such as 2026-01-31T09:30:00Z');
  return value;
}

/** An EndPointType element: its collapsed token value and its EndPointType attribute. */
export function endPointValue(element: XmlElement, path: string): { value: string; type: VansEndPointType } {
  const type = element.attributes['EndPointType'];
  if (type !== 'EAN' && type !== 'CVR' && type !== 'VANS') {
    throw fail(`${path}/@EndPointType`, 'must be EAN, CVR or VANS');
  }
  const value = collapse(simple(element, path));
  const length = xsdLength(value);
  if (length < 1 || length > 18) throw fail(path, 'must be 1 to 18 characters');
  return { value, type };
}

function enumValue<T extends string>(element: XmlElement, path: string, values: readonly T[]): T {
  const value = simple(element, path);
  const match = values.find((v) => v === value);
  if (match === undefined) throw fail(path, `must be one of ${values.join(', ')}`);
  return match;
}

const FORMATS: readonly VansDocumentFormat[] = ['XML', 'EDIFACT', 'HL7', 'Binary', 'Other'];

/** A MetaInformationType element (MetaInformation, or a receipt's OriginalMessage). */
export function metaInformation(element: XmlElement, path: string): VansMetaInformation {
  const parts = sequence(element, path, [
    one('Identifier'),
    optional('Processing'),
    one('Document'),
    optional('Transport'),
  ]);
  const get = (map: Map<string, XmlElement[]>, name: string) => map.get(name)?.[0];
  const identifier = uuidValue(get(parts, 'Identifier') as XmlElement, `${path}/Identifier`);

  let processing: VansMetaInformation['processing'];
  const processingElement = get(parts, 'Processing');
  if (processingElement) {
    const at = `${path}/Processing`;
    const p = sequence(processingElement, at, [one('ProviderIdentifier'), one('ServiceIdentifier')]);
    processing = {
      providerIdentifier: textValue(get(p, 'ProviderIdentifier') as XmlElement, `${at}/ProviderIdentifier`, 255),
      serviceIdentifier: textValue(get(p, 'ServiceIdentifier') as XmlElement, `${at}/ServiceIdentifier`, 255),
    };
  }

  const documentPath = `${path}/Document`;
  const d = sequence(get(parts, 'Document') as XmlElement, documentPath, [
    one('Format'),
    one('Name'),
    optional('Version'),
    one('SizeInBytes'),
  ]);
  const format = enumValue(get(d, 'Format') as XmlElement, `${documentPath}/Format`, FORMATS);
  const name = textValue(get(d, 'Name') as XmlElement, `${documentPath}/Name`, 255);
  const versionElement = get(d, 'Version');
  const version = versionElement ? textValue(versionElement, `${documentPath}/Version`, 255) : undefined;
  const sizePath = `${documentPath}/SizeInBytes`;
  const sizeText = collapse(simple(get(d, 'SizeInBytes') as XmlElement, sizePath));
  const sizeInBytes = /^[+-]?\d{1,12}$/.test(sizeText) ? Number(sizeText) : NaN;
  if (!(sizeInBytes >= -2147483648 && sizeInBytes <= 2147483647)) throw fail(sizePath, 'must be an xs:int');

  let transportType: VansMetaInformation['transportType'];
  let transformMessage: boolean | undefined;
  const serviceTags: VansServiceTag[] = [];
  const transportElement = get(parts, 'Transport');
  if (transportElement) {
    const at = `${path}/Transport`;
    const t = sequence(transportElement, at, [
      optional('Type'),
      one('TransformMessage'),
      { names: ['ServiceTag'], min: 0, max: 5 },
    ]);
    const typeElement = get(t, 'Type');
    if (typeElement) transportType = enumValue(typeElement, `${at}/Type`, ['reliable', 'unreliable'] as const);
    const transformPath = `${at}/TransformMessage`;
    const transform = collapse(simple(get(t, 'TransformMessage') as XmlElement, transformPath));
    if (!['true', 'false', '1', '0'].includes(transform)) throw fail(transformPath, 'must be true or false');
    transformMessage = transform === 'true' || transform === '1';
    for (const tag of t.get('ServiceTag') ?? []) {
      const tagPath = `${at}/ServiceTag`;
      const tagName = tag.attributes['name'];
      if (tagName === undefined || xsdLength(tagName) < 1 || xsdLength(tagName) > 70) {
        throw fail(`${tagPath}/@name`, 'must be 1 to 70 characters');
      }
      serviceTags.push({ name: tagName, value: textValue(tag, tagPath, 70) });
    }
  }
  const mime = serviceTags.find((tag) => tag.name === 'MCM:MIME')?.value;
  return {
    identifier,
    ...(processing ? { processing } : {}),
    format,
    name,
    ...(version === undefined ? {} : { version }),
    sizeInBytes,
    ...(transportType === undefined ? {} : { transportType }),
    ...(transformMessage === undefined ? {} : { transformMessage }),
    serviceTags,
    ...(mime === undefined ? {} : { mime }),
  };
}
