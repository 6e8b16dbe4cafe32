// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { sharedDir } from '@samspil/fixtures';
import { readOioXml } from '../read/read.js';
import { formattedTextToPlain } from '../text/index.js';
import { DischargeSummary } from './model.js';
import { parseDischargeSummary } from './parse.js';
import { readDischargeSummary, type ReadDischargeSummary } from './read.js';
import { NS_2005, NS_2018, PARTIES, TEST_CPR, syntheticLetter } from './synthetic.test-support.js';

const OIOXML = join(sharedDir(), 'medcom', 'oioxml');
const example = (path: string): Buffer => readFileSync(join(OIOXML, 'examples', path));

function read(input: string | Uint8Array): ReadDischargeSummary {
  const result = parseDischargeSummary(input);
  assert.ok(result.ok, JSON.stringify(result.issues));
  assert.ok(z.safeParse(DischargeSummary, result.model).success, 'the model fits its schema');
  return result;
}

const messages = (result: { issues: readonly { path: string; message: string }[] }): string[] =>
  result.issues.map((issue) => `${issue.path}: ${issue.message}`);

describe('readDischargeSummary: MedCom example DIS01_1 (XD0133L)', () => {
  const { model, issues } = read(example('xdis01/DIS01_1.xml'));

  it('reads it without issues or unknown elements', () => {
    assert.deepEqual(issues, []);
    assert.deepEqual(model.unknown, []);
    assert.equal(model.kind, 'discharge-summary');
    assert.equal(model.variant, 'inpatient');
    assert.equal(model.namespace, NS_2005);
  });

  it('reads the header, keeping the status code as written', () => {
    assert.equal(model.header.versionCode, 'XD0133L');
    assert.equal(model.header.typeCode, 'XDIS01');
    assert.equal(model.header.statusCode, 'rettetbrev');
    assert.deepEqual(model.header.sent, { date: '1999-01-15', time: '12:02' });
  });

  it('reads parties, patient and relative (windows-1252 decoded)', () => {
    assert.equal(model.sender?.organisationName, 'HILLERØD SYGEHUS');
    assert.equal(model.sender?.identifierCode, 'sygehusafdelingsnummer');
    assert.equal(model.receiver?.identifierCode, 'ydernummer');
    assert.equal(model.ccReceiver?.unitName, 'Hans Andersen');
    assert.equal(model.ccReceiver?.eanIdentifier, undefined);
    assert.equal(model.patient?.surname, 'Mosebryggersen');
    assert.equal(model.patient?.episodeOfCareStatus, 'indlagt');
    assert.deepEqual(
      model.relatives.map((relative) => relative.relationCode),
      ['far'],
    );
  });

  it('reads the referral that started the stay', () => {
    assert.deepEqual(model.referral, {
      identifier: 'BrevNr00101',
      received: { date: '1998-11-13', time: '00:00' },
      diagnosis: { code: 'DZ859', typeCode: 'SKSdiagnosekode', text: 'Anamnese med ondartet svulst u spec' },
      additional: [],
    });
  });

  it('reads the stay and the diagnoses', () => {
    assert.deepEqual(model.start, { date: '1998-11-13', time: '10:00' });
    assert.deepEqual(model.end, { date: '1999-01-11', time: '13:00' });
    assert.deepEqual(model.diagnoses?.main, { code: 'DC249', text: 'Neopl mal viarum billiarum uden specifikation' });
    assert.deepEqual(model.diagnoses?.mainAdditional, []);
    assert.deepEqual(
      model.diagnoses?.other.map((other) => [other.descriptionCode, other.code, other.dateTime?.date]),
      [
        ['tillaegsdiagnose', 'DE232', undefined],
        ['tillaegsdiagnose', 'DZ862', '1998-12-12'],
        ['operation', 'KJJB40', undefined],
      ],
    );
  });

  it('reads the epikrise text with its line breaks', () => {
    assert.equal(model.clinicalInformation.length, 1);
    const note = model.clinicalInformation[0]!;
    assert.equal(note.signed, undefined);
    assert.ok(note.text.some((node) => node.kind === 'break'));
    const plain = formattedTextToPlain(note.text);
    assert.match(plain, /Indlagt af vagtlæge\./);
    assert.match(plain, /\nReservelage\n/);
    assert.deepEqual(model.actionPriorities, []);
    assert.deepEqual(model.recommendations, []);
    assert.deepEqual(model.references, []);
  });

  it('given a letter read by readOioXml, returns only its own issues', () => {
    const letter = readOioXml(example('xdis01/DIS01_1.xml'));
    assert.ok(letter.ok);
    const result = readDischargeSummary(letter);
    assert.ok(result.ok);
    assert.deepEqual(result.model, model);
  });
});

describe('readDischargeSummary: the three epikriser', () => {
  it('reads an ambulantepikrise (XDIS02) with first and last visit', () => {
    const { model, issues } = read(
      syntheticLetter({
        element: 'OutPatientDischargeLetter',
        versionCode: 'XD0233L',
        typeCode: 'XDIS02',
        body:
          '<OutPatientFirstVisit><Date>2024-01-02</Date><Time>08:00</Time></OutPatientFirstVisit>' +
          '<OutPatientLastVisit><Date>2024-02-03</Date><Time>09:30</Time></OutPatientLastVisit>',
      }),
    );
    assert.deepEqual(issues, []);
    assert.equal(model.variant, 'outpatient');
    assert.deepEqual(model.start, { date: '2024-01-02', time: '08:00' });
    assert.deepEqual(model.end, { date: '2024-02-03', time: '09:30' });
  });

  it('reads a skadestueepikrise (XDIS03) with first and last visit', () => {
    const { model, issues } = read(
      syntheticLetter({
        element: 'CasualtyWardLetter',
        versionCode: 'XD0333L',
        typeCode: 'XDIS03',
        body:
          '<CasualtyWardFirstVisit><Date>2024-01-02</Date><Time>23:10</Time></CasualtyWardFirstVisit>' +
          '<CasualtyWardLastVisit><Date>2024-01-03</Date><Time>01:00</Time></CasualtyWardLastVisit>',
      }),
    );
    assert.deepEqual(issues, []);
    assert.equal(model.variant, 'casualty-ward');
    assert.deepEqual(model.end, { date: '2024-01-03', time: '01:00' });
  });

  it('keeps the element names of another variant as unknown, not as the stay', () => {
    const { model } = read(
      syntheticLetter({
        element: 'CasualtyWardLetter',
        body: '<Admission><Date>2024-01-02</Date></Admission>',
      }),
    );
    assert.equal(model.start, undefined);
    assert.deepEqual(model.unknown, [{ path: '/Emessage/CasualtyWardLetter/Admission', text: '2024-01-02' }]);
  });
});

describe('readDischargeSummary: XD0134L and drift', () => {
  // Groups of same-named elements; the schema fixes the order of groups, the order inside one is the data's.
  const groups = [
    '<Diagnose><Main><DiagnoseCode>DI219</DiagnoseCode><DiagnoseText>AMI</DiagnoseText></Main>' +
      '<MainAdditional><DiagnoseCode>DE119</DiagnoseCode><DiagnoseText>Type 2-diabetes</DiagnoseText></MainAdditional>' +
      '<Other><DiagnoseDescriptionCode>grundmorbus</DiagnoseDescriptionCode><DiagnoseCode>DI10</DiagnoseCode>' +
      '<DiagnoseTypeCode>SKSdiagnosekode</DiagnoseTypeCode><DiagnoseText>Hypertension</DiagnoseText></Other></Diagnose>',
    '<ActionPriority><ActionPriorityCode>hurtig_opfoelgning</ActionPriorityCode></ActionPriority>' +
      '<ActionPriority><ActionPriorityCode>kontrol</ActionPriorityCode></ActionPriority>',
    '<RecommendedAction><Recommendation>Kontrol af <Bold>blodtryk</Bold> om 14 dage.</Recommendation></RecommendedAction>',
    '<ClinicalInformation><Signed><Date>2024-03-01</Date><Time>10:00</Time></Signed><Text01>Rask.</Text01></ClinicalInformation>',
  ];
  const body = groups.join('');

  it('reads ActionPriority and RecommendedAction in the 2018 namespace, with prefixes', () => {
    const { model, issues } = read(syntheticLetter({ namespace: NS_2018, prefix: 'm:', versionCode: 'XD0134L', body }));
    assert.deepEqual(issues, []);
    assert.equal(model.namespace, NS_2018);
    assert.equal(model.header.versionCode, 'XD0134L');
    assert.deepEqual(model.actionPriorities, ['hurtig_opfoelgning', 'kontrol']);
    assert.equal(model.recommendations.length, 1);
    assert.equal(formattedTextToPlain(model.recommendations[0]!), 'Kontrol af blodtryk om 14 dage.');
    assert.ok(model.recommendations[0]!.some((node) => node.kind === 'bold'));
    assert.deepEqual(model.clinicalInformation[0]?.signed, { date: '2024-03-01', time: '10:00' });
    assert.equal(model.diagnoses?.mainAdditional[0]?.code, 'DE119');
    assert.equal(model.diagnoses?.other[0]?.descriptionCode, 'grundmorbus');
  });

  it('does not depend on element order', () => {
    const inOrder = read(syntheticLetter({ body })).model;
    const shuffled = read(syntheticLetter({ body: [...groups].reverse().join('') })).model;
    assert.deepEqual(shuffled, inOrder);
  });

  it('keeps drifted code values as written', () => {
    const { model, issues } = read(
      syntheticLetter({
        parties: PARTIES.replace('ydernummer', 'lokalt_nummer').replace('>ambulant<', '>udskrevet_til_hjemmet<'),
        body:
          '<Relative><RelationCode>aegtefaelle</RelationCode><PersonSurnameName>Testesen</PersonSurnameName></Relative>' +
          '<Referral><Refer><DiagnoseCode>DZ03</DiagnoseCode><DiagnoseTypeCode>Fysioterapihenvisningsdiagnose</DiagnoseTypeCode>' +
          '<DiagnoseText>Obs</DiagnoseText></Refer>' +
          '<ReferalAdditional><DiagnoseCode>A1</DiagnoseCode><DiagnoseTypeCode>ICPCkode</DiagnoseTypeCode><DiagnoseText>a</DiagnoseText></ReferalAdditional>' +
          '<ReferralAdditional><DiagnoseCode>A2</DiagnoseCode><DiagnoseTypeCode>ICPCkode</DiagnoseTypeCode><DiagnoseText>b</DiagnoseText></ReferralAdditional>' +
          '</Referral>',
      }).replace('<StatusCode>nytbrev<', '<StatusCode>annulleretbrev<'),
    );
    assert.deepEqual(issues, []);
    assert.equal(model.header.statusCode, 'annulleretbrev');
    assert.equal(model.receiver?.identifierCode, 'lokalt_nummer');
    assert.equal(model.patient?.episodeOfCareStatus, 'udskrevet_til_hjemmet');
    assert.equal(model.relatives[0]?.relationCode, 'aegtefaelle');
    assert.equal(model.referral?.diagnosis?.typeCode, 'Fysioterapihenvisningsdiagnose');
    // Both spellings of the additional referral diagnoses are read, in document order.
    assert.deepEqual(
      model.referral?.additional.map((diagnosis) => diagnosis.code),
      ['A1', 'A2'],
    );
  });
});

describe('readDischargeSummary: nothing is dropped silently', () => {
  it('keeps unknown elements at every level with their paths', () => {
    const { model } = read(
      syntheticLetter({
        body:
          '<Diagnose><Severity>svær</Severity></Diagnose>' +
          '<ActionPriority><ActionPriorityCode>x</ActionPriorityCode><Note>y</Note></ActionPriority>' +
          '<ClinicalInformation><Text01>t</Text01><Author>Læge Test</Author></ClinicalInformation>' +
          '<FollowUp><When>om 3 mdr.</When></FollowUp>',
        after: '<Local_Elements><Anything>lokal</Anything></Local_Elements>',
      }),
    );
    assert.deepEqual(
      [...model.unknown].sort((a, b) => a.path.localeCompare(b.path)),
      [
        { path: '/Emessage/DischargeLetter/ActionPriority/Note', text: 'y' },
        { path: '/Emessage/DischargeLetter/ClinicalInformation/Author', text: 'Læge Test' },
        { path: '/Emessage/DischargeLetter/Diagnose/Severity', text: 'svær' },
        { path: '/Emessage/DischargeLetter/FollowUp', text: 'om 3 mdr.' },
        { path: '/Emessage/Local_Elements', text: 'lokal' },
      ],
    );
  });

  it('warns about missing required elements and over-long lists, and still reads the rest', () => {
    const relative = '<Relative><RelationCode>barn</RelationCode><PersonSurnameName>T</PersonSurnameName></Relative>';
    const note = '<ClinicalInformation><Text01>x</Text01></ClinicalInformation>';
    const result = read(
      syntheticLetter({
        parties: '',
        body:
          relative.repeat(3) +
          note.repeat(10) +
          '<ClinicalInformation><Signed><Date>2024-01-01</Date></Signed></ClinicalInformation>',
      }),
    );
    assert.ok(result.issues.every((issue) => issue.severity === 'warning' && issue.code === 'value'));
    assert.deepEqual(messages(result), [
      '/Emessage/DischargeLetter/Sender: Missing, though the schema requires it',
      '/Emessage/DischargeLetter/Receiver: Missing, though the schema requires it',
      '/Emessage/DischargeLetter/Patient: Missing, though the schema requires it',
      '/Emessage/DischargeLetter/Relative: 3 Relative elements; the schema allows at most 2',
      '/Emessage/DischargeLetter/ClinicalInformation: 11 ClinicalInformation elements; the schema allows at most 10',
      '/Emessage/DischargeLetter/ClinicalInformation/Text01: Missing, though the schema requires it',
    ]);
    assert.equal(result.model.relatives.length, 3);
    assert.equal(result.model.clinicalInformation.length, 11);
    assert.deepEqual(result.model.clinicalInformation[10], { signed: { date: '2024-01-01' }, text: [] });
    assert.equal(result.model.patient, undefined);
  });

  it('keeps a date that is no date, with a warning that never shows a CPR number', () => {
    const result = read(syntheticLetter({ body: `<Admission><Date>${TEST_CPR}</Date><Time>25:00</Time></Admission>` }));
    assert.deepEqual(result.model.start, { date: TEST_CPR, time: '25:00' });
    assert.equal(result.issues.length, 2);
    for (const issue of result.issues) assert.ok(!issue.message.includes(TEST_CPR), issue.message);
  });
});

describe('readDischargeSummary: refusals', () => {
  it('refuses another kind of letter', () => {
    const result = parseDischargeSummary(example('xref01/REF01_1.xml'));
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.issues.map((issue) => [issue.severity, issue.code, issue.path]),
      [['error', 'unsupported-letter', '/Emessage/HospitalReferral']],
    );
  });

  it('refuses a letter the SDK has no model for, once', () => {
    const result = parseDischargeSummary(syntheticLetter({ element: 'LaboratoryReport' }));
    assert.equal(result.ok, false);
    assert.equal(result.issues.length, 1);
  });

  it('passes on the reader’s refusals: malformed XML, entities, no Emessage', () => {
    const cases: [string, string][] = [
      ['<Emessage><DischargeLetter>', 'xml-syntax'],
      ['<!DOCTYPE x [<!ENTITY a "b">]><Emessage/>', 'xml-entity'],
      ['<Other/>', 'not-a-letter'],
    ];
    for (const [xml, code] of cases) {
      const result = parseDischargeSummary(xml);
      assert.equal(result.ok, false, xml);
      assert.equal(result.issues[0]?.code, code, xml);
    }
  });
});

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('synthetic letters', { skip: !hasXmllint() && 'xmllint is not installed' }, () => {
  it('are valid XD0133L, so the tests above read realistic letters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xdis01-'));
    try {
      const file = join(dir, 'letter.xml');
      writeFileSync(
        file,
        syntheticLetter({
          body:
            '<Relative><RelationCode>far</RelationCode><PersonSurnameName>T</PersonSurnameName></Relative>' +
            '<Referral><Identifier>R1</Identifier><ReferalAdditional><DiagnoseCode>A1</DiagnoseCode>' +
            '<DiagnoseTypeCode>ICPCkode</DiagnoseTypeCode><DiagnoseText>a</DiagnoseText></ReferalAdditional></Referral>' +
            '<Admission><Date>2024-01-02</Date><Time>08:00</Time></Admission>' +
            '<Diagnose><Main><DiagnoseCode>DI219</DiagnoseCode><DiagnoseText>AMI</DiagnoseText></Main></Diagnose>' +
            '<ClinicalInformation><Signed><Date>2024-03-01</Date><Time>10:00</Time></Signed>' +
            '<Text01>Rask.<Break/><Bold>Obs</Bold></Text01></ClinicalInformation>' +
            '<Reference><RefDescription>Billede</RefDescription><URL>https://example.org/x</URL></Reference>',
        }),
      );
      execFileSync('xmllint', ['--noout', '--schema', join(OIOXML, 'schemas', '2005-08-07', 'EMessage.xsd'), file], {
        stdio: 'pipe',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
