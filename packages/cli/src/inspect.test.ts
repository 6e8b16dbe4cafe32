// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { officialExamples, sharedDir } from '@samspil/fixtures';
import { runCli as run } from './test-support.js';

const letter = (path: string) => join(sharedDir(), 'medcom/oioxml/examples', path);
const dir = mkdtempSync(join(tmpdir(), 'samspil-inspect-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('samspil inspect', () => {
  for (const [file, kind, version] of [
    ['xdis01/DIS01_1.xml', 'discharge-summary', 'XD0133L'],
    ['xref01/REF01_1.xml', 'referral', 'XH0130R'],
    ['ggop/ggop.xml', 'rehab-plan', 'GGOP100'],
  ] as const) {
    it(`tells a ${kind} and prints its model`, async () => {
      const { code, stdout } = await run('inspect', '--json', letter(file));
      assert.equal(code, 0);
      const result = JSON.parse(stdout) as { kind: string; version: string; model: { kind: string } };
      assert.equal(result.kind, kind);
      assert.equal(result.version, version);
      assert.equal(result.model.kind, kind);
    });
  }

  it('tells a MedCom FHIR message by its standard', async () => {
    const example = officialExamples().find((e) => e.folder === 'hospitalnotification');
    assert.ok(example);
    const { code, stdout } = await run('inspect', '--json', example.json);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { kind: string; version: string; model: { messageHeaderId: string } };
    assert.equal(result.kind, 'HospitalNotification');
    assert.equal(result.version, '3.0.2');
    assert.ok(result.model.messageHeaderId);
  });

  it('prints a human-readable summary without --json', async () => {
    const { code, stdout } = await run('inspect', letter('xref01/REF01_1.xml'));
    assert.equal(code, 0);
    assert.match(stdout, /REF01_1\.xml: referral XH0130R/);
  });

  it('exits 1 for a file that is neither, and 2 for usage errors', async () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'hello');
    assert.equal((await run('inspect', junk)).code, 1);
    assert.equal((await run('inspect')).code, 2);
    assert.equal((await run('inspect', join(dir, 'missing.xml'))).code, 2);
  });
});
