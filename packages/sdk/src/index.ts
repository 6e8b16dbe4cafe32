// SPDX-License-Identifier: MIT
// The SDK's main entry: browser-safe and free of side effects. Each group below is curated by the
// folder's own index.ts.
export * from './identifiers/index.js';
export * from './errors/index.js';
export * from './patient/index.js';
export * from './fhir/profiles/index.js';
export * from './fhir/validate/index.js';
export * from './fhir/xml/index.js';
export * from './fhir/build/index.js';
export * from './fhir/read/index.js';
