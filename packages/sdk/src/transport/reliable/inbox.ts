// SPDX-License-Identifier: MIT
// The receiving half of MedCom reliable messaging (§3): every message is answered (KR1), never an acknowledgement
// (KR2); ok once handled (KR3), transient-error when the handler fails (KR4) and ok when a later copy is handled
// (KR5), fatal-error when invalid (KR6); a message seen before gets its original answer again (§3.3).
//
// Crash safety: for each mailbox item the writes are (1) the handler, (2) the incoming record with its answer,
// (3) the answer, queued in the outbox before it is posted, (4) the mailbox confirmation. The network redelivers
// an unconfirmed item, so a crash anywhere repeats the item on restart: before (2) the message is new again and is
// handled again (the only window in which a handler can run twice: handlers should be idempotent per
// MessageHeader.id, given in meta); from (2) on it is a duplicate, answered from the stored record without the
// handler, so an answer lost with the crash is sent again, with a new Bundle.id, and nothing is lost.
import type { Bundle } from '@medplum/fhirtypes';
import { isRuleError, isValidationError } from '../../errors/index.js';
import type { AcknowledgementOutcome } from '../../fhir/build/acknowledgement.js';
import { prepareResend } from '../../fhir/build/resend.js';
import { describeMessage, type MessageDescription } from '../../fhir/read/describe.js';
import { validateMessage, type ValidationResult } from '../../fhir/validate/index.js';
import type { MailboxItem, Transport } from '../types.js';
import { randomId, recordTime, systemClock, type Clock, type IdSource } from './clock.js';
import { vansCodec, type EnvelopeCodec, type ReceivedEnvelope } from './codec.js';
import { emit, errorText, type ReliableEventListener, type UnreadableEvent } from './events.js';
import { answer, invalidOutcome, OUTCOMES, parseBundle } from './inbox-answers.js';
import { KeyedLock } from './keyed-lock.js';
import type { Outbox } from './outbox.js';
import type { IncomingRecord, ReliableStore } from './records.js';

/**
 * What the handler learns beside the message.
 *
 * @example
 * ```ts
 * const handler: InboxHandler = async (message, meta) => {
 *   await db.saveOnce(meta.messageHeaderId, message); // idempotent per MessageHeader.id
 * };
 * ```
 * @category Transport
 */
export interface InboxMeta {
  /** The mailbox item. */
  readonly itemId: string;
  readonly envelopeId: string;
  /** The sender's GLN. */
  readonly senderGln: string;
  /** When the network accepted the envelope. */
  readonly receivedAt: string;
  /** Stable across resends: the key to make a handler idempotent. */
  readonly messageHeaderId: string;
  readonly bundleId: string | undefined;
  /** Whether an earlier copy reached the handler, which threw (KR5: this copy is handled anew). */
  readonly retry: boolean;
  readonly description: MessageDescription;
}

/**
 * Takes a valid, new message into the application. Resolve when it is safely stored: the sender then gets `ok`. A
 * throw answers `transient-error` (KR4), and the resent copy is handed over again.
 *
 * @example
 * ```ts
 * const handler: InboxHandler = async (message, meta) => {
 *   if (meta.description.kind === 'care-communication') await letters.save(meta.messageHeaderId, message);
 * };
 * ```
 * @category Transport
 */
export type InboxHandler = (message: Bundle, meta: InboxMeta) => Promise<void>;

/**
 * What a letter handler learns beside the letter.
 *
 * @example
 * ```ts
 * const onLetter: LetterHandler = async (bytes, meta) => {
 *   await letters.saveOnce(meta.identifier ?? meta.envelopeId, bytes); // idempotent per identifier
 * };
 * ```
 * @category Transport
 */
export interface LetterMeta {
  /** The mailbox item. */
  readonly itemId: string;
  readonly envelopeId: string;
  /** The sender's GLN (the envelope's SenderID). */
  readonly senderGln: string;
  /** When the network accepted the envelope. */
  readonly receivedAt: string;
  /** The envelope's message identifier: the same in every envelope of one letter, so the key for idempotence. */
  readonly identifier: string | undefined;
  /** The envelope's document name, e.g. `MCM:XDIS01`, and version, e.g. `XD0133L`. */
  readonly name: string | undefined;
  readonly version: string | undefined;
}

/**
 * Takes an OIOXML letter into the application: its exact bytes (in the letter's own encoding; read them with
 * `parseLetter` from `@samspil/sdk/oioxml`). Resolve when it is safely stored: the mailbox item is then confirmed,
 * which gives the sender its VANS `PositiveMessage` receipt. A throw leaves the item in the mailbox: the poll stops
 * there and the letter comes again at the next one. The sender may resend a letter in a new envelope, so make the
 * handler idempotent per `meta.identifier`.
 *
 * @example
 * ```ts
 * const onLetter: LetterHandler = async (bytes, meta) => {
 *   const letter = parseLetter(bytes);
 *   if (letter.ok) await letters.save(meta.identifier, letter.model);
 * };
 * ```
 * @category Transport
 */
export type LetterHandler = (letter: Uint8Array, meta: LetterMeta) => Promise<void>;

/**
 * Options of {@link Inbox}.
 *
 * @example
 * ```ts
 * const options: InboxOptions = { store, transport, outbox, self: '5790001348120', handler };
 * ```
 * @category Transport
 */
export interface InboxOptions {
  readonly store: ReliableStore;
  readonly transport: Transport;
  /** Sends the acknowledgements, and receives the acknowledgements and receipts that arrive. */
  readonly outbox: Outbox;
  /** Reads envelopes: {@link vansCodec} (VANSEnvelope) by default. */
  readonly codec?: EnvelopeCodec;
  /** This party's GLN: it signs the acknowledgements, as primary or cc receiver. */
  readonly self: string;
  readonly handler: InboxHandler;
  /**
   * Takes OIOXML letters (envelopes with Format `XML`). Without it, a letter is confirmed and reported as
   * `unreadable` (it is no FHIR message), as before letters were supported.
   */
  readonly onLetter?: LetterHandler;
  /** The clock; the system clock by default. */
  readonly clock?: Clock;
  /** Ids of acknowledgements; `crypto.randomUUID()` by default. */
  readonly newId?: IdSource;
  /** How long to remember a message after it was last seen (§3.3): the outbox's ack timeout plus a minute. */
  readonly retainMs?: number;
  /** Items fetched per poll: 100 by default. */
  readonly fetchLimit?: number;
  /** Receives what arrived, and what could not be answered. */
  readonly onEvent?: ReliableEventListener;
}

/**
 * What the inbox did with one mailbox item: a message `handled`, `rejected` (fatal-error), `failed` (the handler
 * threw; transient-error) or a `duplicate` answered again; an `acknowledgement` or `receipt` passed to the outbox;
 * a `letter` handed to `onLetter`; or `unreadable` (confirmed and dropped, with an event).
 *
 * @example
 * ```ts
 * const outcome: InboxOutcome = await inbox.process(item);
 * ```
 * @category Transport
 */
export type InboxOutcome =
  'handled' | 'rejected' | 'failed' | 'duplicate' | 'acknowledgement' | 'receipt' | 'letter' | 'unreadable';

/**
 * What one {@link Inbox.poll} did.
 *
 * @example
 * ```ts
 * const { fetched, outcomes } = await inbox.poll();
 * ```
 * @category Transport
 */
export interface PollResult {
  readonly fetched: number;
  /** One per item processed, in mailbox order. */
  readonly outcomes: readonly InboxOutcome[];
}

interface Received {
  readonly item: MailboxItem;
  readonly envelope: ReceivedEnvelope & { readonly kind: 'message' };
  readonly bundle: Bundle;
  readonly validation: ValidationResult;
  readonly description: MessageDescription | undefined;
  readonly messageHeaderId: string;
}

interface Answer {
  readonly state: IncomingRecord['state'];
  readonly ack: Bundle;
  readonly ackCode: IncomingRecord['ackCode'];
  /** Whether the item's Bundle.id joins the record (not when another message owns it). */
  readonly ownsBundleId: boolean;
  readonly reason?: string;
}

/**
 * Receives MedCom messages from this party's mailbox, in order, answering each with an acknowledgement through
 * the outbox, and confirming each item only once its outcome is stored and its answer sent or queued.
 *
 * Duplicates (§3.3, keyed by MessageHeader.id and Bundle.id): a MessageHeader.id seen before gets the original
 * acknowledgement again, same content and code, new Bundle.id (`prepareResend`), and the handler is not called,
 * unless the handler threw last time (then the copy is handled anew, KR5). A Bundle.id seen before under another
 * MessageHeader.id is the matrix's "Error: Bundle.id reused": the sender broke Bundle.id uniqueness, so the
 * message is rejected with `fatal-error` (`MSG_DUPLICATE_ID`) and not handed over; a resend of it with a fresh
 * Bundle.id gets the same answer, never a contradicting one.
 *
 * @example
 * ```ts
 * const inbox = new Inbox({ store, transport, outbox, self: '5790001348120', handler: saveLetter });
 * await inbox.poll();
 * await inbox.prune();
 * ```
 * @category Transport
 */
export class Inbox {
  private readonly store: ReliableStore;
  private readonly transport: Transport;
  private readonly outbox: Outbox;
  private readonly codec: EnvelopeCodec;
  private readonly self: string;
  private readonly handler: InboxHandler;
  private readonly onLetter: LetterHandler | undefined;
  private readonly clock: Clock;
  private readonly newId: IdSource;
  private readonly retainMs: number;
  private readonly fetchLimit: number;
  private readonly onEvent: ReliableEventListener | undefined;
  private readonly locks = new KeyedLock();
  private polling: Promise<PollResult> | undefined;

  /** @param options - Store, transport, outbox, codec, this party's GLN and the handler. */
  constructor(options: InboxOptions) {
    this.store = options.store;
    this.transport = options.transport;
    this.outbox = options.outbox;
    this.codec = options.codec ?? vansCodec;
    this.self = options.self;
    this.handler = options.handler;
    this.onLetter = options.onLetter;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? randomId;
    this.retainMs = options.retainMs ?? options.outbox.ackTimeoutMs + 60_000;
    this.fetchLimit = options.fetchLimit ?? 100;
    this.onEvent = options.onEvent;
  }

  /**
   * Fetches once and processes each item in mailbox order. Concurrent calls share one run.
   *
   * @param options - `limit` (default `fetchLimit`) and `waitSeconds` for the fetch.
   * @returns What was done with each item.
   * @throws What the transport's fetch or confirm, or the store, throws; the items not yet confirmed stay in the
   *   mailbox and come again.
   * @example
   * ```ts
   * const { outcomes } = await inbox.poll({ waitSeconds: 20 });
   * ```
   */
  poll(options: { readonly limit?: number; readonly waitSeconds?: number } = {}): Promise<PollResult> {
    this.polling ??= this.runPoll(options).finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  /**
   * Processes one mailbox item: unwraps it; passes receipts and acknowledgements to the outbox (an
   * acknowledgement is never acknowledged, KR2); hands letters to `onLetter`; answers every other message
   * (validated first, KR6) and confirms the item.
   *
   * @param item - The item as fetched.
   * @returns What was done.
   * @throws What the store, the transport or `onLetter` throws; the item is then not confirmed and will come again.
   * @example
   * ```ts
   * for (const item of await transport.fetch()) await inbox.process(item);
   * ```
   */
  async process(item: MailboxItem): Promise<InboxOutcome> {
    let envelope: ReceivedEnvelope;
    try {
      envelope = this.codec.unwrap(item.envelope);
    } catch (error) {
      return this.drop(item, { what: 'envelope', reason: errorText(error) });
    }
    if (envelope.kind === 'receipt') {
      await this.outbox.receiveReceipt(envelope.receipt, { from: envelope.senderId });
      await this.transport.confirm(item.id);
      return 'receipt';
    }
    if (this.onLetter && envelope.message.format === 'XML') return this.letter(item, envelope, this.onLetter);
    const senderGln = envelope.senderId;
    let bundle: Bundle | undefined;
    try {
      bundle = parseBundle(envelope.message.text());
    } catch {
      bundle = undefined;
    }
    if (!bundle) return this.drop(item, { what: 'message', senderGln, reason: 'Not a FHIR Bundle (JSON or XML)' });
    const validation = validateMessage(bundle);
    let description: MessageDescription | undefined;
    try {
      description = describeMessage(bundle);
    } catch {
      description = undefined;
    }
    if (description?.kind === 'acknowledgement') {
      if (!validation.ok) {
        const reason = `${validation.issues.filter((i) => i.severity === 'error').length} validation error(s)`;
        emit(this.onEvent, {
          ...this.at(),
          type: 'unreadable',
          what: 'invalid-acknowledgement',
          itemId: item.id,
          senderGln,
          reason,
        });
      }
      await this.outbox.receiveAcknowledgement(bundle, { from: senderGln });
      await this.transport.confirm(item.id);
      return 'acknowledgement';
    }
    const messageHeaderId = description?.messageHeaderId ?? validation.messageHeaderId;
    if (messageHeaderId === undefined) {
      return this.drop(item, { what: 'unanswerable', senderGln, reason: 'The message has no MessageHeader.id' });
    }
    const received: Received = { item, envelope, bundle, validation, description, messageHeaderId };
    return this.locks.run(messageHeaderId, () => this.receive(received));
  }

  /**
   * Forgets messages last seen more than `retainMs` ago (§3.3: at least the sender's timeout plus a minute).
   *
   * @returns How many were forgotten.
   * @example
   * ```ts
   * await inbox.prune();
   * ```
   */
  async prune(): Promise<number> {
    return this.store.pruneIncoming(recordTime(new Date(this.clock.now().getTime() - this.retainMs)));
  }

  private async runPoll(options: { readonly limit?: number; readonly waitSeconds?: number }): Promise<PollResult> {
    const items = await this.transport.fetch({ limit: options.limit ?? this.fetchLimit, ...options });
    const outcomes: InboxOutcome[] = [];
    // In order, and stopping at the first failure, so a later item never overtakes an earlier one.
    for (const item of items) outcomes.push(await this.process(item));
    return { fetched: items.length, outcomes };
  }

  /** The duplicate matrix (§3.3), then validation, then the handler. */
  private async receive(received: Received): Promise<InboxOutcome> {
    const { item, bundle, validation, description, messageHeaderId } = received;
    const seen = await this.store.getIncoming(messageHeaderId);
    const bundleId = typeof bundle.id === 'string' ? bundle.id : undefined;
    if (seen && seen.state !== 'failed') return this.repeat(received, seen, bundleId);
    const owner = bundleId === undefined ? undefined : await this.store.findIncomingByBundleId(bundleId);
    const reused = owner !== undefined && owner.messageHeaderId !== messageHeaderId;

    let outcome: Answer | undefined;
    if (reused) {
      outcome = this.build(received, OUTCOMES.bundleIdReused, 'rejected', 'Bundle.id reused', false);
    } else if (!validation.ok || description === undefined) {
      outcome = this.build(received, invalidOutcome(validation.issues), 'rejected', 'Invalid message', true);
    } else {
      // Built first: a message this party cannot acknowledge is not handed over either (KR1).
      const ok = this.build(received, OUTCOMES.ok, 'handled', undefined, true);
      if (ok === undefined) return this.unanswerable(received);
      const meta: InboxMeta = {
        itemId: item.id,
        envelopeId: received.envelope.envelopeId,
        senderGln: description.sender?.gln ?? received.envelope.senderId,
        receivedAt: item.receivedAt,
        messageHeaderId,
        bundleId,
        retry: seen?.state === 'failed',
        description,
      };
      try {
        await this.handler(bundle, meta);
        outcome = ok;
      } catch (error) {
        outcome = this.build(received, OUTCOMES.transient, 'failed', errorText(error), true);
      }
    }
    if (outcome === undefined) return this.unanswerable(received);
    return this.finish(received, seen, bundleId, outcome);
  }

  /** The acknowledgement for an outcome, or undefined when this party cannot acknowledge the message. */
  private build(
    received: Received,
    outcome: AcknowledgementOutcome,
    state: IncomingRecord['state'],
    reason: string | undefined,
    ownsBundleId: boolean,
  ): Answer | undefined {
    try {
      const ack = answer(received.bundle, outcome, this.self, () => this.clock.now(), this.newId);
      return { state, ack, ackCode: outcome.code, ownsBundleId, ...(reason === undefined ? {} : { reason }) };
    } catch {
      return undefined;
    }
  }

  private async finish(
    received: Received,
    seen: IncomingRecord | undefined,
    bundleId: string | undefined,
    outcome: Answer,
  ): Promise<InboxOutcome> {
    const now = recordTime(this.clock.now());
    const senderGln = received.description?.sender?.gln ?? received.envelope.senderId;
    const previous = seen?.bundleIds ?? [];
    const join = outcome.ownsBundleId && bundleId !== undefined && !previous.includes(bundleId);
    const record: IncomingRecord = {
      messageHeaderId: received.messageHeaderId,
      senderGln,
      bundleIds: join ? [...previous, bundleId] : previous,
      state: outcome.state,
      ackCode: outcome.ackCode,
      acknowledgement: JSON.stringify(outcome.ack),
      firstSeenAt: seen?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    await this.store.putIncoming(record);
    await this.sendAnswer(received, outcome.ack);
    await this.transport.confirm(received.item.id);
    emit(this.onEvent, {
      type: 'message',
      outcome: outcome.state,
      code: outcome.ackCode,
      messageHeaderId: received.messageHeaderId,
      senderGln,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      at: now,
    });
    return outcome.state;
  }

  /** A message seen before: its original acknowledgement again, in a new Bundle, and no handler. */
  private async repeat(received: Received, seen: IncomingRecord, bundleId: string | undefined): Promise<InboxOutcome> {
    const now = recordTime(this.clock.now());
    let bundleIds = seen.bundleIds;
    if (bundleId !== undefined && !bundleIds.includes(bundleId)) {
      const owner = await this.store.findIncomingByBundleId(bundleId);
      if (owner === undefined) bundleIds = [...bundleIds, bundleId];
    }
    await this.store.putIncoming({ ...seen, bundleIds, lastSeenAt: now });
    const again = prepareResend(JSON.parse(seen.acknowledgement) as Bundle, {
      now: () => this.clock.now(),
      newId: this.newId,
    });
    await this.sendAnswer(received, again);
    await this.transport.confirm(received.item.id);
    emit(this.onEvent, {
      type: 'message',
      outcome: 'duplicate',
      code: seen.ackCode,
      messageHeaderId: seen.messageHeaderId,
      senderGln: seen.senderGln,
      at: now,
    });
    return 'duplicate';
  }

  /** Queues the answer; one the outbox refuses is reported, since nothing better can be done with it. */
  private async sendAnswer(received: Received, ack: Bundle): Promise<void> {
    try {
      await this.outbox.sendAcknowledgement(ack);
    } catch (error) {
      if (!isValidationError(error) && !isRuleError(error)) throw error;
      emit(this.onEvent, {
        ...this.at(),
        type: 'unreadable',
        what: 'acknowledgement-refused',
        itemId: received.item.id,
        senderGln: received.envelope.senderId,
        messageHeaderId: received.messageHeaderId,
        reason: errorText(error),
      });
    }
  }

  /** A letter: handed over, then confirmed (the network answers the sender with PositiveMessage); no FHIR answer. */
  private async letter(
    item: MailboxItem,
    envelope: ReceivedEnvelope & { readonly kind: 'message' },
    onLetter: LetterHandler,
  ): Promise<InboxOutcome> {
    const { message } = envelope;
    let bytes: Uint8Array;
    try {
      bytes = message.bytes ?? new TextEncoder().encode(message.text());
    } catch (error) {
      return this.drop(item, { what: 'message', senderGln: envelope.senderId, reason: errorText(error) });
    }
    await onLetter(bytes, {
      itemId: item.id,
      envelopeId: envelope.envelopeId,
      senderGln: envelope.senderId,
      receivedAt: item.receivedAt,
      identifier: message.identifier,
      name: message.name,
      version: message.version,
    });
    await this.transport.confirm(item.id);
    emit(this.onEvent, {
      ...this.at(),
      type: 'letter',
      envelopeId: envelope.envelopeId,
      identifier: message.identifier,
      senderGln: envelope.senderId,
      name: message.name,
    });
    return 'letter';
  }

  private unanswerable(received: Received): Promise<InboxOutcome> {
    return this.drop(received.item, {
      what: 'unanswerable',
      senderGln: received.envelope.senderId,
      messageHeaderId: received.messageHeaderId,
      reason: 'The message cannot be acknowledged by this party (sender or receiver unreadable, or not addressed here)',
    });
  }

  private async drop(
    item: MailboxItem,
    details: Pick<UnreadableEvent, 'what' | 'reason' | 'senderGln' | 'messageHeaderId'>,
  ): Promise<InboxOutcome> {
    await this.transport.confirm(item.id);
    emit(this.onEvent, { ...this.at(), type: 'unreadable', itemId: item.id, ...details });
    return 'unreadable';
  }

  private at(): { readonly at: string } {
    return { at: recordTime(this.clock.now()) };
  }
}
