// SPDX-License-Identifier: MIT
// The one place with a real timer: it only calls poll(), tick() and prune(), which hold all the logic.
import type { Inbox } from './inbox.js';
import type { Outbox } from './outbox.js';

/**
 * Options of {@link startPolling}.
 *
 * @example
 * ```ts
 * const options: PollingOptions = { inbox, outbox, intervalMs: 10_000, onError: (e) => log.warn(e) };
 * ```
 * @category Transport
 */
export interface PollingOptions {
  readonly inbox?: Inbox;
  readonly outbox?: Outbox;
  /** Time between runs: 30 seconds by default. A run still going when the next is due makes that one skip. */
  readonly intervalMs?: number;
  /** Receives what a run throws (a store or network failure); the next run tries again. */
  readonly onError?: (error: unknown) => void;
}

/**
 * A running poller; `stop()` ends it and resolves when the run in progress, if any, has finished.
 *
 * @example
 * ```ts
 * const poller: Poller = startPolling({ inbox, outbox });
 * await poller.stop();
 * ```
 * @category Transport
 */
export interface Poller {
  stop(): Promise<void>;
}

/**
 * Runs the inbox and outbox on a timer: each run polls the inbox, ticks the outbox and prunes old incoming ids,
 * starting at once. Tests call `poll()` and `tick()` themselves instead.
 *
 * @param options - The inbox and/or outbox, the interval, and an error listener.
 * @returns The poller, to stop it.
 * @example
 * ```ts
 * const poller = startPolling({ inbox, outbox, intervalMs: 15_000, onError: console.warn });
 * window.addEventListener('pagehide', () => void poller.stop());
 * ```
 * @category Transport
 */
export function startPolling(options: PollingOptions): Poller {
  const { inbox, outbox, intervalMs = 30_000, onError } = options;
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = async () => {
    await inbox?.poll();
    await outbox?.tick();
    await inbox?.prune();
  };
  const start = () => {
    if (running || stopped) return;
    running = run()
      .catch((error: unknown) => {
        try {
          onError?.(error);
        } catch {
          // A faulty error listener must not stop the poller.
        }
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(start, intervalMs);
  start();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
