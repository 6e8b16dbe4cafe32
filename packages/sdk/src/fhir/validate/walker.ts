// SPDX-License-Identifier: MIT
// Walks a resource against base FHIR R4 (the model) and any number of profile frames at once. A frame is
// a profile plus the element id the current node has in it; slices and type profiles add frames.
import {
  elementOf,
  elementsOf,
  isPrimitiveType,
  isResourceType,
  type ElementInfo,
  type ResolvedElement,
} from '../model/index.js';
import type { CompiledProfile } from '../profiles/compiled.js';
import { childId, typeOfProfile } from '../profiles/compiled.js';
import type { ConstraintRow, ElementRow } from '../profiles/types.js';
import { expectationFor, valuesAt, type Expectation } from './discriminators.js';
import { equalsFixed, matchesPattern } from './match.js';
import { underscore } from '../internal/underscore.js';
import { checkPrimitive } from './primitives.js';
import type { ValidationRun } from './run.js';
import type { FhirResource } from './types.js';

/** A profile and the element id a node has in it. */
export interface Frame {
  readonly profile: CompiledProfile;
  readonly id: string;
}

const INFINITY = Number.POSITIVE_INFINITY;
const EMPTY: readonly unknown[] = [];
const toMax = (max: string | number | undefined): number => (max === undefined || max === '*' ? INFINITY : Number(max));

const describe = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

const required = new Map<string, readonly ElementInfo[]>();
/** The elements of a type that base FHIR requires (min > 0). */
function requiredElements(type: string): readonly ElementInfo[] {
  let list = required.get(type);
  if (!list) {
    list = elementsOf(type).filter((info) => info.min > 0);
    required.set(type, list);
  }
  return list;
}

// Base R4 puts txt-1 (basic XHTML only) and txt-2 (some content) on every Narrative.div, whatever the profile.
const NARRATIVE_RULES: readonly ConstraintRow[] = [
  ['txt-1', 'error', 'htmlChecks()'],
  ['txt-2', 'error', 'htmlChecks()'],
];

function relevant(frame: Frame): boolean {
  return frame.profile.rows.has(frame.id) || frame.profile.parents.has(frame.id);
}

export class Walker {
  /** The standard's profiles by URL, for discriminators that a type profile fixes. */
  private readonly profileOf = (url: string): CompiledProfile | undefined => this.run.profile(url);

  constructor(private readonly run: ValidationRun) {}

  /** Validates a whole resource against base FHIR and the given profiles. */
  resource(resource: FhirResource, profiles: readonly CompiledProfile[], path: string): void {
    if (!isResourceType(resource.resourceType)) {
      this.run.error('structure', path, `Unknown or unsupported resource type ${describe(resource.resourceType)}`);
      return;
    }
    const frames = profiles.map((profile) => ({ profile, id: profile.table.type }));
    for (const frame of frames) this.rowChecks(resource, resource.resourceType, frame, path, resource);
    this.object(resource, resource.resourceType, frames, path, resource, true);
  }

  private object(
    node: Record<string, unknown>,
    type: string,
    frames: readonly Frame[],
    path: string,
    resource: FhirResource,
    isResourceRoot = false,
  ): void {
    // Walk what is present; absent elements matter only where something requires them.
    const present = new Map<string, { info: ResolvedElement; jsonKey: string }>();
    for (const key of Object.keys(node)) {
      if (isResourceRoot && key === 'resourceType') continue;
      const underscore = key.charCodeAt(0) === 95;
      const name = underscore ? key.slice(1) : key;
      const info = elementOf(type, name);
      if (!info) {
        this.run.error('structure', `${path}.${key}`, `Unknown element '${key}' in ${type}`);
        continue;
      }
      if (underscore && !isPrimitiveType(info.type)) {
        this.run.error('structure', `${path}.${key}`, `'${key}' is only allowed beside a primitive element`);
        continue;
      }
      const seen = present.get(info.name);
      if (seen && seen.jsonKey !== name) {
        this.run.error('structure', `${path}.${name}`, `Only one of ${seen.jsonKey}, ${name} may be present`);
        continue;
      }
      if (!seen) present.set(info.name, { info, jsonKey: name });
    }

    const missing = new Map<string, number>();
    for (const info of requiredElements(type)) if (!present.has(info.name)) missing.set(info.name, info.min);
    for (const frame of frames) {
      for (const row of frame.profile.required.get(frame.id) ?? []) {
        const name = row.id.slice(frame.id.length + 1);
        if (!present.has(name)) missing.set(name, Math.max(missing.get(name) ?? 0, row.min ?? 0));
      }
    }
    for (const [name, min] of missing) {
      this.run.error(
        'cardinality',
        `${path}.${name.replace('[x]', '')}`,
        `${type}.${name} is required: at least ${min} expected, 0 found`,
      );
    }

    for (const { info, jsonKey } of present.values()) {
      this.element(node, type, info, jsonKey, info.type, frames, path, resource);
    }
  }

  private element(
    node: Record<string, unknown>,
    parentType: string,
    info: { name: string; min: number; max: number | '*'; array: boolean; choice: boolean },
    jsonKey: string,
    concrete: string,
    frames: readonly Frame[],
    path: string,
    resource: FhirResource,
  ): void {
    const childFrames: Frame[] = [];
    for (const frame of frames) {
      const id = childId(frame.profile, frame.id, info.name);
      if (id !== undefined) childFrames.push({ profile: frame.profile, id });
    }
    const raw = node[jsonKey];
    const extras = node[underscore(jsonKey)];
    if (info.array) {
      if (raw !== undefined && !Array.isArray(raw)) {
        this.run.error('structure', `${path}.${jsonKey}`, `'${jsonKey}' must be an array in FHIR JSON`);
        return;
      }
    } else if (Array.isArray(raw)) {
      this.run.error('structure', `${path}.${jsonKey}`, `'${jsonKey}' must not be an array (max 1)`);
      return;
    }
    const values: readonly unknown[] = raw === undefined ? EMPTY : Array.isArray(raw) ? raw : [raw];
    const extraValues: readonly unknown[] = extras === undefined ? EMPTY : Array.isArray(extras) ? extras : [extras];
    const count = Math.max(values.length, extraValues.length);

    const elementPath = `${path}.${info.choice && count === 0 ? info.name.replace('[x]', '') : jsonKey}`;
    let min = info.min;
    let max = toMax(info.max);
    let sliced = false;
    let bound = false;
    for (const frame of childFrames) {
      const row = frame.profile.rows.get(frame.id);
      if (!row) continue;
      if (row.binding) bound = true;
      if (row.min !== undefined && row.min > min) min = row.min;
      if (row.max !== undefined) max = Math.min(max, toMax(row.max));
      if (row.slicing) sliced = true;
    }
    if (count < min) {
      this.run.error(
        'cardinality',
        elementPath,
        `${parentType}.${info.name} is required: at least ${min} expected, ${count} found`,
      );
    }
    if (count > max) {
      this.run.error(
        'cardinality',
        elementPath,
        max === 0
          ? `${parentType}.${info.name} is not allowed in this profile`
          : `${parentType}.${info.name} allows at most ${max}, ${count} found`,
      );
    }
    if (count === 0) return;

    const baseBinding = bound ? undefined : this.run.standard.datatypeBindings.get(parentType)?.get(info.name);
    if (baseBinding) {
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value !== null && value !== undefined) {
          this.run.checkBinding(value, concrete, baseBinding, info.array ? `${elementPath}[${i}]` : elementPath);
        }
      }
    }

    // Items share the element's frames unless slicing gives some of them a slice's frame as well.
    let itemFrames: Frame[][] | undefined;
    if (sliced) {
      const perItem = Array.from({ length: count }, () => [...childFrames]);
      for (const frame of childFrames) {
        const row = frame.profile.rows.get(frame.id);
        if (row?.slicing) this.slice(values, concrete, frame, row, perItem, elementPath, info.array, resource);
      }
      itemFrames = perItem;
    }

    for (let i = 0; i < count; i++) {
      const itemPath = info.array ? `${elementPath}[${i}]` : elementPath;
      const value = values[i] ?? undefined;
      const extra = extraValues[i] ?? undefined;
      this.value(
        value === null ? undefined : value,
        extra === null ? undefined : extra,
        concrete,
        itemFrames?.[i] ?? childFrames,
        itemPath,
        resource,
      );
    }
  }

  private slice(
    values: readonly unknown[],
    type: string,
    frame: Frame,
    row: ElementRow,
    itemFrames: Frame[][],
    path: string,
    isArray: boolean,
    resource: FhirResource,
  ): void {
    const slices = frame.profile.slices.get(frame.id) ?? [];
    const slicing = row.slicing;
    if (slices.length === 0 || !slicing) return;
    const counts = new Map<ElementRow, number>();
    values.forEach((value, index) => {
      const matched = slices.find((slice) =>
        slicing.discriminator.every(([kind, discriminatorPath]) => {
          const expectation = expectationFor(frame.profile, slice, kind, discriminatorPath, this.profileOf);
          return expectation !== undefined && this.meets(value, type, discriminatorPath, expectation, resource);
        }),
      );
      if (matched) {
        counts.set(matched, (counts.get(matched) ?? 0) + 1);
        itemFrames[index]?.push({ profile: frame.profile, id: matched.id });
      } else if (slicing.rules === 'closed') {
        this.run.error(
          'slicing',
          isArray ? `${path}[${index}]` : path,
          `Matches none of the slices (${slices.map((s) => s.sliceName).join(', ')}) of the closed slicing of ${frame.id}`,
        );
      }
    });
    for (const slice of slices) {
      const n = counts.get(slice) ?? 0;
      if (n < (slice.min ?? 0)) {
        this.run.error(
          'slicing',
          path,
          `Slice '${slice.sliceName}' of ${frame.id} needs at least ${slice.min}, found ${n}`,
        );
      }
      if (n > toMax(slice.max)) {
        this.run.error(
          'slicing',
          path,
          toMax(slice.max) === 0
            ? `Slice '${slice.sliceName}' of ${frame.id} is not allowed in this profile`
            : `Slice '${slice.sliceName}' of ${frame.id} allows at most ${slice.max}, found ${n}`,
        );
      }
    }
  }

  private meets(value: unknown, type: string, path: string, expectation: Expectation, resource: FhirResource): boolean {
    const resolve = (reference: string) => this.run.resolve(reference, resource);
    if (expectation.kind === 'type') {
      const actual = path === '$this' ? [typeOfValue(value, type)] : contentTypes(value, path);
      return actual.some((t) => t !== undefined && expectation.types.includes(t));
    }
    const found = valuesAt(value, path, resolve);
    if (expectation.kind === 'one-of') {
      if (path === 'resolve()') {
        return found.some((target) =>
          expectation.values.some(
            (url) => typeOfProfile(url, this.run.standard) === (target as FhirResource | undefined)?.resourceType,
          ),
        );
      }
      return found.some((v) => typeof v === 'string' && expectation.values.includes(v));
    }
    return found.some((v) =>
      expectation.kind === 'fixed' ? equalsFixed(v, expectation.value) : matchesPattern(v, expectation.value),
    );
  }

  private value(
    value: unknown,
    extra: unknown,
    type: string,
    frames: readonly Frame[],
    path: string,
    resource: FhirResource,
  ): void {
    if (isPrimitiveType(type)) {
      if (value === undefined) {
        const hasExtension =
          typeof extra === 'object' && extra !== null && Array.isArray((extra as { extension?: unknown }).extension);
        if (!hasExtension) this.run.error('structure', path, 'A primitive needs a value or an extension', 'ele-1');
      } else {
        const problems = checkPrimitive(value, type);
        for (const problem of problems) this.run.error('value', path, problem);
        if (type === 'xhtml' && problems.length === 0) {
          for (const rule of NARRATIVE_RULES) this.run.checkInvariant(rule, value, type, path, resource);
        }
      }
      if (typeof extra === 'object' && extra !== null)
        this.object(extra as Record<string, unknown>, 'Element', [], `${path}`, resource);
    } else if (type === 'Resource' || isResourceType(type)) {
      // Bundled and contained resources are validated on their own, each against its own profiles.
      if (typeof value !== 'object' || value === null || typeof (value as FhirResource).resourceType !== 'string') {
        this.run.error('structure', path, 'Expected a resource with a resourceType');
      }
      return;
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        this.run.error('structure', path, `Expected a ${type} object, found ${describe(value)}`);
        return;
      }
      if (!hasChildBesidesId(value)) {
        this.run.error('structure', path, 'An element needs a value or child elements besides id', 'ele-1');
      }
    }

    // Type profiles (an extension's definition, lpr3-Identifier, …) add frames; most values have none.
    let allFrames: readonly Frame[] = frames;
    const addFrame = (frame: Frame) => {
      if (allFrames === frames) allFrames = [...frames];
      (allFrames as Frame[]).push(frame);
    };
    for (const frame of frames) {
      const row = frame.profile.rows.get(frame.id);
      for (const url of row?.profiles ?? []) {
        const typeProfile = this.run.profile(url);
        if (typeProfile && typeProfile.table.type === type) addFrame({ profile: typeProfile, id: type });
      }
    }
    if (type === 'Extension') {
      const url = (value as { url?: unknown } | undefined)?.url;
      const known = typeof url === 'string' ? this.run.profile(url) : undefined;
      if (known && !allFrames.some((f) => f.profile === known)) addFrame({ profile: known, id: 'Extension' });
    }

    for (const frame of allFrames) this.rowChecks(value, type, frame, path, resource);
    if (type === 'Reference') this.run.checkReference(value as Record<string, unknown>, frames, path, resource);
    if (type === 'Identifier') this.run.checkIdentifier(value as Record<string, unknown>, path);
    if (type === 'Extension') this.extension(value as Record<string, unknown>, path);
    if (typeof value === 'object' && value !== null && !isPrimitiveType(type)) {
      const next = allFrames === frames ? frames : allFrames.filter(relevant);
      this.object(value as Record<string, unknown>, type, next, path, resource);
    }
  }

  private extension(value: Record<string, unknown>, path: string): void {
    const hasValue = Object.keys(value).some((k) => /^value[A-Z]/.test(k));
    const hasExtensions = Array.isArray(value['extension']) && value['extension'].length > 0;
    if (hasValue === hasExtensions) {
      this.run.error(
        'invariant',
        path,
        'An extension must have either a value or nested extensions, not both',
        'ext-1',
      );
    }
  }

  /** The checks a profile row makes of one value: type choice, fixed, pattern, binding and invariants. */
  private rowChecks(value: unknown, type: string, frame: Frame, path: string, resource: FhirResource): void {
    const row = frame.profile.rows.get(frame.id);
    if (!row || value === undefined) return;
    if (row.types && !row.types.includes(type)) {
      this.run.error('structure', path, `Type ${type} is not allowed here; expected ${row.types.join(' or ')}`);
    }
    if (row.fixed !== undefined && !equalsFixed(value, row.fixed)) {
      this.run.error('fixed', path, `Must be exactly ${describe(row.fixed)}, found ${describe(value)}`);
    }
    if (row.pattern !== undefined && !matchesPattern(value, row.pattern)) {
      this.run.error('pattern', path, `Must match ${describe(row.pattern)}, found ${describe(value)}`);
    }
    if (row.binding) this.run.checkBinding(value, type, row.binding, path);
    for (const constraint of row.constraints ?? []) this.run.checkInvariant(constraint, value, type, path, resource);
  }
}

function hasChildBesidesId(value: object): boolean {
  for (const key in value) if (key !== 'id') return true;
  return false;
}

function typeOfValue(value: unknown, declared: string): string | undefined {
  if (typeof value === 'object' && value !== null && typeof (value as FhirResource).resourceType === 'string') {
    return (value as FhirResource).resourceType;
  }
  return declared;
}

/** For `type` discriminators on a choice child such as `$this.content`: the concrete types present. */
function contentTypes(value: unknown, path: string): (string | undefined)[] {
  const name = path.replace(/^\$this\./, '');
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value)
    .filter((k) => k.startsWith(name) && k.length > name.length && /[A-Z]/.test(k.charAt(name.length)))
    .map((k) => {
      const suffix = k.slice(name.length);
      return /^(String|Boolean|Integer|Decimal|Uri|Url|Code|Id|Date|DateTime|Instant|Time|Markdown|Base64Binary|Canonical|Oid|Uuid|PositiveInt|UnsignedInt)$/.test(
        suffix,
      )
        ? suffix.charAt(0).toLowerCase() + suffix.slice(1)
        : suffix;
    });
}
