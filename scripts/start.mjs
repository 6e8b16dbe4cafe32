// SPDX-License-Identifier: MIT
// `npm start`: installs if needed, builds Storybook when its inputs changed, and serves it on localhost.
// (The partner-EHR demo on the embedded hub takes this place when it lands.)
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, ensureInstalled, newest, run } from './bootstrap.mjs';

ensureInstalled();

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

const { startDevServer } = await import('@web/dev-server');
const port = await freePort(Number(process.env.PORT) || 6006);
await startDevServer({
  config: { rootDir: OUT, port, hostname: '127.0.0.1', nodeResolve: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`Samspil Storybook: http://localhost:${port}/`);
