// SPDX-License-Identifier: MIT
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { detectFormat, isSamspilError, parseFhirXml, redactCpr } from '@samspil/sdk';
import {
  unwrapVansEnvelope,
  wrapVansEnvelope,
  type VansEnvelope,
  type VansMetaInformation,
  type VansPayloadInput,
} from '@samspil/sdk/transport';
import { EXIT, type Io } from '../io.js';

export const ENVELOPE_USAGE = `Usage: samspil envelope wrap --sender GLN --receiver GLN [--format json|xml] FILE
       samspil envelope unwrap [--json] FILE

wrap    prints FILE (a MedCom FHIR message, JSON or XML, or an OIOXML letter) in a VANSEnvelope 1.0.4
        addressed from --sender to --receiver (GLNs). --format sends a FHIR message in that serialisation,
        converting it if the file has the other one; by default the file travels byte for byte.
unwrap  reads a VANSEnvelope and prints the message it carries, or with --json the envelope's metadata
        (addressing, MetaInformation, or the receipt).

Exit status: 0 done, 1 the input cannot be wrapped or is not a valid envelope, 2 usage error or unreadable file.
`;

async function readBytes(command: string, file: string, io: Io): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    io.stderr(`samspil envelope ${command}: cannot read ${file}: ${redactCpr((error as Error).message)}\n`);
    return undefined;
  }
}

/**
 * What to wrap: the file's bytes as they are, or, when `--format` asks for the other FHIR serialisation, the
 * parsed Bundle for the SDK to serialise. Anything unreadable is passed on as bytes for the SDK to refuse.
 */
function payloadFor(bytes: Uint8Array, format: 'json' | 'xml' | undefined): VansPayloadInput {
  if (format === undefined) return bytes;
  const text = new TextDecoder().decode(bytes);
  const current = detectFormat(text);
  if (current === undefined || current === format) return bytes;
  if (current === 'json') {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, '')) as object;
    } catch {
      return bytes;
    }
  }
  const parsed = parseFhirXml(text, { maxBytes: bytes.byteLength });
  return parsed.ok ? parsed.resource : bytes;
}

async function wrap(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sender: { type: 'string' },
      receiver: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(ENVELOPE_USAGE);
    return EXIT.ok;
  }
  const usage = (problem: string): number => {
    io.stderr(`samspil envelope wrap: ${problem}\n\n${ENVELOPE_USAGE}`);
    return EXIT.usage;
  };
  const { sender, receiver, format } = values;
  const [file, ...extra] = positionals;
  if (sender === undefined || receiver === undefined) return usage('--sender and --receiver are required');
  if (format !== undefined && format !== 'json' && format !== 'xml') return usage('--format must be json or xml');
  if (file === undefined || extra.length > 0) return usage('expected one FILE');
  const bytes = await readBytes('wrap', file, io);
  if (bytes === undefined) return EXIT.usage;
  try {
    const payload = payloadFor(bytes, format);
    io.stdout(wrapVansEnvelope(payload, { sender, receiver, ...(format === undefined ? {} : { format }) }));
    return EXIT.ok;
  } catch (error) {
    if (!isSamspilError(error)) throw error;
    io.stderr(`samspil envelope wrap: ${file}: ${error.message}\n`);
    return EXIT.invalid;
  }
}

function metaJson(meta: VansMetaInformation): Record<string, unknown> {
  // A message read from an envelope also carries its bytes and text(); the metadata is the rest.
  const copy: Record<string, unknown> = { ...meta };
  delete copy['bytes'];
  delete copy['text'];
  return copy;
}

function metadata(envelope: VansEnvelope): object {
  const { senderId, senderIdType, receiverId, receiverIdType, envelopeId, sentDateTime } = envelope;
  const base = { senderId, senderIdType, receiverId, receiverIdType, envelopeId, sentDateTime };
  if (envelope.kind === 'message') return { ...base, kind: 'message', message: metaJson(envelope.message) };
  const { originalMessage, ...receipt } = envelope.receipt;
  return {
    ...base,
    kind: 'receipt',
    receipt: { ...receipt, ...(originalMessage ? { originalMessage: metaJson(originalMessage) } : {}) },
  };
}

async function unwrap(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(ENVELOPE_USAGE);
    return EXIT.ok;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr(`samspil envelope unwrap: expected one FILE\n\n${ENVELOPE_USAGE}`);
    return EXIT.usage;
  }
  const bytes = await readBytes('unwrap', file, io);
  if (bytes === undefined) return EXIT.usage;
  try {
    const envelope = unwrapVansEnvelope(bytes);
    if (values.json) {
      io.stdout(`${JSON.stringify(metadata(envelope), null, 2)}\n`);
    } else if (envelope.kind === 'message') {
      io.stdout(envelope.message.text());
    } else {
      const { type, originalEnvelopeId, errors } = envelope.receipt;
      io.stdout(`${type} receipt for envelope ${originalEnvelopeId}\n`);
      for (const error of errors) {
        io.stdout(`  error${error.code === undefined ? '' : ` ${error.code}`}: ${redactCpr(error.description)}\n`);
      }
    }
    return EXIT.ok;
  } catch (error) {
    if (!isSamspilError(error)) throw error;
    io.stderr(`samspil envelope unwrap: ${file}: ${error.message}\n`);
    return EXIT.invalid;
  }
}

/** `samspil envelope wrap|unwrap …` */
export async function envelope(args: string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'wrap') return wrap(rest, io);
  if (subcommand === 'unwrap') return unwrap(rest, io);
  if (subcommand === '--help' || subcommand === '-h') {
    io.stdout(ENVELOPE_USAGE);
    return EXIT.ok;
  }
  io.stderr(`samspil envelope: unknown subcommand ${subcommand ?? '(none)'}\n\n${ENVELOPE_USAGE}`);
  return EXIT.usage;
}
