// SPDX-License-Identifier: MIT
// The contract between the reliable-messaging layer and whatever carries envelopes: the reference hub over HTTP
// today, VANS or EHMI adapters later. Envelopes travel as VANSEnvelope XML text.

/** One envelope waiting in this party's mailbox. */
export interface MailboxItem {
  /** The mailbox's id for the item: pass it to {@link Transport.confirm} once the item is safely handled. */
  readonly id: string;
  /** The VANSEnvelope XML as received. */
  readonly envelope: string;
  /** When the network accepted it (FHIR instant). */
  readonly receivedAt: string;
}

/**
 * Carries envelopes for one party (one GLN). Every method may throw a `TransportError`; `send` and `confirm` are
 * idempotent (sending the same EnvelopeIdentifier twice delivers it once), so callers may retry them freely.
 *
 * @category Transport
 */
export interface Transport {
  /** Posts one VANSEnvelope (XML). Resolves when the network has durably accepted it. */
  send(envelope: string): Promise<void>;
  /** Up to `limit` envelopes from this party's mailbox, oldest first; waits up to `waitSeconds` for one. */
  fetch(options?: { readonly limit?: number; readonly waitSeconds?: number }): Promise<readonly MailboxItem[]>;
  /** Removes a handled item from the mailbox; until then it is fetched again (at-least-once delivery). */
  confirm(itemId: string): Promise<void>;
}
