// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasIllegalXmlChar } from '../../fhir/xml/common.js';
import { formattedTextToPlain, normalizeFormattedText, type FormattedText } from '../text/index.js';
import { XREF01_CODES } from './codes.js';
import type { ReferralInput } from './input.js';
import { parseReferral } from './read.js';
import { referralToInput } from './to-input.js';
import { writeXref01 } from './write.js';
import { hasXmllint, xmllint } from './xmllint.test-support.js';

// Characters a writer must escape, Danish letters, and anything Unicode has (astral planes included).
const friendly = fc.constantFrom(...'abcxyzÆØÅæøå019 <>&"\'-.,/]'.split(''));
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** A value of 1 to `max` characters, as a form submits it: trimmed, and only characters XML can carry. */
const text = (max: number, min = 1) =>
  fc
    .oneof(
      fc.string({ unit: friendly, minLength: min, maxLength: max }),
      fc.string({ unit: fc.oneof(friendly, anyChar), minLength: min, maxLength: max }),
    )
    .map((value) => value.trim())
    .filter((value) => [...value].length >= min && !hasIllegalXmlChar(value));

const code = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);

const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((value) => value.toISOString().slice(0, 10));
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
const dateTime = fc.record({ date, time });

const ftText = fc
  .string({ unit: fc.oneof(friendly, anyChar), minLength: 1, maxLength: 20 })
  .filter((value) => !/[\r\n]/.test(value) && !hasIllegalXmlChar(value))
  .map((value) => ({ kind: 'text' as const, text: value }));
const ftLeaf = fc.oneof(ftText, fc.constant({ kind: 'break' as const }), fc.constant({ kind: 'space' as const }));
const ftStyled = fc.record({
  kind: fc.constantFrom('bold', 'italic', 'underline', 'right', 'center'),
  children: fc.array(ftLeaf, { maxLength: 3 }),
});
const ftFixed = fc.record({
  kind: fc.constant('fixed' as const),
  children: fc.array(fc.oneof(ftLeaf, ftStyled), { maxLength: 3 }),
});
const formatted: fc.Arbitrary<FormattedText> = fc
  .array(fc.oneof({ weight: 3, arbitrary: ftLeaf }, ftStyled, ftFixed), { minLength: 1, maxLength: 6 })
  .map((nodes) => normalizeFormattedText(nodes as FormattedText))
  .filter((ft) => formattedTextToPlain(ft).trim() !== '');

const address = {
  streetName: text(35),
  suburbName: text(35),
  districtName: text(35),
  postCodeIdentifier: text(9),
};

const header = fc.record(
  {
    envelopeIdentifier: text(14),
    sent: dateTime,
    acknowledgementCode: code(XREF01_CODES.acknowledgementCode),
    identifier: text(14),
    statisticalCode: text(8),
    authorisation: dateTime,
    statusCode: code(XREF01_CODES.statusCode),
    episodeOfCareIdentifier: text(35),
  },
  {
    requiredKeys: [
      'envelopeIdentifier',
      'sent',
      'acknowledgementCode',
      'identifier',
      'statisticalCode',
      'authorisation',
      'statusCode',
    ],
  },
);

const sender = fc.record(
  {
    eanIdentifier: text(35),
    identifier: text(17),
    identifierCode: code(XREF01_CODES.identifierCode),
    organisationName: text(35),
    departmentName: text(35),
    unitName: text(35),
    ...address,
    telephone: text(25),
    medicalSpecialityCode: code(XREF01_CODES.medicalSpecialityCode),
    referrer: fc.record(
      {
        identifier: text(17),
        identifierCode: code(XREF01_CODES.identifierCode),
        personName: text(35),
        personTitle: text(35),
      },
      { requiredKeys: ['personName'] },
    ),
  },
  { requiredKeys: ['eanIdentifier', 'identifier', 'identifierCode', 'organisationName', 'referrer'] },
);

const receiver = fc.record(
  {
    eanIdentifier: text(35),
    identifier: text(17),
    identifierCode: code(XREF01_CODES.identifierCode),
    organisationName: text(35),
    departmentName: text(35),
    unitName: text(35),
    ...address,
  },
  { requiredKeys: ['eanIdentifier', 'identifier', 'identifierCode'] },
);

const answerCcReceiver = fc.record(
  {
    identifier: text(17),
    identifierCode: code(XREF01_CODES.identifierCode),
    organisationName: text(35),
    departmentName: text(35),
    unitName: text(35),
    ...address,
    telephone: text(25),
  },
  { requiredKeys: ['identifier', 'identifierCode'] },
);

const patientIdentifier = fc.oneof(
  fc.stringMatching(/^[0-9]{10}$/).map((cpr) => ({ cpr })),
  text(10, 10).map((alternativeIdentifier) => ({ alternativeIdentifier })),
);
const patient = fc
  .tuple(
    patientIdentifier,
    fc.record(
      {
        surname: text(70),
        givenName: text(70),
        title: text(35),
        ...address,
        telephones: fc.array(fc.record({ number: text(25), code: code(XREF01_CODES.telephoneSubscriberCode) }), {
          minLength: 1,
          maxLength: 3,
        }),
        email: text(70),
      },
      { requiredKeys: ['surname'] },
    ),
  )
  .map(([identifier, rest]) => ({ ...identifier, ...rest }));

const relative = fc.record(
  {
    relationCode: code(XREF01_CODES.relationCode),
    personIdentifier: text(10),
    surname: text(70),
    givenName: text(70),
  },
  { requiredKeys: ['relationCode', 'surname'] },
);

const diagnosis = fc.record(
  { code: text(17), typeCode: code(XREF01_CODES.diagnoseTypeCode), text: text(70) },
  { requiredKeys: ['typeCode', 'text'] },
);
const additionalDiagnosis = fc.record(
  {
    descriptionCode: code(XREF01_CODES.diagnoseDescriptionCode),
    code: text(17),
    typeCode: code(XREF01_CODES.diagnoseTypeCode),
    text: text(70),
  },
  { requiredKeys: ['descriptionCode', 'typeCode', 'text'] },
);

const reference = fc
  .tuple(
    text(70),
    fc.oneof(
      text(350).map((url) => ({ url })),
      fc.constant({ sentSeparately: true }),
      fc
        .record({
          objectIdentifier: text(35),
          objectCode: code(XREF01_CODES.objectCode),
          objectExtensionCode: code(XREF01_CODES.objectExtensionCode),
          originalObjectSize: fc.integer({ min: 1, max: 2 ** 40 }).map(String),
        })
        .map((binary) => ({ binary })),
    ),
  )
  .map(([description, target]) => ({ description, ...target }));

const input: fc.Arbitrary<ReferralInput> = fc.record(
  {
    header,
    sender,
    receiver,
    answerCcReceiver,
    patient,
    relatives: fc.array(relative, { minLength: 1, maxLength: 1 }),
    priority: code(XREF01_CODES.priority),
    referralStatus: code(XREF01_CODES.referralStatus),
    transport: code(XREF01_CODES.transport),
    supplementary: formatted,
    clinicalReason: formatted,
    diagnosis,
    additionalDiagnoses: fc.array(additionalDiagnosis, { minLength: 1, maxLength: 5 }),
    cave: formatted,
    anamnesis: formatted,
    examination: formatted,
    actualMedicine: formatted,
    references: fc.array(reference, { minLength: 1, maxLength: 10 }),
  },
  { requiredKeys: ['header', 'sender', 'receiver', 'patient'] },
);

describe('writeXref01 properties', { skip: !hasXmllint() && 'xmllint is not installed' }, () => {
  it('writes any input within the limits as XML that xmllint accepts and that reads back equal', () => {
    const written: { input: ReferralInput; xml: string }[] = [];
    fc.assert(
      fc.property(input, (referral) => {
        const result = writeXref01(referral);
        assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
        written.push({ input: referral, xml: result.xml });
        const read = parseReferral(result.xml);
        assert.ok(read.ok, JSON.stringify(read.issues));
        assert.deepEqual(read.issues, []);
        // fast-check builds some records without a prototype; compare plain data.
        assert.deepEqual(referralToInput(read.model), JSON.parse(JSON.stringify(referral)));
      }),
      { numRuns: 100 },
    );
    // One xmllint run for all documents keeps the suite fast.
    xmllint(written.map((document) => document.xml)).forEach((result, i) =>
      assert.ok(result.valid, `${result.errors}\n${JSON.stringify(written[i]?.input)}`),
    );
  });
});

/** The paths of every string in a value, formatted text included. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    stringPaths(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

describe('writeXref01 properties: any string anywhere', { skip: !hasXmllint() && 'xmllint is not installed' }, () => {
  it('never throws and never writes XML xmllint refuses, whatever string a field holds', () => {
    const written: string[] = [];
    fc.assert(
      fc.property(input, fc.nat(), fc.string({ unit: 'binary', maxLength: 400 }), (referral, pick, value) => {
        const copy = JSON.parse(JSON.stringify(referral)) as Record<string | number, unknown>;
        const paths = stringPaths(copy);
        const path = paths[pick % paths.length] ?? [];
        let target = copy;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path.at(-1) ?? ''] = value;
        const result = writeXref01(copy as ReferralInput);
        if (result.ok) written.push(result.xml);
        else assert.ok(result.issues.length > 0);
      }),
      { numRuns: 200 },
    );
    xmllint(written).forEach((result) => assert.ok(result.valid, result.errors));
  });
});
