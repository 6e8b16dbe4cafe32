// SPDX-License-Identifier: MIT
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { detectFormat, redactCpr, summarizePatient, validateMessage, type PatientLike } from '@samspil/sdk';
import { parseLetter } from '@samspil/sdk/oioxml';
import { EXIT, type Io } from '../io.js';

export const INSPECT_USAGE = `Usage: samspil inspect [--json] FILE

Says what a file is — an OIOXML letter (discharge-summary, referral, rehab-plan) or a MedCom FHIR message
(its standard) — with its version code, and prints its domain model.

Exit status: 0 read, 1 not a letter or message this SDK reads, 2 usage error or unreadable file.
`;

interface Inspection {
  readonly kind: string;
  readonly version: string | undefined;
  readonly model: unknown;
  readonly issues: readonly { severity: string; path: string; message: string }[];
}

function inspectFhir(bytes: Uint8Array): Inspection | undefined {
  const result = validateMessage(bytes);
  if (!result.standard) return undefined;
  const text = new TextDecoder().decode(bytes);
  const parsed =
    detectFormat(text) === 'json' ? (JSON.parse(text) as { entry?: { resource?: PatientLike }[] }) : undefined;
  const patient = parsed?.entry?.map((e) => e.resource).find((r) => r?.resourceType === 'Patient');
  return {
    kind: result.standard,
    version: result.version,
    model: {
      messageHeaderId: result.messageHeaderId,
      valid: result.ok,
      ...(patient ? { patient: summarizePatient({ patient }) } : {}),
    },
    issues: result.issues,
  };
}

/** `samspil inspect [--json] FILE` */
export async function inspect(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(INSPECT_USAGE);
    return EXIT.ok;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr(`samspil inspect: expected one FILE\n\n${INSPECT_USAGE}`);
    return EXIT.usage;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.stderr(`samspil inspect: cannot read ${file}: ${redactCpr((error as Error).message)}\n`);
    return EXIT.usage;
  }

  const letter = parseLetter(bytes);
  let inspection: Inspection | undefined;
  if (letter.ok) {
    inspection = {
      kind: letter.model.kind,
      version: letter.info.versionCode,
      model: letter.model,
      issues: letter.issues,
    };
  } else if (letter.info) {
    inspection = {
      kind: letter.info.element,
      version: letter.info.versionCode,
      model: undefined,
      issues: letter.issues,
    };
  } else {
    inspection = inspectFhir(bytes);
  }
  if (!inspection) {
    const reasons = letter.issues.map((i) => i.message).join('; ');
    io.stderr(`samspil inspect: ${file} is neither a MedCom OIOXML letter nor a MedCom FHIR message (${reasons})\n`);
    return EXIT.invalid;
  }
  if (values.json) {
    io.stdout(`${JSON.stringify({ file, ...inspection }, null, 2)}\n`);
  } else {
    io.stdout(`${file}: ${inspection.kind} ${inspection.version ?? ''}\n`);
    for (const issue of inspection.issues) io.stdout(`  ${issue.severity} ${issue.path}: ${issue.message}\n`);
    io.stdout(`${JSON.stringify(inspection.model, null, 2)}\n`);
  }
  return inspection.model === undefined ? EXIT.invalid : EXIT.ok;
}
