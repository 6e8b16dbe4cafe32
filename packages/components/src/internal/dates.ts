// SPDX-License-Identifier: MIT
import type { LetterDateTime } from '@samspil/sdk/oioxml';
import type { Locale } from '../i18n/strings.js';

/** A letter's date and time as a reader expects it: `25.09.2024 kl. 10:12` / `25/09/2024 10:12`. */
export function formatDateTime(value: LetterDateTime | undefined, locale: Locale): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.date);
  const date = match
    ? locale === 'da'
      ? `${match[3]}.${match[2]}.${match[1]}`
      : `${match[3]}/${match[2]}/${match[1]}`
    : value.date;
  if (!value.time) return date;
  return locale === 'da' ? `${date} kl. ${value.time}` : `${date} ${value.time}`;
}
