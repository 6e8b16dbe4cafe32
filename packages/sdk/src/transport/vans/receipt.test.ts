// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { officialExamples } from '@samspil/fixtures';
import { isInputError } from '../../errors/guards.js';
import { wrapVansEnvelope } from './envelope.js';
import { vansReceipt } from './receipt.js';
import type { VansMessageEnvelope, VansReceiptEnvelope, VansReceiptType } from './types.js';
import { unwrapVansEnvelope } from './unwrap.js';
import { fixedOptions, RECEIVER, SENDER, skipXmllint, xmllintErrors } from './xmllint.test-support.js';

const TEST_CPR = '2509479989';
const example = officialExamples().find((e) => e.name === 'Bundle-a8c041b8-c65a-4fde-a90f-962076918834');
assert.ok(example?.xml);
const ORIGINAL = unwrapVansEnvelope(
  wrapVansEnvelope(readFileSync(example.xml), { sender: SENDER, receiver: RECEIVER, ...fixedOptions() }),
) as VansMessageEnvelope;
const RECEIPT_ID = '99999999-0000-4000-8000-000000000001';
const receiptOptions = { now: () => new Date('2026-03-01T09:31:00Z'), newId: () => RECEIPT_ID };
const ERROR = { code: '12', description: 'Modtageren kender ikke meddelelsestypen <MCM:FCTL> & dens version' };

function readReceipt(xml: string): VansReceiptEnvelope {
  const envelope = unwrapVansEnvelope(xml);
  assert.equal(envelope.kind, 'receipt');
  return envelope as VansReceiptEnvelope;
}

const ORIGINAL_META: Record<string, unknown> = { ...ORIGINAL.message };
delete ORIGINAL_META['bytes'];
delete ORIGINAL_META['text'];

describe('vansReceipt', () => {
  const receipts: [VansReceiptType, string][] = [
    ['PositiveMessage', vansReceipt('PositiveMessage', ORIGINAL, receiptOptions)],
    ['NegativeMessage', vansReceipt('NegativeMessage', ORIGINAL, { ...receiptOptions, error: ERROR })],
    [
      'NegativeVans',
      vansReceipt('NegativeVans', ORIGINAL, { ...receiptOptions, error: { description: 'Ukendt modtager' } }),
    ],
  ];

  it('writes each receipt type so that xmllint accepts it', { skip: skipXmllint }, () => {
    assert.deepEqual(xmllintErrors(receipts.map(([, xml]) => xml)), []);
  });

  it('goes from the original receiver back to its sender, naming the original envelope and echoing its meta-information', () => {
    for (const [type, xml] of receipts) {
      const receipt = readReceipt(xml);
      assert.equal(receipt.senderId, RECEIVER);
      assert.equal(receipt.receiverId, SENDER);
      assert.equal(receipt.senderIdType, 'EAN');
      assert.equal(receipt.envelopeId, RECEIPT_ID);
      assert.equal(receipt.sentDateTime, '2026-03-01T09:31:00Z');
      assert.equal(receipt.receipt.type, type);
      assert.equal(receipt.receipt.originalEnvelopeId, ORIGINAL.envelopeId);
      assert.deepEqual(receipt.receipt.originalMessage, ORIGINAL_META);
    }
  });

  it('carries the error of a negative receipt, escaped, and none for a positive one', () => {
    assert.deepEqual(readReceipt(receipts[0]?.[1] ?? '').receipt.errors, []);
    assert.deepEqual(readReceipt(receipts[1]?.[1] ?? '').receipt.errors, [ERROR]);
    assert.deepEqual(readReceipt(receipts[2]?.[1] ?? '').receipt.errors, [{ description: 'Ukendt modtager' }]);
    assert.ok(receipts[1]?.[1].includes('&lt;MCM:FCTL&gt; &amp; dens'));
  });

  it('reads a NegativeVans receipt without OriginalMessage, as the schema allows', () => {
    const xml = (receipts[2]?.[1] ?? '').replace(/\s*<OriginalMessage>[\s\S]*<\/OriginalMessage>/, '');
    const receipt = readReceipt(xml).receipt;
    assert.equal(receipt.originalMessage, undefined);
    assert.equal(receipt.originalEnvelopeId, ORIGINAL.envelopeId);
  });

  it('echoes Processing and a message without Transport', { skip: skipXmllint }, () => {
    const original: VansMessageEnvelope = {
      ...ORIGINAL,
      senderIdType: 'VANS',
      message: {
        ...ORIGINAL.message,
        processing: { providerIdentifier: 'KMD', serviceIdentifier: 'VANS-1' },
        transportType: undefined,
        transformMessage: undefined,
        serviceTags: [],
      },
    };
    const xml = vansReceipt('PositiveMessage', original, receiptOptions);
    assert.deepEqual(xmllintErrors([xml]), []);
    const receipt = readReceipt(xml);
    assert.equal(receipt.receiverIdType, 'VANS');
    assert.deepEqual(receipt.receipt.originalMessage?.processing, {
      providerIdentifier: 'KMD',
      serviceIdentifier: 'VANS-1',
    });
    assert.equal(receipt.receipt.originalMessage?.transformMessage, undefined);
  });

  it('refuses a missing or unwanted error, a bad code or description, and an unknown type', () => {
    const cases: [() => string, string][] = [
      [() => vansReceipt('NegativeMessage', ORIGINAL), 'required'],
      [() => vansReceipt('NegativeVans', ORIGINAL, {}), 'required'],
      [() => vansReceipt('PositiveMessage', ORIGINAL, { error: { description: 'x' } }), 'not-allowed'],
      [() => vansReceipt('NegativeMessage', ORIGINAL, { error: { code: '0', description: 'x' } }), 'positive-integer'],
      [() => vansReceipt('NegativeMessage', ORIGINAL, { error: { code: '-1', description: 'x' } }), 'positive-integer'],
      [() => vansReceipt('NegativeMessage', ORIGINAL, { error: { description: '' } }), 'required'],
      [() => vansReceipt('NegativeMessage', ORIGINAL, { error: { description: 'x'.repeat(513) } }), 'max-length'],
      [() => vansReceipt('NegativeMessage', ORIGINAL, { error: { description: 'bell \u0007' } }), 'xml-char'],
      [() => vansReceipt('Positive' as VansReceiptType, ORIGINAL), 'enum'],
    ];
    for (const [call, rule] of cases) assert.throws(call, (e) => isInputError(e) && e.rule === rule, rule);
    assert.ok(vansReceipt('NegativeMessage', ORIGINAL, { error: { description: 'ø'.repeat(512) } }));
  });

  it('never answers a receipt with a receipt', () => {
    const receipt = readReceipt(receipts[0]?.[1] ?? '');
    assert.throws(
      () => vansReceipt('PositiveMessage', receipt),
      (e) => isInputError(e) && e.rule === 'receipt-of-receipt',
    );
  });

  it('refuses an original the schema could not carry, without quoting its values', () => {
    const bad: VansMessageEnvelope = {
      ...ORIGINAL,
      senderId: `${TEST_CPR}${TEST_CPR}`,
      envelopeId: TEST_CPR,
      message: { ...ORIGINAL.message, name: `${TEST_CPR}`.repeat(30), sizeInBytes: -1 },
    };
    assert.throws(
      () => vansReceipt('PositiveMessage', bad),
      (e) =>
        isInputError(e) &&
        !e.message.includes(TEST_CPR) &&
        e.issues.map((i) => i.field).join() ===
          'original.senderId,original.envelopeId,original.message.name,original.message.sizeInBytes',
    );
  });
});
