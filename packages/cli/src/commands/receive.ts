// SPDX-License-Identifier: MIT
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundle } from '@medplum/fhirtypes';
import { isTransportError, redactCpr } from '@samspil/sdk';
import type { SqliteStore } from '@samspil/sdk/node';
import { Inbox, Outbox, type InboxHandler, type MailboxItem, type ReliableEvent } from '@samspil/sdk/transport';
import { EXIT, type Io } from '../io.js';
import { hubOptionsProblem, hubTransport, openStore, pause, storePath, summarise } from './party.js';

export const RECEIVE_USAGE = `Usage: samspil receive --hub URL --token T --out DIR [--store PATH] [--once] [--json]

Receives MedCom messages from the token's mailbox on the reference hub with MedCom reliable messaging: each
message is validated, recognised when it comes again, and answered with an acknowledgement (ok; fatal-error for
an invalid one). Each new valid message is written once, as FHIR JSON, to DIR/<MessageHeader.id>.json.
Acknowledgements and receipts of messages the party sent are recorded in its store, where samspil send finds
them, and acknowledgements the hub did not take at once are posted again.

Options:
  --hub URL      the hub, e.g. http://127.0.0.1:8470
  --token T      the receiving party's bearer token
  --out DIR      where delivered messages are written (created if missing)
  --store PATH   the SQLite store of the party's incoming and outgoing messages (default
                 .samspil/<GLN>.sqlite in the current folder, the GLN read from the mailbox's envelopes)
  --once         read until the mailbox is empty, then exit; otherwise read until SIGINT or SIGTERM, which
                 finish the message in hand first
  --json         print one line per message received: {"messageHeaderId", "delivered", "ackCode"}; delivered
                 is false for a duplicate, an invalid message or one that could not be written. Acknowledgements
                 and receipts get no line (without --json, acknowledgements get one)
  -h, --help     show this help

Problems (items that cannot be read, messages this party sent that failed) go to standard error.

Exit status: 0 done, 1 the mailbox could not be read (the token refused; with --once, any failure), 2 usage
error, or an output folder or store that cannot be opened.
`;

/**
 * How {@link receive} is stopped, and where it runs: for tests and embedding.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * const done = receive(['--hub', url, '--token', token, '--out', 'in'], io, { signal: stop.signal });
 * stop.abort();
 * await done;
 * ```
 */
export interface ReceiveCommandOptions {
  /** Stops reading when aborted (the message in hand is finished); without it, SIGTERM and SIGINT do. */
  readonly signal?: AbortSignal;
  /** The folder `--out`, `--store` and the default store are relative to: the current directory by default. */
  readonly cwd?: string;
}

interface Party {
  readonly store: SqliteStore;
  readonly outbox: Outbox;
  readonly inbox: Inbox;
}

/** A MessageHeader.id that is safe as a file name: a FHIR id, not starting with a dot. */
const FILE_ID = /^[A-Za-z0-9-][A-Za-z0-9.-]{0,63}$/;
/** How long a mailbox read waits for the first item when the mailbox is empty. */
const LONG_POLL_SECONDS = 20;
/** The wait before reading again after the hub could not be read. */
const RETRY_MS = 5000;

/**
 * Writes the message to `DIR/<id>.json` through a temporary file that is synced and renamed, so a crash leaves
 * the whole file or none; the folder is synced too, so the file outlasts a power cut once the sender has `ok`.
 */
async function writeMessage(dir: string, id: string, message: Bundle): Promise<void> {
  if (!FILE_ID.test(id)) throw new Error('The MessageHeader.id cannot name a file');
  const temp = join(dir, `.${id}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(`${JSON.stringify(message, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, join(dir, `${id}.json`));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or sync a folder; the rename is done all the same.
  }
}

/** Aborts `stop` when `signal` aborts or, without one, at the first SIGINT or SIGTERM; returns the undo. */
function stopOn(signal: AbortSignal | undefined, stop: AbortController): () => void {
  const abort = (): void => stop.abort();
  if (signal) {
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    return () => signal.removeEventListener('abort', abort);
  }
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return () => {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  };
}

/** Prints what the inbox and outbox report: message lines on stdout, problems on stderr. */
function reporter(io: Io, json: boolean, out: string): (event: ReliableEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'message': {
        const { messageHeaderId, outcome, code, senderGln } = event;
        if (json) {
          io.stdout(`${JSON.stringify({ messageHeaderId, delivered: outcome === 'handled', ackCode: code })}\n`);
          return;
        }
        const reason = redactCpr(event.reason ?? '');
        const what =
          outcome === 'handled'
            ? `delivered to ${join(out, `${messageHeaderId}.json`)}`
            : outcome === 'duplicate'
              ? 'a duplicate, not delivered again'
              : outcome === 'rejected'
                ? `not delivered: ${reason || 'invalid'}`
                : `not delivered: ${reason}; the sender will resend it`;
        io.stdout(`${messageHeaderId} from ${senderGln}: ${what} (answered ${code})\n`);
        return;
      }
      case 'state-change':
        // Only an acknowledgement moves a message to these states.
        if (!json && ['acknowledged', 'failed-transient', 'failed-fatal'].includes(event.to)) {
          io.stdout(`acknowledgement from ${event.receiverGln} for ${event.messageHeaderId}: ${event.to}\n`);
        }
        return;
      case 'acknowledgement-ignored':
        if (!json) {
          const { senderGln, messageHeaderId, reason } = event;
          io.stdout(`acknowledgement from ${senderGln ?? '?'} for ${messageHeaderId ?? '?'}: ignored (${reason})\n`);
        }
        return;
      case 'failed':
        io.stderr(
          `samspil receive: ${event.messageHeaderId} to ${event.receiverGln} ${event.state}: ${redactCpr(event.reason)}\n`,
        );
        return;
      case 'send-error':
        io.stderr(
          `samspil receive: the acknowledgement ${event.messageHeaderId} to ${event.receiverGln} is not sent yet ` +
            `(${redactCpr(event.error)}); it is posted again from ${event.retryAt}\n`,
        );
        return;
      case 'unreadable':
        io.stderr(`samspil receive: mailbox item ${event.itemId} (${event.what}): ${redactCpr(event.reason)}\n`);
        return;
      case 'receipt':
        return;
    }
  };
}

/** A final refusal (a token the hub does not know, say): reading again would be refused again. */
const isFinal = (error: unknown): boolean => isTransportError(error) && !error.retryable;

/**
 * `samspil receive --hub URL --token T --out DIR [--store PATH] [--once] [--json]`: reads the token's mailbox,
 * writes each new valid message to DIR and acknowledges every message, until the mailbox is empty (`--once`) or
 * SIGINT or SIGTERM (or `options.signal`).
 *
 * The party's GLN (the acknowledgements' sender and the default store's name) is the ReceiverID of the envelopes
 * in the mailbox: the hub files each envelope under it, so nothing is opened until the first item arrives.
 *
 * @param args - The arguments after `receive`.
 * @param io - Where output goes: a line per message on stdout, problems on stderr.
 * @param options - A stop signal and working folder instead of the process's.
 * @returns The exit status once reading has stopped.
 * @example
 * ```ts
 * process.exitCode = await receive(['--hub', url, '--token', token, '--out', 'inbox', '--once'], processIo);
 * ```
 */
export async function receive(args: string[], io: Io, options: ReceiveCommandOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      hub: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      store: { type: 'string' },
      once: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(RECEIVE_USAGE);
    return EXIT.ok;
  }
  const usage = (problem: string): number => {
    io.stderr(`samspil receive: ${problem}\n\n${RECEIVE_USAGE}`);
    return EXIT.usage;
  };
  const problem = hubOptionsProblem(values.hub, values.token);
  if (problem !== undefined || values.hub === undefined || values.token === undefined) return usage(problem ?? '');
  if (values.out === undefined) return usage('--out is required');
  if (positionals.length > 0) return usage(`unexpected ${positionals.join(' ')}`);
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, values.out);
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    io.stderr(`samspil receive: cannot create ${out}: ${redactCpr((error as Error).message)}\n`);
    return EXIT.usage;
  }

  const once = values.once ?? false;
  const report = reporter(io, values.json ?? false, out);
  const stop = new AbortController();
  const release = stopOn(options.signal, stop);
  const transport = hubTransport(values.hub, values.token, stop.signal);
  const handler: InboxHandler = (message, meta) => writeMessage(out, meta.messageHeaderId, message);
  let party: Party | undefined;
  let received = 0;

  /** Opens the store of the party the items are addressed to; undefined when no item says who that is. */
  const openParty = async (items: readonly MailboxItem[]): Promise<Party | undefined> => {
    const gln = items.map(summarise).find((summary) => summary.receiverGln !== undefined)?.receiverGln;
    if (gln === undefined) return undefined;
    const store = await openStore(storePath(gln, values.store, cwd));
    const outbox = new Outbox({ store, transport, self: gln, onEvent: report });
    const inbox = new Inbox({ store, transport, outbox, self: gln, handler, onEvent: report });
    return { store, outbox, inbox };
  };

  /** Drops items no envelope of which can be read, while the party is still unknown (the inbox would too). */
  const drop = async (items: readonly MailboxItem[]): Promise<void> => {
    for (const item of items) {
      await transport.confirm(item.id);
      io.stderr(`samspil receive: mailbox item ${item.id} (envelope): not a readable VANSEnvelope, dropped\n`);
    }
  };

  try {
    while (!stop.signal.aborted) {
      let items: readonly MailboxItem[];
      try {
        items = await transport.fetch({ limit: 100, ...(once ? {} : { waitSeconds: LONG_POLL_SECONDS }) });
      } catch (error) {
        if (stop.signal.aborted) break;
        io.stderr(`samspil receive: cannot read the mailbox: ${redactCpr(String(error))}\n`);
        if (once || isFinal(error)) return EXIT.invalid;
        await pause(RETRY_MS, stop.signal);
        continue;
      }
      try {
        if (items.length > 0 && party === undefined) {
          try {
            party = await openParty(items);
          } catch (error) {
            io.stderr(`samspil receive: cannot open the store: ${redactCpr((error as Error).message)}\n`);
            return EXIT.usage;
          }
          if (party === undefined) await drop(items);
        }
        for (const item of party === undefined ? [] : items) {
          // A stop lets the item in hand finish; the rest stay in the mailbox for the next run.
          if (stop.signal.aborted) break;
          const outcome = await party?.inbox.process(item);
          if (outcome !== 'receipt' && outcome !== 'acknowledgement') received++;
        }
        await party?.outbox.tick();
        await party?.inbox.prune();
      } catch (error) {
        // The item was not confirmed, so it comes again; a store or network failure may pass.
        io.stderr(`samspil receive: ${redactCpr(String(error))}\n`);
        if (once) return EXIT.invalid;
        await pause(RETRY_MS, stop.signal);
        continue;
      }
      if (once && items.length === 0) break;
    }
    if (once && received === 0 && !values.json) io.stderr('samspil receive: no messages\n');
    return EXIT.ok;
  } finally {
    release();
    await party?.store.close();
  }
}
