// SPDX-License-Identifier: MIT
// Every XSD limit the writer enforces: the value at the limit validates with xmllint, the value past it gives a
// field issue naming the field and rule, and no XML.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XREF01_CODES } from './codes.js';
import type { ReferralFieldRule, ReferralInput } from './input.js';
import { writeXref01 } from './write.js';
import { TEST_CPR, fullInput, hasXmllint, xmllint } from './xmllint.test-support.js';

const REMOVE = Symbol('remove');

/** `fullInput()` with the value at a dotted path (`patient.telephones[2].number`) replaced or removed. */
function edited(path: string, value: unknown): ReferralInput {
  const input = fullInput() as unknown as Record<string, unknown>;
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  let target: Record<string, unknown> = input;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1) ?? '';
  if (value === REMOVE) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return input as unknown as ReferralInput;
}

const LENGTHS: readonly (readonly [string, number])[] = [
  ['header.identifier', 14],
  ['header.envelopeIdentifier', 14],
  ['header.statisticalCode', 8],
  ['header.episodeOfCareIdentifier', 35],
  ['sender.eanIdentifier', 35],
  ['sender.identifier', 17],
  ['sender.organisationName', 35],
  ['sender.departmentName', 35],
  ['sender.unitName', 35],
  ['sender.streetName', 35],
  ['sender.suburbName', 35],
  ['sender.districtName', 35],
  ['sender.postCodeIdentifier', 9],
  ['sender.telephone', 25],
  ['sender.referrer.identifier', 17],
  ['sender.referrer.personName', 35],
  ['sender.referrer.personTitle', 35],
  ['receiver.eanIdentifier', 35],
  ['receiver.identifier', 17],
  ['receiver.organisationName', 35],
  ['receiver.departmentName', 35],
  ['receiver.unitName', 35],
  ['receiver.streetName', 35],
  ['receiver.suburbName', 35],
  ['receiver.districtName', 35],
  ['receiver.postCodeIdentifier', 9],
  ['answerCcReceiver.identifier', 17],
  ['answerCcReceiver.organisationName', 35],
  ['answerCcReceiver.departmentName', 35],
  ['answerCcReceiver.unitName', 35],
  ['answerCcReceiver.streetName', 35],
  ['answerCcReceiver.suburbName', 35],
  ['answerCcReceiver.districtName', 35],
  ['answerCcReceiver.postCodeIdentifier', 9],
  ['answerCcReceiver.telephone', 25],
  ['patient.surname', 70],
  ['patient.givenName', 70],
  ['patient.title', 35],
  ['patient.streetName', 35],
  ['patient.suburbName', 35],
  ['patient.districtName', 35],
  ['patient.postCodeIdentifier', 9],
  ['patient.telephones[2].number', 25],
  ['patient.email', 70],
  ['relatives[0].personIdentifier', 10],
  ['relatives[0].surname', 70],
  ['relatives[0].givenName', 70],
  ['diagnosis.code', 17],
  ['diagnosis.text', 70],
  ['additionalDiagnoses[1].code', 17],
  ['additionalDiagnoses[1].text', 70],
  ['references[0].description', 70],
  ['references[0].url', 350],
  ['references[2].binary.objectIdentifier', 35],
];

const COUNTS: readonly (readonly [string, number, () => unknown])[] = [
  ['patient.telephones', 3, () => ({ number: '12345678', code: 'mobil' })],
  ['relatives', 1, () => ({ relationCode: 'far', surname: 'Berggren' })],
  [
    'additionalDiagnoses',
    5,
    () => ({ descriptionCode: 'bidiagnose', code: 'DE11', typeCode: 'SKSdiagnosekode', text: 'Diabetes' }),
  ],
  ['references', 10, () => ({ description: 'Link', url: 'https://example.dk' })],
];

const ENUMERATIONS: readonly (readonly [string, readonly string[], string])[] = [
  ['header.acknowledgementCode', XREF01_CODES.acknowledgementCode, 'kvittering'],
  ['header.statusCode', XREF01_CODES.statusCode, 'annulleretbrev'],
  ['sender.identifierCode', XREF01_CODES.identifierCode, 'amt'],
  ['sender.referrer.identifierCode', ['ydernummer'], 'lokalt_nummer'],
  ['receiver.identifierCode', ['sorkode'], 'region'],
  ['answerCcReceiver.identifierCode', ['kommunenummer'], 'Ydernummer'],
  ['sender.medicalSpecialityCode', XREF01_CODES.medicalSpecialityCode, 'almen medicin'],
  ['priority', XREF01_CODES.priority, 'AKUT'],
  ['referralStatus', XREF01_CODES.referralStatus, 'hjemmet'],
  ['transport', XREF01_CODES.transport, 'gående'],
  ['diagnosis.typeCode', XREF01_CODES.diagnoseTypeCode, 'speciallaegehenvisning'],
  ['additionalDiagnoses[0].descriptionCode', XREF01_CODES.diagnoseDescriptionCode, 'grundmorbus'],
  ['additionalDiagnoses[0].typeCode', XREF01_CODES.diagnoseTypeCode, 'ICD10'],
  ['patient.telephones[0].code', XREF01_CODES.telephoneSubscriberCode, 'privat'],
  ['relatives[0].relationCode', XREF01_CODES.relationCode, 'aegtefaelle'],
  ['references[2].binary.objectCode', XREF01_CODES.objectCode, 'lyd'],
  ['references[2].binary.objectExtensionCode', XREF01_CODES.objectExtensionCode, 'docx'],
];

const FORMATS: readonly (readonly [string, ReferralFieldRule, readonly string[], readonly string[]])[] = [
  ['patient.cpr', 'pattern', ['0000000000', TEST_CPR], ['123456789', '12345678901', '24064449l7', '240644-4917']],
  ['header.sent.date', 'date', ['2024-02-29', '0001-01-01'], ['2023-02-29', '2024-2-1', '0000-01-01', '2024-13-01']],
  ['header.authorisation.date', 'date', ['1999-12-31'], ['24-01-01', '2024-01-01Z', '2024-04-31']],
  ['header.sent.time', 'time', ['00:00', '23:59'], ['24:00', '9:15', '12:60', '12:00:00']],
  ['header.authorisation.time', 'time', ['12:30'], ['12.30', '1230']],
  ['references[2].binary.originalObjectSize', 'pattern', ['1', '+007', '4294967296'], ['0', '-1', '1.5', 'abc']],
];

const REQUIRED = [
  'sender',
  'sender.eanIdentifier',
  'sender.identifier',
  'sender.identifierCode',
  'sender.organisationName',
  'sender.referrer',
  'sender.referrer.personName',
  'receiver',
  'receiver.eanIdentifier',
  'receiver.identifier',
  'receiver.identifierCode',
  'answerCcReceiver.identifier',
  'answerCcReceiver.identifierCode',
  'patient',
  'patient.surname',
  'patient.telephones[0].number',
  'patient.telephones[0].code',
  'relatives[0].relationCode',
  'relatives[0].surname',
  'diagnosis.typeCode',
  'diagnosis.text',
  'additionalDiagnoses[0].descriptionCode',
  'additionalDiagnoses[0].typeCode',
  'additionalDiagnoses[0].text',
  'references[0].description',
  'references[2].binary.objectIdentifier',
  'references[2].binary.objectCode',
  'references[2].binary.objectExtensionCode',
  'references[2].binary.originalObjectSize',
  'header.sent.date',
  'header.sent.time',
];

interface Broken {
  readonly name: string;
  readonly input: ReferralInput;
  readonly field: string;
  readonly rule: ReferralFieldRule;
  readonly value?: string;
}

const broken: Broken[] = [
  ...LENGTHS.map(([field, max]) => {
    const value = 'æ'.repeat(max + 1);
    return { name: `${max + 1} characters`, input: edited(field, value), field, rule: 'maxLength' as const, value };
  }),
  ...COUNTS.map(([field, max, item]) => ({
    name: `${max + 1} items`,
    input: edited(field, Array.from({ length: max + 1 }, item)),
    field,
    rule: 'maxItems' as const,
  })),
  ...ENUMERATIONS.map(([field, , value]) => ({
    name: `'${value}'`,
    input: edited(field, value),
    field,
    rule: 'enumeration' as const,
    value,
  })),
  ...FORMATS.flatMap(([field, rule, , invalid]) =>
    invalid.map((value) => ({ name: `'${value}'`, input: edited(field, value), field, rule, value })),
  ),
  ...REQUIRED.map((field) => ({ name: 'missing', input: edited(field, REMOVE), field, rule: 'required' as const })),
  { name: 'blank', input: edited('patient.surname', '   '), field: 'patient.surname', rule: 'required' },
  {
    name: 'blank',
    input: edited('sender.referrer.personName', ''),
    field: 'sender.referrer.personName',
    rule: 'required',
  },
  {
    name: '9 characters',
    input: edited('patient.alternativeIdentifier', '010190AB1'),
    field: 'patient.alternativeIdentifier',
    rule: 'length',
  },
  { name: 'neither CPR nor alternative', input: edited('patient.cpr', REMOVE), field: 'patient.cpr', rule: 'required' },
  {
    name: 'both CPR and alternative',
    input: edited('patient.alternativeIdentifier', '010190AB12'),
    field: 'patient.alternativeIdentifier',
    rule: 'choice',
  },
  {
    name: 'URL and sent separately',
    input: edited('references[0].sentSeparately', true),
    field: 'references[0]',
    rule: 'choice',
  },
  {
    name: 'no target',
    input: edited('references[1].sentSeparately', false),
    field: 'references[1]',
    rule: 'choice',
  },
  {
    name: 'control character',
    input: edited('patient.surname', 'Berg\u0001gren'),
    field: 'patient.surname',
    rule: 'characters',
  },
  {
    name: 'U+FFFE',
    input: edited('sender.organisationName', 'Læge\uFFFEhuset'),
    field: 'sender.organisationName',
    rule: 'characters',
  },
  { name: 'lone surrogate', input: edited('diagnosis.text', 'a\uD800b'), field: 'diagnosis.text', rule: 'characters' },
  {
    name: 'Bold inside Bold',
    input: edited('cave', [{ kind: 'bold', children: [{ kind: 'bold', children: [{ kind: 'text', text: 'x' }] }] }]),
    field: 'cave[0].children[0]',
    rule: 'formattedText',
  },
  {
    name: 'FixedFont inside FixedFont',
    input: edited('clinicalReason', [
      { kind: 'fixed', children: [{ kind: 'fixed', children: [{ kind: 'text', text: 'x' }] }] },
    ]),
    field: 'clinicalReason[0].children[0]',
    rule: 'formattedText',
  },
  {
    name: 'line break in a text node',
    input: edited('anamnesis', [{ kind: 'text', text: 'a\nb' }]),
    field: 'anamnesis[0].text',
    rule: 'formattedText',
  },
  { name: 'not a list', input: edited('supplementary', 'tekst'), field: 'supplementary', rule: 'formattedText' },
  { name: 'occupancy', input: edited('patient.occupancy', 'Smed'), field: 'patient.occupancy', rule: 'unknown' },
  { name: 'hospitalChoice', input: edited('hospitalChoice', 'ja'), field: 'hospitalChoice', rule: 'unknown' },
  { name: 'visitations', input: edited('visitations', []), field: 'visitations', rule: 'unknown' },
];

describe('writeXref01 limits: a value past the limit is a field issue, never XML', () => {
  for (const { name, input, field, rule, value } of broken) {
    it(`${field} ${rule}: ${name}`, () => {
      const written = writeXref01(input);
      assert.ok(!written.ok, 'no XML for an input past a limit');
      const found = written.issues.find((issue) => issue.field === field && issue.rule === rule);
      assert.ok(found, JSON.stringify(written.issues));
      for (const issue of written.issues) {
        assert.ok(!issue.message.includes(TEST_CPR), 'no CPR number in a message');
        if (value !== undefined && value.length > 3) assert.ok(!issue.message.includes(value), issue.message);
      }
    });
  }
});

describe('writeXref01 limits: values at the limit', { skip: !hasXmllint() && 'xmllint is not installed' }, () => {
  const valid: { readonly name: string; readonly input: ReferralInput }[] = [
    ...LENGTHS.map(([field, max]) => ({ name: `${field} ${max}`, input: edited(field, 'æ'.repeat(max)) })),
    // XSD lengths count characters: 35 emoji are 70 UTF-16 units.
    { name: 'sender.organisationName 35 emoji', input: edited('sender.organisationName', '😀'.repeat(35)) },
    ...COUNTS.map(([field, max, item]) => ({
      name: `${field} ${max} items`,
      input: edited(field, Array.from({ length: max }, item)),
    })),
    ...ENUMERATIONS.flatMap(([field, values]) =>
      values.map((value) => ({ name: `${field} ${value}`, input: edited(field, value) })),
    ),
    ...FORMATS.flatMap(([field, , values]) =>
      values.map((value) => ({ name: `${field} ${value}`, input: edited(field, value) })),
    ),
    {
      name: 'patient.alternativeIdentifier 10',
      input: { ...edited('patient.alternativeIdentifier', '010190AB12'), patient: withoutCpr('010190AB12') },
    },
  ];

  it(`writes ${valid.length} inputs at the limits, and xmllint accepts them all`, () => {
    const documents = valid.map(({ name, input }) => {
      const written = writeXref01(input);
      assert.ok(written.ok, `${name}: ${JSON.stringify(!written.ok && written.issues)}`);
      return written.xml;
    });
    xmllint(documents).forEach((result, i) => assert.ok(result.valid, `${valid[i]?.name}: ${result.errors}`));
  });
});

function withoutCpr(alternativeIdentifier: string): ReferralInput['patient'] {
  const patient = fullInput().patient;
  delete patient.cpr;
  return { ...patient, alternativeIdentifier };
}
