// SPDX-License-Identifier: MIT
import { parseArgs } from 'node:util';
import { IDENTIFIER_KINDS, identify, redactCpr, type IdentifierKind } from '@samspil/sdk';
import { EXIT, type Io } from '../io.js';

export const ID_CHECK_USAGE = `Usage: samspil id check VALUE [--kind KIND] [--json]

Checks a Danish identifier and says what it is and whether it is valid.
Kinds: ${IDENTIFIER_KINDS.join(', ')} (detected from the value's shape unless --kind is given).

Options:
  --kind KIND  check VALUE as this kind
  --json       print {"kind", "valid", "issues"} as JSON
  -h, --help   show this help

Exit status: 0 valid, 1 invalid, 2 usage error.
`;

const isKind = (value: string): value is IdentifierKind => (IDENTIFIER_KINDS as readonly string[]).includes(value);

/** `samspil id check VALUE [--kind KIND] [--json]` */
export function idCheck(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(ID_CHECK_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    io.stderr(`samspil id check: expected one VALUE, got ${positionals.length}\n\n${ID_CHECK_USAGE}`);
    return EXIT.usage;
  }
  if (values.kind !== undefined && !isKind(values.kind)) {
    io.stderr(`samspil id check: unknown --kind ${values.kind}; use one of ${IDENTIFIER_KINDS.join(', ')}\n`);
    return EXIT.usage;
  }

  const result = identify(positionals[0] ?? '', values.kind);
  const issues = result.issues.map((issue) => ({ ...issue, message: redactCpr(issue.message) }));
  if (values.json) {
    io.stdout(`${JSON.stringify({ kind: result.kind, valid: result.valid, issues })}\n`);
  } else {
    io.stdout(`${result.kind}: ${result.valid ? 'valid' : 'invalid'}\n`);
    for (const issue of issues) io.stdout(`  ${issue.severity} [${issue.code}] ${issue.message}\n`);
  }
  return result.valid ? EXIT.ok : EXIT.invalid;
}
