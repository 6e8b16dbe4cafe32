// SPDX-License-Identifier: MIT
// Test support for the outbox and inbox: a JSON envelope codec, an in-memory hub with per-GLN mailboxes and
// injectable faults, parties wired to it, and messages between them.
import type { Bundle, MessageHeader } from '@medplum/fhirtypes';
import { buildCareCommunication } from '../../fhir/build/care-communication.js';
import type { MailboxItem, Transport } from '../types.js';
import { ManualClock, type IdSource } from './clock.js';
import { vansReceipt } from '../vans/receipt.js';
import { unwrapVansEnvelope } from '../vans/unwrap.js';
import { vansCodec, type EnvelopeCodec, type EnvelopeReceipt, type ReceivedEnvelope } from './codec.js';
import type { ReliableEvent } from './events.js';
import { Inbox, type InboxHandler, type InboxOptions, type LetterMeta } from './inbox.js';
import { MemoryStore } from './memory-store.js';
import { Outbox, type OutboxOptions } from './outbox.js';
import type { ReliableStore } from './records.js';

export const A = { name: 'Hjerteafdelingen, Herlev', sor: '265161000016000', gln: '5790000209354' };
export const B = { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' };
export const C = { name: 'Skødstrup Lægepraksis', sor: '52581000016005', gln: '5790000127092' };
export type Org = typeof A;

export const START = '2026-11-25T09:30:00Z';
export const MINUTE = 60_000;

/** Counting UUIDs (version 4 form), unique across every party sharing the source. */
export function counter(prefix = '00000000'): IdSource & { count: () => number } {
  let n = 0;
  return Object.assign(() => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`, { count: () => n });
}

/** A seeded pseudo-random source (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface JsonEnvelope {
  readonly t: 'message' | 'receipt';
  readonly senderId: string;
  readonly receiverId: string;
  readonly envelopeId: string;
  readonly sentAt?: string;
  readonly message?: string;
  readonly receipt?: EnvelopeReceipt;
}

/** A trivial codec: the envelope is JSON, the message JSON text inside it. */
export const jsonCodec: EnvelopeCodec = {
  wrap: (message, to) =>
    JSON.stringify({
      t: 'message',
      senderId: to.sender,
      receiverId: to.receiver,
      envelopeId: to.envelopeId,
      sentAt: to.sentAt,
      message: JSON.stringify(message),
    } satisfies JsonEnvelope),
  unwrap: (text): ReceivedEnvelope => {
    const e = JSON.parse(text) as JsonEnvelope;
    const head = { senderId: e.senderId, receiverId: e.receiverId, envelopeId: e.envelopeId };
    if (e.t === 'message' && typeof e.message === 'string') {
      const message = e.message;
      return { ...head, kind: 'message', message: { text: () => message } };
    }
    if (e.t === 'receipt' && e.receipt) return { ...head, kind: 'receipt', receipt: e.receipt };
    throw new Error('Not an envelope');
  },
};

/** The message inside an envelope of either codec. */
export function messageIn(envelope: string): Bundle | undefined {
  const e = read(envelope);
  return e?.kind === 'message' ? (JSON.parse(e.message.text()) as Bundle) : undefined;
}

/** Reads an envelope of either codec: JSON (the test codec) or VANSEnvelope XML. */
function read(text: string): ReceivedEnvelope | undefined {
  try {
    return text.trimStart().startsWith('{') ? jsonCodec.unwrap(text) : vansCodec.unwrap(text);
  } catch {
    return undefined;
  }
}

export const headerOf = (bundle: Bundle) => bundle.entry?.[0]?.resource as MessageHeader & { id: string };

/** Faults the hub injects, each a probability per request (0–1). */
export interface HubFaults {
  /** Refuse a post before doing anything (like a 503). */
  failSend?: number;
  /** Accept a post, then lose the response (the caller sees an error). */
  loseSendResponse?: number;
  /** Accept a post and never deliver it (a loss beyond the contract, to exercise resends). */
  drop?: number;
  /** Deliver a post twice (at-least-once delivery). */
  duplicate?: number;
  failFetch?: number;
  failConfirm?: number;
}

export class HubError extends Error {
  override name = 'HubError';
}

/** The network: per-GLN mailboxes, envelopes deduplicated by sender and EnvelopeIdentifier, VANS receipts. */
export class FakeHub {
  readonly mailboxes = new Map<string, MailboxItem[]>();
  /** Every envelope accepted, in order. */
  readonly accepted: { readonly from: string; readonly to: string; readonly envelope: string }[] = [];
  faults: HubFaults;
  /** Envelopes still to drop, whatever the faults say. */
  dropNext = 0;
  private readonly seen = new Map<string, string>();
  private nextItem = 0;

  constructor(
    private readonly clock: ManualClock,
    faults: HubFaults = {},
    private readonly random: () => number = seeded(1),
    private readonly receipts = true,
  ) {
    this.faults = faults;
  }

  register(...glns: string[]): void {
    for (const gln of glns) if (!this.mailboxes.has(gln)) this.mailboxes.set(gln, []);
  }

  transport(gln: string): Transport & { sent: string[] } {
    this.register(gln);
    const sent: string[] = [];
    return {
      sent,
      send: async (envelope) => {
        this.post(gln, envelope);
        sent.push(envelope);
      },
      fetch: async (options = {}) => {
        if (this.roll(this.faults.failFetch)) throw new HubError('503 injected-fault (fetch)');
        return (this.mailboxes.get(gln) ?? []).slice(0, options.limit ?? 100).map((item) => ({ ...item }));
      },
      confirm: async (itemId) => {
        if (this.roll(this.faults.failConfirm)) throw new HubError('503 injected-fault (confirm)');
        const box = this.mailboxes.get(gln) ?? [];
        const index = box.findIndex((item) => item.id === itemId);
        if (index < 0) return;
        const [item] = box.splice(index, 1);
        const e = item && read(item.envelope);
        if (this.receipts && item && e?.kind === 'message') {
          this.deliver(e.senderId, receiptFor(item.envelope, 'PositiveMessage'), false);
        }
      },
    };
  }

  /** Puts an envelope in a mailbox as is (for receipts and garbage). */
  inject(gln: string, envelope: string): void {
    this.deliver(gln, envelope, false);
  }

  waiting(gln: string): number {
    return this.mailboxes.get(gln)?.length ?? 0;
  }

  private post(from: string, envelope: string): void {
    if (this.roll(this.faults.failSend)) throw new HubError('503 injected-fault');
    const e = read(envelope);
    if (!e) throw new HubError('400 bad-envelope');
    if (e.senderId !== from) throw new HubError('403 not-sender');
    const key = `${from}|${e.envelopeId}`;
    const before = this.seen.get(key);
    if (before !== undefined) {
      if (before !== envelope) throw new HubError('409 envelope-reused');
      return;
    }
    if (!this.mailboxes.has(e.receiverId)) {
      this.deliver(from, receiptFor(envelope, 'NegativeVans', 'Unknown receiver'), false);
      throw new HubError('404 unknown-receiver');
    }
    this.seen.set(key, envelope);
    this.accepted.push({ from, to: e.receiverId, envelope });
    const dropped = this.dropNext > 0 || this.roll(this.faults.drop);
    if (this.dropNext > 0) this.dropNext--;
    if (!dropped) {
      this.deliver(e.receiverId, envelope, this.roll(this.faults.duplicate));
    }
    if (this.roll(this.faults.loseSendResponse)) throw new HubError('response lost');
  }

  private deliver(to: string, envelope: string, twice: boolean): void {
    const box = this.mailboxes.get(to);
    if (!box) return;
    for (let i = 0; i < (twice ? 2 : 1); i++) {
      box.push({ id: String(++this.nextItem), envelope, receivedAt: this.clock.now().toISOString() });
    }
  }

  private roll(p: number | undefined): boolean {
    return p !== undefined && p > 0 && this.random() < p;
  }
}

/** A receipt for a posted envelope, in the envelope's own dialect, from its receiver back to its sender. */
function receiptFor(original: string, type: EnvelopeReceipt['type'], description?: string): string {
  if (original.trimStart().startsWith('{')) {
    const e = jsonCodec.unwrap(original);
    return receipt(e.receiverId, e.senderId, type, e.envelopeId, description);
  }
  return vansReceipt(type, unwrapVansEnvelope(original), description === undefined ? {} : { error: { description } });
}

/** A receipt envelope in the JSON codec's form. */
export function receipt(
  from: string,
  to: string,
  type: EnvelopeReceipt['type'],
  originalEnvelopeId: string,
  description?: string,
): string {
  return JSON.stringify({
    t: 'receipt',
    senderId: from,
    receiverId: to,
    envelopeId: `r-${originalEnvelopeId}`,
    receipt: { type, originalEnvelopeId, errors: description === undefined ? [] : [{ description }] },
  } satisfies JsonEnvelope);
}

/** One party: its store, outbox and inbox on the hub, what its handler got, and every event. */
export interface Party {
  readonly org: Org;
  readonly store: ReliableStore;
  readonly transport: Transport & { sent: string[] };
  outbox: Outbox;
  inbox: Inbox;
  readonly events: ReliableEvent[];
  /** MessageHeader ids of messages the handler took (resolved). */
  readonly handled: string[];
  /** Every handler call, resolved or not. */
  readonly calls: string[];
  /** Makes the handler throw for a MessageHeader.id while it returns true. */
  failing: (messageHeaderId: string) => boolean;
  /** Letters the inbox's `onLetter` took (with `letters: true`), in order. */
  readonly letters: { readonly bytes: Uint8Array; readonly meta: LetterMeta }[];
  /** Makes `onLetter` throw while it returns true. */
  failingLetter: () => boolean;
  /** New outbox and inbox on the same store and transport: a restart. */
  restart(overrides?: { store?: ReliableStore; transport?: Transport }): void;
}

export interface World {
  readonly clock: ManualClock;
  readonly hub: FakeHub;
  readonly newId: IdSource & { count: () => number };
  party(org: Org, options?: Partial<OutboxOptions> & Partial<Pick<InboxOptions, 'retainMs'>>): Party;
}

/**
 * Two or three parties on one hub; `receipts` makes the hub send PositiveMessage receipts as the real one does,
 * `vans` uses the VANSEnvelope codec, and `letters` gives each inbox an `onLetter` that records what it takes.
 */
export function world(
  faults: HubFaults = {},
  {
    seed = 1,
    receipts = false,
    vans = false,
    letters = false,
  }: { seed?: number; receipts?: boolean; vans?: boolean; letters?: boolean } = {},
): World {
  const clock = new ManualClock(START);
  const hub = new FakeHub(clock, faults, seeded(seed), receipts);
  const newId = counter();
  return {
    clock,
    hub,
    newId,
    party(org, options = {}) {
      const store = new MemoryStore();
      const transport = hub.transport(org.gln);
      const events: ReliableEvent[] = [];
      const party: Party = {
        org,
        store,
        transport,
        events,
        handled: [],
        calls: [],
        failing: () => false,
        letters: [],
        failingLetter: () => false,
        outbox: undefined as unknown as Outbox,
        inbox: undefined as unknown as Inbox,
        restart(overrides = {}) {
          const s = overrides.store ?? store;
          const t = overrides.transport ?? transport;
          const onEvent = (event: ReliableEvent) => events.push(event);
          // With `vans`, no codec is given: the default, VANSEnvelope, is used.
          const codec = vans ? {} : { codec: jsonCodec };
          party.outbox = new Outbox({
            ...codec,
            self: org.gln,
            clock,
            newId,
            onEvent,
            ...options,
            store: s,
            transport: t,
          });
          const handler: InboxHandler = async (_message, meta) => {
            party.calls.push(meta.messageHeaderId);
            if (party.failing(meta.messageHeaderId)) throw new Error(`Database down for patient 2509479989`);
            party.handled.push(meta.messageHeaderId);
          };
          party.inbox = new Inbox({
            store: s,
            transport: t,
            outbox: party.outbox,
            ...codec,
            self: org.gln,
            clock,
            newId,
            handler,
            onEvent,
            ...(letters
              ? {
                  onLetter: async (bytes: Uint8Array, meta: LetterMeta) => {
                    if (party.failingLetter()) throw new Error('Letter store down');
                    party.letters.push({ bytes, meta });
                  },
                }
              : {}),
            ...(options.retainMs === undefined ? {} : { retainMs: options.retainMs }),
          });
        },
      };
      party.restart();
      return party;
    },
  };
}

/** A valid CareCommunication from one organisation to another. */
export function letter(from: Org, to: Org, w: Pick<World, 'clock' | 'newId'>, text = 'Hej'): Bundle {
  return buildCareCommunication(
    {
      sender: from,
      receiver: to,
      patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
      category: 'other',
      topic: 'Opfølgning',
      texts: [{ text, author: { family: 'Burns', given: ['Michael'], role: 'sygeplejerske' }, phone: '38683868' }],
    },
    { now: () => w.clock.now(), newId: w.newId },
  );
}

const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Test</p></div>' } as const;
const MESSAGING = 'http://medcomfhir.dk/ig/messaging/StructureDefinition';

function organization(org: Org, id: string) {
  return {
    fullUrl: `https://example.org/Organization/${id}`,
    resource: {
      resourceType: 'Organization',
      id,
      meta: { profile: [`${MESSAGING}/medcom-messaging-organization`] },
      text: NARRATIVE,
      identifier: [
        { system: 'https://www.gs1.org/gln', value: org.gln },
        { system: 'urn:oid:1.2.208.176.1.1', value: org.sor },
      ],
      name: org.name,
    },
  };
}

/**
 * MedCom's empty (test) message, the one standard whose profile admits cc receivers: from `from` to `to`, with
 * `cc` as copy receivers.
 */
export function emptyMessage(from: Org, to: Org, cc: readonly Org[], w: Pick<World, 'clock' | 'newId'>): Bundle {
  const time = `${w.clock.now().toISOString().slice(0, 19)}Z`;
  const headerId = w.newId();
  const provenanceId = w.newId();
  const orgs = [from, to, ...cc].map((org) => organization(org, w.newId()));
  const ref = (i: number) => ({ reference: `Organization/${orgs[i]?.resource.id ?? ''}` });
  const destination = (i: number, use: 'primary' | 'cc') => ({
    extension: [
      {
        url: `${MESSAGING}/medcom-messaging-destinationUseExtension`,
        valueCoding: {
          system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse',
          code: use,
        },
      },
    ],
    endpoint: 'http://medcomfhir.dk/unknown',
    receiver: ref(i),
  });
  return {
    resourceType: 'Bundle',
    id: w.newId(),
    meta: { profile: [`${MESSAGING}/medcom-messaging-message`] },
    type: 'message',
    timestamp: time,
    entry: [
      {
        fullUrl: `https://example.org/MessageHeader/${headerId}`,
        resource: {
          resourceType: 'MessageHeader',
          id: headerId,
          meta: { profile: [`${MESSAGING}/medcom-messaging-messageHeader`] },
          text: NARRATIVE,
          eventCoding: {
            system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes',
            code: 'empty-message',
          },
          destination: [destination(1, 'primary'), ...cc.map((_, i) => destination(i + 2, 'cc'))],
          sender: ref(0),
          source: { endpoint: 'http://medcomfhir.dk/unknown' },
        },
      },
      {
        fullUrl: `https://example.org/Provenance/${provenanceId}`,
        resource: {
          resourceType: 'Provenance',
          id: provenanceId,
          meta: { profile: [`${MESSAGING}/medcom-messaging-provenance`] },
          text: NARRATIVE,
          target: [{ reference: `MessageHeader/${headerId}` }],
          occurredDateTime: time,
          recorded: time,
          activity: {
            coding: [
              {
                system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes',
                code: 'new-message',
              },
            ],
          },
          agent: [{ who: ref(0) }],
        },
      },
      ...orgs,
    ],
  } as Bundle;
}

/** Lets every party poll and tick `rounds` times, the clock moving `stepMs` after each round. */
export async function run(
  parties: readonly Party[],
  clock: ManualClock,
  rounds: number,
  stepMs = MINUTE,
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    for (const party of parties) {
      await party.inbox.poll().catch(() => undefined);
      await party.outbox.tick().catch(() => undefined);
    }
    clock.advance(stepMs);
  }
}

/** A simulated process death. */
export class Crash extends Error {
  override name = 'Crash';
}

/**
 * A store and transport that die together at their `at`-th effect (a store write, a post or a confirmation):
 * `before` it takes effect, or just `after`. Once dead, every call throws, like a killed process.
 */
export function mortal(
  store: ReliableStore,
  transport: Transport,
  at: number,
  mode: 'before' | 'after',
): { store: ReliableStore; transport: Transport; readonly dead: boolean; readonly steps: number } {
  let steps = 0;
  let dead = false;
  const alive = () => {
    if (dead) throw new Crash('dead');
  };
  const effect = async <T>(work: () => Promise<T>): Promise<T> => {
    alive();
    if (++steps === at) {
      dead = true;
      if (mode === 'after') await work();
      throw new Crash(`crash ${mode} effect ${at}`);
    }
    return work();
  };
  const read =
    <A extends unknown[], T>(fn: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      alive();
      return fn(...args);
    };
  return {
    get dead() {
      return dead;
    },
    get steps() {
      return steps;
    },
    store: {
      putOutgoing: (record) => effect(() => store.putOutgoing(record)),
      putIncoming: (record) => effect(() => store.putIncoming(record)),
      getOutgoing: read((key: string) => store.getOutgoing(key)),
      listOutgoing: read((query?: Parameters<ReliableStore['listOutgoing']>[0]) => store.listOutgoing(query)),
      getIncoming: read((id: string) => store.getIncoming(id)),
      findIncomingByBundleId: read((id: string) => store.findIncomingByBundleId(id)),
      pruneIncoming: (before) => effect(() => store.pruneIncoming(before)),
      close: () => store.close(),
    },
    transport: {
      send: (envelope) => effect(() => transport.send(envelope)),
      confirm: (id) => effect(() => transport.confirm(id)),
      fetch: read((options?: Parameters<Transport['fetch']>[0]) => transport.fetch(options)),
    },
  };
}
