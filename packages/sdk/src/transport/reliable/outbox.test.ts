// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { sharedDir } from '@samspil/fixtures';
import { HttpError, isInputError, isParseError, isRuleError, isValidationError } from '../../errors/index.js';
import { acknowledge } from '../../fhir/build/acknowledgement.js';
import { describeMessage } from '../../fhir/read/describe.js';
import type { ReliableEvent } from './events.js';
import { outgoingKey } from './outgoing-message.js';
import { startPolling } from './polling.js';
import { unwrapVansEnvelope } from '../vans/unwrap.js';
import type { VansMessageEnvelope } from '../vans/types.js';
import {
  A,
  B,
  C,
  emptyMessage,
  headerOf,
  letter,
  messageIn,
  MINUTE,
  receipt,
  run,
  world,
  type Party,
} from './reliable.test-support.js';

const D = { name: 'Ukendt', sor: '123456789012345', gln: '5790001382445' };

const idsOf = (bundle: Bundle) => ({ bundleId: bundle.id, headerId: headerOf(bundle).id });
const ofType = <T extends ReliableEvent['type']>(events: readonly ReliableEvent[], type: T) =>
  events.filter((e): e is Extract<ReliableEvent, { type: T }> => e.type === type);
const states = (party: Party, key: string) =>
  ofType(party.events, 'state-change')
    .filter((e) => e.key === key)
    .map((e) => `${e.from ?? '∅'}→${e.to}`);
/** Envelopes (their messages) a party posted, in order. */
const posted = (party: Party) => party.transport.sent.map((envelope) => messageIn(envelope)!);

describe('Outbox: send and acknowledge', () => {
  it('sends, the receiver handles once and answers ok, the sender marks it acknowledged', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    const message = letter(A, B, w);
    const [record] = await a.outbox.send(message);
    assert.ok(record);
    const key = outgoingKey(headerOf(message).id, B.gln);
    assert.equal(record.key, key);
    assert.equal(record.state, 'sent');
    assert.equal(record.sends, 1);
    assert.equal(record.bundleId, message.id);
    assert.equal(record.isAcknowledgement, false);
    assert.equal(Date.parse(record.dueAt!) - Date.parse(record.sentAt!), 30 * MINUTE);

    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled']);
    assert.deepEqual(b.handled, [headerOf(message).id]);
    assert.equal((await b.store.getIncoming(headerOf(message).id))?.state, 'handled');
    const outcomes = (await a.inbox.poll()).outcomes;
    assert.deepEqual(outcomes, ['acknowledgement']);
    const done = await a.store.getOutgoing(key);
    assert.equal(done?.state, 'acknowledged');
    assert.equal(done?.acknowledgement?.code, 'ok');
    assert.equal(done?.dueAt, undefined);
    assert.deepEqual(states(a, key), ['∅→queued', 'queued→sent', 'sent→acknowledged']);
    // A's inbox answered nothing: an acknowledgement is never acknowledged (KR2).
    assert.equal(a.transport.sent.length, 1);
    assert.equal(w.hub.waiting(A.gln) + w.hub.waiting(B.gln), 0);
  });

  it('refuses an invalid message with a ValidationError carrying the issues; nothing is stored or sent', async () => {
    const w = world();
    const a = w.party(A);
    const message = letter(A, B, w);
    delete (
      message.entry?.find((e) => e.resource?.resourceType === 'Communication')?.resource as { category?: unknown }
    ).category;
    await assert.rejects(a.outbox.send(message), (error: unknown) => {
      assert.ok(isValidationError(error));
      assert.ok(error.issues.some((issue) => issue.severity === 'error'));
      assert.doesNotMatch(`${error.message}${JSON.stringify(error.issues)}`, /2509479989/);
      return true;
    });
    assert.deepEqual(await a.store.listOutgoing(), []);
    assert.equal(a.transport.sent.length, 0);
  });

  it("refuses a message whose sender is not this party's GLN", async () => {
    const w = world();
    const a = w.party(A);
    await assert.rejects(
      a.outbox.send(letter(B, C, w)),
      (e: unknown) => isRuleError(e) && e.field === 'message.sender',
    );
    assert.deepEqual(await a.store.listOutgoing(), []);
  });

  it('sending the same message again returns the existing record and sends nothing', async () => {
    const w = world();
    const a = w.party(A);
    w.party(B);
    const message = letter(A, B, w);
    const [first] = await a.outbox.send(message);
    const [again] = await a.outbox.send(message);
    assert.deepEqual(again, first);
    assert.equal(a.transport.sent.length, 1);
  });
});

describe('Outbox: network failures', () => {
  it('keeps a record queued when the network refuses it, retrying the same envelope with a doubling wait', async () => {
    const w = world({ failSend: 1 });
    const [a, b] = [w.party(A, { retryBaseMs: 30_000, retryMaxMs: 100_000 }), w.party(B)];
    const [record] = await a.outbox.send(letter(A, B, w));
    assert.equal(record?.state, 'queued');
    assert.match(record?.error ?? '', /503/);
    const waits: number[] = [Date.parse(record!.dueAt!) - Date.parse(record!.updatedAt)];
    assert.deepEqual((await a.outbox.tick()).sendErrors, 0, 'nothing is due yet');
    for (let i = 0; i < 3; i++) {
      w.clock.advance(waits.at(-1)!);
      assert.equal((await a.outbox.tick()).sendErrors, 1);
      const now = await a.store.getOutgoing(record!.key);
      waits.push(Date.parse(now!.dueAt!) - Date.parse(now!.updatedAt));
      assert.equal(now?.envelopeId, record?.envelopeId, 'a retry is the same envelope');
    }
    assert.deepEqual(waits, [30_000, 60_000, 100_000, 100_000]);
    assert.equal(ofType(a.events, 'send-error').length, 4);

    w.hub.faults = {};
    w.clock.advance(100_000);
    assert.deepEqual(await a.outbox.tick(), { sent: 1, resent: 0, failed: 0, sendErrors: 0 });
    const sent = await a.store.getOutgoing(record!.key);
    assert.equal(sent?.state, 'sent');
    assert.equal(sent?.error, undefined);
    assert.equal(sent?.sends, 1);
    await b.inbox.poll();
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
  });

  it('fails a record at once when the network refuses it for good (a non-retryable HttpError)', async () => {
    const w = world();
    const a = w.party(A);
    const refusing = {
      ...a.transport,
      send: () => Promise.reject(new HttpError(413, 'Envelope too large', 'too-large')),
    };
    a.restart({ transport: refusing });
    const [record] = await a.outbox.send(letter(A, B, w));
    assert.equal(record?.state, 'failed');
    assert.match(record?.error ?? '', /refused.*too large/i);
    assert.equal(record?.dueAt, undefined, 'nothing more is due');
    assert.equal(ofType(a.events, 'failed').length, 1);
    w.clock.advance(60 * MINUTE);
    assert.deepEqual(await a.outbox.tick(), { sent: 0, resent: 0, failed: 0, sendErrors: 0 });
  });

  it('posts an envelope whose response was lost again, byte for byte, and the network delivers it once', async () => {
    const w = world({ loseSendResponse: 1 });
    const [a, b] = [w.party(A), w.party(B)];
    const [record] = await a.outbox.send(letter(A, B, w));
    assert.equal(record?.state, 'queued');
    w.hub.faults = {};
    w.clock.advance(MINUTE);
    assert.equal((await a.outbox.tick()).sent, 1);
    assert.equal(w.hub.accepted.length, 1, 'the hub saw the same envelope again and stored nothing');
    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled']);
  });

  it('fails a record on a NegativeVans receipt (unknown receiver), with a failed event', async () => {
    const w = world();
    const a = w.party(A);
    const [record] = await a.outbox.send(letter(A, D, w));
    assert.equal(record?.state, 'queued');
    assert.match(record?.error ?? '', /404/);
    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt']);
    const failed = await a.store.getOutgoing(record!.key);
    assert.equal(failed?.state, 'failed');
    assert.match(failed?.error ?? '', /NegativeVans: Unknown receiver/);
    const [event] = ofType(a.events, 'failed');
    assert.equal(event?.key, record?.key);
    assert.equal(ofType(a.events, 'receipt')[0]?.receipt, 'NegativeVans');
    w.clock.advance(60 * MINUTE);
    assert.deepEqual(await a.outbox.tick(), { sent: 0, resent: 0, failed: 0, sendErrors: 0 });
  });

  it('notes a PositiveMessage receipt without changing state, and ignores a negative one for an older envelope', async () => {
    const w = world({}, { receipts: true });
    const [a, b] = [w.party(A), w.party(B)];
    const [record] = await a.outbox.send(letter(A, B, w));
    w.hub.inject(A.gln, receipt(B.gln, A.gln, 'NegativeMessage', 'some-older-envelope', 'Gone'));
    await b.inbox.poll(); // the hub puts a PositiveMessage for A's envelope in A's mailbox
    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt', 'acknowledgement', 'receipt']);
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.deepEqual(
      ofType(a.events, 'receipt').map((e) => e.receipt),
      ['NegativeMessage', 'PositiveMessage'],
    );
    assert.equal(ofType(a.events, 'failed').length, 0);
    assert.deepEqual(states(a, record!.key), ['∅→queued', 'queued→sent', 'sent→acknowledged']);
  });
});

describe('Outbox: resends (MR5–MR7)', () => {
  it('resends after the timeout with a new Bundle.id and the same MessageHeader.id, then takes the ack', async () => {
    const w = world({ drop: 1 });
    const [a, b] = [w.party(A), w.party(B)];
    const message = letter(A, B, w);
    const [record] = await a.outbox.send(message);
    w.hub.faults = {};
    assert.deepEqual((await b.inbox.poll()).outcomes, [], 'the first envelope was lost');

    w.clock.advance(30 * MINUTE - 1000);
    assert.equal((await a.outbox.tick()).resent, 0, 'not before the timeout');
    w.clock.advance(1000);
    assert.equal((await a.outbox.tick()).resent, 1);

    const [first, second] = posted(a);
    assert.ok(first && second);
    assert.equal(idsOf(second).headerId, idsOf(first).headerId);
    assert.notEqual(idsOf(second).bundleId, idsOf(first).bundleId);
    assert.notEqual(second.timestamp, first.timestamp);
    const resent = await a.store.getOutgoing(record!.key);
    assert.equal(resent?.sends, 2);
    assert.equal(resent?.bundleId, second.id);
    assert.notEqual(resent?.envelopeId, record?.envelopeId);
    assert.deepEqual(JSON.parse(resent!.message), second);

    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled']);
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.deepEqual(states(a, record!.key), [
      '∅→queued',
      'queued→sent',
      'sent→queued',
      'queued→sent',
      'sent→acknowledged',
    ]);
  });

  it('fails after the third resend times out, with one failed event, and sends nothing more', async () => {
    const w = world();
    const a = w.party(A);
    w.party(B); // never polls
    const [record] = await a.outbox.send(letter(A, B, w));
    const resends: number[] = [];
    for (let i = 0; i < 6; i++) {
      w.clock.advance(30 * MINUTE);
      const result = await a.outbox.tick();
      resends.push(result.resent * 10 + result.failed);
    }
    assert.deepEqual(resends, [10, 10, 10, 1, 0, 0]);
    const failed = await a.store.getOutgoing(record!.key);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.sends, 4);
    assert.match(failed?.error ?? '', /No acknowledgement after 3 resend/);
    assert.equal(new Set(posted(a).map((m) => m.id)).size, 4);
    assert.equal(new Set(posted(a).map((m) => headerOf(m).id)).size, 1);
    const events = ofType(a.events, 'failed');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.state, 'failed');
  });

  it('takes a late acknowledgement after failing, and a human can retry a failed message', async () => {
    const w = world();
    const [a, b] = [w.party(A, { maxResends: 0 }), w.party(B)];
    const [record] = await a.outbox.send(letter(A, B, w));
    w.clock.advance(30 * MINUTE);
    assert.equal((await a.outbox.tick()).failed, 1);
    const retried = await a.outbox.retry(record!.key);
    assert.equal(retried.state, 'sent');
    assert.equal(retried.sends, 2);
    await assert.rejects(a.outbox.retry(record!.key), (e: unknown) => isRuleError(e));
    w.clock.advance(30 * MINUTE);
    await a.outbox.tick();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'failed');
    await b.inbox.poll();
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.equal(b.handled.length, 1, 'the retry was a duplicate of the first copy');
  });

  it('resends after a transient-error and ends acknowledged when the receiver recovers (KR4, KR5)', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    let failures = 1;
    b.failing = () => failures-- > 0;
    const [record] = await a.outbox.send(letter(A, B, w));
    assert.deepEqual((await b.inbox.poll()).outcomes, ['failed']);
    await a.inbox.poll();
    const transient = await a.store.getOutgoing(record!.key);
    assert.equal(transient?.state, 'failed-transient');
    assert.equal(transient?.acknowledgement?.code, 'transient-error');
    assert.equal(Date.parse(transient!.dueAt!) - w.clock.now().getTime(), 5 * MINUTE);

    w.clock.advance(5 * MINUTE);
    assert.equal((await a.outbox.tick()).resent, 1);
    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled']);
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.equal(b.calls.length, 2);
    assert.equal(b.handled.length, 1);
    const failedEvent = ofType(b.events, 'message').find((e) => e.outcome === 'failed');
    assert.ok(failedEvent?.reason?.includes('Database down'));
    assert.doesNotMatch(JSON.stringify(b.events), /2509479989/, 'the handler error is CPR-masked');
    assert.doesNotMatch(JSON.stringify(await b.store.getIncoming(headerOf(posted(a)[0]!).id)), /Database/);
  });

  it('gives up on transient-errors when no resends are left', async () => {
    const w = world();
    const [a, b] = [w.party(A, { maxResends: 1 }), w.party(B)];
    b.failing = () => true;
    const [record] = await a.outbox.send(letter(A, B, w));
    await run([a, b], w.clock, 12);
    const final = await a.store.getOutgoing(record!.key);
    assert.equal(final?.state, 'failed-transient');
    assert.equal(final?.dueAt, undefined);
    assert.equal(final?.sends, 2);
    assert.equal(ofType(a.events, 'failed').length, 1);
    assert.equal(b.calls.length, 2);
  });

  it('marks a fatal-error answer failed-fatal and never resends (KR6)', async () => {
    const w = world();
    const [a, b] = [w.party(A, { validate: false }), w.party(B)];
    const message = letter(A, B, w);
    delete (
      message.entry?.find((e) => e.resource?.resourceType === 'Communication')?.resource as { category?: unknown }
    ).category;
    const [record] = await a.outbox.send(message);
    assert.deepEqual((await b.inbox.poll()).outcomes, ['rejected']);
    assert.equal(b.calls.length, 0);
    assert.equal((await b.store.getIncoming(headerOf(message).id))?.state, 'rejected');
    await a.inbox.poll();
    const fatal = await a.store.getOutgoing(record!.key);
    assert.equal(fatal?.state, 'failed-fatal');
    assert.equal(fatal?.acknowledgement?.code, 'fatal-error');
    assert.ok((fatal?.acknowledgement?.issues.length ?? 0) > 0);
    assert.match(fatal?.error ?? '', /fatal-error: MSG_/);
    assert.equal(ofType(a.events, 'failed')[0]?.state, 'failed-fatal');
    w.clock.advance(5 * 30 * MINUTE);
    assert.equal((await a.outbox.tick()).resent, 0);
    assert.equal(a.transport.sent.length, 1);
  });
});

describe('Outbox: duplicates and acknowledgements', () => {
  it('a duplicate delivery is handled once and answered twice with the same code', async () => {
    const w = world({ duplicate: 1 });
    const [a, b] = [w.party(A), w.party(B)];
    const [record] = await a.outbox.send(letter(A, B, w));
    w.hub.faults = {};
    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled', 'duplicate']);
    assert.equal(b.handled.length, 1);
    const acks = posted(b).map((ack) => describeMessage(ack));
    assert.equal(acks.length, 2);
    assert.deepEqual(
      acks.map((d) => (d.kind === 'acknowledgement' ? d.details.responseCode : d.kind)),
      ['ok', 'ok'],
    );
    assert.equal(acks[0]?.messageHeaderId, acks[1]?.messageHeaderId, 'the original acknowledgement, resent');
    assert.notEqual(acks[0]?.bundleId, acks[1]?.bundleId, 'with a new Bundle.id');
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.deepEqual(
      ofType(a.events, 'acknowledgement-ignored').map((e) => e.reason),
      ['duplicate'],
    );
  });

  it('answers a resend whose acknowledgement was lost with the original acknowledgement', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    const [record] = await a.outbox.send(letter(A, B, w));
    w.hub.faults = { drop: 1 };
    await b.inbox.poll(); // B's ok is lost
    w.hub.faults = {};
    w.clock.advance(30 * MINUTE);
    assert.equal((await a.outbox.tick()).resent, 1);
    assert.deepEqual((await b.inbox.poll()).outcomes, ['duplicate']);
    const incoming = await b.store.getIncoming(record!.messageHeaderId);
    assert.equal(incoming?.bundleIds.length, 2);
    const [original, again] = posted(b);
    assert.ok(original && again);
    assert.notEqual(again.id, original.id);
    assert.deepEqual(headerOf(again), headerOf(original), 'the same acknowledgement: header, response and code');
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.equal(b.handled.length, 1);
  });

  it('tracks each cc receiver apart, in its own envelope (§4.1)', async () => {
    const w = world();
    const [a, b, c] = [w.party(A), w.party(B), w.party(C)];
    const message = emptyMessage(A, B, [C], w);
    const records = await a.outbox.send(message);
    assert.deepEqual(
      records.map((r) => [r.receiverGln, r.state]),
      [
        [B.gln, 'sent'],
        [C.gln, 'sent'],
      ],
    );
    assert.deepEqual(
      a.transport.sent.map((e) => (JSON.parse(e) as { receiverId: string }).receiverId),
      [B.gln, C.gln],
    );
    await b.inbox.poll();
    await a.inbox.poll();
    w.clock.advance(30 * MINUTE);
    assert.equal((await a.outbox.tick()).resent, 1, 'only the unanswered cc copy is resent');
    const [toB, toC] = await Promise.all(records.map((r) => a.store.getOutgoing(r.key)));
    assert.equal(toB?.state, 'acknowledged');
    assert.equal(toC?.state, 'sent');
    assert.equal(toC?.sends, 2);
    assert.deepEqual((await c.inbox.poll()).outcomes, ['handled', 'duplicate']);
    const ack = describeMessage(posted(c)[0]);
    assert.equal(ack.sender?.gln, C.gln, 'the cc receiver acknowledges as itself');
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(records[1]!.key))?.state, 'acknowledged');
  });

  it('sends an acknowledgement once, never waits for an answer to it and never resends it (KR2)', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    const received = letter(B, A, w);
    const ack = acknowledge(received, { code: 'ok' }, { now: () => w.clock.now(), newId: w.newId });
    const [record] = await a.outbox.send(ack);
    assert.equal(record?.isAcknowledgement, true);
    assert.equal(record?.state, 'sent');
    assert.equal(record?.dueAt, undefined);
    w.clock.advance(10 * 30 * MINUTE);
    assert.deepEqual(await a.outbox.tick(), { sent: 0, resent: 0, failed: 0, sendErrors: 0 });
    assert.deepEqual((await b.inbox.poll()).outcomes, ['acknowledgement']);
    assert.equal(b.transport.sent.length, 0, 'B does not acknowledge the acknowledgement');
    assert.equal(ofType(b.events, 'acknowledgement-ignored')[0]?.reason, 'unknown-message');
    await assert.rejects(a.outbox.sendAcknowledgement(letter(A, B, w)), (e: unknown) => isRuleError(e));
  });

  it('keeps the first outcome against a contradicting acknowledgement', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    const message = letter(A, B, w);
    const [record] = await a.outbox.send(message);
    await b.inbox.poll();
    await a.inbox.poll();
    const options = { as: B.gln, now: () => w.clock.now(), newId: w.newId };
    const contradicting = acknowledge(message, { code: 'fatal-error', issues: [{ code: 'MSG_BAD_FORMAT' }] }, options);
    const result = await a.outbox.receiveAcknowledgement(contradicting);
    assert.deepEqual(result, { outcome: 'ignored', key: record?.key, reason: 'contradicting' });
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    const unknown = acknowledge(letter(A, B, w), { code: 'ok' }, options);
    assert.equal((await a.outbox.receiveAcknowledgement(unknown)).outcome, 'ignored');
    await assert.rejects(a.outbox.receiveAcknowledgement(message), (e: unknown) => isRuleError(e));
  });
});

describe('Outbox and inbox: the default VANSEnvelope codec', () => {
  it('sends in VANSEnvelopes, takes the acknowledgement and matches VANS receipts to records', async () => {
    const w = world({}, { vans: true, receipts: true });
    const [a, b] = [w.party(A), w.party(B)];
    const message = letter(A, B, w);
    const [record] = await a.outbox.send(message);
    const xml = a.transport.sent[0] ?? '';
    assert.match(xml, /^<\?xml|<VANSEnvelope/);
    assert.ok(xml.includes(`<EnvelopeIdentifier>${record?.envelopeId}</EnvelopeIdentifier>`));
    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled']);
    assert.deepEqual((await a.inbox.poll()).outcomes, ['acknowledgement', 'receipt']);
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.deepEqual(
      ofType(a.events, 'receipt').map((e) => [e.receipt, e.key]),
      [['PositiveMessage', record?.key]],
    );
    assert.deepEqual((await b.inbox.poll()).outcomes, ['receipt'], "the PositiveMessage for B's acknowledgement");
  });

  it('fails a record on a VANS NegativeVans receipt', async () => {
    const w = world({}, { vans: true });
    const a = w.party(A);
    const [record] = await a.outbox.send(letter(A, D, w));
    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt']);
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'failed');
  });
});

describe('Outbox: polling', () => {
  it('concurrent ticks share one run', async () => {
    const w = world();
    const a = w.party(A);
    w.party(B);
    await a.outbox.send(letter(A, B, w));
    w.clock.advance(30 * MINUTE);
    const [one, two] = await Promise.all([a.outbox.tick(), a.outbox.tick()]);
    assert.equal(one, two);
    assert.equal(one.resent, 1);
  });

  it('startPolling polls, ticks and prunes until stopped', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    await a.outbox.send(letter(A, B, w));
    const errors: unknown[] = [];
    const poller = startPolling({ inbox: b.inbox, outbox: b.outbox, intervalMs: 5, onError: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 40));
    await poller.stop();
    assert.equal(b.handled.length, 1);
    assert.deepEqual(errors, []);
    const count = b.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(b.calls.length, count);
  });
});

describe('Outbox: letters (sendLetter)', () => {
  // A windows-1252 discharge summary whose letter id is no UUID.
  const DIS01 = readFileSync(join(sharedDir(), 'medcom/oioxml/examples/xdis01/DIS01_1.xml'));
  const unwrapped = (party: Party) => party.transport.sent.map((xml) => unwrapVansEnvelope(xml) as VansMessageEnvelope);

  it('sends a letter byte for byte; the receiver takes it, and its PositiveMessage receipt acknowledges it', async () => {
    const w = world({}, { vans: true, receipts: true, letters: true });
    const [a, b] = [w.party(A), w.party(B)];
    const record = await a.outbox.sendLetter(DIS01, B.gln);
    assert.equal(record.state, 'sent');
    assert.equal(record.format, 'oioxml');
    assert.equal(record.bundleId, '');
    assert.equal(record.key, outgoingKey(record.messageHeaderId, B.gln));
    const [envelope] = unwrapped(a);
    assert.equal(envelope?.message.format, 'XML');
    assert.equal(envelope?.message.name, 'MCM:XDIS01');
    assert.equal(envelope?.message.identifier, record.messageHeaderId);
    assert.equal(envelope?.envelopeId, record.envelopeId);

    assert.deepEqual((await b.inbox.poll()).outcomes, ['letter']);
    assert.ok(Buffer.from(b.letters[0]!.bytes).equals(DIS01), 'the letter arrives in its own encoding');
    assert.equal(b.letters[0]?.meta.identifier, record.messageHeaderId);
    assert.equal(b.letters[0]?.meta.senderGln, A.gln);
    assert.equal(b.transport.sent.length, 0, 'a letter gets no FHIR acknowledgement');
    assert.deepEqual(
      ofType(b.events, 'letter').map((e) => [e.identifier, e.senderGln, e.name]),
      [[record.messageHeaderId, A.gln, 'MCM:XDIS01']],
    );

    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt']);
    assert.equal((await a.store.getOutgoing(record.key))?.state, 'acknowledged');
    assert.deepEqual(states(a, record.key), ['∅→queued', 'queued→sent', 'sent→acknowledged']);
  });

  it('resends an unanswered letter in a new envelope, same identifier and bytes; a receipt for any envelope counts', async () => {
    const w = world({}, { vans: true, receipts: true, letters: true });
    const [a, b] = [w.party(A), w.party(B)];
    const record = await a.outbox.sendLetter(DIS01, B.gln);
    w.clock.advance(31 * MINUTE);
    assert.equal((await a.outbox.tick()).resent, 1);
    const [first, second] = unwrapped(a);
    assert.notEqual(first?.envelopeId, second?.envelopeId);
    assert.equal(second?.message.identifier, record.messageHeaderId);
    assert.ok(Buffer.from(second!.message.bytes).equals(DIS01));
    assert.equal(first?.sentDateTime, second?.sentDateTime, 'every envelope of a letter carries its first send time');

    // The receiver gets the letter twice (its handler keys on the identifier); the first receipt answers the
    // superseded first envelope and acknowledges the letter all the same.
    assert.deepEqual((await b.inbox.poll()).outcomes, ['letter', 'letter']);
    assert.deepEqual(
      b.letters.map((l) => l.meta.identifier),
      [record.messageHeaderId, record.messageHeaderId],
    );
    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt', 'receipt']);
    const done = await a.store.getOutgoing(record.key);
    assert.equal(done?.state, 'acknowledged');
    assert.equal(done?.sends, 2);
    assert.deepEqual(states(a, record.key), [
      '∅→queued',
      'queued→sent',
      'sent→queued',
      'queued→sent',
      'sent→acknowledged',
    ]);
  });

  it('fails a letter whose last resend goes unanswered; a late receipt still acknowledges it', async () => {
    const w = world({}, { vans: true, receipts: true, letters: true });
    const [a, b] = [w.party(A), w.party(B)];
    const record = await a.outbox.sendLetter(DIS01, B.gln);
    for (let i = 0; i < 4; i++) {
      w.clock.advance(31 * MINUTE);
      await a.outbox.tick();
    }
    const failed = await a.store.getOutgoing(record.key);
    assert.equal(failed?.state, 'failed');
    assert.match(failed?.error ?? '', /No PositiveMessage receipt after 3 resend/);
    assert.equal(ofType(a.events, 'failed').length, 1);
    assert.equal(a.transport.sent.length, 4);

    await b.inbox.poll();
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record.key))?.state, 'acknowledged');
  });

  it('fails a letter on a NegativeVans receipt, and a human can send it again', async () => {
    const w = world({}, { vans: true, letters: true });
    const a = w.party(A);
    const record = await a.outbox.sendLetter(DIS01, D.gln);
    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt']);
    const failed = await a.store.getOutgoing(record.key);
    assert.equal(failed?.state, 'failed');
    assert.match(failed?.error ?? '', /NegativeVans/);
    const again = await a.outbox.retry(record.key);
    assert.equal(again.sends, 2);
    assert.notEqual(again.envelopeId, record.envelopeId);
    assert.equal(again.message, record.message, 'a letter goes again as it is');
  });

  it('keeps a letter id that is a UUID as the identifier, and sends the same letter to the same receiver once', async () => {
    const w = world({}, { vans: true, letters: true });
    const [a, b] = [w.party(A), w.party(B)];
    const id = '9a1e5c0d-3b2f-4e8a-8c61-2d7f0b4e6a13';
    const withUuid = Buffer.from(
      DIS01.toString('latin1').replace('<Identifier>BrevNr00129</Identifier>', `<Identifier>${id}</Identifier>`),
      'latin1',
    );
    const record = await a.outbox.sendLetter(withUuid, B.gln);
    assert.equal(record.messageHeaderId, id);
    assert.equal((await a.outbox.sendLetter(withUuid, B.gln)).key, record.key);
    assert.equal(a.transport.sent.length, 1);
    await b.inbox.poll();
    assert.equal(b.letters[0]?.meta.identifier, id);
  });

  it('takes a UTF-8 letter as text (as a form writes it) and sends its UTF-8 bytes', async () => {
    const w = world({}, { vans: true, letters: true });
    const [a, b] = [w.party(A), w.party(B)];
    const ggop = readFileSync(join(sharedDir(), 'medcom/oioxml/examples/ggop/ggop.xml'));
    await a.outbox.sendLetter(ggop.toString('utf8'), B.gln);
    await b.inbox.poll();
    assert.ok(Buffer.from(b.letters[0]!.bytes).equals(ggop));
  });

  it('ignores a FHIR acknowledgement that names a letter', async () => {
    const w = world({}, { vans: true, letters: true });
    const [a] = [w.party(A), w.party(B)];
    const record = await a.outbox.sendLetter(DIS01, B.gln);
    const message = letter(A, B, w);
    headerOf(message).id = record.messageHeaderId;
    const ack = acknowledge(message, { code: 'ok' }, { as: B.gln });
    assert.deepEqual(await a.outbox.receiveAcknowledgement(ack), {
      outcome: 'ignored',
      key: record.key,
      reason: 'unknown-message',
    });
    assert.equal((await a.store.getOutgoing(record.key))?.state, 'sent');
  });

  it('refuses what is no letter, a receiver without a GLN, and a codec that cannot carry letters; writes nothing', async () => {
    const w = world({}, { vans: true });
    const a = w.party(A);
    await assert.rejects(a.outbox.sendLetter(JSON.stringify(letter(A, B, w)), B.gln), isParseError);
    // Text that declares windows-1252 would travel as UTF-8 and be misread: its bytes must be given.
    await assert.rejects(a.outbox.sendLetter(DIS01.toString('latin1'), B.gln), isInputError);
    await assert.rejects(a.outbox.sendLetter(DIS01, '12345'), isRuleError);
    const plain = world();
    await assert.rejects(plain.party(A).outbox.sendLetter(DIS01, B.gln), isRuleError);
    assert.deepEqual(await a.store.listOutgoing(), []);
    assert.equal(a.transport.sent.length, 0);
  });
});
