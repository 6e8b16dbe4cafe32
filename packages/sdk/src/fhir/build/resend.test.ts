// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, MessageHeader, Provenance } from '@medplum/fhirtypes';
import { officialExamples, readJson } from '@samspil/fixtures';
import { isInputError } from '../../errors/index.js';
import { validateMessage } from '../validate/index.js';
import { acknowledge } from './acknowledgement.js';
import { fixedOptions } from './arbitraries.test-support.js';
import { buildHomeCareObservation } from './home-care-observation.js';
import { prepareResend } from './resend.js';

const LATER = new Date('2026-12-01T08:15:30Z');
const examples = officialExamples().map((example) => ({ ...example, bundle: readJson<Bundle>(example.json) }));
const headerOf = (bundle: Bundle) =>
  bundle.entry?.find((e) => e.resource?.resourceType === 'MessageHeader')?.resource as MessageHeader;
const currentProvenance = (bundle: Bundle) => {
  const id = headerOf(bundle).id;
  return bundle.entry?.find(
    (e) => e.resource?.resourceType === 'Provenance' && e.resource.target[0]?.reference === `MessageHeader/${id}`,
  )?.resource as Provenance | undefined;
};
/** Deep-freezes a value, so any write to the input fails the test. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

describe('prepareResend (MR7)', () => {
  for (const { folder, name, bundle } of examples) {
    it(`${folder}/${name}: same MessageHeader.id, new Bundle.id and times, nothing else changed`, () => {
      const original = frozen(structuredClone(bundle));
      const resent = prepareResend(original, fixedOptions(LATER));

      assert.equal(headerOf(resent).id, headerOf(original).id);
      assert.notEqual(resent.id, original.id);
      assert.equal(resent.id, '00000000-0000-4000-8000-000000000001');
      assert.equal(resent.timestamp, '2026-12-01T08:15:30Z');
      assert.notEqual(resent.timestamp, original.timestamp);

      const before = currentProvenance(original);
      const after = currentProvenance(resent);
      if (before) {
        assert.equal(after?.occurredDateTime, '2026-12-01T08:15:30Z');
        assert.equal(after?.recorded, '2026-12-01T08:15:30Z');
        assert.deepEqual(
          { ...after, occurredDateTime: before.occurredDateTime, recorded: before.recorded, text: before.text },
          before,
        );
      }
      // Everything but the envelope and the current Provenance is untouched.
      assert.deepEqual(
        resent.entry?.filter((e) => e.resource !== after),
        original.entry?.filter((e) => e.resource !== before),
      );
      assert.deepEqual({ ...resent, id: original.id, timestamp: original.timestamp, entry: original.entry }, original);

      const validity = validateMessage(original);
      assert.deepEqual(validateMessage(resent).issues, validity.issues);
    });
  }

  it('renews the times shown in the narrative of a Provenance the SDK built', () => {
    const sent = buildHomeCareObservation(
      {
        sender: { sor: '1144561000016002', gln: '5790000123117' },
        receiver: { sor: '52581000016005', gln: '5790000127092', ydernummer: '061654' },
        patient: { cpr: '2509479989', family: 'Elmer' },
        performer: { given: ['Mia'], phone: '+45 05577668', role: 'sygeplejerske' },
        observations: [
          { code: { system: 'npu', code: 'NPU08676' }, value: 38.7, unit: '°C', effective: '2026-11-25T09:24:12Z' },
        ],
      },
      fixedOptions(),
    );
    const resent = prepareResend(sent, fixedOptions(LATER));
    assert.deepEqual(validateMessage(resent).issues, []);
    const div = currentProvenance(resent)?.text?.div ?? '';
    assert.match(div, /2026-12-01T08:15:30Z/);
    assert.doesNotMatch(div, /2026-11-25T09:30:00Z/);
  });

  it('resends an acknowledgement unchanged but for the envelope, as a duplicate is answered', () => {
    const received = examples.find((e) => e.folder === 'hospitalnotification')!.bundle;
    const ack = acknowledge(received, { code: 'ok' }, fixedOptions());
    const again = prepareResend(ack, fixedOptions(LATER));
    assert.deepEqual(validateMessage(again).issues, []);
    assert.equal(headerOf(again).response?.identifier, headerOf(ack).response?.identifier);
    assert.notEqual(again.id, ack.id);
  });

  it('gives every resend a new Bundle.id', () => {
    const { bundle } = examples.find((e) => e.folder === 'carecommunication')!;
    const first = prepareResend(bundle);
    const second = prepareResend(bundle);
    assert.notEqual(first.id, second.id);
    assert.equal(headerOf(first).id, headerOf(second).id);
  });

  for (const [what, message, field] of [
    ['something that is not a Bundle', { resourceType: 'Patient' }, 'message'],
    ['a Bundle without MessageHeader', { resourceType: 'Bundle', type: 'message', entry: [] }, 'message.entry'],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.throws(
        () => prepareResend(message as unknown as Bundle),
        (error) => isInputError(error) && error.field === field,
      );
    });
  }
});
