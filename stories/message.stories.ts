// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import { LETTERS, STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import { exampleMessages } from '@samspil/sdk/examples';
import '@samspil/components/message.js';

interface Args {
  message: Bundle | undefined;
  src: string;
  lang: string;
  theme: 'light' | 'dark';
  'reference-date': string;
}

const EXAMPLES = exampleMessages();
const named = (name: string): Bundle | undefined => EXAMPLES.find((example) => example.name === name)?.bundle;

const meta: Meta<Args> = {
  title: 'Viewers/Message',
  component: 'samspil-message',
  args: {
    message: named('care-communication-thread-3-forward-with-attachment'),
    src: '',
    lang: '',
    theme: 'light',
    'reference-date': '2026-11-09',
  },
  render: (args) =>
    html`<samspil-message
      .message=${args.message}
      src=${ifDefined(args.src || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      reference-date=${args['reference-date']}
    ></samspil-message>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A CareCommunication: shown by the message thread. */
export const CareCommunication: Story = {};

/** A HospitalNotification: shown by the stay timeline. */
export const HospitalNotification: Story = {
  args: { message: named('hospital-notification-a-07-discharge-inpatient-home') },
};

/** A HomeCareObservation: shown by the observation report. */
export const HomeCareObservation: Story = { args: { message: named('home-care-observation') } };

/** An Acknowledgement: shown by the acknowledgement view. */
export const Acknowledgement: Story = { args: { message: named('acknowledgement-fatal-error') } };

/** An OIOXML discharge summary (MedCom's example), fetched by URL: shown by the discharge-summary viewer. */
export const DischargeSummaryLetter: Story = {
  args: { message: undefined, src: STORYBOOK_SHARED_PREFIX + LETTERS.dischargeSummary },
};

/** An OIOXML rehabilitation plan (MedCom's example): shown by the rehab-plan viewer. */
export const RehabPlanLetter: Story = {
  args: { message: undefined, src: STORYBOOK_SHARED_PREFIX + LETTERS.rehabPlan, 'reference-date': '2014-12-20' },
};

/** An OIOXML referral (MedCom's example): shown read-only in the referral form. */
export const ReferralLetter: Story = { args: { message: undefined, src: STORYBOOK_SHARED_PREFIX + LETTERS.referral } };

export const English: Story = { args: { lang: 'en', message: named('home-care-observation') } };

export const Dark: Story = {
  args: { theme: 'dark', message: named('acknowledgement-ok') },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** Something that is not a MedCom message. */
export const Error: Story = { args: { message: { resourceType: 'Bundle', type: 'collection' } as Bundle } };

export const Empty: Story = { args: { message: undefined } };
