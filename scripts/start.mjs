// SPDX-License-Identifier: MIT
// `npm start`: the partner-EHR demo. Installs if needed, builds the packages when their sources changed (the pages
// import the built packages) and Storybook when its inputs changed, then starts the demo server: the reference hub
// in-process (.samspil/demo/hub.sqlite, seeded on first start) and the pages, the hub API and Storybook on one
// localhost URL.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, ensureBuilt, ensureInstalled, newest, run } from './bootstrap.mjs';

ensureInstalled();
if (ensureBuilt() !== 0) {
  console.error('The build failed: see the output above.');
  process.exit(1);
}

const OUT = join(ROOT, 'storybook-static');
const INPUTS = ['stories', '.storybook', 'packages/components/src', 'packages/sdk/src'].map((dir) => join(ROOT, dir));
const built = existsSync(join(OUT, 'index.html')) ? newest(OUT) : 0;
if (built < Math.max(...INPUTS.map(newest))) {
  console.log('Building Storybook…');
  if (run('npm', ['run', '--silent', 'build-storybook']) !== 0) process.exit(1);
}

/** The first port from `preferred` on that is free on the loopback interface. */
async function freePort(preferred) {
  for (let port = preferred; port < preferred + 50; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => probe.close(() => resolve(true)))
        .listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${preferred}–${preferred + 49}`);
}

// The demo server is TypeScript, run through tsx; the packages it imports resolve to their builds.
const { tsImport } = await import('tsx/esm/api');
const { startDemoServer } = await tsImport('../packages/demo/src/server.ts', import.meta.url);
const demo = await startDemoServer({ port: await freePort(Number(process.env.PORT) || 8080) });
console.log(`Samspil demo: ${demo.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  demo.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
