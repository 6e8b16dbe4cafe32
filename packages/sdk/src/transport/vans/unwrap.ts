// SPDX-License-Identifier: MIT
// Reading a VANSEnvelope 1.0.4: a message or a receipt, checked against the schema's structure and facets.
import { ParseError } from '../../errors/errors.js';
import { isSamspilError } from '../../errors/guards.js';
import { decodeLetter } from '../../oioxml/read/decode.js';
import { parseXml } from '../../oioxml/read/parse.js';
import type { XmlElement } from '../../oioxml/read/tree.js';
import { decodeBase64 } from './base64.js';
import {
  dateTimeValue,
  endPointValue,
  fail,
  metaInformation,
  one,
  optional,
  sequence,
  simple,
  textValue,
  uuidValue,
} from './read.js';
import {
  VANS_MAX_BYTES,
  VANS_NAMESPACE,
  type VansEnvelope,
  type VansMessage,
  type VansReceipt,
  type VansReceiptError,
  type VansReceiptType,
} from './types.js';

/**
 * Options for {@link unwrapVansEnvelope}.
 *
 * @example
 * ```ts
 * const options: UnwrapVansEnvelopeOptions = { maxBytes: 10 * 1024 * 1024 };
 * ```
 * @category Transport
 */
export interface UnwrapVansEnvelopeOptions {
  /** Refuse a larger envelope (UTF-8 bytes) before reading it. Default 100 MB, MedCom's limit. */
  readonly maxBytes?: number;
}

const ROOT = 'VANSEnvelope';
const DATA_PATH = `${ROOT}/Message/Data`;
// Stands in for the cut-out Data while the rest is parsed. '#' is not base64, so real Data never equals it.
const MARKER = '#vans-data#';
const DATA_OPEN = /<((?:[A-Za-z_][\w.-]*:)?)Data(?=[\s>/])[^<>]*>/g;

/** Whether the UTF-8 encoding of `text` is longer than `limit` bytes, without encoding it. */
function utf8Exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}

function isBase64Text(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 47 && c <= 57) ||
      c === 43 ||
      c === 61 ||
      c === 32 ||
      c === 9 ||
      c === 10 ||
      c === 13;
    if (!ok) return false;
  }
  return true;
}

/**
 * Takes the Data element's content out of the document before it is parsed: the XML parser needs gigabytes and
 * many seconds for a 130 MB text node. Only plain base64 text is taken; anything else is left to the parser.
 */
function cutData(source: string): { rest: string; start: number; end: number } | undefined {
  DATA_OPEN.lastIndex = 0;
  for (let match = DATA_OPEN.exec(source); match; match = DATA_OPEN.exec(source)) {
    if (match[0].endsWith('/>')) continue;
    const start = match.index + match[0].length;
    const end = source.indexOf(`</${match[1] ?? ''}Data`, start);
    if (end === -1) return undefined;
    if (!isBase64Text(source, start, end)) continue;
    return { rest: `${source.slice(0, start)}${MARKER}${source.slice(end)}`, start, end };
  }
  return undefined;
}

function child(map: Map<string, XmlElement[]>, name: string): XmlElement {
  // sequence() has checked that every required element is there.
  return map.get(name)?.[0] as XmlElement;
}

function readMessage(element: XmlElement, source: string, cut: ReturnType<typeof cutData>): VansMessage {
  const path = `${ROOT}/Message`;
  const parts = sequence(element, path, [one('MetaInformation'), one('Data')]);
  const meta = metaInformation(child(parts, 'MetaInformation'), `${path}/MetaInformation`);
  const dataText = simple(child(parts, 'Data'), DATA_PATH);
  const bytes =
    cut !== undefined && dataText === MARKER ? decodeBase64(source, cut.start, cut.end) : decodeBase64(dataText);
  if (bytes === undefined) throw fail(DATA_PATH, 'is not well-formed base64');
  if (meta.sizeInBytes !== bytes.byteLength) {
    throw fail(`${path}/MetaInformation/Document/SizeInBytes`, `does not match the ${bytes.byteLength} bytes in Data`);
  }
  return {
    ...meta,
    bytes,
    text(): string {
      const decoded = decodeLetter(bytes);
      if (!decoded.ok) throw fail(DATA_PATH, decoded.message);
      return decoded.text;
    },
  };
}

const RECEIPT_TYPES: readonly VansReceiptType[] = ['PositiveMessage', 'NegativeMessage', 'NegativeVans'];

function readReceipt(element: XmlElement): VansReceipt {
  const path = `${ROOT}/Receipt`;
  const choice = sequence(element, path, [one(...RECEIPT_TYPES)]);
  const type = RECEIPT_TYPES.find((name) => choice.has(name)) as VansReceiptType;
  const at = `${path}/${type}`;
  const particles =
    type === 'PositiveMessage'
      ? [one('OriginalEnvelopeIdentifier'), one('OriginalMessage')]
      : [
          one('Error'),
          one('OriginalEnvelopeIdentifier'),
          type === 'NegativeVans' ? optional('OriginalMessage') : one('OriginalMessage'),
        ];
  const parts = sequence(child(choice, type), at, particles);
  const errors: VansReceiptError[] = [];
  const errorElement = parts.get('Error')?.[0];
  if (errorElement) {
    const errorPath = `${at}/Error`;
    const e = sequence(errorElement, errorPath, [optional('Code'), one('Description')]);
    const codeElement = e.get('Code')?.[0];
    let code: string | undefined;
    if (codeElement) {
      code = simple(codeElement, `${errorPath}/Code`).trim();
      if (!/^\+?0*[1-9]\d*$/.test(code)) throw fail(`${errorPath}/Code`, 'must be a positive integer');
    }
    const description = textValue(child(e, 'Description'), `${errorPath}/Description`, 512);
    errors.push({ ...(code === undefined ? {} : { code }), description });
  }
  const originalElement = parts.get('OriginalMessage')?.[0];
  return {
    type,
    errors,
    originalEnvelopeId: uuidValue(child(parts, 'OriginalEnvelopeIdentifier'), `${at}/OriginalEnvelopeIdentifier`),
    ...(originalElement ? { originalMessage: metaInformation(originalElement, `${at}/OriginalMessage`) } : {}),
  };
}

function sourceText(xml: string | Uint8Array, maxBytes: number): string {
  if (xml instanceof Uint8Array) {
    if (xml.byteLength > maxBytes)
      throw fail(ROOT, `the envelope is ${xml.byteLength} bytes; the limit is ${maxBytes}`);
    const decoded = decodeLetter(xml);
    if (!decoded.ok) throw fail(ROOT, decoded.message);
    return decoded.text;
  }
  if (typeof xml !== 'string') throw fail(ROOT, 'expected the envelope as text or bytes');
  if (utf8Exceeds(xml, maxBytes)) throw fail(ROOT, `the envelope is larger than the limit of ${maxBytes} bytes`);
  return xml;
}

function unwrap(xml: string | Uint8Array, maxBytes: number): VansEnvelope {
  const source = sourceText(xml, maxBytes);
  const cut = cutData(source);
  const parsed = parseXml(cut?.rest ?? source);
  if (!parsed.ok) {
    throw fail(ROOT, parsed.code === 'xml-entity' ? parsed.message : `not well-formed XML: ${parsed.message}`);
  }
  const root = parsed.root;
  if (root.name !== ROOT) throw fail(ROOT, 'the root element is not VANSEnvelope');
  if (root.namespace !== VANS_NAMESPACE) throw fail(ROOT, `is not in the namespace ${VANS_NAMESPACE}`);
  const parts = sequence(root, ROOT, [
    one('SenderID'),
    one('ReceiverID'),
    one('EnvelopeIdentifier'),
    one('SentDateTime'),
    one('Message', 'Receipt'),
  ]);
  const sender = endPointValue(child(parts, 'SenderID'), `${ROOT}/SenderID`);
  const receiver = endPointValue(child(parts, 'ReceiverID'), `${ROOT}/ReceiverID`);
  const base = {
    senderId: sender.value,
    senderIdType: sender.type,
    receiverId: receiver.value,
    receiverIdType: receiver.type,
    envelopeId: uuidValue(child(parts, 'EnvelopeIdentifier'), `${ROOT}/EnvelopeIdentifier`),
    sentDateTime: dateTimeValue(child(parts, 'SentDateTime'), `${ROOT}/SentDateTime`),
  };
  const message = parts.get('Message')?.[0];
  if (message) return { ...base, kind: 'message', message: readMessage(message, source, cut) };
  return { ...base, kind: 'receipt', receipt: readReceipt(child(parts, 'Receipt')) };
}

/**
 * Reads a VANSEnvelope 1.0.4: a message (its meta-information and decoded data) or a VANS receipt. The envelope
 * is checked as the XSD defines it (every required element, in order, in the VANSEnvelope namespace; UUIDs; the
 * EndPointType values; text lengths; `SizeInBytes` equal to the decoded `Data`; well-formed base64), and DOCTYPE
 * and ENTITY declarations are refused before anything is parsed. Bytes are decoded by their BOM or XML
 * declaration, else as UTF-8. Handles MedCom's 100 MB without holding a parse tree of the data.
 *
 * The payload is not checked here: validate a FHIR message with `validateMessage`, a letter with `readOioXml`.
 *
 * @param xml - The envelope as text or bytes, as a `Transport` delivers it.
 * @param options - `maxBytes`: refuse larger envelopes (default 100 MB).
 * @returns The envelope; narrow on `kind`.
 * @throws `ParseError` for anything that is not a valid envelope, with the element path first, e.g.
 *   `VANSEnvelope/Message/MetaInformation/Document/SizeInBytes: does not match the 812 bytes in Data`. Messages
 *   never quote the envelope's content.
 * @example
 * ```ts
 * for (const item of await transport.fetch()) {
 *   const envelope = unwrapVansEnvelope(item.envelope);
 *   if (envelope.kind === 'message') await handle(envelope.message.text(), envelope.message.mime);
 *   else track(envelope.receipt.type, envelope.receipt.originalEnvelopeId);
 *   await transport.confirm(item.id);
 * }
 * ```
 * @category Transport
 */
export function unwrapVansEnvelope(xml: string | Uint8Array, options: UnwrapVansEnvelopeOptions = {}): VansEnvelope {
  const maxBytes = options.maxBytes ?? VANS_MAX_BYTES;
  try {
    return unwrap(xml, maxBytes);
  } catch (error) {
    if (isSamspilError(error)) throw error;
    // A last resort for engine limits (allocation, nesting). The original is not attached: it may quote content.
    throw new ParseError(
      `${ROOT}: the envelope could not be read (${error instanceof Error ? error.name : 'unknown error'})`,
    );
  }
}
