// SPDX-License-Identifier: MIT
// A UI-ready summary of a received MedCom message. Web components call this on every render, so it must stay
// small and browser-safe: no validator, no zod. Shape is checked as the message is read instead.
import type { Bundle, MessageHeader, Reference, ResourceType } from '@medplum/fhirtypes';
import { ParseError } from '../../errors/errors.js';
import { isSamspilError } from '../../errors/guards.js';
import { bundleResources, messageHeaderOf, resolveReference } from './bundle.js';
import {
  acknowledgementDetails,
  careCommunicationDetails,
  homeCareObservationDetails,
  hospitalNotificationDetails,
} from './describe-details.js';
import { KINDS, type MessageKind, type MessageLabel } from './describe-labels.js';
import {
  communicationAttachments,
  describeParty,
  describePatient,
  describeReceivers,
  reportAttachments,
} from './describe-parts.js';
import { describeThread } from './describe-thread.js';
import type { MessageDescription, MessageDescriptionBase } from './describe-types.js';
import { field, isObject, str, type JsonObject } from './describe-values.js';

export { activityLabel, categoryLabel } from './describe-labels.js';
export type { MessageKind, MessageLabel } from './describe-labels.js';
export type {
  AcknowledgementDescription,
  AcknowledgementDetails,
  AcknowledgementIssueDescription,
  ActivityDescription,
  AttachmentDescription,
  AuthorDescription,
  CareCommunicationDescription,
  CareCommunicationDetails,
  EmptyMessageDescription,
  HomeCareObservationDescription,
  HomeCareObservationDetails,
  HospitalNotificationDescription,
  HospitalNotificationDetails,
  MessageDescription,
  MessageDescriptionBase,
  PartyDescription,
  PatientDescription,
  PeriodDescription,
  PersonIdentifierDescription,
  PredecessorReference,
  ReceiverDescription,
  ThreadPosition,
} from './describe-types.js';

const EVENT_SYSTEM = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';

// Only the resource type is checked here; everything else is read with shape checks.
const isBundle = (value: JsonObject): value is JsonObject & Bundle => value['resourceType'] === 'Bundle';

// Messages name values only by path: a value could be a CPR number, and these messages end up in logs.
const notAMessage = (problem: string): ParseError => new ParseError(`Not a MedCom message: ${problem}`);

interface Message {
  readonly bundle: Bundle;
  readonly header: MessageHeader;
  readonly eventCode: string;
  readonly kind: MessageKind;
  readonly standard: MessageLabel;
}

/** Checks what makes a Bundle a MedCom message at all, throwing a ParseError that names the path. */
function readMessage(input: unknown): Message {
  if (!isObject(input)) throw notAMessage('expected a FHIR Bundle object (Bundle)');
  if (!isBundle(input)) throw notAMessage('Bundle.resourceType must be "Bundle"');
  const bundle = input;
  if (field(bundle, 'type') !== undefined && bundle.type !== 'message') {
    throw notAMessage('Bundle.type must be "message"');
  }
  const entries: unknown = bundle.entry;
  if (!Array.isArray(entries) || entries.length === 0) throw notAMessage('Bundle.entry is missing or empty');
  const header = messageHeaderOf(bundle);
  if (!header) throw notAMessage('Bundle.entry[0].resource must be a MessageHeader');

  const at = `Bundle.entry[${Math.max(
    0,
    entries.findIndex((entry: unknown) => field(entry, 'resource') === header),
  )}].resource`;
  const coding = header.eventCoding;
  const eventCode = str(field(coding, 'code'));
  if (eventCode === undefined) throw notAMessage(`${at}.eventCoding.code is missing`);
  const system = field(coding, 'system');
  if (system !== undefined && system !== EVENT_SYSTEM) {
    throw notAMessage(`${at}.eventCoding.system is not the MedCom event code system`);
  }
  const known = Object.hasOwn(KINDS, eventCode) ? KINDS[eventCode] : undefined;
  if (!known) throw notAMessage(`${at}.eventCoding.code is not a MedCom message event`);
  return { bundle, header, eventCode, kind: known.kind, standard: known.label };
}

/** The focus resource: `MessageHeader.focus`, else the first bundled resource of the standard's focus type. */
function focusOf(bundle: Bundle, header: MessageHeader, type: ResourceType): JsonObject | undefined {
  const focus: unknown = header.focus;
  const references: unknown[] = Array.isArray(focus) ? focus : [];
  for (const reference of references) {
    const resource: unknown = resolveReference(bundle, reference as Reference, type);
    if (isObject(resource)) return resource;
  }
  const fallback: unknown = bundleResources(bundle).find((resource) => resource.resourceType === type);
  return isObject(fallback) ? fallback : undefined;
}

function describeBundle({ bundle, header, eventCode, kind, standard }: Message): MessageDescription {
  const focusType: ResourceType | undefined =
    kind === 'hospital-notification'
      ? 'Encounter'
      : kind === 'care-communication'
        ? 'Communication'
        : kind === 'home-care-observation'
          ? 'DiagnosticReport'
          : undefined;
  const focus = focusType === undefined ? undefined : focusOf(bundle, header, focusType);
  const receivers = describeReceivers(bundle, header);
  const patient = describePatient(bundle, focus);
  const { event, thread } = describeThread(bundle);
  const base: Omit<MessageDescriptionBase, 'kind' | 'attachments'> = {
    standard,
    eventCode,
    bundleId: str(bundle.id),
    messageHeaderId: str(header.id),
    timestamp: str(bundle.timestamp),
    definition: str(header.definition),
    event,
    sender: describeParty(bundle, header.sender, field(header.source, 'endpoint')),
    receiver: receivers.find((receiver) => receiver.use === 'primary'),
    receivers,
    patient,
    thread,
  };

  switch (kind) {
    case 'hospital-notification':
      return {
        ...base,
        kind,
        attachments: [],
        details: hospitalNotificationDetails(bundle, header, focus, event?.code, patient),
      };
    case 'care-communication':
      return {
        ...base,
        kind,
        attachments: focus ? communicationAttachments(bundle, focus) : [],
        details: careCommunicationDetails(focus),
      };
    case 'acknowledgement':
      return { ...base, kind, attachments: [], details: acknowledgementDetails(bundle, header) };
    case 'home-care-observation':
      return {
        ...base,
        kind,
        attachments: focus ? reportAttachments(bundle, focus) : [],
        details: homeCareObservationDetails(focus),
      };
    case 'empty':
      return { ...base, kind, attachments: [], details: undefined };
  }
}

/**
 * Describes a received MedCom FHIR message for display: what it is, who sent it to whom, the patient, the current
 * activity and the thread it belongs to, its attachments, and what its standard adds (the HospitalNotification
 * Encounter, the CareCommunication category and topic, the Acknowledgement response, the HomeCareObservation
 * report). It does not validate: run the validator for that. Parts that are missing or malformed come back as
 * `undefined` fields or empty lists.
 *
 * The current activity is the Provenance whose `target` is this Bundle's own MessageHeader; array order is never
 * relied on. The patient's CPR number is in `patient.identifier`, marked `sensitive`, with a `redacted` form.
 *
 * @param bundle - A parsed FHIR JSON message (use `parseFhirXml` first for XML).
 * @returns The description; narrow on `kind` to reach `details`.
 * @throws {@link ParseError} when the input is not a MedCom message Bundle (not an object, not a Bundle of type
 *   `message`, no MessageHeader, or an event code MedCom does not define). The message names the path and never
 *   quotes values.
 * @example
 * ```ts
 * const d = describeMessage(JSON.parse(text));
 * console.log(d.standard.da, d.event?.label?.da, d.sender?.name, '→', d.receiver?.name);
 * if (d.kind === 'care-communication') console.log(d.details.categoryLabel?.da, d.attachments.length);
 * console.log(d.patient?.identifier?.redacted); // '******-****'
 * ```
 * @category Reading
 */
export function describeMessage(bundle: unknown): MessageDescription {
  const message = readMessage(bundle);
  try {
    return describeBundle(message);
  } catch (error) {
    if (isSamspilError(error)) throw error;
    // Reading is shape-checked throughout, so this is a last resort. The original error is not attached: an engine
    // message can quote a value, and a value here could be a CPR number.
    throw new ParseError(
      `Not a MedCom message: Bundle could not be read (${error instanceof Error ? error.name : 'unknown error'})`,
    );
  }
}
