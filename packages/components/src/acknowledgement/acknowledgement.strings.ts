// SPDX-License-Identifier: MIT
// The acknowledgement view's own wording, including the labels of MedCom's acknowledgement error codes (the code
// list is the SDK's `ACKNOWLEDGEMENT_ERROR_CODES`; CodeSystem `medcom-acknowledgement-error-codes` has English
// displays only, so the Danish ones are written here). Hosts override any key at runtime:
// `setStrings('da', { ackOutcomes: { ...daStrings.ackOutcomes, ok: 'Kvitteret' } })`.
import type { AcknowledgementErrorCode, AcknowledgementIssueCode } from '@samspil/sdk';

/** The three response codes of an acknowledgement (FHIR `response-code`). */
export type AcknowledgementOutcome = 'ok' | 'transient-error' | 'fatal-error';

/** Danish, the default. */
export const daStrings = {
  ackTitle: 'Kvittering',
  ackLoading: 'Henter kvittering …',
  ackEmpty: 'Ingen kvittering at vise.',
  ackError: 'Kvitteringen kunne ikke vises.',
  ackWrongKind: (found: string): string => `Meddelelsen er ikke en kvittering, men: ${found}.`,
  /** The outcome as the user should read it. */
  ackOutcomes: {
    ok: 'Modtaget',
    'transient-error': 'Midlertidig fejl – sendes igen',
    'fatal-error': 'Afvist',
  } satisfies Record<AcknowledgementOutcome, string>,
  /** What the outcome means for the message that was sent. */
  ackOutcomeHints: {
    ok: 'Modtageren har modtaget og indlæst meddelelsen.',
    'transient-error':
      'Modtageren kunne ikke indlæse meddelelsen på grund af en teknisk fejl hos modtageren. Meddelelsen sendes igen.',
    'fatal-error':
      'Modtageren har afvist meddelelsen, fordi den ikke kunne valideres. Den skal rettes og sendes som en ny meddelelse.',
  } satisfies Record<AcknowledgementOutcome, string>,
  ackUnknownOutcome: 'Ukendt svar',
  ackResponseCode: 'Svarkode',
  ackAcknowledges: 'Kvittering for meddelelse',
  ackActivity: 'Meddelelsens aktivitet',
  ackActivitySent: (when: string): string => `sendt ${when}`,
  ackFrom: 'Fra',
  ackTo: 'Til',
  ackWhen: 'Tidspunkt',
  ackSor: 'SOR-id',
  ackGln: 'EAN-lokationsnummer',
  ackEndpoint: 'Endepunkt',
  ackMessageId: 'Kvitteringens id',
  ackEnvelopeId: 'Forsendelses-id',
  ackNotStated: 'Ikke angivet',
  ackIssuesHeading: (count: number): string => `Fejl og bemærkninger (${count})`,
  ackSeverity: 'Alvor',
  ackSeverities: {
    fatal: 'Fatal fejl',
    error: 'Fejl',
    warning: 'Advarsel',
    information: 'Information',
  } as Readonly<Record<string, string>>,
  ackIssueType: 'Type',
  /** FHIR issue types (`OperationOutcome.issue.code`). */
  ackIssueTypes: {
    invalid: 'Ugyldigt indhold',
    structure: 'Strukturfejl',
    required: 'Påkrævet element mangler',
    value: 'Ugyldig værdi',
    invariant: 'Valideringsregel brudt',
    security: 'Sikkerhedsproblem',
    login: 'Login påkrævet',
    unknown: 'Ukendt bruger',
    expired: 'Session udløbet',
    forbidden: 'Ikke tilladt',
    suppressed: 'Oplysninger tilbageholdt',
    processing: 'Behandlingsfejl',
    'not-supported': 'Indhold ikke understøttet',
    duplicate: 'Dublet',
    'multiple-matches': 'Flere match',
    'not-found': 'Ikke fundet',
    deleted: 'Slettet',
    'too-long': 'Indhold for langt',
    'code-invalid': 'Ugyldig kode',
    extension: 'Uacceptabel udvidelse',
    'too-costly': 'For krævende',
    'business-rule': 'Forretningsregel brudt',
    conflict: 'Versionskonflikt',
    transient: 'Forbigående fejl',
    'lock-error': 'Låsefejl',
    'no-store': 'Intet lager',
    exception: 'Undtagelse',
    timeout: 'Timeout',
    incomplete: 'Ufuldstændigt resultat',
    throttled: 'Begrænset',
    informational: 'Information',
  } as Readonly<Record<string, string>>,
  ackIssueCode: 'Fejlkode',
  /** MedCom's acknowledgement error codes, and the duplicate code the issue-details value set adds. */
  ackErrorCodes: {
    MSG_Receiver_Identifier_UNKNOWN: 'Modtagerens identifikator er ukendt',
    MSG_Receiver_Identifier_MISSING: 'Modtagerens identifikator mangler',
    MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE: 'Modtageren kan ikke modtage denne meddelelsestype',
    MSG_VALUESET_VALUE_UNKNOWN: 'Værdien findes ikke i værdisættet',
    MSG_CodeSystem_VALUE_UNKNOWN: 'Værdien findes ikke i kodesystemet',
    MSG_Element_To_Long: 'Elementets værdi er for lang',
    MSG_Datatype_Wrong: 'Forkert datatype',
    MSG_Mailbox_Out_Of_Operation: 'Postkassen er midlertidigt ude af drift',
    MSG_Damaged_durin_transport: 'Meddelelsen blev beskadiget under forsendelsen',
    MSG_DUPLICATE_ID: 'Dublet: meddelelsen er modtaget før',
  } satisfies Record<AcknowledgementErrorCode, string> & Partial<Record<AcknowledgementIssueCode, string>> as Readonly<
    Record<string, string>
  >,
  ackIssueText: 'Beskrivelse',
};

/** English. */
export const enStrings: typeof daStrings = {
  ackTitle: 'Acknowledgement',
  ackLoading: 'Loading acknowledgement …',
  ackEmpty: 'No acknowledgement to show.',
  ackError: 'The acknowledgement could not be shown.',
  ackWrongKind: (found) => `The message is not an acknowledgement but: ${found}.`,
  ackOutcomes: {
    ok: 'Received',
    'transient-error': 'Temporary error – will be resent',
    'fatal-error': 'Rejected',
  },
  ackOutcomeHints: {
    ok: 'The receiver has received and loaded the message.',
    'transient-error':
      'The receiver could not load the message because of a technical error on its side. The message will be resent.',
    'fatal-error':
      'The receiver rejected the message because it did not validate. It must be corrected and sent as a new message.',
  },
  ackUnknownOutcome: 'Unknown response',
  ackResponseCode: 'Response code',
  ackAcknowledges: 'Acknowledges message',
  ackActivity: 'Activity of the message',
  ackActivitySent: (when) => `sent ${when}`,
  ackFrom: 'From',
  ackTo: 'To',
  ackWhen: 'Time',
  ackSor: 'SOR id',
  ackGln: 'EAN location number',
  ackEndpoint: 'Endpoint',
  ackMessageId: 'Acknowledgement id',
  ackEnvelopeId: 'Envelope id',
  ackNotStated: 'Not stated',
  ackIssuesHeading: (count) => `Issues (${count})`,
  ackSeverity: 'Severity',
  ackSeverities: { fatal: 'Fatal', error: 'Error', warning: 'Warning', information: 'Information' },
  ackIssueType: 'Type',
  ackIssueTypes: {
    invalid: 'Invalid content',
    structure: 'Structural issue',
    required: 'Required element missing',
    value: 'Element value invalid',
    invariant: 'Validation rule failed',
    security: 'Security problem',
    login: 'Login required',
    unknown: 'Unknown user',
    expired: 'Session expired',
    forbidden: 'Forbidden',
    suppressed: 'Information suppressed',
    processing: 'Processing failure',
    'not-supported': 'Content not supported',
    duplicate: 'Duplicate',
    'multiple-matches': 'Multiple matches',
    'not-found': 'Not found',
    deleted: 'Deleted',
    'too-long': 'Content too long',
    'code-invalid': 'Invalid code',
    extension: 'Unacceptable extension',
    'too-costly': 'Operation too costly',
    'business-rule': 'Business rule violation',
    conflict: 'Edit version conflict',
    transient: 'Transient issue',
    'lock-error': 'Lock error',
    'no-store': 'No store available',
    exception: 'Exception',
    timeout: 'Timeout',
    incomplete: 'Incomplete results',
    throttled: 'Throttled',
    informational: 'Informational note',
  },
  ackIssueCode: 'Error code',
  ackErrorCodes: {
    MSG_Receiver_Identifier_UNKNOWN: 'Receiver identifier unknown',
    MSG_Receiver_Identifier_MISSING: 'Receiver identifier missing',
    MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE: 'Receiver unable to receive this message type',
    MSG_VALUESET_VALUE_UNKNOWN: 'The value provided is not in the value set',
    MSG_CodeSystem_VALUE_UNKNOWN: 'The value provided is not in the code system',
    MSG_Element_To_Long: 'The value of the element is too long',
    MSG_Datatype_Wrong: 'The data type is wrong',
    MSG_Mailbox_Out_Of_Operation: 'The mailbox is temporarily out of operation',
    MSG_Damaged_durin_transport: 'The message was damaged during transport',
    MSG_DUPLICATE_ID: 'Duplicate: the message was received before',
  },
  ackIssueText: 'Description',
};

/** The view's strings for one locale. */
export type AcknowledgementStrings = typeof daStrings;
