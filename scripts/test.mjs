// SPDX-License-Identifier: MIT
// `npm test`: bootstrap, then lint, typecheck, API docs check, build, unit tests (node:test) and browser tests
// (web-test-runner in Chromium). Every stage runs even when an earlier one failed, so one run shows
// everything; the last line is the totals, `N passed, N failed`, where a failed gate (lint, typecheck,
// build) counts as one failure.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureBuilt, ensureInstalled } from './bootstrap.mjs';
import { findChrome } from './chrome.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error(
    'No Chromium found: install it with `apt-get update && apt-get install -y chromium` or set CHROME_PATH to a Chromium/Chrome binary.',
  );
  process.exit(1);
}
ensureInstalled();

const bin = (name) => join(ROOT, 'node_modules/.bin', name);

/** Runs a command, streaming its output, and resolves to `{ status, output }`. */
function stream(command, args, env = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    const tee = (target) => (chunk) => {
      output += chunk;
      target.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (status) => resolvePromise({ status: status ?? 1, output }));
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

async function gate(name, command, args) {
  console.log(`\n== ${name} ==`);
  const { status } = await stream(command, args);
  summary.push(`${name}: ${status === 0 ? 'ok' : 'FAILED'}`);
  if (status === 0) totals.passed++;
  else totals.failed++;
}

await gate('lint', bin('eslint'), ['--max-warnings', '0', '.']);
await gate('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
await gate('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
// The API docs are part of the contract: a broken link or undocumented parameter fails here, not in CI.
await gate('docs', bin('typedoc'), ['--emit', 'none']);

console.log('\n== build ==');
const built = ensureBuilt() === 0;
summary.push(`build: ${built ? 'ok' : 'FAILED'}`);
if (built) totals.passed++;
else totals.failed++;

console.log('\n== unit tests (node:test) ==');
const unit = await stream(process.execPath, [join(ROOT, 'scripts/unit.mjs')]);
const count = (label) => Number(unit.output.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
const unitCounts = { passed: count('pass'), failed: count('fail'), skipped: count('skipped') + count('todo') };
// A crash before node:test printed its summary must not read as "0 failed".
if (unit.status !== 0 && unitCounts.failed === 0) unitCounts.failed = 1;
summary.push(`unit: ${unitCounts.passed} passed, ${unitCounts.failed} failed`);

console.log('\n== browser tests (web-test-runner, Chromium) ==');
const resultsFile = join(ROOT, '.cache/browser-results.json');
rmSync(resultsFile, { force: true });
const browser = await stream(bin('web-test-runner'), [], { CHROME_PATH: chrome });
const browserCounts = existsSync(resultsFile)
  ? JSON.parse(readFileSync(resultsFile, 'utf8'))
  : { passed: 0, failed: 0, skipped: 0 };
if (browser.status !== 0 && browserCounts.failed === 0) browserCounts.failed = 1;
summary.push(`browser: ${browserCounts.passed} passed, ${browserCounts.failed} failed`);

for (const counts of [unitCounts, browserCounts]) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

console.log(`\n== summary ==\n${summary.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed === 0 ? 0 : 1;
