// SPDX-License-Identifier: MIT
// Puts a CareCommunication together: the parties, the authors, the new payloads, the Communication, the
// MessageHeader and this send's Provenance on top of the carried history.
import type {
  Bundle,
  CommunicationPayload,
  Encounter,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  ProvenanceEntity,
  Resource,
} from '@medplum/fhirtypes';
import { SOR_SYSTEM } from '../../identifiers/systems.js';
import { CC } from './care-communication-codes.js';
import type { CheckedMessageParts, CheckedPerson } from './care-communication-input.js';
import type { Carried } from './care-communication-previous.js';
import {
  attachmentPayload,
  communication,
  encounter as encounterResource,
  payloadIdentifier,
  practitioner,
  practitionerRole,
  recipientResource,
  textPayload,
} from './care-communication-resources.js';
import type { CheckedOrganization, CheckedPatient } from './inputs.js';
import { instant, type BuildContext } from './options.js';
import { endpointOf, messageBundle, messageHeader, organization, patient, provenance } from './resources.js';

type WithId<T> = T & { id: string };

/** Everything a send needs once the input is checked and merged with the previous message. */
export type Assembly = Parts &
  (
    | { readonly patient: CheckedPatient; readonly carried?: undefined }
    | { readonly patient?: undefined; readonly carried: Carried }
  );

interface Parts {
  readonly sender: CheckedOrganization;
  readonly receiver: CheckedOrganization;
  readonly category: string;
  readonly topic: string | undefined;
  readonly priority: 'asap' | undefined;
  readonly parts: CheckedMessageParts;
  readonly threadId: string;
  readonly activity: 'new-message' | 'reply-message' | 'forward-message';
  readonly predecessor?: ProvenanceEntity | undefined;
}

/**
 * The Organization for a party: a carried one with the same SOR id keeps its id (so the copied history still
 * points to it) and is rewritten from the input; otherwise a new one.
 */
function party(ctx: BuildContext, input: CheckedOrganization, carried: readonly WithId<Resource>[]) {
  const same = carried.find(
    (r): r is WithId<Organization> =>
      r.resourceType === 'Organization' &&
      (r.identifier ?? []).some((i) => i.system === SOR_SYSTEM && i.value === input.sor),
  );
  if (same === undefined) return organization(ctx, input);
  const name = input.name ?? same.name;
  return organization({ now: ctx.now, newId: () => same.id }, { ...input, ...(name === undefined ? {} : { name }) });
}

const personKey = (organization: string, p: CheckedPerson) =>
  JSON.stringify([organization, p.family, p.given ?? [], p.role ?? null, p.roleText ?? null]);

/** The person and role a carried PractitionerRole names, in input form, when it names its organisation. */
function carriedPerson(role: PractitionerRole, carried: readonly WithId<Resource>[]) {
  const organization = role.organization?.reference;
  const who = carried.find((r) => `Practitioner/${r.id}` === role.practitioner?.reference);
  const name = who?.resourceType === 'Practitioner' ? who.name?.[0] : undefined;
  if (organization === undefined || name?.family === undefined) return undefined;
  const coding = role.code?.[0]?.coding?.[0];
  const text = role.code?.[0]?.text;
  const person: CheckedPerson = {
    family: name.family,
    ...(name.given === undefined ? {} : { given: name.given }),
    ...(coding?.system === CC.roleSystem && coding.code !== undefined
      ? { role: coding.code as NonNullable<CheckedPerson['role']> }
      : {}),
    ...(text === undefined ? {} : { roleText: text }),
  };
  return personKey(organization, person);
}

/**
 * PractitionerRoles by person and organisation: one per distinct person, reusing a carried one that names the
 * same person, role and organisation (as MedCom's examples do across a thread).
 */
function roles(ctx: BuildContext, carried: readonly WithId<Resource>[]) {
  const known = new Map<string, WithId<PractitionerRole>>();
  for (const resource of carried) {
    if (resource.resourceType !== 'PractitionerRole') continue;
    const key = carriedPerson(resource, carried);
    if (key !== undefined && !known.has(key)) known.set(key, resource);
  }
  const added: Resource[] = [];
  return {
    added,
    roleFor(person: CheckedPerson, organization: WithId<Organization>): WithId<PractitionerRole> {
      const key = personKey(`Organization/${organization.id}`, person);
      const existing = known.get(key);
      if (existing !== undefined) return existing;
      const who: WithId<Practitioner> = practitioner(ctx, person);
      const role = practitionerRole(ctx, person, who, organization);
      known.set(key, role);
      added.push(role, who);
      return role;
    },
  };
}

/** Builds the message Bundle for an {@link Assembly}. */
export function assemble(ctx: BuildContext, a: Assembly): Bundle {
  const time = instant(ctx.now());
  const carried = [...(a.carried?.resources.values() ?? [])];
  // The previous parties come last: a carried copy (which the history points to) wins.
  const known = [...carried, ...(a.carried?.parties ?? [])];
  const sender = party(ctx, a.sender, known);
  const receiver = party(ctx, a.receiver, known);
  const subject: WithId<Patient> = a.carried === undefined ? patient(ctx, a.patient) : a.carried.patient;
  const encounter: WithId<Encounter> | undefined =
    a.parts.encounter === undefined
      ? a.carried?.encounter
      : encounterResource(ctx, a.parts.encounter, subject, endpointOf(a.sender));
  const people = roles(ctx, carried);
  const recipient =
    a.parts.recipient === undefined ? undefined : recipientResource(ctx, a.parts.recipient, receiver, people.roleFor);

  const sign = (author: CheckedPerson | undefined, phone: string | undefined) => ({
    identifier: `urn:uuid:${ctx.newId().toLowerCase()}`,
    date: time,
    assigner: sender,
    author: author === undefined ? undefined : people.roleFor(author, sender),
    phone,
  });
  const added: CommunicationPayload[] = [
    ...a.parts.texts.map((t) => textPayload(t, sign(t.author, t.phone))),
    ...(a.parts.attachments ?? []).map((f) => attachmentPayload(f, sign(f.author, f.phone))),
  ];

  // One entry per resource; the rewritten parties replace their carried versions.
  const resources = new Map<string, Resource>();
  const put = (resource: Resource | undefined) => {
    if (resource !== undefined) resources.set(`${resource.resourceType}/${resource.id ?? ''}`, resource);
  };
  put(subject);
  put(encounter);
  if (recipient?.resourceType === 'CareTeam') put(recipient);
  people.added.forEach(put);
  for (const resource of carried) {
    if (!['Patient', 'Encounter', 'Organization'].includes(resource.resourceType)) put(resource);
  }
  put(sender);
  put(receiver);
  for (const resource of carried) {
    if (resource.resourceType === 'Organization' && !resources.has(`Organization/${resource.id}`)) put(resource);
  }

  const lookup = (reference: { reference?: string } | undefined) =>
    reference?.reference === undefined ? undefined : resources.get(reference.reference);
  const focus = communication(
    ctx,
    {
      threadId: a.threadId,
      category: a.category,
      topic: a.topic,
      priority: a.priority,
      subject,
      encounter,
      recipient,
      payload: [...(a.carried?.payloads ?? []), ...added],
    },
    lookup,
  );
  const header = messageHeader(ctx, {
    profile: CC.headerProfile,
    eventCode: CC.eventCode,
    sender,
    senderEndpoint: endpointOf(a.sender),
    destinations: [{ use: 'primary', organization: receiver, endpoint: endpointOf(a.receiver) }],
    focus: [focus],
    definition: CC.definition,
  });
  const own = provenance(ctx, {
    profile: CC.provenanceProfile,
    target: header,
    activity: a.activity,
    agent: sender,
    time,
    entity: [
      ...(a.predecessor === undefined ? [] : [a.predecessor]),
      ...added.flatMap((p) => {
        const value = payloadIdentifier(p);
        return value === undefined ? [] : [{ role: 'source' as const, what: { identifier: { value } } }];
      }),
    ],
  });
  return messageBundle(ctx, {
    ig: 'carecommunication',
    profile: CC.messageProfile,
    header,
    resources: [
      subject,
      focus,
      ...[...resources.values()].filter((r) => r !== subject),
      ...(a.carried?.provenances ?? []),
      own,
    ],
    timestamp: time,
  });
}
