// SPDX-License-Identifier: MIT
// Internal helpers (the XML builder, the serializer, header defaults, the section readers) stay unexported: the
// writer's contract is writeXref01 and its field issues.
export { XREF01_CODES } from './codes.js';
export type { ReferralFieldRule } from './input.js';
export { ReferralInput } from './input.js';
export {
  PRIORITY_LABELS,
  REFERRAL_CODE_LABELS,
  REFERRAL_HEADINGS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_TYPE_LABELS,
  TELEPHONE_SUBSCRIBER_CODE_LABELS,
  TRANSPORT_LABELS,
  VISITATION_INFORMATION_LABELS,
} from './labels.js';
export { Referral, ReferralType, ReferralVisitation } from './model.js';
export type { ReadReferral, ReferralFailure } from './read.js';
export { parseReferral, readReferral } from './read.js';
export { referralToInput } from './to-input.js';
export type { ReferralFieldIssue } from './validate.js';
export { validateReferralInput } from './validate.js';
export type { WriteXref01Options, WriteXref01Result } from './write.js';
export { writeXref01 } from './write.js';
