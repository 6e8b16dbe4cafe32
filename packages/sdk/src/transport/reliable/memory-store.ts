// SPDX-License-Identifier: MIT
// The in-memory ReliableStore: for tests, demos and short-lived processes that may lose their outbox on exit.
import { SamspilError } from '../../errors/index.js';
import type { IncomingRecord, OutgoingRecord, OutgoingState, ReliableStore } from './records.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A FHIR instant as text that sorts in time order: UTC, nine fraction digits, no zone.
 *
 * FHIR instants may carry 0 to 9 fraction digits, and `…:00.5Z` sorts before `…:00Z` as plain text although it is
 * later, so every store compares and indexes this form, never the stored text.
 *
 * @example
 * ```ts
 * instantOrder('2026-01-01T10:00:00.5Z', 'dueAt'); // '2026-01-01T10:00:00.500000000'
 * ```
 * @internal
 */
export function instantOrder(value: string, field: string): string {
  const match = INSTANT.exec(value);
  let seconds = match?.[1];
  if (match && seconds && match[3] !== 'Z') {
    const utc = Date.parse(`${seconds}${match[3]}`);
    seconds = Number.isNaN(utc) ? undefined : new Date(utc).toISOString().slice(0, 19);
  }
  // The field name only: the value could be anything a caller put there.
  if (!match || !seconds) throw new SamspilError(`${field} is not a FHIR instant`);
  return `${seconds}.${(match[2] ?? '').padEnd(9, '0')}`;
}

/**
 * Oldest `createdAt` first; records created at the same instant by key, so every store lists them alike.
 *
 * @internal
 */
export function compareOutgoing(
  a: { readonly createdOrder: string; readonly key: string },
  b: { readonly createdOrder: string; readonly key: string },
): number {
  if (a.createdOrder !== b.createdOrder) return a.createdOrder < b.createdOrder ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

interface OutgoingEntry {
  readonly record: OutgoingRecord;
  readonly key: string;
  readonly createdOrder: string;
  readonly dueOrder: string | undefined;
}

interface IncomingEntry {
  readonly record: IncomingRecord;
  readonly lastSeenOrder: string;
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
}

/**
 * A {@link ReliableStore} that keeps records in memory. Records are copied in and out, so neither the caller's
 * object nor a returned one can change what is stored. Everything is lost when the process ends.
 *
 * @example
 * ```ts
 * const store = new MemoryStore();
 * await store.putOutgoing(record);
 * const due = await store.listOutgoing({ states: ['queued', 'sent'], dueBy: new Date().toISOString() });
 * ```
 * @category Transport
 */
export class MemoryStore implements ReliableStore {
  private readonly outgoing = new Map<string, OutgoingEntry>();
  private readonly outgoingByState = new Map<OutgoingState, Set<string>>();
  private readonly outgoingByMessage = new Map<string, Set<string>>();
  private readonly incoming = new Map<string, IncomingEntry>();
  private readonly incomingByBundle = new Map<string, string>();
  private closed = false;

  /** {@inheritDoc ReliableStore.putOutgoing} */
  async putOutgoing(record: OutgoingRecord): Promise<void> {
    this.open();
    const entry: OutgoingEntry = {
      record: structuredClone(record),
      key: record.key,
      createdOrder: instantOrder(record.createdAt, 'createdAt'),
      dueOrder: record.dueAt === undefined ? undefined : instantOrder(record.dueAt, 'dueAt'),
    };
    const old = this.outgoing.get(record.key);
    if (old) {
      removeFrom(this.outgoingByState, old.record.state, old.key);
      removeFrom(this.outgoingByMessage, old.record.messageHeaderId, old.key);
    }
    this.outgoing.set(entry.key, entry);
    addTo(this.outgoingByState, record.state, entry.key);
    addTo(this.outgoingByMessage, record.messageHeaderId, entry.key);
  }

  /** {@inheritDoc ReliableStore.getOutgoing} */
  async getOutgoing(key: string): Promise<OutgoingRecord | undefined> {
    this.open();
    const entry = this.outgoing.get(key);
    return entry && structuredClone(entry.record);
  }

  /** {@inheritDoc ReliableStore.listOutgoing} */
  async listOutgoing(query: Parameters<ReliableStore['listOutgoing']>[0] = {}): Promise<OutgoingRecord[]> {
    this.open();
    const dueBy = query.dueBy === undefined ? undefined : instantOrder(query.dueBy, 'dueBy');
    const states = query.states && new Set(query.states);
    let keys: Iterable<string> = this.outgoing.keys();
    if (query.messageHeaderId !== undefined) keys = this.outgoingByMessage.get(query.messageHeaderId) ?? [];
    else if (states) keys = [...states].flatMap((state) => [...(this.outgoingByState.get(state) ?? [])]);
    const entries: OutgoingEntry[] = [];
    for (const key of keys) {
      const entry = this.outgoing.get(key);
      if (!entry) continue;
      if (states && !states.has(entry.record.state)) continue;
      if (query.messageHeaderId !== undefined && entry.record.messageHeaderId !== query.messageHeaderId) continue;
      if (dueBy !== undefined && (entry.dueOrder === undefined || entry.dueOrder > dueBy)) continue;
      entries.push(entry);
    }
    return entries.sort(compareOutgoing).map((entry) => structuredClone(entry.record));
  }

  /** {@inheritDoc ReliableStore.putIncoming} */
  async putIncoming(record: IncomingRecord): Promise<void> {
    this.open();
    const lastSeenOrder = instantOrder(record.lastSeenAt, 'lastSeenAt');
    for (const bundleId of record.bundleIds) {
      const owner = this.incomingByBundle.get(bundleId);
      if (owner !== undefined && owner !== record.messageHeaderId) throw bundleTaken();
    }
    const old = this.incoming.get(record.messageHeaderId);
    for (const bundleId of old?.record.bundleIds ?? []) this.incomingByBundle.delete(bundleId);
    this.incoming.set(record.messageHeaderId, { record: structuredClone(record), lastSeenOrder });
    for (const bundleId of record.bundleIds) this.incomingByBundle.set(bundleId, record.messageHeaderId);
  }

  /** {@inheritDoc ReliableStore.getIncoming} */
  async getIncoming(messageHeaderId: string): Promise<IncomingRecord | undefined> {
    this.open();
    const entry = this.incoming.get(messageHeaderId);
    return entry && structuredClone(entry.record);
  }

  /** {@inheritDoc ReliableStore.findIncomingByBundleId} */
  async findIncomingByBundleId(bundleId: string): Promise<IncomingRecord | undefined> {
    this.open();
    const owner = this.incomingByBundle.get(bundleId);
    return owner === undefined ? undefined : this.getIncoming(owner);
  }

  /** {@inheritDoc ReliableStore.pruneIncoming} */
  async pruneIncoming(before: string): Promise<number> {
    this.open();
    const limit = instantOrder(before, 'before');
    let pruned = 0;
    for (const [messageHeaderId, entry] of this.incoming) {
      if (entry.lastSeenOrder >= limit) continue;
      for (const bundleId of entry.record.bundleIds) this.incomingByBundle.delete(bundleId);
      this.incoming.delete(messageHeaderId);
      pruned++;
    }
    return pruned;
  }

  /** Forgets every record; later calls reject. Closing twice is harmless. */
  async close(): Promise<void> {
    this.closed = true;
    this.outgoing.clear();
    this.outgoingByState.clear();
    this.outgoingByMessage.clear();
    this.incoming.clear();
    this.incomingByBundle.clear();
  }

  private open(): void {
    if (this.closed) throw storeClosed();
  }
}

/**
 * The error every store throws when used after `close()`.
 *
 * @internal
 */
export function storeClosed(): SamspilError {
  return new SamspilError('The store is closed');
}

/**
 * The error every store throws when an incoming record claims a Bundle.id another message already has: a Bundle.id
 * names one message, so the inbox must not see two answers for it.
 *
 * @internal
 */
export function bundleTaken(): SamspilError {
  return new SamspilError('A Bundle.id of this incoming record already belongs to another message');
}
