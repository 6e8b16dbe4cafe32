// SPDX-License-Identifier: MIT
// Classes only: importing this entry defines no elements. Define one with its own entry, e.g.
// `import '@samspil/components/rehab-plan.js'`.

export { SamspilDischargeSummary } from './discharge-summary/discharge-summary.js';
export { SamspilPatientBanner } from './patient-banner/patient-banner.js';
export { SamspilReferralForm } from './referral-form/referral-form.js';
export type { ReferralDraftStorage } from './referral-form/referral-form.js';
export { SamspilRehabPlan } from './rehab-plan/rehab-plan.js';
export { SamspilAcknowledgement } from './acknowledgement/acknowledgement.js';
export { SamspilMessage } from './message/message.js';
export type { AnyMessageSource } from './message/message.js';
export { SamspilMessageComposer } from './message-composer/message-composer.js';
export { SamspilMessageThread } from './message-thread/message-thread.js';
export { SamspilObservationReport } from './observation-report/observation-report.js';
export { SamspilStayTimeline } from './stay-timeline/stay-timeline.js';
export type { MessageSource } from './internal/message-loader.js';
export { registerFhirXmlParser } from './internal/fhir-xml.js';
export type { FhirXmlParser } from './internal/fhir-xml.js';

export type {
  ReferralDraft,
  SamspilDraftDetail,
  SamspilErrorDetail,
  SamspilInvalidDetail,
  SamspilLoadDetail,
  SamspilSendDetail,
  SamspilSubmitDetail,
} from './events/index.js';
export type { LetterSource } from './internal/letter-loader.js';
export type { Locale, Strings } from './i18n/strings.js';
export type { StringOverrides } from './i18n/localize.js';
export { da, en } from './i18n/strings.js';
export { DEFAULT_LOCALE, getStrings, resetStrings, setStrings } from './i18n/localize.js';
