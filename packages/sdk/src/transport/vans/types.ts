// SPDX-License-Identifier: MIT
// The VANSEnvelope 1.0.4 as typed data: what unwrapping gives and what receipts echo.

/**
 * The namespace of VANSEnvelope 1.0.4.
 *
 * @example
 * ```ts
 * xml.includes(`xmlns="${VANS_NAMESPACE}"`);
 * ```
 * @category Transport
 */
export const VANS_NAMESPACE = 'urn:oio:medcom:vans-envelope:1.0.4';

/**
 * MedCom's limit for one message including its VANS envelope: 100 MB (104 857 600 bytes).
 *
 * @example
 * ```ts
 * if (file.size > VANS_MAX_BYTES) showTooLarge();
 * ```
 * @category Transport
 */
export const VANS_MAX_BYTES = 100 * 1024 * 1024;

/**
 * How a party is addressed (`SenderID/@EndPointType`): EAN (a GLN, lokationsnummer), CVR or a VANS id.
 *
 * @example
 * ```ts
 * const type: VansEndPointType = 'EAN';
 * ```
 * @category Transport
 */
export type VansEndPointType = 'EAN' | 'CVR' | 'VANS';

/**
 * `Document/Format`: `HL7` for FHIR messages, `XML` for OIOXML letters.
 *
 * @example
 * ```ts
 * const format: VansDocumentFormat = 'HL7';
 * ```
 * @category Transport
 */
export type VansDocumentFormat = 'XML' | 'EDIFACT' | 'HL7' | 'Binary' | 'Other';

/**
 * The three kinds of VANS receipt: the network could not deliver (`NegativeVans`), the receiving system refused
 * the message (`NegativeMessage`), or it accepted it (`PositiveMessage`). VANS receipts are separate from the FHIR
 * Acknowledgement.
 *
 * @example
 * ```ts
 * const type: VansReceiptType = 'PositiveMessage';
 * ```
 * @category Transport
 */
export type VansReceiptType = 'PositiveMessage' | 'NegativeMessage' | 'NegativeVans';

/**
 * One `Transport/ServiceTag`, e.g. `{ name: 'MCM:MIME', value: 'application/fhir+json' }`.
 *
 * @example
 * ```ts
 * const tag: VansServiceTag = { name: 'MCM:MIME', value: 'application/fhir+xml' };
 * ```
 * @category Transport
 */
export interface VansServiceTag {
  readonly name: string;
  readonly value: string;
}

/**
 * A message's `MetaInformation`: what it is, without its data. Receipts echo it as `OriginalMessage`.
 *
 * @example
 * ```ts
 * const meta: VansMetaInformation = {
 *   identifier: '42cb9200-f421-4d08-8391-7d51a2503cb4', format: 'HL7', name: 'MCM:FDIS91#training',
 *   version: '5.0', sizeInBytes: 8123, transportType: 'reliable', transformMessage: false,
 *   serviceTags: [{ name: 'MCM:MIME', value: 'application/fhir+json' }], mime: 'application/fhir+json',
 * };
 * ```
 * @category Transport
 */
export interface VansMetaInformation {
  /** `Identifier`: the MessageHeader.id of a FHIR message (stable across resends). */
  readonly identifier: string;
  /** `Processing`, when present. */
  readonly processing?: { readonly providerIdentifier: string; readonly serviceIdentifier: string };
  readonly format: VansDocumentFormat;
  /** `Document/Name`, e.g. `MCM:FDIS20#AdmissionInpatient`. */
  readonly name: string;
  /** `Document/Version`, e.g. `3.0.0`. */
  readonly version?: string;
  /** `Document/SizeInBytes`: the size of the decoded data. */
  readonly sizeInBytes: number;
  /** `Transport/Type`; when absent, VANS treats the message as `reliable`. */
  readonly transportType?: 'reliable' | 'unreliable';
  /** `Transport/TransformMessage`; present exactly when the envelope has a `Transport` element. */
  readonly transformMessage?: boolean;
  /** Every `Transport/ServiceTag`, in order. */
  readonly serviceTags: readonly VansServiceTag[];
  /** The `MCM:MIME` service tag: `application/fhir+json` or `application/fhir+xml` for a FHIR message. */
  readonly mime?: string;
}

/**
 * A message read from an envelope: its meta-information and its decoded data.
 *
 * @example
 * ```ts
 * const envelope = unwrapVansEnvelope(xml);
 * if (envelope.kind === 'message') JSON.parse(envelope.message.text());
 * ```
 * @category Transport
 */
export interface VansMessage extends VansMetaInformation {
  /** The decoded `Data`, byte for byte as sent. */
  readonly bytes: Uint8Array;
  /**
   * The data as text, decoded by its BOM or XML declaration (OIOXML letters may be windows-1252), else as UTF-8.
   * Throws a `ParseError` for bytes that are not valid in that encoding.
   */
  text(): string;
}

/**
 * One receipt `Error`: a positive integer code (as written) and a description.
 *
 * @example
 * ```ts
 * const error: VansReceiptError = { code: '12', description: 'Unknown receiver' };
 * ```
 * @category Transport
 */
export interface VansReceiptError {
  readonly code?: string;
  readonly description: string;
}

/**
 * A VANS receipt read from an envelope.
 *
 * @example
 * ```ts
 * if (envelope.kind === 'receipt' && envelope.receipt.type !== 'PositiveMessage') {
 *   markUndelivered(envelope.receipt.originalEnvelopeId, envelope.receipt.errors[0]?.description);
 * }
 * ```
 * @category Transport
 */
export interface VansReceipt {
  readonly type: VansReceiptType;
  /** The receipt's `Error`: none for `PositiveMessage`, exactly one otherwise (the schema allows one). */
  readonly errors: readonly VansReceiptError[];
  /** EnvelopeIdentifier of the envelope this receipt answers. */
  readonly originalEnvelopeId: string;
  /** The answered message's meta-information; a `NegativeVans` receipt may leave it out. */
  readonly originalMessage?: VansMetaInformation;
}

/**
 * What every envelope has: who sent it to whom, its id and when it was sent.
 *
 * @example
 * ```ts
 * const { senderId, receiverId, envelopeId } = unwrapVansEnvelope(xml);
 * ```
 * @category Transport
 */
export interface VansEnvelopeBase {
  /** `SenderID`, e.g. a GLN. */
  readonly senderId: string;
  readonly senderIdType: VansEndPointType;
  /** `ReceiverID`, e.g. a GLN. */
  readonly receiverId: string;
  readonly receiverIdType: VansEndPointType;
  /** `EnvelopeIdentifier`: new on every send, resends included. */
  readonly envelopeId: string;
  /** `SentDateTime` as written (`xs:dateTime`). */
  readonly sentDateTime: string;
}

/**
 * An envelope carrying a message.
 *
 * @example
 * ```ts
 * const envelope = unwrapVansEnvelope(xml);
 * if (envelope.kind === 'message') console.log(envelope.message.name, envelope.message.sizeInBytes);
 * ```
 * @category Transport
 */
export interface VansMessageEnvelope extends VansEnvelopeBase {
  readonly kind: 'message';
  readonly message: VansMessage;
}

/**
 * An envelope carrying a VANS receipt.
 *
 * @example
 * ```ts
 * const envelope = unwrapVansEnvelope(xml);
 * if (envelope.kind === 'receipt') console.log(envelope.receipt.type, envelope.receipt.originalEnvelopeId);
 * ```
 * @category Transport
 */
export interface VansReceiptEnvelope extends VansEnvelopeBase {
  readonly kind: 'receipt';
  readonly receipt: VansReceipt;
}

/**
 * A VANSEnvelope read by `unwrapVansEnvelope`: a message or a receipt; narrow on `kind`.
 *
 * @example
 * ```ts
 * const envelope: VansEnvelope = unwrapVansEnvelope(xml);
 * switch (envelope.kind) {
 *   case 'message': handle(envelope.message.bytes); break;
 *   case 'receipt': track(envelope.receipt); break;
 * }
 * ```
 * @category Transport
 */
export type VansEnvelope = VansMessageEnvelope | VansReceiptEnvelope;
