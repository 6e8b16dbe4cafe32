// SPDX-License-Identifier: MIT
// Fault injection for tests and the demo: a fraction of /v1/ requests is failed, delayed or dropped.

/** One injected fault: fail before any work, delay the answer, or drop the answer after the work. */
export type Fault =
  { readonly mode: 'fail' } | { readonly mode: 'delay'; readonly ms: number } | { readonly mode: 'drop' };

/** Throws a RangeError unless `rate` is a number from 0 to 1. */
export function checkRate(rate: number): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new RangeError('The fault rate must be a number from 0 to 1');
  }
  return rate;
}

/**
 * Rolls for a fault. At rate 0 nothing is drawn; otherwise the first draw decides whether to disturb the request
 * (below `rate`), the second which fault (thirds: fail, delay, drop), and for a delay a third its length (1–3 s).
 */
export function rollFault(rate: number, random: () => number): Fault | undefined {
  if (rate <= 0 || random() >= rate) return undefined;
  const pick = Math.min(2, Math.floor(random() * 3));
  if (pick === 0) return { mode: 'fail' };
  if (pick === 1) return { mode: 'delay', ms: 1000 + Math.round(random() * 2000) };
  return { mode: 'drop' };
}
