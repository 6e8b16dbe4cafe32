// SPDX-License-Identifier: MIT
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { detectFormat, isValidationError, parseFhirXml, redactCpr, serializeFhirXml } from '@samspil/sdk';
import { EXIT, type Io } from '../io.js';

export const CONVERT_USAGE = `Usage: samspil convert --to xml|json FILE

Prints a FHIR resource (a MedCom message) in the other serialisation.

Exit status: 0 converted, 1 the input is not FHIR JSON or XML, 2 usage error or unreadable file.
`;

/** `samspil convert --to xml|json FILE` */
export async function convert(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(CONVERT_USAGE);
    return EXIT.ok;
  }
  if (values.to !== 'xml' && values.to !== 'json') {
    io.stderr(`samspil convert: --to must be xml or json\n\n${CONVERT_USAGE}`);
    return EXIT.usage;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr(`samspil convert: expected one FILE\n\n${CONVERT_USAGE}`);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr(`samspil convert: cannot read ${file}: ${redactCpr((error as Error).message)}\n`);
    return EXIT.usage;
  }

  let resource: unknown;
  const format = detectFormat(text);
  if (format === 'json') {
    try {
      resource = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      io.stderr(`samspil convert: ${file} is not valid JSON: ${redactCpr((error as Error).message)}\n`);
      return EXIT.invalid;
    }
  } else if (format === 'xml') {
    const parsed = parseFhirXml(text);
    if (!parsed.ok) {
      for (const issue of parsed.issues) io.stderr(`samspil convert: ${issue.path}: ${issue.message}\n`);
      return EXIT.invalid;
    }
    resource = parsed.resource;
  } else {
    io.stderr(`samspil convert: ${file} is neither FHIR JSON nor FHIR XML\n`);
    return EXIT.invalid;
  }
  if (values.to === 'json') {
    io.stdout(`${JSON.stringify(resource, null, 2)}\n`);
    return EXIT.ok;
  }
  try {
    io.stdout(serializeFhirXml(resource as object, { pretty: true }));
  } catch (error) {
    // The serialiser refuses what FHIR XML cannot carry (unknown elements, wrong value kinds), listing why.
    const issues = isValidationError(error) ? error.issues : [{ path: '', message: (error as Error).message }];
    for (const issue of issues) io.stderr(`samspil convert: ${issue.path ?? ''}: ${redactCpr(issue.message)}\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
