// SPDX-License-Identifier: MIT
// The browser's durable ReliableStore: plain IndexedDB, one transaction per call. Rows wrap each record with the
// sortable forms of its times (see instantOrder), which the indexes use; the record itself is stored as given.
import { SamspilError } from '../../errors/index.js';
import { bundleTaken, compareOutgoing, instantOrder, storeClosed } from './memory-store.js';
import type { IncomingRecord, OutgoingRecord, ReliableStore } from './records.js';

const VERSION = 1;
const OUTGOING = 'outgoing';
const INCOMING = 'incoming';

interface OutgoingRow {
  readonly key: string;
  readonly messageHeaderId: string;
  readonly state: string;
  readonly createdOrder: string;
  /** Absent when the record has no dueAt, which keeps it out of the `dueAt` index. */
  readonly dueOrder?: string;
  readonly record: OutgoingRecord;
}

interface IncomingRow {
  readonly messageHeaderId: string;
  readonly bundleIds: readonly string[];
  readonly lastSeenOrder: string;
  readonly record: IncomingRecord;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Schema changes by version; `oldVersion` is what the database had. Append only. */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const outgoing = db.createObjectStore(OUTGOING, { keyPath: 'key' });
    outgoing.createIndex('createdAt', 'createdOrder');
    outgoing.createIndex('state', 'state');
    outgoing.createIndex('dueAt', 'dueOrder');
    outgoing.createIndex('messageHeaderId', 'messageHeaderId');
    const incoming = db.createObjectStore(INCOMING, { keyPath: 'messageHeaderId' });
    incoming.createIndex('bundleIds', 'bundleIds', { multiEntry: true });
    incoming.createIndex('lastSeenAt', 'lastSeenOrder');
  }
}

/**
 * A {@link ReliableStore} in the browser's IndexedDB: the outbox and inbox survive reloads. Every call is one
 * transaction; writes ask for strict durability, so a resolved put has reached the disk. The store closes itself
 * when another tab upgrades or deletes its database; later calls then reject.
 *
 * @example
 * ```ts
 * const store = await IndexedDbStore.open('my-ehr-samspil');
 * await store.putOutgoing(record);
 * const waiting = await store.listOutgoing({ states: ['sent'] });
 * ```
 * @category Transport
 */
export class IndexedDbStore implements ReliableStore {
  private closed = false;

  private constructor(private readonly db: IDBDatabase) {
    db.onversionchange = () => {
      this.closed = true;
      db.close();
    };
  }

  /**
   * Opens (creating or upgrading if need be) the database `name`.
   *
   * @param name - The IndexedDB database name; default `samspil`. Use one per party (GLN) if a page acts for several.
   * @throws SamspilError when IndexedDB is unavailable or the database cannot be opened (e.g. blocked by another tab
   * holding an older version open).
   *
   * @example
   * ```ts
   * const store = await IndexedDbStore.open();
   * ```
   */
  static async open(name = 'samspil'): Promise<IndexedDbStore> {
    if (typeof indexedDB === 'undefined') throw new SamspilError('IndexedDB is not available here');
    const req = indexedDB.open(name, VERSION);
    req.onupgradeneeded = (event) => upgrade(req.result, event.oldVersion);
    const opened = request(req);
    const blocked = new Promise<never>((_, reject) => {
      req.onblocked = () => reject(new Error('blocked by a connection to an older version'));
    });
    try {
      return new IndexedDbStore(await Promise.race([opened, blocked]));
    } catch (cause) {
      // A connection that opens after being blocked is closed at once, so it holds nothing up.
      void opened.then((db) => db.close()).catch(() => undefined);
      throw new SamspilError('Could not open the IndexedDB store', { cause });
    }
  }

  /** {@inheritDoc ReliableStore.putOutgoing} */
  async putOutgoing(record: OutgoingRecord): Promise<void> {
    const row: OutgoingRow = {
      key: record.key,
      messageHeaderId: record.messageHeaderId,
      state: record.state,
      createdOrder: instantOrder(record.createdAt, 'createdAt'),
      ...(record.dueAt === undefined ? {} : { dueOrder: instantOrder(record.dueAt, 'dueAt') }),
      record,
    };
    await this.transaction('putOutgoing', [OUTGOING], 'readwrite', (tx) => request(tx.objectStore(OUTGOING).put(row)));
  }

  /** {@inheritDoc ReliableStore.getOutgoing} */
  async getOutgoing(key: string): Promise<OutgoingRecord | undefined> {
    const row = await this.transaction('getOutgoing', [OUTGOING], 'readonly', (tx) =>
      request(tx.objectStore(OUTGOING).get(key) as IDBRequest<OutgoingRow | undefined>),
    );
    return row?.record;
  }

  /** {@inheritDoc ReliableStore.listOutgoing} */
  async listOutgoing(query: Parameters<ReliableStore['listOutgoing']>[0] = {}): Promise<OutgoingRecord[]> {
    const dueBy = query.dueBy === undefined ? undefined : instantOrder(query.dueBy, 'dueBy');
    const states = query.states && new Set<string>(query.states);
    if (states?.size === 0) return [];
    const rows = await this.transaction('listOutgoing', [OUTGOING], 'readonly', async (tx) => {
      const store = tx.objectStore(OUTGOING);
      const all = (source: IDBObjectStore | IDBIndex, range?: IDBKeyRange | string) =>
        request(source.getAll(range) as IDBRequest<OutgoingRow[]>);
      // The narrowest index answers; the other filters are applied below.
      if (query.messageHeaderId !== undefined) return all(store.index('messageHeaderId'), query.messageHeaderId);
      if (dueBy !== undefined) return all(store.index('dueAt'), IDBKeyRange.upperBound(dueBy));
      if (states) return (await Promise.all([...states].map((s) => all(store.index('state'), s)))).flat();
      return all(store.index('createdAt'));
    });
    return rows
      .filter(
        (row) =>
          (!states || states.has(row.state)) &&
          (query.messageHeaderId === undefined || row.messageHeaderId === query.messageHeaderId) &&
          (dueBy === undefined || (row.dueOrder !== undefined && row.dueOrder <= dueBy)),
      )
      .sort(compareOutgoing)
      .map((row) => row.record);
  }

  /** {@inheritDoc ReliableStore.putIncoming} */
  async putIncoming(record: IncomingRecord): Promise<void> {
    const row: IncomingRow = {
      messageHeaderId: record.messageHeaderId,
      bundleIds: record.bundleIds,
      lastSeenOrder: instantOrder(record.lastSeenAt, 'lastSeenAt'),
      record,
    };
    await this.transaction('putIncoming', [INCOMING], 'readwrite', async (tx) => {
      const store = tx.objectStore(INCOMING);
      const owners = await Promise.all(
        record.bundleIds.map((bundleId) => request(store.index('bundleIds').getAllKeys(bundleId))),
      );
      if (owners.flat().some((owner) => owner !== record.messageHeaderId)) throw bundleTaken();
      // The multiEntry index follows the row's bundleIds, so ids the new record no longer lists drop out.
      await request(store.put(row));
    });
  }

  /** {@inheritDoc ReliableStore.getIncoming} */
  async getIncoming(messageHeaderId: string): Promise<IncomingRecord | undefined> {
    const row = await this.transaction('getIncoming', [INCOMING], 'readonly', (tx) =>
      request(tx.objectStore(INCOMING).get(messageHeaderId) as IDBRequest<IncomingRow | undefined>),
    );
    return row?.record;
  }

  /** {@inheritDoc ReliableStore.findIncomingByBundleId} */
  async findIncomingByBundleId(bundleId: string): Promise<IncomingRecord | undefined> {
    const row = await this.transaction('findIncomingByBundleId', [INCOMING], 'readonly', (tx) =>
      request(tx.objectStore(INCOMING).index('bundleIds').get(bundleId) as IDBRequest<IncomingRow | undefined>),
    );
    return row?.record;
  }

  /** {@inheritDoc ReliableStore.pruneIncoming} */
  async pruneIncoming(before: string): Promise<number> {
    const limit = IDBKeyRange.upperBound(instantOrder(before, 'before'), true);
    return this.transaction('pruneIncoming', [INCOMING], 'readwrite', async (tx) => {
      const store = tx.objectStore(INCOMING);
      const keys = await request(store.index('lastSeenAt').getAllKeys(limit));
      await Promise.all(keys.map((key) => request(store.delete(key))));
      return keys.length;
    });
  }

  /** Closes the connection; later calls reject. Closing twice is harmless. */
  async close(): Promise<void> {
    this.closed = true;
    this.db.close();
  }

  /**
   * Runs `body` in one transaction and resolves with its result once the transaction has committed; if `body`
   * throws, the transaction is aborted and nothing it did is kept.
   */
  private async transaction<T>(
    operation: string,
    stores: string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => Promise<T>,
  ): Promise<T> {
    if (this.closed) throw storeClosed();
    let tx: IDBTransaction;
    try {
      // Chromium's default durability is relaxed (resolves before the disk flush); an outbox needs strict.
      tx = this.db.transaction(stores, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
    } catch (cause) {
      throw new SamspilError(`IndexedDbStore.${operation} failed`, { cause });
    }
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    // Swallowed here so an abort we cause below is not reported as unhandled; awaited on the success path.
    committed.catch(() => undefined);
    try {
      const result = await body(tx);
      await committed;
      return result;
    } catch (cause) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing to undo.
      }
      if (cause instanceof SamspilError) throw cause;
      throw new SamspilError(`IndexedDbStore.${operation} failed`, { cause });
    }
  }
}
