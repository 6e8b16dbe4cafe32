// SPDX-License-Identifier: MIT
// Long polling: a mailbox read with `wait` parks here until an item arrives for that party, the wait is over, the
// client goes away, or the hub shuts down.

/** Wakes parked mailbox reads when something arrives for their party. */
export class MailboxSignals {
  private readonly waiting = new Map<string, Set<() => void>>();
  private closed = false;

  /** Resolves when `gln` gets an item, after `ms`, when `signal` aborts, or when the hub closes. */
  wait(gln: string, ms: number, signal: AbortSignal): Promise<void> {
    if (this.closed || signal.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiting.get(gln) ?? new Set<() => void>();
      this.waiting.set(gln, set);
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.waiting.get(gln) === set) this.waiting.delete(gln);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  /** Wakes every read parked for `gln`. */
  notify(gln: string | undefined): void {
    if (gln === undefined) return;
    for (const wake of [...(this.waiting.get(gln) ?? [])]) wake();
  }

  /** Wakes every parked read and answers later ones at once: the hub is shutting down. */
  close(): void {
    this.closed = true;
    for (const set of [...this.waiting.values()]) for (const wake of [...set]) wake();
  }
}
