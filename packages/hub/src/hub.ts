// SPDX-License-Identifier: MIT
// The hub's lifecycle: open the store, listen, serve each request (with injected faults where asked), log it, and
// shut down gracefully.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Tokens } from './auth.js';
import { checkRate, DEFAULT_FAULT_DELAY, rollFault, type Fault } from './faults.js';
import { problem, writeReply, type Reply } from './http.js';
import { Logger, stdoutLog, type LogFields } from './log.js';
import { checkOptions, type Hub, type HubOptions } from './options.js';
import { faultable, route, type HubCore } from './routes.js';
import { MailboxSignals } from './signals.js';
import { HubStore } from './store.js';
import { HUB_VERSION } from './version.js';

/** How long close() lets idle keep-alive connections linger once every request is answered. */
const LINGER_MS = 2000;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const levelOf = (status: number): 'info' | 'warn' | 'error' =>
  status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';

/**
 * Starts the reference hub: an HTTP server (docs/hub-api.md) with per-GLN mailboxes in SQLite (WAL,
 * `synchronous=FULL`). Every accepted envelope is committed before its `202` is sent, so a restart on the same
 * file (even after a kill) loses nothing that was acknowledged. Signals are the caller's business: call
 * {@link Hub.close} on SIGTERM.
 *
 * @param options - Parties (GLN, name, token), database file, port and host, admin token, fault rate, log sink.
 * @returns The running hub, once it listens.
 * @throws TypeError or RangeError for unusable options; the listen or database error when either fails.
 * @example
 * ```ts
 * import { startHub } from '@samspil/hub';
 *
 * const hub = await startHub({
 *   db: '.samspil/hub.sqlite',
 *   parties: [
 *     { gln: '5790000130016', name: 'Medicinsk Afdeling M1', token: 'token-hospital' },
 *     { gln: '5790000130023', name: 'Hjemmeplejen', token: 'token-municipality' },
 *   ],
 * });
 * process.once('SIGTERM', () => void hub.close());
 * ```
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  checkOptions(options);
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const logger = new Logger(options.log ?? stdoutLog, now);
  const store = HubStore.open(options.db ?? ':memory:', now);
  let faultRate = options.faultRate ?? 0;
  const faultDelay = options.faultDelayMs ?? DEFAULT_FAULT_DELAY;
  let closing = false;
  const core: HubCore = {
    store,
    tokens: new Tokens(options.parties, options.adminToken),
    parties: new Map(options.parties.map((party) => [party.gln, party])),
    signals: new MailboxSignals(),
    now,
    closing: () => closing,
    setFaultRate(rate) {
      faultRate = checkRate(rate);
      logger.write('info', 'fault-rate', { rate });
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const fields: LogFields = { method: req.method, path: url.pathname };
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    let fault: Fault | undefined;
    let reply: Reply;
    try {
      if (closing && url.pathname !== '/health') {
        reply = problem(503, 'shutting-down', 'The hub is shutting down');
      } else {
        fault = faultable(url.pathname) ? rollFault(faultRate, random, faultDelay) : undefined;
        reply =
          fault?.mode === 'fail'
            ? problem(503, 'injected-fault', 'Injected fault: refused before doing anything')
            : await route(core, { req, url, fields, signal: gone.signal });
        if (fault?.mode === 'delay') await sleep(fault.ms);
      }
    } catch (error) {
      reply = problem(500, 'internal-error', 'The hub could not handle the request');
      fields.error = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
    }
    fields.status = reply.status;
    fields.ms = Math.round(performance.now() - started);
    if (fault) fields.fault = fault.mode;
    if (fault?.mode === 'drop') {
      // The work is done; the client never hears of it.
      req.socket.destroy();
    } else {
      writeReply(res, reply, closing || !req.complete);
    }
    logger.write(fault ? 'warn' : levelOf(reply.status), 'request', fields);
  }

  const inflight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const done: Promise<void> = serve(req, res)
      .catch(() => {
        // serve() answers its own errors; this only catches a failing write to a dead socket.
        res.destroy();
      })
      .finally(() => inflight.delete(done));
    inflight.add(done);
  });
  try {
    await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  } catch (error) {
    store.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  logger.write('info', 'hub-started', { url, version: HUB_VERSION, parties: options.parties.length, faultRate });

  let closed: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    closing = true;
    core.signals.close();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
    server.closeIdleConnections();
    const linger = setTimeout(() => server.closeAllConnections(), LINGER_MS);
    await stopped;
    clearTimeout(linger);
    store.close();
    logger.write('info', 'hub-stopped', { url });
  }

  return {
    url,
    port,
    close: () => (closed ??= shutdown()),
    setFaultRate: (rate) => core.setFaultRate(rate),
  };
}
