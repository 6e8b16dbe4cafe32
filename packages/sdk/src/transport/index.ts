// SPDX-License-Identifier: MIT
// `@samspil/sdk/transport`: envelopes, reliable messaging (outbox, inbox, stores) and the hub transport.
export type { MailboxItem, Transport } from './types.js';
export type { IncomingRecord, OutgoingRecord, OutgoingState, ReliableStore } from './reliable/records.js';
