// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { Bundle, MessageHeader } from '@medplum/fhirtypes';
import { startHub, type Hub } from '@samspil/hub';
import { serializeFhirXml } from '@samspil/sdk';
import { EXAMPLE_PARTIES, exampleMessages } from '@samspil/sdk/examples';
import { HubTransport, ManualClock, wrapVansEnvelope } from '@samspil/sdk/transport';
// The SDK's own fixture for the one MedCom standard whose profile admits cc receivers (the empty message).
import { emptyMessage } from '../../sdk/src/transport/reliable/reliable.test-support.js';
import { receive } from './commands/receive.js';
import { send } from './commands/send.js';
import type { Io } from './io.js';
import { runCli as run } from './test-support.js';

const { hospital, municipality, gp } = EXAMPLE_PARTIES;
const TOKENS = { hospital: 'token-hospital', municipality: 'token-municipality', gp: 'token-gp' } as const;
const CPR = /2509479989|250947-9989|1509819996|2311143995/;

const root = mkdtempSync(join(tmpdir(), 'samspil-send-receive-'));
after(() => rmSync(root, { recursive: true, force: true }));

const example = (name: string): Bundle => {
  const found = exampleMessages().find((m) => m.name === name);
  assert.ok(found, name);
  return found.bundle;
};
const headerId = (bundle: Bundle): string => (bundle.entry?.[0]?.resource as MessageHeader).id ?? '';
const lines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let hub: Hub;
let work: string;
const running: AbortController[] = [];
beforeEach(async () => {
  work = mkdtempSync(join(root, 'work-'));
  const parties = (['hospital', 'municipality', 'gp'] as const).map((role) => ({
    gln: EXAMPLE_PARTIES[role].gln,
    name: EXAMPLE_PARTIES[role].name,
    token: TOKENS[role],
  }));
  hub = await startHub({ port: 0, db: ':memory:', parties, log: () => undefined });
});
afterEach(async () => {
  // Receivers a failed test left running would retry a closed hub for ever.
  for (const stop of running.splice(0)) stop.abort();
  await hub.close();
});

/** Writes a message to a file in the test's folder. */
function file(name: string, bundle: Bundle, format: 'json' | 'xml' = 'json'): string {
  const path = join(work, `${name}.${format}`);
  writeFileSync(path, format === 'json' ? JSON.stringify(bundle, null, 2) : serializeFhirXml(bundle));
  return path;
}

/** `samspil send` with the hub and a party's token (and a store in the test's folder unless given). */
function sendAs(role: keyof typeof TOKENS, ...args: string[]) {
  const store = args.includes('--store') ? [] : ['--store', join(work, `${role}-send.sqlite`)];
  return run('send', '--hub', hub.url, '--token', TOKENS[role], ...store, ...args);
}

/** `samspil receive` in-process, its store in the test's folder; `stop()` ends it and resolves to what it did. */
function receiving(role: keyof typeof TOKENS, out: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const stop = new AbortController();
  running.push(stop);
  const code = receive(['--hub', hub.url, '--token', TOKENS[role], '--out', out, ...args], io, {
    signal: stop.signal,
    cwd: join(work, role),
  });
  return {
    stdout: () => stdout,
    done: async () => ({ code: await code, stdout, stderr }),
    stop: async () => {
      stop.abort();
      return { code: await code, stdout, stderr };
    },
  };
}

/** `samspil receive --once`. */
const receiveOnce = (role: keyof typeof TOKENS, out: string, ...args: string[]) =>
  receiving(role, out, '--once', ...args).done();

describe('samspil send and receive: usage', () => {
  it('print their usage with --help, and are listed by samspil --help', async () => {
    assert.match((await run('send', '--help')).stdout, /^Usage: samspil send --hub URL --token T/);
    assert.match((await run('receive', '-h')).stdout, /^Usage: samspil receive --hub URL --token T --out DIR/);
    const { stdout } = await run('--help');
    assert.match(stdout, /\n {2}send --hub URL --token T FILE\.\.\. {8}send/);
    assert.match(stdout, /\n {2}receive --hub URL --token T --out DIR {3}receive/);
  });

  it('refuse missing or malformed options with exit 2, never echoing the token', async () => {
    const hubUrl = hub.url;
    for (const args of [
      ['send', 'x.json'],
      ['send', '--hub', hubUrl, 'x.json'],
      ['send', '--hub', 'not a url', '--token', 'secret-t', 'x.json'],
      ['send', '--hub', 'ftp://127.0.0.1', '--token', 'secret-t', 'x.json'],
      ['send', '--hub', hubUrl, '--token', 'secret-t'],
      ['send', '--hub', hubUrl, '--token', 'secret-t', '--wait', 'soon', 'x.json'],
      ['send', '--hub', hubUrl, '--token', 'secret-t', '--nope', 'x.json'],
      ['receive', '--hub', hubUrl, '--token', 'secret-t'],
      ['receive', '--hub', hubUrl, '--token', 'secret-t', '--out', work, 'extra'],
      ['receive', '--token', 'secret-t', '--out', work],
    ]) {
      const { code, stderr } = await run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^samspil/);
      assert.ok(!stderr.includes('secret-t'), args.join(' '));
    }
  });

  it('send exits 2 for a file it cannot read', async () => {
    const { code, stderr } = await sendAs('hospital', join(work, 'missing.json'));
    assert.equal(code, 2);
    assert.match(stderr, /cannot read .*missing\.json/);
  });
});

describe('samspil send and receive through a hub', () => {
  it('delivers a CareCommunication once and reports it acknowledged; a second send is a duplicate', async () => {
    const letter = example('care-communication-thread-1-new');
    const id = headerId(letter);
    const path = file('letter', letter);
    const out = join(work, 'in');

    const receiver = receiving('municipality', out, '--json');
    const sent = await sendAs('hospital', '--wait', '10', '--json', path);
    assert.equal(sent.code, 0, sent.stderr);
    assert.deepEqual(lines(sent.stdout), [
      {
        file: path,
        receiver: municipality.gln,
        messageHeaderId: id,
        state: 'acknowledged',
        ackCode: 'ok',
        error: null,
      },
    ]);
    const stopping = Date.now();
    const received = await receiver.stop();
    assert.ok(Date.now() - stopping < 2000, 'a stop ends the long poll at once');
    assert.equal(received.code, 0, received.stderr);
    assert.deepEqual(lines(received.stdout), [{ messageHeaderId: id, delivered: true, ackCode: 'ok' }]);
    assert.deepEqual(readdirSync(out), [`${id}.json`], 'one file, and no temporary file left');
    const written = join(out, `${id}.json`);
    assert.deepEqual(JSON.parse(readFileSync(written, 'utf8')), letter);
    const before = statSync(written);

    // The same file from the same store: its record is acknowledged already, so nothing is sent again.
    const again = await sendAs('hospital', '--json', path);
    assert.equal(again.code, 0);
    assert.equal(lines(again.stdout)[0]?.['state'], 'acknowledged');
    const nothing = await receiveOnce('municipality', out, '--json');
    assert.deepEqual(nothing, { code: 0, stdout: '', stderr: '' });

    // The same file from another store (another system, or a lost store): the receiver knows the message.
    const receiver2 = receiving('municipality', out, '--json');
    const resent = await sendAs('hospital', '--store', join(work, 'other.sqlite'), '--wait', '10', '--json', path);
    assert.equal(resent.code, 0, resent.stderr);
    assert.equal(lines(resent.stdout)[0]?.['state'], 'acknowledged');
    assert.equal(lines(resent.stdout)[0]?.['ackCode'], 'ok');
    const duplicate = await receiver2.stop();
    assert.deepEqual(lines(duplicate.stdout), [{ messageHeaderId: id, delivered: false, ackCode: 'ok' }]);
    const after = statSync(written);
    assert.equal(after.ino, before.ino, 'the file was not written again');
    assert.equal(after.mtimeMs, before.mtimeMs);
    assert.deepEqual(readdirSync(out), [`${id}.json`]);
  });

  it('does not send an invalid file (exit 1) but sends the valid ones beside it', async () => {
    const letter = example('care-communication-thread-1-new');
    const broken = structuredClone(letter);
    (broken.entry?.[0]?.resource as MessageHeader).eventCoding = { code: 'no-such-event' };
    const bad = file('broken', broken);
    const junk = join(work, 'junk.json');
    writeFileSync(junk, '{"resourceType": "Patient"}');
    const good = file('letter', letter);

    const result = await sendAs('hospital', bad, junk, good);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /broken\.json: invalid \(\d+ errors?\), not sent/);
    assert.match(result.stdout, /broken\.json: not sent/);
    assert.match(result.stdout, /junk\.json: not sent/);
    assert.match(result.stdout, /letter\.json → 5790000130023: sent, the hub took it/);
    assert.doesNotMatch(result.stdout + result.stderr, CPR);

    const json = await sendAs('hospital', '--json', bad);
    assert.equal(json.code, 1);
    const [row] = lines(json.stdout);
    assert.equal(row?.['state'], 'invalid');
    assert.equal(row?.['receiver'], null);
    assert.equal(row?.['ackCode'], null);
    assert.match(String(row?.['error']), /validation error/);

    const out = join(work, 'in');
    const received = await receiveOnce('municipality', out, '--json');
    assert.deepEqual(lines(received.stdout), [{ messageHeaderId: headerId(letter), delivered: true, ackCode: 'ok' }]);
  });

  it('fails the message when the token is another party’s: the hub refuses it (403), exit 1', async () => {
    const path = file('letter', example('care-communication-thread-1-new'));
    const started = Date.now();
    const result = await sendAs('municipality', '--wait', '5', '--json', path);
    assert.equal(result.code, 1);
    assert.ok(Date.now() - started < 4000, 'a failed message is not waited for');
    const [row] = lines(result.stdout);
    assert.equal(row?.['state'], 'failed');
    assert.match(String(row?.['error']), /refused.*SenderID must be the GLN of the party whose token is used/);

    const human = await sendAs('municipality', '--store', join(work, 'human.sqlite'), path);
    assert.equal(human.code, 1);
    assert.match(human.stdout, /letter\.json → 5790000130023: failed: The network refused the message/);
    assert.ok(!human.stdout.includes(TOKENS.municipality));
  });

  it('sends a HospitalNotification in XML, receive --once delivers it as JSON, send --wait then finds the ack', async () => {
    const notification = example('hospital-notification-a-01-admit-inpatient');
    const id = headerId(notification);
    const path = file('notification', notification, 'xml');
    const out = join(work, 'in');

    // The default store: .samspil/<sender GLN>.sqlite under the working folder.
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
    const args = ['--hub', hub.url, '--token', TOKENS.hospital, path];
    assert.equal(await send(args, io, { cwd: work }), 0, stderr);
    assert.match(stdout, /notification\.xml → 5790000130023: sent, the hub took it/);
    assert.ok(existsSync(join(work, '.samspil', `${hospital.gln}.sqlite`)));

    const received = await receiveOnce('municipality', out);
    assert.equal(received.code, 0, received.stderr);
    assert.match(
      received.stdout,
      new RegExp(`^${id} from ${hospital.gln}: delivered to .*${id}\\.json \\(answered ok\\)`),
    );
    assert.ok(existsSync(join(work, 'municipality', '.samspil', `${municipality.gln}.sqlite`)));
    assert.deepEqual(JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')), notification);

    stdout = '';
    assert.equal(await send(['--wait', '5', ...args], io, { cwd: work }), 0, stderr);
    assert.match(stdout, /notification\.xml → 5790000130023: acknowledged \(ok\)/);
    assert.doesNotMatch(stdout + stderr + received.stdout + received.stderr, CPR);
  });

  it('sends an acknowledgement once and does not wait for one; the receiver applies it without a line', async () => {
    const ack = example('acknowledgement-ok'); // From the municipality to the hospital.
    const path = file('ack', ack);
    const started = Date.now();
    const result = await sendAs('municipality', '--wait', '5', '--json', path);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(Date.now() - started < 4000, 'nobody acknowledges an acknowledgement');
    assert.deepEqual(lines(result.stdout), [
      {
        file: path,
        receiver: hospital.gln,
        messageHeaderId: headerId(ack),
        state: 'sent',
        ackCode: null,
        error: null,
      },
    ]);

    const out = join(work, 'in');
    const json = await receiveOnce('hospital', out, '--json');
    assert.deepEqual(json, { code: 0, stdout: '', stderr: '' }, 'no line for an acknowledgement');
    assert.deepEqual(readdirSync(out), []);

    await sendAs('municipality', '--store', join(work, 'again.sqlite'), path);
    const human = await receiveOnce('hospital', out);
    assert.match(human.stdout, /^acknowledgement from 5790000130023 for [\w-]+: ignored \(unknown-message\)\n$/);
    assert.equal((await receiveOnce('hospital', out)).stderr, 'samspil receive: no messages\n');
  });

  it('reports a message with a cc receiver on one line per receiver', async () => {
    // The empty message is the one standard that admits cc receivers, and VANS has no statistical code for it,
    // so no envelope can carry it: each receiver's record fails, and each gets its line.
    const w = { clock: new ManualClock(new Date()), newId: Object.assign(() => randomUUID(), { count: () => 0 }) };
    const message = emptyMessage(hospital, municipality, [gp], w);
    const result = await sendAs('hospital', '--wait', '5', '--json', file('empty', message));
    assert.equal(result.code, 1);
    assert.deepEqual(
      lines(result.stdout).map((row) => [row['receiver'], row['messageHeaderId'], row['state'], row['ackCode']]),
      [
        [municipality.gln, headerId(message), 'failed', null],
        [gp.gln, headerId(message), 'failed', null],
      ],
    );
    assert.match(String(lines(result.stdout)[0]?.['error']), /no VANS statistical code/);
  });

  it('leaves other messages in the mailbox for receive while send --wait reads acknowledgements', async () => {
    // The municipality has a letter waiting when it sends its own message and waits for the answer.
    const letter = example('care-communication-thread-1-new');
    await sendAs('hospital', file('letter', letter));
    const reply = example('care-communication-thread-2-reply'); // From the municipality to the hospital.
    const hospitalIn = join(work, 'hospital-in');
    const hospitalReceiver = receiving('hospital', hospitalIn, '--json');
    const result = await sendAs('municipality', '--wait', '10', '--json', file('reply', reply));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lines(result.stdout)[0]?.['state'], 'acknowledged');
    await hospitalReceiver.stop();

    const out = join(work, 'in');
    const received = await receiveOnce(
      'municipality',
      out,
      '--json',
      '--store',
      join(work, 'municipality-send.sqlite'),
    );
    assert.deepEqual(lines(received.stdout), [{ messageHeaderId: headerId(letter), delivered: true, ackCode: 'ok' }]);
  });

  it('answers an invalid message with fatal-error and delivers nothing', async () => {
    const broken = structuredClone(example('care-communication-thread-1-new'));
    delete broken.timestamp;
    const transport = new HubTransport({ url: hub.url, token: TOKENS.hospital });
    await transport.send(wrapVansEnvelope(broken, { sender: hospital.gln, receiver: municipality.gln }));

    const out = join(work, 'in');
    const received = await receiveOnce('municipality', out, '--json');
    assert.equal(received.code, 0, received.stderr);
    assert.deepEqual(lines(received.stdout), [
      { messageHeaderId: headerId(broken), delivered: false, ackCode: 'fatal-error' },
    ]);
    assert.deepEqual(readdirSync(out), []);
    // The hospital's mailbox holds the fatal-error acknowledgement.
    const [item] = await transport.fetch();
    assert.match(item?.envelope ?? '', /fatal-error/);
  });

  it('keeps a message the hub did not take queued in the store, exit 1', async () => {
    const letter = example('care-communication-thread-1-new');
    const path = file('letter', letter);
    const down = await startHub({ port: 0, db: ':memory:', parties: [], log: () => undefined }).catch(() => undefined);
    // No hub listens on a closed hub's port.
    const url = down?.url ?? 'http://127.0.0.1:9';
    await down?.close();
    const store = join(work, 'queued.sqlite');
    const result = await run('send', '--hub', url, '--token', TOKENS.hospital, '--store', store, '--json', path);
    assert.equal(result.code, 1);
    const [row] = lines(result.stdout);
    assert.equal(row?.['state'], 'queued');
    assert.match(String(row?.['error']), /NetworkError/);
    assert.ok(!JSON.stringify(row).includes(TOKENS.hospital));
  });

  it('receive exits 1 for a token the hub does not know, and 0 with "no messages" for an empty mailbox', async () => {
    const out = join(work, 'in');
    mkdirSync(out, { recursive: true });
    const refused = await run('receive', '--hub', hub.url, '--token', 'secret-unknown', '--out', out, '--once');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /cannot read the mailbox/);
    assert.ok(!refused.stderr.includes('secret-unknown'));

    const looping = receiving('gp', out);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = await looping.stop();
    assert.deepEqual(stopped, { code: 0, stdout: '', stderr: '' });
    assert.ok(!existsSync(join(work, 'gp', '.samspil')), 'nothing is opened before the first item');
  });
});
