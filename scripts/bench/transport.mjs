// SPDX-License-Identifier: MIT
// The transport part of `npm run bench`: sustained messages/s and send → acknowledged latency through the
// reference hub and the SDK on loopback, against the same client load on a bare Node http server, measured in the
// same run. Runs on the built packages, like the rest of the bench.
//
// Hub run: `samspil hub` (packages/cli/bin/samspil.js, a separate process) on a temporary SQLite file, no faults;
// two parties, each with its own SqliteStore file, Outbox and Inbox over HubTransport. The sender keeps
// `concurrency` CareCommunications in flight; a message's latency runs from `outbox.send()` to its record turning
// `acknowledged` (the receiver fetched, validated and handled it, and its acknowledgement came back).
// Echo run: the same envelopes, posted by the same client (HubTransport.send, same concurrency) to a separate
// process answering every POST with 200 once it has read the body.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ECHO_SERVER = `
import { createServer } from 'node:http';
const server = createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk) => (bytes += chunk.length));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ bytes }));
  });
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
process.once('SIGTERM', () => server.close());
`;

/** Spawns a server that prints its URL on its first stdout line; counts the JSON log lines that follow. */
function startServer(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const server = { child, exited, url: '', requests: 0 };
  return new Promise((done, fail) => {
    // Every line is read, so the server never blocks on a full pipe.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (server.url === '') {
        server.url = line;
        done(server);
      } else if (line.includes('"event":"request"')) {
        server.requests++;
      }
    });
    void exited.then((code) => {
      if (server.url === '') fail(new Error(`The server exited with ${code} before it listened: ${stderr}`));
    });
  });
}

async function stopServer(server) {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** The q-quantile (0–1) of ascending `sorted`, nearest rank. */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** Runs `count` jobs with `concurrency` in flight; returns the wall time and each job's latency, in ms. */
async function load(count, concurrency, job) {
  const latencies = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const begun = performance.now();
      await job(i);
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - start, latencies: latencies.sort((a, b) => a - b) };
}

function summary(messages, run, requests) {
  return {
    messages,
    perSecond: messages / (run.ms / 1000),
    p50: quantile(run.latencies, 0.5),
    p99: quantile(run.latencies, 0.99),
    requestsPerMessage: requests / messages,
  };
}

/**
 * Measures the hub + SDK path and the bare HTTP baseline.
 *
 * @param {{ root: string, messages?: number, warmup?: number, concurrency?: number }} options
 */
export async function measureTransport({ root, messages = 2000, warmup = 200, concurrency = 8 }) {
  const { buildCareCommunication } = await import('@samspil/sdk');
  const { EXAMPLE_PARTIES, EXAMPLE_PATIENTS } = await import('@samspil/sdk/examples');
  const { HubTransport, Inbox, Outbox, wrapVansEnvelope } = await import('@samspil/sdk/transport');
  const { SqliteStore } = await import('@samspil/sdk/node');

  const sender = { ...EXAMPLE_PARTIES.hospital, token: 'bench-token-hospital' };
  const receiver = { ...EXAMPLE_PARTIES.municipality, token: 'bench-token-municipality' };
  const org = ({ gln, name, sor }) => ({ gln, name, sor });
  const letters = (n) =>
    Array.from({ length: n }, (_, i) =>
      buildCareCommunication({
        sender: org(sender),
        receiver: org(receiver),
        patient: EXAMPLE_PATIENTS.bruno,
        category: 'other',
        topic: 'Opfølgning',
        texts: [
          {
            text: `Besked ${i + 1}: borgeren udskrives i morgen; hjemmeplejen bedes komme kl. 10.`,
            author: { family: 'Burns', given: ['Michael'], role: 'sygeplejerske' },
            phone: '38683868',
          },
        ],
      }),
    );

  const dir = mkdtempSync(join(tmpdir(), 'samspil-bench-'));
  try {
    // Hub + SDK.
    const partiesFile = join(dir, 'parties.json');
    writeFileSync(
      partiesFile,
      JSON.stringify([sender, receiver].map(({ gln, name, token }) => ({ gln, name, token }))),
    );
    const hub = await startServer([
      join(root, 'packages/cli/bin/samspil.js'),
      'hub',
      '--port',
      '0',
      '--db',
      join(dir, 'hub.sqlite'),
      '--parties',
      partiesFile,
    ]);
    const waiting = new Map();
    const side = async (who, handler) => {
      const store = await SqliteStore.open(join(dir, `${who.gln}.sqlite`));
      const transport = new HubTransport({ url: hub.url, token: who.token });
      const onEvent = (event) => {
        if (event.type === 'state-change' && event.to === 'acknowledged') waiting.get(event.key)?.();
      };
      const outbox = new Outbox({ store, transport, self: who.gln, onEvent });
      const inbox = new Inbox({ store, transport, outbox, self: who.gln, handler });
      let running = true;
      const polling = (async () => {
        while (running) {
          // Nothing fails without faults; should something, the next poll gets the items again.
          await inbox.poll({ waitSeconds: 1 }).catch(() => undefined);
        }
      })();
      return {
        outbox,
        stop: async () => {
          running = false;
          await polling;
          await store.close();
        },
      };
    };
    let handled = 0;
    const from = await side(sender, async () => undefined);
    const to = await side(receiver, async () => void handled++);
    const exchange = (bundles) => async (i) => {
      const bundle = bundles[i];
      const acknowledged = new Promise((done) => waiting.set(`${bundle.entry[0].resource.id}|${receiver.gln}`, done));
      await from.outbox.send(bundle);
      await acknowledged;
    };
    await load(warmup, concurrency, exchange(letters(warmup)));
    const bundles = letters(messages);
    const before = hub.requests;
    const hubRun = await load(messages, concurrency, exchange(bundles));
    const hubRequests = hub.requests - before;
    await from.stop();
    await to.stop();
    await stopServer(hub);
    if (handled !== warmup + messages) throw new Error(`${handled} messages handled, ${warmup + messages} sent`);

    // The bare HTTP baseline: the same envelopes, the same client and concurrency.
    const echo = await startServer(['--input-type=module', '--eval', ECHO_SERVER]);
    const client = new HubTransport({ url: echo.url, token: sender.token });
    const envelopes = (list) =>
      list.map((bundle) => wrapVansEnvelope(bundle, { sender: sender.gln, receiver: receiver.gln }));
    const warm = envelopes(letters(warmup));
    await load(warmup, concurrency, (i) => client.send(warm[i]));
    const posts = envelopes(bundles);
    const echoRun = await load(messages, concurrency, (i) => client.send(posts[i]));
    await stopServer(echo);

    return {
      concurrency,
      envelopeBytes: Math.round(posts.reduce((n, p) => n + Buffer.byteLength(p), 0) / posts.length),
      hub: summary(messages, hubRun, hubRequests),
      echo: summary(messages, echoRun, messages),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `text` broken into lines of at most `width` characters, at spaces. */
function wrap(text, width = 118) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

/** The report section for docs/performance.md. */
export function transportLines(result) {
  const { hub, echo, concurrency, envelopeBytes } = result;
  const ms = (n) => `${n.toFixed(1)} ms`;
  const row = (label, r, requests) =>
    `| ${label} | ${r.messages} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${requests} |`;
  return [
    '## Transport throughput',
    '',
    ...wrap(
      `${hub.messages} CareCommunications (VANSEnvelopes of about ${(envelopeBytes / 1024).toFixed(1)} KB) from one ` +
        `party to another on loopback, ${concurrency} in flight, after a warm-up. **Hub + SDK**: \`samspil hub\` as a ` +
        'separate process on a temporary SQLite file, no injected faults; each party with its own `SqliteStore` ' +
        'file, `Outbox` and `Inbox` over `HubTransport`, both polling their mailbox. Latency runs from ' +
        '`outbox.send()` until the sender’s record is `acknowledged`: the receiver fetched, validated and handled the ' +
        'message, and its acknowledgement came back. Every step is durable (SQLite `synchronous=FULL` in the stores ' +
        'and the hub). **Baseline**: the same envelopes posted by the same client (`HubTransport.send`, same ' +
        'concurrency) to a bare Node `http` server in its own process that answers 200 once it has read the body.',
    ),
    '',
    '| path | messages | messages/s | p50 latency | p99 latency | HTTP requests per message |',
    '| --- | --- | --- | --- | --- | --- |',
    row('hub + SDK (send → acknowledged)', hub, hub.requestsPerMessage.toFixed(1)),
    row('bare HTTP server (POST → 200)', echo, '1'),
    '',
    ...wrap(
      `Hub + SDK sustains ${(hub.perSecond / echo.perSecond).toFixed(3)}× the bare server's rate ` +
        `(${(echo.perSecond / hub.perSecond).toFixed(1)}× fewer messages/s) at ${(hub.p50 / echo.p50).toFixed(1)}× ` +
        'its p50 latency. One message is a full MedCom round trip, not one POST: the envelope’s post, the ' +
        'receiver’s mailbox read and confirmation, its acknowledgement (posted, read and confirmed by the sender) and ' +
        'the hub’s receipts for both, each committed to SQLite on the way. Each inbox works through its mailbox one ' +
        'item at a time, in order, so the rate is bound by the cost of one item (validation, SQLite commits, the ' +
        'acknowledgement’s post, the confirmation), not by the number in flight: more in flight only queues longer.',
    ),
    '',
    ...wrap(
      'The end-to-end acceptance test (`packages/hub/src/e2e.test.ts`, part of `npm run test:unit`) runs 1,000 ' +
        'messages among three parties through the same path with 20% injected faults, a hub killed and restarted ' +
        'and a receiver crash, and prints its counts.',
    ),
    '',
  ];
}
