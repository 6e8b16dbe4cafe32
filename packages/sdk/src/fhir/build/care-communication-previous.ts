// SPDX-License-Identifier: MIT
// Reading the CareCommunication a reply or forward continues: its parties, thread, payloads and Provenance
// history, and the resources those point to, which the new message must carry along.
import type {
  Bundle,
  Communication,
  CommunicationPayload,
  Encounter,
  MessageHeader,
  Patient,
  Provenance,
  Resource,
} from '@medplum/fhirtypes';
import { GLN_SYSTEM_ALTERNATES, SOR_SYSTEM } from '../../identifiers/systems.js';
import { CC } from './care-communication-codes.js';
import { payloadIdentifier } from './care-communication-resources.js';
import { refuse } from './check.js';
import { SYSTEMS } from './urls.js';

type WithId<T> = T & { id: string };

/** An organisation as the previous message names it, not yet checked. */
export interface PartyFacts {
  readonly name?: string;
  readonly sor?: string;
  readonly gln?: string;
  readonly endpoint?: string;
}

/** The facts of a previous CareCommunication that a reply or forward needs. */
export interface PreviousMessage {
  readonly header: WithId<MessageHeader>;
  readonly communication: Communication;
  readonly patient: WithId<Patient>;
  readonly provenances: readonly Provenance[];
  readonly encounter?: WithId<Encounter> | undefined;
  readonly threadId: string;
  readonly category?: string | undefined;
  readonly topic?: string | undefined;
  /** The sender, with the endpoint acknowledgements and replies go to. */
  readonly sender: PartyFacts;
  /** The primary receiver and its endpoint. */
  readonly receiver: PartyFacts;
  /** Finds the resource a reference in the previous Bundle points to. */
  readonly resolve: (reference: string | undefined) => Resource | undefined;
}

// Resources the new message carries when the copied history or payloads point to them. MessageHeaders and the
// old Communication stay behind: the new message has its own, and old Provenances name them by id only.
const CARRIED_TYPES: ReadonlySet<string> = new Set([
  'Organization',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'CareTeam',
  'Encounter',
]);

const FIELD = 'previous';

function notCareCommunication(): never {
  return refuse(FIELD, 'not-care-communication', 'Not a CareCommunication message Bundle');
}

function incomplete(what: string): never {
  return refuse(FIELD, 'incomplete-care-communication', `The previous message has no ${what}`);
}

/** A Bundle index: `Type/id` and fullUrl to resource. */
function indexOf(bundle: Bundle): (reference: string | undefined) => Resource | undefined {
  const byKey = new Map<string, Resource>();
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (resource === undefined) continue;
    if (typeof resource.id === 'string') byKey.set(`${resource.resourceType}/${resource.id}`, resource);
    if (typeof entry.fullUrl === 'string') byKey.set(entry.fullUrl, resource);
  }
  return (reference) => {
    if (reference === undefined) return undefined;
    const direct = byKey.get(reference);
    if (direct !== undefined) return direct;
    // An absolute URL ending in Type/id (RESTful style).
    const tail = /([A-Za-z]+\/[^/]+)$/.exec(reference)?.[1];
    return tail === undefined ? undefined : byKey.get(tail);
  };
}

function partyOf(organization: Resource | undefined, endpoint: string | undefined): PartyFacts {
  if (organization?.resourceType !== 'Organization') return {};
  const identifiers = organization.identifier ?? [];
  const sor = identifiers.find((i) => i.system === SOR_SYSTEM)?.value;
  const gln = identifiers.find((i) => GLN_SYSTEM_ALTERNATES.includes(i.system ?? ''))?.value;
  return {
    ...(organization.name === undefined ? {} : { name: organization.name }),
    ...(sor === undefined ? {} : { sor }),
    ...(gln === undefined ? {} : { gln }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

function targets(provenance: Provenance, header: MessageHeader, resolve: PreviousMessage['resolve']): boolean {
  return (provenance.target ?? []).some((t) => resolve(t.reference) === header);
}

/**
 * Checks that `bundle` is a CareCommunication message and reads what a reply or forward needs; refuses with
 * field `previous` otherwise.
 */
export function readPrevious(bundle: unknown): PreviousMessage {
  if (typeof bundle !== 'object' || bundle === null) return notCareCommunication();
  const message = bundle as Bundle;
  const first = message.entry?.[0]?.resource;
  if (
    message.resourceType !== 'Bundle' ||
    message.type !== 'message' ||
    first?.resourceType !== 'MessageHeader' ||
    first.eventCoding?.code !== CC.eventCode ||
    typeof first.id !== 'string'
  ) {
    return notCareCommunication();
  }
  const header = first as WithId<MessageHeader>;
  const resolve = indexOf(message);
  const communication = resolve(header.focus?.[0]?.reference);
  if (communication?.resourceType !== 'Communication') return incomplete('Communication');
  const patient = resolve(communication.subject?.reference);
  if (patient?.resourceType !== 'Patient' || typeof patient.id !== 'string') return incomplete('Patient');
  const threadId = communication.identifier?.[0]?.value;
  if (threadId === undefined) return incomplete('Communication.identifier');
  const provenances = (message.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === 'Provenance' ? [e.resource] : [],
  );
  if (!provenances.some((p) => targets(p, header, resolve))) return incomplete('Provenance of its own');
  const encounter = resolve(communication.encounter?.reference);
  const destinations = header.destination ?? [];
  const primary =
    destinations.find((d) =>
      d.extension?.some((e) => e.url === SYSTEMS.destinationUseExtension && e.valueCoding?.code === 'primary'),
    ) ?? destinations[0];
  return {
    header,
    communication,
    patient: patient as WithId<Patient>,
    provenances,
    encounter:
      encounter?.resourceType === 'Encounter' && typeof encounter.id === 'string'
        ? (encounter as WithId<Encounter>)
        : undefined,
    threadId,
    category: communication.category?.[0]?.coding?.[0]?.code,
    topic: communication.topic?.text,
    sender: partyOf(resolve(header.sender?.reference), header.source?.endpoint),
    receiver: partyOf(resolve(primary?.receiver?.reference), primary?.endpoint),
    resolve,
  };
}

/** A deep copy of JSON with every reference that resolves in the previous Bundle written as `Type/id`. */
function copyWithReferences<T>(value: T, previous: PreviousMessage, found: (resource: Resource) => void): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyWithReferences(v, previous, found)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') {
      const target = previous.resolve(v);
      if (target !== undefined && typeof target.id === 'string') {
        found(target);
        copy[key] = `${target.resourceType}/${target.id}`;
        continue;
      }
    }
    copy[key] = copyWithReferences(v, previous, found);
  }
  return copy as T;
}

/** What the new message carries from the previous one, copied (the inputs are never changed). */
export interface Carried {
  readonly provenances: Provenance[];
  readonly payloads: CommunicationPayload[];
  readonly patient: WithId<Patient>;
  readonly encounter?: WithId<Encounter> | undefined;
  /** Every other resource the copied parts point to (organisations, authors, ...), by `Type/id`. */
  readonly resources: ReadonlyMap<string, WithId<Resource>>;
  /** The previous sender and primary receiver, whose ids a party of the new message may keep. */
  readonly parties: readonly WithId<Resource>[];
}

/**
 * Copies the history stack, the payloads, the patient and (unless `keepEncounter` is false) the encounter,
 * with every resource they point to, directly or through another carried resource.
 */
export function carry(previous: PreviousMessage, keepEncounter: boolean): Carried {
  const resources = new Map<string, WithId<Resource>>();
  const pending: Resource[] = [];
  const found = (resource: Resource) => {
    const key = `${resource.resourceType}/${resource.id ?? ''}`;
    if (!CARRIED_TYPES.has(resource.resourceType) || resources.has(key)) return;
    resources.set(key, resource as WithId<Resource>);
    pending.push(resource);
  };
  const copy = <T>(value: T): T => copyWithReferences(value, previous, found);
  const provenances = previous.provenances.map(copy);
  const payloads = (previous.communication.payload ?? []).map(copy);
  found(previous.patient);
  if (keepEncounter && previous.encounter !== undefined) found(previous.encounter);
  // Copy each reached resource once, following its own references in turn.
  for (let resource = pending.shift(); resource !== undefined; resource = pending.shift()) {
    const key = `${resource.resourceType}/${resource.id ?? ''}`;
    resources.set(key, copy(resource) as WithId<Resource>);
  }
  const patient = resources.get(`Patient/${previous.patient.id}`) as WithId<Patient>;
  const encounter =
    keepEncounter && previous.encounter !== undefined
      ? (resources.get(`Encounter/${previous.encounter.id}`) as WithId<Encounter>)
      : undefined;
  const parties = [
    previous.header.sender?.reference,
    ...(previous.header.destination ?? []).map((d) => d.receiver?.reference),
  ]
    .map((reference) => previous.resolve(reference))
    .filter((r): r is WithId<Resource> => r?.resourceType === 'Organization' && typeof r.id === 'string')
    .map((r) => copyWithReferences(r, previous, () => undefined));
  return { provenances, payloads, patient, encounter, resources, parties };
}

/** A reply carries earlier attachments without their file data, keeping identifier, author and the rest. */
export function withoutAttachmentData(payload: CommunicationPayload): CommunicationPayload {
  if (payload.contentAttachment?.data === undefined) return payload;
  const attachment = { ...payload.contentAttachment };
  delete attachment.data;
  return { ...payload, contentAttachment: attachment };
}

/**
 * The data of an attachment payload by its identifier, from the first of `messages` carrying it in full.
 */
export function attachmentData(messages: readonly Bundle[], identifier: string): string | undefined {
  for (const message of messages) {
    for (const entry of message.entry ?? []) {
      const resource = entry.resource;
      if (resource?.resourceType !== 'Communication') continue;
      for (const payload of resource.payload ?? []) {
        const data = payload.contentAttachment?.data;
        if (data !== undefined && payloadIdentifier(payload) === identifier) return data;
      }
    }
  }
  return undefined;
}
