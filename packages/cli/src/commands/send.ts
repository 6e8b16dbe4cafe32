// SPDX-License-Identifier: MIT
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Bundle } from '@medplum/fhirtypes';
import {
  describeMessage,
  isRuleError,
  isValidationError,
  redactCpr,
  validateMessage,
  type ValidationResult,
} from '@samspil/sdk';
import type { SqliteStore } from '@samspil/sdk/node';
import { Inbox, Outbox, type HubTransport, type MailboxItem, type OutgoingRecord } from '@samspil/sdk/transport';
import { EXIT, type Io } from '../io.js';
import {
  bundleFromText,
  GLN,
  hubOptionsProblem,
  hubTransport,
  openStore,
  pause,
  storePath,
  summarise,
} from './party.js';

export const SEND_USAGE = `Usage: samspil send --hub URL --token T [--store PATH] [--wait SECONDS] [--json] FILE...

Sends MedCom FHIR messages (JSON or XML) through the reference hub with MedCom reliable messaging. Each file is
validated (an invalid one is reported and not sent), recorded in the sender's store, and sent in one envelope to
its primary receiver and one to each cc receiver. The sender is the message's MessageHeader.sender: its GLN
must be the token's party's, or the hub refuses the envelope (403) and the message fails.

Options:
  --hub URL        the hub, e.g. http://127.0.0.1:8470
  --token T        the sending party's bearer token
  --store PATH     the SQLite store of the party's outgoing and incoming messages
                   (default .samspil/<sender GLN>.sqlite in the current folder)
  --wait SECONDS   wait up to SECONDS for the acknowledgements, reading the party's mailbox for acknowledgements
                   and receipts only: other messages stay there for samspil receive
  --json           print one line per message and receiver:
                   {"file", "receiver", "messageHeaderId", "state", "ackCode", "error"}
  -h, --help       show this help

States: queued (the hub did not take it yet), sent (the hub took it), acknowledged (ok), failed-transient,
failed-fatal (the receiver answered transient-error, fatal-error), failed (the hub refused it for good), and
invalid (not sent). A message the store has sent before is not sent again: its recorded state is reported,
and waited for with --wait. An acknowledgement is sent once and never waited for: nobody acknowledges one.

Exit status: 0 every message acknowledged ok (without --wait: taken by the hub), 1 any invalid, failed or not
acknowledged in time, 2 usage error, or an unreadable file or store.
`;

/**
 * Where {@link send} runs: for tests and embedding.
 *
 * @example
 * ```ts
 * await send(['--hub', url, '--token', token, 'letter.json'], io, { cwd: '/tmp/work' });
 * ```
 */
export interface SendCommandOptions {
  /** The folder the default store goes in: the current directory by default. */
  readonly cwd?: string;
}

/** One line of the report: a message to one receiver, or a file that was not sent. */
interface Row {
  readonly file: string;
  readonly receiver: string | null;
  readonly messageHeaderId: string | null;
  readonly state: OutgoingRecord['state'] | 'invalid';
  readonly ackCode: 'ok' | 'transient-error' | 'fatal-error' | null;
  readonly error: string | null;
}

/** A valid message, read from its file. */
interface Ready {
  readonly file: string;
  readonly bundle: Bundle;
  readonly sender: string;
}

/** One sender's outbox and inbox on its store. */
interface Party {
  readonly gln: string;
  readonly store: SqliteStore;
  readonly outbox: Outbox;
  readonly inbox: Inbox;
}

type Entry = { readonly row: Row } | { readonly file: string; readonly party: Party; readonly keys: readonly string[] };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function printIssues(file: string, result: ValidationResult, io: Io): void {
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  io.stderr(`samspil send: ${file}: invalid (${plural(errors.length, 'error')}), not sent\n`);
  for (const issue of errors) {
    io.stderr(`  ${issue.path}: ${redactCpr(issue.message)}${issue.rule ? ` [${issue.rule}]` : ''}\n`);
  }
}

/** The message in a file, or the row saying why it is not sent. */
function prepare(file: string, bytes: Uint8Array, io: Io, json: boolean): Ready | Row {
  const result = validateMessage(bytes);
  const invalid = (error: string): Row => ({
    file,
    receiver: null,
    messageHeaderId: result.messageHeaderId ?? null,
    state: 'invalid',
    ackCode: null,
    error,
  });
  if (!result.ok) {
    if (!json) printIssues(file, result, io);
    return invalid(`${plural(result.issues.filter((i) => i.severity === 'error').length, 'validation error')}`);
  }
  const bundle = bundleFromText(new TextDecoder().decode(bytes));
  let sender: string | undefined;
  try {
    sender = bundle && describeMessage(bundle).sender?.gln;
  } catch {
    sender = undefined;
  }
  if (bundle === undefined) return invalid('not a FHIR Bundle');
  if (sender === undefined || !GLN.test(sender)) return invalid('the sender has no GLN');
  return { file, bundle, sender };
}

/** How often the mailbox is read again while only messages for `receive` wait in it (no long poll then). */
const SKIPPED_PAUSE_MS = 500;

const PENDING: readonly OutgoingRecord['state'][] = ['queued', 'sent'];
const isPending = (record: OutgoingRecord | undefined): boolean =>
  record !== undefined && !record.isAcknowledgement && PENDING.includes(record.state);

/**
 * Reads the token's mailbox for acknowledgements and receipts, and ticks the outbox (retries, resends), until no
 * message of this run awaits an acknowledgement or `seconds` have passed. Other messages are left unconfirmed for
 * `samspil receive`. The mailbox is the token's party's: its envelopes' ReceiverID says which, so an outbox takes
 * only what is addressed to its own GLN, and waiting stops when the mailbox is another party's.
 */
async function awaitAcknowledgements(
  entries: readonly Entry[],
  parties: ReadonlyMap<string, Party>,
  transport: HubTransport,
  seconds: number,
  io: Io,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  const waiting = entries.flatMap((entry) => ('keys' in entry ? entry.keys.map((key) => ({ key, entry })) : []));
  let reported = false;
  for (let first = true; ; first = false) {
    const records = await Promise.all(waiting.map(({ key, entry }) => entry.party.store.getOutgoing(key)));
    const senders = new Set(waiting.filter((_, i) => isPending(records[i])).map(({ entry }) => entry.party));
    if (senders.size === 0) return;
    const remaining = deadline - Date.now();
    if (!first && remaining <= 0) return;
    // Posts again what the hub did not take, once its retry is due (and resends, should the wait be that long).
    for (const party of senders) await party.outbox.tick();
    let items: readonly MailboxItem[];
    let taken = 0;
    try {
      items = await transport.fetch({ limit: 500, waitSeconds: Math.min(5, Math.max(0, remaining / 1000)) });
      for (const item of items) {
        const { kind, receiverGln } = summarise(item);
        if (receiverGln === undefined) continue;
        const party = parties.get(receiverGln);
        if (party === undefined) {
          io.stderr(`samspil send: not waiting: the token's mailbox is not the sender's\n`);
          return;
        }
        if (kind !== 'acknowledgement' && kind !== 'receipt') continue;
        await party.inbox.process(item);
        taken++;
      }
    } catch (error) {
      // The hub or the store failed; an item not confirmed comes again on the next read.
      if (!reported) io.stderr(`samspil send: cannot read the mailbox yet: ${redactCpr(String(error))}\n`);
      reported = true;
      await pause(Math.min(1000, Math.max(0, deadline - Date.now())));
      continue;
    }
    // The hub answers a mailbox read at once while anything waits in it, also what is left for `receive`.
    if (taken < items.length) await pause(Math.min(SKIPPED_PAUSE_MS, Math.max(0, deadline - Date.now())));
  }
}

function rowOf(file: string, record: OutgoingRecord): Row {
  const ack = record.acknowledgement;
  const issues = ack && ack.code !== 'ok' && ack.issues.length > 0 ? ack.issues.join('; ') : undefined;
  const error = record.error ?? issues;
  return {
    file,
    receiver: record.receiverGln,
    messageHeaderId: record.messageHeaderId,
    state: record.state,
    ackCode: ack?.code ?? null,
    error: error === undefined ? null : redactCpr(error),
  };
}

function succeeded(record: OutgoingRecord | undefined, waited: boolean): boolean {
  if (record === undefined) return false;
  if (record.isAcknowledgement) return record.state === 'sent';
  return record.state === 'acknowledged' || (!waited && record.state === 'sent');
}

function human(row: Row, record: OutgoingRecord | undefined, waited: boolean): string {
  const error = row.error === null ? '' : `: ${row.error}`;
  if (row.state === 'invalid') return `${row.file}: not sent, ${row.error ?? 'invalid'}`;
  let what: string;
  if (row.state === 'sent') {
    what = record?.isAcknowledgement
      ? 'sent (an acknowledgement, which is not acknowledged)'
      : waited
        ? 'sent, no acknowledgement yet'
        : 'sent, the hub took it';
  } else if (row.state === 'queued') {
    what = `queued, the hub did not take it yet${error}`;
  } else {
    what = `${row.state}${row.ackCode === null ? '' : ` (${row.ackCode})`}${error}`;
  }
  return `${row.file} → ${row.receiver ?? '?'}: ${what}`;
}

/**
 * `samspil send --hub URL --token T [--store PATH] [--wait SECONDS] [--json] FILE...`: validates each file and
 * sends the valid ones reliably through the hub, optionally waiting for their acknowledgements.
 *
 * @param args - The arguments after `send`.
 * @param io - Where output goes: one line per message and receiver on stdout, problems on stderr.
 * @param options - The working folder instead of the process's.
 * @returns The exit status: 0 all sent (and, with `--wait`, acknowledged ok), 1 not, 2 usage.
 * @example
 * ```ts
 * process.exitCode = await send(['--hub', url, '--token', token, '--wait', '60', 'letter.json'], processIo);
 * ```
 */
export async function send(args: string[], io: Io, options: SendCommandOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      hub: { type: 'string' },
      token: { type: 'string' },
      store: { type: 'string' },
      wait: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(SEND_USAGE);
    return EXIT.ok;
  }
  const usage = (problem: string): number => {
    io.stderr(`samspil send: ${problem}\n\n${SEND_USAGE}`);
    return EXIT.usage;
  };
  const problem = hubOptionsProblem(values.hub, values.token);
  if (problem !== undefined || values.hub === undefined || values.token === undefined) return usage(problem ?? '');
  if (values.wait !== undefined && !/^\d+(\.\d+)?$/.test(values.wait)) {
    return usage('--wait must be a number of seconds');
  }
  if (positionals.length === 0) return usage('no FILE given');
  const wait = values.wait === undefined ? undefined : Number(values.wait);
  const json = values.json ?? false;
  const cwd = options.cwd ?? process.cwd();

  let unreadable = false;
  const prepared: (Ready | Row)[] = [];
  for (const file of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      io.stderr(`samspil send: cannot read ${file}: ${redactCpr((error as Error).message)}\n`);
      unreadable = true;
      continue;
    }
    prepared.push(prepare(file, bytes, io, json));
  }

  const transport = hubTransport(values.hub, values.token);
  const stores = new Map<string, SqliteStore>();
  const parties = new Map<string, Party>();
  try {
    for (const { sender } of prepared.filter((p): p is Ready => 'bundle' in p)) {
      if (parties.has(sender)) continue;
      const path = storePath(sender, values.store, cwd);
      let store = stores.get(path);
      if (store === undefined) {
        try {
          store = await openStore(path);
        } catch (error) {
          io.stderr(`samspil send: cannot open the store ${path}: ${redactCpr((error as Error).message)}\n`);
          return EXIT.usage;
        }
        stores.set(path, store);
      }
      const outbox = new Outbox({ store, transport, self: sender });
      const handler = async (): Promise<void> => {
        // Only acknowledgements and receipts are given to this inbox, and those never reach a handler.
        throw new Error('samspil send delivers no messages');
      };
      const inbox = new Inbox({ store, transport, outbox, self: sender, handler });
      parties.set(sender, { gln: sender, store, outbox, inbox });
    }

    const entries: Entry[] = [];
    for (const item of prepared) {
      if (!('bundle' in item)) {
        entries.push({ row: item });
        continue;
      }
      const party = parties.get(item.sender);
      if (party === undefined) continue; // Every sender got a party above.
      try {
        const records = await party.outbox.send(item.bundle);
        entries.push({ file: item.file, party, keys: records.map((record) => record.key) });
      } catch (error) {
        if (!isValidationError(error) && !isRuleError(error)) throw error;
        const row: Row = {
          file: item.file,
          receiver: null,
          messageHeaderId: null,
          state: 'invalid',
          ackCode: null,
          error: redactCpr(error.message),
        };
        entries.push({ row });
      }
    }

    if (wait !== undefined) await awaitAcknowledgements(entries, parties, transport, wait, io);

    let ok = true;
    for (const entry of entries) {
      const lines: { row: Row; record: OutgoingRecord | undefined }[] = [];
      if ('row' in entry) {
        lines.push({ row: entry.row, record: undefined });
        ok = false;
      } else {
        for (const key of entry.keys) {
          const record = await entry.party.store.getOutgoing(key);
          if (!succeeded(record, wait !== undefined)) ok = false;
          if (record) lines.push({ row: rowOf(entry.file, record), record });
        }
      }
      for (const { row, record } of lines) {
        io.stdout(json ? `${JSON.stringify(row)}\n` : `${human(row, record, wait !== undefined)}\n`);
      }
    }
    if (unreadable) return EXIT.usage;
    return ok ? EXIT.ok : EXIT.invalid;
  } finally {
    for (const store of stores.values()) await store.close();
  }
}
