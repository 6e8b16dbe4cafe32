// SPDX-License-Identifier: MIT
// How an acknowledgement or a VANS receipt changes an outgoing record: pure functions, so the rules are in one place
// and the outbox only reads, applies and writes.
import { redactCpr } from '../../identifiers/redact.js';
import type { OutgoingRecord } from './records.js';

/** What an acknowledgement says, as the outbox keeps it. @internal */
export interface ReceivedAcknowledgement {
  readonly code: 'ok' | 'transient-error' | 'fatal-error';
  readonly bundleId: string;
  readonly receivedAt: string;
  readonly issues: readonly string[];
}

/** The outcome of applying an acknowledgement or receipt to a record. @internal */
export type Transition =
  | { readonly kind: 'applied'; readonly record: OutgoingRecord; readonly failure?: string }
  | { readonly kind: 'ignored'; readonly reason: 'duplicate' | 'contradicting' | 'ack-of-ack' | 'superseded' };

/** What decides a transient-error's resend. @internal */
export interface TransientPolicy {
  readonly now: Date;
  readonly maxResends: number;
  readonly transientDelayMs: number;
}

const issuesText = (issues: readonly string[]) => (issues.length > 0 ? `: ${issues.join('; ')}` : '');

/**
 * Applies an acknowledgement (MR2–MR6). The first outcome recorded stands against contradiction: once
 * `acknowledged` or `failed-fatal`, later acknowledgements are ignored. `transient-error` is not final: a later `ok`
 * for a resend replaces it (KR5), and a record `failed` for want of an answer takes whatever answer comes late.
 *
 * @internal
 */
export function applyAcknowledgement(
  record: OutgoingRecord,
  ack: ReceivedAcknowledgement,
  policy: TransientPolicy,
): Transition {
  if (record.isAcknowledgement) return { kind: 'ignored', reason: 'ack-of-ack' };
  if (record.acknowledgement?.bundleId === ack.bundleId) return { kind: 'ignored', reason: 'duplicate' };
  if (record.state === 'acknowledged' || record.state === 'failed-fatal') {
    const same = (record.state === 'acknowledged' ? 'ok' : 'fatal-error') === ack.code;
    return { kind: 'ignored', reason: same ? 'duplicate' : 'contradicting' };
  }
  const updatedAt = policy.now.toISOString();
  const base = { ...record, acknowledgement: ack, updatedAt, dueAt: undefined, error: undefined };
  switch (ack.code) {
    case 'ok':
      return { kind: 'applied', record: { ...base, state: 'acknowledged' } };
    case 'fatal-error': {
      const error = redactCpr(`The receiver answered fatal-error${issuesText(ack.issues)}`);
      return { kind: 'applied', record: { ...base, state: 'failed-fatal', error }, failure: error };
    }
    case 'transient-error': {
      // A second transient-error while a resend is already scheduled keeps that schedule.
      if (record.state === 'failed-transient' && record.dueAt !== undefined) {
        return { kind: 'applied', record: { ...record, acknowledgement: ack, updatedAt } };
      }
      const error = redactCpr(`The receiver answered transient-error${issuesText(ack.issues)}`);
      if (record.sends - 1 < policy.maxResends) {
        const dueAt = new Date(policy.now.getTime() + policy.transientDelayMs).toISOString();
        return { kind: 'applied', record: { ...base, state: 'failed-transient', dueAt, error } };
      }
      const final = `${error} (no resends left)`;
      return { kind: 'applied', record: { ...base, state: 'failed-transient', error: final }, failure: final };
    }
  }
}

/**
 * Applies a negative VANS receipt: the network (`NegativeVans`) or the receiving system (`NegativeMessage`) refused
 * the envelope. VANS receipts carry no transient/permanent distinction, and resending the same message to the same
 * receiver would meet the same refusal, so the record is `failed` for a human. Only the record's latest envelope
 * counts, and an outcome already decided by a FHIR acknowledgement stands.
 *
 * @internal
 */
export function applyNegativeReceipt(
  record: OutgoingRecord,
  receipt: { readonly type: string; readonly envelopeId: string; readonly errors: readonly string[] },
  now: Date,
): Transition {
  if (record.envelopeId !== receipt.envelopeId) return { kind: 'ignored', reason: 'superseded' };
  if (record.state !== 'queued' && record.state !== 'sent' && record.state !== 'failed-transient') {
    return { kind: 'ignored', reason: 'duplicate' };
  }
  const error = redactCpr(`${receipt.type}${issuesText(receipt.errors)}`);
  return {
    kind: 'applied',
    record: { ...record, state: 'failed', updatedAt: now.toISOString(), dueAt: undefined, error },
    failure: error,
  };
}

/**
 * Applies a `PositiveMessage` receipt to a letter: the receiving system took one of its envelopes, which is all the
 * answer a letter gets, so it is `acknowledged`. Any envelope of the letter counts (an earlier one may be taken
 * after a resend went out), and a letter `failed` for want of a receipt takes a late one. FHIR messages wait for
 * their Acknowledgement instead: for them a positive receipt changes nothing.
 *
 * @internal
 */
export function applyPositiveReceipt(record: OutgoingRecord, now: Date): Transition {
  if (record.format !== 'oioxml') return { kind: 'ignored', reason: 'superseded' };
  if (record.state === 'acknowledged' || record.state === 'failed-fatal')
    return { kind: 'ignored', reason: 'duplicate' };
  return {
    kind: 'applied',
    record: { ...record, state: 'acknowledged', updatedAt: now.toISOString(), dueAt: undefined, error: undefined },
  };
}
