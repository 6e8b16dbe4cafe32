// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { sharedDir } from '@samspil/fixtures';
import { acknowledge } from '../../fhir/build/acknowledgement.js';
import { prepareResend } from '../../fhir/build/resend.js';
import { describeMessage } from '../../fhir/read/describe.js';
import { serializeFhirXml } from '../../fhir/xml/index.js';
import { wrapVansEnvelope } from '../vans/envelope.js';
import type { ReliableEvent } from './events.js';
import { outgoingKey } from './outgoing-message.js';
import {
  A,
  B,
  C,
  Crash,
  headerOf,
  jsonCodec,
  letter,
  messageIn,
  MINUTE,
  mortal,
  world,
  type Party,
} from './reliable.test-support.js';

const ofType = <T extends ReliableEvent['type']>(events: readonly ReliableEvent[], type: T) =>
  events.filter((e): e is Extract<ReliableEvent, { type: T }> => e.type === type);
const posted = (party: Party) => party.transport.sent.map((envelope) => messageIn(envelope)!);
const codeOf = (bundle: Bundle | undefined) => {
  const d = bundle && describeMessage(bundle);
  return d?.kind === 'acknowledgement' ? d.details.responseCode : undefined;
};
/** An envelope from `from` to `to` carrying `text` as the message, in the test codec's form. */
const envelope = (from: string, to: string, text: string, id: string) =>
  JSON.stringify({ t: 'message', senderId: from, receiverId: to, envelopeId: id, message: text });

describe('Inbox: what cannot be answered', () => {
  it('confirms and reports an envelope it cannot read, answering nothing', async () => {
    const w = world();
    const b = w.party(B);
    w.hub.inject(B.gln, '<VANSEnvelope>broken');
    assert.deepEqual((await b.inbox.poll()).outcomes, ['unreadable']);
    assert.equal(w.hub.waiting(B.gln), 0);
    assert.equal(b.transport.sent.length, 0);
    assert.equal(ofType(b.events, 'unreadable')[0]?.what, 'envelope');
  });

  it('confirms and reports a message that is not a FHIR Bundle', async () => {
    const w = world();
    const b = w.party(B);
    w.hub.inject(B.gln, envelope(A.gln, B.gln, 'Hej, CPR 2509479989', 'e1'));
    assert.deepEqual((await b.inbox.poll()).outcomes, ['unreadable']);
    assert.equal(ofType(b.events, 'unreadable')[0]?.what, 'message');
    assert.doesNotMatch(JSON.stringify(b.events), /2509479989/);
  });

  it('does not hand over a message this party cannot acknowledge (not addressed to it)', async () => {
    const w = world();
    const b = w.party(B);
    w.hub.inject(B.gln, envelope(A.gln, B.gln, JSON.stringify(letter(A, C, w)), 'e1'));
    assert.deepEqual((await b.inbox.poll()).outcomes, ['unreadable']);
    assert.equal(ofType(b.events, 'unreadable')[0]?.what, 'unanswerable');
    assert.equal(b.calls.length, 0);
    assert.equal(b.transport.sent.length, 0);
  });
});

describe('Inbox: messages', () => {
  it('reads FHIR XML as well as JSON', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    const message = letter(A, B, w);
    w.hub.inject(B.gln, envelope(A.gln, B.gln, serializeFhirXml(message), 'e1'));
    assert.deepEqual((await b.inbox.poll()).outcomes, ['handled']);
    assert.equal(codeOf(posted(b)[0]), 'ok');
    assert.deepEqual((await a.inbox.poll()).outcomes, ['acknowledgement']);
  });

  it('hands a redelivered copy to the handler again after it threw, then answers ok (KR5)', async () => {
    const w = world({ duplicate: 1 });
    const [a, b] = [w.party(A), w.party(B)];
    let failures = 1;
    b.failing = () => failures-- > 0;
    const [record] = await a.outbox.send(letter(A, B, w));
    w.hub.faults = {};
    assert.deepEqual((await b.inbox.poll()).outcomes, ['failed', 'handled']);
    assert.deepEqual(posted(b).map(codeOf), ['transient-error', 'ok']);
    const incoming = await b.store.getIncoming(record!.messageHeaderId);
    assert.equal(incoming?.state, 'handled');
    assert.equal(incoming?.ackCode, 'ok');
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
  });

  it('rejects a reused Bundle.id with fatal-error, and answers a resend of that message the same way', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    const first = letter(A, B, w);
    await a.outbox.send(first);
    await b.inbox.poll();
    const reused = { ...letter(A, B, w), id: first.id };
    const [record] = await a.outbox.send(reused);
    assert.deepEqual((await b.inbox.poll()).outcomes, ['rejected']);
    assert.equal(b.calls.length, 1);
    const answer = describeMessage(posted(b)[1]);
    assert.ok(answer.kind === 'acknowledgement');
    assert.equal(answer.details.responseCode, 'fatal-error');
    assert.deepEqual(answer.details.issues[0]?.detailCodes, ['MSG_DUPLICATE_ID']);
    const stored = await b.store.getIncoming(headerOf(reused).id);
    assert.deepEqual(stored?.bundleIds, [], 'the Bundle.id stays with the message that had it first');
    await a.inbox.poll();
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'failed-fatal');

    const again = prepareResend(reused, { now: () => w.clock.now(), newId: w.newId });
    w.hub.inject(B.gln, jsonCodec.wrap(again, { sender: A.gln, receiver: B.gln, envelopeId: 'e9', sentAt: '' }));
    assert.deepEqual((await b.inbox.poll()).outcomes, ['duplicate']);
    assert.equal(codeOf(posted(b)[2]), 'fatal-error', 'never a contradicting answer');
    assert.equal(b.calls.length, 1);
  });

  it('applies an acknowledgement that fails validation, and reports it (contact the partner, §3.4)', async () => {
    const w = world();
    const a = w.party(A);
    w.party(B);
    const message = letter(A, B, w);
    const [record] = await a.outbox.send(message);
    const ack = acknowledge(message, { code: 'ok' }, { as: B.gln, now: () => w.clock.now(), newId: w.newId });
    delete ack.timestamp;
    w.hub.inject(A.gln, envelope(B.gln, A.gln, JSON.stringify(ack), 'e2'));
    assert.deepEqual((await a.inbox.poll()).outcomes, ['acknowledgement']);
    assert.equal((await a.store.getOutgoing(record!.key))?.state, 'acknowledged');
    assert.equal(ofType(a.events, 'unreadable')[0]?.what, 'invalid-acknowledgement');
    assert.equal(a.transport.sent.length, 1, 'still not acknowledged (KR2)');
  });

  it('forgets a message once it has not been seen for the ack timeout plus a minute', async () => {
    const w = world();
    const [a, b] = [w.party(A), w.party(B)];
    await a.outbox.send(letter(A, B, w));
    await b.inbox.poll();
    w.clock.advance(31 * MINUTE);
    assert.equal(await b.inbox.prune(), 0);
    w.clock.advance(1);
    assert.equal(await b.inbox.prune(), 1);
  });
});

/** How one crash scenario ended. */
interface Ending {
  readonly crashed: boolean;
  readonly successRecordedAtCrash: boolean;
  readonly callsAfterRestart: number;
}

/**
 * A sends one letter to B, whose first envelope the network loses (so a resend is part of the flow); `who` dies at
 * its `at`-th effect, restarts on the same store (the app calls `send` again), and both run on for 70 minutes.
 */
async function crashAt(who: 'sender' | 'receiver', at: number, mode: 'before' | 'after'): Promise<Ending> {
  const w = world();
  const [a, b] = [w.party(A), w.party(B)];
  const target = who === 'sender' ? a : b;
  const disk = target.store;
  const process = mortal(disk, target.transport, at, mode);
  target.restart({ store: process.store, transport: process.transport });
  w.hub.dropNext = 1;
  const message = letter(A, B, w);
  const headerId = headerOf(message).id;
  const survive = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
    }
  };

  let restarted = false;
  let successRecordedAtCrash = false;
  let callsAtCrash = 0;
  await survive(() => a.outbox.send(message));
  for (let minute = 0; minute < 70; minute++) {
    if (process.dead && !restarted) {
      restarted = true;
      successRecordedAtCrash = (await b.store.getIncoming(headerId))?.state === 'handled';
      callsAtCrash = b.calls.length;
      target.restart();
      await a.outbox.send(message);
    }
    for (const party of [a, b]) {
      await survive(() => party.inbox.poll());
      await survive(() => party.outbox.tick());
    }
    w.clock.advance(MINUTE);
  }

  const label = `${who} ${mode} effect ${at}`;
  assert.equal((await a.store.getOutgoing(outgoingKey(headerId, B.gln)))?.state, 'acknowledged', label);
  assert.equal(w.hub.waiting(A.gln) + w.hub.waiting(B.gln), 0, `${label}: every item confirmed`);
  assert.ok(b.handled.length >= 1 && b.handled.length <= 2, label);
  if (!restarted || successRecordedAtCrash || who === 'sender') assert.equal(b.handled.length, 1, label);
  const acks = w.hub.accepted.filter((e) => e.from === B.gln).map((e) => describeMessage(messageIn(e.envelope)));
  assert.ok(
    acks.every((d) => d.kind === 'acknowledgement' && d.details.acknowledgedMessageHeaderId === headerId),
    label,
  );
  assert.ok(
    w.hub.accepted
      .filter((e) => e.from === A.gln)
      .every((e) => describeMessage(messageIn(e.envelope)).kind !== 'acknowledgement'),
    `${label}: A never acknowledged an acknowledgement`,
  );
  return { crashed: restarted, successRecordedAtCrash, callsAfterRestart: b.calls.length - callsAtCrash };
}

describe('Inbox and outbox: crash and restart at every step', () => {
  for (const who of ['sender', 'receiver'] as const) {
    for (const mode of ['before', 'after'] as const) {
      it(`${who} dies ${mode} each effect: nothing lost, a recorded success never handled again`, async (t) => {
        let points = 0;
        for (let at = 1; at < 100; at++) {
          const ending = await crashAt(who, at, mode);
          if (!ending.crashed) break;
          points++;
          if (ending.successRecordedAtCrash) assert.equal(ending.callsAfterRestart, 0, `${who} ${mode} ${at}`);
        }
        assert.ok(points >= 5, `${points} crash points`);
        t.diagnostic(`${points} crash points`);
      });
    }
  }
});

describe('Inbox: letters (onLetter)', () => {
  // A UTF-8 rehabilitation plan with a byte order mark: it must arrive exactly as sent.
  const GGOP = readFileSync(join(sharedDir(), 'medcom/oioxml/examples/ggop/ggop.xml'));
  const ENVELOPE_ID = '3f0c2a7e-0b7e-4f7a-9d65-0f4c1b2a9e11';
  const IDENTIFIER = '9a1e5c0d-3b2f-4e8a-8c61-2d7f0b4e6a13';
  const wrapped = () =>
    wrapVansEnvelope(GGOP, { sender: A.gln, receiver: B.gln, envelopeId: ENVELOPE_ID, newId: () => IDENTIFIER });

  it('hands a letter to onLetter with its bytes and envelope facts, confirms it, and answers nothing', async () => {
    const w = world({}, { vans: true, receipts: true, letters: true });
    const [a, b] = [w.party(A), w.party(B)];
    w.hub.inject(B.gln, wrapped());
    assert.deepEqual((await b.inbox.poll()).outcomes, ['letter']);
    const [taken] = b.letters;
    assert.ok(Buffer.from(taken!.bytes).equals(GGOP));
    assert.equal(taken?.meta.envelopeId, ENVELOPE_ID);
    assert.equal(taken?.meta.identifier, IDENTIFIER);
    assert.equal(taken?.meta.senderGln, A.gln);
    assert.match(taken?.meta.name ?? '', /^MCM:GGOP/);
    assert.equal(w.hub.waiting(B.gln), 0, 'confirmed');
    assert.equal(b.transport.sent.length, 0, 'no FHIR acknowledgement for a letter');
    assert.equal(b.calls.length, 0, 'the FHIR handler is not called');
    assert.deepEqual(ofType(b.events, 'letter').length, 1);
    // Confirming it gave the sender the network's PositiveMessage receipt.
    assert.deepEqual((await a.inbox.poll()).outcomes, ['receipt']);
  });

  it('without onLetter, confirms a letter and reports it as no FHIR message, as before', async () => {
    const w = world({}, { vans: true });
    const b = w.party(B);
    w.hub.inject(B.gln, wrapped());
    assert.deepEqual((await b.inbox.poll()).outcomes, ['unreadable']);
    assert.equal(ofType(b.events, 'unreadable')[0]?.what, 'message');
  });

  it('leaves a letter in the mailbox when onLetter throws, and takes it at the next poll', async () => {
    const w = world({}, { vans: true, letters: true });
    const b = w.party(B);
    w.hub.inject(B.gln, wrapped());
    b.failingLetter = () => true;
    await assert.rejects(b.inbox.poll(), /Letter store down/);
    assert.equal(w.hub.waiting(B.gln), 1);
    assert.equal(ofType(b.events, 'letter').length, 0);
    b.failingLetter = () => false;
    assert.deepEqual((await b.inbox.poll()).outcomes, ['letter']);
    assert.equal(w.hub.waiting(B.gln), 0);
  });
});
