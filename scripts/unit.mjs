// SPDX-License-Identifier: MIT
// Node-side unit tests with node:test. TypeScript runs through tsx; workspace packages resolve to their
// sources through the `@samspil/source` export condition. Browser-only packages are left to web-test-runner.
// Prints node's own summary; exits non-zero when any test fails.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, run } from './bootstrap.mjs';

const NODE_PACKAGES = ['sdk', 'hub', 'cli', 'demo'];

function testFiles(dir) {
  let files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files = files.concat(testFiles(path));
    else if (entry.name.endsWith('.test.ts')) files.push(relative(ROOT, path));
  }
  return files;
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : NODE_PACKAGES.flatMap((name) => testFiles(join(ROOT, 'packages', name, 'src')));
process.exitCode = run(process.execPath, [
  '--conditions=@samspil/source',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  ...files.sort(),
]);
