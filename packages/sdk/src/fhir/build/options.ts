// SPDX-License-Identifier: MIT

/**
 * Where builders get the current time and new ids. Inject both to make output deterministic (tests, fixtures).
 *
 * @example
 * ```ts
 * let n = 0;
 * const options: BuildOptions = {
 *   now: () => new Date('2026-11-25T09:30:00Z'),
 *   newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
 * };
 * ```
 * @category Builders
 */
export interface BuildOptions {
  /** The clock; `new Date()` by default. */
  readonly now?: () => Date;
  /** New resource, Bundle and MessageHeader ids; `crypto.randomUUID()` by default. Must be unique UUIDs. */
  readonly newId?: () => string;
}

/** {@link BuildOptions} with the defaults filled in. */
export interface BuildContext {
  readonly now: () => Date;
  readonly newId: () => string;
}

/** Fills in the defaults of {@link BuildOptions}. */
export function buildContext(options: BuildOptions = {}): BuildContext {
  return {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
  };
}

/**
 * A FHIR `instant` (and `dateTime`) for a moment, in UTC with seconds: `2026-11-25T09:30:00Z`. MedCom requires a
 * time zone on every time; `Z` is one.
 */
export function instant(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
