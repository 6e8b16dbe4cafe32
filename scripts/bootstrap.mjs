// SPDX-License-Identifier: MIT
// What `npm start` and `npm test` need before anything else, using nothing but Node itself (the
// dependencies may not be installed yet): install when node_modules is missing or older than the lock
// file, and build the packages when their sources are newer than their output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Runs a command in the repository root with inherited output; returns its exit status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Modification time in ms, or 0 when the path does not exist. */
function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Newest modification time of any file below `dir` (skipping node_modules and build output). */
export function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.cache'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const installed = mtime(join(ROOT, 'node_modules/.package-lock.json'));
  if (installed >= mtime(join(ROOT, 'package-lock.json'))) return;
  console.log('Installing dependencies (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm ci failed: see the output above.');
    process.exit(1);
  }
}

const PACKAGES = ['sdk', 'components', 'hub', 'cli'].map((name) => join(ROOT, 'packages', name));
const BUILD_INPUTS = [join(ROOT, 'rollup.config.js'), join(ROOT, 'tsconfig.json')];

/** True when some package's `dist` is missing or older than its sources or the build configuration. */
export function buildIsStale() {
  const config = Math.max(...BUILD_INPUTS.map(mtime));
  return PACKAGES.some((dir) => {
    const built = newest(join(dir, 'dist'));
    return built === 0 || built < Math.max(config, newest(join(dir, 'src')), mtime(join(dir, 'package.json')));
  });
}

/** Builds every package with rollup when the output is stale; returns the exit status. */
export function ensureBuilt() {
  if (!buildIsStale()) return 0;
  console.log('Building packages (rollup -c)…');
  return run(join(ROOT, 'node_modules/.bin/rollup'), ['-c', '--silent']);
}

// `node scripts/bootstrap.mjs` on its own only installs; `npm run build` calls rollup afterwards.
if (process.argv[1] === fileURLToPath(import.meta.url)) ensureInstalled();
