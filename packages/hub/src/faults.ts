// SPDX-License-Identifier: MIT
// Fault injection for tests and the demo: a fraction of /v1/ requests is failed, delayed or dropped.

/** One injected fault: fail before any work, delay the answer, or drop the answer after the work. */
export type Fault =
  { readonly mode: 'fail' } | { readonly mode: 'delay'; readonly ms: number } | { readonly mode: 'drop' };

/** The shortest and longest injected delay in ms, both included. */
export type FaultDelay = readonly [min: number, max: number];

/** Injected delays last 1–3 s unless the hub is told otherwise. */
export const DEFAULT_FAULT_DELAY: FaultDelay = [1000, 3000];

/** The longest injected delay a hub accepts: a minute. */
export const MAX_FAULT_DELAY_MS = 60_000;

/** Throws a RangeError unless `rate` is a number from 0 to 1. */
export function checkRate(rate: number): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new RangeError('The fault rate must be a number from 0 to 1');
  }
  return rate;
}

/** Throws a RangeError unless `delay` is `[min, max]`, whole milliseconds with 0 ≤ min ≤ max ≤ 60 000. */
export function checkDelay(delay: FaultDelay): FaultDelay {
  const valid =
    Array.isArray(delay) &&
    delay.length === 2 &&
    delay.every((ms) => Number.isInteger(ms)) &&
    delay[0] >= 0 &&
    delay[0] <= delay[1] &&
    delay[1] <= MAX_FAULT_DELAY_MS;
  if (!valid) {
    throw new RangeError(`The fault delay must be [min, max] in whole ms with 0 ≤ min ≤ max ≤ ${MAX_FAULT_DELAY_MS}`);
  }
  return delay;
}

/**
 * Rolls for a fault. At rate 0 nothing is drawn; otherwise the first draw decides whether to disturb the request
 * (below `rate`), the second which fault (thirds: fail, delay, drop), and for a delay a third its length (`delay`,
 * 1–3 s by default).
 */
export function rollFault(
  rate: number,
  random: () => number,
  delay: FaultDelay = DEFAULT_FAULT_DELAY,
): Fault | undefined {
  if (rate <= 0 || random() >= rate) return undefined;
  const pick = Math.min(2, Math.floor(random() * 3));
  if (pick === 0) return { mode: 'fail' };
  if (pick === 1) return { mode: 'delay', ms: delay[0] + Math.round(random() * (delay[1] - delay[0])) };
  return { mode: 'drop' };
}
