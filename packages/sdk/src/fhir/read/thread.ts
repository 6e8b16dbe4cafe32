// SPDX-License-Identifier: MIT
// A CareCommunication conversation rebuilt from the Provenance history stacks of its messages: every exchange in
// order, including those known only from a later message's history.
import type {
  Bundle,
  Communication,
  CommunicationPayload,
  MessageHeader,
  Organization,
  Provenance,
  Resource,
} from '@medplum/fhirtypes';
import { InputError } from '../../errors/index.js';

const EVENT_CODE = 'care-communication-message';
const CORE = 'http://medcomfhir.dk/ig/core/StructureDefinition/';
const DATE_EXTENSION = `${CORE}medcom-core-datetime-extension`;
const IDENTIFIER_EXTENSION = `${CORE}medcom-core-identifier-extension`;
const AUTHOR_EXTENSION = `${CORE}medcom-core-practitioner-extension`;
const CONTACT_EXTENSION = `${CORE}medcom-core-contact-extension`;
const DESTINATION_USE =
  'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension';
const SOR_SYSTEM = 'urn:oid:1.2.208.176.1.1';
const GLN_SYSTEMS: readonly string[] = ['https://www.gs1.org/gln', 'http://www.gs1.org/gln'];
const ACTIVITIES: Readonly<Record<string, ThreadActivity>> = {
  'new-message': 'new',
  'reply-message': 'reply',
  'forward-message': 'forward',
};

/**
 * What an exchange did: started the thread, answered, or passed it on to another receiver.
 *
 * @example
 * ```ts
 * const activity: ThreadActivity = 'reply';
 * ```
 * @category Reading
 */
export type ThreadActivity = 'new' | 'reply' | 'forward';

/**
 * An organisation taking part in the thread.
 *
 * @example
 * ```ts
 * const party: ThreadParty = { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' };
 * ```
 * @category Reading
 */
export interface ThreadParty {
  readonly name?: string | undefined;
  readonly sor?: string | undefined;
  readonly gln?: string | undefined;
}

/**
 * The author of a payload: the practitioner's name and role (a code or the role text).
 *
 * @example
 * ```ts
 * const author: ThreadAuthor = { name: 'Michael Burns', role: 'sygeplejerske' };
 * ```
 * @category Reading
 */
export interface ThreadAuthor {
  readonly name?: string | undefined;
  readonly role?: string | undefined;
}

/**
 * An attachment's metadata; the file data itself is never copied here.
 *
 * @example
 * ```ts
 * const file: ThreadAttachment = { title: 'Blodprøveresultater', contentType: 'application/pdf', hasData: true };
 * ```
 * @category Reading
 */
export interface ThreadAttachment {
  readonly title?: string | undefined;
  readonly contentType?: string | undefined;
  readonly url?: string | undefined;
  readonly creation?: string | undefined;
  /** Whether the message this was read from carries the file (a reply carries earlier files without it). */
  readonly hasData: boolean;
}

/**
 * One payload (message segment) an exchange added: a text or an attachment.
 *
 * @example
 * ```ts
 * const payload: ThreadPayload = { kind: 'text', text: 'Hej', author: { name: 'Emma Waters' } };
 * ```
 * @category Reading
 */
export interface ThreadPayload {
  readonly kind: 'text' | 'attachment';
  readonly identifier?: string | undefined;
  /** When the author sent it. */
  readonly date?: string | undefined;
  readonly author?: ThreadAuthor | undefined;
  /** The author's telephone number. */
  readonly authorContact?: string | undefined;
  readonly text?: string | undefined;
  readonly attachment?: ThreadAttachment | undefined;
}

/**
 * One exchange of the thread. A placeholder (`received: false`) is an exchange known only from a later
 * message's Provenance history; what it added is filled in from the payloads later messages carry.
 *
 * @example
 * ```ts
 * const gaps = thread.entries.filter((entry) => !entry.received);
 * ```
 * @category Reading
 */
export interface ThreadEntry {
  readonly messageHeaderId: string;
  /** Whether one of the given messages is this exchange; `false` for a placeholder. */
  readonly received: boolean;
  readonly activity?: ThreadActivity | undefined;
  /** When it was sent (`Provenance.occurredDateTime`). */
  readonly time?: string | undefined;
  readonly sender?: ThreadParty | undefined;
  /** The primary receiver; known for received messages only. */
  readonly receiver?: ThreadParty | undefined;
  /** The author of the exchange's first text. */
  readonly author?: ThreadAuthor | undefined;
  /** The Communication identifier (thread id); new after a forward. Known for received messages only. */
  readonly threadId?: string | undefined;
  readonly category?: string | undefined;
  readonly topic?: string | undefined;
  /** The MessageHeader id of the exchange this one answers or forwards. */
  readonly previousMessageHeaderId?: string | undefined;
  /** The EDIFACT or OIOXML letter this one continues, as written (`lokationsnummer#brevid`). */
  readonly previousLetter?: string | undefined;
  /** Whether a later exchange forwarded this one to another receiver. */
  readonly forwarded: boolean;
  /** The texts and attachments this exchange added. */
  readonly payloads: readonly ThreadPayload[];
}

/**
 * A CareCommunication conversation, oldest exchange first.
 *
 * @example
 * ```ts
 * for (const entry of threadOf(messages).entries) console.log(entry.time, entry.activity, entry.sender?.name);
 * ```
 * @category Reading
 */
export interface Thread {
  readonly entries: readonly ThreadEntry[];
  /** The Communication identifiers of the given messages, in thread order (a forward starts a new one). */
  readonly threadIds: readonly string[];
}

type Resolve = (reference: string | undefined) => Resource | undefined;

interface Message {
  readonly bundle: Bundle;
  readonly header: MessageHeader & { id: string };
  readonly resolve: Resolve;
  readonly communication: Communication | undefined;
}

/** One Provenance as a message holds it. */
interface Step {
  readonly provenance: Provenance;
  readonly holder: Message;
}

interface Node {
  readonly id: string;
  readonly steps: Step[];
  received?: Message;
}

function resolverOf(bundle: Bundle): Resolve {
  const byKey = new Map<string, Resource>();
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (resource === undefined) continue;
    if (typeof resource.id === 'string') byKey.set(`${resource.resourceType}/${resource.id}`, resource);
    if (typeof entry.fullUrl === 'string') byKey.set(entry.fullUrl, resource);
  }
  return (reference) => {
    if (reference === undefined) return undefined;
    const tail = /([A-Za-z]+\/[^/]+)$/.exec(reference)?.[1];
    return byKey.get(reference) ?? (tail === undefined ? undefined : byKey.get(tail));
  };
}

function messageOf(bundle: Bundle, i: number): Message {
  const header = bundle.entry?.[0]?.resource;
  if (
    bundle.resourceType !== 'Bundle' ||
    header?.resourceType !== 'MessageHeader' ||
    header.eventCoding?.code !== EVENT_CODE ||
    typeof header.id !== 'string'
  ) {
    throw new InputError([
      { field: `messages[${i}]`, rule: 'not-care-communication', message: 'Not a CareCommunication message Bundle' },
    ]);
  }
  const resolve = resolverOf(bundle);
  const focus = resolve(header.focus?.[0]?.reference);
  return {
    bundle,
    header: header as MessageHeader & { id: string },
    resolve,
    communication: focus?.resourceType === 'Communication' ? focus : undefined,
  };
}

/** The MessageHeader id a reference names: `MessageHeader/<id>`, or the id of the header it resolves to. */
function headerId(reference: string | undefined, resolve: Resolve): string | undefined {
  const named = /(?:^|\/)MessageHeader\/([^/]+)$/.exec(reference ?? '')?.[1];
  if (named !== undefined) return named;
  const resolved = resolve(reference);
  return resolved?.resourceType === 'MessageHeader' ? resolved.id : undefined;
}

const stepTime = (step: Step | undefined) => step?.provenance.occurredDateTime ?? step?.provenance.recorded;
const revision = (step: Step | undefined) => step?.provenance.entity?.find((e) => e.role === 'revision');
const sources = (step: Step | undefined) =>
  (step?.provenance.entity ?? []).flatMap((e) =>
    e.role === 'source' && e.what.identifier?.value !== undefined ? [e.what.identifier.value] : [],
  );

function partyOf(resource: Resource | undefined): ThreadParty | undefined {
  if (resource?.resourceType !== 'Organization') return undefined;
  const identifiers = (resource as Organization).identifier ?? [];
  return {
    name: resource.name,
    sor: identifiers.find((i) => i.system === SOR_SYSTEM)?.value,
    gln: identifiers.find((i) => GLN_SYSTEMS.includes(i.system ?? ''))?.value,
  };
}

function authorOf(reference: string | undefined, resolve: Resolve): ThreadAuthor | undefined {
  const role = resolve(reference);
  if (role?.resourceType !== 'PractitionerRole') return undefined;
  const person = resolve(role.practitioner?.reference);
  const name = person?.resourceType === 'Practitioner' ? person.name?.[0] : undefined;
  const full = [...(name?.given ?? []), name?.family ?? ''].join(' ').trim();
  return {
    name: full === '' ? undefined : full,
    role: role.code?.[0]?.coding?.[0]?.code ?? role.code?.[0]?.text,
  };
}

const extension = (payload: CommunicationPayload, url: string) => payload.extension?.find((e) => e.url === url);
const payloadId = (payload: CommunicationPayload) => extension(payload, IDENTIFIER_EXTENSION)?.valueIdentifier?.value;

function describePayload(payload: CommunicationPayload, resolve: Resolve): ThreadPayload {
  const file = payload.contentAttachment;
  return {
    kind: file === undefined ? 'text' : 'attachment',
    identifier: payloadId(payload),
    date: extension(payload, DATE_EXTENSION)?.valueDateTime,
    author: authorOf(extension(payload, AUTHOR_EXTENSION)?.valueReference?.reference, resolve),
    authorContact: extension(payload, CONTACT_EXTENSION)?.valueContactPoint?.value,
    text: payload.contentString,
    attachment:
      file === undefined
        ? undefined
        : {
            title: file.title,
            contentType: file.contentType,
            url: file.url,
            creation: file.creation,
            hasData: file.data !== undefined,
          },
  };
}

/** The payloads with the given identifiers, read from the first of `messages` that carries each. */
function payloadsOf(wanted: readonly string[], messages: readonly Message[]): ThreadPayload[] {
  const left = new Set(wanted);
  const found: ThreadPayload[] = [];
  for (const message of messages) {
    for (const payload of message.communication?.payload ?? []) {
      const id = payloadId(payload);
      if (id === undefined || !left.has(id)) continue;
      left.delete(id);
      found.push(describePayload(payload, message.resolve));
    }
  }
  return found;
}

const byHeaderId = (a: Message, b: Message) => (a.header.id < b.header.id ? -1 : a.header.id > b.header.id ? 1 : 0);

/** Collects every exchange the messages know of, each with the Provenance copies that describe it. */
function nodesOf(messages: readonly Message[]): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const node = (id: string) => {
    let found = nodes.get(id);
    if (found === undefined) nodes.set(id, (found = { id, steps: [] }));
    return found;
  };
  for (const message of messages) {
    node(message.header.id).received = message;
    for (const entry of message.bundle.entry ?? []) {
      const provenance = entry.resource;
      if (provenance?.resourceType !== 'Provenance') continue;
      for (const target of provenance.target ?? []) {
        const id = headerId(target.reference, message.resolve);
        if (id !== undefined) node(id).steps.push({ provenance, holder: message });
      }
    }
  }
  for (const found of nodes.values()) {
    // The message's own Provenance first, then copies by holder, so the choice never depends on input order.
    const own = (step: Step) => (step.holder === found.received ? 0 : 1);
    found.steps.sort((a, b) => own(a) - own(b) || byHeaderId(a.holder, b.holder));
  }
  // A predecessor without a Provenance of its own still shows, as a gap.
  for (const found of [...nodes.values()]) {
    const previous = previousOf(found);
    if (previous !== undefined) node(previous);
  }
  return nodes;
}

function previousOf(node: Node): string | undefined {
  const step = node.steps[0];
  const reference = revision(step)?.what.reference;
  return step === undefined || reference === undefined ? undefined : headerId(reference, step.holder.resolve);
}

/** Orders the exchanges: predecessors and history before what builds on them, then by send time and id. */
function ordered(nodes: Map<string, Node>): Node[] {
  const after = new Map<string, Set<string>>();
  const edge = (from: string, to: string) => {
    if (from === to || !nodes.has(from)) return;
    let set = after.get(from);
    if (set === undefined) after.set(from, (set = new Set()));
    set.add(to);
  };
  for (const node of nodes.values()) {
    const previous = previousOf(node);
    if (previous !== undefined) edge(previous, node.id);
    // Everything in a message's history stack came before it.
    for (const step of node.steps) edge(node.id, step.holder.header.id);
  }
  const waiting = new Map<string, number>([...nodes.keys()].map((id) => [id, 0]));
  for (const targets of after.values()) for (const to of targets) waiting.set(to, (waiting.get(to) ?? 0) + 1);
  const time = (node: Node) => {
    const parsed = Date.parse(stepTime(node.steps[0]) ?? '');
    return Number.isNaN(parsed) ? -Infinity : parsed;
  };
  const before = (a: Node, b: Node) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const result: Node[] = [];
  const left = new Set(nodes.values());
  while (left.size > 0) {
    const candidates = [...left].filter((n) => waiting.get(n.id) === 0);
    // A cycle (inconsistent histories): fall back to time order for what remains of it.
    const next = (candidates.length > 0 ? candidates : [...left]).sort(before)[0] as Node;
    left.delete(next);
    result.push(next);
    for (const to of after.get(next.id) ?? []) waiting.set(to, (waiting.get(to) ?? 0) - 1);
  }
  return result;
}

/** Ids of exchanges that a forward passed on: everything a forward builds on, through the revision links. */
function forwardedIds(nodes: Map<string, Node>): Set<string> {
  const forwarded = new Set<string>();
  for (const node of nodes.values()) {
    if (node.steps[0]?.provenance.activity?.coding?.[0]?.code !== 'forward-message') continue;
    let id = previousOf(node);
    while (id !== undefined && !forwarded.has(id)) {
      forwarded.add(id);
      const previous = nodes.get(id);
      id = previous === undefined ? undefined : previousOf(previous);
    }
  }
  return forwarded;
}

function primaryReceiver(message: Message): ThreadParty | undefined {
  const destinations = message.header.destination ?? [];
  const primary =
    destinations.find((d) =>
      d.extension?.some((e) => e.url === DESTINATION_USE && e.valueCoding?.code === 'primary'),
    ) ?? destinations[0];
  return partyOf(message.resolve(primary?.receiver?.reference));
}

/** Payloads in the order the first message carrying them lists them. */
function inMessageOrder(payloads: readonly ThreadPayload[], messages: readonly Message[]): ThreadPayload[] {
  const position = new Map<string, number>();
  for (const message of messages) {
    (message.communication?.payload ?? []).forEach((payload, i) => {
      const id = payloadId(payload);
      if (id !== undefined && !position.has(id)) position.set(id, i);
    });
  }
  const at = (p: ThreadPayload) => (p.identifier === undefined ? Infinity : (position.get(p.identifier) ?? Infinity));
  return [...payloads].sort((a, b) => at(a) - at(b));
}

/**
 * Payloads no Provenance claims by identifier, for exchanges whose own payloads cannot be found that way:
 * given a send time, the unclaimed payloads dated then. (MedCom's own forward example changes a payload
 * identifier between two copies of the same text.)
 */
function unclaimed(
  nodes: Map<string, Node>,
  messages: readonly Message[],
): (time: string | undefined) => ThreadPayload[] {
  const claimed = new Set([...nodes.values()].flatMap((node) => sources(node.steps[0])));
  const seen = new Set<string>();
  const orphans: ThreadPayload[] = [];
  for (const message of messages) {
    for (const payload of message.communication?.payload ?? []) {
      const id = payloadId(payload);
      if (id === undefined || claimed.has(id) || seen.has(id)) continue;
      seen.add(id);
      orphans.push(describePayload(payload, message.resolve));
    }
  }
  const taken = new Set<ThreadPayload>();
  return (time) => {
    const at = Date.parse(time ?? '');
    const mine = orphans.filter((p) => !taken.has(p) && p.date !== undefined && Date.parse(p.date) === at);
    mine.forEach((p) => taken.add(p));
    return mine;
  };
}

/**
 * Rebuilds a CareCommunication thread from the messages' Provenance history stacks. The messages may come in
 * any order and repeat (one entry per MessageHeader id); exchanges known only from a history stack show as
 * placeholders, so gaps are visible. The order follows the history (what a message's stack holds and what it
 * answers come first), then the send time, then the MessageHeader id.
 *
 * @param messages - CareCommunication message Bundles of one conversation.
 * @returns The exchanges, oldest first, and the thread ids seen.
 * @throws {@link InputError} with field `messages[i]`, rule `not-care-communication`, for another kind of Bundle.
 * @example
 * ```ts
 * const thread = threadOf([reply, original]);
 * thread.entries.map((e) => e.messageHeaderId); // original first
 * ```
 * @category Reading
 */
export function threadOf(messages: readonly Bundle[]): Thread {
  // Duplicates (a resend keeps the MessageHeader id) count once; the earliest Bundle is kept.
  const unique = new Map<string, Message>();
  messages.forEach((bundle, i) => {
    const message = messageOf(bundle, i);
    const seen = unique.get(message.header.id);
    const key = (m: Message) => `${m.bundle.timestamp ?? ''}|${m.bundle.id ?? ''}`;
    if (seen === undefined || key(message) < key(seen)) unique.set(message.header.id, message);
  });
  const nodes = nodesOf([...unique.values()].sort(byHeaderId));
  const order = ordered(nodes);
  const forwarded = forwardedIds(nodes);
  // Payloads are read from the exchange itself, then from the messages that hold its history, newest first.
  const rank = new Map(order.map((node, i) => [node.id, i]));
  const newestFirst = (a: Message, b: Message) => (rank.get(b.header.id) ?? 0) - (rank.get(a.header.id) ?? 0);
  const orphans = unclaimed(nodes, [...unique.values()].sort(newestFirst));
  const entries = order.map((node): ThreadEntry => {
    const step = node.steps[0];
    const message = node.received;
    const holders = [...new Set(node.steps.map((s) => s.holder))].sort(newestFirst);
    const readFrom = message === undefined ? holders : [message, ...holders.filter((h) => h !== message)];
    const wanted = sources(step);
    const found = payloadsOf(wanted, readFrom);
    const payloads = inMessageOrder(
      found.length < wanted.length || wanted.length === 0 ? [...found, ...orphans(stepTime(step))] : found,
      readFrom,
    );
    const code = step?.provenance.activity?.coding?.[0]?.code;
    const communication = message?.communication;
    return {
      messageHeaderId: node.id,
      received: message !== undefined,
      activity: code === undefined ? undefined : ACTIVITIES[code],
      time: stepTime(step),
      sender:
        partyOf(step?.holder.resolve(step.provenance.agent?.[0]?.who?.reference)) ??
        (message === undefined ? undefined : partyOf(message.resolve(message.header.sender?.reference))),
      receiver: message === undefined ? undefined : primaryReceiver(message),
      author: (payloads.find((p) => p.kind === 'text') ?? payloads[0])?.author,
      threadId: communication?.identifier?.[0]?.value,
      category: communication?.category?.[0]?.coding?.[0]?.code,
      topic: communication?.topic?.text,
      previousMessageHeaderId: previousOf(node),
      previousLetter: revision(step)?.what.identifier?.value,
      forwarded: forwarded.has(node.id),
      payloads,
    };
  });
  const threadIds = [...new Set(entries.flatMap((e) => (e.threadId === undefined ? [] : [e.threadId])))];
  return { entries, threadIds };
}
