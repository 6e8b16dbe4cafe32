// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { labelOf } from '../common/labels.js';
import { XREF01_CODES, xsdMedicalSpeciality } from './codes.js';
import { REFERRAL_CODE_LABELS, REFERRAL_HEADINGS } from './labels.js';
import { ReferralType } from './model.js';
import { EMESSAGE_XSD } from './xmllint.test-support.js';

const xsd = (file: string): string => readFileSync(join(dirname(EMESSAGE_XSD), file), 'utf8');

/** The enumeration values of a named simple type (or of the element named so) in an XSD file. */
function enumeration(file: string, name: string): string[] {
  const block = new RegExp(`name="${name}"[\\s\\S]*?</xs:simpleType>`).exec(xsd(file))?.[0] ?? '';
  return [...block.matchAll(/<xs:enumeration value="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('XREF01_CODES', () => {
  const lists: readonly (readonly [keyof typeof XREF01_CODES, string, string])[] = [
    ['acknowledgementCode', 'ValueLists.xsd', 'AcknowledgementCodeType'],
    ['statusCode', 'LetterType.xsd', 'StatusCodeType'],
    ['identifierCode', 'ValueLists.xsd', 'IdentifierCodeType'],
    ['priority', 'ValueLists.xsd', 'PriorityCodeType'],
    ['referralStatus', 'ValueLists.xsd', 'ReferralStatusType'],
    ['transport', 'ValueLists.xsd', 'TransportType'],
    ['diagnoseTypeCode', 'ValueLists.xsd', 'DiagnoseTypeCodeType'],
    ['diagnoseDescriptionCode', 'ValueLists.xsd', 'DiagnoseDescriptionCodeType'],
    ['telephoneSubscriberCode', 'GeneralElements.xsd', 'TelephoneSubscriberCode'],
    ['relationCode', 'ValueLists.xsd', 'RelationCodeType'],
    ['objectCode', 'GeneralTypes.xsd', 'ObjectCodeType'],
    ['objectExtensionCode', 'GeneralTypes.xsd', 'ObjectExtensionCodeType'],
  ];
  for (const [list, file, type] of lists) {
    it(`${list} is ${type} of ${file}`, () => {
      assert.deepEqual([...XREF01_CODES[list]], enumeration(file, type));
    });
  }

  it('medicalSpecialityCode is MedicalSpecialityCodeType of ValueLists.xsd, patologi written with its space', () => {
    const values = enumeration('ValueLists.xsd', 'MedicalSpecialityCodeType');
    assert.equal(values.length, 72);
    assert.deepEqual(XREF01_CODES.medicalSpecialityCode.map(xsdMedicalSpeciality), values);
  });
});

describe('referral labels', () => {
  it('label every value of the XH0130R lists in Danish and English', () => {
    const covered: readonly (readonly [keyof typeof REFERRAL_CODE_LABELS, readonly string[]])[] = [
      ['referralType', ReferralType.options],
      ['priority', XREF01_CODES.priority],
      ['referralStatus', [...XREF01_CODES.referralStatus, 'hjemmet']],
      ['transport', XREF01_CODES.transport],
      ['identifierCode', XREF01_CODES.identifierCode],
      ['relationCode', XREF01_CODES.relationCode],
      ['telephoneSubscriberCode', XREF01_CODES.telephoneSubscriberCode],
      ['diagnoseTypeCode', XREF01_CODES.diagnoseTypeCode],
      ['diagnoseDescriptionCode', XREF01_CODES.diagnoseDescriptionCode],
      ['visitationInformationCode', enumeration('ValueLists.xsd', 'InformationCodeType')],
    ];
    for (const [list, values] of covered) {
      for (const value of values) {
        const labels = REFERRAL_CODE_LABELS[list];
        assert.ok(Object.hasOwn(labels, value), `${list}: ${value}`);
        assert.ok(labels[value]?.da && labels[value].en, `${list}: ${value}`);
      }
    }
  });

  it('fall back to the raw code for values no list has', () => {
    assert.equal(labelOf(REFERRAL_CODE_LABELS.priority, 'meget_akut', 'da'), 'meget_akut');
    assert.equal(labelOf(REFERRAL_CODE_LABELS.priority, 'saerlige_forhold', 'da'), 'Særlige forhold');
  });

  it('have the headings MedCom display uses', () => {
    assert.equal(REFERRAL_HEADINGS.priority.da, 'Prioritet');
    assert.equal(REFERRAL_HEADINGS.referralStatus.da, 'Henvisningstype');
    assert.equal(REFERRAL_HEADINGS.clinicalReason.da, 'Ønsket undersøgelse/behandling/problemstilling');
    assert.equal(REFERRAL_HEADINGS.examination.da, 'Undersøgelser/behandlinger');
    assert.equal(REFERRAL_HEADINGS.visitation.da, 'Visitation (udfyldt af modtager)');
    assert.equal(labelOf(REFERRAL_CODE_LABELS.referralType, 'hospital', 'da'), 'Sygehushenvisning');
  });
});
