// SPDX-License-Identifier: MIT
// The outbox and inbox put messages into envelopes and take them out through this interface, so they do not depend
// on one envelope format (VANSEnvelope today, ehmiSBDH later) and tests can use a trivial one.
import type { Bundle } from '@medplum/fhirtypes';
import { wrapVansEnvelope } from '../vans/envelope.js';
import { unwrapVansEnvelope } from '../vans/unwrap.js';

/**
 * Where an envelope goes: this party's GLN, the receiver's GLN, the EnvelopeIdentifier, and the time to write as
 * the envelope's sent time.
 *
 * @example
 * ```ts
 * const to: EnvelopeAddress = { sender: '5790000209354', receiver: '5790001348120',
 *   envelopeId: '3f0c2a7e-0b7e-4f7a-9d65-0f4c1b2a9e11', sentAt: '2026-11-25T09:30:00Z' };
 * ```
 * @category Transport
 */
export interface EnvelopeAddress {
  readonly sender: string;
  readonly receiver: string;
  readonly envelopeId: string;
  /**
   * The envelope's sent time. The outbox passes the same value every time it retries one envelope, because the
   * network deduplicates by EnvelopeIdentifier and may refuse the same identifier on different bytes.
   */
  readonly sentAt: string;
}

/**
 * Where a letter's envelope goes: as {@link EnvelopeAddress}, plus the envelope's message `identifier` (the
 * letter's own id when that is a UUID, else one the outbox chose), the same in every envelope of the letter.
 *
 * @example
 * ```ts
 * const to: LetterAddress = { sender: '5790000209354', receiver: '5790001348120', sentAt: '2026-11-25T09:30:00Z',
 *   envelopeId: '3f0c2a7e-0b7e-4f7a-9d65-0f4c1b2a9e11', identifier: '9a1e5c0d-3b2f-4e8a-8c61-2d7f0b4e6a13' };
 * ```
 * @category Transport
 */
export interface LetterAddress extends EnvelopeAddress {
  readonly identifier: string;
}

/**
 * A VANS receipt as the codec reads it: the network's (`NegativeVans`) or the receiving system's
 * (`PositiveMessage`, `NegativeMessage`) word on one envelope. Separate from the FHIR Acknowledgement.
 *
 * @example
 * ```ts
 * const receipt: EnvelopeReceipt = { type: 'NegativeVans', originalEnvelopeId: 'e1…',
 *   errors: [{ description: 'Unknown receiver' }] };
 * ```
 * @category Transport
 */
export interface EnvelopeReceipt {
  readonly type: 'PositiveMessage' | 'NegativeMessage' | 'NegativeVans';
  readonly errors: readonly { readonly code?: number | string | undefined; readonly description: string }[];
  /** The EnvelopeIdentifier of the envelope the receipt is about. */
  readonly originalEnvelopeId: string;
  /** The original message's meta information; `identifier` is its message id. */
  readonly originalMessage?: { readonly identifier?: string | undefined } | undefined;
}

/**
 * A received envelope as the codec reads it: a message (its text is the FHIR message, JSON or XML, or an OIOXML
 * letter) or a receipt. The VANSEnvelope module's `VansEnvelope` has this shape. A codec that carries letters says
 * so with `format` (`XML` for an OIOXML letter, as VANS does) and gives the letter's exact `bytes`.
 *
 * @example
 * ```ts
 * const envelope = codec.unwrap(item.envelope);
 * if (envelope.kind === 'message') JSON.parse(envelope.message.text());
 * ```
 * @category Transport
 */
export type ReceivedEnvelope =
  | {
      readonly senderId: string;
      readonly receiverId: string;
      readonly envelopeId: string;
      readonly kind: 'message';
      readonly message: {
        readonly text: () => string;
        /** The document format: `XML` marks an OIOXML letter (FHIR messages are `HL7`). */
        readonly format?: string | undefined;
        /** The data byte for byte (a letter keeps its own encoding). */
        readonly bytes?: Uint8Array | undefined;
        /** The message identifier: a FHIR message's MessageHeader.id, a letter's envelope identifier. */
        readonly identifier?: string | undefined;
        /** The document name, e.g. `MCM:XDIS01`. */
        readonly name?: string | undefined;
        readonly version?: string | undefined;
      };
    }
  | {
      readonly senderId: string;
      readonly receiverId: string;
      readonly envelopeId: string;
      readonly kind: 'receipt';
      readonly receipt: EnvelopeReceipt;
    };

/**
 * Wraps an outgoing message in an envelope (text, e.g. VANSEnvelope XML) and reads received envelopes. `wrap` must
 * be deterministic: the same message and address give the same text. `unwrap` throws for an envelope it cannot
 * read. `wrapLetter`, optional, does the same for an OIOXML letter's bytes (`Outbox.sendLetter` needs it).
 * {@link vansCodec} is the default; inject another for another network or for tests.
 *
 * @example
 * ```ts
 * const codec: EnvelopeCodec = {
 *   wrap: (message, to) => JSON.stringify({ ...to, message }),
 *   unwrap: (text) => {
 *     const { sender, receiver, envelopeId, message } = JSON.parse(text);
 *     return { senderId: sender, receiverId: receiver, envelopeId, kind: 'message',
 *       message: { text: () => JSON.stringify(message) } };
 *   },
 * };
 * ```
 * @category Transport
 */
export interface EnvelopeCodec {
  wrap(message: Bundle, to: EnvelopeAddress): string;
  unwrap(envelope: string): ReceivedEnvelope;
  wrapLetter?(letter: Uint8Array, to: LetterAddress): string;
}

/**
 * The VANSEnvelope 1.0.4 codec, the outbox's and inbox's default: `wrapVansEnvelope` (Bundles as FHIR JSON, letters
 * as their own bytes with Format `XML`, the sent time from {@link EnvelopeAddress.sentAt}) and `unwrapVansEnvelope`.
 *
 * @example
 * ```ts
 * const xml = vansCodec.wrap(bundle, { sender, receiver, envelopeId: crypto.randomUUID(), sentAt: bundle.timestamp! });
 * vansCodec.unwrap(xml).kind; // 'message'
 * ```
 * @category Transport
 */
export const vansCodec: EnvelopeCodec = {
  wrap: (message, to) =>
    wrapVansEnvelope(message, {
      sender: to.sender,
      receiver: to.receiver,
      envelopeId: to.envelopeId,
      now: () => new Date(to.sentAt),
    }),
  unwrap: (envelope) => unwrapVansEnvelope(envelope),
  wrapLetter: (letter, to) =>
    wrapVansEnvelope(letter, {
      sender: to.sender,
      receiver: to.receiver,
      envelopeId: to.envelopeId,
      now: () => new Date(to.sentAt),
      // Used only when the letter's own id is no UUID: the outbox then chose the identifier.
      newId: () => to.identifier,
    }),
};
