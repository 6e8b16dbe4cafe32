// SPDX-License-Identifier: MIT
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHub, type Hub, type HubParty } from '@samspil/hub';
import { redactCpr } from '@samspil/sdk';
import { EXAMPLE_PARTIES } from '@samspil/sdk/examples';
import { EXIT, type Io } from '../io.js';

const DEFAULT_PORT = 8470;
const DEFAULT_DB = join('.samspil', 'hub.sqlite');
/** The longest injected delay startHub accepts (`faultDelayMs`). */
const MAX_FAULT_DELAY_MS = 60_000;

export const HUB_USAGE = `Usage: samspil hub [--port N] [--db PATH|:memory:] [--parties FILE] [--fault-rate R]
                   [--fault-delay-ms MIN-MAX] [--admin-token T]

Runs the reference MedCom hub on 127.0.0.1: per-GLN mailboxes in SQLite, the HTTP API of docs/hub-api.md,
spoken by the SDK's HubTransport.

Options:
  --port N           the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --db PATH          the SQLite file (default .samspil/hub.sqlite in the current folder, created if missing),
                     or :memory: for a hub that forgets everything when it stops
  --parties FILE     a JSON array of {"gln", "name", "token"}; without it, a development set of three parties
                     (hospital, municipality, GP) with new tokens, printed at start
  --fault-rate R     disturb this fraction (0–1) of API requests: fail (503), delay (1–3 s unless
                     --fault-delay-ms says otherwise) or drop the answer
  --fault-delay-ms MIN-MAX
                     how long an injected delay lasts, in whole ms (default 1000-3000, at most 60000);
                     tests shorten it, e.g. 5-50
  --admin-token T    the token for POST /v1/admin/faults (default: a new one, printed at start)

Standard output: the hub's URL on the first line, then one JSON log line per request. The parties, their
tokens (development set only) and the database go to standard error. SIGTERM or SIGINT stops the hub
gracefully: requests in progress are answered first.

Exit status: 0 stopped, 2 usage error, unreadable parties file, or a hub that cannot start.
`;

/**
 * How {@link hub} is stopped, and where it runs: for tests and embedding.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * const done = hub(['--port', '0', '--db', ':memory:'], io, { signal: stop.signal });
 * stop.abort();
 * await done;
 * ```
 */
export interface HubCommandOptions {
  /** Stops the hub when aborted; without it, SIGTERM and SIGINT do. */
  readonly signal?: AbortSignal;
  /** The folder the default database goes in: the current directory by default. */
  readonly cwd?: string;
}

const token = (): string => randomBytes(18).toString('base64url');

/** The development parties: the example set's hospital, municipality and GP, each with a new token. */
function developmentParties(): (HubParty & { readonly role: string })[] {
  return (['hospital', 'municipality', 'gp'] as const).map((role) => {
    const { gln, name } = EXAMPLE_PARTIES[role];
    return { role, gln, name, token: token() };
  });
}

/** The parties in a JSON file, or a description of what is wrong with it (never its tokens). */
async function partiesFrom(file: string): Promise<HubParty[] | string> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return `cannot read ${file} as JSON: ${redactCpr((error as Error).message)}`;
  }
  const valid =
    Array.isArray(data) &&
    data.length > 0 &&
    data.every(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        ['gln', 'name', 'token'].every((key) => typeof (p as Record<string, unknown>)[key] === 'string'),
    );
  if (!valid) return `${file} must be a non-empty JSON array of {"gln", "name", "token"} (all strings)`;
  return (data as HubParty[]).map(({ gln, name, token }) => ({ gln, name, token }));
}

/** `--fault-delay-ms MIN-MAX` as `[min, max]`; undefined when absent, 'invalid' when not two ordered whole numbers. */
function faultDelayFrom(text: string | undefined): readonly [number, number] | undefined | 'invalid' {
  if (text === undefined) return undefined;
  const match = /^(\d{1,6})-(\d{1,6})$/.exec(text.trim());
  const [min, max] = [Number(match?.[1]), Number(match?.[2])];
  return match && min <= max && max <= MAX_FAULT_DELAY_MS ? [min, max] : 'invalid';
}

/** Resolves when `signal` aborts, or, without one, at the first SIGTERM or SIGINT. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted
      ? Promise.resolve()
      : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/**
 * `samspil hub [--port N] [--db PATH|:memory:] [--parties FILE] [--fault-rate R] [--fault-delay-ms MIN-MAX]
 * [--admin-token T]`: runs the reference hub until SIGTERM or SIGINT (or `options.signal`), then closes it gracefully.
 *
 * @param args - The arguments after `hub`.
 * @param io - Where output goes: the URL, then JSON log lines, on stdout; parties and tokens on stderr.
 * @param options - A stop signal and working folder instead of the process's.
 * @returns The exit status once the hub has stopped.
 * @example
 * ```ts
 * process.exitCode = await hub(['--port', '8470'], processIo);
 * ```
 */
export async function hub(args: string[], io: Io, options: HubCommandOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      parties: { type: 'string' },
      'fault-rate': { type: 'string' },
      'fault-delay-ms': { type: 'string' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HUB_USAGE);
    return EXIT.ok;
  }
  const usage = (problem: string): number => {
    io.stderr(`samspil hub: ${problem}\n\n${HUB_USAGE}`);
    return EXIT.usage;
  };
  if (positionals.length > 0) return usage(`unexpected ${positionals.join(' ')}`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) return usage('--port must be a number from 0 to 65535');
  const faultRate = values['fault-rate'] === undefined ? 0 : Number(values['fault-rate']);
  if (!(faultRate >= 0 && faultRate <= 1) || values['fault-rate']?.trim() === '') {
    return usage('--fault-rate must be a number from 0 to 1');
  }
  const faultDelayMs = faultDelayFrom(values['fault-delay-ms']);
  if (faultDelayMs === 'invalid') {
    return usage(`--fault-delay-ms must be MIN-MAX in whole ms with MIN ≤ MAX ≤ ${MAX_FAULT_DELAY_MS}`);
  }

  const parties = values.parties === undefined ? developmentParties() : await partiesFrom(values.parties);
  if (typeof parties === 'string') {
    io.stderr(`samspil hub: ${parties}\n`);
    return EXIT.usage;
  }
  const adminToken = values['admin-token'] ?? token();
  const cwd = options.cwd ?? process.cwd();
  const db = values.db === ':memory:' ? ':memory:' : resolve(cwd, values.db ?? DEFAULT_DB);
  if (values.db === undefined) {
    try {
      await mkdir(resolve(cwd, '.samspil'), { recursive: true });
    } catch (error) {
      io.stderr(`samspil hub: cannot create .samspil: ${redactCpr((error as Error).message)}\n`);
      return EXIT.usage;
    }
  }

  // The URL must be the first line on stdout, but the hub logs its start before startHub returns.
  const early: object[] = [];
  let started = false;
  const log = (line: object): void => {
    if (started) io.stdout(`${JSON.stringify(line)}\n`);
    else early.push(line);
  };
  let running: Hub;
  try {
    running = await startHub({
      port,
      db,
      parties,
      adminToken,
      faultRate,
      ...(faultDelayMs === undefined ? {} : { faultDelayMs }),
      log,
    });
  } catch (error) {
    io.stderr(`samspil hub: cannot start: ${redactCpr((error as Error).message)}\n`);
    return EXIT.usage;
  }
  io.stdout(`${running.url}\n`);
  started = true;
  for (const line of early.splice(0)) log(line);

  const lines = [`Samspil hub on ${running.url}`, `Database: ${db}`, 'Parties:'];
  for (const party of parties) {
    const role = 'role' in party ? `${String(party.role).padEnd(13)}` : '';
    const secret = values.parties === undefined ? `  token ${party.token}` : '';
    lines.push(`  ${role}${party.gln}  ${party.name}${secret}`);
  }
  if (values['admin-token'] === undefined) lines.push(`Admin token: ${adminToken}`);
  io.stderr(`${lines.join('\n')}\n`);

  await stopRequested(options.signal);
  io.stderr('Stopping the hub…\n');
  await running.close();
  return EXIT.ok;
}
