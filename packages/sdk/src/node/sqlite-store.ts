// SPDX-License-Identifier: MIT
// The durable ReliableStore for Node: one SQLite file through better-sqlite3 (an optional peer dependency, loaded
// only when a store is opened). better-sqlite3 is synchronous; the store's methods wrap it in promises.
import type BetterSqlite3 from 'better-sqlite3';
import { SamspilError } from '../errors/index.js';
import { bundleTaken, instantOrder, storeClosed } from '../transport/reliable/memory-store.js';
import type { IncomingRecord, OutgoingRecord, OutgoingState, ReliableStore } from '../transport/reliable/records.js';

/**
 * Options for {@link SqliteStore.open}.
 *
 * @category Transport
 */
export interface SqliteStoreOptions {
  /** How long (ms) to wait for another connection's write lock before failing; default 5000. */
  readonly timeout?: number;
}

/**
 * Schema migrations, in order; version n is `MIGRATIONS[n - 1]`. Append only: a released migration never changes.
 * Times are kept twice: as given (in the JSON) and in sortable form (`*_order`, see `instantOrder`).
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE outgoing (
     key TEXT PRIMARY KEY NOT NULL,
     message_header_id TEXT NOT NULL,
     state TEXT NOT NULL,
     created_order TEXT NOT NULL,
     due_order TEXT,
     message TEXT NOT NULL,
     rest TEXT NOT NULL
   );
   CREATE INDEX outgoing_created ON outgoing (created_order, key);
   CREATE INDEX outgoing_state_due ON outgoing (state, due_order);
   CREATE INDEX outgoing_due ON outgoing (due_order);
   CREATE INDEX outgoing_message_header ON outgoing (message_header_id);
   CREATE TABLE incoming (
     message_header_id TEXT PRIMARY KEY NOT NULL,
     last_seen_order TEXT NOT NULL,
     rest TEXT NOT NULL
   );
   CREATE INDEX incoming_last_seen ON incoming (last_seen_order);
   CREATE TABLE incoming_bundle (
     bundle_id TEXT PRIMARY KEY NOT NULL,
     message_header_id TEXT NOT NULL REFERENCES incoming (message_header_id) ON DELETE CASCADE
   );
   CREATE INDEX incoming_bundle_message_header ON incoming_bundle (message_header_id);`,
];

interface OutgoingRow {
  readonly key: string;
  readonly message_header_id: string;
  readonly state: string;
  readonly message: string;
  readonly rest: string;
}

interface IncomingRow {
  readonly message_header_id: string;
  readonly rest: string;
}

function toOutgoing(row: OutgoingRow): OutgoingRecord {
  const rest = JSON.parse(row.rest) as Omit<OutgoingRecord, 'key' | 'messageHeaderId' | 'state' | 'message'>;
  return {
    key: row.key,
    messageHeaderId: row.message_header_id,
    ...rest,
    state: row.state as OutgoingState,
    message: row.message,
  };
}

function toIncoming(row: IncomingRow): IncomingRecord {
  const rest = JSON.parse(row.rest) as Omit<IncomingRecord, 'messageHeaderId'>;
  return { messageHeaderId: row.message_header_id, ...rest };
}

async function loadDriver(): Promise<typeof BetterSqlite3> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (cause) {
    throw new SamspilError('SqliteStore needs better-sqlite3 12: npm install better-sqlite3@12', { cause });
  }
}

/** Brings the schema up to date; safe to run on every open, by several processes at once. */
function migrate(db: BetterSqlite3.Database): void {
  // IMMEDIATE takes the write lock first, so a second process opening the same file waits and then sees the result.
  db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)',
    );
    const row = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_version').get();
    const current = row?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new SamspilError(
        `The database has schema version ${current}; this SDK knows versions up to ${MIGRATIONS.length}`,
      );
    }
    const record = db.prepare<[number, string]>('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
    MIGRATIONS.slice(current).forEach((sql, i) => {
      db.exec(sql);
      record.run(current + i + 1, new Date().toISOString());
    });
  }).immediate();
}

/**
 * A {@link ReliableStore} in one SQLite file, for Node: the outbox and inbox survive restarts and crashes. Opens in
 * WAL mode with `synchronous=FULL`, so a call that has resolved stays done even after a power cut. Several stores
 * (and processes) may open the same file; each call is one transaction. Needs `better-sqlite3` 12 installed.
 *
 * @example
 * ```ts
 * import { SqliteStore } from '@samspil/sdk/node';
 *
 * const store = await SqliteStore.open('/var/lib/ehr/samspil.db');
 * await store.putOutgoing(record);
 * await store.close();
 * ```
 * @category Transport
 */
export class SqliteStore implements ReliableStore {
  private readonly statements = new Map<string, BetterSqlite3.Statement<unknown[], unknown>>();

  private constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Opens (creating if need be) the database at `path`, or a private in-memory one for `':memory:'`, and brings its
   * schema up to date.
   *
   * @param path - The database file; its directory must exist. `-wal` and `-shm` files appear beside it.
   * @param options - Lock timeout.
   * @throws SamspilError when better-sqlite3 is missing, the file cannot be opened, or its schema is newer than
   * this SDK.
   *
   * @example
   * ```ts
   * const store = await SqliteStore.open('./outbox.db', { timeout: 10_000 });
   * ```
   */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const Database = await loadDriver();
    let db: BetterSqlite3.Database | undefined;
    try {
      db = new Database(path, { timeout: options.timeout ?? 5000 });
      db.pragma('journal_mode = WAL');
      // FULL: WAL's default (NORMAL) may lose the last commits on power loss, and a resolved put must stay put.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new SqliteStore(db);
    } catch (cause) {
      db?.close();
      if (cause instanceof SamspilError) throw cause;
      throw new SamspilError('Could not open the SQLite store', { cause });
    }
  }

  /** {@inheritDoc ReliableStore.putOutgoing} */
  async putOutgoing(record: OutgoingRecord): Promise<void> {
    this.run('putOutgoing', () => {
      const { key, messageHeaderId, state, message, ...rest } = record;
      this.statement(
        `INSERT OR REPLACE INTO outgoing (key, message_header_id, state, created_order, due_order, message, rest)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        key,
        messageHeaderId,
        state,
        instantOrder(record.createdAt, 'createdAt'),
        record.dueAt === undefined ? null : instantOrder(record.dueAt, 'dueAt'),
        message,
        JSON.stringify(rest),
      );
    });
  }

  /** {@inheritDoc ReliableStore.getOutgoing} */
  async getOutgoing(key: string): Promise<OutgoingRecord | undefined> {
    return this.run('getOutgoing', () => {
      const row = this.statement<[string], OutgoingRow>(
        'SELECT key, message_header_id, state, message, rest FROM outgoing WHERE key = ?',
      ).get(key);
      return row && toOutgoing(row);
    });
  }

  /** {@inheritDoc ReliableStore.listOutgoing} */
  async listOutgoing(query: Parameters<ReliableStore['listOutgoing']>[0] = {}): Promise<OutgoingRecord[]> {
    return this.run('listOutgoing', () => {
      const where: string[] = [];
      const params: string[] = [];
      if (query.states) {
        if (query.states.length === 0) return [];
        where.push(`state IN (${query.states.map(() => '?').join(', ')})`);
        params.push(...query.states);
      }
      if (query.dueBy !== undefined) {
        where.push('due_order <= ?');
        params.push(instantOrder(query.dueBy, 'dueBy'));
      }
      if (query.messageHeaderId !== undefined) {
        where.push('message_header_id = ?');
        params.push(query.messageHeaderId);
      }
      const sql = `SELECT key, message_header_id, state, message, rest FROM outgoing
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_order, key`;
      return this.statement<string[], OutgoingRow>(sql)
        .all(...params)
        .map(toOutgoing);
    });
  }

  /** {@inheritDoc ReliableStore.putIncoming} */
  async putIncoming(record: IncomingRecord): Promise<void> {
    this.run('putIncoming', () => {
      const { messageHeaderId, ...rest } = record;
      const owner = this.statement<[string], { message_header_id: string }>(
        'SELECT message_header_id FROM incoming_bundle WHERE bundle_id = ?',
      );
      for (const bundleId of record.bundleIds) {
        const row = owner.get(bundleId);
        if (row && row.message_header_id !== messageHeaderId) throw bundleTaken();
      }
      this.statement(
        `INSERT INTO incoming (message_header_id, last_seen_order, rest) VALUES (?, ?, ?)
         ON CONFLICT (message_header_id) DO UPDATE SET last_seen_order = excluded.last_seen_order, rest = excluded.rest`,
      ).run(messageHeaderId, instantOrder(record.lastSeenAt, 'lastSeenAt'), JSON.stringify(rest));
      // The bundle index mirrors the record's bundleIds: ids the new record no longer lists are dropped.
      this.statement('DELETE FROM incoming_bundle WHERE message_header_id = ?').run(messageHeaderId);
      const add = this.statement('INSERT OR IGNORE INTO incoming_bundle (bundle_id, message_header_id) VALUES (?, ?)');
      for (const bundleId of record.bundleIds) add.run(bundleId, messageHeaderId);
    });
  }

  /** {@inheritDoc ReliableStore.getIncoming} */
  async getIncoming(messageHeaderId: string): Promise<IncomingRecord | undefined> {
    return this.run('getIncoming', () => {
      const row = this.statement<[string], IncomingRow>(
        'SELECT message_header_id, rest FROM incoming WHERE message_header_id = ?',
      ).get(messageHeaderId);
      return row && toIncoming(row);
    });
  }

  /** {@inheritDoc ReliableStore.findIncomingByBundleId} */
  async findIncomingByBundleId(bundleId: string): Promise<IncomingRecord | undefined> {
    return this.run('findIncomingByBundleId', () => {
      const row = this.statement<[string], IncomingRow>(
        `SELECT incoming.message_header_id, incoming.rest FROM incoming_bundle
         JOIN incoming ON incoming.message_header_id = incoming_bundle.message_header_id
         WHERE incoming_bundle.bundle_id = ?`,
      ).get(bundleId);
      return row && toIncoming(row);
    });
  }

  /** {@inheritDoc ReliableStore.pruneIncoming} */
  async pruneIncoming(before: string): Promise<number> {
    return this.run('pruneIncoming', () => {
      const limit = instantOrder(before, 'before');
      this.statement(
        `DELETE FROM incoming_bundle
         WHERE message_header_id IN (SELECT message_header_id FROM incoming WHERE last_seen_order < ?)`,
      ).run(limit);
      return this.statement('DELETE FROM incoming WHERE last_seen_order < ?').run(limit).changes;
    });
  }

  /** Closes the database (checkpointing the WAL when this was the last connection); later calls reject. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Runs one call as one transaction on the open database; SQLite's errors become SamspilErrors (ours pass through). */
  private run<T>(operation: string, body: () => T): T {
    if (!this.db.open) throw storeClosed();
    try {
      return this.db.transaction(body)();
    } catch (cause) {
      if (cause instanceof SamspilError) throw cause;
      throw new SamspilError(`SqliteStore.${operation} failed`, { cause });
    }
  }

  /** Statements are prepared once per SQL text; listOutgoing has a handful of shapes. */
  private statement<P extends unknown[] = unknown[], R = unknown>(sql: string): BetterSqlite3.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as unknown as BetterSqlite3.Statement<P, R>;
  }
}
