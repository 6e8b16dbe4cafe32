// SPDX-License-Identifier: MIT
// One party's messaging in the browser: an Outbox and an Inbox over the hub (through the demo server's /hub/
// proxy, with the party's token), on an IndexedDB store named after the party and this run of the demo: the
// outbox ticks on startPolling's timer, the inbox long-polls the mailbox. The inbox hands FHIR messages and OIOXML letters to the received-items store. Only one tab
// may run a party at a time (an outbox must have one owner), which a Web Lock ensures.
import { HubTransport, IndexedDbStore, Inbox, Outbox, startPolling } from '@samspil/sdk/transport';
import { loadConfig } from './config.js';
import { openReceivedStore } from './received-store.js';

/** How long one mailbox read may wait at the hub for mail. */
const LONG_POLL_SECONDS = 10;

/**
 * Holds the party's lock for as long as the page lives; false when another tab has it.
 *
 * @param {string} name
 * @returns {Promise<boolean>}
 */
function holdLock(name) {
  if (!navigator.locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      // Never settles: the lock goes when the page does.
      return lock ? new Promise(() => undefined) : undefined;
    });
  });
}

/**
 * Forgets what earlier runs of the demo (earlier hub databases, on this origin) left in the browser: their stores
 * would never be read again.
 *
 * @param {string} runId
 */
async function forgetEarlierRuns(runId) {
  const current = `samspil-demo-${runId}-`;
  try {
    for (const { name } of await indexedDB.databases()) {
      if (name?.startsWith('samspil-demo-') && !name.startsWith(current)) indexedDB.deleteDatabase(name);
    }
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('samspil-demo-') && !key.startsWith(current)) localStorage.removeItem(key);
    }
  } catch {
    // Only tidying: a browser without indexedDB.databases() keeps them.
  }
}

/**
 * @typedef {Awaited<ReturnType<typeof openSession>>} Session
 */

/**
 * Opens the party's session: stores, outbox, inbox and polling. Events of the outbox and inbox (and failed polls,
 * as `{ type: 'poll-error' }`) are dispatched as `reliable` events on `session.events`.
 *
 * @param {'hospital' | 'municipality' | 'gp'} key
 */
export async function openSession(key) {
  const config = await loadConfig();
  const party = config.parties[key];
  const name = `samspil-demo-${config.runId}-${key}`;
  if (!(await holdLock(name))) return { blocked: true, config, party };
  void forgetEarlierRuns(config.runId);

  const events = new EventTarget();
  /** @param {object} event */
  const emit = (event) => events.dispatchEvent(new CustomEvent('reliable', { detail: event }));
  const store = await IndexedDbStore.open(name);
  const received = await openReceivedStore(`${name}-received`);
  const transport = new HubTransport({
    url: new URL('/hub', location.origin).href,
    token: party.token,
    retry: { limit: 2, maxDelayMs: 2000 },
  });
  const { timing } = config;
  const outbox = new Outbox({
    store,
    transport,
    self: party.gln,
    ackTimeoutMs: timing.ackTimeoutMs,
    maxResends: timing.maxResends,
    retryBaseMs: timing.retryBaseMs,
    retryMaxMs: timing.retryMaxMs,
    transientDelayMs: timing.transientDelayMs,
    onEvent: emit,
  });
  const inbox = new Inbox({
    store,
    transport,
    outbox,
    self: party.gln,
    onEvent: emit,
    handler: (message, meta) => received.putMessage(message, meta),
    onLetter: (bytes, meta) => received.putLetter(bytes, meta),
  });
  /** @param {unknown} error */
  const failed = (error) =>
    emit({
      type: 'poll-error',
      reason: error instanceof Error ? error.message : String(error),
      at: new Date().toISOString(),
    });
  // The outbox's due work (retries, resends) on startPolling's timer.
  const poller = startPolling({ outbox, intervalMs: timing.pollIntervalMs, onError: failed });
  // The mailbox by long polling: each read waits at the hub until mail comes. Browsers slow timers in background
  // tabs to once a minute, but not network answers, so a party in a tab of its own keeps answering at once (and
  // its outbox's due work is done after every read too).
  let reading = true;
  void (async () => {
    while (reading) {
      try {
        await inbox.poll({ waitSeconds: LONG_POLL_SECONDS });
        await outbox.tick();
        await inbox.prune();
      } catch (error) {
        failed(error);
        await new Promise((resolve) => setTimeout(resolve, timing.pollIntervalMs));
      }
    }
  })();
  addEventListener('pagehide', () => {
    reading = false;
    void poller.stop();
  });
  // A page restored from the back-forward cache has a stopped poller: start afresh.
  addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
  return { blocked: false, config, party, store, received, outbox, inbox, events };
}
