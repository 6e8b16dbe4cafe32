// SPDX-License-Identifier: MIT
// Display helpers the FHIR message viewers (<samspil-observation-report>, <samspil-acknowledgement>) share: times in
// the reader's time zone, numbers and sizes as the locale writes them, and picking the message to show.
import type { Bundle } from '@medplum/fhirtypes';
import { describeMessage, redactCpr, type MessageDescription, type MessageKind } from '@samspil/sdk';
import { formatDateTime } from '../internal/dates.js';
import type { Locale } from '../i18n/strings.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A FHIR `dateTime` or `instant` as the reader expects it, in the reader's own time zone: `21.11.2026 kl. 09:24`
 * (da) or `21/11/2026 09:24` (en). A date without a time stays a date; a partial date (`2026`, `2026-11`) or
 * anything unreadable is shown as written.
 */
export function formatInstant(value: string | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (DATE_ONLY.test(value)) return formatDateTime({ date: value }, locale);
  const time = DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) return value;
  const at = new Date(time);
  const date = `${String(at.getFullYear()).padStart(4, '0')}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return formatDateTime({ date, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` }, locale);
}

/** Whether a value may go in a `<time datetime>` attribute as written (a FHIR date or date-time with zone). */
export function isMachineTime(value: string | undefined): value is string {
  return value !== undefined && (DATE_ONLY.test(value) || (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))));
}

/**
 * A number as written in the message, with the locale's decimal mark and no grouping, so `0.05` stays `0,05`
 * and precision is never added or lost.
 */
export function formatNumber(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'da' ? text.replace('.', ',') : text;
}

/** A byte count as `812 B`, `12,3 kB` or `4,1 MB` (1 kB = 1024 bytes). */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kB'] : [bytes / (1024 * 1024), 'MB'];
  return `${formatNumber(Math.round(value * 10) / 10, locale)} ${unit}`;
}

/** A message the viewer cannot show: not of the viewer's kind, or not a MedCom message at all. */
export class WrongMessageError extends Error {
  override name = 'WrongMessageError';
  /** The kind of the first message given, when it was a MedCom message. */
  readonly found: MessageDescription | undefined;

  constructor(message: string, found?: MessageDescription) {
    super(redactCpr(message));
    this.found = found;
  }
}

/**
 * The first message of the given kind, described. Messages of other kinds are passed over; when none is of the
 * kind, a {@link WrongMessageError} names what the first message was (or why it could not be read).
 */
export function firstOfKind<K extends MessageKind>(
  bundles: readonly Bundle[],
  kind: K,
  standard: string,
): { readonly bundle: Bundle; readonly description: Extract<MessageDescription, { kind: K }> } {
  let first: MessageDescription | undefined;
  let problem: string | undefined;
  for (const bundle of bundles) {
    try {
      const description = describeMessage(bundle);
      if (description.kind === kind) {
        return { bundle, description: description as Extract<MessageDescription, { kind: K }> };
      }
      first ??= description;
    } catch (error) {
      problem ??= (error as Error).message;
    }
  }
  if (first) throw new WrongMessageError(`Expected a message of kind ${standard}, got ${first.standard.en}`, first);
  throw new WrongMessageError(problem ?? `There is no ${standard} message to show`);
}
