// SPDX-License-Identifier: MIT

/**
 * A FHIR resource as parsed JSON: anything with a `resourceType`.
 *
 * @category Validation
 */
export type FhirResource = { resourceType: string; [k: string]: unknown };

/**
 * Everything a ported invariant may look at: the constrained node, its context and the three services that
 * FHIRPath delegates to its host (`resolve()`, `conformsTo()` and `memberOf()`).
 *
 * @category Validation
 */
export interface InvariantScope {
  /** The node the constraint sits on: an object for complex types, the JSON primitive for primitive types. */
  readonly node: unknown;
  /** For primitives: the `_name` sibling ({ id?, extension? }) if present. */
  readonly primitiveElement?: { id?: string; extension?: unknown[] } | undefined;
  /** The FHIR type of node ('Bundle', 'Identifier', 'string', 'Bundle.entry' for backbones, …). */
  readonly type: string;
  /**
   * `%resource`: the resource that contains node (for entries inside a Bundle validated against a resource profile,
   * that resource; for constraints of a Bundle profile, the Bundle).
   */
  readonly resource: FhirResource;
  /**
   * Resolves a reference (relative `Type/id`, absolute fullUrl, `urn:uuid:`, or `#contained`) as fhirpath's
   * `resolve()` would in the context of the enclosing Bundle; `undefined` when it does not resolve.
   * {@link bundleResolver} builds one.
   */
  resolve(reference: string): FhirResource | undefined;
  /** `conformsTo(url)`: supplied by the validator (profile validation). */
  conformsTo(resource: FhirResource, profileUrl: string): boolean;
  /** `memberOf(valueSetUrl)` for a code, Coding or CodeableConcept: supplied by the validator. */
  memberOf(value: unknown, valueSetUrl: string): boolean;
}

/**
 * A hand-written port of one FHIRPath constraint expression: `true` when the constraint holds.
 *
 * An empty FHIRPath result, and an evaluation error (such as a string function applied to several values), count
 * as `false`, as they do for the HL7 validator.
 *
 * @category Validation
 */
export type Invariant = (scope: InvariantScope) => boolean;
