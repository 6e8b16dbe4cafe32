// SPDX-License-Identifier: MIT
// What each port file exports, and the FHIRPath functions that need the scope (`$this`, `%resource`, `resolve()`,
// `conformsTo()`, `memberOf()`).
import { NoValue, isObject, isPrimitive, nav, singleton, type Collection, type Tri } from './fhirpath-lite.js';
import type { FhirResource, InvariantScope } from './scope.js';

/** One ported expression: the keys it is published under, its exact text, and its port. */
export interface Port {
  readonly keys: readonly string[];
  readonly expression: string;
  readonly evaluate: (scope: InvariantScope) => Tri;
}

/** `$this` as a collection; a primitive without a value but with `_name` still exists. */
export function self(scope: InvariantScope): unknown[] {
  if (scope.node !== undefined && scope.node !== null) return [scope.node];
  return scope.primitiveElement === undefined ? [] : [new NoValue(scope.primitiveElement)];
}

/**
 * `value` navigated from `$this`. On a complex type (`Identifier`) it is the `value` element; on a primitive the
 * FHIR model gives every primitive a `value` child that is the primitive's own value (`string.value`), so
 * `value.matches(…)` on `Identifier.value` tests the identifier's value itself. This is how the HL7 Java engine
 * evaluates it; fhirpath.js returns empty there (a documented divergence in the equivalence test).
 */
export function valueOfThis(scope: InvariantScope): unknown[] {
  if (isPrimitive(scope.node)) return [scope.node];
  return nav(self(scope), 'value');
}

/**
 * A leading type name, as in `Bundle.entry` or `Communication.encounter`: `$this` when it is a resource of that type,
 * else empty (FHIRPath then reads the name as an element, which these resources do not have).
 */
export function typePrefix(scope: InvariantScope, resourceType: string): unknown[] {
  return self(scope).filter((item) => isObject(item) && item['resourceType'] === resourceType);
}

function isResource(item: unknown): item is FhirResource {
  return isObject(item) && typeof item['resourceType'] === 'string';
}

/**
 * `resolve()`: a string is a reference itself; a Reference resolves through its `reference`. Items that do not
 * resolve drop out.
 */
export function resolve(scope: InvariantScope, collection: Collection): FhirResource[] {
  const out: FhirResource[] = [];
  for (const item of collection) {
    const reference = typeof item === 'string' ? item : isObject(item) ? item['reference'] : undefined;
    if (typeof reference !== 'string') continue;
    const resource = scope.resolve(reference);
    if (resource !== undefined) out.push(resource);
  }
  return out;
}

/** `conformsTo(url)` on a single resource; empty input gives empty. */
export function conformsTo(scope: InvariantScope, collection: Collection, profileUrl: string): Tri {
  const item = singleton(collection);
  if (item === undefined) return undefined;
  return isResource(item) && scope.conformsTo(item, profileUrl);
}

/** `memberOf(url)` on a single code, Coding or CodeableConcept; empty input gives empty. */
export function memberOf(scope: InvariantScope, collection: Collection, valueSetUrl: string): Tri {
  const item = singleton(collection);
  if (item === undefined || item instanceof NoValue) return undefined;
  return scope.memberOf(item, valueSetUrl);
}
