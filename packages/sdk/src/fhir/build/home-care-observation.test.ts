// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Bundle,
  DiagnosticReport,
  Media,
  MessageHeader,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Provenance,
  Resource,
} from '@medplum/fhirtypes';
import { officialExamples, readJson } from '@samspil/fixtures';
import { isInputError, type InputError } from '../../errors/index.js';
import { CPR_SYSTEM, SOR_SYSTEM, YDERNUMMER_SYSTEM } from '../../identifiers/systems.js';
import { validateMessage } from '../validate/index.js';
import { fixedOptions } from './arbitraries.test-support.js';
import { buildHomeCareObservation } from './home-care-observation.js';
import {
  OBSERVATION_CODE_SYSTEMS,
  type HomeCareObservationInput,
  type ObservationInput,
  type PerformerInput,
} from './home-care-observation-input.js';

const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));
const resolve = <T extends Resource>(bundle: Bundle, reference: string | undefined): T =>
  bundle.entry?.find((e) => `${e.resource?.resourceType}/${e.resource?.id}` === reference)?.resource as T;
const headerOf = (bundle: Bundle) => bundle.entry?.[0]?.resource as MessageHeader;
const identifier = (org: Organization, system: string) => org.identifier?.find((i) => i.system === system)?.value;

const INPUT: HomeCareObservationInput = {
  sender: { name: 'Pleje og Rehabilitering', sor: '1144561000016002', gln: '5790000123117' },
  receiver: {
    name: 'Skødstrup Lægepraksis',
    sor: '52581000016005',
    gln: '5790000127092',
    ydernummer: '061654',
    contactInitials: 'OKM',
  },
  patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
  performer: { given: ['Mia'], phone: '+45 05577668', role: 'sygeplejerske' },
  observations: [
    {
      code: { system: 'npu', code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
      value: 38.7,
      unit: '°C',
      effective: '2026-11-25T09:24:12+01:00',
      referenceRange: { low: 36.5, high: 37.5 },
      note: 'Målt rektalt',
    },
    { code: { system: 'medcom', code: 'MCS88125' }, value: 3, ucum: '1', effective: new Date('2026-11-25T08:00:00Z') },
    { code: { system: 'npu', code: 'NPU21578' }, value: 'Negative', effective: '2026-11-25T09:24:12Z' },
  ],
};

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    assert.ok(isInputError(error), `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

/** The builder input that says what an official example says. */
function inputOf(bundle: Bundle): HomeCareObservationInput {
  const header = headerOf(bundle);
  const sender = resolve<Organization>(bundle, header.sender?.reference);
  const receiver = resolve<Organization>(bundle, header.destination?.[0]?.receiver?.reference);
  const report = ofType<DiagnosticReport>(bundle, 'DiagnosticReport')[0]!;
  const role = resolve<PractitionerRole>(bundle, report.performer?.[1]?.reference);
  const practitioner = resolve<Practitioner>(bundle, role.practitioner?.reference);
  const patient = ofType<Patient>(bundle, 'Patient')[0]!;
  const provenance = ofType<Provenance>(bundle, 'Provenance')[0]!;
  const systems = Object.entries(OBSERVATION_CODE_SYSTEMS);
  const party = (org: Organization) => ({
    name: org.name!,
    sor: identifier(org, SOR_SYSTEM)!,
    gln: identifier(org, 'https://www.gs1.org/gln')!,
  });
  const patientId = patient.identifier![0]!;
  const activity = provenance.activity?.coding?.[0]?.code;
  const initials = receiver.contact?.[0]?.name?.given?.[0];
  return {
    sender: party(sender),
    receiver: {
      ...party(receiver),
      ydernummer: identifier(receiver, YDERNUMMER_SYSTEM)!,
      ...(initials === undefined ? {} : { contactInitials: initials }),
    },
    patient: {
      ...(patientId.system === CPR_SYSTEM ? { cpr: patientId.value! } : { ecpr: patientId.value! }),
      family: patient.name![0]!.family!,
      ...(patient.name![0]!.given ? { given: patient.name![0]!.given } : {}),
    },
    performer: {
      ...(practitioner.name![0]!.given ? { given: practitioner.name![0]!.given } : {}),
      ...(practitioner.name![0]!.family ? { family: practitioner.name![0]!.family } : {}),
      phone: practitioner.telecom![0]!.value!,
      role: role.code![0]!.coding![0]!.code as PerformerInput['role'],
    },
    observations: (report.result ?? []).map((ref): ObservationInput => {
      const o = resolve<Observation>(bundle, ref.reference);
      const coding = o.code.coding![0]!;
      const q = o.valueQuantity;
      return {
        code: {
          system: systems.find(([, url]) => url === coding.system)![0] as ObservationInput['code']['system'],
          code: coding.code!,
          ...(coding.display ? { display: coding.display } : {}),
        },
        ...(q === undefined
          ? { value: o.valueString! }
          : {
              value: q.value!,
              ...(q.unit ? { unit: q.unit } : {}),
              ...(q.code ? { ucum: q.code } : {}),
              ...(q.comparator ? { comparator: q.comparator } : {}),
            }),
        effective: o.effectiveDateTime!,
        ...(o.note ? { note: o.note[0]!.text } : {}),
      };
    }),
    ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    issued: report.issued!,
    ...(report.meta?.security ? { consentRefused: true } : {}),
    ...(report.media
      ? {
          media: report.media.map((m) => {
            const { content } = resolve<Media>(bundle, m.link.reference);
            return {
              title: content.title!,
              contentType: content.contentType as 'image/png',
              data: content.data!,
              creation: content.creation!,
            };
          }),
        }
      : {}),
    ...(activity === 'new-message'
      ? {}
      : {
          correction: {
            of: provenance.entity![0]!.what.reference!.replace('MessageHeader/', ''),
            kind: activity === 'modified-message' ? ('modify' as const) : ('retract' as const),
          },
        }),
  };
}

const shape = (bundle: Bundle) =>
  (bundle.entry ?? [])
    .map((e) => `${e.resource?.resourceType} ${e.resource?.meta?.profile?.[0]?.split('/').pop() ?? ''}`)
    .sort();
const keys = (resource: Resource | undefined) =>
  Object.keys(resource ?? {})
    .filter((k) => !['id', 'meta', 'text'].includes(k))
    .sort();

describe('buildHomeCareObservation', () => {
  const examples = officialExamples().filter((e) => e.folder === 'homecareobservation');

  it('finds the nine official examples', () => assert.equal(examples.length, 9));

  for (const { name, json } of examples) {
    it(`says what ${name} says, in the same shape, and validates with no issues`, () => {
      const official = readJson<Bundle>(json);
      const built = buildHomeCareObservation(inputOf(official), fixedOptions());
      assert.deepEqual(validateMessage(built).issues, []);
      assert.deepEqual(shape(built), shape(official));
      for (const type of [
        'MessageHeader',
        'Patient',
        'DiagnosticReport',
        'PractitionerRole',
        'Practitioner',
        'Provenance',
        'Media',
      ]) {
        const first = (b: Bundle) => b.entry?.find((e) => e.resource?.resourceType === type)?.resource;
        assert.deepEqual(keys(first(built)), keys(first(official)), type);
      }
      const organizations = (b: Bundle) => ofType<Organization>(b, 'Organization').map(keys).sort();
      assert.deepEqual(organizations(built), organizations(official));

      const report = (b: Bundle) => ofType<DiagnosticReport>(b, 'DiagnosticReport')[0]!;
      assert.equal(report(built).conclusion, report(official).conclusion);
      assert.equal(report(built).issued, report(official).issued);
      assert.deepEqual(report(built).meta?.security, report(official).meta?.security);
      const results = (b: Bundle) =>
        (report(b).result ?? []).map((r) => {
          const { code, valueQuantity, valueString, effectiveDateTime, interpretation, note, status } =
            resolve<Observation>(b, r.reference);
          return { code, valueQuantity, valueString, effectiveDateTime, interpretation, note, status };
        });
      assert.deepEqual(results(built), results(official));
      const media = (b: Bundle) => ofType<Media>(b, 'Media').map((m) => m.content);
      assert.deepEqual(media(built), media(official));
      const activity = (b: Bundle) => ofType<Provenance>(b, 'Provenance').map((p) => [p.activity, p.entity]);
      assert.deepEqual(activity(built), activity(official));
      const requester = (b: Bundle) => resolve<Organization>(b, headerOf(b).destination?.[0]?.receiver?.reference);
      assert.deepEqual(
        requester(built).contact?.[0]?.name?.given ?? requester(built).contact,
        requester(official).contact?.[0]?.name?.given ?? requester(official).contact,
      );
    });
  }

  it('writes the parties, definition, report and observations MedCom requires', () => {
    const bundle = buildHomeCareObservation(INPUT, fixedOptions());
    assert.deepEqual(validateMessage(bundle).issues, []);
    const header = headerOf(bundle);
    assert.equal(
      header.definition,
      'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1.1',
    );
    assert.equal(header.eventCoding?.code, 'homecareobservation-message');
    const sender = resolve<Organization>(bundle, header.sender?.reference);
    assert.deepEqual(sender.meta?.profile, [
      'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-producer-organization',
    ]);
    assert.equal(identifier(sender, 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID'), 'KAF');
    const receiver = resolve<Organization>(bundle, header.destination?.[0]?.receiver?.reference);
    assert.equal(identifier(receiver, YDERNUMMER_SYSTEM), '061654');
    assert.deepEqual(receiver.contact, [{ name: { given: ['OKM'] } }]);

    const report = resolve<DiagnosticReport>(bundle, header.focus?.[0]?.reference);
    assert.equal(report.status, 'final');
    assert.equal(report.issued, '2026-11-25T09:30:00Z');
    assert.deepEqual(
      report.performer?.map((p) => p.reference?.split('/')[0]),
      ['Organization', 'PractitionerRole'],
    );
    assert.equal(report.performer?.[0]?.reference, header.sender?.reference);
    assert.equal(report.meta?.security, undefined);
    assert.equal(report.result?.length, 3);

    const [temperature, score, nitrite] = (report.result ?? []).map((r) => resolve<Observation>(bundle, r.reference));
    assert.deepEqual(temperature?.code.coding, [
      { system: 'urn:oid:1.2.208.176.2.1', code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
    ]);
    assert.deepEqual(temperature?.valueQuantity, { value: 38.7, unit: '°C' });
    assert.deepEqual(temperature?.referenceRange, [
      { low: { value: 36.5, unit: '°C' }, high: { value: 37.5, unit: '°C' } },
    ]);
    assert.deepEqual(temperature?.note, [{ text: 'Målt rektalt' }]);
    assert.equal(temperature?.effectiveDateTime, '2026-11-25T09:24:12+01:00');
    assert.deepEqual(temperature?.interpretation, [
      {
        coding: [
          {
            system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-interpretation-codes',
            code: 'NI',
            display: 'Not Interpreted',
          },
        ],
      },
    ]);
    assert.match(temperature?.text?.div ?? '', /38,7 °C/);
    assert.deepEqual(score?.valueQuantity, { value: 3, system: 'http://unitsofmeasure.org', code: '1' });
    assert.equal(score?.effectiveDateTime, '2026-11-25T08:00:00Z');
    assert.equal(nitrite?.valueString, 'Negative');

    const provenance = ofType<Provenance>(bundle, 'Provenance');
    assert.equal(provenance.length, 1);
    assert.equal(provenance[0]?.activity?.coding?.[0]?.code, 'new-message');
    assert.equal(provenance[0]?.entity, undefined);
  });

  it('marks a report restricted when consent was refused, and writes corrections and attachments', () => {
    for (const kind of ['modify', 'retract'] as const) {
      const bundle = buildHomeCareObservation(
        {
          ...INPUT,
          consentRefused: true,
          conclusion: 'Linje 1\nLinje <2>',
          correction: { of: '489de4f2-0d8d-4de2-a7ce-ccb93568799f', kind },
          media: [
            { title: 'EKG', contentType: 'application/pdf', data: 'JVBERi0xLjQK', creation: '2026-11-25T09:08:08Z' },
          ],
        },
        fixedOptions(),
      );
      assert.deepEqual(validateMessage(bundle).issues, []);
      const report = ofType<DiagnosticReport>(bundle, 'DiagnosticReport')[0];
      assert.deepEqual(report?.meta?.security, [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'Restricted' },
      ]);
      assert.match(report?.text?.div ?? '', /Linje 1<br\/>Linje &#60;2&#62;/);
      const provenance = ofType<Provenance>(bundle, 'Provenance')[0];
      assert.equal(provenance?.activity?.coding?.[0]?.code, kind === 'modify' ? 'modified-message' : 'retract-message');
      assert.deepEqual(provenance?.entity, [
        {
          role: kind === 'modify' ? 'revision' : 'removal',
          what: { reference: 'MessageHeader/489de4f2-0d8d-4de2-a7ce-ccb93568799f' },
        },
      ]);
      const media = ofType<Media>(bundle, 'Media')[0];
      assert.match(media?.identifier?.[0]?.value ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
      assert.equal(media?.identifier?.[0]?.assigner?.reference, headerOf(bundle).sender?.reference);
      assert.equal(media?.operator?.reference, report?.performer?.[1]?.reference);
      assert.doesNotMatch(media?.text?.div ?? '', /JVBERi0xLjQK/);
    }
  });

  it('says the GP is unknown when no initials are given, and takes a replacement CPR', () => {
    const receiver = { ...INPUT.receiver, contactInitials: undefined };
    const bundle = buildHomeCareObservation(
      { ...INPUT, receiver, patient: { ecpr: '0703921VJ4', family: 'Hansen', given: ['Peter'] } },
      fixedOptions(),
    );
    assert.deepEqual(validateMessage(bundle).issues, []);
    const gp = resolve<Organization>(bundle, headerOf(bundle).destination?.[0]?.receiver?.reference);
    assert.deepEqual(gp.contact, [
      { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] },
    ]);
    assert.equal(ofType<Patient>(bundle, 'Patient')[0]?.identifier?.[0]?.system, 'urn:oid:1.2.208.176.1.6.1.1');
  });

  it('makes odd spaces plain, as a FHIR string requires', () => {
    const nbsp = '\u00a0';
    const bundle = buildHomeCareObservation(
      {
        ...INPUT,
        sender: { ...INPUT.sender, name: `Pleje og${nbsp}Rehabilitering` },
        patient: { cpr: '2509479989', family: `Elmer${nbsp}Hansen` },
        observations: [{ ...INPUT.observations[0]!, note: `Målt\u2028rektalt${nbsp}kl. 9` }],
        conclusion: `Linje\u000b1`,
      },
      fixedOptions(),
    );
    assert.deepEqual(validateMessage(bundle).issues, []);
    assert.equal(ofType<Patient>(bundle, 'Patient')[0]?.name?.[0]?.family, 'Elmer Hansen');
    assert.equal(ofType<Observation>(bundle, 'Observation')[0]?.note?.[0]?.text, 'Målt rektalt kl. 9');
    assert.equal(ofType<DiagnosticReport>(bundle, 'DiagnosticReport')[0]?.conclusion, 'Linje 1');
    assert.equal(resolve<Organization>(bundle, headerOf(bundle).sender?.reference).name, 'Pleje og Rehabilitering');
  });

  it('does not change its input', () => {
    const input = structuredClone(INPUT);
    buildHomeCareObservation(input);
    assert.deepEqual(input, INPUT);
  });
});

describe('buildHomeCareObservation refuses', () => {
  const observation = INPUT.observations[0]!;
  const cases: [string, HomeCareObservationInput | Record<string, unknown>, string, string][] = [
    ['a message without observations', { ...INPUT, observations: [] }, 'observations', 'minItems'],
    ['a message with no observations field', { ...INPUT, observations: undefined }, 'observations', 'required'],
    [
      'a bad UCUM unit',
      { ...INPUT, observations: [{ ...observation, ucum: 'mm Hg' }] },
      'observations[0].ucum',
      'ucum',
    ],
    [
      'unbalanced UCUM brackets',
      { ...INPUT, observations: [{ ...observation, ucum: 'mm[Hg' }] },
      'observations[0].ucum',
      'ucum',
    ],
    [
      'a number without unit',
      { ...INPUT, observations: [{ ...observation, unit: undefined }] },
      'observations[0].unit',
      'unit-required',
    ],
    [
      'a unit on a text value',
      { ...INPUT, observations: [{ ...observation, value: 'Negative', referenceRange: undefined }] },
      'observations[0].value',
      'quantity-only',
    ],
    [
      'numeric limits on a text value',
      {
        ...INPUT,
        observations: [
          { code: observation.code, value: 'Neg', effective: observation.effective, referenceRange: { low: 1 } },
        ],
      },
      'observations[0].referenceRange',
      'quantity-only',
    ],
    [
      'an empty reference range',
      { ...INPUT, observations: [{ ...observation, referenceRange: {} }] },
      'observations[0].referenceRange',
      'required',
    ],
    [
      'a low limit above the high one',
      { ...INPUT, observations: [{ ...observation, referenceRange: { low: 2, high: 1 } }] },
      'observations[0].referenceRange.low',
      'low-above-high',
    ],
    [
      'an infinite value',
      { ...INPUT, observations: [{ ...observation, value: Number.POSITIVE_INFINITY }] },
      'observations[0].value',
      'type',
    ],
    [
      'a time without time zone',
      { ...INPUT, observations: [{ ...observation, effective: '2026-11-25T09:24:12' }] },
      'observations[0].effective',
      'datetime',
    ],
    [
      'a day not in the calendar',
      { ...INPUT, observations: [{ ...observation, effective: '2026-02-30T09:24:12Z' }] },
      'observations[0].effective',
      'datetime',
    ],
    [
      'an unknown code system',
      { ...INPUT, observations: [{ ...observation, code: { system: 'icd10', code: 'A01' } }] },
      'observations[0].code.system',
      'enumeration',
    ],
    [
      'a code with spaces around it',
      { ...INPUT, observations: [{ ...observation, code: { system: 'npu', code: ' NPU08676' } }] },
      'observations[0].code.code',
      'code',
    ],
    ['an unknown role', { ...INPUT, performer: { ...INPUT.performer, role: 'læge' } }, 'performer.role', 'enumeration'],
    [
      'a performer without name',
      { ...INPUT, performer: { phone: '12345678', role: 'sygeplejerske' } },
      'performer.given',
      'name-required',
    ],
    [
      'a performer without phone',
      { ...INPUT, performer: { ...INPUT.performer, phone: undefined } },
      'performer.phone',
      'required',
    ],
    [
      'a bad phone number',
      { ...INPUT, performer: { ...INPUT.performer, phone: 'ring mig' } },
      'performer.phone',
      'phone',
    ],
    [
      'a bad ydernummer',
      { ...INPUT, receiver: { ...INPUT.receiver, ydernummer: '61654' } },
      'receiver.ydernummer',
      'ydernummer',
    ],
    [
      'a receiver without ydernummer',
      { ...INPUT, receiver: { ...INPUT.receiver, ydernummer: undefined } },
      'receiver.ydernummer',
      'required',
    ],
    [
      'a sender GLN with a wrong check digit',
      { ...INPUT, sender: { ...INPUT.sender, gln: '5790000123118' } },
      'sender.gln',
      'gln',
    ],
    [
      'a MIME type MedCom does not allow',
      { ...INPUT, media: [{ title: 'x', contentType: 'text/plain', data: 'eA==', creation: '2026-11-25T09:08:08Z' }] },
      'media[0].contentType',
      'enumeration',
    ],
    [
      'content that is not base64',
      {
        ...INPUT,
        media: [{ title: 'x', contentType: 'image/png', data: 'not base64!', creation: '2026-11-25T09:08:08Z' }],
      },
      'media[0].data',
      'base64',
    ],
    ['a correction of a non-id', { ...INPUT, correction: { of: 'a b', kind: 'modify' } }, 'correction.of', 'id'],
    ['an unknown field', { ...INPUT, priority: 'asap' }, 'priority', 'unknown'],
  ];
  for (const [what, input, field, rule] of cases) {
    it(`${what}: ${field} (${rule})`, () => {
      const error = inputError(() => buildHomeCareObservation(input as HomeCareObservationInput));
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
    });
  }

  it('an invalid CPR number, without showing it', () => {
    const error = inputError(() =>
      buildHomeCareObservation({ ...INPUT, patient: { cpr: '3213479989', family: 'Elmer' } }),
    );
    assert.equal(error.field, 'patient.cpr');
    assert.equal(error.rule, 'cpr');
    assert.doesNotMatch(error.message, /3213479989/);
    for (const issue of error.issues) assert.doesNotMatch(issue.message, /3213479989|2509479989/);
  });

  it('lists every broken rule at once', () => {
    const error = inputError(() =>
      buildHomeCareObservation({ ...INPUT, observations: [], performer: { ...INPUT.performer, phone: 'x' } }),
    );
    assert.deepEqual(
      error.issues.map((i) => [i.field, i.rule]),
      [
        ['performer.phone', 'phone'],
        ['observations', 'minItems'],
      ],
    );
  });
});
