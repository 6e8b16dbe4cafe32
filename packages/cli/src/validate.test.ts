// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { officialExamples } from '@samspil/fixtures';
import { runCli as run } from './test-support.js';

const examples = officialExamples();
const hospital = examples.find((e) => e.folder === 'hospitalnotification' && e.xml);
const care = examples.find((e) => e.folder === 'carecommunication' && e.xml);
const dir = mkdtempSync(join(tmpdir(), 'samspil-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('samspil validate', () => {
  it('accepts official JSON and XML examples together and exits 0', async () => {
    assert.ok(hospital?.xml && care);
    const { code, stdout } = await run('validate', '--json', hospital.json, hospital.xml, care.json);
    assert.equal(code, 0);
    const rows = JSON.parse(stdout) as {
      file: string;
      ok: boolean;
      standard: string;
      version: string;
      messageHeaderId: string;
    }[];
    assert.deepEqual(
      rows.map((r) => [r.file, r.ok, r.standard, r.version]),
      [
        [hospital.json, true, 'HospitalNotification', '3.0.2'],
        [hospital.xml, true, 'HospitalNotification', '3.0.2'],
        [care.json, true, 'CareCommunication', '5.0.2'],
      ],
    );
    assert.match(rows[0]?.messageHeaderId ?? '', /^[0-9a-z-]+$/);
  });

  it('exits 1 when any file is invalid, and prints the path of each issue', async () => {
    assert.ok(hospital);
    const bundle = JSON.parse(readFileSync(hospital.json, 'utf8')) as {
      entry: { resource: Record<string, unknown> }[];
    };
    const encounter = bundle.entry.find((e) => e.resource['resourceType'] === 'Encounter');
    assert.ok(encounter);
    delete encounter.resource['class'];
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(bundle));
    const { code, stdout } = await run('validate', hospital.json, broken);
    assert.equal(code, 1);
    assert.match(stdout, /broken\.json: invalid/);
    assert.match(stdout, /Bundle\.entry\[\d+\]\.resource\.class/);
  });

  it('reports unreadable files and usage errors with exit 2', async () => {
    assert.equal((await run('validate', join(dir, 'missing.json'))).code, 2);
    assert.equal((await run('validate')).code, 2);
  });

  it('gives ok: false, not a stack trace, for text that is no message', async () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'CPR 2509479989 is not a message');
    const { code, stdout } = await run('validate', '--json', junk);
    assert.equal(code, 1);
    assert.ok(!stdout.includes('2509479989'));
    assert.equal((JSON.parse(stdout) as { ok: boolean }[])[0]?.ok, false);
  });
});

describe('samspil convert', () => {
  it('turns JSON into XML that converts back to the same JSON', async () => {
    assert.ok(hospital);
    const xml = await run('convert', '--to', 'xml', hospital.json);
    assert.equal(xml.code, 0);
    assert.match(xml.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<Bundle xmlns="http:\/\/hl7\.org\/fhir">/);
    const file = join(dir, 'roundtrip.xml');
    writeFileSync(file, xml.stdout);
    const json = await run('convert', '--to', 'json', file);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(readFileSync(hospital.json, 'utf8')));
  });

  it('refuses a bad --to and bad input', async () => {
    assert.ok(hospital);
    assert.equal((await run('convert', '--to', 'yaml', hospital.json)).code, 2);
    const junk = join(dir, 'junk.xml');
    writeFileSync(junk, '<Bundle xmlns="http://hl7.org/fhir"><id value="x"/>');
    const { code, stderr } = await run('convert', '--to', 'json', junk);
    assert.equal(code, 1);
    assert.ok(stderr.length > 0);
  });
});
