// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { officialExamples, readJson } from '@samspil/fixtures';
import type { Bundle } from '@medplum/fhirtypes';
import { isInputError } from '../../errors/index.js';
import {
  buildCareCommunication,
  forwardCareCommunication,
  replyToCareCommunication,
} from '../build/care-communication.js';
import { threadOf } from './thread.js';

const example = (id: string): Bundle => {
  const found = officialExamples().find((e) => e.folder === 'carecommunication' && e.name === `Bundle-${id}`);
  assert.ok(found, id);
  return readJson<Bundle>(found.json);
};

// MedCom's thread A→B→A→C→B, in the order it was sent: Bundle ids and their MessageHeader ids.
const THREAD = [
  ['add5e7e2-0c0f-4a4a-bfff-f6f984fa7e3c', '42cb9200-f421-4d08-8391-7d51a2503cb4'],
  ['b56549f7-ed10-422d-8088-f7222b686e46', 'd5bd2111-2576-48d3-84d4-8be0297a038d'],
  ['3dcb5618-3055-406a-9034-1b8fc8de0fea', '4dff3695-218d-4878-838a-5f23cbba6f82'],
  ['c0426e3e-978f-46e8-a366-a30f27854b0a', 'aac67161-d0de-4933-a78c-060beafb4814'],
  ['d11968f5-4bdf-4b50-b146-a8e1cc890fc3', '2654e182-cfee-4537-b744-e36231ebe2f3'],
] as const;
const HEADER_IDS = THREAD.map(([, header]) => header);
const messages = THREAD.map(([bundle]) => example(bundle));

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('threadOf: the official thread', () => {
  it('comes back in sending order from all 120 input orders', () => {
    const orders = permutations(messages);
    assert.equal(orders.length, 120);
    for (const order of orders) {
      assert.deepEqual(
        threadOf(order).entries.map((e) => e.messageHeaderId),
        HEADER_IDS,
      );
    }
  });

  it('gives the same thread whatever the input order', () => {
    const reference = threadOf(messages);
    for (const order of permutations(messages)
      .slice(1, 120)
      .filter((_, i) => i % 7 === 0)) {
      assert.deepEqual(threadOf(order), reference);
    }
  });

  it('describes each exchange', () => {
    const { entries, threadIds } = threadOf(messages);
    assert.deepEqual(
      entries.map((e) => [e.received, e.activity, e.time, e.sender?.name, e.author?.name, e.author?.role]),
      [
        [
          true,
          'new',
          '2024-05-01T12:00:00+02:00',
          'Hjerteafdelingen på Herlev og Gentofte hospital',
          'Michael Burns',
          'sygeplejerske',
        ],
        [true, 'reply', '2024-05-02T11:30:00+02:00', 'Plejecenter Herlev', 'Emma Waters', 'sygeplejerske'],
        [
          true,
          'reply',
          '2024-05-03T09:25:00+02:00',
          'Hjerteafdelingen på Herlev og Gentofte hospital',
          'Michael Burns',
          'sygeplejerske',
        ],
        [true, 'forward', '2024-05-04T10:00:00+02:00', 'Plejecenter Herlev', 'Emma Waters', 'sygeplejerske'],
        [true, 'forward', '2024-05-05T11:35:00+02:00', undefined, 'Ann Marie Wounds', 'Visitator'],
      ],
    );
    assert.deepEqual(
      entries.map((e) => e.sender?.sor),
      ['265161000016000', '953741000016009', '265161000016000', '953741000016009', '1042981000016003'],
    );
    assert.deepEqual(
      entries.map((e) => [e.category, e.topic]),
      [
        ['examination-results', 'Forspørgsel på seneste resultater'],
        ['examination-results', 'Forspørgsel på seneste resultater'],
        ['examination-results', 'Forspørgsel på seneste resultater'],
        ['examination-results', undefined],
        ['examination-results', undefined],
      ],
    );
    assert.deepEqual(
      entries.map((e) => e.previousMessageHeaderId),
      [undefined, HEADER_IDS[0], HEADER_IDS[1], HEADER_IDS[2], HEADER_IDS[2]],
    );
    assert.deepEqual(threadIds, [
      'urn:uuid:b2eb3d0e-5de5-4de9-b2a3-0ff321ad1c3a',
      'urn:uuid:546b19ba-3e50-4da8-b9ec-7caeefad6928',
    ]);
  });

  it('marks what a forward passed on', () => {
    assert.deepEqual(
      threadOf(messages).entries.map((e) => e.forwarded),
      [true, true, true, false, false],
    );
  });

  it('lists the texts and attachment metadata each exchange added', () => {
    const { entries } = threadOf(messages);
    assert.deepEqual(
      entries.map((e) => e.payloads.map((p) => p.kind)),
      [['text'], ['text', 'attachment'], ['text'], ['text'], ['attachment', 'text']],
    );
    assert.match(entries[0]?.payloads[0]?.text ?? '', /^Til rette vedkommende/);
    assert.equal(entries[0]?.payloads[0]?.authorContact, '38683868');
    assert.equal(entries[0]?.payloads[0]?.date, '2024-05-01T12:00:00+02:00');
    assert.deepEqual(entries[1]?.payloads[1]?.attachment, {
      title: 'Blodprøveresultater',
      contentType: 'application/pdf',
      url: undefined,
      creation: undefined,
      hasData: true,
    });
    assert.deepEqual(entries[4]?.payloads[0]?.attachment, {
      title: 'Link',
      contentType: undefined,
      url: 'https://medcom.dk/projekter/korrespondancemeddelelse/',
      creation: undefined,
      hasData: false,
    });
    assert.match(entries[3]?.payloads[0]?.text ?? '', /videresender denne forespørgsel/);
  });

  it('keeps one entry per MessageHeader id', () => {
    const thread = threadOf([...messages, ...messages.slice(1, 3), messages[0] as Bundle]);
    assert.deepEqual(
      thread.entries.map((e) => e.messageHeaderId),
      HEADER_IDS,
    );
  });

  it('shows exchanges known only from the history as placeholders', () => {
    const thread = threadOf([messages[4] as Bundle]);
    assert.deepEqual(
      thread.entries.map((e) => [e.messageHeaderId, e.received]),
      HEADER_IDS.map((id, i) => [id, i === 4]),
    );
    const placeholder = thread.entries[1];
    assert.equal(placeholder?.activity, 'reply');
    assert.equal(placeholder?.sender?.name, 'Plejecenter Herlev');
    assert.equal(placeholder?.receiver, undefined);
    assert.equal(placeholder?.threadId, undefined);
    assert.equal(placeholder?.author?.name, 'Emma Waters');
    // A later reply carries the attachment without its file.
    assert.equal(placeholder?.payloads[1]?.attachment?.hasData, false);
    // MedCom's d11968f5 copies the forward's text under another identifier; the send time still finds it.
    assert.match(thread.entries[3]?.payloads[0]?.text ?? '', /videresender/);
  });

  it('makes gaps visible between received messages', () => {
    const thread = threadOf([messages[3] as Bundle, messages[0] as Bundle]);
    assert.deepEqual(
      thread.entries.map((e) => e.received),
      [true, false, false, true],
    );
  });

  it('names an OIOXML predecessor as written', () => {
    const [entry, ...rest] = threadOf([example('k7bfbc0c-553d-11ed-bdc3-0242ac120002')]).entries;
    assert.equal(rest.length, 0);
    assert.equal(entry?.activity, 'reply');
    assert.equal(entry?.previousLetter, 'B300720181623#5790000121526');
    assert.equal(entry?.previousMessageHeaderId, undefined);
  });

  it('reads the example with every optional part', () => {
    const [entry] = threadOf([example('gfd00bc2-9c26-4174-934e-f6e4360845de')]).entries;
    assert.equal(entry?.category, 'regarding-referral');
    assert.equal(entry?.topic, 'Journal notat');
    assert.deepEqual(
      entry?.payloads.map((p) => p.kind),
      ['text', 'attachment', 'attachment'],
    );
  });

  it('refuses a Bundle that is not a CareCommunication', () => {
    const notification = officialExamples().find((e) => e.folder === 'hospitalnotification');
    assert.ok(notification);
    assert.throws(
      () => threadOf([messages[0] as Bundle, readJson<Bundle>(notification.json)]),
      (error: unknown) =>
        isInputError(error) && error.field === 'messages[1]' && error.rule === 'not-care-communication',
    );
  });

  it('returns an empty thread for no messages', () => {
    assert.deepEqual(threadOf([]), { entries: [], threadIds: [] });
  });
});

describe('threadOf: threads the builders make', () => {
  const A = { name: 'Hjerteafdelingen', sor: '265161000016000', gln: '5790000209354' };
  const B = { name: 'Plejecenter', sor: '953741000016009', gln: '5790001348120' };
  const C = { name: 'Visitationen', sor: '1042981000016003', gln: '5790001348120' };
  const author = { family: 'Hansen', roleText: 'Visitator' };
  // One clock for all: the order must come from the history, not from send times.
  const at = (prefix: string) => {
    let n = 0;
    return {
      now: () => new Date('2026-11-25T09:30:00Z'),
      newId: () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    };
  };
  const texts = (text: string) => [{ text, author, phone: '12345678' }];
  const m1 = buildCareCommunication(
    {
      sender: A,
      receiver: B,
      patient: { cpr: '2509479989', family: 'Elmer' },
      category: 'carecoordination',
      texts: texts('Første'),
      attachments: [{ title: 'Fil', contentType: 'application/pdf', data: 'JVBERi0=' }],
    },
    at('aaaaaaaa'),
  );
  const m2 = replyToCareCommunication(m1, { texts: texts('Svar') }, at('bbbbbbbb'));
  const m3 = forwardCareCommunication(
    m2,
    { receiver: C, texts: texts('Videre') },
    { ...at('cccccccc'), earlier: [m1] },
  );
  const m4 = replyToCareCommunication(m3, { texts: texts('Svar fra C') }, at('dddddddd'));
  const chain = [m1, m2, m3, m4];
  const ids = chain.map((b) => b.entry?.[0]?.resource?.id);

  it('orders them by their history even when every send time is the same', () => {
    for (const order of permutations(chain)) {
      assert.deepEqual(
        threadOf(order).entries.map((e) => e.messageHeaderId),
        ids,
      );
    }
  });

  it('reads activities, texts, forwards and thread ids back', () => {
    const { entries, threadIds } = threadOf(chain);
    assert.deepEqual(
      entries.map((e) => [
        e.activity,
        e.payloads.map((p) => p.text ?? p.attachment?.title),
        e.forwarded,
        e.sender?.name,
      ]),
      [
        ['new', ['Første', 'Fil'], true, 'Hjerteafdelingen'],
        ['reply', ['Svar'], true, 'Plejecenter'],
        ['forward', ['Videre'], false, 'Hjerteafdelingen'],
        ['reply', ['Svar fra C'], false, 'Visitationen'],
      ],
    );
    assert.equal(threadIds.length, 2);
    assert.deepEqual(entries[0]?.author, { name: 'Hansen', role: 'Visitator' });
  });
});
