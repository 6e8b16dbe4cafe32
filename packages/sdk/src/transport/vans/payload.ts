// SPDX-License-Identifier: MIT
// What goes inside an envelope: the payload's exact bytes and the meta-information read from it (identifier,
// format, name, version, MIME type). FHIR messages are described with describeMessage; OIOXML letters with the
// OIOXML reader. Payload bytes given by the caller are never re-encoded.
import { InputError, ParseError } from '../../errors/errors.js';
import { describeMessage } from '../../fhir/read/describe.js';
import { parseFhirXml, serializeFhirXml } from '../../fhir/xml/index.js';
import { declaredEncoding } from '../../oioxml/read/decode.js';
import { readOioXml } from '../../oioxml/read/read.js';
import { text as textAt } from '../../oioxml/read/tree.js';
import { fhirDocumentName, letterDocumentName } from './names.js';
import { VANS_MAX_BYTES, type VansDocumentFormat } from './types.js';
import { UUID } from './write.js';

/**
 * A message to put in an envelope: a FHIR Bundle object, FHIR JSON or XML text, or an OIOXML letter's text or
 * bytes (bytes keep the letter's own encoding; FHIR bytes are UTF-8).
 *
 * @example
 * ```ts
 * const input: VansPayloadInput = await file.bytes();
 * ```
 * @category Transport
 */
export type VansPayloadInput = object | string | Uint8Array;

/** The payload and its meta-information. */
export interface Payload {
  readonly bytes: Uint8Array;
  /** MessageHeader.id, or the letter's id when it is a UUID; `undefined` asks for a new one. */
  readonly identifier: string | undefined;
  readonly format: VansDocumentFormat;
  readonly name: string;
  readonly version: string | undefined;
  readonly mime: string | undefined;
}

const MIME = { json: 'application/fhir+json', xml: 'application/fhir+xml' } as const;

/** The local name of the first element, past the XML declaration, processing instructions and comments. */
function rootElementName(text: string): string | undefined {
  const source = text.replace(/^\uFEFF/, '');
  let i = 0;
  for (;;) {
    while (i < source.length && /\s/.test(source[i] ?? '')) i++;
    const close = source.startsWith('<?', i) ? '?>' : source.startsWith('<!--', i) ? '-->' : undefined;
    if (close === undefined) break;
    const end = source.indexOf(close, i);
    if (end === -1) return undefined;
    i = end + close.length;
  }
  const match = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(source.slice(i, i + 200));
  return match?.[1];
}

/** The first few kilobytes as text, enough to tell JSON from XML and find the root element. */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  // Markup is ASCII in every other encoding MedCom uses, so windows-1252 reads it whatever the letter declares.
  return new TextDecoder('windows-1252').decode(head.subarray(bom));
}

function startsLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text.slice(0, 1000));
}

function fhirFromResource(resource: unknown, bytes: () => Uint8Array, format: 'json' | 'xml'): Payload {
  const description = describeMessage(resource);
  const code =
    description.kind === 'hospital-notification'
      ? description.event?.code
      : description.kind === 'care-communication'
        ? description.details.category
        : description.kind === 'acknowledgement'
          ? description.details.responseCode
          : undefined;
  const { name, version } = fhirDocumentName({ kind: description.kind, code });
  const identifier = description.messageHeaderId;
  if (identifier === undefined || !UUID.test(identifier)) {
    throw new InputError([
      {
        field: 'MessageHeader.id',
        rule: 'uuid',
        message: 'must be a UUID: it becomes the envelope’s MetaInformation/Identifier',
      },
    ]);
  }
  return { bytes: bytes(), identifier, format: 'HL7', name, version, mime: MIME[format] };
}

// Long base64 values (attachments) cost the XML reader seconds and gigabytes, and naming the envelope needs none of
// them: the copy that is read gets a stand-in. The payload itself is never changed. A scan, not a regular
// expression: a backtracking match over a 70 MB value overflows the stack.
const LONG_VALUE = 4096;

function isBase64Char(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 47 && code <= 57) ||
    code === 43 ||
    code === 61 ||
    code === 32 ||
    code === 10 ||
    code === 13 ||
    code === 9
  );
}

function slim(xml: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let at = xml.indexOf('value=', 0); at !== -1; at = xml.indexOf('value=', at + 6)) {
    const quote = xml[at + 6];
    if (quote !== '"' && quote !== "'") continue;
    const start = at + 7;
    let end = start;
    while (end < xml.length && isBase64Char(xml.charCodeAt(end))) end++;
    if (end - start < LONG_VALUE || xml[end] !== quote) continue;
    parts.push(xml.slice(copied, start), 'AAAA');
    copied = end;
    at = end;
  }
  if (parts.length === 0) return xml;
  parts.push(xml.slice(copied));
  return parts.join('');
}

function fhirFromText(text: string, bytes: Uint8Array, maxBytes: number): Payload {
  if (startsLikeJson(text)) {
    let resource: unknown;
    try {
      resource = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new ParseError('The message is neither an OIOXML letter nor valid FHIR JSON');
    }
    return fhirFromResource(resource, () => bytes, 'json');
  }
  const parsed = parseFhirXml(slim(text), { maxBytes });
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const where = first?.path ? ` at ${first.path}` : '';
    throw new ParseError(
      `The message is neither an OIOXML letter nor FHIR XML (${first?.code ?? 'xml-syntax'}${where})`,
    );
  }
  return fhirFromResource(parsed.resource, () => bytes, 'xml');
}

function letter(input: string | Uint8Array, bytes: Uint8Array, maxBytes: number): Payload {
  const read = readOioXml(input, { maxBytes });
  if (!read.ok) {
    const first = read.issues[0];
    throw new ParseError(`The OIOXML letter could not be read (${first?.code ?? 'unreadable'})`);
  }
  const id = textAt(read.letter, 'Letter', 'Identifier');
  const { name, version } = letterDocumentName({
    statisticalCode: textAt(read.letter, 'Letter', 'StatisticalCode'),
    typeCode: read.info.typeCode,
    versionCode: read.info.versionCode,
  });
  // Letter ids are short strings (≤ 14 characters), rarely UUIDs; the envelope's Identifier must be one.
  const identifier = id !== undefined && UUID.test(id) ? id : undefined;
  return { bytes, identifier, format: 'XML', name, version, mime: undefined };
}

function serialize(bundle: object, format: 'json' | 'xml'): string {
  if (format === 'xml') return serializeFhirXml(bundle);
  try {
    return JSON.stringify(bundle);
  } catch {
    // A cycle or a BigInt: the engine's message is not passed on, since it may quote a value.
    throw new InputError([{ field: 'message', rule: 'json', message: 'The Bundle cannot be written as JSON' }]);
  }
}

function refuseFormat(): InputError {
  return new InputError([
    {
      field: 'format',
      rule: 'format-mismatch',
      message: 'format applies to a Bundle object, or must match the serialisation of the text or bytes given',
    },
  ]);
}

/**
 * Reads a message for wrapping: its bytes as they will travel, and the envelope's meta-information.
 *
 * @param input - A Bundle object, FHIR JSON/XML text, or an OIOXML letter's text or bytes.
 * @param format - For a Bundle object, the serialisation to send (default `json`); for text or bytes it must
 *   match what is given.
 * @param maxBytes - Larger input is refused before it is parsed.
 * @returns The payload.
 * @throws `ParseError` when the input cannot be read as a MedCom FHIR message or OIOXML letter.
 * @throws `InputError` when it can, but cannot be put in an envelope (no statistical code, no UUID).
 * @example
 * ```ts
 * readPayload(bundle, 'xml', VANS_MAX_BYTES).name; // 'MCM:FDIS91#training'
 * ```
 * @internal
 */
export function readPayload(input: VansPayloadInput, format: 'json' | 'xml' | undefined, maxBytes: number): Payload {
  if (input instanceof Uint8Array) {
    const head = headText(input);
    if (!startsLikeJson(head) && rootElementName(head) === 'Emessage') {
      if (format !== undefined) throw refuseFormat();
      return letter(input, input, maxBytes);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new ParseError('The message is not valid UTF-8, as FHIR requires');
    }
    if (format !== undefined && format !== (startsLikeJson(text) ? 'json' : 'xml')) throw refuseFormat();
    return fhirFromText(text, input, maxBytes);
  }
  if (typeof input === 'string') {
    if (!startsLikeJson(input) && rootElementName(input) === 'Emessage') {
      if (format !== undefined) throw refuseFormat();
      const declared = declaredEncoding(input.slice(0, 200));
      if (declared !== undefined && declared !== 'utf-8' && declared !== 'utf8') {
        throw new InputError([
          {
            field: 'message',
            rule: 'letter-encoding',
            message: 'The letter declares an encoding other than UTF-8: pass its bytes, not its text',
          },
        ]);
      }
      return letter(input, new TextEncoder().encode(input), maxBytes);
    }
    if (format !== undefined && format !== (startsLikeJson(input) ? 'json' : 'xml')) throw refuseFormat();
    return fhirFromText(input, new TextEncoder().encode(input), maxBytes);
  }
  if (typeof input !== 'object' || input === null) {
    throw new InputError([
      { field: 'message', rule: 'type', message: 'Expected a Bundle object, FHIR or OIOXML text, or bytes' },
    ]);
  }
  const chosen = format ?? 'json';
  return fhirFromResource(input, () => new TextEncoder().encode(serialize(input, chosen)), chosen);
}

/**
 * A letter to send, read: its bytes as they will travel and the envelope identifier it brings itself (its own id
 * when that is a UUID, else `undefined`: the sender chooses one, and must keep it for every envelope of the letter).
 *
 * @param input - The letter's bytes, or its text when it is UTF-8.
 * @returns The bytes and the letter's UUID id, if any.
 * @throws `ParseError` when the input is no readable OIOXML letter; `InputError` (`letter-encoding`) for text that
 *   declares another encoding than UTF-8 (its bytes must be given instead).
 * @example
 * ```ts
 * const { bytes, identifier } = readLetterPayload(await file.bytes());
 * ```
 * @internal
 */
export function readLetterPayload(input: string | Uint8Array): { bytes: Uint8Array; identifier: string | undefined } {
  const head = typeof input === 'string' ? input.slice(0, 4096) : headText(input);
  if (startsLikeJson(head) || rootElementName(head) !== 'Emessage') {
    throw new ParseError('Not an OIOXML letter: the root element is not Emessage');
  }
  const payload = readPayload(input, undefined, VANS_MAX_BYTES);
  return { bytes: payload.bytes, identifier: payload.identifier };
}
