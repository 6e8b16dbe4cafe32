// SPDX-License-Identifier: MIT

/** Any FHIR resource as parsed JSON. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}
