// SPDX-License-Identifier: MIT
// The few FHIRPath semantics the ported invariants need, over plain FHIR JSON, without a parser or a type model.
// Collections are arrays; an empty FHIRPath result is an empty array, and a three-valued boolean (`Tri`) uses
// `undefined` for "empty". Names follow the FHIRPath functions they implement.

import { underscore } from '../internal/underscore.js';

/** FHIRPath three-valued logic: `undefined` is the empty collection. */
export type Tri = boolean | undefined;

/** A FHIRPath collection. */
export type Collection = readonly unknown[];

/**
 * A primitive element without a value that still exists because of its `_name` sibling (an id or extensions), as
 * FHIRPath sees `"_family": { "extension": [...] }` without `"family"`.
 */
export class NoValue {
  constructor(readonly element: Readonly<Record<string, unknown>>) {}
}

/**
 * Raised where FHIRPath raises an error at run time (a singleton function applied to several items). The invariant
 * then counts as failed, as it does for the HL7 validator.
 */
export class EvaluationError extends Error {
  override name = 'EvaluationError';
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NoValue);
}

export function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** An item of `object.name` with, for primitives, its `_name` sibling. */
interface ChildItem {
  readonly value: unknown;
  readonly element: JsonObject | undefined;
}

function childItems(object: JsonObject, name: string): ChildItem[] {
  const value = object[name];
  const element = object[underscore(name)];
  const item = (v: unknown, e: unknown): ChildItem | undefined => {
    const el = isObject(e) ? e : undefined;
    if (v !== undefined && v !== null) return { value: v, element: el };
    return el === undefined ? undefined : { value: new NoValue(el), element: el };
  };
  if (Array.isArray(value) || Array.isArray(element)) {
    const values: readonly unknown[] = Array.isArray(value) ? value : [];
    const elements: readonly unknown[] = Array.isArray(element) ? element : [];
    const items: ChildItem[] = [];
    for (let i = 0; i < Math.max(values.length, elements.length); i++) {
      // A slot that is null on both sides is still an element of the list, one without value or children (which
      // ele-1 then rejects), as FHIRPath engines read it.
      items.push(item(values[i], elements[i]) ?? { value: new NoValue({}), element: undefined });
    }
    return items;
  }
  const one = item(value, element);
  return one === undefined ? [] : [one];
}

/** The items of `object.name`, with `_name` siblings of primitives merged in as FHIRPath does. */
export function child(object: JsonObject, name: string): unknown[] {
  return childItems(object, name).map((item) => item.value);
}

/** Member navigation `collection.name`. */
export function nav(collection: Collection, name: string): unknown[] {
  return collection.flatMap((item) => {
    if (item instanceof NoValue) return child(item.element, name);
    return isObject(item) ? child(item, name) : [];
  });
}

/** Path navigation `collection.a.b.c`. */
export function path(collection: Collection, ...names: string[]): unknown[] {
  return names.reduce<unknown[]>((items, name) => nav(items, name), [...collection]);
}

/** An item of a choice element together with its type, taken from the JSON name (`valueQuantity` is a Quantity). */
export interface Typed {
  readonly type: string;
  readonly value: unknown;
}

/** The open type list of `Extension.value[x]` in FHIR R4. */
export const OPEN_TYPES: readonly string[] = [
  'Base64Binary',
  'Boolean',
  'Canonical',
  'Code',
  'Date',
  'DateTime',
  'Decimal',
  'Id',
  'Instant',
  'Integer',
  'Markdown',
  'Oid',
  'PositiveInt',
  'String',
  'Time',
  'UnsignedInt',
  'Uri',
  'Url',
  'Uuid',
  'Address',
  'Age',
  'Annotation',
  'Attachment',
  'CodeableConcept',
  'Coding',
  'ContactPoint',
  'Count',
  'Distance',
  'Duration',
  'HumanName',
  'Identifier',
  'Money',
  'Period',
  'Quantity',
  'Range',
  'Ratio',
  'Reference',
  'SampledData',
  'Signature',
  'Timing',
  'ContactDetail',
  'Contributor',
  'DataRequirement',
  'Expression',
  'ParameterDefinition',
  'RelatedArtifact',
  'TriggerDefinition',
  'UsageContext',
  'Dosage',
  'Meta',
];

/** The types `Observation.value[x]` allows in FHIR R4. */
export const OBSERVATION_VALUE_TYPES: readonly string[] = [
  'Quantity',
  'CodeableConcept',
  'String',
  'Boolean',
  'Integer',
  'Range',
  'Ratio',
  'SampledData',
  'Time',
  'DateTime',
  'Period',
];

/**
 * Navigation to a choice element (`value` for `value[x]`) with the type of each item. Only the JSON names the model
 * allows count: like fhirpath.js, an Observation's `valueCoding` is not its value.
 */
export function choiceTyped(collection: Collection, name: string, types: readonly string[]): Typed[] {
  const out: Typed[] = [];
  for (const item of collection) {
    if (!isObject(item)) continue;
    for (const type of types) {
      for (const value of child(item, name + type)) out.push({ type, value });
    }
  }
  return out;
}

/** Navigation to a choice element (`value` for `value[x]`). */
export function choice(collection: Collection, name: string, types: readonly string[]): unknown[] {
  return choiceTyped(collection, name, types).map((typed) => typed.value);
}

/** `ofType(T)` on choice items. Quantity specialisations (Age, Count, Distance, Duration) are Quantities too. */
export function ofChoiceType(collection: readonly Typed[], type: string): unknown[] {
  const quantities = ['Quantity', 'Age', 'Count', 'Distance', 'Duration'];
  return collection
    .filter((typed) => typed.type === type || (type === 'Quantity' && quantities.includes(typed.type)))
    .map((typed) => typed.value);
}

/** `ofType(T)` for a resource type: the items that are resources of that type. */
export function ofResourceType(collection: Collection, resourceType: string): JsonObject[] {
  return collection.filter((item): item is JsonObject => isObject(item) && item['resourceType'] === resourceType);
}

/** `is(T)` for a resource type. */
export function isResourceType(collection: Collection, resourceType: string): Tri {
  const item = singleton(collection);
  if (item === undefined) return undefined;
  return isObject(item) && item['resourceType'] === resourceType;
}

/** The item of a collection expected to hold at most one; more is a FHIRPath run-time error. */
export function singleton(collection: Collection): unknown {
  if (collection.length > 1) throw new EvaluationError(`expected a single item, got ${collection.length}`);
  return collection[0];
}

/** The string value of a singleton, `undefined` when empty or without a value (FHIRPath string functions). */
export function singletonString(collection: Collection): string | undefined {
  const item = singleton(collection);
  if (item === undefined || item instanceof NoValue) return undefined;
  if (typeof item !== 'string') throw new EvaluationError(`expected a string, got ${typeof item}`);
  return item;
}

export function exists(collection: Collection): boolean {
  return collection.length > 0;
}

export function empty(collection: Collection): boolean {
  return collection.length === 0;
}

/** `hasValue()`: a single primitive that has a value (not just extensions). */
export function hasValue(collection: Collection): boolean {
  return collection.length === 1 && isPrimitive(collection[0]);
}

/** `where(criteria)`: the items for which the criteria are true (empty counts as false). */
export function where<T>(collection: readonly T[], criteria: (item: T) => Tri): T[] {
  return collection.filter((item) => criteria(item) === true);
}

/** `all(criteria)`: true for an empty collection. */
export function all<T>(collection: readonly T[], criteria: (item: T) => Tri): boolean {
  return collection.every((item) => criteria(item) === true);
}

/** `extension(url)`. */
export function extension(collection: Collection, url: string): JsonObject[] {
  const extensions = collection.flatMap((item) => {
    if (item instanceof NoValue) return child(item.element, 'extension');
    return isObject(item) ? child(item, 'extension') : [];
  });
  return extensions.filter((ext): ext is JsonObject => isObject(ext) && ext['url'] === url);
}

// Logic with empty propagation (https://hl7.org/fhirpath/#boolean-logic).

export function not(value: Tri): Tri {
  return value === undefined ? undefined : !value;
}

export function and(left: Tri, right: Tri): Tri {
  if (left === false || right === false) return false;
  if (left === undefined || right === undefined) return undefined;
  return true;
}

export function or(...operands: Tri[]): Tri {
  let result: Tri = false;
  for (const operand of operands) {
    if (operand === true) return true;
    if (operand === undefined) result = undefined;
  }
  return result;
}

export function xor(left: Tri, right: Tri): Tri {
  if (left === undefined || right === undefined) return undefined;
  return left !== right;
}

export function implies(left: Tri, right: Tri): Tri {
  if (left === false) return true;
  if (left === undefined) return right === true ? true : undefined;
  return right;
}

/** `iif(criterion, a, b)`: an empty criterion selects `b`. The branches are lazy, as in FHIRPath. */
export function iif<T>(criterion: Tri, whenTrue: () => T, otherwise: () => T): T {
  return criterion === true ? whenTrue() : otherwise();
}

/** A collection used as a boolean (https://hl7.org/fhirpath/#singleton-evaluation-of-collections). */
export function asBoolean(collection: Collection): Tri {
  const item = singleton(collection);
  if (item === undefined) return undefined;
  return typeof item === 'boolean' ? item : true;
}

// Equality (https://hl7.org/fhirpath/#equality).

/** `=` on single items: structural for complex values, order-sensitive for lists. */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left instanceof NoValue || right instanceof NoValue) return false;
  if (left === right) return true;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, i) => deepEqual(item, right[i]));
  }
  if (!isObject(left) || !isObject(right)) return false;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

/** `left = right` on collections: empty if either is empty, false if the sizes differ, else item by item. */
export function equals(left: Collection, right: Collection): Tri {
  if (left.length === 0 || right.length === 0) return undefined;
  if (left.length !== right.length) return false;
  return left.every((item, i) => deepEqual(item, right[i]));
}

/** `left != right`. */
export function notEquals(left: Collection, right: Collection): Tri {
  return not(equals(left, right));
}

/** `value in collection`. */
export function isIn(value: Collection, collection: Collection): Tri {
  const item = singleton(value);
  if (item === undefined) return undefined;
  return collection.some((candidate) => deepEqual(item, candidate));
}

/** `isDistinct()`. */
export function isDistinct(collection: Collection): boolean {
  return collection.every((item, i) => collection.slice(i + 1).every((other) => !deepEqual(item, other)));
}

/** `intersect(other)`: the distinct items of the input that are also in `other`. */
export function intersect(collection: Collection, other: Collection): unknown[] {
  const out: unknown[] = [];
  for (const item of collection) {
    if (other.some((candidate) => deepEqual(item, candidate)) && !out.some((seen) => deepEqual(seen, item))) {
      out.push(item);
    }
  }
  return out;
}

// Strings.

/**
 * A FHIRPath regular expression: `matches()` finds the pattern anywhere unless it is anchored, in single-line mode
 * (`.` matches newlines), with Unicode semantics. `pattern` is the expression's string literal with its FHIRPath
 * escapes removed.
 */
export function fhirRegex(pattern: string): RegExp {
  return new RegExp(pattern, 'su');
}

export function matches(collection: Collection, regex: RegExp): Tri {
  const value = singletonString(collection);
  return value === undefined ? undefined : regex.test(value);
}

export function startsWith(collection: Collection, prefix: string): Tri {
  const value = singletonString(collection);
  return value === undefined ? undefined : value.startsWith(prefix);
}

export function contains(collection: Collection, substring: string): Tri {
  const value = singletonString(collection);
  return value === undefined ? undefined : value.includes(substring);
}

/** `left & right`: string concatenation that treats empty as ''. */
export function concat(left: Collection, right: Collection): string {
  return (singletonString(left) ?? '') + (singletonString(right) ?? '');
}

/** `toInteger()`. */
export function toInteger(collection: Collection): number | undefined {
  const item = singleton(collection);
  if (typeof item === 'number') return Number.isInteger(item) ? item : undefined;
  if (typeof item === 'boolean') return item ? 1 : 0;
  if (typeof item === 'string' && /^[+-]?\d+$/.test(item)) return Number.parseInt(item, 10);
  return undefined;
}

// Tree walking.

/** A node met by {@link descendants}, with the name it has in its parent. */
export interface Named {
  readonly name: string;
  readonly value: unknown;
}

/** `children()`, with names. A primitive's `_name` sibling contributes its `id` and `extension`. */
export function namedChildren(item: unknown): Named[] {
  return namedChildItems(item).map(({ name, value }) => ({ name, value }));
}

function namedChildItems(item: unknown): Array<Named & { readonly element: JsonObject | undefined }> {
  const object = item instanceof NoValue ? item.element : isObject(item) ? item : undefined;
  if (object === undefined) return [];
  const names = new Set<string>();
  for (const key of Object.keys(object)) {
    if (key !== 'resourceType') names.add(key.startsWith('_') ? key.slice(1) : key);
  }
  return [...names].flatMap((name) => childItems(object, name).map((one) => ({ name, ...one })));
}

/**
 * `descendants()`, with names. The `_name` sibling of a primitive is part of the primitive, so its extensions are
 * descendants too.
 */
export function descendants(item: unknown): Named[] {
  const out: Named[] = [];
  const visit = (node: unknown): void => {
    for (const entry of namedChildItems(node)) {
      out.push({ name: entry.name, value: entry.value });
      if (entry.value instanceof NoValue) visit(entry.value);
      else if (isPrimitive(entry.value)) {
        if (entry.element !== undefined) visit(new NoValue(entry.element));
      } else visit(entry.value);
    }
  };
  visit(item);
  return out;
}
