// SPDX-License-Identifier: MIT
// The codes an acknowledgement's OperationOutcome may carry: the value set medcom-acknowledgement-issue-details of
// medcom.fhir.dk.terminology 1.4.0, the version Acknowledgement 2.0.3 pins.
import { SYSTEMS } from './urls.js';

/**
 * MedCom's own acknowledgement error codes (CodeSystem `medcom-acknowledgement-error-codes`), spelled exactly as
 * the CodeSystem spells them, typos included.
 *
 * @example
 * ```ts
 * ACKNOWLEDGEMENT_ERROR_CODES.includes('MSG_Mailbox_Out_Of_Operation'); // true
 * ```
 * @category Builders
 */
export const ACKNOWLEDGEMENT_ERROR_CODES = [
  'MSG_Receiver_Identifier_UNKNOWN',
  'MSG_Receiver_Identifier_MISSING',
  'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
  'MSG_VALUESET_VALUE_UNKNOWN',
  'MSG_CodeSystem_VALUE_UNKNOWN',
  'MSG_Element_To_Long',
  'MSG_Datatype_Wrong',
  'MSG_Mailbox_Out_Of_Operation',
  'MSG_Damaged_durin_transport',
] as const;

/** @category Builders */
export type AcknowledgementErrorCode = (typeof ACKNOWLEDGEMENT_ERROR_CODES)[number];

/**
 * The HL7 `operation-outcome` codes the acknowledgement issue-details value set admits beside MedCom's own, e.g.
 * `MSG_DUPLICATE_ID` for a duplicate.
 *
 * @example
 * ```ts
 * OPERATION_OUTCOME_CODES.includes('MSG_DUPLICATE_ID'); // true
 * ```
 * @category Builders
 */
export const OPERATION_OUTCOME_CODES = [
  'MSG_ID_INVALID',
  'MSG_ID_TOO_LONG',
  'MSG_BAD_FORMAT',
  'MSG_BAD_SYNTAX',
  'MSG_DATE_FORMAT',
  'MSG_DUPLICATE_ID',
  'MSG_INVALID_ID',
  'MSG_JSON_OBJECT',
  'MSG_LOCAL_FAIL',
  'MSG_NO_MATCH',
  'MSG_NO_EXIST',
  'MSG_NO_SUMMARY',
  'MSG_PARAM_INVALID',
  'MSG_PARAM_NO_REPEAT',
  'MSG_PARAM_UNKNOWN',
  'MSG_RESOURCE_ID_MISMATCH',
  'MSG_RESOURCE_FAIL',
  'MSG_RESOURCE_ID_MISSING',
  'MSG_RESOURCE_NOT_ALLOWED',
  'MSG_RESOURCE_REQUIRED',
  'MSG_RESOURCE_TYPE_MISMATCH',
  'MSG_TRANSACTION_DUPLICATE_ID',
  'MSG_TRANSACTION_MISSING_ID',
  'MSG_UNKNOWN_TYPE',
  'MSG_VERSION_AWARE',
  'MSG_VERSION_AWARE_CONFLICT',
  'MSG_VERSION_AWARE_URL',
  'MSG_WRONG_NS',
] as const;

/** @category Builders */
export type OperationOutcomeCode = (typeof OPERATION_OUTCOME_CODES)[number];

/**
 * Every code an acknowledgement issue may carry: {@link ACKNOWLEDGEMENT_ERROR_CODES} then
 * {@link OPERATION_OUTCOME_CODES}.
 *
 * @example
 * ```ts
 * const known = (code: string) => (ACKNOWLEDGEMENT_ISSUE_CODES as readonly string[]).includes(code);
 * ```
 * @category Builders
 */
export const ACKNOWLEDGEMENT_ISSUE_CODES = [...ACKNOWLEDGEMENT_ERROR_CODES, ...OPERATION_OUTCOME_CODES] as const;

/** @category Builders */
export type AcknowledgementIssueCode = AcknowledgementErrorCode | OperationOutcomeCode;

// Terminology 1.4.0 lists the HL7 codes under this ValueSet URL rather than the CodeSystem
// http://terminology.hl7.org/CodeSystem/operation-outcome (fixed in terminology 2.x). The pinned value set is what a
// receiver validates the required binding against, so the acknowledgement writes the system it names.
const OPERATION_OUTCOME_SYSTEM = 'http://hl7.org/fhir/ValueSet/operation-outcome';

/**
 * The code system an issue code belongs to.
 *
 * @example
 * ```ts
 * issueCodeSystem('MSG_Mailbox_Out_Of_Operation'); // SYSTEMS.acknowledgementErrorCodes
 * ```
 * @category Builders
 */
export function issueCodeSystem(code: AcknowledgementIssueCode): string {
  return (ACKNOWLEDGEMENT_ERROR_CODES as readonly string[]).includes(code)
    ? SYSTEMS.acknowledgementErrorCodes
    : OPERATION_OUTCOME_SYSTEM;
}

/**
 * The FHIR issue types (`OperationOutcome.issue.code`, required binding `issue-type`).
 *
 * @example
 * ```ts
 * ISSUE_TYPES.includes('transient'); // true
 * ```
 * @category Builders
 */
export const ISSUE_TYPES = [
  'invalid',
  'structure',
  'required',
  'value',
  'invariant',
  'security',
  'login',
  'unknown',
  'expired',
  'forbidden',
  'suppressed',
  'processing',
  'not-supported',
  'duplicate',
  'multiple-matches',
  'not-found',
  'deleted',
  'too-long',
  'code-invalid',
  'extension',
  'too-costly',
  'business-rule',
  'conflict',
  'transient',
  'lock-error',
  'no-store',
  'exception',
  'timeout',
  'incomplete',
  'throttled',
  'informational',
] as const;

/** @category Builders */
export type IssueType = (typeof ISSUE_TYPES)[number];

/**
 * The issue type each code implies when the caller names none.
 *
 * @example
 * ```ts
 * DEFAULT_ISSUE_TYPE.MSG_DUPLICATE_ID; // 'duplicate'
 * ```
 * @category Builders
 */
export const DEFAULT_ISSUE_TYPE: Readonly<Record<AcknowledgementIssueCode, IssueType>> = {
  MSG_Receiver_Identifier_UNKNOWN: 'not-found',
  MSG_Receiver_Identifier_MISSING: 'required',
  MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE: 'not-supported',
  MSG_VALUESET_VALUE_UNKNOWN: 'code-invalid',
  MSG_CodeSystem_VALUE_UNKNOWN: 'code-invalid',
  MSG_Element_To_Long: 'too-long',
  MSG_Datatype_Wrong: 'structure',
  MSG_Mailbox_Out_Of_Operation: 'transient',
  MSG_Damaged_durin_transport: 'invalid',
  MSG_ID_INVALID: 'value',
  MSG_ID_TOO_LONG: 'too-long',
  MSG_BAD_FORMAT: 'structure',
  MSG_BAD_SYNTAX: 'structure',
  MSG_DATE_FORMAT: 'value',
  MSG_DUPLICATE_ID: 'duplicate',
  MSG_INVALID_ID: 'value',
  MSG_JSON_OBJECT: 'structure',
  MSG_LOCAL_FAIL: 'not-found',
  MSG_NO_MATCH: 'not-found',
  MSG_NO_EXIST: 'not-found',
  MSG_NO_SUMMARY: 'not-supported',
  MSG_PARAM_INVALID: 'invalid',
  MSG_PARAM_NO_REPEAT: 'invalid',
  MSG_PARAM_UNKNOWN: 'not-supported',
  MSG_RESOURCE_ID_MISMATCH: 'invalid',
  MSG_RESOURCE_FAIL: 'exception',
  MSG_RESOURCE_ID_MISSING: 'required',
  MSG_RESOURCE_NOT_ALLOWED: 'not-supported',
  MSG_RESOURCE_REQUIRED: 'required',
  MSG_RESOURCE_TYPE_MISMATCH: 'invalid',
  MSG_TRANSACTION_DUPLICATE_ID: 'duplicate',
  MSG_TRANSACTION_MISSING_ID: 'required',
  MSG_UNKNOWN_TYPE: 'not-supported',
  MSG_VERSION_AWARE: 'business-rule',
  MSG_VERSION_AWARE_CONFLICT: 'conflict',
  MSG_VERSION_AWARE_URL: 'not-supported',
  MSG_WRONG_NS: 'structure',
};
