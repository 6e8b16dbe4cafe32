// SPDX-License-Identifier: MIT
// Builders: complete, valid MedCom FHIR messages from typed facts.
export type { BuildOptions } from './options.js';
export { OrganizationInput, PatientInput } from './inputs.js';
export type { CheckedOrganization, CheckedPatient } from './inputs.js';
export { ATTACHMENT_CONTENT_TYPES, PRACTITIONER_ROLE_CODES } from './terminology.js';
export type { AttachmentContentType, PractitionerRoleCode } from './terminology.js';

export {
  buildHospitalNotification,
  EpisodeOfCareInput,
  HOSPITAL_NOTIFICATION_ACTIVITIES,
  HOSPITAL_NOTIFICATION_ACTIVITY_CODES,
  HospitalNotificationEncounterInput,
  HospitalNotificationInput,
  LEAVE_PERIOD_EXTENSION,
  LPR3_SYSTEM,
  NotificationExchange,
  previousNotification,
  PreviousNotificationInput,
} from './hospital-notification.js';
export type {
  CheckedHospitalNotificationInput,
  HospitalNotificationActivity,
  HospitalNotificationActivityCode,
  HospitalNotificationClass,
  HospitalNotificationEncounterStatus,
  PreviousNotification,
} from './hospital-notification.js';

export { buildCareCommunication, forwardCareCommunication, replyToCareCommunication } from './care-communication.js';
export type { CareCommunicationForwardOptions } from './care-communication.js';
export {
  AttachmentInput,
  CareCommunicationForwardInput,
  CareCommunicationInput,
  CareCommunicationReplyInput,
  EncounterInput,
  LegacyLetterInput,
  PersonInput,
  RecipientInput,
  TextPayloadInput,
} from './care-communication-input.js';
export { CARE_COMMUNICATION_CATEGORIES } from './care-communication-codes.js';
export type { CareCommunicationCategory } from './care-communication-codes.js';

export { acknowledge, AcknowledgementIssue, AcknowledgementOutcome } from './acknowledgement.js';
export type { AcknowledgeOptions } from './acknowledgement.js';
export {
  ACKNOWLEDGEMENT_ERROR_CODES,
  ACKNOWLEDGEMENT_ISSUE_CODES,
  OPERATION_OUTCOME_CODES,
} from './acknowledgement-codes.js';
export type {
  AcknowledgementErrorCode,
  AcknowledgementIssueCode,
  OperationOutcomeCode,
} from './acknowledgement-codes.js';

export { prepareResend } from './resend.js';

export { buildHomeCareObservation } from './home-care-observation.js';
export {
  HomeCareObservationInput,
  MediaInput,
  OBSERVATION_CODE_SYSTEMS,
  ObservationInput,
  PerformerInput,
  RequesterOrganizationInput,
} from './home-care-observation-input.js';
