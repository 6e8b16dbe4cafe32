// SPDX-License-Identifier: MIT
// The shape of the generated profile tables (see scripts/generate/profiles.mjs).

/** How a sliced element tells its slices apart: `[type, path]` pairs, as in `ElementDefinition.slicing`. */
export interface SlicingRule {
  readonly discriminator: readonly (readonly [type: string, path: string])[];
  readonly rules: string;
  readonly ordered?: boolean;
}

/** `[key, severity, expression]` of an invariant. */
export type ConstraintRow = readonly [key: string, severity: string, expression: string];

/**
 * One element of a profile that says more than base FHIR R4: cardinality changes, type restrictions,
 * fixed and pattern values, required bindings, slicing, slices and invariants. Elements a profile leaves as
 * base FHIR has them are not listed.
 */
export interface ElementRow {
  readonly id: string;
  readonly min?: number;
  readonly max?: string;
  readonly types?: readonly string[];
  readonly profiles?: readonly string[];
  readonly targets?: readonly string[];
  readonly fixed?: unknown;
  readonly pattern?: unknown;
  readonly binding?: string;
  readonly slicing?: SlicingRule;
  readonly sliceName?: string;
  readonly constraints?: readonly ConstraintRow[];
}

/** A profile or extension definition, reduced to the rows that constrain base FHIR. */
export interface ProfileTable {
  readonly url: string;
  readonly version: string;
  readonly type: string;
  readonly kind: string;
  readonly base: string;
  readonly elements: readonly ElementRow[];
}

/** Codes of an expanded value set by system; `null` when it cannot be expanded from the pinned packages. */
export type ExpandedValueSet = Readonly<Record<string, readonly string[]>> | null;

/** Everything needed to validate one MedCom standard, from the packages it pins. */
export interface StandardDefinition {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly packages: readonly string[];
  readonly bundleProfile: string;
  readonly headerProfile?: string | undefined;
  readonly eventCode: string;
  readonly profiles: readonly ProfileTable[];
  readonly valueSets: Readonly<Record<string, ExpandedValueSet>>;
  /** Required bindings of base datatype elements, by element path (`ContactPoint.system`). */
  readonly datatypeBindings: Readonly<Record<string, string>>;
}

/** `[Danish, English]` display of every code, by code system and code. */
export type CodeDisplays = Readonly<Record<string, Readonly<Record<string, readonly [da: string, en: string]>>>>;
