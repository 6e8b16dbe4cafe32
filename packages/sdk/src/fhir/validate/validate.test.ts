// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { officialExamples, readJson } from '@samspil/fixtures';
import { hospitalNotification } from '../profiles/standards.js';
import { createValidator } from './validate-bundle.js';
import { validateMessage } from './validate-message.js';

const STANDARD_OF_EVENT: Record<string, string> = {
  'hospital-notification-message': 'HospitalNotification',
  'care-communication-message': 'CareCommunication',
  'acknowledgement-message': 'Acknowledgement',
  'homecareobservation-message': 'HomeCareObservation',
  'empty-message': 'Messaging',
};

type ExampleBundle = { entry: { resource: { resourceType: string; id: string; eventCoding?: { code: string } } }[] };

const examples = officialExamples();

describe('validateMessage on the official examples', () => {
  it('finds the examples', () => {
    assert.ok(examples.length >= 30, `found ${examples.length} examples`);
  });

  for (const example of examples) {
    for (const format of ['json', 'xml'] as const) {
      const path = format === 'json' ? example.json : example.xml;
      if (!path) continue;
      it(`${example.folder}/${example.name}.${format} is valid`, () => {
        const result = validateMessage(readFileSync(path, 'utf8'));
        const errors = result.issues.filter((i) => i.severity === 'error');
        assert.deepEqual(errors, [], `errors in ${example.name}`);
        assert.equal(result.ok, true);
        for (const issue of result.issues) assert.ok(issue.rule, `every warning names its rule: ${issue.message}`);
        const header = readJson<ExampleBundle>(example.json).entry[0]?.resource;
        assert.equal(result.standard, STANDARD_OF_EVENT[header?.eventCoding?.code ?? '']);
        assert.equal(result.messageHeaderId, header?.id);
      });
    }
  }
});

describe('validateMessage on bad input', () => {
  const bruno = '2509479989';
  const cases: [string, unknown][] = [
    ['bad JSON', `{"resourceType": "Bundle", "id": "${bruno}",`],
    ['bad XML', `<Bundle xmlns="http://hl7.org/fhir"><id value="${bruno}"/>`],
    ['neither', `CPR ${bruno}`],
    ['a wrong root', { resourceType: 'Patient', id: bruno }],
    ['an array', []],
    ['null', null],
    [
      'an unknown resource type',
      { resourceType: 'Bundle', type: 'message', entry: [{ resource: { resourceType: 'Spaceship' } }] },
    ],
    ['a huge file', `{"resourceType":"Bundle","id":"${'x'.repeat(2_000_000)}"}`],
  ];
  for (const [name, input] of cases) {
    it(`gives ok: false with a clear issue for ${name}`, () => {
      const result = validateMessage(input, { maxBytes: 1_000_000 });
      assert.equal(result.ok, false);
      assert.ok(result.issues.length > 0);
      for (const issue of result.issues) {
        assert.ok(issue.message.length > 0 && issue.path.length > 0);
        assert.ok(!issue.message.includes(bruno), `no CPR number in: ${issue.message}`);
      }
    });
  }

  it('rejects a message of another standard in a one-standard validator, by the profile', () => {
    const [careCommunicationExample] = examples.filter((e) => e.folder === 'carecommunication');
    assert.ok(careCommunicationExample);
    const result = createValidator([hospitalNotification])(readJson(careCommunicationExample.json));
    assert.equal(result.ok, false);
    assert.equal(result.standard, 'HospitalNotification');
  });
});
