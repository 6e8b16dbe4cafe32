// SPDX-License-Identifier: MIT
// The VANS receipts the hub writes itself: NegativeVans when it cannot deliver, PositiveMessage when the receiver
// has confirmed a message. A receipt never gets a receipt.
import { createHash, randomUUID } from 'node:crypto';
import { redactCpr } from '@samspil/sdk';
import {
  vansReceipt,
  type VansEnvelope,
  type VansMessage,
  type VansMessageEnvelope,
  type VansMetaInformation,
} from '@samspil/sdk/transport';
import type { EnvelopeRow } from './store.js';

/** A message envelope without its data: what a receipt echoes, kept until the message is confirmed. */
type StoredHeader = Omit<VansMessageEnvelope, 'message'> & { readonly message: VansMetaInformation };

/** The SHA-256 of an envelope's text, hex: how a retry is told from a reused EnvelopeIdentifier. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The header to keep for a message envelope (JSON), or undefined for a receipt. */
export function headerOf(envelope: VansEnvelope): string | undefined {
  if (envelope.kind !== 'message') return undefined;
  // The data stays out; JSON leaves out the text() function by itself.
  return JSON.stringify(envelope, (key, value: unknown) => (key === 'bytes' ? undefined : value));
}

function receiptRow(xml: string, id: string, from: string, to: string): EnvelopeRow {
  return { sender: from, receiver: to, envelopeIdentifier: id, kind: 'receipt', body: xml, sha256: sha256(xml) };
}

/** A NegativeVans receipt for an envelope addressed to no party, or undefined when the envelope is a receipt. */
export function unknownReceiverReceipt(envelope: VansEnvelope, now: () => Date): EnvelopeRow | undefined {
  if (envelope.kind !== 'message') return undefined;
  const id = randomUUID();
  const xml = vansReceipt('NegativeVans', envelope, {
    error: { description: redactCpr(`Unknown receiver: no party has the id ${envelope.receiverId}`) },
    now,
    newId: () => id,
  });
  return receiptRow(xml, id, envelope.receiverId, envelope.senderId);
}

/** The PositiveMessage receipt for a confirmed message, from its receiver to its sender. */
export function positiveReceipt(stored: string, now: () => Date): EnvelopeRow {
  const header = JSON.parse(stored) as StoredHeader;
  // vansReceipt echoes only the meta-information; the data was not kept and is not needed.
  const message: VansMessage = { ...header.message, bytes: new Uint8Array(0), text: () => '' };
  const id = randomUUID();
  const xml = vansReceipt('PositiveMessage', { ...header, message }, { now, newId: () => id });
  return receiptRow(xml, id, header.receiverId, header.senderId);
}
