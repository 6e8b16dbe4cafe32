// SPDX-License-Identifier: MIT
// Acknowledgement 2.0.3 (kvittering): the receiver's answer to every MedCom FHIR message.
import type { Bundle, OperationOutcome, Organization } from '@medplum/fhirtypes';
import * as z from 'zod/mini';
import {
  ACKNOWLEDGEMENT_ISSUE_CODES,
  DEFAULT_ISSUE_TYPE,
  ISSUE_TYPES,
  issueCodeSystem,
  type AcknowledgementIssueCode,
  type IssueType,
} from './acknowledgement-codes.js';
import { copyOfProvenance, readReceived, type ReceivedParty } from './acknowledgement-received.js';
import { parseInput, rule } from './check.js';
import { narrative, type NarrativeRow } from './narrative.js';
import { buildContext, instant, type BuildContext, type BuildOptions } from './options.js';
import { messageBundle, messageHeader, organization, provenance, referenceTo } from './resources.js';
import { profileUrl } from './urls.js';

const text = () =>
  z.string().check(/* @__PURE__ */ z.refine((v: string) => v.trim() !== '', rule('required', 'Must not be blank')));

const issueFields = {
  code: /* @__PURE__ */ z.enum(ACKNOWLEDGEMENT_ISSUE_CODES),
  text: /* @__PURE__ */ z.optional(text()),
  type: /* @__PURE__ */ z.optional(z.enum(ISSUE_TYPES)),
};

/**
 * One issue of an acknowledgement: a code from {@link ACKNOWLEDGEMENT_ISSUE_CODES}, optional text, a severity
 * (`error` by default for errors, `information` for `ok`) and a FHIR issue type (derived from the code by
 * default).
 *
 * @example
 * ```ts
 * const issue: AcknowledgementIssue = { code: 'MSG_VALUESET_VALUE_UNKNOWN', text: 'Ukendt kategori' };
 * ```
 * @category Builders
 */
export const AcknowledgementIssue = /* @__PURE__ */ z.strictObject({
  ...issueFields,
  severity: z.optional(z.enum(['fatal', 'error', 'warning', 'information'])),
});
/** @category Builders */
export type AcknowledgementIssue = z.input<typeof AcknowledgementIssue>;

/**
 * The outcome to acknowledge. MedCom's receiver rules decide the code: no errors → `ok` (KR3); a technical error
 * at the receiver → `transient-error` (KR4); the message fails validation against the profiles → `fatal-error`
 * (KR6). An error needs at least one issue; `ok` may carry warnings or information, e.g. `MSG_DUPLICATE_ID` for a
 * duplicate.
 *
 * @example
 * ```ts
 * const ok: AcknowledgementOutcome = { code: 'ok' };
 * const busy: AcknowledgementOutcome = {
 *   code: 'transient-error',
 *   issues: [{ code: 'MSG_Mailbox_Out_Of_Operation' }],
 * };
 * ```
 * @category Builders
 */
export const AcknowledgementOutcome = /* @__PURE__ */ z.discriminatedUnion(
  'code',
  [
    z.strictObject({
      code: z.literal('ok'),
      issues: z.optional(
        z.array(z.strictObject({ ...issueFields, severity: z.optional(z.enum(['warning', 'information'])) })),
      ),
    }),
    z.strictObject({
      code: z.enum(['transient-error', 'fatal-error']),
      issues: z
        .array(AcknowledgementIssue)
        .check(/* @__PURE__ */ z.minLength(1, 'An error acknowledgement needs at least one issue')),
    }),
  ],
  { error: 'One of: ok, transient-error, fatal-error' },
);
/** @category Builders */
export type AcknowledgementOutcome = z.input<typeof AcknowledgementOutcome>;

/**
 * Options of {@link acknowledge}: the clock and ids, and `as`, the SOR id or GLN of this party when it is not the
 * primary receiver (a cc receiver acknowledges too).
 *
 * @example
 * ```ts
 * const options: AcknowledgeOptions = { as: '5790000209354' };
 * ```
 * @category Builders
 */
export interface AcknowledgeOptions extends BuildOptions {
  readonly as?: string;
}

const SEVERITY_DA: Readonly<Record<string, string>> = {
  fatal: 'Fatal fejl',
  error: 'Fejl',
  warning: 'Advarsel',
  information: 'Information',
};
const RESPONSE_DA: Readonly<Record<string, string>> = {
  ok: 'Modtaget uden fejl',
  'transient-error': 'Midlertidig fejl hos modtageren',
  'fatal-error': 'Fejl i meddelelsen',
};

interface CheckedIssue {
  readonly code: AcknowledgementIssueCode;
  readonly text?: string | undefined;
  readonly severity?: string | undefined;
  readonly type?: IssueType | undefined;
}

function operationOutcome(
  ctx: BuildContext,
  code: string,
  issues: readonly CheckedIssue[],
): OperationOutcome & { id: string } {
  const id = ctx.newId();
  const fallbackSeverity = code === 'ok' ? 'information' : 'error';
  const issue = issues.map((i) => ({
    severity: (i.severity ?? fallbackSeverity) as 'fatal' | 'error' | 'warning' | 'information',
    code: i.type ?? DEFAULT_ISSUE_TYPE[i.code],
    details: {
      coding: [{ system: issueCodeSystem(i.code), code: i.code }],
      // A FHIR string allows no whitespace but space, tab, CR and LF.
      ...(i.text === undefined ? {} : { text: i.text.replace(/[^\S \t\r\n]/g, ' ') }),
    },
  }));
  const numbered = (label: string, n: number) => (issues.length > 1 ? `${label} ${n + 1}` : label);
  const rows: NarrativeRow[] = [
    ['Id', id],
    ['Svarkode', `${RESPONSE_DA[code] ?? code} (${code})`],
    ...issue.flatMap((i, n): NarrativeRow[] => [
      [numbered('Fejlkode', n), `${i.details.coding[0]?.code ?? ''} (${i.details.coding[0]?.system ?? ''})`],
      [numbered('Alvorlighed', n), `${SEVERITY_DA[i.severity] ?? i.severity} (${i.severity})`],
      [numbered('Type', n), i.code],
      [numbered('Beskrivelse', n), i.details.text],
    ]),
  ];
  return {
    resourceType: 'OperationOutcome',
    id,
    meta: { profile: [profileUrl('acknowledgement', 'medcom-acknowledgement-operationoutcome')] },
    text: narrative('Kvitteringsdetaljer', rows),
    issue,
  };
}

/**
 * Builds the acknowledgement (Acknowledgement 2.0.3) of a received MedCom message. This party, the receiver, becomes
 * the sender; the original sender the one (primary) receiver. `response.identifier` is the received
 * MessageHeader.id, `response.code` the outcome code and `response.details` a bundled OperationOutcome whenever
 * there are issues (always for an error, invariant medcom-acknowledgement-1). Like MedCom's examples, the
 * acknowledgement carries the two Organizations and at most two Provenances: the received message's current one,
 * copied, and its own (`acknowledgement`, entity `revision` of the received MessageHeader). It carries no Patient.
 *
 * Rules covered: KR1 (every message can be acknowledged, partly invalid ones included: only the MessageHeader id,
 * the sender and the receiver are read); KR2 (an acknowledgement is never acknowledged: an InputError with field
 * `received` and rule `no-ack-of-ack`); KR3, KR4 and KR6 through the outcome code (see
 * {@link AcknowledgementOutcome}). KR5 (ok once a transient error is fixed) and KR7 (the 30-minute timeout) are the
 * caller's process.
 *
 * @param received - The message to acknowledge; it may be invalid.
 * @param outcome - `ok`, or an error with its issues.
 * @param options - Clock and ids, and `as` for a cc receiver.
 * @returns The acknowledgement Bundle; the received message is not changed.
 * @throws InputError naming the field: in `outcome`, in the received message (e.g.
 *   `received.entry[0].resource.sender`), or `options.as`.
 * @example
 * ```ts
 * const ack = acknowledge(received, { code: 'fatal-error', issues: [{ code: 'MSG_VALUESET_VALUE_UNKNOWN' }] });
 * validateMessage(ack).ok; // true
 * ```
 * @category Builders
 */
export function acknowledge(
  received: Bundle,
  outcome: AcknowledgementOutcome,
  options: AcknowledgeOptions = {},
): Bundle {
  const message = readReceived(received, options.as);
  const checked = parseInput(AcknowledgementOutcome, outcome, ['outcome']);
  const ctx = buildContext(options);
  const time = instant(ctx.now());

  // Keeping the Organizations' ids keeps the copied Provenance's agent references valid.
  const taken = new Set<string>();
  const party = (p: ReceivedParty): Organization & { id: string } => {
    const id = p.id !== undefined && !taken.has(p.id) ? p.id : ctx.newId();
    taken.add(id);
    return organization({ ...ctx, newId: () => id }, p.organization);
  };
  const self = party(message.receiver);
  const peer = party(message.sender);
  const parties = new Map<string, string>([
    ...message.receiver.references.map((r) => [r, `Organization/${self.id}`] as const),
    ...message.sender.references.map((r) => [r, `Organization/${peer.id}`] as const),
  ]);

  const issues = checked.issues ?? [];
  const outcomeResource = issues.length > 0 ? operationOutcome(ctx, checked.code, issues) : undefined;
  const header = messageHeader(ctx, {
    profile: profileUrl('acknowledgement', 'medcom-messaging-acknowledgementHeader'),
    eventCode: 'acknowledgement-message',
    sender: self,
    senderEndpoint: message.receiver.endpoint,
    destinations: [{ use: 'primary', organization: peer, endpoint: message.sender.endpoint }],
    response: {
      identifier: message.headerId,
      code: checked.code,
      ...(outcomeResource === undefined ? {} : { details: referenceTo(outcomeResource) }),
    },
  });
  taken.add(header.id);
  if (outcomeResource) taken.add(outcomeResource.id);
  const copied = copyOfProvenance(message.provenance, parties, taken);
  const own = provenance(ctx, {
    target: header,
    activity: 'acknowledgement',
    agent: self,
    time,
    entity: [{ role: 'revision', what: { reference: `MessageHeader/${message.headerId}` } }],
  });
  return messageBundle(ctx, {
    ig: 'acknowledgement',
    profile: profileUrl('acknowledgement', 'medcom-messaging-acknowledgement'),
    header,
    resources: [...(copied ? [copied] : []), own, self, peer, ...(outcomeResource ? [outcomeResource] : [])],
    timestamp: time,
  });
}
