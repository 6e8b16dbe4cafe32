// SPDX-License-Identifier: MIT
// `@samspil/hub`: the reference message hub (per-GLN mailboxes on SQLite) for the demo, local development and
// end-to-end tests. The HTTP API is described in docs/hub-api.md.
export { startHub } from './hub.js';
export type { Hub, HubOptions, HubParty } from './options.js';
export type { HubLog } from './log.js';
export { HUB_VERSION } from './version.js';
