// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { readOioXml } from '../read/read.js';
import { formattedTextToPlain } from '../text/index.js';
import { Referral } from './model.js';
import { parseReferral, readReferral, type ReadReferral } from './read.js';
import { TEST_CPR, ref01Bytes, ref01Text } from './xmllint.test-support.js';

const NS_2005 = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';

function parse(input: string | Uint8Array): ReadReferral {
  const result = parseReferral(input);
  assert.ok(result.ok, JSON.stringify(result.issues));
  assert.ok(z.safeParse(Referral, result.model).success, 'the model fits its schema');
  return result;
}

/** REF01_1 with its namespace, letter element, codes and some blocks changed, as a sibling referral. */
function sibling(options: {
  namespace: string;
  element: string;
  versionCode: string;
  typeCode: string;
  edit?: (xml: string) => string;
}): string {
  const xml = ref01Text()
    .replace(NS_2005, options.namespace)
    .replace(/HospitalReferral>/g, `${options.element}>`)
    .replace('<VersionCode>XH0130R<', `<VersionCode>${options.versionCode}<`)
    .replace(/XREF01</g, `${options.typeCode}<`);
  return options.edit ? options.edit(xml) : xml;
}

/** The parts of a model every sibling shares with REF01_1. */
function shared(model: Referral): Record<string, unknown> {
  const differ = [
    'referralType',
    'namespace',
    'priority',
    'referralStatus',
    'hospitalChoice',
    'transport',
    'visitations',
  ];
  const versioned = ['versionCode', 'typeCode', 'statisticalCode'];
  const rest = Object.entries(model).filter(([key]) => !differ.includes(key));
  const header = Object.entries(model.header).filter(([key]) => !versioned.includes(key));
  return { ...Object.fromEntries(rest), header: Object.fromEntries(header) };
}

describe('parseReferral: MedCom example REF01_1 (XH0130R)', () => {
  const { model, issues } = parse(ref01Bytes());

  it('reads it without issues or unknown elements', () => {
    assert.deepEqual(issues, []);
    assert.deepEqual(model.unknown, []);
    assert.equal(model.kind, 'referral');
    assert.equal(model.referralType, 'hospital');
    assert.equal(model.namespace, NS_2005);
  });

  it('reads the envelope and letter header', () => {
    assert.deepEqual(model.header, {
      envelopeIdentifier: 'Kuv1234',
      sent: { date: '2005-01-15', time: '12:02' },
      acknowledgementCode: 'minuspositivkvitt',
      identifier: 'Brv5678',
      versionCode: 'XH0130R',
      statisticalCode: 'XREF01',
      authorisation: { date: '2005-01-14', time: '10:10' },
      typeCode: 'XREF01',
      statusCode: 'nytbrev',
    });
  });

  it('reads the sender with its referrer (windows-1252 decoded)', () => {
    assert.equal(model.sender.identifier, '079741');
    assert.equal(model.sender.identifierCode, 'ydernummer');
    assert.equal(model.sender.organisationName, 'Lægehuset');
    assert.equal(model.sender.medicalSpecialityCode, 'almenlaege_laegevagt');
    assert.equal(model.sender.telephone, '45121314');
    assert.deepEqual(model.sender.referrer, { personName: 'Hans Jensen', personTitle: 'Uddannelsesamanuensis' });
  });

  it('reads the receiver and the answer-copy receiver', () => {
    assert.equal(model.receiver.identifierCode, 'sygehusafdelingsnummer');
    assert.equal(model.receiver.departmentName, 'Medicinsk afd. B');
    assert.deepEqual(model.answerCcReceiver, {
      identifier: '079832',
      identifierCode: 'ydernummer',
      organisationName: '_',
      departmentName: 'Læge',
      unitName: 'Hans Andersen',
      streetName: 'Børstenbindervej 34',
      districtName: 'Hillerød',
      postCodeIdentifier: '3400',
    });
    assert.equal(model.ccReceiver, undefined);
  });

  it('reads the patient with title, two telephones and email', () => {
    assert.equal(model.patient.cpr, TEST_CPR);
    assert.equal(model.patient.surname, 'Berggren');
    assert.equal(model.patient.givenName, 'Ole');
    assert.equal(model.patient.title, 'Kleinsmed');
    assert.deepEqual(model.patient.telephones, [
      { number: '48302223', code: 'fastnet' },
      { number: '20222324', code: 'mobil' },
    ]);
    assert.equal(model.patient.email, 'ole.berggren@danmarksmestkendtepatient.dk');
  });

  it('reads the relative, mor, with her person identifier', () => {
    assert.deepEqual(model.relatives, [
      { relationCode: 'mor', personIdentifier: '1111111111', surname: 'Berggren', givenName: 'Anni' },
    ]);
  });

  it('reads priority, transport and the two remarks', () => {
    assert.equal(model.priority, 'elektiv');
    assert.equal(model.transport, 'ingen');
    assert.equal(model.referralStatus, undefined);
    assert.equal(model.hospitalChoice, undefined);
    assert.equal(formattedTextToPlain(model.supplementary ?? []), 'Indkaldes fra sommerhus, Sommervej 10, Gilleleje\n');
    assert.equal(
      formattedTextToPlain(model.clinicalReason ?? []),
      'Hypertensionsudredning + behandling samt diætvejledning vedrørende overvægt\n',
    );
  });

  it('reads the referral diagnosis DI10 and one tillaegsdiagnose', () => {
    assert.deepEqual(model.diagnosis, {
      code: 'DI10',
      typeCode: 'SKSdiagnosekode',
      text: 'Blodtryksforhøjelse af ukendt årsag.',
    });
    assert.deepEqual(model.additionalDiagnoses, [
      { descriptionCode: 'tillaegsdiagnose', code: 'DE659', typeCode: 'SKSdiagnosekode', text: 'Fedme u. spec' },
    ]);
  });

  it('reads cave, anamnesis, examination and current medicine', () => {
    const plain = (ft: Referral['cave']): string => formattedTextToPlain(ft ?? []);
    assert.equal(plain(model.cave), '\nFenoxymetylpenicillin (1994 Ringsted Sgh. med larynxødem)\n');
    assert.ok(plain(model.anamnesis).startsWith('1995 indlagt Køge Sygehus under mistanke om AMI'));
    assert.ok(plain(model.anamnesis).endsWith('evt. også længerevarende indl.\n'));
    assert.equal(plain(model.anamnesis).split('\n').length, 7);
    assert.ok(plain(model.examination).startsWith('Rtg af thorax (samme sgh 22.9.98'));
    assert.ok(plain(model.examination).includes('\nTotalchol. 7.6 mmol/l.'));
    assert.ok(plain(model.actualMedicine).startsWith('Tabl Triatec 5 mg 1*1 for blodtrykket'));
    assert.deepEqual(model.references, []);
    assert.deepEqual(model.visitations, []);
  });

  it('gives the same model from text as from bytes, and through readOioXml + readReferral', () => {
    assert.deepEqual(parse(ref01Text()).model, model);
    const read = readOioXml(ref01Bytes());
    assert.ok(read.ok);
    const referral = readReferral(read);
    assert.ok(referral.ok);
    assert.deepEqual(referral.model, model);
  });
});

describe('parseReferral: sibling referrals built from REF01_1', () => {
  const ref01 = parse(ref01Bytes()).model;

  it('PrivateSpecialistReferral XH0630R (2007/02/01)', () => {
    const namespace = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2007/02/01/';
    const { model, issues } = parse(
      sibling({ namespace, element: 'PrivateSpecialistReferral', versionCode: 'XH0630R', typeCode: 'XREF06' }),
    );
    assert.deepEqual(issues, []);
    assert.equal(model.referralType, 'private-specialist');
    assert.equal(model.namespace, namespace);
    assert.equal(model.header.versionCode, 'XH0630R');
    assert.equal(model.header.typeCode, 'XREF06');
    assert.equal(model.priority, 'elektiv');
    assert.deepEqual(shared(model), shared(ref01));
  });

  it('PhysiotherapyReferral XH0731R (2013/09/02): no priority or transport, ReferralStatus hjemmet', () => {
    const namespace = 'http://rep.oio.dk/medcom.dk/xml/schemas/2013/09/02/';
    const xml = sibling({
      namespace,
      element: 'PhysiotherapyReferral',
      versionCode: 'XH0731R',
      typeCode: 'XREF07',
      edit: (text) =>
        text
          .replace(/<Priority>.*<\/Priority>/, '<ReferralStatus>hjemmet</ReferralStatus>')
          .replace(/<Transport>.*<\/Transport>/, ''),
    });
    const { model, issues } = parse(xml);
    assert.deepEqual(issues, []);
    assert.equal(model.referralType, 'physiotherapy');
    assert.equal(model.header.versionCode, 'XH0731R');
    assert.equal(model.priority, undefined);
    assert.equal(model.transport, undefined);
    assert.equal(model.referralStatus, 'hjemmet');
    assert.deepEqual(shared(model), shared(ref01));
  });

  it('HospitalReferral XH0131R (2017/05/01) with HospitalChoice and a HospitalVisitation', () => {
    const namespace = 'http://rep.oio.dk/medcom.dk/xml/schemas/2017/05/01/';
    const xml = sibling({
      namespace,
      element: 'HospitalReferral',
      versionCode: 'XH0131R',
      typeCode: 'XREF01',
      edit: (text) =>
        text
          .replace(
            '<Transport>',
            '<ReferralStatus>ambulant</ReferralStatus><HospitalChoice> udvidet_frit_valg </HospitalChoice><Transport>',
          )
          .replace(
            '</RelevantClinicalInformation>',
            '</RelevantClinicalInformation><HospitalVisitation><InformationCode>indkaldt</InformationCode>' +
              '<Information>Indkaldt 1/3<Break/>kl. 9</Information></HospitalVisitation>',
          ),
    });
    const { model, issues } = parse(xml);
    assert.deepEqual(issues, []);
    assert.equal(model.referralType, 'hospital');
    assert.equal(model.header.versionCode, 'XH0131R');
    assert.equal(model.hospitalChoice, 'udvidet_frit_valg');
    assert.equal(model.referralStatus, 'ambulant');
    assert.equal(model.transport, 'ingen');
    assert.deepEqual(model.visitations, [
      {
        informationCode: 'indkaldt',
        information: [{ kind: 'text', text: 'Indkaldt 1/3' }, { kind: 'break' }, { kind: 'text', text: 'kl. 9' }],
      },
    ]);
    assert.deepEqual(shared(model), shared(ref01));
  });

  it('MunicipalityReferral XH1530R (2016/12/01) with MunicipalityVisitation', () => {
    const namespace = 'http://rep.oio.dk/medcom.dk/xml/schemas/2016/12/01/';
    const xml = sibling({
      namespace,
      element: 'MunicipalityReferral',
      versionCode: 'XH1530R',
      typeCode: 'XREF15',
      edit: (text) =>
        text.replace(
          '</RelevantClinicalInformation>',
          '</RelevantClinicalInformation>' +
            '<MunicipalityVisitation><InformationCode>visitering</InformationCode>' +
            '<Information>Tilbydes afklarende samtale</Information></MunicipalityVisitation>' +
            '<MunicipalityVisitation><Information>Uden kode</Information></MunicipalityVisitation>',
        ),
    });
    const { model, issues } = parse(xml);
    assert.deepEqual(issues, []);
    assert.equal(model.referralType, 'municipality');
    assert.equal(model.namespace, namespace);
    assert.equal(model.header.typeCode, 'XREF15');
    assert.deepEqual(model.visitations, [
      { informationCode: 'visitering', information: [{ kind: 'text', text: 'Tilbydes afklarende samtale' }] },
      { information: [{ kind: 'text', text: 'Uden kode' }] },
    ]);
    assert.deepEqual(shared(model), shared(ref01));
  });
});

describe('parseReferral: liberal reading', () => {
  it('keeps unknown elements with their paths instead of dropping them', () => {
    const xml = ref01Text()
      .replace('<Transport>', '<Consent>ja</Consent><Transport>')
      .replace('</Relative>', '<Note>x</Note></Relative>')
      .replace('</HospitalReferral>', '</HospitalReferral><Local_Elements><Foo>bar</Foo></Local_Elements>')
      .replace('</Refer>', '<Extra>1</Extra></Refer>');
    const { model } = parse(xml);
    assert.deepEqual(
      model.unknown.map((element) => element.path).sort(),
      [
        '/Emessage/HospitalReferral/AdditionalInformation/Consent',
        '/Emessage/HospitalReferral/Referral/Refer/Extra',
        '/Emessage/HospitalReferral/Relative/Note',
        '/Emessage/Local_Elements',
      ].sort(),
    );
    assert.equal(model.unknown.find((element) => element.path === '/Emessage/Local_Elements')?.text, 'bar');
  });

  it('keeps code values outside the lists as written', () => {
    const xml = ref01Text()
      .replace('<Priority>elektiv<', '<Priority>meget_akut<')
      .replace('<DiagnoseDescriptionCode>tillaegsdiagnose<', '<DiagnoseDescriptionCode>grundmorbus<');
    const { model, issues } = parse(xml);
    assert.deepEqual(issues, []);
    assert.equal(model.priority, 'meget_akut');
    assert.equal(model.additionalDiagnoses[0]?.descriptionCode, 'grundmorbus');
  });

  it('warns about missing required parts and over-long lists, and still reads the rest', () => {
    const additional = /<ReferralAdditional>[\s\S]*<\/ReferralAdditional>/.exec(ref01Text())?.[0] ?? '';
    const xml = ref01Text()
      .replace(/<Sender>[\s\S]*<\/Sender>/, '')
      .replace(additional, additional.repeat(6))
      .replace('</Relative>', '</Relative><Relative><RelationCode>far</RelationCode></Relative>');
    const { model, issues } = parse(xml);
    assert.deepEqual(model.sender, {});
    assert.equal(model.additionalDiagnoses.length, 6);
    assert.equal(model.relatives.length, 2);
    assert.deepEqual(
      issues.map((issue) => [issue.severity, issue.code, issue.path]),
      [
        ['warning', 'value', '/Emessage/HospitalReferral/Sender'],
        ['warning', 'value', '/Emessage/HospitalReferral/Relative'],
        ['warning', 'value', '/Emessage/HospitalReferral/Referral/ReferralAdditional'],
      ],
    );
  });

  it('accepts the one-r spelling ReferalAdditional', () => {
    const xml = ref01Text().replace(/ReferralAdditional>/g, 'ReferalAdditional>');
    const { model } = parse(xml);
    assert.equal(model.additionalDiagnoses[0]?.code, 'DE659');
    assert.deepEqual(model.unknown, []);
  });

  it('never puts a CPR number into an issue message', () => {
    const xml = ref01Text().replace('<Date>2005-01-15</Date>', `<Date>${TEST_CPR}</Date>`);
    const { issues } = parse(xml);
    assert.equal(issues.length, 1);
    assert.ok(!issues[0]?.message.includes(TEST_CPR), issues[0]?.message);
  });
});

describe('parseReferral: failures', () => {
  it('refuses another kind of letter with unsupported-letter', () => {
    const xml = ref01Text().replace(/HospitalReferral>/g, 'DischargeLetter>');
    const result = parseReferral(xml);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.issues.map((issue) => [issue.severity, issue.code]),
      [['error', 'unsupported-letter']],
    );
  });

  it('refuses a MedCom letter the SDK has no model for with unsupported-letter', () => {
    const result = parseReferral(ref01Text().replace(/HospitalReferral>/g, 'LaboratoryReport>'));
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.issues.map((issue) => issue.code),
      ['unsupported-letter'],
    );
  });

  it('returns issues for malformed input', () => {
    const result = parseReferral('<Emessage><Envelope>');
    assert.equal(result.ok, false);
    assert.equal(result.issues[0]?.code, 'xml-syntax');
  });

  it('never throws, whatever the input', () => {
    const text = ref01Text();
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.string({ maxLength: 20 }), (cut, insert) => {
        const result = parseReferral(text.slice(0, cut) + insert + text.slice(cut));
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 200 },
    );
  });
});
