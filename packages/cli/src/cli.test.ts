// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCli as run } from './test-support.js';

const BIN = fileURLToPath(new URL('../bin/samspil.js', import.meta.url));

/** Runs the built `samspil` binary the way a user does. */
async function samspil(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('samspil (built binary)', () => {
  it('reports a valid GLN as JSON', async () => {
    const { code, stdout } = await samspil('id', 'check', '5790001382445', '--json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { kind: 'gln', valid: true, issues: [] });
  });

  it('reports MedCom test person 2509479989 as a valid CPR with a modulus-11 warning, redacted', async () => {
    const { code, stdout } = await samspil('id', 'check', '2509479989', '--json');
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { kind: string; valid: boolean; issues: { severity: string; code: string }[] };
    assert.equal(result.kind, 'cpr');
    assert.equal(result.valid, true);
    assert.deepEqual(
      result.issues.map((i) => [i.severity, i.code]),
      [['warning', 'modulus11']],
    );
    assert.ok(!stdout.includes('2509479989') && !stdout.includes('250947-9989'), 'the CPR number is not echoed');
  });

  it('exits 1 on an invalid GLN and names the rule', async () => {
    const { code, stdout } = await samspil('id', 'check', '5790001382446', '--json');
    assert.equal(code, 1);
    const result = JSON.parse(stdout) as { kind: string; valid: boolean; issues: { code: string }[] };
    assert.equal(result.kind, 'gln');
    assert.equal(result.valid, false);
    assert.ok(result.issues.some((i) => i.code === 'check-digit'));
  });

  it('prints its version and help', async () => {
    const version = await samspil('--version');
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = await samspil('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /samspil <command>/);
    assert.match(help.stdout, /id check VALUE/);
  });
});

describe('samspil main()', () => {
  it('prints human-readable results without the CPR number', async () => {
    const { code, stdout } = await run('id', 'check', '250947-9989');
    assert.equal(code, 0);
    assert.match(stdout, /^cpr: valid\n {2}warning \[modulus11\]/);
    assert.ok(!stdout.includes('9989'));
  });

  it('checks as the kind asked for', async () => {
    const { code, stdout } = await run('id', 'check', '5790001382445', '--kind', 'sor', '--json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as { kind: string }).kind, 'sor');
  });

  it('exits 2 on usage errors with a clear message', async () => {
    for (const argv of [
      [],
      ['nope'],
      ['id'],
      ['id', 'check'],
      ['id', 'check', 'a', 'b'],
      ['id', 'check', '1', '--kind', 'passport'],
      ['id', 'check', '1', '--bogus'],
    ]) {
      const { code, stdout, stderr } = await run(...argv);
      assert.equal(code, 2, `exit code for ${JSON.stringify(argv)}`);
      assert.ok((stdout + stderr).length > 0, `some explanation for ${JSON.stringify(argv)}`);
    }
  });

  it('never echoes a CPR number given with the wrong kind', async () => {
    const { stdout } = await run('id', 'check', '2509479989', '--kind', 'gln', '--json');
    assert.ok(!stdout.includes('2509479989'));
  });
});
