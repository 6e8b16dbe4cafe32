// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { plainToFormattedText } from '../text/index.js';
import type { ReferralInput } from './input.js';
import type { Referral } from './model.js';
import { parseReferral } from './read.js';
import { referralToInput } from './to-input.js';
import { writeXref01 } from './write.js';
import { TEST_CPR, fullInput, hasXmllint, ref01Bytes, ref01Text, xmllint } from './xmllint.test-support.js';

const skip = !hasXmllint() && 'xmllint is not installed (CI installs libxml2-utils)';

function write(input: ReferralInput, now?: Date): string {
  const written = writeXref01(input, now ? { now } : {});
  assert.ok(written.ok, JSON.stringify(!written.ok && written.issues));
  return written.xml;
}

function readBack(xml: string): Referral {
  const read = parseReferral(xml);
  assert.ok(read.ok, JSON.stringify(read.issues));
  assert.deepEqual(read.issues, []);
  assert.deepEqual(read.model.unknown, []);
  return read.model;
}

function assertValid(documents: readonly string[]): void {
  xmllint(documents).forEach((result, i) => assert.ok(result.valid, `document ${i}: ${result.errors}`));
}

describe('writeXref01', { skip }, () => {
  it('writes a full input as XH0130R that validates and reads back equal to the input', () => {
    const input = fullInput();
    const xml = write(input);
    assertValid([xml]);
    const model = readBack(xml);
    assert.equal(model.referralType, 'hospital');
    assert.equal(model.header.versionCode, 'XH0130R');
    assert.equal(model.header.typeCode, 'XREF01');
    assert.equal(model.namespace, 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/');
    assert.deepEqual(referralToInput(model), input);
  });

  it('writes a UTF-8 declaration and the XH0130R skeleton in XSD order', () => {
    const xml = write(fullInput());
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Emessage xmlns='));
    const order = [
      '<Envelope>',
      '<HospitalReferral>',
      '<Letter>',
      '<VersionCode>XH0130R</VersionCode>',
      '<TypeCode>XREF01</TypeCode>',
      '<Sender>',
      '<Referrer>',
      '<Receiver>',
      '<AnswerCCReceiver>',
      '<Patient>',
      '<Relative>',
      '<AdditionalInformation>',
      '<Referral>',
      '<RelevantClinicalInformation>',
      '<Reference>',
    ];
    const positions = order.map((tag) => xml.indexOf(tag));
    assert.ok(
      positions.every((position, i) => position >= 0 && (i === 0 || position > (positions[i - 1] ?? 0))),
      String(positions),
    );
  });

  it('writes a minimal input (required fields only)', () => {
    const input: ReferralInput = {
      header: { identifier: 'B1', envelopeIdentifier: 'K1', sent: { date: '2024-01-02', time: '03:04' } },
      sender: {
        eanIdentifier: '5790000121526',
        identifier: '079741',
        identifierCode: 'ydernummer',
        organisationName: 'Lægehuset',
        referrer: { personName: 'Hans Jensen' },
      },
      receiver: { eanIdentifier: '5790000201389', identifier: '2001060', identifierCode: 'sygehusafdelingsnummer' },
      patient: { alternativeIdentifier: '010190AB12', surname: 'Hansen' },
    };
    const xml = write(input);
    assertValid([xml]);
    assert.ok(!xml.includes('<AdditionalInformation>') && !xml.includes('<RelevantClinicalInformation>'));
    const model = readBack(xml);
    assert.equal(model.patient.alternativeIdentifier, '010190AB12');
    assert.deepEqual(model.header.authorisation, { date: '2024-01-02', time: '03:04' });
  });

  it('escapes text and keeps it through a round trip', () => {
    const input = fullInput();
    input.patient.surname = 'A&B <C> ]]> "d" \'e\'';
    input.patient.givenName = 'Line1\r\nLine2\rLine3\tTab';
    input.diagnosis = { typeCode: 'uspecificeretkode', text: '<script>alert(1)</script>' };
    input.cave = [{ kind: 'text', text: '</Cave><Bold>x</Bold> & ]]>' }];
    const xml = write(input);
    assert.ok(!xml.includes('<script>') && !xml.includes('</Cave><Bold>'));
    assertValid([xml]);
    assert.deepEqual(referralToInput(readBack(xml)), input);
  });

  it('writes patologi with the trailing space ValueLists.xsd has', () => {
    const input = fullInput();
    input.sender.medicalSpecialityCode = 'patologi';
    const xml = write(input);
    assert.ok(xml.includes('<MedicalSpecialityCode>patologi </MedicalSpecialityCode>'));
    assertValid([xml]);
    assert.equal(referralToInput(readBack(xml)).sender.medicalSpecialityCode, 'patologi');
  });

  it('trims text and leaves empty fields and blank texts out, as a form submits them', () => {
    const input = fullInput();
    const raw = {
      ...input,
      patient: { ...input.patient, surname: '  Berggren  ', givenName: '   ', title: '' },
      examination: plainToFormattedText(' \n '),
    };
    const xml = write(raw);
    assertValid([xml]);
    const back = referralToInput(readBack(xml));
    assert.equal(back.patient.surname, 'Berggren');
    assert.equal(back.patient.givenName, undefined);
    assert.equal(back.patient.title, undefined);
    assert.equal(back.examination, undefined);
  });

  it('fills the header defaults: random 14-character id, envelope id = letter id, now in Danish time', () => {
    const input = fullInput();
    delete input.header;
    const summer = readBack(write(input, new Date('2024-06-30T22:30:00Z'))).header;
    assert.match(summer.identifier ?? '', /^[0-9A-Z]{14}$/);
    assert.equal(summer.envelopeIdentifier, summer.identifier);
    assert.deepEqual(summer.sent, { date: '2024-07-01', time: '00:30' });
    assert.deepEqual(summer.authorisation, summer.sent);
    assert.equal(summer.acknowledgementCode, 'pluspositivkvitt');
    assert.equal(summer.statisticalCode, 'XREF01');
    assert.equal(summer.statusCode, 'nytbrev');
    assert.equal(summer.episodeOfCareIdentifier, undefined);
    const winter = readBack(write(input, new Date('2024-01-15T23:59:00Z'))).header;
    assert.deepEqual(winter.sent, { date: '2024-01-16', time: '00:59' });
    assert.notEqual(winter.identifier, summer.identifier);
    assertValid([write(input)]);
  });

  it('never throws on input that is not a referral at all', () => {
    for (const bad of [undefined, null, 42, 'x', [], { sender: 'x' }]) {
      const written = writeXref01(bad as unknown as ReferralInput);
      assert.equal(written.ok, false);
    }
  });
});

describe('referralToInput', { skip }, () => {
  it('REF01_1 → input → XH0130R validates and reads back equal', () => {
    const first = parseReferral(ref01Bytes());
    assert.ok(first.ok);
    const input = referralToInput(first.model);
    const xml = write(input);
    assertValid([xml]);
    const again = readBack(xml);
    assert.deepEqual(again, { ...first.model, header: { ...first.model.header } });
    assert.deepEqual(referralToInput(again), input);
  });

  it('leaves out what XH0130R cannot carry', () => {
    const xml = ref01Text()
      .replace('<Transport>', '<HospitalChoice>ja</HospitalChoice><Transport>')
      .replace(
        '</RelevantClinicalInformation>',
        '</RelevantClinicalInformation><HospitalVisitation><InformationCode>indkaldt</InformationCode>' +
          '<Information>x</Information></HospitalVisitation>',
      );
    const read = parseReferral(xml);
    assert.ok(read.ok);
    const input = referralToInput(read.model) as Record<string, unknown>;
    assert.equal(input['hospitalChoice'], undefined);
    assert.equal(input['visitations'], undefined);
    assert.equal(input['unknown'], undefined);
    assertValid([write(input as ReferralInput)]);
  });

  it('carries values XH0130R does not allow, for writeXref01 to name', () => {
    const xml = ref01Text()
      .replace(/HospitalReferral>/g, 'PhysiotherapyReferral>')
      .replace('<Priority>elektiv</Priority>', '<ReferralStatus>hjemmet</ReferralStatus>')
      .replace(/<PersonSurnameName>Berggren<\/PersonSurnameName>\s*<PersonGivenName>Ole/, '<PersonGivenName>Ole');
    const read = parseReferral(xml);
    assert.ok(read.ok);
    const written = writeXref01(referralToInput(read.model));
    assert.equal(written.ok, false);
    assert.deepEqual(!written.ok && written.issues.map((issue) => [issue.field, issue.rule]), [
      ['patient.surname', 'required'],
      ['referralStatus', 'enumeration'],
    ]);
    assert.ok(!written.ok && written.issues.every((issue) => !issue.message.includes(TEST_CPR)));
  });
});
