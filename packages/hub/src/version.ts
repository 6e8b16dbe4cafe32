// SPDX-License-Identifier: MIT

/**
 * The hub package's version, also reported by `GET /health`.
 *
 * @example
 * ```ts
 * console.log(`Samspil hub ${HUB_VERSION}`);
 * ```
 */
export const HUB_VERSION = '0.1.0';
