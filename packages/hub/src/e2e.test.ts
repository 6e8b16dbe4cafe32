// SPDX-License-Identifier: MIT
// The end-to-end acceptance test (issue 7): three parties exchange 1,000 CareCommunications over real HTTP on
// 127.0.0.1 through the real hub, run as a separate process by `samspil hub` with a 20% fault rate (503s, delays,
// dropped responses), each party with its own SQLite store, Outbox and Inbox over HubTransport. Mid-run the hub is
// killed with SIGKILL and started again on the same database file and port, and one receiver "crashes" inside its
// handler, after part of its work, and is restarted from its store file. Whatever happens, MedCom §3 holds: every
// valid message is handled exactly once and acknowledged, every invalid one is answered with fatal-error,
// duplicates are answered again with the same code and never handed over again, and no acknowledgement is ever
// acknowledged.
//
// Time: one ManualClock serves every party. Each round moves it a second; a round in which nothing moved moves it
// to the next time an outbox has work due, and the hub outage moves it past the 30-minute acknowledgement timeout,
// so the resend rule runs without anyone waiting.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Bundle, MessageHeader } from '@medplum/fhirtypes';
import { describeMessage, validateMessage } from '@samspil/sdk';
import { SqliteStore } from '@samspil/sdk/node';
import {
  HubTransport,
  Inbox,
  ManualClock,
  Outbox,
  type InboxHandler,
  type OutgoingRecord,
  type OutgoingState,
  type ReliableEvent,
  type Transport,
} from '@samspil/sdk/transport';
import { ADMIN_TOKEN, call, letter, MUNICIPALITY, PARTIES, type TestParty } from './hub.test-support.js';

const SHM = '/dev/shm';
const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const MESSAGES = 1000;
const INVALID_RATE = 0.04;
const FAULT_RATE = 0.2;
/** Shortened injected delays (the hub's default is 1–3 s), so 1,000 messages fit in well under a minute. */
const FAULT_DELAY = '5-50';
/** Messages planned per round, spread over the parties by sender. */
const PER_ROUND = 30;
const HUB_KILL_AT = Math.round(MESSAGES * 0.4);
const CRASH_AT = Math.round(MESSAGES * 0.6);
const MAX_ROUNDS = 600;
const ROUND_MS = 1000;
const MINUTE = 60_000;
const ACK_TIMEOUT_MS = 30 * MINUTE;
const ACTIVE: readonly OutgoingState[] = ['queued', 'sent', 'failed-transient'];

// The SQLite files (the hub's and the parties') go to memory-backed /dev/shm where there is one: a SIGKILL tests a
// process's death, which the page cache survives; fsync guards against power loss and here would only cost time
// (synchronous=FULL made it a quarter of the run on a 2-core machine).
const temp = tempDir(join(existsSync(SHM) ? SHM : tmpdir(), 'samspil-e2e-'));
/** The hub process running now, stopped after the test whatever happened. */
let hubChild: ChildProcess | undefined;
after(() => {
  if (hubChild?.exitCode === null && hubChild.signalCode === null) hubChild.kill('SIGKILL');
  temp.remove();
});

/** A new folder whose path starts with `prefix`, removed by the returned function. */
function tempDir(prefix: string): { readonly dir: string; readonly remove: () => void } {
  const dir = mkdtempSync(prefix);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A seeded pseudo-random source (mulberry32): the plan is the same on every run; the hub's faults are not. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const headerId = (bundle: Bundle): string => (bundle.entry?.[0]?.resource as MessageHeader).id ?? '';

/** `samspil hub` as a child process: its URL, the faults it logged, and how it ended. */
interface HubProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly exited: Promise<number | null>;
}

/** Every fault logged by every hub process, by mode. */
const faults = { fail: 0, delay: 0, drop: 0 };
let requests = 0;

/** Starts `samspil hub` the way a user would, reading the URL from its first line of standard output. */
function startHubProcess(port: number, db: string, partiesFile: string): Promise<HubProcess> {
  const args = ['hub', '--port', String(port), '--db', db, '--parties', partiesFile, '--admin-token', ADMIN_TOKEN];
  args.push('--fault-rate', String(FAULT_RATE), '--fault-delay-ms', FAULT_DELAY);
  const child = spawn(
    process.execPath,
    [
      '--conditions=@samspil/source',
      '--import',
      'tsx',
      '--input-type=module',
      '--eval',
      `const { main } = await import('samspil');
       process.exitCode = await main(${JSON.stringify(args)});`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  hubChild = child;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    let url: string | undefined;
    // Read every line: a full pipe would block the hub's log writes. The first line is the URL.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (url === undefined) {
        url = line;
        done({ url, port: Number(new URL(url).port), child, exited });
        return;
      }
      const logged = JSON.parse(line) as { event?: string; fault?: keyof typeof faults };
      if (logged.event === 'request') requests++;
      if (logged.fault !== undefined) faults[logged.fault]++;
    });
    void exited.then((code) => {
      if (url === undefined) fail(new Error(`samspil hub exited with ${code} before it listened: ${stderr}`));
    });
  });
}

/**
 * The hub's address, changeable: each party's transport asks for the HubTransport of the current URL, so a hub
 * that comes back on another port is reached without rebuilding the outboxes and inboxes.
 */
class HubLink {
  private readonly transports = new Map<string, { url: string; transport: HubTransport }>();

  constructor(public url: string) {}

  transport(who: TestParty): Transport {
    const current = (): HubTransport => {
      let entry = this.transports.get(who.gln);
      if (entry?.url !== this.url) {
        // Few, quick retries: what still fails is the outbox's and inbox's to handle (and the test's to see).
        const transport = new HubTransport({ url: this.url, token: who.token, retry: { limit: 2, maxDelayMs: 20 } });
        entry = { url: this.url, transport };
        this.transports.set(who.gln, entry);
      }
      return entry.transport;
    };
    return {
      send: (envelope) => current().send(envelope),
      fetch: (options) => current().fetch(options),
      confirm: (itemId) => current().confirm(itemId),
    };
  }
}

/** One planned message. */
interface Planned {
  readonly from: TestParty;
  readonly to: TestParty;
  readonly id: string;
  readonly valid: boolean;
  readonly bundle: Bundle;
}

const resourceOf = (bundle: Bundle, type: string) =>
  bundle.entry?.find((e) => e.resource?.resourceType === type)?.resource as unknown as Record<string, unknown>;
const CORRUPTIONS: readonly ((bundle: Bundle) => void)[] = [
  (bundle) => delete resourceOf(bundle, 'Communication').topic, // category 'other' needs a topic
  (bundle) => delete resourceOf(bundle, 'Patient').name,
  (bundle) => delete resourceOf(bundle, 'Communication').payload,
];

function plan(): Planned[] {
  const random = seeded(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: MESSAGES }, (_, n) => {
    const from = pick(PARTIES);
    const to = pick(PARTIES.filter((p) => p !== from));
    const bundle = letter(from, to, `Besked ${n + 1} fra ${from.name}`);
    const valid = random() >= INVALID_RATE;
    if (!valid) {
      // Built, then broken in one of three ways validation catches (and the VANS envelope can still carry).
      CORRUPTIONS[n % CORRUPTIONS.length]?.(bundle);
      assert.equal(validateMessage(bundle).ok, false, 'the corrupted message is invalid');
    }
    return { from, to, id: headerId(bundle), valid, bundle };
  });
}

/** What one party did in one round. */
interface Moves {
  sent: number;
  fetched: number;
  posted: number;
  errors: number;
}

describe('end to end: 1,000 messages through the real hub process, with faults, a hub restart and a crash', () => {
  const title = 'handles every valid message exactly once, rejects the invalid, never acknowledges an acknowledgement';
  it(title, { timeout: 5 * MINUTE }, async (t) => {
    const started = performance.now();
    const partiesFile = join(temp.dir, 'parties.json');
    writeFileSync(partiesFile, JSON.stringify(PARTIES.map(({ gln, name, token }) => ({ gln, name, token }))));
    const hubDb = join(temp.dir, 'hub.sqlite');
    let hub = await startHubProcess(0, hubDb, partiesFile);
    const link = new HubLink(hub.url);
    const clock = new ManualClock('2026-11-25T08:00:00Z');

    // What the application saw, kept outside the party objects so it survives their "crash": per receiver GLN
    // and MessageHeader.id, how often the handler began and how often it finished.
    const begun = new Map<string, number>();
    const handled = new Map<string, number>();
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    const events: ReliableEvent[] = [];
    let crashArmed = false;
    let crashes = 0;

    /** One party: a store file, and the Outbox and Inbox of its current "process". */
    class Party {
      store!: SqliteStore;
      outbox!: Outbox;
      inbox!: Inbox;
      /** Resolves when the current process dies inside its handler. */
      died: Promise<void> = new Promise(() => undefined);
      private die: () => void = () => undefined;
      readonly file: string;

      constructor(readonly who: TestParty) {
        this.file = join(temp.dir, `${who.gln}.sqlite`);
      }

      /** (Re)starts the party's process: opens the store from its file and builds a new Outbox and Inbox. */
      async start(): Promise<void> {
        this.store = await SqliteStore.open(this.file);
        this.died = new Promise((done) => (this.die = done));
        const transport = link.transport(this.who);
        const onEvent = (event: ReliableEvent) => events.push(event);
        // validate: false lets the deliberately invalid messages out, so the receivers meet them (KR6).
        this.outbox = new Outbox({ store: this.store, transport, self: this.who.gln, clock, validate: false, onEvent });
        const handler: InboxHandler = async (_message, meta) => {
          const key = `${this.who.gln}|${meta.messageHeaderId}`;
          bump(begun, key); // part of the work: the application started storing the letter
          if (crashArmed && this.who === MUNICIPALITY) {
            crashArmed = false;
            crashes++;
            this.die();
            return new Promise<never>(() => undefined); // the process is gone: nothing after this point runs
          }
          bump(handled, key);
        };
        this.inbox = new Inbox({
          store: this.store,
          transport,
          outbox: this.outbox,
          self: this.who.gln,
          handler,
          clock,
          onEvent,
        });
      }

      /** Sends its share of the round, polls once and ticks once; restarts when it dies in its handler. */
      async round(batch: readonly Planned[], onSent: () => void): Promise<Moves> {
        const moves: Moves = { sent: 0, fetched: 0, posted: 0, errors: 0 };
        for (const message of batch) {
          // Persisted first; a network failure leaves it queued for tick() (send throws only for store errors).
          const [record] = await this.outbox.send(message.bundle);
          if (record?.state !== 'sent') moves.errors++;
          moves.sent++;
          onSent();
        }
        const polled = await Promise.race([
          this.inbox.poll().then(
            (result) => ({ kind: 'polled' as const, fetched: result.fetched }),
            () => ({ kind: 'error' as const }),
          ),
          this.died.then(() => ({ kind: 'died' as const })),
        ]);
        if (polled.kind === 'died') {
          // Like a SIGKILLed process: the objects are dropped, the file is what survives.
          await this.store.close();
          await this.start();
          moves.errors++;
        } else if (polled.kind === 'error') {
          moves.errors++;
        } else {
          moves.fetched += polled.fetched;
        }
        try {
          const ticked = await this.outbox.tick();
          moves.posted += ticked.sent + ticked.resent;
          moves.errors += ticked.sendErrors;
        } catch {
          moves.errors++;
        }
        return moves;
      }

      /** Records still in play: messages awaiting a final answer, and answers not yet posted. */
      async pending(): Promise<OutgoingRecord[]> {
        const records = await this.store.listOutgoing({ states: ACTIVE });
        return records.filter((r) => !(r.isAcknowledgement && r.state === 'sent'));
      }
    }

    const planned = plan();
    const parties = PARTIES.map((who) => new Party(who));
    const partyOf = (who: TestParty) => parties.find((p) => p.who === who) as Party;
    for (const party of parties) await party.start();

    let sentCount = 0;
    let hubKilled = false;
    let hubRestarts = 0;
    let restartedOn = '';
    const onSent = () => {
      sentCount++;
      if (sentCount === HUB_KILL_AT) {
        // Mid-round, with requests of the other parties in flight.
        hub.child.kill('SIGKILL');
        hubKilled = true;
      }
      if (sentCount === CRASH_AT) crashArmed = true;
    };

    let next = 0;
    let rounds = 0;
    let quietJumps = 0;
    for (; rounds < MAX_ROUNDS; rounds++) {
      const slice = planned.slice(next, next + PER_ROUND);
      next += slice.length;
      const moves = await Promise.all(
        parties.map((party) =>
          party.round(
            slice.filter((m) => m.from === party.who),
            onSent,
          ),
        ),
      );
      clock.advance(ROUND_MS);

      if (hubKilled) {
        hubKilled = false;
        assert.equal(await hub.exited, null, 'killed by a signal');
        // One more round against the dead hub (connections refused), then it comes back on the same database
        // file and port, more than the acknowledgement timeout later: the outboxes resend what went unanswered.
        const refused = await Promise.all(parties.map((party) => party.round([], onSent)));
        assert.ok(
          refused.every((m) => m.errors > 0),
          'every party met the dead hub',
        );
        clock.advance(ACK_TIMEOUT_MS + MINUTE);
        const port = hub.port;
        hub = await startHubProcess(port, hubDb, partiesFile).catch(() => startHubProcess(0, hubDb, partiesFile));
        link.url = hub.url;
        restartedOn = hub.port === port ? 'the same port' : 'a new port';
        hubRestarts++;
        continue;
      }

      const moved = moves.some((m) => m.sent + m.fetched + m.posted + m.errors > 0);
      if (moved) continue;
      const pending = (await Promise.all(parties.map((p) => p.pending()))).flat();
      if (next >= planned.length && pending.length === 0) break;
      // Nothing moved: jump to the next time an outbox has work (a retry, or a resend for want of an answer).
      const due = pending.flatMap((r) => (r.dueAt === undefined ? [] : [Date.parse(r.dueAt)]));
      const soonest = Math.min(...due);
      if (Number.isFinite(soonest) && soonest > clock.now().getTime()) {
        clock.set(soonest);
        quietJumps++;
      }
    }
    assert.ok(rounds < MAX_ROUNDS, `settled within ${MAX_ROUNDS} rounds (${rounds})`);

    // The hub's view: every mailbox drained (faults off for the look).
    const faultsOff = await call(hub, ADMIN_TOKEN, 'POST', '/v1/admin/faults', '{"rate":0}');
    assert.equal(faultsOff.status, 200);
    for (const who of PARTIES) {
      const box = await call<{ items: unknown[] }>(hub, who.token, 'GET', '/v1/mailbox');
      assert.deepEqual(box.body.items, [], `${who.name}: mailbox empty`);
    }

    // Every valid message handled exactly once by its receiver, and acknowledged; every invalid one rejected.
    const valid = planned.filter((m) => m.valid);
    const invalid = planned.filter((m) => !m.valid);
    assert.ok(invalid.length > 0 && valid.length > 0);
    for (const m of planned) {
      const record = await partyOf(m.from).store.getOutgoing(`${m.id}|${m.to.gln}`);
      const incoming = await partyOf(m.to).store.getIncoming(m.id);
      const count = handled.get(`${m.to.gln}|${m.id}`) ?? 0;
      if (m.valid) {
        assert.equal(record?.state, 'acknowledged', `${m.id}: acknowledged (${record?.state}, ${record?.error})`);
        assert.equal(record?.acknowledgement?.code, 'ok');
        assert.equal(count, 1, `${m.id}: handled exactly once`);
        assert.equal(incoming?.state, 'handled');
        assert.equal(incoming?.ackCode, 'ok');
      } else {
        assert.equal(record?.state, 'failed-fatal', `${m.id}: rejected (${record?.state})`);
        assert.equal(record?.acknowledgement?.code, 'fatal-error');
        assert.equal(count, 0, `${m.id}: never handed over`);
        assert.equal(incoming?.state, 'rejected');
        assert.equal(incoming?.ackCode, 'fatal-error');
      }
      for (const other of PARTIES.filter((p) => p !== m.to)) {
        assert.equal(handled.get(`${other.gln}|${m.id}`), undefined, `${m.id}: only its receiver handled it`);
      }
    }
    assert.equal(
      [...handled.values()].reduce((a, b) => a + b, 0),
      valid.length,
      'the handlers finished nothing else',
    );

    // The crash: the handler began one message twice (once in the dead process), and finished it once.
    assert.equal(crashes, 1);
    const twice = [...begun].filter(([, n]) => n > 1);
    assert.equal(twice.length, 1, 'exactly one message was begun twice: the one the crash interrupted');
    assert.equal(handled.get(twice[0]?.[0] ?? ''), 1);

    // Duplicates (lost confirmations, resends after the outage) were answered again with the original code, and
    // never handed over again (checked above: handled once). Later copies of an answer changed nothing.
    const received = events.flatMap((e) => (e.type === 'message' ? [e] : []));
    const duplicates = received.filter((e) => e.outcome === 'duplicate');
    assert.ok(duplicates.length > 0, 'there were duplicates');
    const byId = new Map(planned.map((m) => [m.id, m]));
    for (const duplicate of duplicates) {
      const m = byId.get(duplicate.messageHeaderId);
      assert.ok(m, 'a duplicate of a planned message');
      assert.equal(duplicate.code, m.valid ? 'ok' : 'fatal-error', 'the same code as the first answer');
    }
    assert.equal(received.filter((e) => e.outcome === 'failed').length, 0, 'no handler error was answered');

    // No acknowledgement was acknowledged: nothing was ignored as an ack-of-ack or refused, and no stored answer
    // answers an answer.
    const ignored = events.flatMap((e) => (e.type === 'acknowledgement-ignored' ? [e] : []));
    const ignoredBy = (reason: string) => ignored.filter((e) => e.reason === reason).length;
    for (const reason of ['ack-of-ack', 'contradicting', 'unknown-message', 'unreadable']) {
      assert.equal(ignoredBy(reason), 0, `no acknowledgement ignored as ${reason}`);
    }
    const unreadable = events.filter((e) => e.type === 'unreadable');
    assert.deepEqual(unreadable, [], 'nothing unreadable, no acknowledgement refused');
    const records = (await Promise.all(parties.map((p) => p.store.listOutgoing()))).flat();
    const answers = records.filter((r) => r.isAcknowledgement);
    const answerIds = new Set(answers.map((r) => r.messageHeaderId));
    const answered = answers.map((answer) => {
      const description = describeMessage(JSON.parse(answer.message) as Bundle);
      return description.kind === 'acknowledgement' ? (description.details.acknowledgedMessageHeaderId ?? '') : '';
    });
    assert.ok(
      answered.every((id) => byId.has(id)),
      'every answer answers a planned message',
    );
    const ackOfAck = answered.filter((id) => answerIds.has(id)).length + ignoredBy('ack-of-ack');
    assert.equal(ackOfAck, 0, 'no answer answers an answer');
    assert.equal(answers.length, MESSAGES, 'one answer record per message received');
    // Each duplicate's answer went through the outbox as a new version of the first (a new Bundle.id); a copy
    // whose confirmation was lost is answered again too, so there may be more of those than duplicate events.
    const reanswers = answers.reduce((n, r) => n + r.sends - 1, 0);
    assert.ok(reanswers >= duplicates.length, `${reanswers} answers sent again for ${duplicates.length} duplicates`);

    const messagesOut = records.filter((r) => !r.isAcknowledgement);
    const resends = messagesOut.reduce((n, r) => n + r.sends - 1, 0);
    assert.ok(resends > 0, 'messages were resent');
    assert.equal(messagesOut.filter((r) => r.state === 'failed').length, 0, 'nothing needed a human');
    const faultCount = faults.fail + faults.delay + faults.drop;
    assert.ok(faultCount > 0, 'the hub injected faults');
    assert.equal(hubRestarts, 1);

    hub.child.kill('SIGTERM');
    assert.equal(await hub.exited, 0, 'the hub stopped gracefully');
    for (const party of parties) await party.store.close();

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const summary =
      `e2e: ${MESSAGES} messages, ${valid.length} valid handled exactly once, ${invalid.length} invalid → ` +
      `fatal-error, ${resends} resends, ${duplicates.length} duplicates re-acknowledged, ` +
      `${ignoredBy('duplicate')} repeated answers ignored, ${faultCount} hub faults ` +
      `(${faults.fail} fail, ${faults.delay} delay, ${faults.drop} drop, of ${requests} requests), ` +
      `${hubRestarts} hub restart (SIGKILL at ${HUB_KILL_AT} sent, back on ${restartedOn}), ${crashes} receiver ` +
      `crash (mid-handler at ${CRASH_AT} sent), ${ackOfAck} acknowledgements acknowledged; ` +
      `${rounds} rounds, ${quietJumps} clock jumps, ${seconds} s`;
    console.log(summary);
    t.diagnostic(summary);
  });
});
