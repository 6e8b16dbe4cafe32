// SPDX-License-Identifier: MIT
// The hub's durable state in one SQLite file: every envelope it accepted (or refused) and every mailbox item.
// Each state change is one transaction, committed before the HTTP answer goes out, so whatever was answered
// with 202 survives a crash or a kill.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

/** Schema migrations, in order; version n is `MIGRATIONS[n - 1]`. Append only. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE envelopes (
     id INTEGER PRIMARY KEY,
     sender TEXT NOT NULL,
     receiver TEXT NOT NULL,
     envelope_identifier TEXT NOT NULL,
     origin TEXT NOT NULL CHECK (origin IN ('party', 'hub')),
     kind TEXT NOT NULL CHECK (kind IN ('message', 'receipt')),
     body TEXT,
     sha256 TEXT NOT NULL,
     header TEXT,
     accepted_at TEXT NOT NULL,
     delivered_at TEXT,
     state TEXT NOT NULL CHECK (state IN ('waiting', 'delivered', 'refused')),
     UNIQUE (sender, envelope_identifier)
   );
   CREATE TABLE mailbox (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     receiver TEXT NOT NULL,
     envelope INTEGER NOT NULL REFERENCES envelopes (id),
     received_at TEXT NOT NULL,
     confirmed_at TEXT
   );
   CREATE INDEX mailbox_waiting ON mailbox (receiver, seq) WHERE confirmed_at IS NULL;`,
];

/** An envelope to store: its addressing as read from the VANSEnvelope header, its text and the text's hash. */
export interface EnvelopeRow {
  readonly sender: string;
  readonly receiver: string;
  readonly envelopeIdentifier: string;
  readonly kind: 'message' | 'receipt';
  readonly body: string;
  readonly sha256: string;
  /** What the hub needs later to write a receipt for a message (JSON), without the message's data. */
  readonly header?: string;
}

/** What {@link HubStore.accept} did with a posted envelope. */
export type AcceptOutcome =
  | { readonly kind: 'accepted'; readonly receiver: string; readonly duplicate: boolean }
  | { readonly kind: 'unknown-receiver'; readonly duplicate: boolean; readonly receiptTo: string | undefined }
  | { readonly kind: 'reused' };

/** What {@link HubStore.confirm} did. */
export type ConfirmOutcome =
  | { readonly kind: 'confirmed'; readonly receiptTo: string | undefined; readonly envelopeIdentifier: string }
  | { readonly kind: 'already-confirmed' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-owner' };

/** One waiting mailbox item. */
export interface StoredItem {
  readonly id: string;
  readonly envelope: string;
  readonly receivedAt: string;
}

/** An envelope a party sent, as the status endpoint reports it. */
export interface StoredStatus {
  readonly envelopeIdentifier: string;
  readonly receiver: string;
  readonly state: 'waiting' | 'delivered';
  readonly acceptedAt: string;
  readonly deliveredAt?: string;
}

interface ExistingRow {
  readonly sha256: string;
  readonly receiver: string;
  readonly state: 'waiting' | 'delivered' | 'refused';
}

interface ItemRow {
  readonly receiver: string;
  readonly confirmed_at: string | null;
  readonly envelope: number;
  readonly envelope_identifier: string;
  readonly origin: 'party' | 'hub';
  readonly kind: 'message' | 'receipt';
  readonly header: string | null;
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT)');
    const row = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_version').get();
    const current = row?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`The hub database has schema version ${current}; this hub knows up to ${MIGRATIONS.length}`);
    }
    const record = db.prepare<[number, string]>('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
    MIGRATIONS.slice(current).forEach((sql, i) => {
      db.exec(sql);
      record.run(current + i + 1, new Date().toISOString());
    });
  }).immediate();
}

/**
 * The hub's tables: `envelopes` (unique per sender and EnvelopeIdentifier, with the body's SHA-256 to tell a
 * retry from a reuse) and `mailbox` (items per receiver, kept after confirmation so a repeated DELETE is
 * answered the same way). A delivered envelope's body is dropped: the hub forwards, it does not archive.
 */
export class HubStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly statements = new Map<string, Database.Statement<unknown[], unknown>>();

  private constructor(db: Database.Database, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  /** Opens (or creates) the database; `:memory:` for one that lives as long as the hub. */
  static open(path: string, now: () => Date): HubStore {
    const db = new Database(path, { timeout: 5000 });
    try {
      db.pragma('journal_mode = WAL');
      // FULL: with WAL's default (NORMAL) a power cut may lose commits that were already answered with 202.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new HubStore(db, now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Stores a posted envelope and puts it in its receiver's mailbox, in one transaction. The same sender and
   * EnvelopeIdentifier with the same bytes is a retry (nothing stored); with other bytes a reuse. For a receiver
   * that is not a party, the envelope is recorded as refused and `refusal()` (a NegativeVans receipt, if the
   * envelope deserves one) goes to the sender's mailbox instead.
   */
  accept(row: EnvelopeRow, receiverKnown: boolean, refusal: () => EnvelopeRow | undefined): AcceptOutcome {
    return this.db
      .transaction((): AcceptOutcome => {
        const existing = this.statement<[string, string], ExistingRow>(
          'SELECT sha256, receiver, state FROM envelopes WHERE sender = ? AND envelope_identifier = ?',
        ).get(row.sender, row.envelopeIdentifier);
        if (existing) {
          if (existing.sha256 !== row.sha256) return { kind: 'reused' };
          if (existing.state === 'refused') return { kind: 'unknown-receiver', duplicate: true, receiptTo: undefined };
          return { kind: 'accepted', receiver: existing.receiver, duplicate: true };
        }
        if (!receiverKnown) {
          // Only the hash is kept: enough to answer a retry the same way and to spot a reuse.
          this.insertEnvelope({ ...row, body: null, header: undefined }, 'party', 'refused');
          const receipt = refusal();
          if (receipt) this.deliver(receipt, 'hub');
          return { kind: 'unknown-receiver', duplicate: false, receiptTo: receipt?.receiver };
        }
        this.deliver(row, 'party');
        return { kind: 'accepted', receiver: row.receiver, duplicate: false };
      })
      .immediate();
  }

  /** Up to `limit` waiting items of a mailbox, oldest first, stopping once `maxChars` of envelopes are collected. */
  mailbox(receiver: string, limit: number, maxChars: number): StoredItem[] {
    const items: StoredItem[] = [];
    let chars = 0;
    const rows = this.statement<[string, number], { id: string; body: string; received_at: string }>(
      `SELECT m.id, e.body, m.received_at FROM mailbox m JOIN envelopes e ON e.id = m.envelope
         WHERE m.receiver = ? AND m.confirmed_at IS NULL ORDER BY m.seq LIMIT ?`,
    ).iterate(receiver, limit);
    for (const row of rows) {
      if (items.length > 0 && chars + row.body.length > maxChars) break;
      items.push({ id: row.id, envelope: row.body, receivedAt: row.received_at });
      chars += row.body.length;
    }
    return items;
  }

  /**
   * Confirms a mailbox item of `receiver`: marks it confirmed and its envelope delivered, and, for a message a
   * party sent, puts `receipt(...)` (its PositiveMessage) in the sender's mailbox, all in one transaction.
   */
  confirm(receiver: string, itemId: string, receipt: (header: string) => EnvelopeRow): ConfirmOutcome {
    return this.db
      .transaction((): ConfirmOutcome => {
        const item = this.statement<[string], ItemRow>(
          `SELECT m.receiver, m.confirmed_at, m.envelope, e.envelope_identifier, e.origin, e.kind, e.header
             FROM mailbox m JOIN envelopes e ON e.id = m.envelope WHERE m.id = ?`,
        ).get(itemId);
        if (!item) return { kind: 'not-found' };
        if (item.receiver !== receiver) return { kind: 'not-owner' };
        if (item.confirmed_at !== null) return { kind: 'already-confirmed' };
        const at = this.now().toISOString();
        this.statement('UPDATE mailbox SET confirmed_at = ? WHERE id = ?').run(at, itemId);
        this.statement(`UPDATE envelopes SET state = 'delivered', delivered_at = ?, body = NULL WHERE id = ?`).run(
          at,
          item.envelope,
        );
        let receiptTo: string | undefined;
        if (item.origin === 'party' && item.kind === 'message' && item.header !== null) {
          const row = receipt(item.header);
          this.deliver(row, 'hub');
          receiptTo = row.receiver;
        }
        return { kind: 'confirmed', receiptTo, envelopeIdentifier: item.envelope_identifier };
      })
      .immediate();
  }

  /** The delivery status of an envelope `sender` posted and the hub accepted. */
  status(sender: string, envelopeIdentifier: string): StoredStatus | undefined {
    const row = this.statement<
      [string, string],
      { receiver: string; state: 'waiting' | 'delivered'; accepted_at: string; delivered_at: string | null }
    >(
      `SELECT receiver, state, accepted_at, delivered_at FROM envelopes
         WHERE sender = ? AND envelope_identifier = ? AND origin = 'party' AND state <> 'refused'`,
    ).get(sender, envelopeIdentifier);
    if (!row) return undefined;
    return {
      envelopeIdentifier,
      receiver: row.receiver,
      state: row.state,
      acceptedAt: row.accepted_at,
      ...(row.delivered_at === null ? {} : { deliveredAt: row.delivered_at }),
    };
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private statement<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as unknown as Database.Statement<P, R>;
  }

  private deliver(row: EnvelopeRow, origin: 'party' | 'hub'): void {
    const envelope = this.insertEnvelope(row, origin, 'waiting');
    this.statement('INSERT INTO mailbox (id, receiver, envelope, received_at) VALUES (?, ?, ?, ?)').run(
      randomUUID(),
      row.receiver,
      envelope,
      this.now().toISOString(),
    );
  }

  private insertEnvelope(
    row: Omit<EnvelopeRow, 'body'> & { readonly body: string | null },
    origin: 'party' | 'hub',
    state: 'waiting' | 'refused',
  ): number | bigint {
    return this.statement(
      `INSERT INTO envelopes (sender, receiver, envelope_identifier, origin, kind, body, sha256, header, accepted_at, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.sender,
      row.receiver,
      row.envelopeIdentifier,
      origin,
      row.kind,
      row.body,
      row.sha256,
      row.header ?? null,
      this.now().toISOString(),
      state,
    ).lastInsertRowid;
  }
}
