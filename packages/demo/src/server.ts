// SPDX-License-Identifier: MIT
// The partner-EHR demo: the reference hub in-process (SQLite under .samspil/demo/), seeded with the example set on
// first start, and one loopback HTTP server for everything the browser needs: the party pages (plain HTML and ES
// modules importing the built packages by bare specifier), the hub's API under /hub/, the demo's own small API under
// /demo/ (configuration, fault rate), Storybook's build under /storybook/, MedCom's example letters under
// /shared/medcom/oioxml/ and the project's docs under /docs/. `npm start` runs it; `node --import tsx packages/demo/src/server.ts` does too.
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHub, type HubLog } from '@samspil/hub';
import { startDevServer } from '@web/dev-server';
import { hubProxy, json, readBody, serveFolder, type Middleware } from './middleware.js';
import { DEMO_PARTIES } from './parties.js';
import { SEEDED_LETTERS, seedHub, type SeedResult } from './seed.js';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const PAGES = resolve(fileURLToPath(import.meta.url), '../../pages');

/**
 * The reliable-messaging timing the pages use: much shorter than production (a 30-minute acknowledgement timeout),
 * so resends after a lost answer happen while one watches.
 */
export const DEMO_TIMING = {
  ackTimeoutMs: 20_000,
  maxResends: 3,
  pollIntervalMs: 2000,
  retryBaseMs: 2000,
  retryMaxMs: 15_000,
  transientDelayMs: 10_000,
} as const;

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** The port on 127.0.0.1: 8080 by default, 0 for any free one. */
  readonly port?: number;
  /** Where the hub's SQLite file, its log and the demo's state live: `.samspil/demo/` by default. */
  readonly dataDir?: string;
  /** The shared folder with MedCom's example letters: `$SAMSPIL_SHARED`, else `../shared` beside the repository. */
  readonly sharedDir?: string;
  /** Storybook's build: `storybook-static/` by default. */
  readonly storybookDir?: string;
  /** Post the example set into a new hub: `true` by default. */
  readonly seed?: boolean;
  /** Receives the hub's log lines; by default they are appended to `hub.log` in `dataDir`. */
  readonly hubLog?: HubLog;
  /** The hub's random source for fault injection (tests make it decide). */
  readonly random?: () => number;
}

/** A running demo. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly port: number;
  /** The hub's own URL (the pages use `/hub/` on the demo's origin instead). */
  readonly hubUrl: string;
  /** What was posted into a new hub; undefined when the hub had been seeded before (or `seed` was false). */
  readonly seeded: SeedResult | undefined;
  /** The id of this hub database's life: the pages name their browser stores after it. */
  readonly runId: string;
  /** Stops the web server and the hub. */
  close(): Promise<void>;
}

interface RunState {
  readonly runId: string;
  readonly seededAt?: string;
}

function readState(file: string): RunState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunState>;
    return typeof state.runId === 'string' ? { ...state, runId: state.runId } : undefined;
  } catch {
    return undefined;
  }
}

/** Appends each hub log line to a file: the terminal stays free for the demo's URL. */
function fileLog(file: string): HubLog {
  return (line) => appendFileSync(file, `${JSON.stringify(line)}\n`);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the demo: the hub (seeded when its database is new), then the web server on 127.0.0.1.
 *
 * @param options - Port, folders, seeding and the hub's log and fault dice.
 * @returns The running demo; print its `url`.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dataDir = resolve(options.dataDir ?? join(REPO_ROOT, '.samspil', 'demo'));
  const sharedDir = resolve(options.sharedDir ?? process.env['SAMSPIL_SHARED'] ?? join(REPO_ROOT, '..', 'shared'));
  const storybookDir = resolve(options.storybookDir ?? join(REPO_ROOT, 'storybook-static'));
  mkdirSync(dataDir, { recursive: true });
  const db = join(dataDir, 'hub.sqlite');
  const stateFile = join(dataDir, 'demo.json');
  // A new database is a new run: the pages' browser stores (named after the run) start empty too.
  let state: RunState = (existsSync(db) ? readState(stateFile) : undefined) ?? { runId: randomUUID() };

  const adminToken = randomBytes(24).toString('base64url');
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    db,
    parties: Object.values(DEMO_PARTIES).map(({ gln, name, token }) => ({ gln, name, token })),
    adminToken,
    log: options.hubLog ?? fileLog(join(dataDir, 'hub.log')),
    ...(options.random ? { random: options.random } : {}),
  });

  let seeded: SeedResult | undefined;
  try {
    if ((options.seed ?? true) && state.seededAt === undefined) {
      seeded = await seedHub(hub.url, sharedDir);
      state = { ...state, seededAt: new Date().toISOString() };
    }
    writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  } catch (error) {
    await hub.close();
    throw error;
  }

  let faultRate = 0;
  const lettersAvailable = existsSync(join(sharedDir, 'medcom', 'oioxml', 'examples'));
  const config = () => ({
    runId: state.runId,
    timing: DEMO_TIMING,
    faultRate,
    storybook: existsSync(join(storybookDir, 'index.html')),
    letters: lettersAvailable ? SEEDED_LETTERS.map(({ path }) => `/shared/${path}`) : [],
    parties: DEMO_PARTIES,
  });

  /** `GET /demo/config.json`, `GET /demo/faults` and `POST /demo/faults {"rate": R}` (through the hub's admin API). */
  const demoApi: Middleware = async (ctx, next) => {
    if (ctx.path === '/demo/config.json' && ctx.method === 'GET') return json(ctx, 200, config());
    // Browsers ask for it on pages without an icon (Storybook's iframe); a 404 would be a console error.
    if (ctx.path === '/favicon.ico') {
      ctx.status = 204;
      return;
    }
    if (ctx.path !== '/demo/faults') return next();
    if (ctx.method === 'GET') return json(ctx, 200, { rate: faultRate });
    if (ctx.method !== 'POST') {
      ctx.set('allow', 'GET, POST');
      return json(ctx, 405, { error: 'method-not-allowed', message: 'GET or POST' });
    }
    let rate: unknown;
    try {
      rate = (JSON.parse((await readBody(ctx.req, 1024)).toString('utf8')) as { rate?: unknown } | null)?.rate;
    } catch {
      rate = undefined;
    }
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      return json(ctx, 400, { error: 'bad-request', message: 'Send {"rate": R} with R from 0 to 1' });
    }
    let answer: Response;
    try {
      answer = await fetch(new URL('/v1/admin/faults', hub.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rate }),
      });
    } catch {
      return json(ctx, 502, { error: 'hub-unreachable', message: 'The hub did not answer' });
    }
    if (!answer.ok) return json(ctx, 502, { error: 'hub-refused', message: `The hub answered ${answer.status}` });
    faultRate = rate;
    return json(ctx, 200, { rate });
  };

  const dev = await startDevServer({
    config: {
      rootDir: PAGES,
      port: 0,
      hostname: '127.0.0.1',
      // The built packages (their `default` export), and Lit's production build: no dev-mode console warnings.
      nodeResolve: { exportConditions: ['browser', 'production'] },
      middleware: [
        demoApi,
        hubProxy('/hub', hub.url),
        serveFolder(
          '/storybook',
          storybookDir,
          'Storybook is not built yet: npm start builds it (or npm run build-storybook).',
        ),
        serveFolder(
          '/shared/medcom/oioxml',
          join(sharedDir, 'medcom', 'oioxml'),
          `MedCom's examples are not at ${sharedDir}: set SAMSPIL_SHARED.`,
        ),
        serveFolder('/docs', join(REPO_ROOT, 'docs'), 'No docs folder.', { '.md': 'text/plain; charset=utf-8' }),
      ],
      // Our own server listens (on loopback only); the dev server is its request handler.
      middlewareMode: true,
      injectWebSocket: false,
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const server = createServer(dev.koaApp.callback());
  let port: number;
  try {
    port = await listen(server, options.port ?? 8080, '127.0.0.1');
  } catch (error) {
    await dev.stop();
    await hub.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    hubUrl: hub.url,
    seeded,
    runId: state.runId,
    close() {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await dev.stop();
        await hub.close();
      })();
      return closing;
    },
  };
}

// Run directly: `node --import tsx packages/demo/src/server.ts` (PORT picks the port).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemoServer({ port: Number(process.env['PORT'] ?? 8080) });
  console.log(`Samspil demo: ${demo.url}`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
