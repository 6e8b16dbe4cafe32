// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import { STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import { exampleMessages } from '@samspil/sdk/examples';
import '@samspil/components/stay-timeline.js';

interface Args {
  messages: readonly Bundle[] | undefined;
  src: string;
  'reference-date': string;
  'time-zone': string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
  'print-preview': boolean;
}

// The synthetic example set: six stays (a–f) that together use every HospitalNotification activity.
const NOTIFICATIONS = exampleMessages().filter((m) => m.name.startsWith('hospital-notification-'));

/** Every message of one stay, in the order sent. */
const stay = (letter: string): Bundle[] =>
  NOTIFICATIONS.filter((m) => m.name.startsWith(`hospital-notification-${letter}-`)).map((m) => m.bundle);

/** One message by name (`a-03-start-leave-inpatient`), as a list of one. */
const named = (name: string): Bundle[] =>
  NOTIFICATIONS.filter((m) => m.name === `hospital-notification-${name}`).map((m) => m.bundle);

/** A stay up to and including one message (`a-03-start-leave-inpatient`): that activity in its context. */
const upTo = (name: string): Bundle[] => {
  const messages = NOTIFICATIONS.filter((m) => m.name.startsWith(`hospital-notification-${name.slice(0, 2)}`));
  return messages
    .slice(0, messages.findIndex((m) => m.name === `hospital-notification-${name}`) + 1)
    .map((m) => m.bundle);
};

/** The same message sent again: a new Bundle.id, the same MessageHeader.id (MedCom's resend). */
const resent = (bundle: Bundle): Bundle => ({ ...bundle, id: `${bundle.id ?? 'bundle'}-resent` });

/** Stay a with the hospital department's telephone and e-mail in its Organization. */
const withContact = (bundles: readonly Bundle[]): Bundle[] =>
  bundles.map((bundle) => ({
    ...bundle,
    entry: bundle.entry?.map((entry) =>
      entry.resource?.resourceType === 'Organization' && entry.resource.name?.startsWith('Medicinsk')
        ? {
            ...entry,
            resource: {
              ...entry.resource,
              telecom: [
                { system: 'phone' as const, value: '38 68 38 68' },
                { system: 'email' as const, value: 'm1@testhospitalet.dk' },
              ],
            },
          }
        : entry,
    ),
  }));

/** A message with its optional parts gone: no organisation names, no given name of the patient. */
const minimal = (bundle: Bundle): Bundle => ({
  ...bundle,
  entry: bundle.entry?.map((entry) => {
    const resource = entry.resource;
    if (resource?.resourceType === 'Organization') return { ...entry, resource: { ...resource, name: undefined } };
    if (resource?.resourceType === 'Patient')
      return { ...entry, resource: { ...resource, name: [{ use: 'official' as const, family: 'Elmer' }] } };
    return entry;
  }),
});

const meta: Meta<Args> = {
  title: 'Viewers/Stay timeline',
  component: 'samspil-stay-timeline',
  args: {
    messages: stay('a'),
    src: '',
    'reference-date': '2026-11-09',
    'time-zone': 'Europe/Copenhagen',
    lang: '',
    theme: 'light',
    'heading-level': 2,
    'print-preview': false,
  },
  render: (args) =>
    html`<samspil-stay-timeline
      .messages=${args.messages}
      src=${ifDefined(args.src || undefined)}
      reference-date=${args['reference-date']}
      time-zone=${args['time-zone']}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?print-preview=${args['print-preview']}
    ></samspil-stay-timeline>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Stay a on the day of discharge: every step corrected once; home care must be ready today. */
export const Default: Story = {};

// One story per stay.

/** Inpatient stay with leave; each step corrected (RE_STIN, RE_STOR, RE_SLOR, RE_SLHJ). */
export const StayA: Story = { args: { messages: stay('a'), 'reference-date': '2026-11-09' } };

/** A leave cancelled, a return cancelled and reported again, a discharge cancelled: admitted. */
export const StayB: Story = { args: { messages: stay('b'), 'reference-date': '2026-11-14' } };

/** Acute ambulant, corrected; going home corrected, then cancelled. */
export const StayC: Story = { args: { messages: stay('c'), 'reference-date': '2026-11-16' } };

/** An acute ambulant arrival sent for the wrong patient and cancelled: "Aflyst". */
export const StayD: Story = { args: { messages: stay('d'), 'reference-date': '2026-11-17' } };

/** An admission sent in error and cancelled: "Aflyst". */
export const StayE: Story = { args: { messages: stay('e'), 'reference-date': '2026-11-18' } };

/** A death reported, corrected, then cancelled (wrong patient): still admitted. */
export const StayF: Story = { args: { messages: stay('f'), 'reference-date': '2026-11-20' } };

// One story per HospitalNotification activity: the stay up to and including the message with that activity.

export const AdmitInpatient: Story = {
  args: { messages: upTo('a-01-admit-inpatient'), 'reference-date': '2026-11-02' },
};
export const ReviseAdmitInpatient: Story = {
  args: { messages: upTo('a-02-revise-admit-inpatient'), 'reference-date': '2026-11-02' },
};
export const CancelAdmitInpatient: Story = {
  args: { messages: upTo('e-02-cancel-admit-inpatient'), 'reference-date': '2026-11-18' },
};
export const AdmitEmergency: Story = {
  args: { messages: upTo('c-01-admit-emergency'), 'reference-date': '2026-11-15' },
};
export const ReviseAdmitEmergency: Story = {
  args: { messages: upTo('c-02-revise-admit-emergency'), 'reference-date': '2026-11-15' },
};
export const CancelAdmitEmergency: Story = {
  args: { messages: upTo('d-02-cancel-admit-emergency'), 'reference-date': '2026-11-17' },
};
export const StartLeaveInpatient: Story = {
  args: { messages: upTo('a-03-start-leave-inpatient'), 'reference-date': '2026-11-05' },
};
export const ReviseStartLeaveInpatient: Story = {
  args: { messages: upTo('a-04-revise-start-leave-inpatient'), 'reference-date': '2026-11-05' },
};
export const CancelStartLeaveInpatient: Story = {
  args: { messages: upTo('b-03-cancel-start-leave-inpatient'), 'reference-date': '2026-11-11' },
};
export const EndLeaveInpatient: Story = {
  args: { messages: upTo('a-05-end-leave-inpatient'), 'reference-date': '2026-11-06' },
};
export const ReviseEndLeaveInpatient: Story = {
  args: { messages: upTo('a-06-revise-end-leave-inpatient'), 'reference-date': '2026-11-06' },
};
export const CancelEndLeaveInpatient: Story = {
  args: { messages: upTo('b-06-cancel-end-leave-inpatient'), 'reference-date': '2026-11-12' },
};
export const DischargeInpatientHome: Story = {
  args: { messages: upTo('a-07-discharge-inpatient-home'), 'reference-date': '2026-11-09' },
};
export const ReviseDischargeInpatientHome: Story = {
  args: { messages: upTo('a-08-revise-discharge-inpatient-home'), 'reference-date': '2026-11-09' },
};
export const CancelDischargeInpatientHome: Story = {
  args: { messages: upTo('b-09-cancel-discharge-inpatient-home'), 'reference-date': '2026-11-14' },
};
export const DischargeEmergencyHome: Story = {
  args: { messages: upTo('c-03-discharge-emergency-home'), 'reference-date': '2026-11-16' },
};
export const ReviseDischargeEmergencyHome: Story = {
  args: { messages: upTo('c-04-revise-discharge-emergency-home'), 'reference-date': '2026-11-16' },
};
export const CancelDischargeEmergencyHome: Story = {
  args: { messages: upTo('c-05-cancel-discharge-emergency-home'), 'reference-date': '2026-11-16' },
};

/** MORS: the death is reported with the current admit code, a finished Encounter and a deceased patient. */
export const Death: Story = { args: { messages: upTo('f-02-death'), 'reference-date': '2026-11-20' } };
export const ReviseDeath: Story = { args: { messages: upTo('f-03-revise-death'), 'reference-date': '2026-11-20' } };
export const CancelDeath: Story = { args: { messages: upTo('f-04-cancel-death'), 'reference-date': '2026-11-20' } };

/** An admission sent in error and cancelled (stay e). */
export const CancelledAdmission: Story = { args: { messages: stay('e'), 'reference-date': '2026-11-18' } };

/**
 * Every message of the six stays on its own, as a receiver sees it when only that message has arrived (a correction
 * or cancellation of a message not received says so). One open at a time: each timeline carries a patient banner,
 * and a page of thirty identical "Patient" landmarks would be unusable with a screen reader.
 */
export const EveryActivity: Story = {
  render: (args) =>
    html`<div style="display: grid; gap: 0.5rem">
      ${NOTIFICATIONS.map(
        (m, i) =>
          html`<details name="every-activity" ?open=${i === 0} style="border: 1px solid #c5d0db; padding: 0.5rem">
            <summary style="cursor: pointer"><code>${m.name}</code>: ${m.description}</summary>
            <samspil-stay-timeline
              .messages=${[m.bundle]}
              reference-date=${args['reference-date']}
              time-zone=${args['time-zone']}
              lang=${ifDefined(args.lang || undefined)}
              theme=${args.theme}
              heading-level="3"
            ></samspil-stay-timeline>
          </details>`,
      )}
    </div>`,
};

/** Stay a received out of order, two messages twice (resent with a new Bundle.id): the same timeline as Default. */
export const OutOfOrder: Story = {
  args: {
    messages: [
      ...named('a-08-revise-discharge-inpatient-home'),
      ...named('a-03-start-leave-inpatient'),
      ...named('a-03-start-leave-inpatient').map(resent),
      ...named('a-01-admit-inpatient'),
      ...named('a-06-revise-end-leave-inpatient'),
      ...named('a-02-revise-admit-inpatient'),
      ...named('a-07-discharge-inpatient-home'),
      ...named('a-04-revise-start-leave-inpatient'),
      ...named('a-01-admit-inpatient').map(resent),
      ...named('a-05-end-leave-inpatient'),
    ],
  },
};

/** Two stays of the same patient (a, then f): a status for the newest, a timeline per episode. */
export const SeveralEpisodes: Story = {
  args: { messages: [...stay('f'), ...stay('a')], 'reference-date': '2026-11-20' },
};

/** All six stays at once, three patients: a warning, and the patient shown with each episode. */
export const LongContent: Story = {
  args: { messages: ['a', 'b', 'c', 'd', 'e', 'f'].flatMap(stay), 'reference-date': '2026-11-20' },
};

/** The sending department's telephone and e-mail, as links. */
export const SenderContact: Story = { args: { messages: withContact(stay('a')) } };

/** Only what a notification must have: no organisation names, the patient's family name only. */
export const MissingOptionalParts: Story = {
  args: { messages: named('a-01-admit-inpatient').map(minimal), 'reference-date': '2026-11-02' },
};

/** Stay a, looked at the day after discharge. */
export const DischargedYesterday: Story = { args: { 'reference-date': '2026-11-10' } };

/** The time zone of a reader abroad: the same instants, other clock times. */
export const OtherTimeZone: Story = { args: { 'time-zone': 'America/New_York' } };

/**
 * The loading state: the message is requested from a closed port on this machine (loopback only), so the state
 * shows until the browser refuses the connection and the error state follows. The tests hold the state with a
 * stubbed fetch.
 */
export const Loading: Story = { args: { messages: undefined, src: 'http://127.0.0.1:9/hospital-notification.json' } };

/** The file does not exist. */
export const Error: Story = {
  args: { messages: undefined, src: `${STORYBOOK_SHARED_PREFIX}medcom/oioxml/missing-hospital-notification.json` },
};

export const Empty: Story = { args: { messages: undefined } };

export const English: Story = { args: { messages: stay('b'), lang: 'en', 'reference-date': '2026-11-14' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** A 320 px side panel: labels go above their values. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/**
 * As printed: the patient header on top and every list expanded. In real print (Ctrl+P) the header is fixed at
 * the top of every page, and collapsed lists open for the print.
 */
export const PrintPreview: Story = { args: { 'print-preview': true } };
