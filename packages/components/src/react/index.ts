// SPDX-License-Identifier: MIT
// React wrappers (`@samspil/components/react.js`): properties pass through as props and `samspil-*` events as
// `onSamspil*` callbacks. Importing this entry defines the elements. React is a peer dependency.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { SamspilErrorDetail } from '../events/samspil-error.js';
import type { SamspilLoadDetail } from '../events/samspil-load.js';
import { SamspilDischargeSummary } from '../discharge-summary/define.js';
import { SamspilPatientBanner } from '../patient-banner/define.js';
import { SamspilReferralForm } from '../referral-form/define.js';
import { SamspilRehabPlan } from '../rehab-plan/define.js';
import { SamspilAcknowledgement } from '../acknowledgement/define.js';
import { SamspilMessage } from '../message/define.js';
import { SamspilMessageComposer } from '../message-composer/define.js';
import { SamspilMessageThread } from '../message-thread/define.js';
import { SamspilObservationReport } from '../observation-report/define.js';
import { SamspilStayTimeline } from '../stay-timeline/define.js';

const viewerEvents = {
  onSamspilLoad: 'samspil-load' as EventName<CustomEvent<SamspilLoadDetail>>,
  onSamspilError: 'samspil-error' as EventName<CustomEvent<SamspilErrorDetail>>,
};

/** `<samspil-patient-banner>` for React. */
export const PatientBanner = createComponent({
  tagName: 'samspil-patient-banner',
  elementClass: SamspilPatientBanner,
  react: React,
});

/** `<samspil-discharge-summary>` for React. */
export const DischargeSummary = createComponent({
  tagName: 'samspil-discharge-summary',
  elementClass: SamspilDischargeSummary,
  react: React,
  events: viewerEvents,
});

/** `<samspil-rehab-plan>` for React. */
export const RehabPlan = createComponent({
  tagName: 'samspil-rehab-plan',
  elementClass: SamspilRehabPlan,
  react: React,
  events: viewerEvents,
});

/** `<samspil-referral-form>` for React. */
export const ReferralForm = createComponent({
  tagName: 'samspil-referral-form',
  elementClass: SamspilReferralForm,
  react: React,
  events: {
    onSamspilSubmit: 'samspil-submit' as EventName<GlobalEventHandlersEventMap['samspil-submit']>,
    onSamspilInvalid: 'samspil-invalid' as EventName<GlobalEventHandlersEventMap['samspil-invalid']>,
    onSamspilDraft: 'samspil-draft' as EventName<GlobalEventHandlersEventMap['samspil-draft']>,
  },
});

/** `<samspil-stay-timeline>` for React. */
export const StayTimeline = createComponent({
  tagName: 'samspil-stay-timeline',
  elementClass: SamspilStayTimeline,
  react: React,
  events: viewerEvents,
});

/** `<samspil-message-thread>` for React. */
export const MessageThread = createComponent({
  tagName: 'samspil-message-thread',
  elementClass: SamspilMessageThread,
  react: React,
  events: viewerEvents,
});

/** `<samspil-message-composer>` for React. */
export const MessageComposer = createComponent({
  tagName: 'samspil-message-composer',
  elementClass: SamspilMessageComposer,
  react: React,
  events: { onSamspilSend: 'samspil-send' as EventName<GlobalEventHandlersEventMap['samspil-send']> },
});

/** `<samspil-observation-report>` for React. */
export const ObservationReport = createComponent({
  tagName: 'samspil-observation-report',
  elementClass: SamspilObservationReport,
  react: React,
  events: viewerEvents,
});

/** `<samspil-acknowledgement>` for React. */
export const Acknowledgement = createComponent({
  tagName: 'samspil-acknowledgement',
  elementClass: SamspilAcknowledgement,
  react: React,
  events: viewerEvents,
});

/** `<samspil-message>` for React: any MedCom message or letter. */
export const Message = createComponent({
  tagName: 'samspil-message',
  elementClass: SamspilMessage,
  react: React,
  events: viewerEvents,
});
