// SPDX-License-Identifier: MIT
// The reference message hub (per-GLN mailboxes on SQLite) lands with the transport work; until then the
// package only reserves its name and place in the build.

/** The hub package's version. */
export const HUB_VERSION = '0.1.0';
