// SPDX-License-Identifier: MIT
// Small display helpers shared by the lists.

const TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

/**
 * A date and time for people, in the reader's time zone.
 *
 * @param {string | undefined} iso
 * @returns {string}
 */
export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

/**
 * The time of day only, for the event log.
 *
 * @param {string | undefined} iso
 * @returns {string}
 */
export function clock(iso) {
  const date = iso ? new Date(iso) : new Date();
  return Number.isNaN(date.getTime()) ? '' : CLOCK.format(date);
}

/**
 * The words shown for an outgoing record's state.
 *
 * @type {Record<string, string>}
 */
export const STATE_LABELS = {
  queued: 'queued',
  sent: 'sent, awaiting answer',
  acknowledged: 'acknowledged',
  'failed-transient': 'failed (transient error)',
  'failed-fatal': 'failed (fatal error)',
  failed: 'failed',
};

/** Letter kinds as people say them. */
export const LETTER_LABELS = {
  'discharge-summary': 'Discharge summary',
  referral: 'Referral',
  'rehab-plan': 'Rehabilitation plan',
};

/**
 * A person's name from a letter model's or message description's patient.
 *
 * @param {{ name?: string, givenName?: string, surname?: string } | undefined} patient
 * @returns {string}
 */
export function patientName(patient) {
  if (!patient) return '';
  if (patient.name) return patient.name;
  return [patient.givenName, patient.surname].filter(Boolean).join(' ');
}

/**
 * A letter's bytes from base64 (how the outbox keeps a letter).
 *
 * @param {string} base64
 * @returns {Uint8Array}
 */
export function fromBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
