// SPDX-License-Identifier: MIT
// The demo's configuration, from the demo server: this run's id, the parties (with their development tokens),
// the reliable-messaging timing and what is available (Storybook, MedCom's example letters).

/** @type {Promise<DemoConfig> | undefined} */
let loading;

/**
 * @typedef {{ key: string, label: string, name: string, sor: string, gln: string, token: string, ydernummer?: string }} DemoParty
 * @typedef {{ ackTimeoutMs: number, maxResends: number, pollIntervalMs: number, retryBaseMs: number,
 *   retryMaxMs: number, transientDelayMs: number }} DemoTiming
 * @typedef {{ runId: string, timing: DemoTiming, faultRate: number, storybook: boolean, letters: string[],
 *   parties: Record<'hospital' | 'municipality' | 'gp', DemoParty> }} DemoConfig
 */

/**
 * Loads the configuration once per page.
 *
 * @returns {Promise<DemoConfig>}
 */
export function loadConfig() {
  loading ??= fetch('/demo/config.json').then((response) => {
    if (!response.ok) throw new Error(`The demo server answered ${response.status} for its configuration`);
    return response.json();
  });
  return loading;
}

/**
 * The party with this GLN, if it is one of the demo's.
 *
 * @param {DemoConfig} config
 * @param {string | undefined} gln
 * @returns {DemoParty | undefined}
 */
export function partyByGln(config, gln) {
  return Object.values(config.parties).find((party) => party.gln === gln);
}

/**
 * A party's short name, or its GLN when it is none of the demo's.
 *
 * @param {DemoConfig} config
 * @param {string | undefined} gln
 * @returns {string}
 */
export function partyLabel(config, gln) {
  return partyByGln(config, gln)?.label ?? gln ?? 'unknown';
}
