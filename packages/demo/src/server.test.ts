// SPDX-License-Identifier: MIT
// The demo server on a free port with a throwaway data folder: the pages are served, the hub answers through the
// /hub/ proxy, a new hub is seeded (and only once), the fault switch reaches the hub, and the shared letters and
// Storybook are served byte for byte from their folders.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedDir } from '@samspil/fixtures';
import { buildCareCommunication } from '@samspil/sdk';
import { unwrapVansEnvelope, wrapVansEnvelope } from '@samspil/sdk/transport';
import { DEMO_PARTIES } from './parties.js';
import { startDemoServer, type DemoServer } from './server.js';

const PAGES = {
  '': 'Samspil: three EHRs',
  'hospital.html': 'Hospital',
  'municipality.html': 'Municipality',
  'gp.html': 'GP',
};
const LETTERS = existsSync(join(sharedDir(), 'medcom', 'oioxml', 'examples'));

describe('the demo server', () => {
  let dir: string;
  let demo: DemoServer;
  const get = (path: string, token?: string) =>
    fetch(new URL(path, demo.url), token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  const mailbox = async (token: string) => {
    const response = await get('/hub/v1/mailbox?limit=500', token);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: { id: string; envelope: string }[] }).items;
  };
  const setFaults = (rate: unknown) =>
    fetch(new URL('/demo/faults', demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rate }),
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samspil-demo-'));
    mkdirSync(join(dir, 'storybook'));
    writeFileSync(join(dir, 'storybook', 'index.html'), '<!doctype html><title>Storybook</title>');
    demo = await startDemoServer({
      port: 0,
      dataDir: join(dir, 'data'),
      storybookDir: join(dir, 'storybook'),
      hubLog: () => undefined,
      // Every disturbed request fails at once (503), so the fault switch is seen on the first request.
      random: () => 0,
    });
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, on the port it was given (0: a free one)', () => {
    assert.match(demo.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(demo.port, 0);
  });

  it('serves the start page and the three party pages as HTML', async () => {
    for (const [path, heading] of Object.entries(PAGES)) {
      const response = await get(`/${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      const html = await response.text();
      assert.ok(html.includes(`<h1>${heading}`), `${path} has its heading`);
      assert.ok(html.includes('<html lang="en">'), path);
    }
  });

  it('serves the page modules with their package imports resolved', async () => {
    const response = await get('/lib/session.js');
    assert.equal(response.status, 200);
    const code = await response.text();
    assert.doesNotMatch(code, /from '@samspil\//, 'bare specifiers are rewritten');
    assert.match(code, /sdk\/dist\/transport\/index\.js/);
  });

  it('passes the hub API through /hub/', async () => {
    const health = await get('/hub/health');
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    assert.equal((await get('/hub/v1/mailbox')).status, 401, 'no token, no mailbox');

    const { hospital, gp } = DEMO_PARTIES;
    const org = ({ name, sor, gln }: { name: string; sor: string; gln: string }) => ({ name, sor, gln });
    const message = buildCareCommunication({
      sender: org(gp),
      receiver: org(hospital),
      patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
      category: 'other',
      topic: 'Proxy',
      texts: [{ text: 'Hej', author: { family: 'Berg', given: ['Anne'], roleText: 'Læge' }, phone: '+4586123456' }],
    });
    const posted = await fetch(new URL('/hub/v1/envelopes', demo.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${gp.token}`, 'content-type': 'application/xml' },
      body: wrapVansEnvelope(message, { sender: gp.gln, receiver: hospital.gln }),
    });
    assert.equal(posted.status, 202);
  });

  it('seeds a new hub with the example set and the official letters', async () => {
    assert.deepEqual(demo.seeded, { messages: 26, letters: LETTERS ? 3 : 0 });
    const names = (await mailbox(DEMO_PARTIES.municipality.token)).map((item) => {
      const envelope = unwrapVansEnvelope(item.envelope);
      assert.equal(envelope.kind, 'message');
      assert.equal(envelope.senderId, DEMO_PARTIES.hospital.gln);
      return envelope.kind === 'message' ? envelope.message.name : '';
    });
    assert.equal(names.filter((name) => name.startsWith('MCM:FDIS20#')).length, 22, 'the notifications of stays A–C');
    assert.equal(names.filter((name) => name.startsWith('MCM:FDIS91#')).length, 1, 'the first CareCommunication');
    assert.equal(
      names.filter((name) => name.startsWith('MCM:GGOP')).length,
      LETTERS ? 1 : 0,
      'the rehabilitation plan',
    );
    assert.equal(
      (await mailbox(DEMO_PARTIES.gp.token)).length,
      LETTERS ? 2 : 1,
      'the forward and the discharge summary',
    );
  });

  it('turns the hub’s fault injection on and off through /demo/faults, without the admin token', async () => {
    assert.deepEqual(await (await get('/demo/faults')).json(), { rate: 0 });
    const on = await setFaults(1);
    assert.equal(on.status, 200);
    assert.deepEqual(await on.json(), { rate: 1 });
    const disturbed = await get('/hub/v1/mailbox', DEMO_PARTIES.gp.token);
    assert.equal(disturbed.status, 503);
    assert.equal(((await disturbed.json()) as { error: string }).error, 'injected-fault');
    assert.equal(((await (await get('/demo/config.json')).json()) as { faultRate: number }).faultRate, 1);

    assert.equal((await setFaults(0)).status, 200);
    assert.equal((await get('/hub/v1/mailbox', DEMO_PARTIES.gp.token)).status, 200);
    assert.equal((await setFaults(1.5)).status, 400);
    assert.equal((await setFaults('all')).status, 400);
    assert.deepEqual(await (await get('/demo/faults')).json(), { rate: 0 });
  });

  it('gives the pages their configuration: the run, the parties and their tokens, the timing', async () => {
    const config = (await (await get('/demo/config.json')).json()) as Record<string, unknown>;
    assert.equal(config['runId'], demo.runId);
    assert.deepEqual(Object.keys(config['parties'] as object), ['hospital', 'municipality', 'gp']);
    assert.equal((config['timing'] as { ackTimeoutMs: number }).ackTimeoutMs, 20_000);
    assert.equal(config['storybook'], true);
    assert.doesNotMatch(JSON.stringify(config), /admin/i);
  });

  it('serves Storybook under /storybook/ and the shared letters byte for byte, and nothing outside them', async () => {
    const storybook = await get('/storybook/');
    assert.equal(storybook.status, 200);
    assert.match(await storybook.text(), /<title>Storybook<\/title>/);
    assert.equal((await get('/storybook')).url.endsWith('/storybook/'), true, 'redirected to the folder');
    if (LETTERS) {
      const path = 'medcom/oioxml/examples/xdis01/DIS01_1.xml';
      const letter = await get(`/shared/${path}`);
      assert.equal(letter.status, 200);
      assert.ok(Buffer.from(await letter.arrayBuffer()).equals(readFileSync(join(sharedDir(), path))));
    }
    // `..%2F` survives URL normalisation and decodes to `../`: medcom/README.md exists, but outside the folder.
    assert.ok(existsSync(join(sharedDir(), 'medcom', 'README.md')) || !LETTERS);
    assert.equal((await get('/shared/medcom/oioxml/..%2FREADME.md')).status, 404);
    const docs = await get('/docs/hub-api.md');
    assert.equal(docs.status, 200);
    assert.match(docs.headers.get('content-type') ?? '', /^text\/plain/);
  });

  it('does not seed a hub again when it restarts on the same data', async () => {
    const again = await startDemoServer({
      port: 0,
      dataDir: join(dir, 'data-restart'),
      hubLog: () => undefined,
    });
    const runId = again.runId;
    await again.close();
    const restarted = await startDemoServer({ port: 0, dataDir: join(dir, 'data-restart'), hubLog: () => undefined });
    try {
      assert.equal(restarted.seeded, undefined);
      assert.equal(restarted.runId, runId);
      const response = await fetch(new URL('/hub/v1/mailbox?limit=500', restarted.url), {
        headers: { authorization: `Bearer ${DEMO_PARTIES.municipality.token}` },
      });
      const items = ((await response.json()) as { items: unknown[] }).items;
      assert.equal(items.length, LETTERS ? 24 : 23, 'the seeded mail, once');
    } finally {
      await restarted.close();
    }
  });
});
