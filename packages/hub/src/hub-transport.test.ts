// SPDX-License-Identifier: MIT
// The SDK's HubTransport against a real hub: the Transport contract, how failures map to TransportErrors, and an
// Outbox and Inbox pair exchanging a CareCommunication over the hub until it is acknowledged.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { HttpError, isTransportError, NetworkError, TimeoutError, TransportError } from '@samspil/sdk';
import {
  HubTransport,
  Inbox,
  MemoryStore,
  Outbox,
  unwrapVansEnvelope,
  type InboxHandler,
  type ReliableEvent,
} from '@samspil/sdk/transport';
import {
  call,
  envelope,
  envelopeIdOf,
  GP,
  HOSPITAL,
  letter,
  mailbox,
  MUNICIPALITY,
  PARTIES,
  sequence,
  STRANGER,
  testHub,
  type TestHub,
  type TestParty,
} from './hub.test-support.js';

const FAIL = sequence(0, 0);
const DROP = sequence(0, 0.9);
const DELAY = sequence(0, 0.5, 0);

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a failure');
}

describe('HubTransport', () => {
  let hub: TestHub;
  let random: () => number = Math.random;
  const transport = (who: TestParty, options: { limit?: number; timeoutMs?: number } = {}) =>
    new HubTransport({
      url: hub.url,
      token: who.token,
      retry: { limit: options.limit ?? 0, maxDelayMs: 20 },
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  before(async () => {
    hub = await testHub({ random: () => random() });
  });
  after(() => hub.close());
  beforeEach(async () => {
    hub.setFaultRate(0);
    for (const who of PARTIES) {
      for (const item of await mailbox(hub, who)) await call(hub, who.token, 'DELETE', `/v1/mailbox/${item.id}`);
    }
  });

  it('sends, fetches and confirms; a repeated send succeeds; confirming twice succeeds', async () => {
    const hospital = transport(HOSPITAL);
    const municipality = transport(MUNICIPALITY);
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    await hospital.send(xml);
    await hospital.send(xml);
    const items = await municipality.fetch();
    assert.equal(items.length, 1);
    assert.equal(items[0]?.envelope, xml);
    const id = envelopeIdOf(xml);
    assert.equal((await hospital.deliveryStatus(id))?.state, 'waiting');
    await municipality.confirm(items[0]?.id ?? '');
    await municipality.confirm(items[0]?.id ?? '');
    await municipality.confirm('00000000-0000-4000-8000-000000000000');
    assert.deepEqual(await municipality.fetch(), []);
    const status = await hospital.deliveryStatus(id);
    assert.equal(status?.state, 'delivered');
    assert.equal(status?.receiver, MUNICIPALITY.gln);
    assert.equal(await hospital.deliveryStatus('00000000-0000-4000-8000-000000000000'), undefined);
    const [receipt] = await hospital.fetch({ limit: 1 });
    const read = unwrapVansEnvelope(receipt?.envelope ?? '');
    assert.ok(read.kind === 'receipt' && read.receipt.type === 'PositiveMessage');
  });

  it('asks for no caching on every request, so a browser never serves or queues a mailbox read', async () => {
    const modes: string[] = [];
    const spying = new HubTransport({
      url: hub.url,
      token: MUNICIPALITY.token,
      fetch: (input, init) => {
        modes.push(input instanceof Request ? input.cache : String(init?.cache));
        return fetch(input, init);
      },
    });
    await spying.fetch();
    await spying.send(envelope(MUNICIPALITY, HOSPITAL));
    assert.deepEqual(modes, ['no-store', 'no-store']);
  });

  it('fetch with waitSeconds waits for the first item', async () => {
    const gp = transport(GP, { timeoutMs: 2000 });
    const waiting = gp.fetch({ waitSeconds: 5 });
    await new Promise((done) => setTimeout(done, 100));
    await transport(HOSPITAL).send(envelope(HOSPITAL, GP));
    assert.equal((await waiting).length, 1);
  });

  it('maps a 403 to a final HttpError with the hub’s code and message', async () => {
    const error = await failure(transport(GP).send(envelope(HOSPITAL, MUNICIPALITY)));
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'not-sender');
    assert.equal(error.retryable, false);
    assert.match(error.message, /SenderID/);
  });

  it('maps 404 unknown-receiver, 409 envelope-reused, 400 and 401 to final HttpErrors', async () => {
    const hospital = transport(HOSPITAL);
    const unknown = await failure(hospital.send(envelope(HOSPITAL, STRANGER)));
    assert.ok(unknown instanceof HttpError && unknown.status === 404 && unknown.code === 'unknown-receiver');
    assert.equal(unknown.retryable, false);
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    await hospital.send(xml);
    const reused = await failure(hospital.send(envelope(HOSPITAL, MUNICIPALITY, { envelopeId: envelopeIdOf(xml) })));
    assert.ok(reused instanceof HttpError && reused.status === 409 && !reused.retryable);
    const bad = await failure(hospital.send('<nope/>'));
    assert.ok(bad instanceof HttpError && bad.code === 'bad-envelope' && !bad.retryable);
    const stranger = new HubTransport({ url: hub.url, token: 'not-a-token' });
    const unauthorized = await failure(stranger.fetch());
    assert.ok(unauthorized instanceof HttpError && unauthorized.status === 401 && !unauthorized.retryable);
  });

  it('maps a dropped response to a retryable NetworkError (after its own retries)', async () => {
    random = DROP;
    hub.setFaultRate(1);
    const error = await failure(transport(HOSPITAL, { limit: 2 }).send(envelope(HOSPITAL, MUNICIPALITY)));
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.retryable, true);
    assert.ok(isTransportError(error));
    assert.equal(hub.lines.filter((l) => l.fault === 'drop').length >= 3, true, 'first try and two retries');
  });

  it('maps a 503 to a retryable HttpError', async () => {
    random = FAIL;
    hub.setFaultRate(1);
    const error = await failure(transport(HOSPITAL).fetch());
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 503);
    assert.equal(error.code, 'injected-fault');
    assert.equal(error.retryable, true);
  });

  it('maps no answer in time to a retryable TimeoutError', async () => {
    random = DELAY;
    hub.setFaultRate(1);
    const error = await failure(transport(HOSPITAL, { timeoutMs: 200 }).confirm('some-item'));
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.retryable, true);
  });

  it('maps a refused connection to a retryable NetworkError', async () => {
    const closed = await testHub();
    await closed.close();
    const error = await failure(new HubTransport({ url: closed.url, token: 'x', retry: { limit: 0 } }).fetch());
    assert.ok(error instanceof NetworkError, String(error));
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('retries what may pass: a post that first meets a 503 succeeds, stored once', async () => {
    random = sequence(0, 0, 0.9); // fail, then not disturbed
    hub.setFaultRate(0.5);
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    await transport(HOSPITAL, { limit: 2 }).send(xml);
    hub.setFaultRate(0);
    assert.deepEqual(
      (await mailbox(hub, MUNICIPALITY)).map((i) => i.envelope),
      [xml],
    );
  });

  it('refuses an envelope over 100 MB before sending it, as final', async () => {
    const error = await failure(transport(HOSPITAL).send('x'.repeat(100 * 1024 * 1024 + 1)));
    assert.ok(error instanceof TransportError && !error.retryable);
  });
});

describe('Outbox and Inbox over the real hub', () => {
  it('exchange a CareCommunication until the sender’s record is acknowledged', async () => {
    const hub = await testHub();
    try {
      const side = (who: TestParty) => {
        const store = new MemoryStore();
        const hubTransport = new HubTransport({ url: hub.url, token: who.token, retry: { limit: 2, maxDelayMs: 50 } });
        const events: ReliableEvent[] = [];
        const handled: string[] = [];
        const outbox = new Outbox({ store, transport: hubTransport, self: who.gln, onEvent: (e) => events.push(e) });
        const handler: InboxHandler = async (_message, meta) => {
          handled.push(meta.messageHeaderId);
        };
        const inbox = new Inbox({ store, transport: hubTransport, outbox, self: who.gln, handler });
        return { store, outbox, inbox, events, handled, transport: hubTransport };
      };
      const hospital = side(HOSPITAL);
      const municipality = side(MUNICIPALITY);

      const [record] = await hospital.outbox.send(letter(HOSPITAL, MUNICIPALITY, 'Udskrivelse i morgen'));
      assert.equal(record?.state, 'sent');
      // Round 1: the municipality handles the letter and acknowledges it; the hospital takes the acknowledgement
      // and the hub's PositiveMessage. Round 2: the municipality takes the PositiveMessage for its acknowledgement.
      for (let round = 0; round < 2; round++) {
        assert.equal((await municipality.inbox.poll()).fetched > 0, true);
        await hospital.inbox.poll();
      }
      const final = await hospital.store.getOutgoing(record?.key ?? '');
      assert.equal(final?.state, 'acknowledged');
      assert.deepEqual(municipality.handled, [record?.messageHeaderId]);
      assert.ok(
        hospital.events.some((e) => e.type === 'receipt'),
        'the hub’s PositiveMessage reached the outbox',
      );
      assert.deepEqual(await hospital.transport.fetch(), [], 'every item confirmed');
      assert.deepEqual(await municipality.transport.fetch(), []);
      const status = await hospital.transport.deliveryStatus(final?.envelopeId ?? '');
      assert.equal(status?.state, 'delivered');
    } finally {
      await hub.close();
    }
  });
});
