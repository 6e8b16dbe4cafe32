// SPDX-License-Identifier: MIT
// `@samspil/sdk/node`: what only runs in Node, such as the SQLite store (needs the optional peer better-sqlite3).
export { SqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export type { IncomingRecord, OutgoingRecord, OutgoingState, ReliableStore } from '../transport/reliable/records.js';
