// SPDX-License-Identifier: MIT
// Test-only helpers: xmllint against vans-envelope-1.0.4.xsd (batched, one process per call), test GLNs and a
// counting id source. Only tests import this file.
/* eslint-disable no-restricted-imports -- test-only support file: runs in Node, never bundled */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* eslint-enable no-restricted-imports */
import { sharedDir } from '@samspil/fixtures';

export const VANS_XSD = join(sharedDir(), 'medcom', 'vans', 'vans-envelope-1.0.4.xsd');
export const OIOXML_EXAMPLES = join(sharedDir(), 'medcom', 'oioxml', 'examples');

/** Valid GLNs (mod-10 check digit) for sender and receiver. */
export const SENDER = '5790001382445';
export const RECEIVER = '5790000121526';

/** Why xmllint tests are skipped, or `false` when xmllint can be run. */
export const skipXmllint =
  spawnSync('xmllint', ['--version']).status === 0 ? false : 'xmllint is not installed (CI installs libxml2-utils)';

/** The outcome of validating one document. */
export interface XmllintResult {
  readonly valid: boolean;
  readonly errors: string;
}

/** Validates every document against the VANSEnvelope XSD in one xmllint run. */
export function xmllint(documents: readonly string[]): XmllintResult[] {
  if (documents.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'vans-'));
  try {
    const files = documents.map((xml, i) => {
      const file = join(dir, `envelope${i}.xml`);
      writeFileSync(file, xml, 'utf8');
      return file;
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', VANS_XSD, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = `${run.stdout}${run.stderr}`.split('\n');
    return files.map((file) => ({
      valid: lines.includes(`${file} validates`),
      errors: lines.filter((line) => line.startsWith(`${file}:`)).join('\n'),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Asserts-friendly: every document validates, or the errors of those that do not. */
export function xmllintErrors(documents: readonly string[]): string[] {
  return xmllint(documents)
    .map((result, i) => (result.valid ? '' : `#${i}: ${result.errors || 'not validated'}`))
    .filter((line) => line !== '');
}

/** Deterministic options: a fixed clock and counting UUIDs. */
export function fixedOptions(): { now: () => Date; newId: () => string } {
  let n = 0;
  return {
    now: () => new Date('2026-03-01T09:30:00Z'),
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  };
}
