// SPDX-License-Identifier: MIT
// Time and ids for the outbox and inbox. The state machines never start timers: they read the clock when called, so
// tests move a ManualClock and call tick() instead of waiting.

/**
 * Where the outbox and inbox read the current time.
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => new Date() };
 * ```
 * @category Transport
 */
export interface Clock {
  now(): Date;
}

/**
 * New ids (EnvelopeIdentifiers, and Bundle and resource ids of resends and acknowledgements). Must return unique
 * UUIDs.
 *
 * @example
 * ```ts
 * const newId: IdSource = () => crypto.randomUUID();
 * ```
 * @category Transport
 */
export type IdSource = () => string;

/**
 * The system clock.
 *
 * @example
 * ```ts
 * new Outbox({ store, transport, self, clock: systemClock });
 * ```
 * @category Transport
 */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Random UUIDs from `crypto.randomUUID()`.
 *
 * @example
 * ```ts
 * randomId(); // '3f0c…'
 * ```
 * @category Transport
 */
export const randomId: IdSource = () => globalThis.crypto.randomUUID();

/**
 * A clock that moves only when told to: for tests and simulations.
 *
 * @example
 * ```ts
 * const clock = new ManualClock('2026-11-25T09:30:00Z');
 * clock.advance(31 * 60_000);
 * await outbox.tick(); // resends what is 31 minutes without an acknowledgement
 * ```
 * @category Transport
 */
export class ManualClock implements Clock {
  private time: number;

  /** @param start - The starting time; the epoch by default. */
  constructor(start: Date | string | number = 0) {
    this.time = new Date(start).getTime();
  }

  /** The current time. */
  now(): Date {
    return new Date(this.time);
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.time += ms;
  }

  /** Sets the clock to `time`. */
  set(time: Date | string | number): void {
    this.time = new Date(time).getTime();
  }
}

/**
 * A record time: a FHIR instant in UTC with milliseconds, the one form the outbox and inbox write.
 *
 * @internal
 */
export function recordTime(date: Date): string {
  return date.toISOString();
}

/**
 * `time` plus `ms` as a record time.
 *
 * @internal
 */
export function later(time: Date, ms: number): string {
  return recordTime(new Date(time.getTime() + ms));
}
