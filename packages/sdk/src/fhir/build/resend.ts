// SPDX-License-Identifier: MIT
// MedCom rule MR7: a resent message is the same letter in a new envelope.
import type { Bundle } from '@medplum/fhirtypes';
import { refuse } from './check.js';
import { buildContext, instant, type BuildOptions } from './options.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Prepares a message for resending (MedCom rule MR7, after a negative or missing acknowledgement): a copy with the
 * same MessageHeader.id, so the receiver recognises the message (MR8), a new Bundle.id and Bundle.timestamp, and
 * new `occurredDateTime` and `recorded` on the message's own Provenance, the one whose target is its
 * MessageHeader (MedCom's empty test message has none; then only the Bundle changes). Where that Provenance's
 * narrative shows the old times they are replaced too. Everything else,
 * earlier Provenances included, is unchanged, and the input is not modified. An acknowledgement can be resent the
 * same way, e.g. to answer a duplicate with the original acknowledgement.
 *
 * @param message - The message as it was sent.
 * @param options - The clock and the new Bundle.id.
 * @returns A deep copy ready to send.
 * @throws InputError with field `message` (rule `type`) when it is not a Bundle, `message.entry` (rule `required`)
 *   when it has no MessageHeader with an id.
 * @example
 * ```ts
 * const again = prepareResend(sent);
 * again.entry?.[0]?.resource?.id === sent.entry?.[0]?.resource?.id; // true
 * again.id !== sent.id; // true
 * ```
 * @category Builders
 */
export function prepareResend(message: Bundle, options: BuildOptions = {}): Bundle {
  if (!isObject(message) || message.resourceType !== 'Bundle') {
    refuse('message', 'type', 'The message is not a FHIR Bundle');
  }
  const copy = structuredClone(message) as Bundle & Json;
  const entries = array(copy['entry']).map((entry) => (isObject(entry) ? entry : {}));
  const headerEntry = entries.find(
    (entry) => isObject(entry['resource']) && entry['resource']['resourceType'] === 'MessageHeader',
  );
  const header = headerEntry?.['resource'] as Json | undefined;
  if (header === undefined || typeof header['id'] !== 'string') {
    refuse('message.entry', 'required', 'The message has no MessageHeader with an id');
  }
  const headerReferences = [
    `MessageHeader/${header['id']}`,
    ...(typeof headerEntry?.['fullUrl'] === 'string' ? [headerEntry['fullUrl']] : []),
  ];
  const current = entries
    .map((entry) => entry['resource'])
    .find(
      (resource): resource is Json =>
        isObject(resource) &&
        resource['resourceType'] === 'Provenance' &&
        array(resource['target']).some(
          (target) => isObject(target) && headerReferences.includes(String(target['reference'])),
        ),
    );

  const ctx = buildContext(options);
  const time = instant(ctx.now());
  if (current !== undefined) {
    const before = [current['occurredDateTime'], current['recorded']].filter((t): t is string => typeof t === 'string');
    current['occurredDateTime'] = time;
    current['recorded'] = time;
    const text = current['text'];
    if (isObject(text) && typeof text['div'] === 'string') {
      // Times are plain ISO text, the same escaped or not, so exact matches in the narrative are the old times.
      text['div'] = before.reduce((div, old) => div.split(old).join(time), text['div']);
    }
  }
  copy.id = ctx.newId();
  copy.timestamp = time;
  return copy;
}
