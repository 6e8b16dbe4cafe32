// SPDX-License-Identifier: MIT
// What the outbox and inbox report to the application: every outgoing state change, anything a human must look at,
// and what arrived. Events carry ids, GLNs, codes and CPR-masked texts, never message content.
import { redactCpr } from '../../identifiers/redact.js';
import type { OutgoingState } from './records.js';

interface At {
  /** When it happened (FHIR instant). */
  readonly at: string;
}

interface OutgoingRef {
  /** The outgoing record's key, `<MessageHeader.id>|<receiver GLN>`. */
  readonly key: string;
  readonly messageHeaderId: string;
  readonly receiverGln: string;
}

/**
 * An outgoing record changed state (for UIs showing where each message stands). `from` is `undefined` when the
 * record was created.
 *
 * @example
 * ```ts
 * const event: StateChangeEvent = { type: 'state-change', key: 'a1…|5790001348120', messageHeaderId: 'a1…',
 *   receiverGln: '5790001348120', from: 'queued', to: 'sent', sends: 1, at: '2026-11-25T09:30:00.000Z' };
 * ```
 * @category Transport
 */
export interface StateChangeEvent extends OutgoingRef, At {
  readonly type: 'state-change';
  readonly from: OutgoingState | undefined;
  readonly to: OutgoingState;
  /** Envelopes prepared so far (1 for the original, 2 after the first resend). */
  readonly sends: number;
}

/**
 * An outgoing message needs a human: no acknowledgement after the last resend, a `fatal-error` acknowledgement, a
 * `transient-error` one with no resends left, or a negative VANS receipt.
 *
 * @example
 * ```ts
 * const event: FailedEvent = { type: 'failed', key: 'a1…|5790001348120', messageHeaderId: 'a1…',
 *   receiverGln: '5790001348120', state: 'failed', reason: 'No acknowledgement after 3 resends', at: '…' };
 * ```
 * @category Transport
 */
export interface FailedEvent extends OutgoingRef, At {
  readonly type: 'failed';
  readonly state: 'failed' | 'failed-fatal' | 'failed-transient';
  readonly reason: string;
}

/**
 * The network did not accept an envelope; the outbox tries again at `retryAt` (no state change: still `queued`).
 *
 * @example
 * ```ts
 * const event: SendErrorEvent = { type: 'send-error', key: 'a1…|5790001348120', messageHeaderId: 'a1…',
 *   receiverGln: '5790001348120', error: 'TransportError: 503', retryAt: '…', at: '…' };
 * ```
 * @category Transport
 */
export interface SendErrorEvent extends OutgoingRef, At {
  readonly type: 'send-error';
  readonly error: string;
  readonly retryAt: string;
}

/**
 * An acknowledgement that changed nothing: for an unknown message, a repeat of one already applied, one that
 * contradicts the outcome already recorded (kept, never overwritten), or one answering an acknowledgement (KR2).
 *
 * @example
 * ```ts
 * const event: AcknowledgementIgnoredEvent = { type: 'acknowledgement-ignored', messageHeaderId: 'a1…',
 *   senderGln: '5790001348120', code: 'ok', reason: 'duplicate', at: '…' };
 * ```
 * @category Transport
 */
export interface AcknowledgementIgnoredEvent extends At {
  readonly type: 'acknowledgement-ignored';
  /** The acknowledged MessageHeader.id (`response.identifier`). */
  readonly messageHeaderId: string | undefined;
  /** Who sent the acknowledgement. */
  readonly senderGln: string | undefined;
  readonly code: string | undefined;
  readonly reason: 'unknown-message' | 'duplicate' | 'contradicting' | 'ack-of-ack' | 'unreadable';
}

/**
 * A VANS receipt arrived for an envelope this party sent. `key` is the outgoing record it concerns, if any still
 * has that envelope as its latest.
 *
 * @example
 * ```ts
 * const event: ReceiptEvent = { type: 'receipt', receipt: 'PositiveMessage', envelopeId: 'e1…',
 *   key: 'a1…|5790001348120', at: '…' };
 * ```
 * @category Transport
 */
export interface ReceiptEvent extends At {
  readonly type: 'receipt';
  readonly receipt: 'PositiveMessage' | 'NegativeMessage' | 'NegativeVans';
  readonly envelopeId: string;
  readonly key: string | undefined;
}

/**
 * A received message was answered: `handled` (the handler succeeded, `ok`), `rejected` (invalid or a reused
 * Bundle.id, `fatal-error`), `failed` (the handler threw, `transient-error`), or `duplicate` (seen before: the
 * original acknowledgement was sent again and the handler not called).
 *
 * @example
 * ```ts
 * const event: ReceivedMessageEvent = { type: 'message', outcome: 'handled', code: 'ok', messageHeaderId: 'a1…',
 *   senderGln: '5790000209354', at: '…' };
 * ```
 * @category Transport
 */
export interface ReceivedMessageEvent extends At {
  readonly type: 'message';
  readonly outcome: 'handled' | 'rejected' | 'failed' | 'duplicate';
  readonly code: 'ok' | 'transient-error' | 'fatal-error';
  readonly messageHeaderId: string;
  readonly senderGln: string;
  /** Why it was rejected or failed (the handler's error with CPR numbers masked); never sent to the sender. */
  readonly reason?: string;
}

/**
 * An OIOXML letter arrived and was handed to the inbox's `onLetter`, then confirmed (the network answers the sender
 * with a `PositiveMessage` receipt; letters get no FHIR acknowledgement).
 *
 * @example
 * ```ts
 * const event: ReceivedLetterEvent = { type: 'letter', envelopeId: 'e1…', identifier: '9a1e…',
 *   senderGln: '5790000130016', name: 'MCM:XDIS01', at: '…' };
 * ```
 * @category Transport
 */
export interface ReceivedLetterEvent extends At {
  readonly type: 'letter';
  readonly envelopeId: string;
  /** The envelope's message identifier, the same in every envelope of the letter. */
  readonly identifier: string | undefined;
  readonly senderGln: string;
  /** The envelope's document name, e.g. `MCM:XDIS01`. */
  readonly name: string | undefined;
}

/**
 * A mailbox item that could not be answered, so it was confirmed and dropped: an envelope the codec cannot read,
 * a message that is not a readable FHIR message, or one whose sender or MessageHeader id cannot be read (nothing to
 * acknowledge to). An acknowledgement that fails validation is reported here too (`invalid-acknowledgement`:
 * contact the partner out of band, §3.4); its outcome is still applied when it can be read.
 *
 * @example
 * ```ts
 * const event: UnreadableEvent = { type: 'unreadable', what: 'envelope', itemId: '17', reason: 'Not XML', at: '…' };
 * ```
 * @category Transport
 */
export interface UnreadableEvent extends At {
  readonly type: 'unreadable';
  readonly what: 'envelope' | 'message' | 'unanswerable' | 'invalid-acknowledgement' | 'acknowledgement-refused';
  readonly itemId: string;
  readonly senderGln?: string;
  readonly messageHeaderId?: string;
  readonly reason: string;
}

/**
 * Everything the outbox and inbox report; narrow on `type`.
 *
 * @example
 * ```ts
 * const onEvent = (event: ReliableEvent) => {
 *   if (event.type === 'failed') notifyHuman(event.key, event.reason);
 * };
 * ```
 * @category Transport
 */
export type ReliableEvent =
  | StateChangeEvent
  | FailedEvent
  | SendErrorEvent
  | AcknowledgementIgnoredEvent
  | ReceiptEvent
  | ReceivedMessageEvent
  | ReceivedLetterEvent
  | UnreadableEvent;

/**
 * Receives events. Called synchronously; what it throws is caught and dropped, so a faulty listener can never
 * break the outbox or inbox.
 *
 * @example
 * ```ts
 * const listener: ReliableEventListener = (event) => ui.dispatchEvent(new CustomEvent(event.type, { detail: event }));
 * ```
 * @category Transport
 */
export type ReliableEventListener = (event: ReliableEvent) => void;

/** Calls the listener, if any, swallowing its errors: a UI bug must not stop a message. @internal */
export function emit(listener: ReliableEventListener | undefined, event: ReliableEvent): void {
  try {
    listener?.(event);
  } catch {
    // Deliberately ignored, see above.
  }
}

/** An error's name and message for an event or record, CPR numbers masked. @internal */
export function errorText(error: unknown): string {
  return redactCpr(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
