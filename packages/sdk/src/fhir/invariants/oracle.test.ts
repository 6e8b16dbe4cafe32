// SPDX-License-Identifier: MIT
// Test support for the invariant ports, shared by the test files of this folder (it holds no tests itself): the
// MedCom IG packages read straight from their .tgz files, fhirpath.js as the oracle, and scopes for the ports.
// fhirpath.js may only be imported by *.test.ts files: it is far too big for the SDK's browser bundle.
//
// fhirpath.js 5.2.2 cannot resolve references inside a Bundle (its resolve() fetches from a FHIR server), has no
// conformsTo(), and its memberOf() asks a terminology server. The oracle therefore gets all three through fhirpath.js's
// userInvocationTable, backed by the very services the ports' scopes get: bundleResolver() for resolve(), a stub that
// reads meta.profile (the exact URL, the URL with a `|version` suffix, or a profile of the standard derived from it)
// for conformsTo(), and a stub that expands the standard's own terminology package for memberOf(). Navigation,
// typing, equality and logic stay fhirpath.js's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fhirpath, { type ResourceNode, type UserInvocationTable } from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { igPackagesDir } from '@samspil/fixtures';
import { normalizeExpression } from './registry.js';
import { bundleResolver } from './resolve.js';
import type { FhirResource, InvariantScope } from './scope.js';

// ---------------------------------------------------------------------------------------------------------------
// The IG packages.

/** The files of a .tgz, by path. A minimal ustar reader: regular files, GNU long names and pax `path` records. */
export function readTgz(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  const text = (bytes: Buffer): string => bytes.toString('utf8').replace(/\0[\s\S]*$/, '');
  let offset = 0;
  let nextName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    const type = text(header.subarray(156, 157)) || '0';
    const prefix = text(header.subarray(345, 500));
    const ownName = text(header.subarray(0, 100));
    const name = nextName ?? (prefix === '' ? ownName : `${prefix}/${ownName}`);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    nextName = undefined;
    if (type === 'L') nextName = text(body);
    else if (type === 'x') nextName = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === '0' || type === '7') files.set(name, Buffer.from(body));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export interface Constraint {
  readonly key: string;
  readonly severity: string;
  readonly expression?: string;
}

export interface ElementDefinition {
  readonly id: string;
  readonly path: string;
  readonly constraint?: readonly Constraint[];
}

export interface StructureDefinition {
  readonly url: string;
  readonly baseDefinition?: string;
  readonly type: string;
  readonly kind: string;
  readonly snapshot: { readonly element: readonly ElementDefinition[] };
}

export interface IgPackage {
  readonly name: string;
  readonly structureDefinitions: readonly StructureDefinition[];
  /** Example and other instances in the package (MessageDefinitions, Patients, …), Bundles and conformance excluded. */
  readonly instances: readonly { readonly file: string; readonly resource: FhirResource }[];
  readonly valueSets: readonly FhirResource[];
  readonly codeSystems: readonly FhirResource[];
}

const CONFORMANCE = new Set(['StructureDefinition', 'ImplementationGuide', 'ValueSet', 'CodeSystem', 'ConceptMap']);
const packages = new Map<string, IgPackage>();

/** A package by name (`medcom.fhir.dk.core-2.0.0`), read from `<igPackagesDir>/<name>.tgz`. */
export function loadPackage(name: string): IgPackage {
  const cached = packages.get(name);
  if (cached !== undefined) return cached;
  const structureDefinitions: StructureDefinition[] = [];
  const instances: { file: string; resource: FhirResource }[] = [];
  const valueSets: FhirResource[] = [];
  const codeSystems: FhirResource[] = [];
  for (const [file, bytes] of readTgz(join(igPackagesDir(), `${name}.tgz`))) {
    if (!/^package\/(example\/)?[^/]+\.json$/.test(file) || file.endsWith('package.json')) continue;
    if (file.endsWith('.index.json')) continue;
    const resource = JSON.parse(bytes.toString('utf8')) as FhirResource;
    if (typeof resource.resourceType !== 'string') continue;
    if (resource.resourceType === 'StructureDefinition') {
      structureDefinitions.push(resource as unknown as StructureDefinition);
    } else if (resource.resourceType === 'ValueSet') valueSets.push(resource);
    else if (resource.resourceType === 'CodeSystem') codeSystems.push(resource);
    else if (!CONFORMANCE.has(resource.resourceType) && resource.resourceType !== 'Bundle') {
      instances.push({ file, resource });
    }
  }
  const loaded = { name, structureDefinitions, instances, valueSets, codeSystems };
  packages.set(name, loaded);
  return loaded;
}

/** The packages each standard pins, by the folder its examples are in. */
export const STANDARDS: Readonly<Record<string, readonly string[]>> = {
  hospitalnotification: [
    'medcom.fhir.dk.hospitalnotification-3.0.2',
    'medcom.fhir.dk.core-2.0.0',
    'medcom.fhir.dk.messaging-2.1.0',
    'medcom.fhir.dk.terminology-1.1.1',
  ],
  carecommunication: [
    'medcom.fhir.dk.carecommunication-5.0.2',
    'medcom.fhir.dk.core-3.0.1',
    'medcom.fhir.dk.messaging-4.0.2',
    'medcom.fhir.dk.terminology-2.0.1',
    'medcom.fhir.dk.messagedefinitions-1.0.0',
  ],
  acknowledgement: [
    'medcom.fhir.dk.acknowledgement-2.0.3',
    'medcom.fhir.dk.core-2.0.1',
    'medcom.fhir.dk.messaging-2.1.0',
    'medcom.fhir.dk.terminology-1.4.0',
  ],
  homecareobservation: [
    'medcom.fhir.dk.homecareobservation-1.2.1',
    'medcom.fhir.dk.core-2.4.0',
    'medcom.fhir.dk.messaging-3.0.0',
    'medcom.fhir.dk.terminology-2.0.2',
    'medcom.fhir.dk.messagedefinitions-1.0.1-trial-use',
  ],
  // The empty message of MedCom Messaging 4.0.2 (its meta.profile is the messaging Bundle profile).
  messaging: ['medcom.fhir.dk.messaging-4.0.2', 'medcom.fhir.dk.core-3.0.1', 'medcom.fhir.dk.terminology-2.0.2'],
};

/** Not pinned by any standard yet, but its constraints are ported too. */
export const LATEST_CORE = 'medcom.fhir.dk.core-4.0.0';

export const PINNED_PACKAGES: readonly string[] = [...new Set(Object.values(STANDARDS).flat())].sort();

/** A constraint with the element it sits on. */
export interface PlacedConstraint {
  readonly sd: StructureDefinition;
  readonly path: string;
  readonly key: string;
  readonly expression: string;
}

/** The constraints of a StructureDefinition, one per element path and expression (slices share paths). */
export function constraintsOf(sd: StructureDefinition): PlacedConstraint[] {
  const seen = new Set<string>();
  const out: PlacedConstraint[] = [];
  for (const element of sd.snapshot.element) {
    for (const constraint of element.constraint ?? []) {
      if (constraint.expression === undefined) continue;
      const expression = normalizeExpression(constraint.expression);
      const id = `${element.path}\u0000${constraint.key}\u0000${expression}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ sd, path: element.path, key: constraint.key, expression });
    }
  }
  return out;
}

/** Every distinct normalised expression in the given packages, with the keys it appears under. */
export function expressionsIn(packageNames: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const name of packageNames) {
    for (const sd of loadPackage(name).structureDefinitions) {
      for (const { key, expression } of constraintsOf(sd)) {
        const keys = out.get(expression) ?? new Set<string>();
        keys.add(key);
        out.set(expression, keys);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The services behind resolve(), conformsTo() and memberOf().

/**
 * The conformsTo() stub: the resource claims the profile in meta.profile (with or without a `|version` suffix), or
 * claims a profile of the given packages that is derived from it (a HomeCareObservation MessageHeader conforms to the
 * MedCom Messaging MessageHeader it constrains). A validator would check the content instead; the ports only need
 * the answer.
 */
export function profileConformance(packageNames: readonly string[]): (resource: FhirResource, url: string) => boolean {
  const bases = new Map<string, string>();
  for (const name of packageNames) {
    for (const sd of loadPackage(name).structureDefinitions) {
      if (sd.baseDefinition !== undefined) bases.set(sd.url, sd.baseDefinition);
    }
  }
  return (resource, url) => {
    const meta = resource['meta'] as { profile?: unknown } | undefined;
    const claimed = Array.isArray(meta?.profile) ? (meta.profile as unknown[]) : [];
    return claimed.some((profile) => {
      for (let at: string | undefined = String(profile).split('|')[0]; at !== undefined; at = bases.get(at)) {
        if (at === url) return true;
      }
      return false;
    });
  };
}

interface ValueSetInclude {
  readonly system?: string;
  readonly concept?: readonly { readonly code: string }[];
  readonly filter?: readonly unknown[];
  readonly valueSet?: readonly string[];
}

function codesOf(codeSystem: FhirResource): Set<string> {
  const codes = new Set<string>();
  const visit = (concepts: unknown): void => {
    if (!Array.isArray(concepts)) return;
    for (const concept of concepts as { code?: unknown; concept?: unknown }[]) {
      if (typeof concept.code === 'string') codes.add(concept.code);
      visit(concept.concept);
    }
  };
  visit(codeSystem['concept']);
  return codes;
}

/**
 * The memberOf() stub: expands the ValueSets of the given packages (concept lists, whole code systems, nested value
 * sets; filters are not supported and never match). A CodeableConcept is a member when one of its codings is; a bare
 * code is checked against the codes regardless of system. Unknown value sets have no members.
 */
export function valueSetMembership(packageNames: readonly string[]): (value: unknown, valueSetUrl: string) => boolean {
  const valueSets = packageNames.flatMap((name) => loadPackage(name).valueSets);
  const codeSystems = packageNames.flatMap((name) => loadPackage(name).codeSystems);
  const inValueSet = (url: string, system: string | undefined, code: string, depth: number): boolean => {
    const valueSet = valueSets.find((vs) => vs['url'] === url);
    if (valueSet === undefined || depth > 5) return false;
    const compose = (valueSet['compose'] ?? {}) as { include?: ValueSetInclude[]; exclude?: ValueSetInclude[] };
    const matches = (include: ValueSetInclude): boolean => {
      if (system !== undefined && include.system !== undefined && include.system !== system) return false;
      if (include.filter !== undefined && include.filter.length > 0) return false;
      const nested = (include.valueSet ?? []).every((nestedUrl) => inValueSet(nestedUrl, system, code, depth + 1));
      if (!nested) return false;
      if (include.concept !== undefined) return include.concept.some((concept) => concept.code === code);
      if (include.system === undefined) return (include.valueSet ?? []).length > 0;
      const codeSystem = codeSystems.find((cs) => cs['url'] === include.system);
      return codeSystem === undefined || codesOf(codeSystem).has(code);
    };
    return (compose.include ?? []).some(matches) && !(compose.exclude ?? []).some(matches);
  };
  const member = (value: unknown, url: string): boolean => {
    if (typeof value === 'string') return inValueSet(url, undefined, value, 0);
    if (typeof value !== 'object' || value === null) return false;
    const { system, code, coding } = value as { system?: unknown; code?: unknown; coding?: unknown };
    if (Array.isArray(coding)) return coding.some((one) => member(one, url));
    if (typeof code !== 'string') return false;
    return inValueSet(url, typeof system === 'string' ? system : undefined, code, 0);
  };
  return member;
}

/** What resolve(), conformsTo() and memberOf() see, for one container resource. */
export interface Services {
  resolve(reference: string): FhirResource | undefined;
  conformsTo(resource: FhirResource, profileUrl: string): boolean;
  memberOf(value: unknown, valueSetUrl: string): boolean;
}

/** The services a standard's packages give: terminology from its terminology package, profiles from its SDs. */
export interface StandardServices {
  readonly memberOf: (value: unknown, valueSetUrl: string) => boolean;
  readonly conformsTo: (resource: FhirResource, profileUrl: string) => boolean;
}

const standardServices = new Map<string, StandardServices>();

export function standardServicesFor(packageNames: readonly string[]): StandardServices {
  const id = packageNames.join(',');
  let found = standardServices.get(id);
  if (found === undefined) {
    found = { memberOf: valueSetMembership(packageNames), conformsTo: profileConformance(packageNames) };
    standardServices.set(id, found);
  }
  return found;
}

export function servicesFor(bundle: FhirResource, container: FhirResource, standard: StandardServices): Services {
  return { resolve: bundleResolver(bundle, { container }), ...standard };
}

// ---------------------------------------------------------------------------------------------------------------
// The oracle.

let current: Services | undefined;

function services(): Services {
  if (current === undefined) throw new Error('oracle services used outside an evaluation');
  return current;
}

interface ResourceNodeClass {
  makeResNode(ctx: unknown, data: unknown, parent: unknown, path: unknown, _data: unknown, type: unknown): ResourceNode;
}

// ResourceNode is not exported; its class is reached through a node, so that resolved resources get the same typing
// as fhirpath.js's own resolve() gives them.
const NODE_CLASS = (
  fhirpath.evaluate({ resourceType: 'Basic' }, 'Basic', undefined, r4, {
    resolveInternalTypes: false,
  })[0] as { constructor: ResourceNodeClass }
).constructor;

function referenceOf(item: unknown): string | undefined {
  const value: unknown = fhirpath.util.valData(item);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const reference = (value as { reference?: unknown }).reference;
    if (typeof reference === 'string') return reference;
  }
  return undefined;
}

const USER_FUNCTIONS: UserInvocationTable = {
  resolve: {
    fn(this: unknown, collection: unknown[]): ResourceNode[] {
      const out: ResourceNode[] = [];
      for (const item of collection) {
        const reference = referenceOf(item);
        const resource = reference === undefined ? undefined : services().resolve(reference);
        if (resource !== undefined) out.push(NODE_CLASS.makeResNode(this, resource, null, null, null, null));
      }
      return out;
    },
    arity: { 0: [] },
    internalStructures: true,
  },
  conformsTo: {
    fn(collection: unknown[], profileUrl: string): boolean[] {
      if (collection.length !== 1) return [];
      const value: unknown = fhirpath.util.valData(collection[0]);
      const isResource =
        typeof value === 'object' && value !== null && typeof (value as FhirResource).resourceType === 'string';
      return [isResource && services().conformsTo(value as FhirResource, profileUrl)];
    },
    arity: { 1: ['String'] },
    internalStructures: true,
  },
  memberOf: {
    fn(collection: unknown[], valueSetUrl: string): boolean[] {
      if (collection.length !== 1) return [];
      const value: unknown = fhirpath.util.valData(collection[0]);
      if (value === null || value === undefined) return [];
      return [services().memberOf(value, valueSetUrl)];
    },
    arity: { 1: ['String'] },
    internalStructures: true,
  },
};

type Compiled = (data: unknown, env: Record<string, unknown>) => unknown[];
const compiled = new Map<string, Compiled>();

function compile(expression: string, resolveInternalTypes: boolean): Compiled {
  const id = `${resolveInternalTypes ? 'v' : 'n'}:${expression}`;
  let fn = compiled.get(id);
  if (fn === undefined) {
    const evaluate = fhirpath.compile(expression, r4, { userInvocationTable: USER_FUNCTIONS, resolveInternalTypes });
    fn = (data, env) => evaluate(data, env);
    compiled.set(id, fn);
  }
  return fn;
}

/** An oracle result: the FHIRPath result, or the first line of the error fhirpath.js raised. */
export type OracleResult =
  { readonly ok: true; readonly value: unknown[] } | { readonly ok: false; readonly error: string };

/** Evaluates `expression` with fhirpath.js on a node (a ResourceNode keeps its type and place in the tree). */
export function oracle(
  node: unknown,
  expression: string,
  resource: FhirResource,
  with_: Services,
  resolveInternalTypes = true,
): OracleResult {
  const previous = current;
  current = with_;
  try {
    return { ok: true, value: compile(expression, resolveInternalTypes)(node, { resource }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.split('\n')[0] ?? message };
  } finally {
    current = previous;
  }
}

/**
 * An oracle result as a constraint outcome, the way the HL7 validator reads it: a single boolean is itself, any other
 * non-empty result is true, and an empty result or an error fails.
 */
export function outcome(result: OracleResult): boolean {
  if (!result.ok) return false;
  const [first] = result.value;
  if (result.value.length === 1 && typeof first === 'boolean') return first;
  return result.value.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes and scopes.

/** A FHIRPath path of element names, each quoted (`div` is a keyword), from an ElementDefinition path. */
export function relativePath(elementPath: string): string {
  return elementPath
    .split('.')
    .slice(1)
    .map((name) => `\`${name.replace(/\[x\]$/, '')}\``)
    .join('.');
}

/** The nodes under `root` at an element path (`Patient.name.family`); the root itself for a one-segment path. */
export function nodesAt(
  root: ResourceNode,
  elementPath: string,
  resource: FhirResource,
  with_: Services,
): ResourceNode[] {
  const path = relativePath(elementPath);
  if (path === '') return [root];
  const result = oracle(root, path, resource, with_, false);
  if (!result.ok) throw new Error(`cannot collect ${elementPath}: ${result.error}`);
  return result.value as ResourceNode[];
}

/** The root node of a resource (or Bundle) as fhirpath.js types it. */
export function rootNode(resource: FhirResource): ResourceNode {
  const [node] = fhirpath.evaluate(resource, resource.resourceType, undefined, r4, { resolveInternalTypes: false });
  return node as ResourceNode;
}

/** Every descendant node of `root` that fhirpath.js types as `type` (by path, as Extension nodes are untyped). */
export function descendantsOfType(root: ResourceNode, type: string): ResourceNode[] {
  const result = fhirpath.evaluate(root, 'descendants()', undefined, r4, { resolveInternalTypes: false });
  return (result as ResourceNode[]).filter((n) => n.fhirNodeDataType === type || n.path === type);
}

/** The resources of a Bundle's entries, as nodes of the Bundle's tree. */
export function entryResourceNodes(bundle: ResourceNode): ResourceNode[] {
  return fhirpath.evaluate(bundle, 'entry.resource', undefined, r4, { resolveInternalTypes: false }) as ResourceNode[];
}

/** The nearest resource at or above a node. */
export function containingResource(node: ResourceNode): FhirResource {
  for (let at: ResourceNode | null = node; at !== null; at = at.parentResNode) {
    const data: unknown = at.data;
    if (typeof data === 'object' && data !== null && typeof (data as FhirResource).resourceType === 'string') {
      return data as FhirResource;
    }
  }
  throw new Error(`no resource above ${node.path ?? '?'}`);
}

/** The JSON value of a node (fhirpath.js keeps numbers as decimals). */
export function jsonValue(node: ResourceNode): unknown {
  const parent = node.parentResNode;
  if (parent !== null && node.propName !== undefined && node.propName !== null) {
    const parentData: unknown = parent.data;
    if (typeof parentData === 'object' && parentData !== null) {
      const value = (parentData as Record<string, unknown>)[node.propName];
      if (node.index !== null && node.index !== undefined && Array.isArray(value)) return value[node.index];
      if (value !== undefined) return value;
    }
  }
  return node.convertData();
}

/** Where a node is, as a readable JSON path. */
export function locate(node: ResourceNode): string {
  const parts: string[] = [];
  for (let at: ResourceNode | null = node; at !== null; at = at.parentResNode) {
    if (at.parentResNode === null) {
      const data: unknown = at.data;
      const type = (data as { resourceType?: string } | null)?.resourceType ?? at.path ?? '?';
      parts.unshift(type);
    } else {
      const index = at.index === null || at.index === undefined ? '' : `[${at.index}]`;
      parts.unshift(`${at.propName ?? '?'}${index}`);
    }
  }
  return parts.join('.');
}

/** The scope a port gets for a node. */
export function scopeFor(node: ResourceNode, resource: FhirResource, with_: Services): InvariantScope {
  const value = jsonValue(node);
  const element = node._data as { id?: string; extension?: unknown[] } | null;
  const generic = node.fhirNodeDataType === 'BackboneElement' || node.fhirNodeDataType === 'Element';
  return {
    node: value === null ? undefined : value,
    primitiveElement: element ?? undefined,
    type: (generic ? node.path : node.fhirNodeDataType) ?? node.path ?? 'Element',
    resource,
    resolve: (reference) => with_.resolve(reference),
    conformsTo: (r, url) => with_.conformsTo(r, url),
    memberOf: (v, url) => with_.memberOf(v, url),
  };
}
