// SPDX-License-Identifier: MIT
// TypeScript ports of the FHIRPath invariants in the MedCom profiles, so that validating in a browser does not need
// a FHIRPath engine. The FHIRPath helpers and the individual ports stay internal.
export { findInvariant, normalizeExpression, PORTED_EXPRESSIONS } from './registry.js';
export type { PortedInvariant } from './registry.js';
export { bundleResolver } from './resolve.js';
export type { BundleResolverOptions } from './resolve.js';
export { htmlChecks } from './html-checks.js';
export type { FhirResource, Invariant, InvariantScope } from './scope.js';
