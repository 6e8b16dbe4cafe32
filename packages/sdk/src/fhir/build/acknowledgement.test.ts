// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Bundle, MessageHeader, OperationOutcome, Organization, Provenance, Resource } from '@medplum/fhirtypes';
import { igPackagesDir, officialExamples, readJson } from '@samspil/fixtures';
import { isInputError, isRuleError, type InputError } from '../../errors/index.js';
import { GLN_SYSTEM_ALTERNATES, SOR_SYSTEM } from '../../identifiers/systems.js';
import { validateMessage } from '../validate/index.js';
import { acknowledge, type AcknowledgementOutcome } from './acknowledgement.js';
import {
  ACKNOWLEDGEMENT_ERROR_CODES,
  ACKNOWLEDGEMENT_ISSUE_CODES,
  OPERATION_OUTCOME_CODES,
} from './acknowledgement-codes.js';
import { fixedOptions } from './arbitraries.test-support.js';
import { SYSTEMS } from './urls.js';

const examples = officialExamples().map((example) => ({ ...example, bundle: readJson<Bundle>(example.json) }));
const header = (bundle: Bundle) => bundle.entry?.[0]?.resource as MessageHeader;
const isAck = (bundle: Bundle) => header(bundle).eventCoding?.code === 'acknowledgement-message';
const messages = examples.filter((example) => !isAck(example.bundle));
const acknowledgements = examples.filter((example) => isAck(example.bundle));
const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));
const resolve = (bundle: Bundle, reference: string | undefined) =>
  bundle.entry?.find((e) => `${e.resource?.resourceType}/${e.resource?.id}` === reference)?.resource;
const sorOf = (org: Organization | undefined) => org?.identifier?.find((i) => i.system === SOR_SYSTEM)?.value;
const glnOf = (org: Organization | undefined) =>
  org?.identifier?.find((i) => GLN_SYSTEM_ALTERNATES.includes(i.system ?? ''))?.value;

const OUTCOMES: readonly AcknowledgementOutcome[] = [
  { code: 'ok' },
  { code: 'transient-error', issues: [{ code: 'MSG_Mailbox_Out_Of_Operation' }] },
  { code: 'fatal-error', issues: [{ code: 'MSG_VALUESET_VALUE_UNKNOWN', text: 'Ukendt værdi i Encounter.class' }] },
];

/** Runs `f` and returns the InputError it throws. */
function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    assert.ok(isInputError(error), `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

const ccExample = () => structuredClone(messages.find((m) => m.folder === 'carecommunication')!.bundle);

describe('acknowledge', () => {
  it('finds official messages and acknowledgements to work with', () => {
    assert.ok(messages.length >= 25, `${messages.length} messages`);
    assert.equal(acknowledgements.length, 3);
  });

  for (const { folder, name, bundle } of messages) {
    for (const outcome of OUTCOMES) {
      it(`${outcome.code} for ${folder}/${name} validates with no issues and answers the message`, () => {
        const before = structuredClone(bundle);
        const ack = acknowledge(bundle, outcome, fixedOptions());
        assert.deepEqual(bundle, before, 'the received message is unchanged');

        const result = validateMessage(ack);
        assert.deepEqual(result.issues, []);
        assert.equal(result.standard, 'Acknowledgement');
        assert.equal(ack.type, 'message');

        const received = header(bundle);
        const answer = header(ack);
        assert.equal(answer.eventCoding?.code, 'acknowledgement-message');
        assert.equal(answer.response?.identifier, received.id);
        assert.equal(answer.response?.code, outcome.code);

        // The receiver answers: the parties swap.
        const primary = received.destination?.find((d) => d.extension?.[0]?.valueCoding?.code === 'primary')?.receiver
          ?.reference;
        const originalSender = resolve(bundle, received.sender?.reference) as Organization;
        const originalReceiver = resolve(bundle, primary) as Organization;
        const ackSender = resolve(ack, answer.sender?.reference) as Organization;
        const ackReceiver = resolve(ack, answer.destination?.[0]?.receiver?.reference) as Organization;
        assert.equal(answer.destination?.length, 1);
        assert.equal(sorOf(ackSender), sorOf(originalReceiver));
        assert.equal(glnOf(ackSender), glnOf(originalReceiver));
        assert.equal(sorOf(ackReceiver), sorOf(originalSender));
        assert.equal(glnOf(ackReceiver), glnOf(originalSender));
        assert.equal(answer.destination?.[0]?.endpoint, received.source?.endpoint);

        // Like MedCom's examples: Organizations and Provenances, no Patient.
        assert.deepEqual(ofType(ack, 'Patient'), []);
        assert.equal(ofType<Organization>(ack, 'Organization').length, 2);
        const provenances = ofType<Provenance>(ack, 'Provenance');
        assert.ok(provenances.length >= 1 && provenances.length <= 2, `${provenances.length} Provenances`);
        const own = provenances.find((p) => p.target[0]?.reference === `MessageHeader/${answer.id}`);
        assert.ok(own);
        assert.equal(own.activity?.coding?.[0]?.code, 'acknowledgement');
        assert.deepEqual(own.entity, [{ role: 'revision', what: { reference: `MessageHeader/${received.id}` } }]);
        assert.equal(own.agent[0]?.who?.reference, answer.sender?.reference);

        const current = ofType<Provenance>(bundle, 'Provenance').find(
          (p) => p.target[0]?.reference === `MessageHeader/${received.id}`,
        );
        const copied = provenances.find((p) => p !== own);
        if (current === undefined) {
          assert.equal(copied, undefined);
        } else {
          assert.ok(copied, 'the current Provenance is copied');
          assert.equal(copied.id, current.id);
          assert.deepEqual(copied.target, current.target);
          assert.deepEqual(copied.activity, current.activity);
          assert.equal(copied.occurredDateTime, current.occurredDateTime);
          assert.equal(sorOf(resolve(ack, copied.agent[0]?.who?.reference) as Organization), sorOf(originalSender));
        }

        const outcomes = ofType<OperationOutcome>(ack, 'OperationOutcome');
        if (outcome.code === 'ok') {
          assert.equal(outcomes.length, 0);
          assert.equal(answer.response?.details, undefined);
        } else {
          assert.equal(outcomes.length, 1);
          assert.equal(answer.response?.details?.reference, `OperationOutcome/${outcomes[0]?.id}`);
          const issue = outcomes[0]?.issue[0];
          assert.equal(issue?.severity, 'error');
          assert.deepEqual(issue?.details?.coding, [
            { system: SYSTEMS.acknowledgementErrorCodes, code: outcome.issues[0]?.code },
          ]);
          assert.equal(issue?.details?.text, outcome.issues[0]?.text);
        }
      });
    }
  }

  for (const { name, bundle } of acknowledgements) {
    it(`refuses to acknowledge the acknowledgement ${name} (KR2)`, () => {
      const error = inputError(() => acknowledge(bundle, { code: 'ok' }, fixedOptions()));
      assert.ok(isRuleError(error));
      assert.equal(error.field, 'received');
      assert.equal(error.rule, 'no-ack-of-ack');
    });
  }

  it('refuses a message that only claims to be an acknowledgement by its response', () => {
    const bundle = ccExample();
    header(bundle).response = { identifier: 'x', code: 'ok' };
    assert.equal(inputError(() => acknowledge(bundle, { code: 'ok' })).rule, 'no-ack-of-ack');
  });

  it('writes the exact acknowledgement of the fatal-error example', () => {
    const bundle = ccExample();
    const ack = acknowledge(
      bundle,
      { code: 'fatal-error', issues: [{ code: 'MSG_VALUESET_VALUE_UNKNOWN' }] },
      fixedOptions(),
    );
    assert.equal(ack.id, '00000000-0000-4000-8000-000000000004');
    assert.equal(ack.timestamp, '2026-11-25T09:30:00Z');
    assert.deepEqual(ack.meta?.profile, [
      'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement',
    ]);
    assert.deepEqual(
      ack.entry?.map((e) => e.resource?.resourceType),
      ['MessageHeader', 'Provenance', 'Provenance', 'Organization', 'Organization', 'OperationOutcome'],
    );
    const outcome = ofType<OperationOutcome>(ack, 'OperationOutcome')[0];
    assert.deepEqual(outcome?.meta?.profile, [
      'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome',
    ]);
    assert.deepEqual(outcome?.issue, [
      {
        severity: 'error',
        code: 'code-invalid',
        details: { coding: [{ system: SYSTEMS.acknowledgementErrorCodes, code: 'MSG_VALUESET_VALUE_UNKNOWN' }] },
      },
    ]);
    assert.match(outcome?.text?.div ?? '', /Kvitteringsdetaljer/);
    // CareCommunication's own Provenance profile is unknown to Acknowledgement 2.0.3: the copy claims the base one.
    const copied = ofType<Provenance>(ack, 'Provenance')[0];
    assert.deepEqual(copied?.meta?.profile, [
      'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance',
    ]);
    assert.equal(
      copied?.text?.div,
      ofType<Provenance>(bundle, 'Provenance').find((p) => p.id === copied?.id)?.text?.div,
    );
  });

  it('acknowledges a duplicate with ok and an informational HL7 issue', () => {
    const ack = acknowledge(ccExample(), { code: 'ok', issues: [{ code: 'MSG_DUPLICATE_ID', text: 'Dublet' }] });
    assert.deepEqual(validateMessage(ack).issues, []);
    const issue = ofType<OperationOutcome>(ack, 'OperationOutcome')[0]?.issue[0];
    assert.equal(issue?.severity, 'information');
    assert.equal(issue?.code, 'duplicate');
    // The system terminology 1.4.0 (pinned by Acknowledgement 2.0.3) lists the HL7 codes under.
    assert.deepEqual(issue?.details?.coding, [
      { system: 'http://hl7.org/fhir/ValueSet/operation-outcome', code: 'MSG_DUPLICATE_ID' },
    ]);
    assert.ok(header(ack).response?.details);
  });

  it('takes the severity and issue type given, and numbers several issues in the narrative', () => {
    const ack = acknowledge(ccExample(), {
      code: 'fatal-error',
      issues: [
        { code: 'MSG_BAD_FORMAT', severity: 'fatal', type: 'invalid', text: 'a <b> & c' },
        { code: 'MSG_Element_To_Long' },
      ],
    });
    assert.deepEqual(validateMessage(ack).issues, []);
    const outcome = ofType<OperationOutcome>(ack, 'OperationOutcome')[0];
    assert.deepEqual(
      outcome?.issue.map((i) => [i.severity, i.code]),
      [
        ['fatal', 'invalid'],
        ['error', 'too-long'],
      ],
    );
    assert.match(outcome?.text?.div ?? '', /Fejlkode 2/);
    assert.match(outcome?.text?.div ?? '', /a &#60;b&#62; &#38; c/);
  });

  it('makes odd spaces plain in the issue text and the received Organization names', () => {
    const bundle = ccExample();
    const sender = resolve(bundle, header(bundle).sender?.reference) as Organization;
    sender.name = 'Afsender\u00a0med\u2028mellemrum';
    const ack = acknowledge(bundle, {
      code: 'fatal-error',
      issues: [{ code: 'MSG_BAD_FORMAT', text: 'Fejl\u00a0i\u000bfeltet' }],
    });
    assert.deepEqual(validateMessage(ack).issues, []);
    assert.equal(ofType<OperationOutcome>(ack, 'OperationOutcome')[0]?.issue[0]?.details?.text, 'Fejl i feltet');
    assert.equal(
      (resolve(ack, header(ack).destination?.[0]?.receiver?.reference) as Organization).name,
      'Afsender med mellemrum',
    );
  });

  it('acknowledges a message that fails validation (fatal-error), reading only header, sender and receiver', () => {
    const bundle = structuredClone(messages.find((m) => m.folder === 'hospitalnotification')!.bundle);
    const encounter = ofType<Resource & { class?: unknown }>(bundle, 'Encounter')[0];
    delete encounter?.class; // the test protocol's TEK_FCC: a notification containing errors
    bundle.entry = bundle.entry?.filter((e) => e.resource?.resourceType !== 'Patient');
    assert.equal(validateMessage(bundle).ok, false);
    const ack = acknowledge(bundle, { code: 'fatal-error', issues: [{ code: 'MSG_BAD_FORMAT' }] });
    assert.deepEqual(validateMessage(ack).issues, []);
  });

  it('leaves out a current Provenance too broken to copy', () => {
    const bundle = ccExample();
    const current = ofType<Provenance>(bundle, 'Provenance').find(
      (p) => p.target[0]?.reference === `MessageHeader/${header(bundle).id}`,
    )!;
    current.agent = [{ who: { reference: 'Organization/not-bundled' } }];
    const ack = acknowledge(bundle, { code: 'ok' });
    assert.equal(ofType(ack, 'Provenance').length, 1);
    assert.deepEqual(validateMessage(ack).issues, []);
  });

  it('falls back to SOR endpoints and new Organization ids when the received ones are unusable', () => {
    const bundle = ccExample();
    const received: Partial<MessageHeader> = header(bundle);
    delete received.source;
    const sender = resolve(bundle, received.sender?.reference) as Organization;
    const renamed = 'not a valid id!';
    received.sender = { reference: `urn:uuid:0b0b0b0b-0000-4000-8000-000000000000` };
    bundle.entry!.find((e) => e.resource === sender)!.fullUrl = 'urn:uuid:0b0b0b0b-0000-4000-8000-000000000000';
    sender.id = renamed;
    const ack = acknowledge(bundle, { code: 'ok' }, fixedOptions());
    assert.deepEqual(validateMessage(ack).issues, []);
    const answer = header(ack);
    assert.equal(answer.destination?.[0]?.endpoint, `https://sor2.sum.dsdn.dk/#id=${sorOf(sender) ?? ''}`);
    assert.notEqual(resolve(ack, answer.destination?.[0]?.receiver?.reference)?.id, renamed);
  });

  it('lets a cc receiver acknowledge with `as` (its SOR id or GLN)', () => {
    const bundle = ccExample();
    const cc: Organization = {
      resourceType: 'Organization',
      id: 'cc-organization',
      identifier: [
        { system: 'https://www.gs1.org/gln', value: '5790001382445' },
        { system: SOR_SYSTEM, value: '123456789012' },
      ],
      name: 'Kopimodtager',
    };
    bundle.entry?.push({
      fullUrl: 'https://medcomfhir.dk/ig/carecommunication/Organization/cc-organization',
      resource: cc,
    });
    header(bundle).destination?.push({
      extension: [
        { url: SYSTEMS.destinationUseExtension, valueCoding: { system: SYSTEMS.destinationUse, code: 'cc' } },
      ],
      endpoint: 'https://sor2.sum.dsdn.dk/#id=123456789012',
      receiver: { reference: 'Organization/cc-organization' },
    });
    for (const as of ['5790001382445', '123456789012']) {
      const ack = acknowledge(bundle, { code: 'ok' }, { as });
      assert.deepEqual(validateMessage(ack).issues, []);
      const sender = resolve(ack, header(ack).sender?.reference) as Organization;
      assert.equal(sorOf(sender), '123456789012');
      assert.equal(header(ack).source?.endpoint, 'https://sor2.sum.dsdn.dk/#id=123456789012');
    }
    const error = inputError(() => acknowledge(bundle, { code: 'ok' }, { as: '5790000209354x' }));
    assert.equal(error.field, 'options.as');
    assert.equal(error.rule, 'not-a-receiver');
  });
});

describe('acknowledge refuses', () => {
  const refusals: [string, unknown, string, string][] = [
    [
      'an unknown issue code',
      { code: 'fatal-error', issues: [{ code: 'MSG_UNHEARD_OF' }] },
      'outcome.issues[0].code',
      'enumeration',
    ],
    ['an error without issues', { code: 'transient-error' }, 'outcome.issues', 'required'],
    ['an error with an empty issue list', { code: 'fatal-error', issues: [] }, 'outcome.issues', 'minItems'],
    [
      'an ok with an error issue',
      { code: 'ok', issues: [{ code: 'MSG_DUPLICATE_ID', severity: 'error' }] },
      'outcome.issues[0].severity',
      'enumeration',
    ],
    ['an unknown response code', { code: 'maybe' }, 'outcome.code', 'type'],
    [
      'an unknown issue type',
      { code: 'fatal-error', issues: [{ code: 'MSG_BAD_FORMAT', type: 'odd' }] },
      'outcome.issues[0].type',
      'enumeration',
    ],
    ['an unknown field', { code: 'ok', reason: 'x' }, 'outcome.reason', 'unknown'],
    [
      'a blank text',
      { code: 'fatal-error', issues: [{ code: 'MSG_BAD_FORMAT', text: ' ' }] },
      'outcome.issues[0].text',
      'required',
    ],
  ];
  for (const [what, outcome, field, rule] of refusals) {
    it(what, () => {
      const error = inputError(() => acknowledge(ccExample(), outcome as AcknowledgementOutcome));
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
    });
  }

  const received: [string, (bundle: Bundle) => unknown, string, string][] = [
    ['something that is not a Bundle', () => ({ resourceType: 'Patient' }), 'received', 'type'],
    [
      'a message without MessageHeader',
      (b) => ({ ...b, entry: b.entry?.slice(1) }),
      'received.entry[0].resource',
      'required',
    ],
    ['a MessageHeader without id', (b) => void delete header(b).id, 'received.entry[0].resource.id', 'required'],
    [
      'a MessageHeader id that is no FHIR id',
      (b) => void (header(b).id = 'a b'),
      'received.entry[0].resource.id',
      'format',
    ],
    [
      'a MessageHeader without sender',
      (b) => void delete header(b).sender,
      'received.entry[0].resource.sender',
      'required',
    ],
    [
      'a sender that is not bundled',
      (b) => void (header(b).sender = { reference: 'Organization/elsewhere' }),
      'received.entry[0].resource.sender',
      'unresolved',
    ],
    [
      'a MessageHeader without destination',
      (b) => void delete header(b).destination,
      'received.entry[0].resource.destination',
      'required',
    ],
    [
      'a destination without receiver',
      (b) => void delete header(b).destination?.[0]?.receiver,
      'received.entry[0].resource.destination[0].receiver',
      'required',
    ],
  ];
  for (const [what, change, field, rule] of received) {
    it(`${what}, naming the field`, () => {
      const bundle = ccExample();
      const changed = change(bundle);
      const error = inputError(() =>
        acknowledge((changed ?? bundle) as Bundle, { code: 'fatal-error', issues: [{ code: 'MSG_BAD_FORMAT' }] }),
      );
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
    });
  }

  it('a sender whose identifiers are missing or invalid, naming the Organization entry', () => {
    for (const [system, value, rule] of [
      [SOR_SYSTEM, undefined, 'required'],
      [SOR_SYSTEM, '12', 'sor'],
      ['https://www.gs1.org/gln', undefined, 'required'],
      ['https://www.gs1.org/gln', '5790001382446', 'gln'],
    ] as const) {
      const bundle = ccExample();
      const index = bundle.entry!.findIndex(
        (e) => `Organization/${e.resource?.id}` === header(bundle).sender?.reference,
      );
      const org = bundle.entry![index]!.resource as Organization;
      org.identifier = org.identifier?.flatMap((i) =>
        i.system !== system ? [i] : value === undefined ? [] : [{ ...i, value }],
      );
      const error = inputError(() => acknowledge(bundle, { code: 'ok' }));
      assert.equal(error.field, `received.entry[${index}].resource.identifier`);
      assert.equal(error.rule, rule);
    }
  });

  it('never puts a CPR number or other input values in its messages', () => {
    const bundle = ccExample();
    header(bundle).id = '2509479989 ';
    const error = inputError(() => acknowledge(bundle, { code: 'ok' }));
    assert.doesNotMatch(error.message, /2509479989/);
    const outcome = inputError(() =>
      acknowledge(ccExample(), {
        code: 'fatal-error',
        issues: [{ code: '2509479989' }],
      } as unknown as AcknowledgementOutcome),
    );
    for (const issue of outcome.issues) assert.doesNotMatch(issue.message, /2509479989/);
  });
});

/** The JSON files of an npm package .tgz, by path inside `package/`. */
function readTgz(file: string): Map<string, unknown> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, unknown>();
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (name === '') break;
    const size = parseInt(
      tar
        .subarray(offset + 124, offset + 136)
        .toString('utf8')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    if (name.startsWith('package/') && name.endsWith('.json')) {
      files.set(
        name.slice('package/'.length),
        JSON.parse(tar.subarray(offset + 512, offset + 512 + size).toString('utf8')),
      );
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

describe('acknowledgement codes', () => {
  // Acknowledgement 2.0.3 pins terminology 1.4.0.
  const terminology = readTgz(join(igPackagesDir(), 'medcom.fhir.dk.terminology-1.4.0.tgz'));

  it('are the concepts of the pinned error-codes CodeSystem', () => {
    const codeSystem = terminology.get('CodeSystem-medcom-acknowledgement-error-codes.json') as {
      url: string;
      concept: { code: string }[];
    };
    assert.equal(codeSystem.url, SYSTEMS.acknowledgementErrorCodes);
    assert.deepEqual(
      codeSystem.concept.map((c) => c.code),
      [...ACKNOWLEDGEMENT_ERROR_CODES],
    );
  });

  it('are the codes of the pinned issue-details value set', () => {
    const valueSet = terminology.get('ValueSet-medcom-acknowledgement-issue-details.json') as {
      compose: { include: { system: string; concept: { code: string }[] }[] };
    };
    const bySystem = new Map(valueSet.compose.include.map((i) => [i.system, i.concept.map((c) => c.code)]));
    assert.deepEqual(bySystem.get(SYSTEMS.acknowledgementErrorCodes), [...ACKNOWLEDGEMENT_ERROR_CODES]);
    assert.deepEqual(bySystem.get('http://hl7.org/fhir/ValueSet/operation-outcome'), [...OPERATION_OUTCOME_CODES]);
    assert.equal(
      ACKNOWLEDGEMENT_ISSUE_CODES.length,
      ACKNOWLEDGEMENT_ERROR_CODES.length + OPERATION_OUTCOME_CODES.length,
    );
  });
});
