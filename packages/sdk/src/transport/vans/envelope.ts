// SPDX-License-Identifier: MIT
// Wrapping one message for one receiver in a VANSEnvelope 1.0.4. A cc receiver gets its own envelope: call this
// once per receiver. A resend is a new envelope (new EnvelopeIdentifier) around the same message identifier.
import { InputError, type InputIssue } from '../../errors/errors.js';
import { parseGln } from '../../identifiers/gln.js';
import { base64Length, encodeBase64 } from './base64.js';
import { readPayload, type VansPayloadInput } from './payload.js';
import { VANS_MAX_BYTES, type VansMetaInformation } from './types.js';
import { envelopeIdFrom, envelopeXml, FacetChecker, metaInformationXml, sentDateTime } from './write.js';

/**
 * Options for {@link wrapVansEnvelope}.
 *
 * @example
 * ```ts
 * const options: WrapVansEnvelopeOptions = { sender: '5790001382445', receiver: '5790000121526', format: 'xml' };
 * ```
 * @category Transport
 */
export interface WrapVansEnvelopeOptions {
  /** The sender's GLN (EAN location number): 13 digits with a valid check digit. */
  readonly sender: string;
  /** The receiver's GLN: the primary receiver, or one cc receiver (each gets its own envelope). */
  readonly receiver: string;
  /** The EnvelopeIdentifier (a UUID); new from `newId` by default. A resend needs a new one. */
  readonly envelopeId?: string;
  /** The clock for SentDateTime; `new Date()` by default. */
  readonly now?: () => Date;
  /** New UUIDs; `crypto.randomUUID()` by default. */
  readonly newId?: () => string;
  /** How to serialise a Bundle object: `json` (default) or `xml`. For text or bytes it must match the input. */
  readonly format?: 'json' | 'xml';
}

const utf8 = /* @__PURE__ */ new TextEncoder();

function tooLarge(bytes: number | undefined): InputError {
  const size = bytes === undefined ? 'more than the limit' : `${bytes} bytes`;
  return new InputError([
    {
      field: 'message',
      rule: 'too-large',
      message: `The envelope would be ${size}; MedCom allows ${VANS_MAX_BYTES} bytes (100 MB) including the envelope`,
    },
  ]);
}

function checkGlns(options: WrapVansEnvelopeOptions): void {
  const issues: InputIssue[] = [];
  for (const field of ['sender', 'receiver'] as const) {
    const value: unknown = options[field];
    // parseGln trims; an envelope id must be exactly the 13 digits.
    if (typeof value !== 'string' || !/^\d{13}$/.test(value) || !parseGln(value).valid) {
      issues.push({ field, rule: 'gln', message: 'must be a GLN: 13 digits with a valid check digit' });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Wraps one MedCom message in a VANSEnvelope 1.0.4 for one receiver, as MedCom specifies for FHIR messages:
 * the message base64-encoded in `Data`, `Format` `HL7`, `Name` the statistical code (`MCM:FDIS20#AdmissionInpatient`,
 * `MCM:FDIS91#<category>`, `MCM:FCTL#<response code>`), `Version` per standard (CareCommunication `5.0`,
 * HospitalNotification `3.0.0`, Acknowledgement `2.0.0`), `Identifier` the MessageHeader.id, `Transport/Type`
 * `reliable` and the `MCM:MIME` service tag. An OIOXML letter travels as `Format` `XML`, named `MCM:` plus its
 * StatisticalCode (else TypeCode) with its VersionCode as `Version`, and keeps its own bytes and encoding; its
 * `Identifier` is the letter id when that is a UUID, else a new UUID.
 *
 * The message is not validated here: validate it before sending. Send one envelope per receiver (primary and each
 * cc); which receivers the MessageHeader names is the caller's business. The output validates against
 * `vans-envelope-1.0.4.xsd`.
 *
 * @param message - A FHIR Bundle object; FHIR JSON or XML text; an OIOXML letter's text (UTF-8) or bytes; or a FHIR
 *   message's UTF-8 bytes. Text and bytes travel exactly as given.
 * @param options - Sender and receiver GLNs; optionally the envelope id, clock, id source and Bundle format.
 * @returns The envelope XML (UTF-8 when encoded).
 * @throws `InputError` for a sender or receiver that is not a valid GLN (rule `gln`); a message MedCom has no
 *   statistical code for, such as a HomeCareObservation (`vans-name`); a MessageHeader.id or envelope id that is not
 *   a UUID (`uuid`); an envelope over 100 MB including the envelope (`too-large`); or a `format` that does not
 *   match the text given (`format-mismatch`).
 * @throws `ParseError` when the message cannot be read as a MedCom FHIR message or OIOXML letter.
 * @throws `ValidationError` when a Bundle object cannot be written as FHIR XML (`format: 'xml'`).
 * @example
 * ```ts
 * const xml = wrapVansEnvelope(bundle, { sender: '5790001382445', receiver: '5790000121526' });
 * await transport.send(xml);
 * // A resend: the same message in a new envelope.
 * await transport.send(wrapVansEnvelope(resentBundle, { sender, receiver }));
 * ```
 * @category Transport
 */
export function wrapVansEnvelope(message: VansPayloadInput, options: WrapVansEnvelopeOptions): string {
  if (typeof options !== 'object' || options === null) {
    throw new InputError([{ field: 'options', rule: 'required', message: 'sender and receiver are required' }]);
  }
  checkGlns(options);
  // A string's UTF-16 length never exceeds its UTF-8 size: refuse hopeless input before parsing it.
  const given = message instanceof Uint8Array ? message.byteLength : typeof message === 'string' ? message.length : 0;
  if (base64Length(given) > VANS_MAX_BYTES) throw tooLarge(undefined);

  const payload = readPayload(message, options.format, VANS_MAX_BYTES);
  const envelopeId = envelopeIdFrom(options.envelopeId, options.newId, 'envelopeId');
  const identifier = payload.identifier ?? envelopeIdFrom(undefined, options.newId, 'newId');
  const meta: VansMetaInformation = {
    identifier,
    format: payload.format,
    name: payload.name,
    ...(payload.version === undefined ? {} : { version: payload.version }),
    sizeInBytes: payload.bytes.byteLength,
    transportType: 'reliable',
    transformMessage: false,
    serviceTags: payload.mime === undefined ? [] : [{ name: 'MCM:MIME', value: payload.mime }],
    ...(payload.mime === undefined ? {} : { mime: payload.mime }),
  };
  // A letter's codes come from the letter itself and may break the schema's limits.
  const checker = new FacetChecker();
  checker.meta('message', meta);
  checker.throwIfAny();

  const { open, close } = envelopeXml({
    senderId: options.sender,
    senderIdType: 'EAN',
    receiverId: options.receiver,
    receiverIdType: 'EAN',
    envelopeId,
    sentDateTime: sentDateTime(options.now ?? (() => new Date())),
  });
  const before = `${open}  <Message>\n${metaInformationXml(meta, 'MetaInformation', 4)}\n    <Data>`;
  const after = `</Data>\n  </Message>\n${close}`;
  const total = utf8.encode(before).byteLength + base64Length(payload.bytes.byteLength) + utf8.encode(after).byteLength;
  if (total > VANS_MAX_BYTES) throw tooLarge(total);
  return `${before}${encodeBase64(payload.bytes)}${after}`;
}
