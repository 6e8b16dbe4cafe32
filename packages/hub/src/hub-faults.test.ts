// SPDX-License-Identifier: MIT
// Fault injection: at rate 1 each mode in turn (fail, delay, drop), at rate 0 none, and never on health or admin.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { checkDelay, rollFault } from './faults.js';
import {
  ADMIN_TOKEN,
  call,
  envelope,
  envelopeIdOf,
  HOSPITAL,
  mailbox,
  MUNICIPALITY,
  PARTIES,
  sequence,
  testHub,
  type TestHub,
} from './hub.test-support.js';
import { startHub } from './index.js';

// rollFault draws: disturb? (below the rate), then which fault (thirds), then a delay's length.
const FAIL = sequence(0, 0);
const DELAY_ONE_SECOND = sequence(0, 0.5, 0);
const DROP = sequence(0, 0.9);

describe('fault injection', () => {
  let hub: TestHub;
  let random: () => number = Math.random;
  let draws = 0;
  before(async () => {
    hub = await testHub({
      random: () => {
        draws++;
        return random();
      },
    });
  });
  after(() => hub.close());
  beforeEach(async () => {
    hub.setFaultRate(0);
    for (const who of PARTIES) {
      for (const item of await mailbox(hub, who)) await call(hub, who.token, 'DELETE', `/v1/mailbox/${item.id}`);
    }
  });

  it('fail: answers 503 injected-fault before doing anything', async () => {
    random = FAIL;
    hub.setFaultRate(1);
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    const posted = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    assert.equal(posted.status, 503);
    assert.equal(posted.body.error, 'injected-fault');
    const read = await call(hub, MUNICIPALITY.token, 'GET', '/v1/mailbox');
    assert.equal(read.status, 503);
    hub.setFaultRate(0);
    assert.deepEqual(await mailbox(hub, MUNICIPALITY), [], 'nothing was stored');
    assert.ok(hub.lines.some((l) => l.fault === 'fail' && l.status === 503));
  });

  it('delay: answers after 1–3 s, having done the work', async () => {
    random = DELAY_ONE_SECOND;
    hub.setFaultRate(1);
    const started = Date.now();
    const posted = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', envelope(HOSPITAL, MUNICIPALITY));
    const took = Date.now() - started;
    assert.equal(posted.status, 202);
    assert.ok(took >= 950 && took < 3000, `took ${took} ms`);
    assert.ok(hub.lines.some((l) => l.fault === 'delay' && l.status === 202));
  });

  it('drop: does the work, then closes the socket without an answer', async () => {
    random = DROP;
    hub.setFaultRate(1);
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    await assert.rejects(call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml), TypeError);
    hub.setFaultRate(0);
    const items = await mailbox(hub, MUNICIPALITY);
    assert.deepEqual(
      items.map((i) => envelopeIdOf(i.envelope)),
      [envelopeIdOf(xml)],
      'the envelope was stored',
    );
    const retry = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
    assert.equal(retry.body.duplicate, true, 'the sender’s retry is recognised');
    assert.ok(hub.lines.some((l) => l.fault === 'drop'));
  });

  it('rate 0: no request is disturbed and no random number is drawn', async () => {
    random = FAIL;
    const before = draws;
    for (let i = 0; i < 20; i++) {
      const answer = await call(hub, HOSPITAL.token, 'POST', '/v1/envelopes', envelope(HOSPITAL, MUNICIPALITY));
      assert.equal(answer.status, 202);
    }
    assert.equal((await mailbox(hub, MUNICIPALITY)).length, 20);
    assert.equal(draws, before);
  });

  it('leaves /health and the admin endpoint alone, which can turn faults off', async () => {
    random = FAIL;
    hub.setFaultRate(1);
    assert.equal((await call(hub, undefined, 'GET', '/health')).status, 200);
    assert.equal((await call(hub, HOSPITAL.token, 'GET', '/v1/mailbox')).status, 503);
    const set = await call(hub, ADMIN_TOKEN, 'POST', '/v1/admin/faults', '{"rate":0}');
    assert.equal(set.status, 200);
    assert.equal((await call(hub, HOSPITAL.token, 'GET', '/v1/mailbox')).status, 200);
  });

  it('delay with faultDelayMs: answers within the given range, having done the work', async () => {
    const quick = await testHub({ random: DELAY_ONE_SECOND, faultRate: 1, faultDelayMs: [40, 40] });
    try {
      const started = Date.now();
      const posted = await call(quick, HOSPITAL.token, 'POST', '/v1/envelopes', envelope(HOSPITAL, MUNICIPALITY));
      const took = Date.now() - started;
      assert.equal(posted.status, 202);
      assert.ok(took >= 35 && took < 900, `took ${took} ms`);
      assert.ok(quick.lines.some((l) => l.fault === 'delay' && l.status === 202));
    } finally {
      await quick.close();
    }
  });

  it('refuses a fault delay that is not [min, max] in whole ms up to a minute', async () => {
    for (const faultDelayMs of [[-1, 5], [10, 5], [0, 60_001], [1.5, 2], [1]] as unknown as [number, number][]) {
      await assert.rejects(
        startHub({ parties: [], faultDelayMs, log: () => undefined }),
        RangeError,
        JSON.stringify(faultDelayMs),
      );
    }
    assert.deepEqual(checkDelay([0, 0]), [0, 0]);
    assert.deepEqual(checkDelay([0, 60_000]), [0, 60_000]);
  });

  it('refuses a rate outside 0–1', async () => {
    assert.throws(() => hub.setFaultRate(1.5), RangeError);
    assert.throws(() => hub.setFaultRate(Number.NaN), RangeError);
    await assert.rejects(startHub({ parties: [], faultRate: -0.1, log: () => undefined }), RangeError);
  });
});

describe('rollFault', () => {
  it('disturbs the given fraction, the three modes evenly, delays of 1–3 s', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const counts = { none: 0, fail: 0, delay: 0, drop: 0 };
    for (let i = 0; i < 30_000; i++) {
      const fault = rollFault(0.3, random);
      counts[fault?.mode ?? 'none']++;
      if (fault?.mode === 'delay') assert.ok(fault.ms >= 1000 && fault.ms <= 3000);
    }
    assert.ok(Math.abs(counts.none / 30_000 - 0.7) < 0.02, JSON.stringify(counts));
    for (const mode of ['fail', 'delay', 'drop'] as const) {
      assert.ok(Math.abs(counts[mode] / 30_000 - 0.1) < 0.01, JSON.stringify(counts));
    }
    assert.equal(
      rollFault(0, () => assert.fail('no draw at rate 0')),
      undefined,
    );
  });

  it('draws delays from the range it is given, both ends included', () => {
    assert.deepEqual(rollFault(1, sequence(0, 0.5, 0), [5, 50]), { mode: 'delay', ms: 5 });
    assert.deepEqual(rollFault(1, sequence(0, 0.5, 0.9999999), [5, 50]), { mode: 'delay', ms: 50 });
    assert.deepEqual(rollFault(1, sequence(0, 0.5, 0.5), [0, 0]), { mode: 'delay', ms: 0 });
    assert.deepEqual(rollFault(1, sequence(0, 0.5, 0)), { mode: 'delay', ms: 1000 }, 'default 1–3 s');
  });
});
