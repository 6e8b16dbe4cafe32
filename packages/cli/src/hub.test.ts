// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { EXAMPLE_PARTIES } from '@samspil/sdk/examples';
import { hub } from './commands/hub.js';
import type { Io } from './io.js';
import { runCli as run } from './test-support.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'samspil-hub-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `samspil hub` in-process until stopped; `url` resolves with the first stdout line. */
function runHub(args: string[], cwd = dir) {
  let stdout = '';
  let stderr = '';
  let announce: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (announce = resolve));
  const io: Io = {
    stdout: (text) => {
      stdout += text;
      const first = stdout.split('\n');
      if (first.length > 1) announce(first[0] ?? '');
    },
    stderr: (text) => void (stderr += text),
  };
  const stop = new AbortController();
  const code = hub(args, io, { signal: stop.signal, cwd });
  return { url, code, stop: () => stop.abort(), stdout: () => stdout, stderr: () => stderr };
}

describe('samspil hub', () => {
  it('prints its usage with --help, through main', async () => {
    const { code, stdout } = await run('hub', '--help');
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: samspil hub/);
    assert.match((await run('--help')).stdout, /hub \[--port N\]/);
  });

  it('refuses bad options with exit 2', async () => {
    for (const args of [
      ['--fault-rate', '2'],
      ['--fault-rate', 'lots'],
      ['--fault-delay-ms', '50'],
      ['--fault-delay-ms', '50-5'],
      ['--fault-delay-ms', '0-60001'],
      ['--fault-delay-ms', '-5-10'],
      ['--port', '70000'],
      ['--port', 'x'],
      ['--nope'],
      ['extra'],
    ]) {
      const { code, stderr } = await run('hub', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /samspil/);
    }
  });

  it('refuses a parties file that is not a JSON array of {gln, name, token}, without echoing tokens', async () => {
    const file = join(dir, 'bad-parties.json');
    writeFileSync(file, JSON.stringify([{ gln: '5790000130016', name: 'X', token: 42 }]));
    const { code, stderr } = await run('hub', '--parties', file, '--db', ':memory:');
    assert.equal(code, 2);
    assert.match(stderr, /JSON array/);
    writeFileSync(file, JSON.stringify([{ gln: '123', name: 'X', token: 'secret-token-1' }]));
    const invalid = await run('hub', '--parties', file, '--db', ':memory:', '--port', '0');
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /cannot start/);
    assert.ok(!invalid.stderr.includes('secret-token-1'));
  });

  it('runs the development parties: URL first on stdout, tokens on stderr, JSON logs, stops on the signal', async () => {
    const running = runHub(['--port', '0', '--db', ':memory:']);
    const url = await running.url;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 200);

    const printed = running.stderr();
    for (const role of ['hospital', 'municipality', 'gp'] as const) {
      const { gln, name } = EXAMPLE_PARTIES[role];
      const line = printed.split('\n').find((l) => l.includes(gln));
      assert.ok(line?.includes(name), role);
      const token = /token (\S+)/.exec(line ?? '')?.[1];
      assert.ok(token, `a token for the ${role}`);
      const mailbox = await fetch(`${url}/v1/mailbox`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(mailbox.status, 200, role);
    }
    assert.match(printed, /Admin token: \S+/);

    running.stop();
    assert.equal(await running.code, 0);
    const lines = running.stdout().trim().split('\n');
    assert.equal(lines[0], url);
    const logged = lines.slice(1).map((l) => JSON.parse(l) as { event: string });
    assert.equal(logged[0]?.event, 'hub-started');
    assert.ok(logged.some((l) => l.event === 'request'));
    assert.equal(logged.at(-1)?.event, 'hub-stopped');
    await assert.rejects(fetch(`${url}/health`), 'closed');
  });

  it('takes --parties FILE and keeps its tokens to itself; the default database is .samspil/hub.sqlite', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const file = join(dir, 'parties.json');
    const parties = [
      { gln: EXAMPLE_PARTIES.hospital.gln, name: 'Hospital', token: 'secret-hospital' },
      { gln: EXAMPLE_PARTIES.gp.gln, name: 'Lægen', token: 'secret-gp' },
    ];
    writeFileSync(file, JSON.stringify(parties));
    const running = runHub(['--port', '0', '--parties', file, '--admin-token', 'secret-admin'], cwd);
    const url = await running.url;
    assert.ok(existsSync(join(cwd, '.samspil', 'hub.sqlite')));
    const answer = await fetch(`${url}/v1/mailbox`, { headers: { authorization: 'Bearer secret-gp' } });
    assert.equal(answer.status, 200);
    const faults = await fetch(`${url}/v1/admin/faults`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-admin' },
      body: '{"rate":0}',
    });
    assert.equal(faults.status, 200);
    assert.match(running.stderr(), /Lægen/);
    assert.ok(!running.stderr().includes('secret-'), 'no token printed');
    running.stop();
    assert.equal(await running.code, 0);
  });

  it('takes --fault-delay-ms MIN-MAX: injected delays stay in that range', async () => {
    const running = runHub(['--port', '0', '--db', ':memory:', '--fault-rate', '1', '--fault-delay-ms', '5-20']);
    const url = await running.url;
    const headers = { authorization: 'Bearer not-a-party-token' };
    // Each request is failed, delayed or dropped (a dropped one rejects); the delayed ones are logged with their ms.
    await Promise.all(Array.from({ length: 30 }, () => fetch(`${url}/v1/mailbox`, { headers }).catch(() => undefined)));
    running.stop();
    assert.equal(await running.code, 0);
    const delayed = running
      .stdout()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as { fault?: string; ms?: number })
      .filter((l) => l.fault === 'delay');
    assert.ok(delayed.length > 0, 'some requests were delayed');
    for (const line of delayed) assert.ok((line.ms ?? 0) >= 4 && (line.ms ?? 0) < 500, `${line.ms} ms`);
  });

  it('stops gracefully on SIGTERM when run as a process', async () => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@samspil/source',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        `const { main } = await import('samspil');
         process.exitCode = await main(['hub', '--port', '0', '--db', ':memory:']);`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const url = await new Promise<string>((done) => createInterface({ input: child.stdout }).once('line', done));
    assert.equal((await fetch(`${url}/health`)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /Stopping the hub/);
  });
});
