// SPDX-License-Identifier: MIT
// The resources a CareCommunication adds to the common core: authors (PractitionerRole + Practitioner), the
// specific recipient, the Encounter, the payloads and the Communication with its narrative.
import type {
  Attachment,
  CareTeam,
  Communication,
  CommunicationPayload,
  Encounter,
  Extension,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { careCommunicationDisplays } from '../profiles/generated/carecommunication.displays.js';
import { CC } from './care-communication-codes.js';
import type {
  CheckedAttachment,
  CheckedEncounter,
  CheckedPerson,
  CheckedRecipient,
  CheckedText,
} from './care-communication-input.js';
import { narrative, type NarrativeRow } from './narrative.js';
import type { BuildContext } from './options.js';
import { referenceTo } from './resources.js';
import { SYSTEMS } from './urls.js';

type WithId<T> = T & { id: string };

/** Given names then family name, as a person is addressed. */
export function personName(given: readonly string[] | undefined, family: string | undefined): string {
  return [...(given ?? []), family ?? ''].join(' ').trim();
}

/** A `medcom-core-practitioner` with the name as MedCom's examples write it: family and given names. */
export function practitioner(ctx: BuildContext, person: CheckedPerson): WithId<Practitioner> {
  const id = ctx.newId();
  const given = person.given ?? [];
  return {
    resourceType: 'Practitioner',
    id,
    meta: { profile: [CC.practitionerProfile] },
    text: narrative('Sundhedsperson', [
      ['Id', id],
      ['Navn', personName(given, person.family)],
    ]),
    name: [{ family: person.family, ...(given.length > 0 ? { given } : {}) }],
  };
}

/** A `medcom-core-practitionerrole` for a practitioner in an organisation, with a role code or text. */
export function practitionerRole(
  ctx: BuildContext,
  person: CheckedPerson,
  who: WithId<Practitioner>,
  organization: WithId<Organization>,
): WithId<PractitionerRole> {
  const id = ctx.newId();
  const code =
    person.role !== undefined
      ? [{ coding: [{ system: CC.roleSystem, code: person.role }] }]
      : person.roleText !== undefined
        ? [{ text: person.roleText }]
        : undefined;
  return {
    resourceType: 'PractitionerRole',
    id,
    meta: { profile: [CC.practitionerRoleProfile] },
    text: narrative('Sundhedspersons rolle', [
      ['Id', id],
      ['Sundhedsperson', `${personName(person.given, person.family)} (${referenceTo(who).reference ?? ''})`],
      ['Organisation', `${organization.name ?? ''} (${referenceTo(organization).reference ?? ''})`.trim()],
      ['Rolle', person.role],
      ['Rolle (tekst)', person.roleText],
    ]),
    practitioner: referenceTo(who),
    organization: referenceTo(organization),
    ...(code === undefined ? {} : { code }),
  };
}

/**
 * The specific recipient: a new CareTeam of the receiving organisation, or the PractitionerRole `roleFor` gives
 * for the practitioner there.
 */
export function recipientResource(
  ctx: BuildContext,
  input: CheckedRecipient,
  receiver: WithId<Organization>,
  roleFor: (person: CheckedPerson, organization: WithId<Organization>) => WithId<PractitionerRole>,
): WithId<CareTeam | PractitionerRole> {
  if (input.practitioner !== undefined) return roleFor(input.practitioner, receiver);
  const id = ctx.newId();
  return {
    resourceType: 'CareTeam',
    id,
    meta: { profile: [CC.careTeamProfile] },
    text: narrative('Team', [
      ['Id', id],
      ['Navn', input.careTeam],
      ['Ansvarlig organisation', `${receiver.name ?? ''} (${referenceTo(receiver).reference ?? ''})`.trim()],
    ]),
    name: input.careTeam ?? '',
    managingOrganization: [referenceTo(receiver)],
  };
}

/** A `medcom-core-encounter` naming the episode of care by the sender's local identifier. */
export function encounter(
  ctx: BuildContext,
  input: CheckedEncounter,
  subject: WithId<Patient>,
  issuer: string,
): WithId<Encounter> {
  const id = ctx.newId();
  return {
    resourceType: 'Encounter',
    id,
    meta: { profile: [CC.encounterProfile] },
    text: narrative('Kontakt', [
      ['Id', id],
      ['Status', input.status],
      ['Klasse', `${input.class} (${SYSTEMS.actCode})`],
      ['Patient', referenceTo(subject).reference],
      ['Forløbs-id', `${input.episodeOfCareId} (${issuer})`],
    ]),
    status: input.status,
    class: { system: SYSTEMS.actCode, code: input.class },
    subject: referenceTo(subject),
    episodeOfCare: [{ identifier: { system: issuer, value: input.episodeOfCareId } }],
  };
}

/** What a new payload is signed with: its identifier, date, author and the author's telephone. */
interface Signature {
  readonly identifier: string;
  readonly date: string;
  readonly assigner: WithId<Organization>;
  readonly author?: WithId<PractitionerRole> | undefined;
  readonly phone?: string | undefined;
}

function signature(s: Signature): Extension[] {
  return [
    { url: CC.dateExtension, valueDateTime: s.date },
    { url: CC.identifierExtension, valueIdentifier: { value: s.identifier, assigner: referenceTo(s.assigner) } },
    ...(s.author === undefined ? [] : [{ url: CC.authorExtension, valueReference: referenceTo(s.author) }]),
    ...(s.phone === undefined
      ? []
      : [{ url: CC.contactExtension, valueContactPoint: { system: 'phone' as const, value: s.phone } }]),
  ];
}

/** A payload of the `string` slice. */
export function textPayload(input: CheckedText, s: Signature): CommunicationPayload {
  return { extension: signature(s), contentString: input.text };
}

/** A payload of the `attachment` slice; the title exactly as given. */
export function attachmentPayload(input: CheckedAttachment, s: Signature): CommunicationPayload {
  const attachment: Attachment = {
    ...(input.contentType === undefined ? {} : { contentType: input.contentType }),
    ...(input.data === undefined ? {} : { data: input.data }),
    ...(input.url === undefined ? {} : { url: input.url }),
    title: input.title,
    ...(input.creation === undefined ? {} : { creation: input.creation }),
  };
  return { extension: signature(s), contentAttachment: attachment };
}

/** The value of a payload's extension with `url`. */
export function payloadExtension(payload: CommunicationPayload, url: string): Extension | undefined {
  return payload.extension?.find((e) => e.url === url);
}

/** The payload identifier (medcom-core-identifier-extension), if any. */
export function payloadIdentifier(payload: CommunicationPayload): string | undefined {
  return payloadExtension(payload, CC.identifierExtension)?.valueIdentifier?.value;
}

/** The parts of a Communication the builders choose. */
export interface CommunicationParts {
  readonly threadId: string;
  readonly category: string;
  readonly topic?: string | undefined;
  readonly priority?: 'asap' | undefined;
  readonly subject: WithId<Patient>;
  readonly encounter?: WithId<Encounter> | undefined;
  readonly recipient?: WithId<CareTeam | PractitionerRole> | undefined;
  readonly payload: readonly CommunicationPayload[];
}

/** Resolves a `Type/id` reference among the resources of the message being built. */
export type Lookup = (reference: Reference | undefined) => Resource | undefined;

function authorText(reference: Reference | undefined, lookup: Lookup): string | undefined {
  const role = lookup(reference);
  if (role?.resourceType !== 'PractitionerRole') return reference?.reference;
  const who = lookup(role.practitioner);
  const name = who?.resourceType === 'Practitioner' ? who.name?.[0] : undefined;
  const roleName = role.code?.[0]?.coding?.[0]?.code ?? role.code?.[0]?.text;
  const parts = [personName(name?.given, name?.family), roleName].filter((part) => part !== undefined && part !== '');
  return `${parts.join(', ')} (${reference?.reference ?? ''})`;
}

/** Rows for one payload: everything the profile marks SHALL:in-narrative, never the attachment data. */
function payloadRows(payload: CommunicationPayload, n: number, lookup: Lookup): NarrativeRow[] {
  const attachment = payload.contentAttachment;
  const label = attachment === undefined ? `Tekst ${n}` : `Bilag ${n}`;
  const date = payloadExtension(payload, CC.dateExtension)?.valueDateTime;
  const author = payloadExtension(payload, CC.authorExtension)?.valueReference;
  const contact = payloadExtension(payload, CC.contactExtension)?.valueContactPoint?.value;
  return [
    [label, attachment === undefined ? payload.contentString : attachment.title],
    ...(attachment === undefined
      ? []
      : ([
          [`${label}, type`, attachment.contentType],
          [`${label}, link`, attachment.url],
          [`${label}, oprettet`, attachment.creation],
          [`${label}, vedhæftet fil`, attachment.data === undefined ? undefined : 'Ja'],
        ] as NarrativeRow[])),
    [`${label}, dato`, date],
    [`${label}, forfatter`, author === undefined ? undefined : authorText(author, lookup)],
    [`${label}, telefon`, contact],
    [`${label}, id`, payloadIdentifier(payload)],
  ];
}

function categoryText(code: string): string {
  const danish =
    careCommunicationDisplays[
      'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-careCommunication-categoryCodes'
    ]?.[code]?.[0];
  return danish === undefined ? code : `${danish} (${code})`;
}

/**
 * The `medcom-careCommunication-communication`: status `unknown`, the thread identifier, category, topic and
 * priority, and the payloads. The narrative (status `extensions`, since it shows the payload extensions)
 * carries every element the profile marks SHALL:in-narrative.
 */
export function communication(ctx: BuildContext, parts: CommunicationParts, lookup: Lookup): WithId<Communication> {
  const id = ctx.newId();
  const recipient = parts.recipient;
  const recipientText =
    recipient === undefined
      ? undefined
      : recipient.resourceType === 'CareTeam'
        ? `${recipient.name ?? ''} (${referenceTo(recipient).reference ?? ''})`
        : authorText(referenceTo(recipient), lookup);
  const text = narrative('Korrespondancemeddelelse', [
    ['Id', id],
    ['Tråd-id', parts.threadId],
    ['Status', 'unknown'],
    ['Kategori', categoryText(parts.category)],
    ['Emne', parts.topic],
    ['Prioritet', parts.priority === 'asap' ? 'Haster (asap)' : undefined],
    ['Patient', referenceTo(parts.subject).reference],
    ['Kontakt', parts.encounter === undefined ? undefined : referenceTo(parts.encounter).reference],
    ['Modtager', recipientText],
    ...parts.payload.flatMap((payload, i) => payloadRows(payload, i + 1, lookup)),
  ]);
  return {
    resourceType: 'Communication',
    id,
    meta: { profile: [CC.communicationProfile] },
    text: { ...text, status: 'extensions' },
    identifier: [{ value: parts.threadId }],
    status: 'unknown',
    category: [{ coding: [{ system: SYSTEMS.careCommunicationCategory, code: parts.category }] }],
    ...(parts.priority === undefined ? {} : { priority: parts.priority }),
    subject: referenceTo(parts.subject),
    ...(parts.topic === undefined ? {} : { topic: { text: parts.topic } }),
    ...(parts.encounter === undefined ? {} : { encounter: referenceTo(parts.encounter) }),
    ...(recipient === undefined ? {} : { recipient: [referenceTo(recipient)] }),
    payload: [...parts.payload],
  };
}
