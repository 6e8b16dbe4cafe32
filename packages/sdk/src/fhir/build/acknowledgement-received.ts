// SPDX-License-Identifier: MIT
// Reads what an acknowledgement needs from a received message: its MessageHeader id, the sender, this party's
// destination and the current Provenance, which the acknowledgement copies. A fatal-error acknowledgement answers
// messages that fail validation, so nothing else is required; what is missing is named by its path in the received
// Bundle.
import type { Provenance } from '@medplum/fhirtypes';
import { parseGln } from '../../identifiers/gln.js';
import { parseSor } from '../../identifiers/sor.js';
import { GLN_SYSTEM_ALTERNATES, SOR_SYSTEM } from '../../identifiers/systems.js';
import { refuse } from './check.js';
import type { CheckedOrganization } from './inputs.js';
import { profileUrl, sorEndpoint, SYSTEMS } from './urls.js';

type Json = Record<string, unknown>;

/** The FHIR R4 `id` type. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** One party of the received message. */
export interface ReceivedParty {
  /** The Organization's id when it is a valid FHIR id, to keep references to it working. */
  readonly id: string | undefined;
  /** How the received message refers to the Organization: `Organization/<id>` and its fullUrl. */
  readonly references: readonly string[];
  readonly organization: CheckedOrganization;
  /** Where the party receives messages: the endpoint in the received MessageHeader, or its SOR endpoint. */
  readonly endpoint: string;
}

/** What an acknowledgement takes from the message it acknowledges. */
export interface ReceivedMessage {
  readonly headerId: string;
  readonly sender: ReceivedParty;
  /** This party: the destination named by `as`, or the primary one. */
  readonly receiver: ReceivedParty;
  /** The Provenance whose target is the received MessageHeader, as received. */
  readonly provenance: Json | undefined;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const referenceOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value['reference'] === 'string' ? value['reference'] : undefined;
const usableEndpoint = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\S+$/.test(value) ? value : undefined;

interface Entry {
  readonly fullUrl: string | undefined;
  readonly resource: Json | undefined;
}

function entriesOf(bundle: Json): Entry[] {
  return array(bundle['entry']).map((entry) => ({
    fullUrl: isObject(entry) && typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : undefined,
    resource: isObject(entry) && isObject(entry['resource']) ? entry['resource'] : undefined,
  }));
}

/** How other resources may refer to an entry's resource. */
function referencesTo(entry: Entry): string[] {
  const { resource } = entry;
  const relative =
    resource && typeof resource['resourceType'] === 'string' && typeof resource['id'] === 'string'
      ? [`${resource['resourceType']}/${resource['id']}`]
      : [];
  return [...relative, ...(entry.fullUrl === undefined ? [] : [entry.fullUrl])];
}

/** The index of the entry a reference points to, the way a receiver resolves it inside a message. */
function resolve(entries: readonly Entry[], reference: string): number {
  const relative = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(reference)?.[1];
  const byUrl = entries.findIndex((entry) => entry.fullUrl === reference);
  if (byUrl >= 0) return byUrl;
  return entries.findIndex((entry) => referencesTo(entry)[0] === relative);
}

/** Whether a message is itself an acknowledgement: its event, its `response`, or its Bundle profile says so. */
export function isAcknowledgement(bundle: Json, header: Json): boolean {
  const event = isObject(header['eventCoding']) ? header['eventCoding']['code'] : undefined;
  const profiles = isObject(bundle['meta']) ? array(bundle['meta']['profile']) : [];
  return (
    event === 'acknowledgement-message' ||
    header['response'] !== undefined ||
    profiles.includes(profileUrl('acknowledgement', 'medcom-messaging-acknowledgement'))
  );
}

function identifierValue(organization: Json, systems: readonly string[]): string[] {
  return array(organization['identifier']).flatMap((identifier) =>
    isObject(identifier) && systems.includes(String(identifier['system'])) && typeof identifier['value'] === 'string'
      ? [identifier['value']]
      : [],
  );
}

/** The SOR id, GLN and name of a received Organization, or an error naming what is missing or wrong. */
function partyAt(entries: readonly Entry[], index: number, endpoint: unknown): ReceivedParty {
  const entry = entries[index] ?? { fullUrl: undefined, resource: undefined };
  const organization = entry.resource ?? {};
  const field = `received.entry[${index}].resource.identifier`;
  const sors = identifierValue(organization, [SOR_SYSTEM]);
  if (sors.length === 0) refuse(field, 'required', 'The organisation has no SOR identifier');
  const sor = sors.map(parseSor).find((parsed) => parsed.valid)?.value;
  if (sor === undefined) refuse(field, 'sor', 'The organisation has no valid SOR id (digits, at least 11)');
  const glns = identifierValue(organization, GLN_SYSTEM_ALTERNATES);
  if (glns.length === 0) refuse(field, 'required', 'The organisation has no EAN/GLN identifier');
  const gln = glns.map(parseGln).find((parsed) => parsed.valid)?.value;
  if (gln === undefined) {
    refuse(field, 'gln', 'The organisation has no valid GLN (13 digits with a valid check digit)');
  }
  // A FHIR string allows no whitespace but space, tab, CR and LF.
  const name =
    typeof organization['name'] === 'string' ? organization['name'].replace(/[^\S \t\r\n]/g, ' ').trim() : '';
  const id =
    typeof organization['id'] === 'string' && FHIR_ID.test(organization['id']) ? organization['id'] : undefined;
  return {
    id,
    references: referencesTo(entry),
    organization: { sor, gln, ...(name === '' ? {} : { name }) },
    endpoint: usableEndpoint(endpoint) ?? sorEndpoint(sor),
  };
}

/** The Organization a reference in the MessageHeader points to, or an error naming the reference. */
function organizationAt(entries: readonly Entry[], reference: unknown, field: string, what: string): number {
  const target = referenceOf(reference);
  if (target === undefined) refuse(field, 'required', `The MessageHeader names no ${what}`);
  const index = resolve(entries, target);
  if (entries[index]?.resource?.['resourceType'] !== 'Organization') {
    refuse(field, 'unresolved', `The ${what} is not a bundled Organization`);
  }
  return index;
}

/**
 * Reads a received message for {@link acknowledge}. Throws an InputError naming the field (a path in the received
 * Bundle) when the MessageHeader id, the sender or this party's destination cannot be read, and one with rule
 * `no-ack-of-ack` when the message is an acknowledgement (MedCom rule KR2).
 */
export function readReceived(received: unknown, as: string | undefined): ReceivedMessage {
  if (!isObject(received) || received['resourceType'] !== 'Bundle') {
    refuse('received', 'type', 'The received message is not a FHIR Bundle');
  }
  const entries = entriesOf(received);
  const headerIndex = entries.findIndex((entry) => entry.resource?.['resourceType'] === 'MessageHeader');
  const header = entries[headerIndex]?.resource;
  if (header === undefined) refuse('received.entry[0].resource', 'required', 'The message has no MessageHeader');
  if (isAcknowledgement(received, header)) {
    refuse('received', 'no-ack-of-ack', 'An acknowledgement is never acknowledged (MedCom rule KR2)');
  }
  const at = `received.entry[${headerIndex}].resource`;
  const headerId = header['id'];
  if (typeof headerId !== 'string') refuse(`${at}.id`, 'required', 'The MessageHeader has no id');
  if (!FHIR_ID.test(headerId)) refuse(`${at}.id`, 'format', 'The MessageHeader id is not a FHIR id');

  const senderIndex = organizationAt(entries, header['sender'], `${at}.sender`, 'sender');
  const source = isObject(header['source']) ? header['source']['endpoint'] : undefined;
  const sender = partyAt(entries, senderIndex, source);

  const destinations = array(header['destination']).map((d) => (isObject(d) ? d : {}));
  if (destinations.length === 0) refuse(`${at}.destination`, 'required', 'The MessageHeader has no destination');
  const useOf = (destination: Json) =>
    array(destination['extension']).flatMap((e) =>
      isObject(e) && e['url'] === SYSTEMS.destinationUseExtension && isObject(e['valueCoding'])
        ? [e['valueCoding']['code']]
        : [],
    )[0];
  let chosen: number;
  if (as === undefined) {
    // A message missing the destination-use extension still has a receiver: its first destination.
    chosen = Math.max(
      destinations.findIndex((d) => useOf(d) === 'primary'),
      0,
    );
  } else {
    chosen = destinations.findIndex((d) => {
      const target = referenceOf(d['receiver']);
      const organization = target === undefined ? undefined : entries[resolve(entries, target)]?.resource;
      return (
        organization !== undefined && identifierValue(organization, [SOR_SYSTEM, ...GLN_SYSTEM_ALTERNATES]).includes(as)
      );
    });
    if (chosen < 0) refuse('options.as', 'not-a-receiver', 'No destination of the message has this SOR id or GLN');
  }
  const destination = destinations[chosen] ?? {};
  const receiverIndex = organizationAt(
    entries,
    destination['receiver'],
    `${at}.destination[${chosen}].receiver`,
    'receiver',
  );
  const receiver = partyAt(entries, receiverIndex, destination['endpoint']);

  const headerReferences = referencesTo(entries[headerIndex] ?? { fullUrl: undefined, resource: undefined });
  const provenance = entries.find(
    (entry) =>
      entry.resource?.['resourceType'] === 'Provenance' &&
      array(entry.resource['target']).some((target) => headerReferences.includes(referenceOf(target) ?? '')),
  )?.resource;
  return { headerId, sender, receiver, provenance };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The received message's current Provenance, copied into the acknowledgement with its agents pointing at the
 * acknowledgement's Organizations; undefined when it is too broken to carry (the acknowledgement's own Provenance
 * suffices then).
 */
export function copyOfProvenance(
  original: Json | undefined,
  parties: ReadonlyMap<string, string>,
  taken: ReadonlySet<string>,
): Provenance | undefined {
  if (original === undefined) return undefined;
  const copy = structuredClone(original);
  const agents = Array.isArray(copy['agent']) ? copy['agent'] : [];
  const targets = Array.isArray(copy['target']) ? copy['target'] : [];
  const activity = isObject(copy['activity']) && Array.isArray(copy['activity']['coding']) ? copy['activity'] : {};
  const text = copy['text'];
  const wellFormed =
    typeof copy['id'] === 'string' &&
    FHIR_ID.test(copy['id']) &&
    !taken.has(copy['id']) &&
    targets.length > 0 &&
    [copy['occurredDateTime'], copy['recorded']].every((t) => typeof t === 'string' && DATE_TIME.test(t)) &&
    Array.isArray(activity['coding']) &&
    activity['coding'].some((c) => isObject(c) && c['system'] === SYSTEMS.activityCodes) &&
    isObject(text) &&
    typeof text['div'] === 'string' &&
    agents.length > 0 &&
    agents.every((a) => isObject(a) && isObject(a['who']) && parties.has(String(a['who']['reference'])));
  if (!wellFormed) return undefined;
  for (const agent of agents as { who: { reference: string } }[]) {
    agent.who.reference = parties.get(agent.who.reference) ?? agent.who.reference;
  }
  // The acknowledgement pins the messaging IG's Provenance profile; a standard's own derived profile is unknown there.
  copy['meta'] = {
    ...(isObject(copy['meta']) ? copy['meta'] : {}),
    profile: [profileUrl('messaging', 'medcom-messaging-provenance')],
  };
  return copy as unknown as Provenance;
}
