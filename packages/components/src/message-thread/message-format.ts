// SPDX-License-Identifier: MIT
// Small display helpers the thread viewer and the composer share. Pure functions, no side effects, so the composer
// can import them without pulling in the viewer.
import { categoryLabel } from '@samspil/sdk';
import type { Locale } from '../i18n/strings.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A FHIR dateTime as a reader expects it, in the reader's own time zone: `01.05.2024 kl. 12:00` (da) or
 * `01/05/2024 12:00` (en). A date without a time is shown as a date; anything unparsable as written.
 */
export function formatInstant(value: string | undefined, locale: Locale): string {
  if (value === undefined) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return locale === 'da' ? `${day[3]}.${day[2]}.${day[1]}` : `${day[3]}/${day[2]}/${day[1]}`;
  // Only full FHIR dateTimes (with a time zone, as MedCom requires) are converted; Date.parse takes too much else.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const date =
    locale === 'da'
      ? `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()}`
      : `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return locale === 'da' ? `${date} kl. ${time}` : `${date} ${time}`;
}

/**
 * A `tel:` URL for a telephone number as written: spaces and punctuation removed, `00` read as `+`, and a bare
 * Danish 8-digit number given `+45`. `undefined` when what is left is no telephone number.
 */
export function telHref(number: string | undefined): string | undefined {
  if (number === undefined) return undefined;
  const compact = number.replace(/[\s().\-/]/g, '').replace(/^00/, '+');
  if (/^\d{8}$/.test(compact)) return `tel:+45${compact}`;
  return /^\+?\d{3,15}$/.test(compact) ? `tel:${compact}` : undefined;
}

/** A CareCommunication category's label in the locale, or the code itself for a code MedCom does not define. */
export function categoryText(code: string, locale: Locale): string {
  return categoryLabel(code)?.[locale] ?? code;
}

/** Whether a URL may be a link: http or https only (never `javascript:`, `data:` or a relative path). */
export function isWebUrl(url: string | undefined): url is string {
  if (url === undefined || !/^https?:\/\//i.test(url.trim())) return false;
  try {
    return new URL(url.trim()).hostname !== '';
  } catch {
    return false;
  }
}
