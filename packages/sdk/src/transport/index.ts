// SPDX-License-Identifier: MIT
// `@samspil/sdk/transport`: envelopes, reliable messaging (outbox, inbox, stores) and the hub transport.
export type { MailboxItem, Transport } from './types.js';
export { HubTransport } from './hub-transport.js';
export type { HubDeliveryStatus, HubRetryOptions, HubTransportOptions } from './hub-transport.js';
export type { IncomingRecord, OutgoingRecord, OutgoingState, ReliableStore } from './reliable/records.js';
export { ManualClock, randomId, systemClock } from './reliable/clock.js';
export type { Clock, IdSource } from './reliable/clock.js';
export { vansCodec } from './reliable/codec.js';
export type {
  EnvelopeAddress,
  EnvelopeCodec,
  EnvelopeReceipt,
  LetterAddress,
  ReceivedEnvelope,
} from './reliable/codec.js';
export type {
  AcknowledgementIgnoredEvent,
  FailedEvent,
  ReceiptEvent,
  ReceivedLetterEvent,
  ReceivedMessageEvent,
  ReliableEvent,
  ReliableEventListener,
  SendErrorEvent,
  StateChangeEvent,
  UnreadableEvent,
} from './reliable/events.js';
export { Outbox } from './reliable/outbox.js';
export type { AcknowledgementResult, OutboxOptions, TickResult } from './reliable/outbox.js';
export { outgoingKey } from './reliable/outgoing-message.js';
export { Inbox } from './reliable/inbox.js';
export type {
  InboxHandler,
  InboxMeta,
  InboxOptions,
  InboxOutcome,
  LetterHandler,
  LetterMeta,
  PollResult,
} from './reliable/inbox.js';
export { startPolling } from './reliable/polling.js';
export type { Poller, PollingOptions } from './reliable/polling.js';
export * from './vans/index.js';
export { MemoryStore } from './reliable/memory-store.js';
export { IndexedDbStore } from './reliable/indexeddb-store.js';
