// SPDX-License-Identifier: MIT
// The acknowledgements the inbox answers with, and how a received text becomes a Bundle.
import type { Bundle } from '@medplum/fhirtypes';
import {
  acknowledge,
  type AcknowledgementIssue,
  type AcknowledgementOutcome,
} from '../../fhir/build/acknowledgement.js';
import type { FhirIssue } from '../../fhir/validate/issue.js';
import { detectFormat } from '../../fhir/validate/validate-message.js';
import { parseFhirXml } from '../../fhir/xml/index.js';
import { redactCpr } from '../../identifiers/redact.js';
import type { IdSource } from './clock.js';

/** At most this many validation issues go into a fatal-error acknowledgement; the first ones say enough. */
const MAX_ISSUES = 20;
const MAX_TEXT = 500;

const issueCode = (code: FhirIssue['code']): AcknowledgementIssue['code'] =>
  code === 'binding' ? 'MSG_VALUESET_VALUE_UNKNOWN' : code === 'input' ? 'MSG_BAD_SYNTAX' : 'MSG_BAD_FORMAT';

/** The outcomes the inbox answers with. @internal */
export const OUTCOMES = {
  ok: { code: 'ok' },
  // The handler's error stays local: it could name internals or a patient.
  transient: {
    code: 'transient-error',
    issues: [
      {
        code: 'MSG_Mailbox_Out_Of_Operation',
        text: 'The receiver could not process the message now; it will be processed when resent',
      },
    ],
  },
  bundleIdReused: {
    code: 'fatal-error',
    issues: [{ code: 'MSG_DUPLICATE_ID', text: 'Bundle.id was already used by another message' }],
  },
} as const satisfies Record<string, AcknowledgementOutcome>;

/** A fatal-error outcome listing the validation errors (KR6). @internal */
export function invalidOutcome(issues: readonly FhirIssue[]): AcknowledgementOutcome {
  const errors = issues.filter((issue) => issue.severity === 'error').slice(0, MAX_ISSUES);
  const listed = errors.length > 0 ? errors : [{ code: 'input', path: 'Bundle', message: 'Invalid message' } as const];
  return {
    code: 'fatal-error',
    issues: listed.map((issue) => ({
      code: issueCode(issue.code),
      text: redactCpr(`${issue.path}: ${issue.message}`).slice(0, MAX_TEXT),
    })),
  };
}

/** The acknowledgement of `received` from this party (primary or cc receiver). @internal */
export function answer(
  received: Bundle,
  outcome: AcknowledgementOutcome,
  self: string,
  now: () => Date,
  newId: IdSource,
): Bundle {
  return acknowledge(received, outcome, { as: self, now, newId });
}

/** The Bundle in a received message's text (FHIR JSON or XML), or undefined when it is neither. @internal */
export function parseBundle(text: string): Bundle | undefined {
  const format = detectFormat(text);
  let parsed: unknown;
  if (format === 'json') {
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  } else if (format === 'xml') {
    const result = parseFhirXml(text);
    parsed = result.ok ? result.resource : undefined;
  }
  const isBundle = typeof parsed === 'object' && parsed !== null && (parsed as Bundle).resourceType === 'Bundle';
  return isBundle ? (parsed as Bundle) : undefined;
}
