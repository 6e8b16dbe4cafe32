// SPDX-License-Identifier: MIT
// The hub's HTTP API (docs/hub-api.md), endpoint by endpoint, over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { unwrapVansEnvelope, VANS_MAX_BYTES } from '@samspil/sdk/transport';
import {
  ADMIN_TOKEN,
  call,
  CPR,
  envelope,
  envelopeIdOf,
  GP,
  HOSPITAL,
  mailbox,
  MUNICIPALITY,
  STRANGER,
  testHub,
  type TestHub,
} from './hub.test-support.js';
import { HUB_VERSION } from './index.js';

/** Posts raw bytes with a declared or chunked length and reports the status the hub answers with. */
function rawPost(
  hub: TestHub,
  headers: Record<string, string | number>,
  write: (req: ReturnType<typeof request>) => void,
) {
  return new Promise<number>((resolve, reject) => {
    const req = request(`${hub.url}/v1/envelopes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${HOSPITAL.token}`, 'content-type': 'application/xml', ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    write(req);
  });
}

describe('hub API', () => {
  let hub: TestHub;
  before(async () => {
    hub = await testHub();
  });
  after(() => hub.close());

  it('GET /health answers ok with the version, without a token', async () => {
    const answer = await call(hub, undefined, 'GET', '/health');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'ok', version: HUB_VERSION });
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('POST /v1/envelopes stores the envelope in the receiver’s mailbox, byte for byte (202)', async () => {
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    const id = envelopeIdOf(xml);
    const answer = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    assert.equal(answer.status, 202);
    assert.deepEqual(answer.body, { envelopeIdentifier: id, receiver: MUNICIPALITY.gln, duplicate: false });
    const items = await mailbox(hub, MUNICIPALITY);
    const item = items.find((i) => envelopeIdOf(i.envelope) === id);
    assert.ok(item, 'the envelope is in the mailbox');
    assert.equal(item.envelope, xml);
    assert.ok(!Number.isNaN(Date.parse(item.receivedAt)));
    assert.equal((await mailbox(hub, GP)).length, 0, 'nobody else got it');
  });

  it('is idempotent: the same EnvelopeIdentifier and bytes again is 202 duplicate:true and stores nothing', async () => {
    const xml = envelope(HOSPITAL, GP);
    assert.equal((await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml)).status, 202);
    const again = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    assert.equal(again.status, 202);
    assert.deepEqual(again.body, { envelopeIdentifier: envelopeIdOf(xml), receiver: GP.gln, duplicate: true });
    const items = await mailbox(hub, GP);
    assert.equal(items.filter((i) => i.envelope === xml).length, 1);
    for (const item of items) await call(hub, GP.token, 'DELETE', `/v1/mailbox/${item.id}`);
  });

  it('answers 409 envelope-reused for a known EnvelopeIdentifier on different bytes', async () => {
    const first = envelope(HOSPITAL, MUNICIPALITY);
    const id = envelopeIdOf(first);
    await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', first);
    const other = envelope(HOSPITAL, MUNICIPALITY, { envelopeId: id, text: 'Another letter' });
    const answer = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', other);
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error, 'envelope-reused');
    assert.equal(typeof answer.body.message, 'string');
  });

  it('answers 400 bad-envelope for what is not a readable VANSEnvelope', async () => {
    for (const body of ['not xml', '<VANSEnvelope xmlns="urn:oio:medcom:vans-envelope:1.0.4"/>', '']) {
      const answer = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.error, 'bad-envelope');
    }
    const latin1 = new Uint8Array([0x3c, 0x61, 0xe6, 0x3e]);
    const answer = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', latin1);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'bad-envelope');
  });

  it('answers 401 without a token or with an unknown one, on every party endpoint', async () => {
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    for (const token of [undefined, 'not-a-token']) {
      for (const [method, path, body] of [
        ['POST', '/v1/envelopes', xml],
        ['GET', '/v1/mailbox', undefined],
        ['DELETE', '/v1/mailbox/some-id', undefined],
        ['GET', '/v1/envelopes/some-id', undefined],
      ] as const) {
        const answer = await call(hub, token, method, path, body);
        assert.equal(answer.status, 401, `${method} ${path}`);
        assert.equal(answer.body.error, 'unauthorized');
        assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
      }
    }
    const admin = await call(hub, ADMIN_TOKEN, 'GET', '/v1/mailbox');
    assert.equal(admin.status, 403, 'the admin token is not a party');
  });

  it('a token for GLN A can neither read B’s mailbox nor post as B (403)', async () => {
    // B (the municipality) has an item waiting.
    const toB = envelope(HOSPITAL, MUNICIPALITY);
    await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', toB);
    const itemOfB = (await mailbox(hub, MUNICIPALITY)).find((i) => i.envelope === toB);
    assert.ok(itemOfB);

    // A (the GP) posts an envelope whose SenderID is B.
    const asB = envelope(MUNICIPALITY, HOSPITAL);
    const posted = await call(hub, GP.token, 'POST', '/v1/envelopes', asB);
    assert.equal(posted.status, 403);
    assert.equal(posted.body.error, 'not-sender');
    assert.equal((await mailbox(hub, HOSPITAL)).filter((i) => i.envelope === asB).length, 0, 'nothing delivered');

    // A asks for B's mailbox, and tries to confirm B's item.
    const read = await call(hub, GP.token, 'GET', `/v1/mailbox?gln=${MUNICIPALITY.gln}`);
    assert.equal(read.status, 403);
    assert.equal(read.body.error, 'not-owner');
    const confirmed = await call(hub, GP.token, 'DELETE', `/v1/mailbox/${itemOfB.id}`);
    assert.equal(confirmed.status, 403);
    assert.equal(confirmed.body.error, 'not-owner');
    assert.ok(
      (await mailbox(hub, MUNICIPALITY)).some((i) => i.id === itemOfB.id),
      'B’s item is still there',
    );

    // A cannot see the status of what someone else sent; B reads its own mailbox with ?gln= its own GLN.
    const status = await call(hub, GP.token, 'GET', `/v1/envelopes/${envelopeIdOf(toB)}`);
    assert.equal(status.status, 404);
    assert.ok((await mailbox(hub, MUNICIPALITY, `?gln=${MUNICIPALITY.gln}`)).length > 0);
  });

  it('answers 404 unknown-receiver and puts a NegativeVans receipt in the sender’s mailbox, once', async () => {
    const xml = envelope(GP, STRANGER);
    const id = envelopeIdOf(xml);
    const answer = await call(hub, GP.token, 'POST', '/v1/envelopes', xml);
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'unknown-receiver');
    const again = await call(hub, GP.token, 'POST', '/v1/envelopes', xml);
    assert.equal(again.status, 404, 'a retry learns the same');
    const receipts = (await mailbox(hub, GP))
      .map((item) => unwrapVansEnvelope(item.envelope))
      .filter((e) => e.kind === 'receipt' && e.receipt.originalEnvelopeId === id);
    assert.equal(receipts.length, 1);
    const [receipt] = receipts;
    assert.ok(receipt?.kind === 'receipt');
    assert.equal(receipt.receipt.type, 'NegativeVans');
    assert.equal(receipt.receiverId, GP.gln);
    assert.equal(receipt.senderId, STRANGER.gln);
    assert.equal((await call(hub, GP.token, 'GET', `/v1/envelopes/${id}`)).status, 404, 'refused, so no status');
  });

  it('answers 413 too-large for a declared length over 100 MB, without reading the body', async () => {
    const status = await rawPost(hub, { 'content-length': VANS_MAX_BYTES + 1 }, (req) => req.flushHeaders());
    assert.equal(status, 413);
  });

  it('answers 413 too-large for a streamed body that passes 100 MB, counting as it reads', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const status = await rawPost(hub, { 'transfer-encoding': 'chunked' }, (req) => {
      let sent = 0;
      const pump = (): void => {
        while (sent <= VANS_MAX_BYTES + chunk.byteLength) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      req.on('error', () => undefined);
      pump();
    });
    assert.equal(status, 413);
    assert.equal((await call(hub, undefined, 'GET', '/health')).status, 200, 'the hub is fine');
  });

  it('GET /v1/mailbox gives the oldest first, honours limit, and refuses bad parameters (400)', async () => {
    const first = envelope(MUNICIPALITY, GP, { text: 'first' });
    const second = envelope(MUNICIPALITY, GP, { text: 'second' });
    await call(hub, MUNICIPALITY.token, 'POST', '/v1/envelopes', first);
    await call(hub, MUNICIPALITY.token, 'POST', '/v1/envelopes', second);
    const all = await mailbox(hub, GP);
    assert.ok(all.findIndex((i) => i.envelope === first) < all.findIndex((i) => i.envelope === second));
    const one = await mailbox(hub, GP, '?limit=1');
    assert.equal(one.length, 1);
    assert.equal(one[0]?.id, all[0]?.id);
    for (const query of ['?limit=0', '?limit=501', '?limit=abc', '?limit=1.5', '?wait=31', '?wait=-1', '?wait=x']) {
      const answer = await call(hub, GP.token, 'GET', `/v1/mailbox${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.body.error, 'bad-request');
    }
    for (const item of all) await call(hub, GP.token, 'DELETE', `/v1/mailbox/${item.id}`);
  });

  it('GET /v1/mailbox?wait=S waits for the first item, and gives up after S seconds', async () => {
    for (const item of await mailbox(hub, GP)) await call(hub, GP.token, 'DELETE', `/v1/mailbox/${item.id}`);
    const started = Date.now();
    const empty = await mailbox(hub, GP, '?wait=0.3');
    assert.equal(empty.length, 0);
    assert.ok(Date.now() - started >= 250, 'it waited');

    const waiting = mailbox(hub, GP, '?wait=10');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const xml = envelope(HOSPITAL, GP);
    const sentAt = Date.now();
    await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    const items = await waiting;
    assert.ok(Date.now() - sentAt < 2000, 'answered as soon as the item arrived');
    assert.deepEqual(
      items.map((i) => i.envelope),
      [xml],
    );
    await call(hub, GP.token, 'DELETE', `/v1/mailbox/${items[0]?.id}`);
  });

  it('DELETE /v1/mailbox/{id} confirms (204, again 204), and the sender gets a PositiveMessage', async () => {
    const xml = envelope(HOSPITAL, GP);
    const id = envelopeIdOf(xml);
    await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    const waiting = await call(hub, HOSPITAL.token, 'GET', `/v1/envelopes/${id}`);
    assert.equal(waiting.status, 200);
    assert.equal(waiting.body.state, 'waiting');
    assert.equal(waiting.body.receiver, GP.gln);
    assert.equal(waiting.body.envelopeIdentifier, id);
    assert.equal(waiting.body.deliveredAt, undefined);

    const item = (await mailbox(hub, GP)).find((i) => i.envelope === xml);
    assert.ok(item);
    const confirmed = await call(hub, GP.token, 'DELETE', `/v1/mailbox/${item.id}`);
    assert.equal(confirmed.status, 204);
    assert.equal(confirmed.body, undefined);
    assert.equal((await call(hub, GP.token, 'DELETE', `/v1/mailbox/${item.id}`)).status, 204, 'idempotent');
    assert.ok(!(await mailbox(hub, GP)).some((i) => i.id === item.id), 'removed');

    const delivered = await call(hub, HOSPITAL.token, 'GET', `/v1/envelopes/${id}`);
    assert.equal(delivered.body.state, 'delivered');
    assert.ok(Date.parse(String(delivered.body.deliveredAt)) >= Date.parse(String(delivered.body.acceptedAt)));

    const receipts = (await mailbox(hub, HOSPITAL))
      .map((i) => ({ item: i, envelope: unwrapVansEnvelope(i.envelope) }))
      .filter(({ envelope: e }) => e.kind === 'receipt' && e.receipt.originalEnvelopeId === id);
    assert.equal(receipts.length, 1);
    const receipt = receipts[0]!;
    assert.ok(receipt.envelope.kind === 'receipt');
    assert.equal(receipt.envelope.receipt.type, 'PositiveMessage');
    assert.equal(receipt.envelope.senderId, GP.gln);
    assert.equal(receipt.envelope.receipt.originalMessage?.name, 'MCM:FDIS91#other');

    // A receipt is never answered: confirming it puts nothing in the GP's mailbox.
    const before = (await mailbox(hub, GP)).length;
    assert.equal((await call(hub, HOSPITAL.token, 'DELETE', `/v1/mailbox/${receipt.item.id}`)).status, 204);
    assert.equal((await mailbox(hub, GP)).length, before);
  });

  it('DELETE answers 404 unknown-item for an id never in any mailbox', async () => {
    const answer = await call(hub, GP.token, 'DELETE', '/v1/mailbox/00000000-0000-4000-8000-000000000000');
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'unknown-item');
  });

  it('GET /v1/envelopes/{id} answers 404 unknown-envelope for an envelope the caller did not send', async () => {
    const answer = await call(hub, HOSPITAL.token, 'GET', '/v1/envelopes/00000000-0000-4000-8000-000000000000');
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'unknown-envelope');
  });

  it('POST /v1/admin/faults takes the admin token only and a rate from 0 to 1', async () => {
    assert.equal((await call(hub, undefined, 'POST', '/v1/admin/faults', '{"rate":0}')).status, 401);
    const party = await call(hub, HOSPITAL.token, 'POST', '/v1/admin/faults', '{"rate":0}');
    assert.equal(party.status, 403);
    assert.equal(party.body.error, 'not-admin');
    for (const body of ['{"rate":2}', '{"rate":"0.5"}', 'nope', '{}']) {
      const answer = await call(hub, ADMIN_TOKEN, 'POST', '/v1/admin/faults', body);
      assert.equal(answer.status, 400, body);
    }
    const set = await call(hub, ADMIN_TOKEN, 'POST', '/v1/admin/faults', '{"rate":0}');
    assert.equal(set.status, 200);
    assert.deepEqual(set.body, { rate: 0 });
  });

  it('answers 404 not-found for an unknown path and 405 for a wrong method', async () => {
    const missing = await call(hub, HOSPITAL.token, 'GET', '/v2/things');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, 'not-found');
    const wrong = await call(hub, HOSPITAL.token, 'PUT', '/v1/envelopes');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
  });

  it('logs one object per request with time, level, event, method, path, status, ms, GLN and envelope id', async () => {
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    const line = hub.lines.find((l) => l.event === 'request' && l.envelopeId === envelopeIdOf(xml));
    assert.ok(line);
    assert.equal(line.level, 'info');
    assert.equal(line.method, 'POST');
    assert.equal(line.path, '/v1/envelopes');
    assert.equal(line.status, 202);
    assert.equal(line.gln, HOSPITAL.gln);
    assert.equal(line.receiver, MUNICIPALITY.gln);
    assert.equal(typeof line.ms, 'number');
    assert.ok(!Number.isNaN(Date.parse(String(line.time))));
  });

  it('never logs a CPR number or message content, even from envelopes that carry them in plain text', async () => {
    const xml = envelope(HOSPITAL, MUNICIPALITY, { text: `Patient ${CPR} er udskrevet` });
    await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    const plain = `<VANSEnvelope xmlns="urn:oio:medcom:vans-envelope:1.0.4"><SenderID>${CPR}</SenderID></VANSEnvelope>`;
    const refused = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', plain);
    assert.equal(refused.status, 400);
    assert.ok(!JSON.stringify(refused.body).includes(CPR), 'nor in the answer');
    // A receiver id shaped like a CPR number is masked wherever the hub repeats it.
    const toCpr = envelope(HOSPITAL, STRANGER).replace(`>${STRANGER.gln}<`, `>${CPR}<`);
    const unknown = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', toCpr);
    assert.equal(unknown.status, 404);
    assert.ok(!JSON.stringify(unknown.body).includes(CPR));
    const descriptions = (await mailbox(hub, HOSPITAL)).flatMap((item) => {
      const e = unwrapVansEnvelope(item.envelope);
      return e.kind === 'receipt' ? e.receipt.errors.map((error) => error.description) : [];
    });
    assert.ok(descriptions.some((d) => d.includes('**********')));
    assert.ok(descriptions.every((d) => !d.includes(CPR)));
    const data = /<Data>([^<]{40})/.exec(xml)?.[1] ?? '';
    assert.ok(data.length === 40);
    const text = hub.lines.map((l) => JSON.stringify(l)).join('\n');
    assert.ok(hub.lines.length > 10);
    for (const needle of [CPR, '250947-9989', data, 'udskrevet', 'Elmer']) {
      assert.ok(!text.includes(needle), `the log contains ${needle}`);
    }
  });
});
