// SPDX-License-Identifier: MIT
// The resources every MedCom message carries: organisations, the patient, the MessageHeader and Provenance, and
// the Bundle around them. Standard builders add their focus resources and choose the profiles.
import type {
  Bundle,
  Coding,
  MessageHeader,
  MessageHeaderDestination,
  Organization,
  Patient,
  Provenance,
  ProvenanceEntity,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { CPR_SYSTEM, D_ECPR_SYSTEM, GLN_SYSTEM, SOR_SYSTEM, X_ECPR_SYSTEM } from '../../identifiers/systems.js';
import { parseEcpr } from '../../identifiers/ecpr.js';
import { narrative } from './narrative.js';
import type { BuildContext } from './options.js';
import type { CheckedOrganization, CheckedPatient } from './inputs.js';
import { fullUrl, profileUrl, sorEndpoint, SYSTEMS, type MedComIg } from './urls.js';

/** A `Type/id` reference to a resource in the same Bundle. */
export function referenceTo<T extends Resource>(resource: T): Reference<T> {
  return { reference: `${resource.resourceType}/${resource.id ?? ''}` };
}

/** The SOR endpoint of an organisation input: the one given, or the SOR URL of its SOR id. */
export function endpointOf(input: CheckedOrganization): string {
  return input.endpoint ?? sorEndpoint(input.sor);
}

/** A `medcom-messaging-organization` (or a profile derived from it) with its GLN and SOR identifiers. */
export function organization(
  ctx: BuildContext,
  input: CheckedOrganization,
  options: { profile?: string; extraIdentifiers?: Organization['identifier'] } = {},
): Organization & { id: string } {
  const id = ctx.newId();
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [options.profile ?? profileUrl('messaging', 'medcom-messaging-organization')] },
    text: narrative('Organisation', [
      ['Id', id],
      ['Navn', input.name],
      ['SOR', input.sor],
      ['EAN/GLN', input.gln],
    ]),
    identifier: [
      { system: GLN_SYSTEM, value: input.gln },
      { system: SOR_SYSTEM, value: input.sor },
      ...(options.extraIdentifiers ?? []),
    ],
    ...(input.name === undefined ? {} : { name: input.name }),
  };
}

/** A `medcom-core-patient` with an official name and a CPR (`use: official`) or eCPR (`use: temp`) identifier. */
export function patient(ctx: BuildContext, input: CheckedPatient): Patient & { id: string } {
  const id = ctx.newId();
  const ecpr = input.ecpr === undefined ? undefined : parseEcpr(input.ecpr);
  const identifier =
    input.cpr !== undefined
      ? { use: 'official' as const, system: CPR_SYSTEM, value: input.cpr }
      : {
          use: 'temp' as const,
          system: ecpr?.valid === true && ecpr.variant === 'x-ecpr' ? X_ECPR_SYSTEM : D_ECPR_SYSTEM,
          value: input.ecpr ?? '',
        };
  const given = input.given ?? [];
  return {
    resourceType: 'Patient',
    id,
    meta: { profile: [profileUrl('core', 'medcom-core-patient')] },
    text: narrative('Patient', [
      ['Id', id],
      [input.cpr !== undefined ? 'CPR-nummer' : 'Erstatnings-CPR-nummer', `${identifier.value} (${identifier.system})`],
      ['Efternavn', input.family],
      ['Fornavne', given],
      ['Navnetype', 'official'],
      ['Død', input.deceased === true ? 'Ja' : undefined],
    ]),
    identifier: [identifier],
    name: [{ use: 'official', family: input.family, ...(given.length > 0 ? { given } : {}) }],
    ...(input.deceased === undefined ? {} : { deceasedBoolean: input.deceased }),
  };
}

/** One receiver of a message: the organisation resource and whether it is the primary or a cc receiver. */
export interface Destination {
  readonly use: 'primary' | 'cc';
  readonly organization: Organization & { id: string };
  readonly endpoint: string;
}

/** The fields a standard's MessageHeader adds to the common ones. */
export interface HeaderParts {
  readonly profile: string;
  readonly eventCode: string;
  readonly sender: Organization & { id: string };
  readonly senderEndpoint: string;
  readonly destinations: readonly Destination[];
  readonly focus?: readonly Resource[];
  readonly extension?: MessageHeader['extension'];
  readonly definition?: string;
  readonly response?: MessageHeader['response'];
  /** Keep an existing MessageHeader.id (a resend); a new one otherwise. */
  readonly id?: string;
}

/** A MessageHeader with sliced destinations (the destination-use extension on each) and a narrative. */
export function messageHeader(ctx: BuildContext, parts: HeaderParts): MessageHeader & { id: string } {
  const id = parts.id ?? ctx.newId();
  const eventCoding: Coding = { system: SYSTEMS.eventCodes, code: parts.eventCode };
  const destination: MessageHeaderDestination[] = parts.destinations.map((d) => ({
    extension: [
      {
        url: SYSTEMS.destinationUseExtension,
        valueCoding: { system: SYSTEMS.destinationUse, code: d.use },
      },
    ],
    endpoint: d.endpoint,
    receiver: referenceTo(d.organization),
  }));
  const focus = (parts.focus ?? []).map(referenceTo);
  return {
    resourceType: 'MessageHeader',
    id,
    meta: { profile: [parts.profile] },
    text: narrative('Meddelelseshoved', [
      ['Id', id],
      ['Hændelse', parts.eventCode],
      ...parts.destinations.flatMap((d) => [
        [d.use === 'primary' ? 'Modtager' : 'Kopimodtager', `${d.organization.name ?? ''} (${d.use})`.trim()] as const,
        ['Modtagers endpoint', d.endpoint] as const,
        ['Modtagerreference', referenceTo(d.organization).reference] as const,
      ]),
      ['Afsender', `${parts.sender.name ?? ''} (${referenceTo(parts.sender).reference ?? ''})`.trim()],
      ['Afsenders endpoint', parts.senderEndpoint],
      ['Fokus', focus.map((f) => f.reference)],
      ['Definition', parts.definition],
      ['Svar på', parts.response?.identifier],
      ['Svarkode', parts.response?.code],
    ]),
    ...(parts.extension === undefined ? {} : { extension: parts.extension }),
    eventCoding,
    destination,
    sender: referenceTo(parts.sender),
    source: { endpoint: parts.senderEndpoint },
    ...(focus.length > 0 ? { focus } : {}),
    ...(parts.definition === undefined ? {} : { definition: parts.definition }),
    ...(parts.response === undefined ? {} : { response: parts.response }),
  };
}

/** What a Provenance says about one exchange. */
export interface ProvenanceParts {
  readonly profile?: string;
  readonly target: MessageHeader & { id: string };
  readonly activity: string;
  readonly agent: Organization & { id: string };
  readonly time: string;
  readonly entity?: readonly ProvenanceEntity[];
}

/** The Provenance of this message's exchange (the `target` is this message's MessageHeader). */
export function provenance(ctx: BuildContext, parts: ProvenanceParts): Provenance & { id: string } {
  const id = ctx.newId();
  const entity = parts.entity ?? [];
  return {
    resourceType: 'Provenance',
    id,
    meta: { profile: [parts.profile ?? profileUrl('messaging', 'medcom-messaging-provenance')] },
    text: narrative('Proveniens', [
      ['Id', id],
      ['Mål', referenceTo(parts.target).reference],
      ['Tidspunkt', parts.time],
      ['Aktivitet', parts.activity],
      ['Aktør', `${parts.agent.name ?? ''} (${referenceTo(parts.agent).reference ?? ''})`.trim()],
      ...entity.map((e) => ['Entitet', `${e.role}: ${e.what.reference ?? e.what.identifier?.value ?? ''}`] as const),
    ]),
    target: [referenceTo(parts.target)],
    occurredDateTime: parts.time,
    recorded: parts.time,
    activity: { coding: [{ system: SYSTEMS.activityCodes, code: parts.activity }] },
    agent: [{ who: referenceTo(parts.agent) }],
    ...(entity.length > 0 ? { entity: [...entity] } : {}),
  };
}

/** A Bundle of type `message`: the MessageHeader first, then the other resources, each with its fullUrl. */
export function messageBundle(
  ctx: BuildContext,
  parts: {
    readonly ig: MedComIg;
    readonly profile: string;
    readonly header: MessageHeader & { id: string };
    readonly resources: readonly (Resource & { id?: string })[];
    readonly timestamp: string;
  },
): Bundle {
  const entry = [parts.header, ...parts.resources].map((resource) => ({
    fullUrl: fullUrl(parts.ig, resource.resourceType, resource.id ?? ''),
    resource,
  }));
  return {
    resourceType: 'Bundle',
    id: ctx.newId(),
    meta: { profile: [parts.profile] },
    type: 'message',
    timestamp: parts.timestamp,
    entry,
  };
}
