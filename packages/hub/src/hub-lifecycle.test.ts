// SPDX-License-Identifier: MIT
// What survives a restart (a clean one, and a SIGKILL in the middle of posting), and a graceful shutdown.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { unwrapVansEnvelope } from '@samspil/sdk/transport';
import {
  call,
  envelope,
  envelopeIdOf,
  HOSPITAL,
  mailbox,
  MUNICIPALITY,
  PARTIES,
  tempDir,
  testHub,
} from './hub.test-support.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const temp = tempDir('samspil-hub-');
after(() => temp.remove());

describe('hub restarts', () => {
  it('keeps mailboxes, receipts, statuses and deduplication across close and reopen of the same file', async () => {
    const db = join(temp.dir, 'reopen.sqlite');
    const first = await testHub({ db });
    const posted = [
      envelope(HOSPITAL, MUNICIPALITY),
      envelope(HOSPITAL, MUNICIPALITY),
      envelope(HOSPITAL, MUNICIPALITY),
    ];
    for (const xml of posted)
      assert.equal((await call(first, HOSPITAL.token, 'POST', '/v1/envelopes', xml)).status, 202);
    const before = await mailbox(first, MUNICIPALITY);
    assert.equal(before.length, 3);
    await call(first, MUNICIPALITY.token, 'DELETE', `/v1/mailbox/${before[0]?.id}`);
    await first.close();

    const second = await testHub({ db });
    try {
      const items = await mailbox(second, MUNICIPALITY);
      assert.deepEqual(items, before.slice(1), 'the same items, ids and bytes');
      const receipts = (await mailbox(second, HOSPITAL)).map((i) => unwrapVansEnvelope(i.envelope));
      assert.equal(receipts.length, 1);
      assert.ok(receipts[0]?.kind === 'receipt' && receipts[0].receipt.type === 'PositiveMessage');
      const [delivered, waiting] = posted.map(envelopeIdOf);
      const status = (id: string | undefined) => call(second, HOSPITAL.token, 'GET', `/v1/envelopes/${id}`);
      assert.equal((await status(delivered)).body.state, 'delivered');
      assert.equal((await status(waiting)).body.state, 'waiting');
      const again = await call(second, HOSPITAL.token, 'POST', '/v1/envelopes', posted[1]);
      assert.equal(again.body.duplicate, true, 'a retry after the restart is still recognised');
      const reused = envelope(HOSPITAL, MUNICIPALITY, { envelopeId: waiting, text: 'other' });
      assert.equal((await call(second, HOSPITAL.token, 'POST', '/v1/envelopes', reused)).status, 409);
    } finally {
      await second.close();
    }
  });

  it('loses no envelope answered with 202 when the hub process is killed (SIGKILL) mid-posting', async (t) => {
    const db = join(temp.dir, 'killed.sqlite');
    const child = spawn(
      process.execPath,
      [
        '--conditions=@samspil/source',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        `const { startHub } = await import('@samspil/hub');
         const hub = await startHub({ db: process.env.HUB_DB, parties: JSON.parse(process.env.HUB_PARTIES), log: () => {} });
         process.stdout.write(hub.url + '\\n');`,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HUB_DB: db,
          HUB_PARTIES: JSON.stringify(PARTIES.map(({ gln, name, token }) => ({ gln, name, token }))),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    const url = await new Promise<string>((done, fail) => {
      createInterface({ input: child.stdout }).once('line', done);
      child.once('exit', () => fail(new Error('The hub process ended before it listened')));
    });

    const envelopes = Array.from({ length: 400 }, () => envelope(HOSPITAL, MUNICIPALITY));
    const accepted: string[] = [];
    let next = 0;
    let killed = false;
    let cut = 0;
    const worker = async (): Promise<void> => {
      while (next < envelopes.length) {
        const xml = envelopes[next++] ?? '';
        try {
          const answer = await call({ url }, HOSPITAL.token, 'POST', '/v1/envelopes', xml);
          if (answer.status === 202) accepted.push(envelopeIdOf(xml));
        } catch {
          // The hub is gone: this post may or may not have been stored, and was not acknowledged.
          cut++;
          if (killed) return;
        }
        if (!killed && accepted.length >= 40) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.equal(await exited, 'SIGKILL');
    assert.ok(accepted.length >= 40, `${accepted.length} accepted before the kill`);
    assert.ok(cut > 0, 'posts were in flight when the hub died');
    t.diagnostic(`${accepted.length} posts answered 202, ${cut} cut off by the kill`);

    const restarted = await testHub({ db });
    try {
      const stored = new Set(
        (await mailbox(restarted, MUNICIPALITY, '?limit=500')).map((i) => envelopeIdOf(i.envelope)),
      );
      const lost = accepted.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], 'every envelope answered with 202 is in the mailbox');
    } finally {
      await restarted.close();
    }
  });
});

describe('hub shutdown', () => {
  it('finishes a request in flight, refuses new connections, answers long polls at once, then closes the file', async () => {
    const db = join(temp.dir, 'graceful.sqlite');
    const hub = await testHub({ db });
    const xml = envelope(HOSPITAL, MUNICIPALITY);
    const half = Math.floor(xml.length / 2);

    const longPoll = call<{ items: unknown[] }>(hub, HOSPITAL.token, 'GET', '/v1/mailbox?wait=20');
    const slowPost = new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(`${hub.url}/v1/envelopes`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${HOSPITAL.token}`,
          'content-type': 'application/xml',
          'content-length': Buffer.byteLength(xml),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.write(xml.slice(0, half));
      // The rest follows once the hub has been asked to close.
      setTimeout(() => req.end(xml.slice(half)), 300);
    });
    await new Promise((done) => setTimeout(done, 100));

    const started = Date.now();
    const closing = hub.close();
    assert.equal(hub.close(), closing, 'close() is idempotent');
    const polled = await longPoll;
    assert.equal(polled.status, 200);
    assert.deepEqual(polled.body.items, []);
    assert.ok(Date.now() - started < 1000, 'the long poll was answered at once');
    await assert.rejects(fetch(`${hub.url}/health`), 'no new connections');

    const posted = await slowPost;
    assert.equal(posted.status, 202, 'the request in flight was finished');
    await closing;

    const reopened = await testHub({ db });
    try {
      const items = await mailbox(reopened, MUNICIPALITY);
      assert.deepEqual(
        items.map((i) => i.envelope),
        [xml],
      );
      assert.ok(hub.lines.some((l) => l.event === 'hub-stopped'));
    } finally {
      await reopened.close();
    }
  });
});
