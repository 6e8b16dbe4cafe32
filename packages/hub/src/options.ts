// SPDX-License-Identifier: MIT
// What a hub is started with, and the checks on it: a hub with two parties on one GLN or one token would route
// envelopes to the wrong mailbox.
import { parseGln } from '@samspil/sdk';
import { checkDelay, checkRate } from './faults.js';
import type { HubLog } from './log.js';

/**
 * One party on the hub: its GLN (its mailbox address), a name for people, and its bearer token.
 *
 * @example
 * ```ts
 * const party: HubParty = { gln: '5790000130016', name: 'Medicinsk Afdeling M1', token: 'secret-1' };
 * ```
 */
export interface HubParty {
  readonly gln: string;
  readonly name: string;
  readonly token: string;
}

/**
 * Options of {@link startHub}.
 *
 * @example
 * ```ts
 * const options: HubOptions = { port: 0, db: ':memory:', parties, adminToken: 'admin-secret' };
 * ```
 */
export interface HubOptions {
  /** The TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The address to listen on: `127.0.0.1` by default. The hub speaks plain HTTP; keep it on loopback. */
  readonly host?: string;
  /** The SQLite file (created if missing, its folder must exist), or `:memory:` (the default) for a throwaway hub. */
  readonly db?: string;
  /** The parties; GLNs and tokens must be unique. */
  readonly parties: readonly HubParty[];
  /** The token for `POST /v1/admin/faults`; without one, that endpoint answers 403. */
  readonly adminToken?: string;
  /** The fraction (0–1) of `/v1/` requests disturbed by an injected fault; 0 by default. */
  readonly faultRate?: number;
  /**
   * How long an injected delay lasts: `[min, max]` in whole milliseconds (0 ≤ min ≤ max ≤ 60 000), `[1000, 3000]`
   * by default. Tests shorten it to run many requests through a faulty hub quickly.
   */
  readonly faultDelayMs?: readonly [min: number, max: number];
  /** The random source for fault injection; `Math.random` by default. */
  readonly random?: () => number;
  /** Receives one object per log line; by default each is written as JSON to standard output. */
  readonly log?: HubLog;
  /** The clock for acceptance and delivery times; `new Date()` by default. */
  readonly now?: () => Date;
}

/**
 * A running hub.
 *
 * @example
 * ```ts
 * const hub = await startHub({ parties });
 * console.log(hub.url); // http://127.0.0.1:53124
 * await hub.close();
 * ```
 */
export interface Hub {
  /** The base URL, e.g. `http://127.0.0.1:53124`. */
  readonly url: string;
  /** The port the hub listens on. */
  readonly port: number;
  /** Stops accepting connections, lets requests in progress finish (long polls answer at once), closes the file. */
  close(): Promise<void>;
  /** Changes the fault rate (0–1) at run time. */
  setFaultRate(rate: number): void;
}

/** Throws a TypeError or RangeError for options a hub cannot run with. */
export function checkOptions(options: HubOptions): void {
  if (typeof options !== 'object' || options === null || !Array.isArray(options.parties)) {
    throw new TypeError('startHub needs options with a parties array');
  }
  const glns = new Set<string>();
  const tokens = new Set<string>();
  for (const party of options.parties) {
    const { gln, name, token } = party ?? {};
    if (typeof gln !== 'string' || !/^\d{13}$/.test(gln) || !parseGln(gln).valid) {
      throw new TypeError(`Party GLN ${String(gln)} is not a GLN (13 digits with a valid check digit)`);
    }
    if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`Party ${gln} needs a name`);
    if (typeof token !== 'string' || token.length < 8 || /\s/.test(token)) {
      throw new TypeError(`Party ${gln} needs a token of at least 8 characters without spaces`);
    }
    if (glns.has(gln)) throw new TypeError(`Two parties have the GLN ${gln}`);
    if (tokens.has(token)) throw new TypeError('Two parties have the same token');
    glns.add(gln);
    tokens.add(token);
  }
  const admin = options.adminToken;
  if (admin !== undefined && (typeof admin !== 'string' || admin.length < 8 || /\s/.test(admin))) {
    throw new TypeError('The admin token needs at least 8 characters without spaces');
  }
  if (admin !== undefined && tokens.has(admin)) throw new TypeError('The admin token is also a party token');
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port < 65536)) {
    throw new RangeError('The port must be an integer from 0 to 65535');
  }
  if (options.faultRate !== undefined) checkRate(options.faultRate);
  if (options.faultDelayMs !== undefined) checkDelay(options.faultDelayMs);
}
