// SPDX-License-Identifier: MIT
// Canonical URLs and code systems the builders write (facts from the MedCom IGs and terminology).

/** The MedCom implementation guides, as they appear in canonical URLs. */
export type MedComIg =
  'messaging' | 'core' | 'hospitalnotification' | 'carecommunication' | 'acknowledgement' | 'homecareobservation';

/** A MedCom profile's canonical URL, without version, as the official examples write `meta.profile`. */
export function profileUrl(ig: MedComIg, id: string): string {
  return `http://medcomfhir.dk/ig/${ig}/StructureDefinition/${id}`;
}

const TERMINOLOGY = 'http://medcomfhir.dk/ig/terminology/CodeSystem';

/** Code systems and URLs used across the standards. */
export const SYSTEMS = {
  eventCodes: `${TERMINOLOGY}/medcom-messaging-eventCodes`,
  activityCodes: `${TERMINOLOGY}/medcom-messaging-activityCodes`,
  destinationUse: `${TERMINOLOGY}/medcom-messaging-destinationUse`,
  destinationUseExtension: profileUrl('messaging', 'medcom-messaging-destinationUseExtension'),
  careCommunicationCategory: `${TERMINOLOGY}/medcom-careCommunication-categoryCodes`,
  acknowledgementErrorCodes: `${TERMINOLOGY}/medcom-acknowledgement-error-codes`,
  requestPriority: 'http://hl7.org/fhir/request-priority',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

/** The SOR endpoint URL MedCom messages use for an organisation's SOR id. */
export function sorEndpoint(sor: string): string {
  return `https://sor2.sum.dsdn.dk/#id=${sor}`;
}

/** The Bundle entry `fullUrl`, in the form of the official examples. */
export function fullUrl(ig: MedComIg, resourceType: string, id: string): string {
  return `https://medcomfhir.dk/ig/${ig}/${resourceType}/${id}`;
}
