// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validateMessage } from '@samspil/sdk';
import { exampleMessages } from '@samspil/sdk/examples';
import { runCli as run } from './test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'samspil-examples-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const expected = exampleMessages().map((m) => m.name);

describe('samspil examples', () => {
  it('writes the whole set as JSON, one file per message named for what it is', async () => {
    const out = join(dir, 'json');
    const { code, stdout } = await run('examples', '--out', out);
    assert.equal(code, 0);
    const files = readdirSync(out).sort();
    assert.deepEqual(files, expected.map((name) => `${name}.json`).sort());
    assert.equal(stdout.trim().split('\n').length, expected.length);
    assert.ok(files.includes('hospital-notification-a-01-admit-inpatient.json'));
    for (const file of files) {
      const result = validateMessage(readFileSync(join(out, file), 'utf8'));
      assert.deepEqual(result.issues, [], file);
    }
  });

  it('writes FHIR XML with --format xml, and describes each file with --json', async () => {
    const out = join(dir, 'xml');
    const { code, stdout } = await run('examples', '--out', out, '--format', 'xml', '--json');
    assert.equal(code, 0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; description: string });
    assert.equal(rows.length, expected.length);
    assert.ok(rows.every((row) => row.file.endsWith('.xml') && row.description.length > 0));
    const xml = readFileSync(join(out, 'care-communication-thread-3-forward-with-attachment.xml'), 'utf8');
    assert.match(xml, /^<\?xml|^<Bundle/);
    const result = validateMessage(xml);
    assert.equal(result.ok, true);
    assert.equal(result.standard, 'CareCommunication');
  });

  it('refuses a missing --out or an unknown format with exit 2', async () => {
    assert.equal((await run('examples')).code, 2);
    assert.equal((await run('examples', '--out', dir, '--format', 'yaml')).code, 2);
  });
});
