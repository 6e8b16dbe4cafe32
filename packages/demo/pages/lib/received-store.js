// SPDX-License-Identifier: MIT
// What this party has received, kept in the browser (IndexedDB) so a reload still shows it: the inbox hands each
// message and letter over once it is stored, and only then confirms it to the hub. Keyed by MessageHeader.id (or a
// letter's envelope identifier), so a copy that comes again is stored once.

const STORE = 'received';

/**
 * @typedef {{ id: string, type: 'message', senderGln: string, receivedAt: string, envelopeId: string,
 *   json: string }} ReceivedMessage
 * @typedef {{ id: string, type: 'letter', senderGln: string, receivedAt: string, envelopeId: string,
 *   name: string | undefined, bytes: Uint8Array }} ReceivedLetter
 * @typedef {ReceivedMessage | ReceivedLetter} ReceivedItem
 */

/**
 * @template T
 * @param {IDBRequest<T>} request
 * @returns {Promise<T>}
 */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Opens (creating if needed) the received-items database `name`.
 *
 * @param {string} name
 */
export async function openReceivedStore(name) {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
  /** @type {IDBDatabase} */
  const db = await done(open);
  const changes = new EventTarget();

  /**
   * Stores an item unless one with its id is there already; tells listeners when something new arrived.
   *
   * @param {ReceivedItem} item
   */
  async function keep(item) {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const existing = await done(store.get(item.id));
    if (!existing) store.put(item);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    if (!existing) changes.dispatchEvent(new CustomEvent('change', { detail: item }));
  }

  return {
    changes,
    /**
     * @param {import('@medplum/fhirtypes').Bundle} bundle
     * @param {{ messageHeaderId: string, senderGln: string, receivedAt: string, envelopeId: string }} meta
     */
    putMessage(bundle, meta) {
      return keep({
        id: meta.messageHeaderId,
        type: 'message',
        senderGln: meta.senderGln,
        receivedAt: meta.receivedAt,
        envelopeId: meta.envelopeId,
        json: JSON.stringify(bundle),
      });
    },
    /**
     * @param {Uint8Array} bytes
     * @param {{ identifier?: string, envelopeId: string, senderGln: string, receivedAt: string, name?: string }} meta
     */
    putLetter(bytes, meta) {
      return keep({
        id: meta.identifier ?? meta.envelopeId,
        type: 'letter',
        senderGln: meta.senderGln,
        receivedAt: meta.receivedAt,
        envelopeId: meta.envelopeId,
        name: meta.name,
        bytes: new Uint8Array(bytes),
      });
    },
    /** @returns {Promise<ReceivedItem[]>} Every item, oldest first. */
    async all() {
      const items = await done(db.transaction(STORE).objectStore(STORE).getAll());
      return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    },
  };
}
