// SPDX-License-Identifier: MIT
// What each standard adds: the focus resource (Encounter, Communication, DiagnosticReport) or the response.
import type { Bundle, MessageHeader, Reference } from '@medplum/fhirtypes';
import { resolveReference } from './bundle.js';
import { categoryLabel, HOSPITAL_ABBREVIATIONS } from './describe-labels.js';
import { describeParty } from './describe-parts.js';
import type {
  AcknowledgementDetails,
  CareCommunicationDetails,
  HomeCareObservationDetails,
  HospitalNotificationDetails,
  PatientDescription,
  PeriodDescription,
} from './describe-types.js';
import { bool, conceptCode, extension, field, isObject, objects, str, type JsonObject } from './describe-values.js';

function period(value: unknown): PeriodDescription | undefined {
  if (!isObject(value)) return undefined;
  const start = str(value['start']);
  const end = str(value['end']);
  return start === undefined && end === undefined ? undefined : { start, end };
}

function abbreviation(
  activity: string | undefined,
  status: string | undefined,
  patient: PatientDescription | undefined,
): string | undefined {
  const [, change, event = ''] = /^(revise-|cancel-)?(.*)$/.exec(activity ?? '') ?? [];
  const base = Object.hasOwn(HOSPITAL_ABBREVIATIONS, event) ? HOSPITAL_ABBREVIATIONS[event] : undefined;
  if (base === undefined) return undefined;
  // A death keeps the admission's activity code; only the finished Encounter and the deceased patient tell.
  const died = event.startsWith('admit-') && status === 'finished' && patient?.deceased === true;
  const name = died ? 'MORS' : base;
  return change === 'revise-' ? `RE_${name}` : change === 'cancel-' ? `AN_${name}` : name;
}

/** The Encounter of a HospitalNotification. @internal */
export function hospitalNotificationDetails(
  bundle: Bundle,
  header: MessageHeader,
  encounter: JsonObject | undefined,
  activity: string | undefined,
  patient: PatientDescription | undefined,
): HospitalNotificationDetails {
  const status = str(encounter?.['status']);
  const recipient = extension(header, 'medcom-messaging-reportOfAdmissionRecipientExtension')?.['valueReference'];
  return {
    encounterStatus: status,
    encounterClass: str(field(encounter?.['class'], 'code')),
    period: period(encounter?.['period']),
    leavePeriod: period(
      extension(encounter, 'medcom-hospitalnotifiation-leave-period-extension')?.['valuePeriod'] ??
        // Tolerates the extension id spelt correctly, should a sender fix MedCom's typo.
        extension(encounter, 'medcom-hospitalnotification-leave-period-extension')?.['valuePeriod'],
    ),
    episodeOfCareIds: objects(encounter?.['episodeOfCare'])
      .map((episode) => str(field(episode['identifier'], 'value')))
      .filter((id) => id !== undefined),
    serviceProvider: describeParty(bundle, encounter?.['serviceProvider']),
    abbreviation: abbreviation(activity, status, patient),
    reportOfAdmission: bool(extension(header, 'medcom-messaging-reportOfAdmissionExtension')?.['valueBoolean']),
    reportOfAdmissionRecipient: describeParty(bundle, recipient),
  };
}

/** The Communication of a CareCommunication. @internal */
export function careCommunicationDetails(communication: JsonObject | undefined): CareCommunicationDetails {
  const category = objects(communication?.['category'])
    .map(conceptCode)
    .find((code) => code !== undefined);
  return {
    category,
    categoryLabel: category === undefined ? undefined : categoryLabel(category),
    topic: str(field(communication?.['topic'], 'text')),
    priority: str(communication?.['priority']),
    threadId: objects(communication?.['identifier'])
      .map((identifier) => str(identifier['value']))
      .find((value) => value !== undefined),
  };
}

/** The response of an Acknowledgement, with the issues of its OperationOutcome. @internal */
export function acknowledgementDetails(bundle: Bundle, header: MessageHeader): AcknowledgementDetails {
  const response = header.response;
  const outcome = resolveReference(bundle, field(response, 'details') as Reference | undefined, 'OperationOutcome');
  return {
    responseCode: str(field(response, 'code')),
    acknowledgedMessageHeaderId: str(field(response, 'identifier')),
    issues: objects(outcome?.issue).map((issue) => ({
      severity: str(issue['severity']),
      code: str(issue['code']),
      detailCodes: objects(field(issue['details'], 'coding'))
        .map((coding) => str(coding['code']))
        .filter((code) => code !== undefined),
      text: str(field(issue['details'], 'text')) ?? str(issue['diagnostics']),
    })),
  };
}

/** The DiagnosticReport of a HomeCareObservation. @internal */
export function homeCareObservationDetails(report: JsonObject | undefined): HomeCareObservationDetails {
  return {
    reportCode: conceptCode(report?.['code']),
    reportStatus: str(report?.['status']),
    issued: str(report?.['issued']),
    observationCount: objects(report?.['result']).length,
  };
}
