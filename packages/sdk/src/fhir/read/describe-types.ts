// SPDX-License-Identifier: MIT
import type { MessageKind, MessageLabel } from './describe-labels.js';

/**
 * An organisation taking part in a message: sender, receiver, acting organisation or service provider.
 *
 * @example
 * ```ts
 * const sender: PartyDescription = {
 *   name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120',
 *   endpoint: 'https://sor2.sum.dsdn.dk/#id=953741000016009',
 * };
 * ```
 * @category Reading
 */
export interface PartyDescription {
  readonly name: string | undefined;
  /** SOR id (`urn:oid:1.2.208.176.1.1`). */
  readonly sor: string | undefined;
  /** GLN / EAN location number (lokationsnummer). */
  readonly gln: string | undefined;
  /** `MessageHeader.source.endpoint` for the sender, `destination.endpoint` for a receiver; else `undefined`. */
  readonly endpoint: string | undefined;
}

/**
 * A receiver of the message, primary or copy (cc).
 *
 * @example
 * ```ts
 * description.receivers.filter((r) => r.use === 'cc');
 * ```
 * @category Reading
 */
export interface ReceiverDescription extends PartyDescription {
  /** From the destination-use extension; a destination without one counts as `primary`. */
  readonly use: 'primary' | 'cc';
}

/**
 * A person identifier to show. `value` and `formatted` are sensitive (CPR numbers): render them only where the
 * user may see them, and use `redacted` in logs, telemetry, titles and anything else that leaves the screen.
 *
 * @example
 * ```ts
 * const id: PersonIdentifierDescription = {
 *   kind: 'cpr', system: 'urn:oid:1.2.208.176.1.2', value: '2509479989',
 *   formatted: '250947-9989', redacted: '******-****', valid: true, sensitive: true,
 * };
 * ```
 * @category Reading
 */
export interface PersonIdentifierDescription {
  /** From the identifier system: CPR, national replacement CPR, or regional replacement CPR. */
  readonly kind: 'cpr' | 'x-ecpr' | 'd-ecpr';
  readonly system: string;
  /** As written in the message. Sensitive. */
  readonly value: string;
  /** `DDMMYY-SSSS` for a valid CPR number, else as written. Sensitive. */
  readonly formatted: string;
  /** `formatted` with every letter and digit masked, safe to log. */
  readonly redacted: string;
  /** Whether the value is a valid CPR number or eCPR (modulus 11 is not required). */
  readonly valid: boolean;
  /** Always `true`: marks the object for redaction by generic tooling. */
  readonly sensitive: true;
}

/**
 * The message's patient.
 *
 * @example
 * ```ts
 * description.patient?.identifier?.redacted; // '******-****'
 * ```
 * @category Reading
 */
export interface PatientDescription {
  /** Display name: given names then family, from the official name. */
  readonly name: string | undefined;
  readonly family: string | undefined;
  readonly given: readonly string[];
  readonly identifier: PersonIdentifierDescription | undefined;
  /** `YYYY-MM-DD` from the resource, else derived from the CPR number. */
  readonly birthDate: string | undefined;
  readonly sex: 'male' | 'female' | 'other' | 'unknown' | undefined;
  /** `deceasedBoolean`, or `true` when `deceasedDateTime` is given. */
  readonly deceased: boolean | undefined;
  readonly deceasedDateTime: string | undefined;
}

/**
 * A message this one responds to, changes or cancels (a Provenance `entity` with role `revision` or `removal`).
 * A FHIR predecessor is named by its MessageHeader id; an EDIFACT/OIOXML one by a `lokationsnummer#brevid`
 * identifier, split into its parts where the GLN half can be recognised.
 *
 * @example
 * ```ts
 * const previous: PredecessorReference = { role: 'revision', messageHeaderId: '42cb9200-f421-4d08-8391-7d51a2503cb4',
 *   identifier: undefined, lokationsnummer: undefined, brevid: undefined };
 * ```
 * @category Reading
 */
export interface PredecessorReference {
  readonly role: 'revision' | 'removal';
  readonly messageHeaderId: string | undefined;
  /** `entity.what.identifier.value` as written. */
  readonly identifier: string | undefined;
  /** The GLN half of `identifier`. */
  readonly lokationsnummer: string | undefined;
  /** The letter-id half of `identifier`. */
  readonly brevid: string | undefined;
}

/**
 * One exchange in the message's history: one Provenance.
 *
 * @example
 * ```ts
 * description.thread.history.map((step) => `${step.occurred}: ${step.label?.da ?? step.code}`);
 * ```
 * @category Reading
 */
export interface ActivityDescription {
  /** `Provenance.activity.coding.code`, e.g. `reply-message` or `admit-inpatient`. */
  readonly code: string | undefined;
  readonly label: MessageLabel | undefined;
  /** `occurredDateTime`, the human-readable send time. */
  readonly occurred: string | undefined;
  /** `recorded`, the machine send time. */
  readonly recorded: string | undefined;
  /** The MessageHeader this Provenance describes. */
  readonly messageHeaderId: string | undefined;
  /** Whether this is the current activity, the Provenance targeting this Bundle's own MessageHeader. */
  readonly current: boolean;
  /** The organisation that acted (`agent.who`). */
  readonly by: PartyDescription | undefined;
  readonly predecessors: readonly PredecessorReference[];
  /** Identifiers of payloads this exchange added (CareCommunication `entity` with role `source`). */
  readonly payloadIds: readonly string[];
}

/**
 * Where the message stands in its thread.
 *
 * @example
 * ```ts
 * if (description.thread.isReply) showInReplyTo(description.thread.previous?.messageHeaderId);
 * ```
 * @category Reading
 */
export interface ThreadPosition {
  /** Every Provenance, oldest first; predecessors always precede the exchanges that build on them. */
  readonly history: readonly ActivityDescription[];
  /** The message this one continues: the current activity's first predecessor. */
  readonly previous: PredecessorReference | undefined;
  readonly isReply: boolean;
  readonly isForward: boolean;
}

/**
 * An attachment: a CareCommunication `payload.contentAttachment` or a HomeCareObservation Media.
 *
 * @example
 * ```ts
 * description.attachments.map((a) => `${a.title} (${a.contentType}, ${a.size} bytes)`);
 * ```
 * @category Reading
 */
export interface AttachmentDescription {
  readonly title: string | undefined;
  readonly contentType: string | undefined;
  /** Decoded size in bytes of inline base64 `data`, else the attachment's own `size`. */
  readonly size: number | undefined;
  /** Whether the content is inline (`data`); otherwise it is fetched from `url`, if any. */
  readonly hasData: boolean;
  readonly url: string | undefined;
  readonly creation: string | undefined;
  /** The payload's or Media's identifier value. */
  readonly identifier: string | undefined;
  readonly author: AuthorDescription | undefined;
}

/**
 * The health professional behind a payload or Media.
 *
 * @example
 * ```ts
 * const author: AuthorDescription = { name: 'Michael Burns', role: 'sygeplejerske', organization: undefined };
 * ```
 * @category Reading
 */
export interface AuthorDescription {
  readonly name: string | undefined;
  /** The role's display or code (e.g. `sygeplejerske`), or its free text. */
  readonly role: string | undefined;
  /** The name of the role's organisation. */
  readonly organization: string | undefined;
}

/**
 * A period as written (FHIR dateTimes with time zone).
 *
 * @example
 * ```ts
 * const period: PeriodDescription = { start: '2022-12-07T12:00:00+02:00', end: undefined };
 * ```
 * @category Reading
 */
export interface PeriodDescription {
  readonly start: string | undefined;
  readonly end: string | undefined;
}

/**
 * HospitalNotification content: the Encounter.
 *
 * @example
 * ```ts
 * if (d.kind === 'hospital-notification') console.log(d.details.abbreviation, d.details.encounterStatus);
 * ```
 * @category Reading
 */
export interface HospitalNotificationDetails {
  /** `in-progress`, `onleave`, `finished` or `entered-in-error`. */
  readonly encounterStatus: string | undefined;
  /** `IMP` (inpatient) or `EMER` (acute ambulant). */
  readonly encounterClass: string | undefined;
  readonly period: PeriodDescription | undefined;
  readonly leavePeriod: PeriodDescription | undefined;
  readonly episodeOfCareIds: readonly string[];
  readonly serviceProvider: PartyDescription | undefined;
  /**
   * The Danish event abbreviation: STIN, STAA, STOR, SLOR, SLHJ or MORS (an admission event whose Encounter is
   * finished and whose patient has died), prefixed `RE_` for a correction and `AN_` for a cancellation.
   */
  readonly abbreviation: string | undefined;
  /** Whether the hospital asks for an admission report (XDIS16) back. */
  readonly reportOfAdmission: boolean | undefined;
  readonly reportOfAdmissionRecipient: PartyDescription | undefined;
}

/**
 * CareCommunication content: the Communication's classification and thread.
 *
 * @example
 * ```ts
 * if (d.kind === 'care-communication') console.log(d.details.categoryLabel?.da, d.details.topic);
 * ```
 * @category Reading
 */
export interface CareCommunicationDetails {
  readonly category: string | undefined;
  readonly categoryLabel: MessageLabel | undefined;
  readonly topic: string | undefined;
  /** Only `asap` is used, and only with category `regarding-referral`. */
  readonly priority: string | undefined;
  /** `Communication.identifier`: the same on a reply, new on a forward. */
  readonly threadId: string | undefined;
}

/**
 * One issue of a negative (or informational) acknowledgement.
 *
 * @example
 * ```ts
 * const issue: AcknowledgementIssueDescription = { severity: 'error', code: 'structure',
 *   detailCodes: ['MSG_VALUESET_VALUE_UNKNOWN'], text: undefined };
 * ```
 * @category Reading
 */
export interface AcknowledgementIssueDescription {
  readonly severity: string | undefined;
  /** FHIR issue type, e.g. `structure`. */
  readonly code: string | undefined;
  /** `details.coding.code`s, e.g. `MSG_DUPLICATE_ID`. */
  readonly detailCodes: readonly string[];
  /** `details.text`, else `diagnostics`. */
  readonly text: string | undefined;
}

/**
 * Acknowledgement content: the response.
 *
 * @example
 * ```ts
 * if (d.kind === 'acknowledgement' && d.details.responseCode !== 'ok') markFailed(d.details.acknowledgedMessageHeaderId);
 * ```
 * @category Reading
 */
export interface AcknowledgementDetails {
  /** `ok`, `transient-error` or `fatal-error`. */
  readonly responseCode: string | undefined;
  /** `MessageHeader.response.identifier`: the MessageHeader id of the message acknowledged. */
  readonly acknowledgedMessageHeaderId: string | undefined;
  readonly issues: readonly AcknowledgementIssueDescription[];
}

/**
 * HomeCareObservation content: the DiagnosticReport.
 *
 * @example
 * ```ts
 * if (d.kind === 'home-care-observation') console.log(`${d.details.observationCount} results`);
 * ```
 * @category Reading
 */
export interface HomeCareObservationDetails {
  readonly reportCode: string | undefined;
  readonly reportStatus: string | undefined;
  readonly issued: string | undefined;
  /** The number of results (`DiagnosticReport.result`). */
  readonly observationCount: number;
}

/**
 * What every message description has, whatever its kind.
 *
 * @example
 * ```ts
 * const line = `${d.standard.da} fra ${d.sender?.name} (${d.event?.label?.da ?? d.event?.code})`;
 * ```
 * @category Reading
 */
export interface MessageDescriptionBase {
  readonly kind: MessageKind;
  /** The standard's name, e.g. `{ da: 'Korrespondancemeddelelse', en: 'CareCommunication' }`. */
  readonly standard: MessageLabel;
  /** `MessageHeader.eventCoding.code`. */
  readonly eventCode: string;
  /** `Bundle.id`: new on every send, resends included. */
  readonly bundleId: string | undefined;
  /** `MessageHeader.id`: stable for the logical message. */
  readonly messageHeaderId: string | undefined;
  /** `Bundle.timestamp`. */
  readonly timestamp: string | undefined;
  /** `MessageHeader.definition`, where the standard's version is named (CareCommunication 5, HomeCareObservation). */
  readonly definition: string | undefined;
  /** The current activity; `undefined` when no Provenance targets this message's MessageHeader. */
  readonly event: ActivityDescription | undefined;
  readonly sender: PartyDescription | undefined;
  /** The primary receiver. */
  readonly receiver: ReceiverDescription | undefined;
  /** Every receiver, primary and cc, in destination order. */
  readonly receivers: readonly ReceiverDescription[];
  /** `undefined` for messages without a Patient (acknowledgements). */
  readonly patient: PatientDescription | undefined;
  readonly thread: ThreadPosition;
  readonly attachments: readonly AttachmentDescription[];
}

/**
 * A HospitalNotification described.
 *
 * @example
 * ```ts
 * if (d.kind === 'hospital-notification') d.details.encounterStatus;
 * ```
 * @category Reading
 */
export interface HospitalNotificationDescription extends MessageDescriptionBase {
  readonly kind: 'hospital-notification';
  readonly details: HospitalNotificationDetails;
}

/**
 * A CareCommunication described.
 *
 * @example
 * ```ts
 * if (d.kind === 'care-communication') d.details.category;
 * ```
 * @category Reading
 */
export interface CareCommunicationDescription extends MessageDescriptionBase {
  readonly kind: 'care-communication';
  readonly details: CareCommunicationDetails;
}

/**
 * An Acknowledgement described.
 *
 * @example
 * ```ts
 * if (d.kind === 'acknowledgement') d.details.responseCode;
 * ```
 * @category Reading
 */
export interface AcknowledgementDescription extends MessageDescriptionBase {
  readonly kind: 'acknowledgement';
  readonly details: AcknowledgementDetails;
}

/**
 * A HomeCareObservation described.
 *
 * @example
 * ```ts
 * if (d.kind === 'home-care-observation') d.details.observationCount;
 * ```
 * @category Reading
 */
export interface HomeCareObservationDescription extends MessageDescriptionBase {
  readonly kind: 'home-care-observation';
  readonly details: HomeCareObservationDetails;
}

/**
 * An empty (test) message described; it has no content of its own.
 *
 * @example
 * ```ts
 * if (d.kind === 'empty') d.details; // undefined
 * ```
 * @category Reading
 */
export interface EmptyMessageDescription extends MessageDescriptionBase {
  readonly kind: 'empty';
  readonly details: undefined;
}

/**
 * A UI-ready summary of a MedCom FHIR message, from {@link describeMessage}. Narrow on `kind` to reach the
 * standard's own `details`.
 *
 * @example
 * ```ts
 * const d: MessageDescription = describeMessage(bundle);
 * if (d.kind === 'acknowledgement') console.log(d.details.responseCode);
 * ```
 * @category Reading
 */
export type MessageDescription =
  | HospitalNotificationDescription
  | CareCommunicationDescription
  | AcknowledgementDescription
  | HomeCareObservationDescription
  | EmptyMessageDescription;
