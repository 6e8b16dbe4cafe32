// SPDX-License-Identifier: MIT
// Test-only helpers: the MedCom files, xmllint against EMessage.xsd (batched, one process per call), and a full
// writer input. Only tests import this file.
/* eslint-disable no-restricted-imports -- test-only support file: runs in Node, never bundled */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* eslint-enable no-restricted-imports */
import { sharedDir } from '@samspil/fixtures';
import { plainToFormattedText } from '../text/index.js';
import type { ReferralInput } from './input.js';

const OIOXML = join(sharedDir(), 'medcom', 'oioxml');
export const EMESSAGE_XSD = join(OIOXML, 'schemas', '2005-08-07', 'EMessage.xsd');
export const REF01_PATH = join(OIOXML, 'examples', 'xref01', 'REF01_1.xml');
/** MedCom's test patient in REF01_1. */
export const TEST_CPR = '2406444917';

/** The bytes of REF01_1.xml (windows-1252). */
export function ref01Bytes(): Buffer {
  return readFileSync(REF01_PATH);
}

/** REF01_1.xml as text. */
export function ref01Text(): string {
  return new TextDecoder('windows-1252').decode(ref01Bytes());
}

/** Whether xmllint can be run. */
export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** The outcome of validating one document. */
export interface XmllintResult {
  readonly valid: boolean;
  readonly errors: string;
}

/** Validates every document against EMessage.xsd in one xmllint run. */
export function xmllint(documents: readonly string[]): XmllintResult[] {
  if (documents.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'xref01-'));
  try {
    const files = documents.map((xml, i) => {
      const file = join(dir, `doc${i}.xml`);
      writeFileSync(file, xml, 'utf8');
      return file;
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', EMESSAGE_XSD, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${run.stdout}${run.stderr}`;
    const lines = output.split('\n');
    return files.map((file) => ({
      valid: lines.includes(`${file} validates`),
      errors: lines.filter((line) => line.startsWith(`${file}:`)).join('\n'),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A writer input with every field XH0130R has, all within limits. */
export function fullInput(): ReferralInput {
  return {
    header: {
      envelopeIdentifier: 'Kuv1234',
      sent: { date: '2024-03-01', time: '09:15' },
      acknowledgementCode: 'pluspositivkvitt',
      identifier: 'Brv5678',
      statisticalCode: 'XREF01',
      authorisation: { date: '2024-03-01', time: '09:00' },
      statusCode: 'nytbrev',
      episodeOfCareIdentifier: 'Forløb-42',
    },
    sender: {
      eanIdentifier: '5790000121526',
      identifier: '079741',
      identifierCode: 'ydernummer',
      organisationName: 'Lægehuset',
      departmentName: 'Klinik 2',
      unitName: 'Team A',
      streetName: 'Vandværksvej 99',
      suburbName: 'Nørre Herlev',
      districtName: 'Hillerød',
      postCodeIdentifier: '3400',
      telephone: '45121314',
      medicalSpecialityCode: 'almen_medicin',
      referrer: { identifier: '123456', identifierCode: 'ydernummer', personName: 'Hans Jensen', personTitle: 'Læge' },
    },
    receiver: {
      eanIdentifier: '5790000201389',
      identifier: '2001060',
      identifierCode: 'sygehusafdelingsnummer',
      organisationName: 'Hillerød Sygehus',
      departmentName: 'Medicinsk afd. B',
      unitName: 'Amb. 3',
      streetName: 'Sygehusvej 10',
      suburbName: 'Centrum',
      districtName: 'Hillerød',
      postCodeIdentifier: '3400',
    },
    answerCcReceiver: {
      identifier: '079832',
      identifierCode: 'ydernummer',
      organisationName: 'Lægerne i byen',
      departmentName: 'Læge',
      unitName: 'Hans Andersen',
      streetName: 'Børstenbindervej 34',
      suburbName: 'Øst',
      districtName: 'Hillerød',
      postCodeIdentifier: '3400',
      telephone: '48484848',
    },
    patient: {
      cpr: TEST_CPR,
      surname: 'Berggren',
      givenName: 'Ole',
      title: 'Kleinsmed',
      streetName: 'Park Alle 48',
      suburbName: 'Vest',
      districtName: 'Hillerød',
      postCodeIdentifier: '3400',
      telephones: [
        { number: '48302223', code: 'fastnet' },
        { number: '20222324', code: 'mobil' },
        { number: '33333333', code: 'arbejde' },
      ],
      email: 'ole@example.dk',
    },
    relatives: [{ relationCode: 'mor', personIdentifier: '1111111111', surname: 'Berggren', givenName: 'Anni' }],
    priority: 'akut',
    referralStatus: 'indlaeggelse',
    transport: 'liggende',
    supplementary: plainToFormattedText('Indkaldes fra sommerhus\nSommervej 10'),
    clinicalReason: [
      { kind: 'bold', children: [{ kind: 'text', text: 'Udredning' }] },
      { kind: 'break' },
      { kind: 'text', text: 'BT < 140 & vægttab' },
    ],
    diagnosis: { code: 'DI10', typeCode: 'SKSdiagnosekode', text: 'Blodtryksforhøjelse af ukendt årsag' },
    additionalDiagnoses: [
      { descriptionCode: 'tillaegsdiagnose', code: 'DE659', typeCode: 'SKSdiagnosekode', text: 'Fedme' },
      { descriptionCode: 'bidiagnose', typeCode: 'uspecificeretkode', text: 'Søvnbesvær' },
    ],
    cave: plainToFormattedText('Penicillin'),
    anamnesis: [
      { kind: 'fixed', children: [{ kind: 'italic', children: [{ kind: 'text', text: 'Kendt' }] }, { kind: 'space' }] },
      { kind: 'text', text: ' hypertension' },
    ],
    examination: plainToFormattedText('BT 180/105'),
    actualMedicine: plainToFormattedText('Tabl. Norvasc 5 mg 1×1'),
    references: [
      { description: 'Røntgenbillede', url: 'https://example.dk/r/1?a=1&b=2' },
      { description: 'Sendt separat', sentSeparately: true },
      {
        description: 'EKG',
        binary: {
          objectIdentifier: 'BIN-1',
          objectCode: 'biosignaler',
          objectExtensionCode: 'pdf',
          originalObjectSize: '2048',
        },
      },
    ],
  };
}
