// SPDX-License-Identifier: MIT
// The hub's log: one JSON object per line. Lines carry addressing (GLNs, envelope and item ids), never message
// content; anything free-form passes redactCpr first.
import { redactCpr } from '@samspil/sdk';

/**
 * Receives each log line as an object (time, level, event and the event's fields).
 *
 * @example
 * ```ts
 * const log: HubLog = (line) => lines.push(line);
 * ```
 */
export type HubLog = (line: object) => void;

/** Writes each line as JSON to standard output: the default. */
export const stdoutLog: HubLog = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

/** Fields of one line; undefined values are left out. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** A logger bound to a sink and a clock. */
export class Logger {
  constructor(
    private readonly sink: HubLog,
    private readonly now: () => Date,
  ) {}

  write(level: 'info' | 'warn' | 'error', event: string, fields: LogFields = {}): void {
    const line: Record<string, string | number | boolean> = { time: this.now().toISOString(), level, event };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) line[key] = typeof value === 'string' ? redactCpr(value) : value;
    }
    try {
      this.sink(line);
    } catch {
      // A failing log sink must not take the hub down.
    }
  }
}
