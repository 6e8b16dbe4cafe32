// SPDX-License-Identifier: MIT
// The sending half of MedCom reliable messaging (§3): persist first, send, wait for the FHIR Acknowledgement, resend
// with a new Bundle.id when none comes (MR5–MR7), and hand what cannot be delivered to a human.
//
// Crash safety: every record is written before the network call it leads to, and an envelope that may have left is
// retried with the same EnvelopeIdentifier and the same bytes, which the network delivers once. A crash before a
// write leaves the previous state, whose due work tick() redoes; a crash after the network accepted an envelope but
// before `sent` was written makes tick() post the same envelope again, harmlessly.
import type { Bundle } from '@medplum/fhirtypes';
import { isTransportError, RuleError } from '../../errors/index.js';
import { prepareResend } from '../../fhir/build/resend.js';
import { describeMessage, type MessageDescription } from '../../fhir/read/describe.js';
import { parseGln } from '../../identifiers/gln.js';
import { redactCpr } from '../../identifiers/redact.js';
import type { Transport } from '../types.js';
import { decodeBase64, encodeBase64 } from '../vans/base64.js';
import { readLetterPayload } from '../vans/payload.js';
import { later, randomId, recordTime, systemClock, type Clock, type IdSource } from './clock.js';
import { vansCodec, type EnvelopeCodec, type EnvelopeReceipt } from './codec.js';
import { emit, errorText, type ReliableEventListener } from './events.js';
import { KeyedLock } from './keyed-lock.js';
import { outgoingKey, readOutgoing, refuseInvalid } from './outgoing-message.js';
import {
  applyAcknowledgement,
  applyNegativeReceipt,
  applyPositiveReceipt,
  type Transition,
} from './outbox-transitions.js';
import type { OutgoingRecord, OutgoingState, ReliableStore } from './records.js';

/**
 * Options of {@link Outbox}.
 *
 * @example
 * ```ts
 * const options: OutboxOptions = { store, transport, self: '5790000209354', onEvent: console.log };
 * ```
 * @category Transport
 */
export interface OutboxOptions {
  readonly store: ReliableStore;
  readonly transport: Transport;
  /** Wraps messages in envelopes: {@link vansCodec} (VANSEnvelope) by default. */
  readonly codec?: EnvelopeCodec;
  /** This party's GLN: every message sent must name it as sender. */
  readonly self: string;
  /** The clock; the system clock by default. */
  readonly clock?: Clock;
  /** New EnvelopeIdentifiers and the ids of resends; `crypto.randomUUID()` by default. */
  readonly newId?: IdSource;
  /** How long to wait for an acknowledgement before resending (KR7): 30 minutes by default. */
  readonly ackTimeoutMs?: number;
  /** Resends after a timeout or a `transient-error` (MR5/MR6): 3 by default. */
  readonly maxResends?: number;
  /** Refuse messages that fail validation (MedCom §3.4): `true` by default. */
  readonly validate?: boolean;
  /** The first wait before posting again an envelope the network did not accept: 30 seconds by default. */
  readonly retryBaseMs?: number;
  /** The longest such wait (the wait doubles up to it): 15 minutes by default. */
  readonly retryMaxMs?: number;
  /** The wait before resending after a `transient-error`, giving the receiver time to recover: 5 minutes. */
  readonly transientDelayMs?: number;
  /** Receives every state change and everything a human must see. */
  readonly onEvent?: ReliableEventListener;
}

/**
 * What one {@link Outbox.tick} did.
 *
 * @example
 * ```ts
 * const { sent, resent, failed, sendErrors } = await outbox.tick();
 * ```
 * @category Transport
 */
export interface TickResult {
  /** Queued envelopes the network accepted. */
  readonly sent: number;
  /** Resends (a new Bundle.id) the network accepted. */
  readonly resent: number;
  /** Records that became `failed`. */
  readonly failed: number;
  /** Envelopes the network did not accept this time (still queued). */
  readonly sendErrors: number;
}

/**
 * What {@link Outbox.receiveAcknowledgement} did: `applied` to the record `key`, or `ignored` and why.
 *
 * @example
 * ```ts
 * const result = await outbox.receiveAcknowledgement(ack);
 * if (result.outcome === 'applied') console.log(result.record.state);
 * ```
 * @category Transport
 */
export type AcknowledgementResult =
  | { readonly outcome: 'applied'; readonly key: string; readonly record: OutgoingRecord }
  | {
      readonly outcome: 'ignored';
      readonly key: string | undefined;
      readonly reason: 'unknown-message' | 'duplicate' | 'contradicting' | 'ack-of-ack' | 'unreadable';
    };

type Step = 'sent' | 'resent' | 'failed' | 'error' | 'none';

const ACTIVE: readonly OutgoingState[] = ['queued', 'sent', 'failed-transient'];
const CODES = ['ok', 'transient-error', 'fatal-error'] as const;
const isCode = (code: string | undefined): code is (typeof CODES)[number] =>
  (CODES as readonly (string | undefined)[]).includes(code);

/**
 * Sends MedCom messages reliably: one record and one envelope per receiver (primary and each cc, §4.1), written
 * before anything goes out; an acknowledgement awaited for each; resent with a new Bundle.id and the same
 * MessageHeader.id (MR7) after `ackTimeoutMs` without one or after a `transient-error`, at most `maxResends` times;
 * then `failed`, with a `failed` event for a human. Acknowledgements sent through it (the inbox's) go out once and
 * are never tracked or resent (KR2).
 *
 * It starts no timers: call {@link Outbox.tick} regularly (or use `startPolling`), which sends what is due. Events
 * go to `onEvent`: a `state-change` for every state change, a `failed` when a human must act. One process should
 * own a store's outbox: the per-record serialisation is in memory.
 *
 * @example
 * ```ts
 * const outbox = new Outbox({ store, transport, self: '5790000209354', onEvent: (e) => ui.update(e) });
 * const records = await outbox.send(buildCareCommunication(input));
 * setInterval(() => void outbox.tick(), 60_000);
 * ```
 * @category Transport
 */
export class Outbox {
  /** The acknowledgement timeout in force (the inbox keeps ids at least this long plus a minute). */
  readonly ackTimeoutMs: number;
  readonly maxResends: number;
  private readonly store: ReliableStore;
  private readonly transport: Transport;
  private readonly codec: EnvelopeCodec;
  private readonly self: string;
  private readonly clock: Clock;
  private readonly newId: IdSource;
  private readonly validate: boolean;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly transientDelayMs: number;
  private readonly onEvent: ReliableEventListener | undefined;
  private readonly locks = new KeyedLock();
  private ticking: Promise<TickResult> | undefined;

  /** @param options - Store, transport, codec, this party's GLN, and the timing. */
  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.transport = options.transport;
    this.codec = options.codec ?? vansCodec;
    this.self = options.self;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? randomId;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 30 * 60_000;
    this.maxResends = options.maxResends ?? 3;
    this.validate = options.validate ?? true;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.retryMaxMs = options.retryMaxMs ?? 15 * 60_000;
    this.transientDelayMs = options.transientDelayMs ?? 5 * 60_000;
    this.onEvent = options.onEvent;
  }

  /**
   * Sends a message to its primary receiver and each cc receiver. Validates it first and refuses an invalid one;
   * then writes a `queued` record per receiver, then posts each envelope: accepted → `sent` (an acknowledgement
   * is due within `ackTimeoutMs`); not accepted → still `queued`, retried by {@link Outbox.tick} after a growing
   * wait. Sending a message whose MessageHeader.id is already tracked for a receiver returns the existing record
   * and sends nothing (retrying `send` after a crash is safe); an acknowledgement with a new Bundle.id is sent
   * again, which is how a duplicate is answered.
   *
   * @param message - A MedCom message Bundle whose sender is this party.
   * @returns One record per receiver, primary first.
   * @throws ValidationError with the issues when the message is invalid (nothing is written or sent); RuleError
   *   when it names another sender or a receiver without a GLN; whatever the store throws.
   * @example
   * ```ts
   * try {
   *   const [primary] = await outbox.send(message);
   *   console.log(primary?.state); // 'sent' or 'queued'
   * } catch (e) {
   *   if (isValidationError(e)) showIssues(e.issues);
   * }
   * ```
   */
  async send(message: Bundle): Promise<OutgoingRecord[]> {
    if (this.validate) refuseInvalid(message);
    const read = readOutgoing(message, this.self);
    const text = JSON.stringify(message);
    const keys = read.receivers.map((receiver) => outgoingKey(read.messageHeaderId, receiver));
    const fresh: string[] = [];
    // Every receiver's record is written before the first envelope leaves, so a crash part-way loses none.
    for (const [index, key] of keys.entries()) {
      await this.locks.run(key, async () => {
        const existing = await this.store.getOutgoing(key);
        if (existing && !(read.isAcknowledgement && existing.bundleId !== read.bundleId)) return;
        const now = recordTime(this.clock.now());
        const version = {
          message: text,
          bundleId: read.bundleId,
          envelopeId: this.newId(),
          updatedAt: now,
          dueAt: now,
        };
        const record: OutgoingRecord = existing
          ? { ...existing, ...version, state: 'queued', sends: existing.sends + 1, sentAt: undefined, error: undefined }
          : {
              key,
              messageHeaderId: read.messageHeaderId,
              senderGln: this.self,
              receiverGln: read.receivers[index] ?? '',
              isAcknowledgement: read.isAcknowledgement,
              state: 'queued',
              format: 'json',
              sends: 1,
              createdAt: now,
              ...version,
            };
        await this.store.putOutgoing(record);
        this.changed(existing?.state, record);
        fresh.push(key);
      });
    }
    for (const key of fresh) {
      await this.locks.run(key, async () => {
        const record = await this.store.getOutgoing(key);
        if (record?.state === 'queued') await this.deliver(record);
      });
    }
    const records = await Promise.all(keys.map((key) => this.store.getOutgoing(key)));
    return records.filter((record): record is OutgoingRecord => record !== undefined);
  }

  /**
   * Sends an acknowledgement (the inbox's path): like {@link Outbox.send}, but only for acknowledgements, which are
   * sent once and never resent for want of an answer, since nobody acknowledges an acknowledgement (KR2).
   *
   * @param ack - An Acknowledgement Bundle from `acknowledge` (or `prepareResend` of one, to answer a duplicate).
   * @returns The one record, for the acknowledged message's sender.
   * @throws RuleError when the Bundle is not an acknowledgement; otherwise as {@link Outbox.send}.
   * @example
   * ```ts
   * await outbox.sendAcknowledgement(acknowledge(received, { code: 'ok' }, { as: self }));
   * ```
   */
  async sendAcknowledgement(ack: Bundle): Promise<OutgoingRecord[]> {
    if (!readOutgoing(ack, this.self).isAcknowledgement) {
      throw new RuleError('sendAcknowledgement takes an acknowledgement', 'ack');
    }
    return this.send(ack);
  }

  /**
   * Sends an OIOXML letter (a discharge summary, referral, rehabilitation plan…) to one receiver, tracked like a
   * message: a `queued` record written first, then the envelope posted; resent in a new envelope after
   * `ackTimeoutMs`, at most `maxResends` times, then `failed`. Letters get no FHIR Acknowledgement: the VANS
   * `PositiveMessage` receipt for any of its envelopes (the receiving system took it) makes the record
   * `acknowledged`, and a `NegativeVans` or `NegativeMessage` receipt for its latest envelope `failed`. The letter
   * travels byte for byte in its own encoding; the record keeps it in base64 (`format` `oioxml`). Its envelopes
   * carry the letter's id as message identifier when that is a UUID, else a new one, the same in every resend;
   * sending a letter with a UUID id to the same receiver again returns the existing record and sends nothing.
   *
   * @param letter - The letter's bytes (or its text, when it is UTF-8).
   * @param receiverGln - The receiver's GLN (one receiver per call; call again for a copy receiver).
   * @returns The record.
   * @throws RuleError when the codec cannot carry letters or the receiver is not a GLN; ParseError or InputError when
   *   the letter cannot be read or put in an envelope, or is text declaring another encoding than UTF-8 (pass its
   *   bytes then); nothing is written or sent. Whatever the store throws.
   * @example
   * ```ts
   * const bytes = new Uint8Array(await (await fetch('/letters/DIS01_1.xml')).arrayBuffer());
   * const record = await outbox.sendLetter(bytes, '5790000130030');
   * console.log(record.state); // 'sent', later 'acknowledged'
   * ```
   */
  async sendLetter(letter: Uint8Array | string, receiverGln: string): Promise<OutgoingRecord> {
    if (!this.codec.wrapLetter) throw new RuleError('The envelope codec cannot carry letters', 'codec');
    if (typeof receiverGln !== 'string' || !/^\d{13}$/.test(receiverGln) || !parseGln(receiverGln).valid) {
      throw new RuleError('The receiver must be a GLN', 'receiverGln');
    }
    const read = readLetterPayload(letter);
    const bytes = read.bytes;
    const identifier = read.identifier ?? this.newId();
    const key = outgoingKey(identifier, receiverGln);
    await this.locks.run(key, async () => {
      if (await this.store.getOutgoing(key)) return;
      const now = recordTime(this.clock.now());
      const record: OutgoingRecord = {
        key,
        messageHeaderId: identifier,
        senderGln: this.self,
        receiverGln,
        isAcknowledgement: false,
        state: 'queued',
        message: encodeBase64(bytes),
        format: 'oioxml',
        bundleId: '',
        envelopeId: this.newId(),
        sends: 1,
        createdAt: now,
        updatedAt: now,
        dueAt: now,
      };
      // Refused before anything is written, as an invalid message is: a letter that cannot be wrapped never will be.
      this.wrapLetter(record);
      await this.store.putOutgoing(record);
      this.changed(undefined, record);
      await this.deliver(record);
    });
    const record = await this.store.getOutgoing(key);
    if (!record) throw new RuleError('The letter record is gone', 'key');
    return record;
  }

  /**
   * Does the work that is due: posts queued envelopes again, resends messages `ackTimeoutMs` without an
   * acknowledgement (persisting the new Bundle.id and EnvelopeIdentifier before posting), resends after a
   * `transient-error`, and marks `failed` (with a `failed` event) what is still unanswered after the last resend.
   * Concurrent calls share one run.
   *
   * @returns Counts of what happened.
   * @throws Whatever the store throws; network errors are recorded, not thrown.
   * @example
   * ```ts
   * clock.advance(31 * 60_000);
   * const { resent } = await outbox.tick();
   * ```
   */
  tick(): Promise<TickResult> {
    this.ticking ??= this.runTick().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /**
   * Resends a `failed` or `failed-transient` message now, with a new Bundle.id: a human's decision after a
   * `failed` event (MedCom describes resends as manual). Counts as one more send.
   *
   * @param key - The record's key.
   * @returns The record after the attempt.
   * @throws RuleError when there is no such record or it is in another state.
   * @example
   * ```ts
   * outbox.send(message); // … later a 'failed' event for key k, the receiver fixed their system:
   * await outbox.retry(k);
   * ```
   */
  async retry(key: string): Promise<OutgoingRecord> {
    return this.locks.run(key, async () => {
      const record = await this.store.getOutgoing(key);
      if (!record || record.isAcknowledgement || (record.state !== 'failed' && record.state !== 'failed-transient')) {
        throw new RuleError('Only a failed message can be retried', 'key');
      }
      await this.resend(record);
      return (await this.store.getOutgoing(key)) ?? record;
    });
  }

  /**
   * Applies a received FHIR Acknowledgement (called by the inbox) to the record of the message it answers: the one
   * whose MessageHeader.id is `response.identifier` and whose receiver is the acknowledgement's sender. `ok` →
   * `acknowledged`; `fatal-error` → `failed-fatal` (never resent); `transient-error` → `failed-transient`, resent
   * after `transientDelayMs` while resends are left (MR5/MR6). Once `acknowledged` or `failed-fatal`, later
   * acknowledgements change nothing (a contradicting one is reported, not applied); a `transient-error` is
   * replaced by a later `ok` (KR5); a record `failed` for want of an answer takes a late one. An acknowledgement
   * for an unknown message, or for an acknowledgement, is ignored with an `acknowledgement-ignored` event.
   *
   * @param ack - The acknowledgement as received.
   * @param options - `from`: the envelope's sender GLN, used when the acknowledgement names none.
   * @returns What was done.
   * @throws RuleError when the Bundle is a MedCom message but not an acknowledgement.
   * @example
   * ```ts
   * const result = await outbox.receiveAcknowledgement(ack);
   * ```
   */
  async receiveAcknowledgement(ack: Bundle, options: { readonly from?: string } = {}): Promise<AcknowledgementResult> {
    const now = this.clock.now();
    let description: MessageDescription;
    try {
      description = describeMessage(ack);
    } catch {
      return this.ignored(undefined, undefined, undefined, undefined, 'unreadable');
    }
    if (description.kind !== 'acknowledgement') throw new RuleError('Not an acknowledgement', 'ack');
    const { acknowledgedMessageHeaderId: id, responseCode: code, issues } = description.details;
    const from = description.sender?.gln ?? options.from;
    const bundleId = description.bundleId;
    if (id === undefined || from === undefined || bundleId === undefined || !isCode(code)) {
      return this.ignored(undefined, id, from, code, 'unreadable');
    }
    const key = outgoingKey(id, from);
    return this.locks.run(key, async (): Promise<AcknowledgementResult> => {
      const record = await this.store.getOutgoing(key);
      // A letter is answered by a VANS receipt, never by a FHIR acknowledgement.
      if (!record || record.format === 'oioxml') return this.ignored(key, id, from, code, 'unknown-message');
      const received = {
        code,
        bundleId,
        receivedAt: recordTime(now),
        issues: issues.map((issue) =>
          redactCpr([issue.detailCodes.join(', '), issue.text].filter((part) => part).join(': ')),
        ),
      };
      const policy = { now, maxResends: this.maxResends, transientDelayMs: this.transientDelayMs };
      const transition = applyAcknowledgement(record, received, policy);
      if (transition.kind === 'ignored') {
        return this.ignored(key, id, from, code, transition.reason === 'superseded' ? 'duplicate' : transition.reason);
      }
      await this.apply(record, transition);
      return { outcome: 'applied', key, record: transition.record };
    });
  }

  /**
   * Applies a VANS receipt (called by the inbox). `NegativeVans` or `NegativeMessage` for a record's latest
   * envelope marks it `failed` (with a `failed` event): VANS gives no way to tell a passing refusal from a
   * lasting one, and the same message to the same receiver would be refused again. `PositiveMessage` (the
   * receiving system took the envelope) changes nothing for a FHIR message, which waits for its Acknowledgement,
   * and makes a letter ({@link Outbox.sendLetter}) `acknowledged`. A `receipt` event is emitted either way.
   *
   * @param receipt - The receipt as the codec read it.
   * @param options - `from`: the receipt envelope's sender, the original envelope's receiver; lets a receipt for an
   *   earlier envelope of a letter find the letter.
   * @returns The record it concerned, after the change, if one was found.
   * @example
   * ```ts
   * const envelope = codec.unwrap(item.envelope);
   * if (envelope.kind === 'receipt') await outbox.receiveReceipt(envelope.receipt);
   * ```
   */
  async receiveReceipt(
    receipt: EnvelopeReceipt,
    options: { readonly from?: string } = {},
  ): Promise<OutgoingRecord | undefined> {
    const found = await this.findByEnvelope(receipt, options.from);
    emit(this.onEvent, {
      type: 'receipt',
      receipt: receipt.type,
      envelopeId: receipt.originalEnvelopeId,
      key: found?.key,
      at: recordTime(this.clock.now()),
    });
    if (!found || (receipt.type === 'PositiveMessage' && found.format !== 'oioxml')) return found;
    return this.locks.run(found.key, async () => {
      const record = await this.store.getOutgoing(found.key);
      if (!record) return undefined;
      if (receipt.type === 'PositiveMessage') {
        const positive = applyPositiveReceipt(record, this.clock.now());
        if (positive.kind === 'ignored') return record;
        await this.apply(record, positive);
        return positive.record;
      }
      const errors = receipt.errors.map((e) => (e.code === undefined ? e.description : `${e.code} ${e.description}`));
      const transition = applyNegativeReceipt(
        record,
        { type: receipt.type, envelopeId: receipt.originalEnvelopeId, errors },
        this.clock.now(),
      );
      if (transition.kind === 'ignored') return record;
      await this.apply(record, transition);
      return transition.record;
    });
  }

  private async runTick(): Promise<TickResult> {
    const now = this.clock.now();
    const due = await this.store.listOutgoing({ states: ACTIVE, dueBy: recordTime(now) });
    const counts = { sent: 0, resent: 0, failed: 0, sendErrors: 0 };
    for (const { key } of due) {
      const step = await this.locks.run(key, () => this.advance(key, now));
      if (step === 'sent') counts.sent++;
      else if (step === 'resent') counts.resent++;
      else if (step === 'failed') counts.failed++;
      else if (step === 'error') counts.sendErrors++;
    }
    return counts;
  }

  /** The due work for one record, re-read under its lock: something else may have changed it since listing. */
  private async advance(key: string, now: Date): Promise<Step> {
    const record = await this.store.getOutgoing(key);
    if (!record || record.dueAt === undefined || Date.parse(record.dueAt) > now.getTime()) return 'none';
    switch (record.state) {
      case 'queued':
        return this.deliver(record);
      case 'sent':
        if (record.isAcknowledgement) return 'none';
        if (record.sends - 1 < this.maxResends) return this.resend(record);
        return this.fail(
          record,
          `No ${record.format === 'oioxml' ? 'PositiveMessage receipt' : 'acknowledgement'} after ${record.sends - 1} resend(s)`,
        );
      case 'failed-transient':
        return this.resend(record);
      default:
        return 'none';
    }
  }

  /** A new Bundle.id in a new envelope, written before it is posted (MR7); a letter goes again as it is. */
  private async resend(record: OutgoingRecord): Promise<Step> {
    const bundle =
      record.format === 'oioxml'
        ? undefined
        : prepareResend(JSON.parse(record.message) as Bundle, { now: () => this.clock.now(), newId: this.newId });
    const now = recordTime(this.clock.now());
    const next: OutgoingRecord = {
      ...record,
      state: 'queued',
      ...(bundle === undefined ? {} : { message: JSON.stringify(bundle), bundleId: bundle.id ?? this.newId() }),
      envelopeId: this.newId(),
      sends: record.sends + 1,
      updatedAt: now,
      dueAt: now,
      sentAt: undefined,
      error: undefined,
    };
    await this.store.putOutgoing(next);
    this.changed(record.state, next);
    const step = await this.deliver(next);
    return step === 'sent' ? 'resent' : step;
  }

  /** Posts the record's current envelope; the record must be `queued`. */
  private async deliver(record: OutgoingRecord): Promise<Step> {
    let envelope: string;
    try {
      envelope = record.format === 'oioxml' ? this.wrapLetter(record) : this.wrapMessage(record);
    } catch (error) {
      return this.fail(record, `The envelope could not be made: ${errorText(error)}`);
    }
    try {
      await this.transport.send(envelope);
    } catch (error) {
      // The network refused this envelope for good (bad envelope, wrong sender, too large): a human must look.
      if (isTransportError(error) && !error.retryable) {
        return this.fail(record, `The network refused the message: ${errorText(error)}`);
      }
      const now = this.clock.now();
      const retryAt = later(now, this.backoff(record));
      const next: OutgoingRecord = { ...record, updatedAt: recordTime(now), dueAt: retryAt, error: errorText(error) };
      await this.store.putOutgoing(next);
      const { key, messageHeaderId, receiverGln } = record;
      emit(this.onEvent, {
        type: 'send-error',
        key,
        messageHeaderId,
        receiverGln,
        error: next.error ?? '',
        retryAt,
        at: next.updatedAt,
      });
      return 'error';
    }
    const now = this.clock.now();
    const next: OutgoingRecord = {
      ...record,
      state: 'sent',
      sentAt: recordTime(now),
      updatedAt: recordTime(now),
      dueAt: record.isAcknowledgement ? undefined : later(now, this.ackTimeoutMs),
      error: undefined,
    };
    await this.store.putOutgoing(next);
    this.changed(record.state, next);
    return 'sent';
  }

  private wrapMessage(record: OutgoingRecord): string {
    const bundle = JSON.parse(record.message) as Bundle;
    return this.codec.wrap(bundle, {
      sender: this.self,
      receiver: record.receiverGln,
      envelopeId: record.envelopeId,
      // Fixed per envelope (when the record, or the resend's Bundle, was made), so a retry posts the same bytes.
      sentAt: record.sends === 1 || typeof bundle.timestamp !== 'string' ? record.createdAt : bundle.timestamp,
    });
  }

  private wrapLetter(record: OutgoingRecord): string {
    const bytes = decodeBase64(record.message);
    if (!this.codec.wrapLetter || bytes === undefined) throw new RuleError('The letter cannot be wrapped', 'message');
    return this.codec.wrapLetter(bytes, {
      sender: this.self,
      receiver: record.receiverGln,
      envelopeId: record.envelopeId,
      identifier: record.messageHeaderId,
      // Every envelope of a letter carries the time it was first sent: a retry must post the same bytes, and the
      // record keeps no other time per envelope.
      sentAt: record.createdAt,
    });
  }

  /** Doubles the previous wait, which a failed attempt leaves as `dueAt - updatedAt`. */
  private backoff(record: OutgoingRecord): number {
    if (record.error === undefined || record.dueAt === undefined) return this.retryBaseMs;
    const previous = Date.parse(record.dueAt) - Date.parse(record.updatedAt);
    return Math.min(this.retryMaxMs, Math.max(this.retryBaseMs, 2 * previous));
  }

  private async fail(record: OutgoingRecord, reason: string): Promise<Step> {
    const next: OutgoingRecord = {
      ...record,
      state: 'failed',
      updatedAt: recordTime(this.clock.now()),
      dueAt: undefined,
      error: reason,
    };
    await this.apply(record, { kind: 'applied', record: next, failure: reason });
    return 'failed';
  }

  private async apply(before: OutgoingRecord, transition: Transition & { kind: 'applied' }): Promise<void> {
    const { record, failure } = transition;
    await this.store.putOutgoing(record);
    this.changed(before.state, record);
    const state = record.state;
    if (failure !== undefined && (state === 'failed' || state === 'failed-fatal' || state === 'failed-transient')) {
      const { key, messageHeaderId, receiverGln } = record;
      emit(this.onEvent, {
        type: 'failed',
        key,
        messageHeaderId,
        receiverGln,
        state,
        reason: failure,
        at: record.updatedAt,
      });
    }
  }

  private changed(from: OutgoingState | undefined, record: OutgoingRecord): void {
    if (from === record.state) return;
    const { key, messageHeaderId, receiverGln, sends, updatedAt } = record;
    emit(this.onEvent, {
      type: 'state-change',
      key,
      messageHeaderId,
      receiverGln,
      from,
      to: record.state,
      sends,
      at: updatedAt,
    });
  }

  private ignored(
    key: string | undefined,
    messageHeaderId: string | undefined,
    senderGln: string | undefined,
    code: string | undefined,
    reason: 'unknown-message' | 'duplicate' | 'contradicting' | 'ack-of-ack' | 'unreadable',
  ): AcknowledgementResult {
    const at = recordTime(this.clock.now());
    emit(this.onEvent, { type: 'acknowledgement-ignored', messageHeaderId, senderGln, code, reason, at });
    return { outcome: 'ignored', key, reason };
  }

  /**
   * The record whose latest envelope the receipt names. The store has no index by EnvelopeIdentifier: the
   * receipt's message identifier is tried as a MessageHeader.id first; a negative receipt falls back to scanning
   * the records still in play (positive ones are only reported, so they skip the scan).
   */
  private async findByEnvelope(
    receipt: EnvelopeReceipt,
    from: string | undefined,
  ): Promise<OutgoingRecord | undefined> {
    const envelopeId = receipt.originalEnvelopeId;
    const identifier = receipt.originalMessage?.identifier;
    if (identifier !== undefined) {
      const byMessage = await this.store.listOutgoing({ messageHeaderId: identifier });
      const found = byMessage.find((record) => record.envelopeId === envelopeId);
      if (found) return found;
      // A letter is delivered by any of its envelopes; its receiver sent the receipt.
      const letter = byMessage.find((record) => record.format === 'oioxml' && record.receiverGln === from);
      if (receipt.type === 'PositiveMessage') return letter;
    }
    if (receipt.type === 'PositiveMessage') return undefined;
    const active = await this.store.listOutgoing({ states: ACTIVE });
    return active.find((record) => record.envelopeId === envelopeId);
  }
}
