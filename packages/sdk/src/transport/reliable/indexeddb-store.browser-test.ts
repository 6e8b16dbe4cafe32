// SPDX-License-Identifier: MIT
// IndexedDbStore in Chromium: the shared conformance cases, each on a fresh database deleted afterwards, then what
// only IndexedDB does (reopening by name, the schema, giving way to another tab's deleteDatabase).
import { expect } from '@open-wc/testing';
import { isSamspilError } from '../../errors/index.js';
import { IndexedDbStore } from './indexeddb-store.js';
import { incomingRecord, outgoingRecord, storeConformanceCases } from './store-conformance.test-support.js';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('deleteDatabase failed'));
    req.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

describe('IndexedDbStore', () => {
  let name = '';
  beforeEach(() => {
    name = `samspil-test-${crypto.randomUUID()}`;
  });
  afterEach(() => deleteDatabase(name));

  describe('conformance', () => {
    for (const c of storeConformanceCases()) {
      it(c.name, async () => {
        const store = await IndexedDbStore.open(name);
        try {
          await c.run(store);
        } finally {
          await store.close();
        }
      });
    }
  });

  it('keeps records across close and reopen by name', async () => {
    const outgoing = outgoingRecord();
    const incoming = incomingRecord({ bundleIds: ['b-1', 'b-2'] });
    const first = await IndexedDbStore.open(name);
    await first.putOutgoing(outgoing);
    await first.putIncoming(incoming);
    await first.close();
    const second = await IndexedDbStore.open(name);
    try {
      expect(await second.getOutgoing(outgoing.key)).to.deep.equal(outgoing);
      expect(await second.findIncomingByBundleId('b-2')).to.deep.equal(incoming);
    } finally {
      await second.close();
    }
    const other = await IndexedDbStore.open(`${name}-other`);
    try {
      expect(await other.getOutgoing(outgoing.key), 'another name is another database').to.equal(undefined);
    } finally {
      await other.close();
      await deleteDatabase(`${name}-other`);
    }
  });

  it('creates the object stores and indexes the brief names', async () => {
    await (await IndexedDbStore.open(name)).close();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    try {
      expect(db.version).to.equal(1);
      expect([...db.objectStoreNames]).to.deep.equal(['incoming', 'outgoing']);
      const tx = db.transaction(['incoming', 'outgoing']);
      const outgoing = tx.objectStore('outgoing');
      const incoming = tx.objectStore('incoming');
      expect(outgoing.keyPath).to.equal('key');
      expect([...outgoing.indexNames]).to.deep.equal(['createdAt', 'dueAt', 'messageHeaderId', 'state']);
      expect(incoming.keyPath).to.equal('messageHeaderId');
      expect([...incoming.indexNames]).to.deep.equal(['bundleIds', 'lastSeenAt']);
      expect(incoming.index('bundleIds').multiEntry).to.equal(true);
    } finally {
      db.close();
    }
  });

  it('gives way when another tab deletes its database, then rejects calls', async () => {
    const store = await IndexedDbStore.open(name);
    await store.putOutgoing(outgoingRecord());
    await deleteDatabase(name);
    let error: unknown;
    try {
      await store.listOutgoing();
    } catch (e) {
      error = e;
    }
    expect(isSamspilError(error)).to.equal(true);
    await store.close();
  });
});
