// SPDX-License-Identifier: MIT
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { redactCpr, validateMessage, type ValidationResult } from '@samspil/sdk';
import { EXIT, type Io } from '../io.js';

export const VALIDATE_USAGE = `Usage: samspil validate [--json] FILE...

Validates MedCom FHIR messages (JSON or XML, detected from the content) against the standard each one
names and the MedCom packages that standard pins.

Options:
  --json       print [{"file", "ok", "standard", "version", "messageHeaderId", "issues"}]
  -h, --help   show this help

Exit status: 0 all valid, 1 any invalid, 2 usage error or unreadable file.
`;

function printHuman(file: string, result: ValidationResult, io: Io): void {
  const what = result.standard ? `${result.standard} ${result.version}` : 'unknown message';
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  io.stdout(`${file}: ${result.ok ? 'valid' : `invalid (${errors} error${errors === 1 ? '' : 's'})`} — ${what}\n`);
  for (const issue of result.issues) {
    io.stdout(`  ${issue.severity} ${issue.path}: ${issue.message}${issue.rule ? ` [${issue.rule}]` : ''}\n`);
  }
}

/** `samspil validate [--json] FILE...` */
export async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(VALIDATE_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    io.stderr(`samspil validate: no FILE given\n\n${VALIDATE_USAGE}`);
    return EXIT.usage;
  }
  const results: (ValidationResult & { file: string })[] = [];
  let unreadable = false;
  for (const file of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      io.stderr(`samspil validate: cannot read ${file}: ${redactCpr((error as Error).message)}\n`);
      unreadable = true;
      continue;
    }
    const result = validateMessage(bytes);
    results.push({ file, ...result });
    if (!values.json) printHuman(file, result, io);
  }
  if (values.json) {
    const rows = results.map(({ file, ok, standard, version, messageHeaderId, issues }) => ({
      file,
      ok,
      standard: standard ?? null,
      version: version ?? null,
      messageHeaderId: messageHeaderId ?? null,
      issues,
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  }
  if (unreadable) return EXIT.usage;
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}
