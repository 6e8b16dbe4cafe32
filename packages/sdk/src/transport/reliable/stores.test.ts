// SPDX-License-Identifier: MIT
// The memory and SQLite stores against the shared conformance cases, then SQLite's own promises: the schema, and
// records that survive closing, reopening and a killed process.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { isSamspilError } from '../../errors/index.js';
import { SqliteStore } from '../../node/index.js';
import { MemoryStore } from './memory-store.js';
import type { IncomingRecord, OutgoingRecord, ReliableStore } from './records.js';
import { incomingRecord, outgoingRecord, storeConformanceCases } from './store-conformance.test-support.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'samspil-stores-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = () => join(dir, `store-${++files}.db`);

const factories: Record<string, () => Promise<ReliableStore>> = {
  MemoryStore: async () => new MemoryStore(),
  'SqliteStore (:memory:)': () => SqliteStore.open(':memory:'),
  'SqliteStore (file)': () => SqliteStore.open(freshFile()),
};

for (const [name, open] of Object.entries(factories)) {
  describe(`${name} conformance`, () => {
    for (const c of storeConformanceCases()) {
      it(c.name, async () => {
        const store = await open();
        try {
          await c.run(store);
        } finally {
          await store.close();
        }
      });
    }
  });
}

describe('SqliteStore', () => {
  it('keeps every record across close and reopen', async () => {
    const file = freshFile();
    const outgoing = Array.from({ length: 20 }, (_, i) =>
      outgoingRecord({ messageHeaderId: `mh-${i}`, createdAt: `2026-03-01T10:00:${String(i).padStart(2, '0')}Z` }),
    );
    const incoming = Array.from({ length: 10 }, (_, i) =>
      incomingRecord({ messageHeaderId: `in-${i}`, bundleIds: [`b-${i}`, `c-${i}`] }),
    );
    const first = await SqliteStore.open(file);
    for (const record of outgoing) await first.putOutgoing(record);
    for (const record of incoming) await first.putIncoming(record);
    await first.close();

    const second = await SqliteStore.open(file);
    try {
      assert.deepEqual(await second.listOutgoing(), outgoing);
      for (const record of incoming) {
        assert.deepEqual(await second.getIncoming(record.messageHeaderId), record);
        assert.deepEqual(await second.findIncomingByBundleId(record.bundleIds[1]!), record);
      }
    } finally {
      await second.close();
    }
  });

  it('sets synchronous=FULL and foreign keys on its own connection', async () => {
    // The pragmas are per connection, so the store's own connection is caught as it sets them.
    const connections = new Set<Database.Database>();
    const pragma = Database.prototype.pragma;
    Database.prototype.pragma = function (this: Database.Database, ...args: Parameters<typeof pragma>) {
      connections.add(this);
      return pragma.apply(this, args);
    };
    let store: ReliableStore | undefined;
    try {
      store = await SqliteStore.open(freshFile());
    } finally {
      Database.prototype.pragma = pragma;
    }
    const [db] = connections;
    assert.equal(connections.size, 1);
    assert.equal(db!.pragma('synchronous', { simple: true }), 2, 'FULL');
    assert.equal(db!.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db!.pragma('journal_mode', { simple: true }), 'wal');
    await store.close();
  });

  it('uses WAL, records its schema version once, and migrates idempotently', async () => {
    const file = freshFile();
    await (await SqliteStore.open(file)).close();
    const other = await SqliteStore.open(file);
    await (await SqliteStore.open(file)).close();
    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.deepEqual(
        db.prepare('SELECT version FROM schema_version').all(),
        [{ version: 1 }],
        'one migration, applied once',
      );
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      assert.deepEqual(tables, ['incoming', 'incoming_bundle', 'outgoing', 'schema_version']);
    } finally {
      db.close();
      await other.close();
    }
  });

  it('refuses a database whose schema is newer than it knows', async () => {
    const file = freshFile();
    await (await SqliteStore.open(file)).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01T00:00:00Z')").run();
    db.close();
    await assert.rejects(SqliteStore.open(file), (e) => isSamspilError(e) && /schema version 99/.test(e.message));
  });

  it('wraps a file it cannot open in a SamspilError', async () => {
    const notADatabase = join(dir, 'not-a-database.db');
    writeFileSync(notADatabase, 'plain text, not SQLite '.repeat(100));
    await assert.rejects(SqliteStore.open(notADatabase), (e) => isSamspilError(e) && e.cause !== undefined);
    await assert.rejects(SqliteStore.open(join(dir, 'missing-dir', 'x.db')), isSamspilError);
  });

  it('shares one file between connections: each sees the other’s committed writes', async () => {
    const file = freshFile();
    const a = await SqliteStore.open(file);
    const b = await SqliteStore.open(file);
    try {
      await a.putOutgoing(outgoingRecord());
      await b.putIncoming(incomingRecord());
      assert.equal((await b.listOutgoing()).length, 1);
      assert.equal((await a.findIncomingByBundleId('bundle-1'))?.messageHeaderId, 'in-1');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('survives a writer killed mid-stream: every record whose put resolved is there, intact', async () => {
    const file = freshFile();
    const confirmed = new Map<string, OutgoingRecord | IncomingRecord>();
    // Three kills on the same file, so later writers also start from a database a killed one left behind.
    for (const stopAfter of [150, 40, 400]) {
      for (const line of await killedWriter(file, confirmed.size, stopAfter)) {
        const { kind, record } = JSON.parse(line) as
          { kind: 'outgoing'; record: OutgoingRecord } | { kind: 'incoming'; record: IncomingRecord };
        confirmed.set(kind === 'outgoing' ? record.key : record.messageHeaderId, record);
      }
    }

    const db = new Database(file);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(db.pragma('foreign_key_check'), []);
    } finally {
      db.close();
    }
    const store = await SqliteStore.open(file);
    try {
      const outgoing = new Map((await store.listOutgoing()).map((r) => [r.key, r]));
      for (const [id, record] of confirmed) {
        if ('key' in record) assert.deepEqual(outgoing.get(id), record, `outgoing ${id}`);
        else {
          assert.deepEqual(await store.getIncoming(id), record, `incoming ${id}`);
          for (const bundleId of record.bundleIds) {
            assert.equal((await store.findIncomingByBundleId(bundleId))?.messageHeaderId, id, `bundle ${bundleId}`);
          }
        }
      }
      // A put may also have committed just before the kill, unreported: more is fine, less is not.
      assert.ok(outgoing.size >= [...confirmed.values()].filter((r) => 'key' in r).length);
    } finally {
      await store.close();
    }
  });
});

const SQLITE_STORE = pathToFileURL(join(import.meta.dirname, '../../node/index.ts')).href;
const SUPPORT = pathToFileURL(join(import.meta.dirname, 'store-conformance.test-support.ts')).href;

/**
 * Runs a child process that writes records to `file` without end (outgoing and incoming by turns, ids from
 * `offset`), printing each one as a JSON line once its put has resolved; kills it with SIGKILL after `stopAfter`
 * lines. Resolves with the complete lines printed. The child waits for each line to reach the pipe before its next
 * put, so what the parent has read is exactly what was confirmed, and the kill lands while writes are under way.
 */
function killedWriter(file: string, offset: number, stopAfter: number): Promise<string[]> {
  const code = `
    import { SqliteStore } from ${JSON.stringify(SQLITE_STORE)};
    import { incomingRecord, outgoingRecord } from ${JSON.stringify(SUPPORT)};
    const store = await SqliteStore.open(process.env.SAMSPIL_DB);
    // Waits until the line is handed to the kernel: the loop otherwise never yields, and stdout never drains.
    const confirm = (line) => new Promise((resolve) => process.stdout.write(JSON.stringify(line) + '\\n', resolve));
    for (let i = ${offset}; ; i++) {
      const padding = 'x'.repeat(Math.floor(Math.random() * 20000));
      if (i % 2 === 0) {
        const record = outgoingRecord({ messageHeaderId: 'crash-' + i, message: JSON.stringify({ i, padding }) });
        await store.putOutgoing(record);
        await confirm({ kind: 'outgoing', record });
      } else {
        const record = incomingRecord({ messageHeaderId: 'crash-' + i, bundleIds: ['b-' + i, 'c-' + i], acknowledgement: padding });
        await store.putIncoming(record);
        await confirm({ kind: 'incoming', record });
      }
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      env: { ...process.env, SAMSPIL_DB: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let lines = 0;
    let err = '';
    // A writer that stalls must not hang the suite.
    const stalled = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      lines += chunk.split('\n').length - 1;
      if (lines >= stopAfter) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(stalled);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${status}): ${err}`));
      else if (lines < stopAfter) reject(new Error(`writer stalled after ${lines} records: ${err}`));
      // The last line may be cut short by the kill; only complete lines were confirmed.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}
