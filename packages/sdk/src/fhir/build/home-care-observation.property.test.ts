// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Bundle, DiagnosticReport, Observation, Resource } from '@medplum/fhirtypes';
import { validateMessage } from '../validate/index.js';
import { fixedOptions, gln, organizationInput, patientInput, sor, text } from './arbitraries.test-support.js';
import { buildHomeCareObservation } from './home-care-observation.js';
import { PRACTITIONER_ROLE_CODES } from './terminology.js';
import {
  OBSERVATION_CODE_SYSTEMS,
  type HomeCareObservationInput,
  type ObservationInput,
} from './home-care-observation-input.js';

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });
const finite = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const moment = fc
  .tuple(
    fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.constantFrom('Z', '+01:00', '+02:00', '-05:30', '+14:00'),
    fc.boolean(),
  )
  .map(([date, zone, asDate]) => (asDate ? date : `${date.toISOString().slice(0, 19)}${zone}`));

const code = fc.record(
  {
    system: fc.constantFrom(...(Object.keys(OBSERVATION_CODE_SYSTEMS) as (keyof typeof OBSERVATION_CODE_SYSTEMS)[])),
    code: fc.stringMatching(/^[A-Z]{3}\d{5}$/),
    display: text(40),
  },
  { requiredKeys: ['system', 'code'] },
);

const quantityObservation: fc.Arbitrary<ObservationInput> = fc
  .record(
    {
      code,
      value: finite,
      unit: text(10),
      ucum: fc.constantFrom('1', 'mmol/L', '10*9/L', '%', 'mm[Hg]', 'Cel', '/min', 'mg/L', '{score}'),
      comparator: fc.constantFrom('<' as const, '<=' as const, '>=' as const, '>' as const),
      effective: moment,
      range: fc.record({ a: finite, b: finite, text: text(20), keep: fc.constantFrom('low', 'high', 'both', 'text') }),
      note: text(80),
    },
    { requiredKeys: ['code', 'value', 'effective'] },
  )
  .filter((o) => o.unit !== undefined || o.ucum !== undefined)
  .map(({ range, ...o }): ObservationInput => {
    if (range === undefined) return o;
    const [low, high] = range.a <= range.b ? [range.a, range.b] : [range.b, range.a];
    const referenceRange =
      range.keep === 'low' ? { low } : range.keep === 'high' ? { high } : range.keep === 'both' ? { low, high } : {};
    return { ...o, referenceRange: { ...referenceRange, ...(range.text === undefined ? {} : { text: range.text }) } };
  })
  .filter((o) => o.referenceRange === undefined || Object.keys(o.referenceRange).length > 0);

const textObservation: fc.Arbitrary<ObservationInput> = fc.record(
  { code, value: text(30), effective: moment, referenceRange: fc.record({ text: text(20) }), note: text(80) },
  { requiredKeys: ['code', 'value', 'effective'] },
);

const base64 = fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64'));

const input: fc.Arbitrary<HomeCareObservationInput> = fc.record(
  {
    sender: organizationInput,
    receiver: fc.record(
      { name: text(60), sor, gln, ydernummer: digits(6), contactInitials: text(5) },
      { requiredKeys: ['sor', 'gln', 'ydernummer'] },
    ),
    patient: patientInput,
    performer: fc
      .record(
        {
          given: fc.array(text(20), { minLength: 1, maxLength: 2 }),
          family: text(30),
          phone: fc.tuple(fc.boolean(), digits(8)).map(([plus, number]) => `${plus ? '+45 ' : ''}${number}`),
          role: fc.constantFrom(...PRACTITIONER_ROLE_CODES),
        },
        { requiredKeys: ['phone', 'role'] },
      )
      .filter((p) => p.given !== undefined || p.family !== undefined),
    observations: fc.array(fc.oneof({ weight: 3, arbitrary: quantityObservation }, textObservation), {
      minLength: 1,
      maxLength: 6,
    }),
    conclusion: text(200),
    media: fc.array(
      fc.record({
        title: text(30),
        contentType: fc.constantFrom(
          'application/pdf' as const,
          'image/gif' as const,
          'image/jpeg' as const,
          'image/png' as const,
          'image/tiff' as const,
          'image/bmp' as const,
        ),
        data: base64,
        creation: moment,
      }),
      { maxLength: 2 },
    ),
    issued: moment,
    consentRefused: fc.boolean(),
    correction: fc.record({ of: fc.uuid(), kind: fc.constantFrom('modify' as const, 'retract' as const) }),
  },
  { requiredKeys: ['sender', 'receiver', 'patient', 'performer', 'observations'] },
);

const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));
// The builder makes odd spaces plain: a FHIR string allows no whitespace but space, tab, CR and LF.
const plain = (value: string | undefined) => value?.replace(/[^\S \t\r\n]/g, ' ');
const asTime = (moment: Date | string) =>
  typeof moment === 'string' ? moment : `${moment.toISOString().slice(0, 19)}Z`;

describe('buildHomeCareObservation (property)', () => {
  it('builds a message that validates with no issues and carries every observation as given', () => {
    fc.assert(
      fc.property(input, (given) => {
        const bundle = buildHomeCareObservation(given, fixedOptions());
        assert.deepEqual(validateMessage(bundle).issues, []);

        const report = ofType<DiagnosticReport>(bundle, 'DiagnosticReport')[0];
        const observations = (report?.result ?? []).map((r) =>
          ofType<Observation>(bundle, 'Observation').find((o) => `Observation/${o.id}` === r.reference)!,
        );
        assert.equal(observations.length, given.observations.length);
        given.observations.forEach((o, i) => {
          const built = observations[i]!;
          assert.equal(built.code.coding?.[0]?.system, OBSERVATION_CODE_SYSTEMS[o.code.system]);
          assert.equal(built.code.coding?.[0]?.code, o.code.code);
          assert.equal(built.code.coding?.[0]?.display, plain(o.code.display));
          assert.equal(built.effectiveDateTime, asTime(o.effective));
          if (typeof o.value === 'number') {
            assert.equal(built.valueQuantity?.value, o.value);
            assert.equal(built.valueQuantity?.unit, plain(o.unit));
            assert.equal(built.valueQuantity?.code, o.ucum);
          } else {
            assert.equal(built.valueString, plain(o.value));
          }
          assert.equal(built.note?.[0]?.text, plain(o.note));
        });
        assert.equal(ofType(bundle, 'Media').length, given.media?.length ?? 0);
        assert.equal(report?.meta?.security !== undefined, given.consentRefused === true);
      }),
      { numRuns: 250 },
    );
  });
});
