// SPDX-License-Identifier: MIT
// A seeded simulation: three parties exchange 210 messages over a network that refuses, loses and duplicates
// envelopes and loses responses, while handlers sometimes fail. Whatever happens, every valid message is handled
// exactly once and acknowledged, every invalid one is rejected, and no acknowledgement is ever acknowledged.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle } from '@medplum/fhirtypes';
import { describeMessage } from '../../fhir/read/describe.js';
import type { OutgoingRecord } from './records.js';
import {
  A,
  B,
  C,
  headerOf,
  letter,
  messageIn,
  MINUTE,
  run,
  seeded,
  world,
  type Party,
} from './reliable.test-support.js';

const MESSAGES = 210;
const FAULTS = {
  failSend: 0.05,
  loseSendResponse: 0.05,
  drop: 0.05,
  duplicate: 0.1,
  failFetch: 0.05,
  failConfirm: 0.05,
};

async function simulate(seed: number) {
  const w = world(FAULTS, { seed, receipts: true });
  // Many resends allowed, so that "ends acknowledged" holds for any seed; the limit itself is tested elsewhere.
  const options = {
    validate: false,
    maxResends: 12,
    ackTimeoutMs: 10 * MINUTE,
    transientDelayMs: 2 * MINUTE,
    retryBaseMs: 10_000,
    retryMaxMs: 2 * MINUTE,
  };
  const parties = [w.party(A, options), w.party(B, options), w.party(C, options)];
  const random = seeded(seed * 7919);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const failOnce = new Set<string>();
  for (const party of parties) {
    party.failing = (id) => failOnce.delete(`${party.org.gln}|${id}`);
  }

  const sent: { from: Party; to: Party; headerId: string; valid: boolean }[] = [];
  while (sent.length < MESSAGES) {
    for (let i = 0; i < 3 && sent.length < MESSAGES; i++) {
      const from = pick(parties);
      const to = pick(parties.filter((p) => p !== from));
      const message: Bundle = letter(from.org, to.org, w, `Besked ${sent.length}`);
      const valid = random() >= 0.05;
      if (!valid) {
        const communication = message.entry?.find((e) => e.resource?.resourceType === 'Communication');
        delete (communication?.resource as { category?: unknown }).category;
      }
      if (random() < 0.1) failOnce.add(`${to.org.gln}|${headerOf(message).id}`);
      sent.push({ from, to, headerId: headerOf(message).id, valid });
      await from.outbox.send(message).catch(() => undefined);
    }
    await run(parties, w.clock, 1);
  }

  const terminal = (r: OutgoingRecord) =>
    r.isAcknowledgement || !['queued', 'sent', 'failed-transient'].includes(r.state);
  let minutes = 0;
  for (; minutes < 1000; minutes += 10) {
    const records = (await Promise.all(parties.map((p) => p.store.listOutgoing()))).flat();
    const settled = records.every(terminal) && parties.every((p) => w.hub.waiting(p.org.gln) === 0);
    if (settled) break;
    await run(parties, w.clock, 10);
  }
  return { w, parties, sent, minutes };
}

describe('Reliable messaging simulation', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: ${MESSAGES} messages among three parties over a faulty network`, async (t) => {
      const { w, sent, minutes } = await simulate(seed);
      t.diagnostic(`settled after ${minutes} more minutes; ${w.hub.accepted.length} envelopes accepted`);

      for (const { from, to, headerId, valid } of sent) {
        const record = await from.store.getOutgoing(`${headerId}|${to.org.gln}`);
        const handled = to.handled.filter((id) => id === headerId).length;
        if (valid) {
          assert.equal(record?.state, 'acknowledged', `${headerId}: acknowledged`);
          assert.equal(handled, 1, `${headerId}: handled exactly once`);
        } else {
          assert.equal(record?.state, 'failed-fatal', `${headerId}: rejected`);
          assert.equal(handled, 0, `${headerId}: never handed over`);
        }
      }
      assert.ok(sent.some((s) => !s.valid));
      const records = await Promise.all(sent.map((s) => s.from.store.getOutgoing(`${s.headerId}|${s.to.org.gln}`)));
      const resent = records.filter((r) => (r?.sends ?? 0) > 1).length;
      t.diagnostic(`${resent} messages needed resends`);
      assert.ok(resent > 0, 'some messages were resent');

      const messages = w.hub.accepted.flatMap((e) => {
        const bundle = messageIn(e.envelope);
        return bundle ? [{ from: e.from, description: describeMessage(bundle) }] : [];
      });
      const acks = messages.flatMap(({ description: d }) => (d.kind === 'acknowledgement' ? [d] : []));
      const ackIds = new Set(acks.map((d) => d.messageHeaderId));
      assert.ok(acks.length >= MESSAGES);
      for (const ack of acks) {
        assert.ok(!ackIds.has(ack.details.acknowledgedMessageHeaderId), 'no acknowledgement is acknowledged');
      }
      // Answers for one message never contradict: after ok or fatal-error, only the same code again.
      const answers = new Map<string, string[]>();
      for (const ack of acks) {
        const id = ack.details.acknowledgedMessageHeaderId ?? '';
        answers.set(id, [...(answers.get(id) ?? []), ack.details.responseCode ?? '']);
      }
      for (const [id, codes] of answers) {
        const final = codes.findIndex((code) => code !== 'transient-error');
        if (final >= 0)
          assert.ok(
            codes.slice(final).every((code) => code === codes[final]),
            `${id}: ${codes.join(',')}`,
          );
      }
      assert.ok(
        [...answers.values()].some((codes) => codes.includes('transient-error')),
        'handlers did fail',
      );
      assert.ok(
        [...answers.values()].some((codes) => codes.length > 1),
        'duplicates were answered',
      );
    });
  }
});
