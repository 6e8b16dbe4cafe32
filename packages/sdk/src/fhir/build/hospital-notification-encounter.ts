// SPDX-License-Identifier: MIT
// The focus of a HospitalNotification: the Encounter of the hospital stay, and the unit in charge of it when that
// is not the sender. The profile allows little else (the message is sent without consent).
import type { Encounter, Identifier, Organization, Patient } from '@medplum/fhirtypes';
import { SOR_SYSTEM } from '../../identifiers/systems.js';
import { narrative } from './narrative.js';
import type { BuildContext } from './options.js';
import { referenceTo } from './resources.js';
import { profileUrl, SYSTEMS } from './urls.js';
import type {
  HospitalNotificationClass,
  HospitalNotificationEncounterStatus,
} from './hospital-notification-activities.js';

/**
 * The URL of the leave-period extension on the Encounter (MedCom spells the id "notifiation").
 *
 * @example
 * ```ts
 * const leave = encounter.extension?.find((x) => x.url === LEAVE_PERIOD_EXTENSION)?.valuePeriod;
 * ```
 * @category Builders
 */
export const LEAVE_PERIOD_EXTENSION = profileUrl(
  'hospitalnotification',
  'medcom-hospitalnotifiation-leave-period-extension',
);

/**
 * The system of LPR3 episode-of-care ids, as fixed by MedCom core's `lpr3-Identifier` profile and written in the
 * official examples ("Landspatientregisteret", without the genitive s).
 *
 * @example
 * ```ts
 * const lpr3 = { system: LPR3_SYSTEM, value: 'urn:uuid:fc60e762-b13b-5773-865e-67f3907bdcc7' };
 * ```
 * @category Builders
 */
export const LPR3_SYSTEM = 'https://www.esundhed.dk/Registre/Landspatientregisteret';

const STATUS_DA: Readonly<Record<HospitalNotificationEncounterStatus, string>> = {
  'in-progress': 'igangværende',
  onleave: 'på orlov',
  finished: 'afsluttet',
  'entered-in-error': 'fejlregistreret',
};
const CLASS_DA: Readonly<Record<HospitalNotificationClass, string>> = { IMP: 'indlagt', EMER: 'akut ambulant' };

/** A `medcom-core-organization` with a SOR id: the unit in charge of the stay when it is not the sender. */
export function serviceProviderOrganization(
  ctx: BuildContext,
  input: { readonly name?: string | undefined; readonly sor: string },
): Organization & { id: string } {
  const id = ctx.newId();
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [profileUrl('core', 'medcom-core-organization')] },
    text: narrative('Organisation', [
      ['Id', id],
      ['Navn', input.name],
      ['SOR', input.sor],
    ]),
    identifier: [{ system: SOR_SYSTEM, value: input.sor }],
    ...(input.name === undefined ? {} : { name: input.name }),
  };
}

/** What the Encounter of a HospitalNotification says. */
export interface EncounterParts {
  readonly id: string;
  readonly status: HospitalNotificationEncounterStatus;
  readonly class: HospitalNotificationClass;
  readonly start: string;
  readonly end?: string | undefined;
  readonly leave?: { readonly start?: string | undefined; readonly end?: string | undefined } | undefined;
  readonly episodeOfCare: readonly Identifier[];
  readonly patient: Patient & { id: string };
  readonly serviceProvider: Organization & { id: string };
}

/** A `medcom-hospitalNotification-encounter` with its narrative. */
export function hospitalNotificationEncounter(parts: EncounterParts): Encounter & { id: string } {
  const { leave } = parts;
  const leavePeriod =
    leave?.start === undefined
      ? undefined
      : { start: leave.start, ...(leave.end === undefined ? {} : { end: leave.end }) };
  const patientName = parts.patient.name?.[0];
  const subject = referenceTo(parts.patient).reference ?? '';
  const provider = referenceTo(parts.serviceProvider).reference ?? '';
  return {
    resourceType: 'Encounter',
    id: parts.id,
    meta: { profile: [profileUrl('hospitalnotification', 'medcom-hospitalNotification-encounter')] },
    text: narrative('Sygehusophold', [
      ['Id', parts.id],
      ['Status', `${STATUS_DA[parts.status]} (${parts.status})`],
      ['Klasse', `${CLASS_DA[parts.class]} (${parts.class})`],
      ['Start', parts.start],
      ['Slut', parts.end],
      ['Orlov start', leavePeriod?.start],
      ['Orlov slut', leavePeriod?.end],
      ['Forløbs-id', parts.episodeOfCare.map((i) => `${i.value ?? ''} (${i.system ?? ''})`)],
      ['Patient', `${[...(patientName?.given ?? []), patientName?.family].join(' ').trim()} (${subject})`.trim()],
      ['Ansvarlig enhed', `${parts.serviceProvider.name ?? ''} (${provider})`.trim()],
    ]),
    ...(leavePeriod === undefined ? {} : { extension: [{ url: LEAVE_PERIOD_EXTENSION, valuePeriod: leavePeriod }] }),
    status: parts.status,
    class: { system: SYSTEMS.actCode, code: parts.class },
    subject: referenceTo(parts.patient),
    episodeOfCare: parts.episodeOfCare.map((identifier) => ({ identifier })),
    period: { start: parts.start, ...(parts.end === undefined ? {} : { end: parts.end }) },
    serviceProvider: referenceTo(parts.serviceProvider),
  };
}
