// SPDX-License-Identifier: MIT
import type { Bundle } from '@medplum/fhirtypes';
import { readOioXmlDocument, type LetterKind } from '@samspil/sdk/oioxml';
import { MessageLoadError, readMessage, type MessageSource } from '../internal/message-loader.js';

/** The FHIR message kinds by `MessageHeader.eventCoding.code`. */
const FHIR_KINDS = {
  'hospital-notification-message': 'hospital-notification',
  'care-communication-message': 'care-communication',
  'acknowledgement-message': 'acknowledgement',
  'homecareobservation-message': 'home-care-observation',
  'empty-message': 'empty',
} as const;

/** What `<samspil-message>` was given, sorted out: a FHIR message of a kind, or an OIOXML letter of a kind. */
export type Classified =
  | { readonly type: 'fhir'; readonly kind: (typeof FHIR_KINDS)[keyof typeof FHIR_KINDS]; readonly bundle: Bundle }
  | { readonly type: 'letter'; readonly kind: LetterKind; readonly bytes: Uint8Array | string | Document };

// FHIR XML carries the FHIR namespace on its root; OIOXML letters carry MedCom's.
const FHIR_NAMESPACE = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<Bundle\b[^>]*xmlns="http:\/\/hl7\.org\/fhir"/;

function isFhirText(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') || FHIR_NAMESPACE.test(start.slice(0, 4096));
}

function classifyBundle(bundle: Bundle): Classified {
  const header = bundle.entry?.[0]?.resource;
  const code = header?.resourceType === 'MessageHeader' ? header.eventCoding?.code : undefined;
  const kind = code === undefined ? undefined : FHIR_KINDS[code as keyof typeof FHIR_KINDS];
  if (kind === undefined) throw new MessageLoadError('The message is not a MedCom message this element can show');
  return { type: 'fhir', kind, bundle };
}

/** Sorts a message or letter out by what it is, reading only as much as that needs. */
export async function classify(source: MessageSource | Document): Promise<Classified> {
  if (typeof Document !== 'undefined' && source instanceof Document) return classifyLetter(source);
  if (typeof source === 'object' && !(source instanceof Uint8Array)) return classifyBundle(source as Bundle);
  // A letter's encoding is in its declaration; ASCII is enough to tell FHIR from OIOXML.
  const head = typeof source === 'string' ? source : new TextDecoder('latin1').decode(source.subarray(0, 4096));
  if (isFhirText(head)) return classifyBundle(await readMessage(source));
  return classifyLetter(source);
}

function classifyLetter(source: Uint8Array | string | Document): Classified {
  const read = readOioXmlDocument(source);
  if (!read.ok) throw new MessageLoadError(read.issues[0]?.message ?? 'The letter could not be read');
  if (read.info.kind === undefined) throw new MessageLoadError('The letter is not of a kind this element can show');
  return { type: 'letter', kind: read.info.kind, bytes: source };
}
