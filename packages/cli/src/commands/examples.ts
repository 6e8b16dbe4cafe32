// SPDX-License-Identifier: MIT
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { redactCpr, serializeFhirXml } from '@samspil/sdk';
import { exampleMessages } from '@samspil/sdk/examples';
import { EXIT, type Io } from '../io.js';

export const EXAMPLES_USAGE = `Usage: samspil examples --out DIR [--format json|xml] [--json]

Writes the synthetic MedCom example set made by the SDK's builders: every HospitalNotification activity, a
CareCommunication thread (new, reply, forward with an attachment), a regarding-referral message with priority
asap, an acknowledgement of each code and a HomeCareObservation. Invented parties, MedCom's test patients; the
same files every run. File names say what each message is.

Options:
  --out DIR        the folder to write into (created if missing)
  --format FORMAT  json (default) or xml
  --json           print one line per file written: {"file", "description"}

Exit status: 0 written, 2 usage error or a folder that cannot be written.
`;

/** `samspil examples --out DIR [--format json|xml] [--json]` */
export async function examples(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      format: { type: 'string', default: 'json' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(EXAMPLES_USAGE);
    return EXIT.ok;
  }
  const format = values.format;
  if (values.out === undefined || positionals.length > 0 || (format !== 'json' && format !== 'xml')) {
    io.stderr(`samspil examples: expected --out DIR and --format json or xml\n\n${EXAMPLES_USAGE}`);
    return EXIT.usage;
  }
  try {
    await mkdir(values.out, { recursive: true });
    for (const { name, description, bundle } of exampleMessages()) {
      const file = join(values.out, `${name}.${format}`);
      const text =
        format === 'json' ? `${JSON.stringify(bundle, null, 2)}\n` : serializeFhirXml(bundle, { pretty: true });
      await writeFile(file, text);
      io.stdout(values.json ? `${JSON.stringify({ file, description })}\n` : `${file}\n`);
    }
  } catch (error) {
    io.stderr(`samspil examples: cannot write to ${values.out}: ${redactCpr((error as Error).message)}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}
