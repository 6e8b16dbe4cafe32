// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedDir } from '@samspil/fixtures';
import { readOioXml } from '../read/read.js';
import { formattedTextToPlain, type FormattedText } from '../text/index.js';
import { RehabPlan } from './model.js';
import { parseRehabPlan, readRehabPlan, type ReadRehabPlanResult } from './read.js';

const GGOP = join(sharedDir(), 'medcom/oioxml/examples/ggop/ggop.xml');
const bytes = readFileSync(GGOP);
const source = new TextDecoder().decode(bytes.subarray(3));
const NS_100 = 'urn:oio:medcom:municipality:1.0.0';
const NS_104 = 'urn:oio:medcom:municipality:1.0.4';

function plan(result: ReadRehabPlanResult): RehabPlan {
  assert.ok(result.ok, JSON.stringify(result.issues));
  return result.model;
}

function plain(ft: FormattedText | undefined): string | undefined {
  return ft === undefined ? undefined : formattedTextToPlain(ft);
}

/** The example with `find` replaced by `replace` (exactly once, so a changed example fails loudly). */
function variant(find: string | RegExp, replace: string, text = source): string {
  const count = typeof find === 'string' ? text.split(find).length - 1 : (text.match(find) ?? []).length;
  assert.equal(count, 1, `expected one match of ${String(find)}`);
  return text.replace(find, replace);
}

const model = plan(parseRehabPlan(bytes));

describe('parseRehabPlan on MedCom’s ggop.xml', () => {
  it('reads the UTF-8 bytes with BOM without issues and leaves no element unknown', () => {
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const result = parseRehabPlan(bytes);
    assert.ok(result.ok);
    assert.deepEqual(result.issues, []);
    assert.deepEqual(model.unknown, []);
    assert.equal(model.kind, 'rehab-plan');
  });

  it('matches its own schema', () => {
    const parsed = RehabPlan.safeParse(model);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });

  it('reads the envelope and letter header', () => {
    assert.deepEqual(model.header, {
      identifier: '45249877239313',
      versionCode: 'GGOP100',
      statisticalCode: 'GGOP2',
      typeCode: 'GGOP',
      envelopeIdentifier: '54382645943294',
      acknowledgementCode: 'pluspositivkvitt',
      sent: { date: '2009-09-04', time: '10:43' },
      authorisation: { date: '2015-03-04', time: '09:26' },
    });
  });

  it('reads the type of rehabilitation, raw and normalised', () => {
    assert.deepEqual(model.rehabilitationType, { code: 'specialiseret', level: 'specialised' });
  });

  it('reads the sender with its signer and co-writer', () => {
    const sender = model.sender;
    assert.equal(sender?.eanIdentifier, '5790001354145');
    assert.equal(sender?.identifierCode, 'sygehusafdelingsnummer');
    assert.equal(sender?.departmentName, 'Ortopædkirurgisk Afdeling');
    assert.equal(sender?.telephone, '+4566131372');
    assert.deepEqual(sender?.signedBy, [
      {
        givenName: 'Ellinor',
        surname: 'Strøm',
        title: 'Terapeut',
        departmentName: 'Neurologisk Afdeling N2',
        telephones: [{ number: '+4566136421' }],
      },
    ]);
    assert.deepEqual(sender?.coWriters, [
      {
        identifier: '34',
        identifierCode: 'amt',
        givenName: 'Peter',
        surname: 'Andresen',
        title: 'Pedel',
        departmentName: 'Bygningsadministration',
        telephones: [{ number: '88 88 88 88' }],
      },
    ]);
  });

  it('reads the receiving municipality, the GP copy and the other copy receivers', () => {
    assert.equal(model.receiver?.identifierCode, 'kommunenummer');
    assert.equal(model.receiver?.identifier, '461');
    assert.equal(model.receiver?.unitName, 'Æbleblomsten');
    assert.equal(model.gpCopy?.kind, 'receiver');
    assert.deepEqual(model.gpCopy.kind === 'receiver' && model.gpCopy.receiver, {
      eanIdentifier: '5790002012274',
      identifier: '024015',
      identifierCode: 'ydernummer',
      organisationName: 'Arta Masoumi',
      departmentName: 'Almen Lægehjælp',
      streetName: 'Slotsbryggen 18',
      districtName: 'Nykøbing Falster',
      postCodeIdentifier: '5120',
    });
    assert.deepEqual(model.ccReceivers, [
      {
        eanIdentifier: '5790002012276',
        identifier: '037974',
        identifierCode: 'ydernummer',
        organisationName: 'Arne Agertoft & Hanne Petersen',
      },
    ]);
  });

  it('reads the patient with GGOP’s occupation, telephones, email and c/o address', () => {
    const patient = model.patient;
    // The example's CPR number is compared with the file, never written into the repository.
    assert.equal(patient?.cpr, /<mm100:CivilRegistrationNumber>(\d{10})</.exec(source)?.[1]);
    assert.equal(patient?.surname, 'Ann Berggren');
    assert.equal(patient?.givenName, 'Nancy');
    assert.equal(patient?.occupancy, 'Tømrer');
    assert.equal(patient?.email, 'nancy@berggren.dk');
    assert.deepEqual(
      patient?.telephones.map((phone) => phone.code),
      ['mobil', 'fastnet', 'arbejde'],
    );
    assert.equal(patient?.telephones[0]?.number, '+4523321234');
    assert.deepEqual(patient?.coAddress, {
      surname: 'Andersen',
      givenName: 'Rosa',
      streetName: 'Skovgård 3',
      suburbName: 'Hjallese',
      districtName: 'Odense SØ',
      postCodeIdentifier: '5220',
    });
  });

  it('reads the relatives with relation codes, telephones and email', () => {
    assert.deepEqual(
      model.relatives.map((relative) => relative.relationCode),
      ['aegtefaelle', 'uspec_paaroerende'],
    );
    const spouse = model.relatives[0];
    assert.equal(spouse?.givenName, 'Irene');
    assert.equal(spouse?.email, 'irene_p12@gmail.com');
    assert.deepEqual(spouse?.telephones, [
      { number: '+4565335376', code: 'fastnet' },
      { number: '+4565335375', code: 'arbejde' },
      { number: '+4565335374', code: 'mobil' },
    ]);
    assert.deepEqual(model.relatives[1]?.telephones, []);
  });

  it('reads consent and the free-text blocks', () => {
    assert.deepEqual(model.consent, { code: 'ja', informed: true });
    for (const ft of [
      model.informationForPatientAndRelatives,
      model.practicalInformation,
      model.patientSafetyAspects,
      model.rehabilitationDeadline,
      model.healthSummary,
      model.needAndPotential,
      model.abilityAtDischarge?.summary,
    ]) {
      assert.deepEqual(ft, [{ kind: 'text', text: 'Fri tekst' }]);
    }
  });

  it('reads the stay, the control and the 7-day free-choice date', () => {
    assert.deepEqual(model.currentHospitalContact, {
      start: { date: '2014-12-13', time: '12:34' },
      expectedEnd: { date: '2014-12-20', time: '13:45' },
    });
    assert.deepEqual(model.ambulatoryControl?.expectedStart, { date: '2014-12-20', time: '13:45' });
    assert.equal(model.ambulatoryControl?.location?.identifierCode, 'region');
    assert.equal(model.ambulatoryControl?.location?.organisationName, 'Region Syddanmark');
    assert.equal(model.ambulatoryControl?.location?.suburbName, 'Voldsmose');
    assert.deepEqual(model.freeChoice, { dischargeDate: '2014-12-20', startBy: '2014-12-27' });
  });

  it('splits the extended functional ability into the ICF template’s sections', () => {
    const ability = model.abilityAtDischarge;
    assert.ok(plain(ability?.extended)?.startsWith('8a. Kroppens funktioner og anatomi\n- Mentale funktioner\n\n'));
    assert.deepEqual(
      ability?.sections.map(({ code, heading, subsections }) => [code, heading, subsections.length]),
      [
        ['8a', 'Kroppens funktioner og anatomi', 8],
        ['8b', 'Aktiviteter og Deltagelse', 9],
        ['8c', 'Omgivelsesfaktorer', 3],
      ],
    );
    const body = ability?.sections[0]?.subsections[3];
    // The heading was wrapped over two source lines; the layout whitespace is one space.
    assert.equal(body?.heading, 'Kardiovaskulære, hæmatologiske, immunologiske og respiratoriske funktioner');
    assert.deepEqual(body?.text, []);
    assert.equal(ability?.sections[2]?.subsections.at(-1)?.heading, 'Holdninger');
    assert.equal(ability?.sections[0]?.text[0]?.kind, 'italic');
  });

  it('reads ICD-10 diagnoses and ICF codes with their gradients', () => {
    assert.deepEqual(model.diagnoses, [
      {
        primary: { code: 'DC189', typeCode: 'ICD10kode', text: 'Kræft i tyktarmen' },
        secondary: [{ code: 'DS720', typeCode: 'ICD10kode', text: 'Fraktur af lårbenshals' }],
      },
    ]);
    assert.equal(model.diagnosesText, undefined);
    const icf = {
      code: 'FB799',
      typeCode: 'ICFKode',
      text: 'Funktioner relateret til bevægeapparat uden specifikation',
    };
    assert.deepEqual(model.icfClassifications, [
      { code: icf, gradient: icf },
      { code: icf, gradient: icf },
    ]);
  });

  it('reads the journal excerpts, with and without a signer, and their line breaks', () => {
    assert.deepEqual(
      model.journalExcerpts.map((excerpt) => excerpt.type),
      [
        'Tilbud om kage',
        'Uddrag af operationsbeskrivelse',
        'Uddrag af journalnotat neurologisk tilsyn',
        'Uddrag uden struktur',
      ],
    );
    const third = model.journalExcerpts[2];
    assert.deepEqual(third?.signedBy, [{ givenName: 'Karl', surname: 'Møller', title: 'Doktor Psyk', telephones: [] }]);
    assert.deepEqual(third?.signedAt, { date: '2013-05-31' });
    assert.deepEqual(third?.comment, [{ kind: 'text', text: 'Fri tekst' }, { kind: 'break' }]);
    const last = model.journalExcerpts[3];
    assert.deepEqual(last?.signedBy, []);
    assert.equal(last?.signedAt, undefined);
    assert.equal(
      plain(last?.comment),
      'Fri tekst\nSkrevet af: Alm med 1. reservelæge Bjarne Goldbæk den 27. februar 2013',
    );
  });

  it('reads the region and municipality contacts with their telephones', () => {
    assert.deepEqual(model.contacts, {
      region: {
        eanIdentifier: '57001231231',
        departmentName: 'Region Øst',
        streetName: 'Hovedvej 10',
        districtName: 'Østerslev',
        postCodeIdentifier: '5678',
        telephones: [{ number: '88 88 88 88' }],
      },
      municipality: {
        departmentName: 'Odder kommune',
        streetName: 'Dæmningvej 10',
        districtName: 'Søby',
        postCodeIdentifier: '1234',
        telephones: [{ number: '88 88 88 88' }],
      },
    });
  });

  it('reads the treating team, the final-result receivers and the references', () => {
    assert.deepEqual(
      model.team.map((member) => `${member.givenName} ${member.surname}`),
      ['Ellinor Strøm', 'Arne Bævermose', 'Trine Lund', 'Vagn Andersen', 'Ole Vedel'],
    );
    assert.deepEqual(model.team[0], {
      identifier: '34',
      identifierCode: 'amt',
      givenName: 'Ellinor',
      surname: 'Strøm',
      title: 'Terapeut',
      departmentName: 'Neurologisk Afdeling N2',
      telephones: [{ number: '+4566136421' }],
    });
    assert.deepEqual(model.finalResultReceivers, [
      {
        eanIdentifier: '5790002012276',
        identifier: '037974',
        identifierCode: 'ydernummer',
        organisationName: 'Arne Agertoft & Hanne Petersen',
      },
    ]);
    assert.deepEqual(model.references, [
      { description: 'Se de gældende anbefalinger her', url: 'http://sundhedsstyrelsen.dk' },
    ]);
  });
});

describe('parseRehabPlan on variants of ggop.xml', () => {
  it('reads the same model from text as from bytes, and from a letter read by readOioXml', () => {
    assert.deepEqual(plan(parseRehabPlan(source)), model);
    const read = readOioXml(bytes);
    assert.ok(read.ok);
    assert.deepEqual(plan(readRehabPlan(read)), model);
  });

  it('reads the same model with the 1.0.0 and 1.0.4 namespaces swapped', () => {
    const swapped = source.replaceAll(NS_104, '\u0000').replaceAll(NS_100, NS_104).replaceAll('\u0000', NS_100);
    assert.notEqual(swapped, source);
    const read = readOioXml(swapped);
    assert.ok(read.ok);
    assert.equal(read.letter.namespace, NS_100);
    assert.deepEqual(plan(parseRehabPlan(swapped)), model);
  });

  it('reads the same model with every element prefixed and no default namespace in use', () => {
    const prefixed = source
      .replace(/<(\/?)(?:mm10[04]:)?([A-Za-z_][\w.-]*)/g, '<$1g:$2')
      .replace(/\sxmlns="[^"]*"/g, '')
      .replace('<g:Emessage', `<g:Emessage xmlns:g="${NS_104}"`);
    assert.ok(!prefixed.includes('xmlns="'));
    assert.deepEqual(plan(parseRehabPlan(prefixed)), model);
  });

  it('reads the same model with the 1.0.0 prefix renamed and declared where it is used', () => {
    const renamed = source
      .replaceAll('mm100:', 'shared:')
      .replace(` xmlns:mm100="${NS_100}"`, '')
      .replace(/<shared:([A-Za-z]+)(\/?)>/g, `<shared:$1 xmlns:shared="${NS_100}"$2>`);
    assert.deepEqual(plan(parseRehabPlan(renamed)), model);
  });

  it('keeps an unknown element, with its path and text, and reads everything else', () => {
    const extended = variant(
      '</RehabilitationPlan>',
      '<FutureField>Ny <Bold>ting</Bold></FutureField></RehabilitationPlan>',
      variant('<CoAddress>', '<mm100:Nickname>Nan</mm100:Nickname><CoAddress>'),
    );
    const read = plan(parseRehabPlan(extended));
    assert.deepEqual(read.unknown, [
      { path: '/Emessage/RehabilitationPlan/FutureField', text: 'Ny  ting' },
      { path: '/Emessage/RehabilitationPlan/Patient/Nickname', text: 'Nan' },
    ]);
    assert.deepEqual({ ...read, unknown: [] }, model);
    assert.ok(RehabPlan.safeParse(read).success);
  });

  it('keeps a repeated single element as unknown instead of dropping it', () => {
    const doubled = variant(
      '<ConsentInformed>ja</ConsentInformed>',
      '<ConsentInformed>ja</ConsentInformed><ConsentInformed>nej</ConsentInformed>',
    );
    const read = plan(parseRehabPlan(doubled));
    assert.deepEqual(read.consent, { code: 'ja', informed: true });
    assert.deepEqual(read.unknown, [{ path: '/Emessage/RehabilitationPlan/ConsentInformed', text: 'nej' }]);
  });

  it('keeps unknown code values as written', () => {
    const coded = variant(
      '<mm100:RelationCode>aegtefaelle<',
      '<mm100:RelationCode>kaereste<',
      variant(
        '<ConsentInformed>ja<',
        '<ConsentInformed>delvist<',
        variant('>specialiseret<', '>vedligeholdelsestræning<'),
      ),
    );
    const result = parseRehabPlan(coded);
    const read = plan(result);
    assert.deepEqual(result.issues, []);
    assert.deepEqual(read.rehabilitationType, { code: 'vedligeholdelsestræning', level: 'unknown' });
    assert.deepEqual(read.consent, { code: 'delvist' });
    assert.equal(read.relatives[0]?.relationCode, 'kaereste');
    assert.ok(RehabPlan.safeParse(read).success);
  });

  it('reads consent case-insensitively and never from the object prototype', () => {
    const consent = (value: string) =>
      plan(parseRehabPlan(variant('<ConsentInformed>ja<', `<ConsentInformed>${value}<`))).consent;
    assert.deepEqual(consent('NEJ'), { code: 'NEJ', informed: false });
    assert.deepEqual(consent('constructor'), { code: 'constructor' });
  });

  it('normalises other spellings of the type of rehabilitation', () => {
    const almen = plan(parseRehabPlan(variant('>specialiseret<', '>Almen genoptræning<')));
    assert.deepEqual(almen.rehabilitationType, { code: 'Almen genoptræning', level: 'general' });
  });

  it('gives a value warning, not a failure, for a date that is no date', () => {
    const result = parseRehabPlan(
      variant(
        '<Date>2014-12-20</Date>\n                <Time>13:45</Time>\n            </ExpectedEnd>',
        '<Date>2014-02-30</Date></ExpectedEnd>',
      ),
    );
    const read = plan(result);
    assert.deepEqual(result.issues, [
      {
        severity: 'warning',
        code: 'value',
        path: '/Emessage/RehabilitationPlan/CurrentHospitalContact/ExpectedEnd/Date',
        message: 'Not a calendar date: 2014-02-30',
      },
    ]);
    assert.deepEqual(read.currentHospitalContact?.expectedEnd, { date: '2014-02-30' });
    assert.equal(read.freeChoice, undefined);
  });

  it('never puts a CPR number into an issue', () => {
    const cpr = /<mm100:CivilRegistrationNumber>(\d{10})</.exec(source)?.[1] ?? '';
    const result = parseRehabPlan(variant('<Date>2013-05-31</Date>', `<Date>${cpr}</Date>`));
    assert.ok(result.ok);
    assert.equal(result.issues.length, 1);
    assert.ok(!JSON.stringify(result.issues).includes(cpr));
  });

  it('reads the converter’s text alternatives for dates and the reason for having no telephone', () => {
    const texts = variant(
      /<ExpectedStart>[\s\S]*?<\/ExpectedStart>/,
      '<ExpectedStartText>Efter aftale</ExpectedStartText>',
      variant(
        /<ExpectedEnd>[\s\S]*?<\/ExpectedEnd>/,
        '<ExpectedEndText>Uafklaret</ExpectedEndText>',
        variant(
          '<EmailAddressIdentifier>nancy',
          '<NoTelephoneReason>Døv</NoTelephoneReason><EmailAddressIdentifier>nancy',
        ),
      ),
    );
    const result = parseRehabPlan(texts);
    const read = plan(result);
    assert.deepEqual(result.issues, []);
    assert.deepEqual(read.unknown, []);
    assert.deepEqual(read.currentHospitalContact, {
      start: { date: '2014-12-13', time: '12:34' },
      expectedEndText: 'Uafklaret',
    });
    assert.equal(read.ambulatoryControl?.expectedStartText, 'Efter aftale');
    assert.equal(read.ambulatoryControl?.expectedStart, undefined);
    assert.equal(read.patient?.noTelephoneReason, 'Døv');
    assert.equal(read.freeChoice, undefined);
  });

  it('reads a deselected GP copy', () => {
    const deselected = variant(/<GPCCReceiver>[\s\S]*<\/GPCCReceiver>/, '<GPCCReceiver><Deselected/></GPCCReceiver>');
    assert.deepEqual(plan(parseRehabPlan(deselected)).gpCopy, { kind: 'deselected' });
  });

  it('warns when what a plan needs is missing, and still reads the rest', () => {
    const result = parseRehabPlan(variant(/<TypeOfRehabilitationPlan>[^<]*<\/TypeOfRehabilitationPlan>/, ''));
    const read = plan(result);
    assert.equal(read.rehabilitationType, undefined);
    assert.deepEqual(
      result.issues.map((issue) => [issue.severity, issue.code, issue.path]),
      [['warning', 'value', '/Emessage/RehabilitationPlan/TypeOfRehabilitationPlan']],
    );
  });
});

describe('parseRehabPlan on other letters', () => {
  const discharge =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<Emessage xmlns="http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/">' +
    '<Envelope><Sent><Date>2024-01-02</Date><Time>10:00</Time></Sent><Identifier>E1</Identifier>' +
    '<AcknowledgementCode>plusposititivkvitt</AcknowledgementCode></Envelope>' +
    '<DischargeLetter><Letter><Identifier>L1</Identifier><VersionCode>XD0133L</VersionCode>' +
    '<TypeCode>XDIS01</TypeCode></Letter></DischargeLetter></Emessage>';

  it('refuses a discharge letter as unsupported', () => {
    const result = parseRehabPlan(discharge);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.issues.map((issue) => [issue.severity, issue.code, issue.path]),
      [['error', 'unsupported-letter', '/Emessage/DischargeLetter']],
    );
    const read = readOioXml(discharge);
    assert.ok(read.ok);
    assert.equal(readRehabPlan(read).ok, false);
  });

  it('passes on the reader’s failure for input that is no letter', () => {
    const result = parseRehabPlan('<html/>');
    assert.equal(result.ok, false);
    assert.equal(result.issues[0]?.code, 'not-a-letter');
    assert.equal(parseRehabPlan(new Uint8Array([0x3c, 0xff, 0xfe])).ok, false);
  });
});
