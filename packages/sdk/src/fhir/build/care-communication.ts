// SPDX-License-Identifier: MIT
// CareCommunication (korrespondancemeddelelse) 5.0: a new message, a reply and a forward.
import type { Bundle, ProvenanceEntity } from '@medplum/fhirtypes';
import { InputError } from '../../errors/index.js';
import { assemble } from './care-communication-assemble.js';
import {
  CareCommunicationForwardInput,
  CareCommunicationInput,
  CareCommunicationReplyInput,
  categoryIssues,
} from './care-communication-input.js';
import {
  attachmentData,
  carry,
  readPrevious,
  withoutAttachmentData,
  type Carried,
  type PartyFacts,
  type PreviousMessage,
} from './care-communication-previous.js';
import { payloadIdentifier } from './care-communication-resources.js';
import { parseInput, refuse } from './check.js';
import { OrganizationInput, type CheckedOrganization } from './inputs.js';
import { buildContext, type BuildContext, type BuildOptions } from './options.js';

/**
 * Options for {@link forwardCareCommunication}: the clock and ids, and the thread's earlier messages.
 *
 * @example
 * ```ts
 * const options: CareCommunicationForwardOptions = { earlier: [firstMessage] };
 * ```
 * @category Builders
 */
export interface CareCommunicationForwardOptions extends BuildOptions {
  /**
   * Earlier messages of the thread. A forward carries every attachment in full, but a reply carries earlier
   * attachments without their data; the data is taken from the message that sent it, by payload identifier.
   */
  readonly earlier?: readonly Bundle[];
}

const newThreadId = (ctx: BuildContext) => `urn:uuid:${ctx.newId().toLowerCase()}`;

function checkParties(sender: CheckedOrganization, receiver: CheckedOrganization): void {
  if (sender.sor === receiver.sor) {
    refuse('receiver', 'receiver-is-sender', 'The receiver must be another organisation than the sender');
  }
}

/** A party of the previous message as checked input, or a refusal naming what to give instead. */
function partyFrom(facts: PartyFacts, field: 'sender' | 'receiver', role: string): CheckedOrganization {
  const parsed = OrganizationInput.safeParse(facts);
  if (parsed.success) return parsed.data;
  return refuse(
    field,
    'required',
    `The ${role} of the previous message has no valid SOR id and GLN; give the ${field} explicitly`,
  );
}

function revisionOf(previous: PreviousMessage): ProvenanceEntity {
  return { role: 'revision', what: { reference: `MessageHeader/${previous.header.id}` } };
}

/** Category, topic and priority of a reply or forward: given, or the previous message's; checked together. */
function classification(
  input: { category?: string | undefined; topic?: string | undefined; priority?: 'asap' | undefined },
  previous: PreviousMessage,
) {
  const category = input.category ?? previous.category;
  if (category === undefined) return refuse('category', 'required', 'The previous message has no category; give one');
  const topic = input.topic ?? previous.topic;
  const issues = categoryIssues(category, input.priority, topic);
  if (issues.length > 0) throw new InputError(issues);
  return { category, topic, priority: input.priority };
}

/**
 * Builds a new CareCommunication message: MessageHeader (with the 5.0 MessageDefinition), the Communication
 * with a new thread identifier, the patient, both organisations, the authors, an optional encounter and
 * recipient, and a Provenance `new-message` whose `source` entities name the payloads. Continuing an OIOXML or
 * EDIFACT letter (`continuesLetter`) makes it a `reply-message` whose `revision` entity names the letter as
 * `lokationsnummer#brevid`. Texts and attachments are dated now.
 *
 * @param input - The message; see {@link CareCommunicationInput}.
 * @param options - The clock and new ids.
 * @returns The message Bundle, valid against CareCommunication 5.0.2.
 * @throws {@link InputError} naming each broken rule, e.g. field `priority`, rule
 * `asap-only-with-regarding-referral`.
 * @example
 * ```ts
 * const bundle = buildCareCommunication({
 *   sender: { name: 'Hjerteafdelingen', sor: '265161000016000', gln: '5790000209354' },
 *   receiver: { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' },
 *   patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
 *   category: 'examination-results',
 *   texts: [{ text: 'Hej', author: { family: 'Burns', role: 'sygeplejerske' }, phone: '38683868' }],
 * });
 * ```
 * @category Builders
 */
export function buildCareCommunication(input: CareCommunicationInput, options?: BuildOptions): Bundle {
  const checked = parseInput(CareCommunicationInput, input);
  checkParties(checked.sender, checked.receiver);
  const ctx = buildContext(options);
  const letter = checked.continuesLetter;
  return assemble(ctx, {
    sender: checked.sender,
    receiver: checked.receiver,
    patient: checked.patient,
    category: checked.category,
    topic: checked.topic,
    priority: checked.priority,
    parts: checked,
    threadId: newThreadId(ctx),
    // MedCom: a message answering an EDIFACT or OIOXML letter is a reply-message naming the letter.
    activity: letter === undefined ? 'new-message' : 'reply-message',
    predecessor:
      letter === undefined
        ? undefined
        : { role: 'revision', what: { identifier: { value: `${letter.locationNumber}#${letter.letterId}` } } },
  });
}

/**
 * Builds a reply to a received (or sent) CareCommunication. The reply keeps the thread identifier, the patient
 * and the encounter (unless a new one is given), copies every earlier payload (attachments without their file
 * data, as MedCom prescribes for replies) and the Provenance history, and adds its own Provenance
 * `reply-message` with a `revision` entity naming the previous MessageHeader and a `source` entity per new
 * payload.
 *
 * @param previous - The message replied to.
 * @param input - The reply; see {@link CareCommunicationReplyInput}. The receiver defaults to the previous
 * sender, the sender to the previous primary receiver.
 * @param options - The clock and new ids.
 * @returns The reply Bundle.
 * @throws {@link InputError} for broken rules; field `previous`, rule `not-care-communication` when `previous`
 * is not a CareCommunication message.
 * @example
 * ```ts
 * const reply = replyToCareCommunication(received, {
 *   texts: [{ text: 'Tak', author: { family: 'Waters', given: ['Emma'], role: 'sygeplejerske' }, phone: '44527000' }],
 * });
 * ```
 * @category Builders
 */
export function replyToCareCommunication(
  previous: Bundle,
  input: CareCommunicationReplyInput,
  options?: BuildOptions,
): Bundle {
  const checked = parseInput(CareCommunicationReplyInput, input);
  const before = readPrevious(previous);
  const sender = checked.sender ?? partyFrom(before.receiver, 'sender', 'primary receiver');
  const receiver = checked.receiver ?? partyFrom(before.sender, 'receiver', 'sender');
  checkParties(sender, receiver);
  const classified = classification(checked, before);
  const carried = carry(before, checked.encounter === undefined);
  return assemble(buildContext(options), {
    sender,
    receiver,
    patient: undefined,
    ...classified,
    parts: checked,
    threadId: before.threadId,
    activity: 'reply-message',
    predecessor: revisionOf(before),
    carried: { ...carried, payloads: carried.payloads.map(withoutAttachmentData) },
  });
}

/** Forwarded attachments in full: data a reply left out is restored from the earlier messages. */
function restored(carried: Carried, earlier: readonly Bundle[]): Carried {
  const payloads = carried.payloads.map((payload, i) => {
    const attachment = payload.contentAttachment;
    if (attachment === undefined || attachment.data !== undefined || attachment.url !== undefined) return payload;
    const identifier = payloadIdentifier(payload);
    const data = identifier === undefined ? undefined : attachmentData(earlier, identifier);
    if (data === undefined) {
      return refuse(
        'earlier',
        'attachment-data-missing',
        `Payload ${i + 1} of the previous message is an attachment without its data; pass the message that sent it in options.earlier`,
      );
    }
    return { ...payload, contentAttachment: { ...attachment, data } };
  });
  return { ...carried, payloads };
}

/**
 * Forwards a CareCommunication to a new receiver. The forward gets a new thread identifier, carries every
 * earlier payload with attachments in full, the patient, the encounter (unless a new one is given) and the
 * Provenance history, and adds its own Provenance `forward-message` with a `revision` entity naming the
 * previous MessageHeader and a `source` entity per new payload.
 *
 * @param previous - The message forwarded.
 * @param input - The forward; see {@link CareCommunicationForwardInput}. The sender defaults to the previous
 * primary receiver.
 * @param options - The clock, new ids, and earlier messages to restore attachment data from.
 * @returns The forward Bundle.
 * @throws {@link InputError} for broken rules; field `earlier`, rule `attachment-data-missing` when an
 * attachment's data cannot be restored.
 * @example
 * ```ts
 * const forward = forwardCareCommunication(received, {
 *   receiver: { sor: '1042981000016003', gln: '5790001348120' },
 *   texts: [{ text: 'Til orientering', author: { family: 'Waters', roleText: 'Visitator' }, phone: '44527000' }],
 * });
 * ```
 * @category Builders
 */
export function forwardCareCommunication(
  previous: Bundle,
  input: CareCommunicationForwardInput,
  options: CareCommunicationForwardOptions = {},
): Bundle {
  const checked = parseInput(CareCommunicationForwardInput, input);
  const before = readPrevious(previous);
  const sender = checked.sender ?? partyFrom(before.receiver, 'sender', 'primary receiver');
  checkParties(sender, checked.receiver);
  const classified = classification(checked, before);
  const carried = restored(carry(before, checked.encounter === undefined), [previous, ...(options.earlier ?? [])]);
  const ctx = buildContext(options);
  return assemble(ctx, {
    sender,
    receiver: checked.receiver,
    patient: undefined,
    ...classified,
    parts: checked,
    threadId: newThreadId(ctx),
    activity: 'forward-message',
    predecessor: revisionOf(before),
    carried,
  });
}
