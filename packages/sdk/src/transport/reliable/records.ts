// SPDX-License-Identifier: MIT
// What the outbox and inbox persist, and the store interface every backend (memory, IndexedDB, SQLite) implements.
// Records are plain JSON-safe data so any backend can keep them; times are FHIR instants (UTC, `Z`).

/**
 * Where an outgoing message stands for one receiver: `queued` (persisted, not yet accepted by the network),
 * `sent` (accepted, awaiting the FHIR Acknowledgement, or for a letter the `PositiveMessage` receipt),
 * `acknowledged` (an `ok` acknowledgement, or for a letter the `PositiveMessage` receipt, arrived),
 * `failed-transient` / `failed-fatal` (a `transient-error` / `fatal-error` acknowledgement arrived), or `failed`
 * (no acknowledgement after the last resend, or the network refused it for good: a human must look).
 *
 * @category Transport
 */
export type OutgoingState = 'queued' | 'sent' | 'acknowledged' | 'failed-transient' | 'failed-fatal' | 'failed';

/**
 * One message to one receiver (the primary receiver and each cc receiver are tracked apart).
 *
 * An OIOXML letter sent with `Outbox.sendLetter` is a record too, with `format` `oioxml`: `message` holds the
 * letter's bytes in base64 (letters keep their own encoding), `messageHeaderId` the envelopes' message identifier,
 * `bundleId` is empty, and the VANS `PositiveMessage` receipt (the receiving system took the envelope) is what makes
 * it `acknowledged`, since letters get no FHIR Acknowledgement.
 *
 * @category Transport
 */
export interface OutgoingRecord {
  /** `<MessageHeader.id>|<receiver GLN>`. */
  readonly key: string;
  /** The MessageHeader.id; for a letter, the message identifier its envelopes carry. */
  readonly messageHeaderId: string;
  readonly senderGln: string;
  readonly receiverGln: string;
  /** An acknowledgement is sent and forgotten: it is never acknowledged (KR2), so it is never resent. */
  readonly isAcknowledgement: boolean;
  readonly state: OutgoingState;
  /** The Bundle as last sent (JSON text); a resend replaces it with a new Bundle.id (MR7). A letter's base64 bytes. */
  readonly message: string;
  /** How `message` is kept: a FHIR Bundle as `json` (or `xml`), or an OIOXML letter (`oioxml`, base64). */
  readonly format: 'json' | 'xml' | 'oioxml';
  /** The Bundle.id last sent; empty for a letter. */
  readonly bundleId: string;
  /** EnvelopeIdentifier of the envelope last sent. */
  readonly envelopeId: string;
  /** Sends so far (1 after the first send); resends are `sends - 1`. */
  readonly sends: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the current send was accepted by the network. */
  readonly sentAt?: string;
  /** When to act next: retry a send that did not reach the network, or resend for want of an acknowledgement. */
  readonly dueAt?: string;
  /** The acknowledgement received: its code, Bundle.id and issue texts (never set for a letter). */
  readonly acknowledgement?: {
    readonly code: 'ok' | 'transient-error' | 'fatal-error';
    readonly bundleId: string;
    readonly receivedAt: string;
    readonly issues: readonly string[];
  };
  /** Why the record is `failed`, or the last send error. CPR numbers never appear here. */
  readonly error?: string;
}

/**
 * What a receiver remembers about a message it has seen (per MessageHeader.id): every Bundle.id it came in, and
 * the acknowledgement it answered with, so a duplicate gets the same answer again (never a contradicting one).
 *
 * @category Transport
 */
export interface IncomingRecord {
  readonly messageHeaderId: string;
  readonly senderGln: string;
  /** Every Bundle.id this message arrived with. */
  readonly bundleIds: readonly string[];
  /**
   * `handled` (the handler succeeded; answered ok), `rejected` (failed validation; answered fatal-error), or
   * `failed` (the handler threw; answered transient-error, and a later copy is handled again).
   */
  readonly state: 'handled' | 'rejected' | 'failed';
  readonly ackCode: 'ok' | 'transient-error' | 'fatal-error';
  /** The acknowledgement Bundle (JSON text) sent in answer, resent as it is for a duplicate. */
  readonly acknowledgement: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

/**
 * Persistence for the outbox and inbox. Each method is atomic on its own; a crash between two calls leaves every
 * record either before or after the call. Implementations: `MemoryStore`, `IndexedDbStore` (browser) and
 * `SqliteStore` (Node, `@samspil/sdk/node`).
 *
 * @category Transport
 */
export interface ReliableStore {
  /** Inserts or replaces an outgoing record by `key`. */
  putOutgoing(record: OutgoingRecord): Promise<void>;
  /** The outgoing record with this `key`, or `undefined`. */
  getOutgoing(key: string): Promise<OutgoingRecord | undefined>;
  /** Outgoing records, oldest `createdAt` first, optionally only those in `states`, or due at or before `dueBy`. */
  listOutgoing(query?: {
    readonly states?: readonly OutgoingState[];
    readonly dueBy?: string;
    readonly messageHeaderId?: string;
  }): Promise<OutgoingRecord[]>;
  /** Inserts or replaces an incoming record by `messageHeaderId`. */
  putIncoming(record: IncomingRecord): Promise<void>;
  /** The incoming record of this MessageHeader.id, or `undefined`. */
  getIncoming(messageHeaderId: string): Promise<IncomingRecord | undefined>;
  /** The incoming record one of whose `bundleIds` is `bundleId`. */
  findIncomingByBundleId(bundleId: string): Promise<IncomingRecord | undefined>;
  /** Forgets incoming records last seen before `before`; returns how many. */
  pruneIncoming(before: string): Promise<number>;
  /** Releases the store; later calls reject. */
  close(): Promise<void>;
}
