// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import type { OrganizationInput, PatientInput, PersonInput } from '@samspil/sdk';
import { exampleMessages, EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from '@samspil/sdk/examples';
import '@samspil/components/message-composer.js';
import type { SamspilMessageComposer } from '@samspil/components';

interface Args {
  mode: 'reply' | 'forward' | 'new';
  previous: Bundle | undefined;
  earlier: readonly Bundle[];
  author: PersonInput | undefined;
  phone: string;
  sender: OrganizationInput | undefined;
  receivers: readonly OrganizationInput[];
  patient: PatientInput | undefined;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
}

const EXAMPLES = exampleMessages();
const named = (name: string): Bundle => EXAMPLES.find((m) => m.name === name)?.bundle as Bundle;
const FIRST = named('care-communication-thread-1-new');
const REPLY = named('care-communication-thread-2-reply');

const { hospital, municipality, gp: gpWithYdernummer, acuteTeam } = EXAMPLE_PARTIES;
const gp = { name: gpWithYdernummer.name, sor: gpWithYdernummer.sor, gln: gpWithYdernummer.gln };
/** The organisations an EHR offers as receivers (the sender is left out by the composer). */
const RECEIVERS: OrganizationInput[] = [hospital, municipality, gp, acuteTeam];

const meta: Meta<Args> = {
  title: 'Messages/Message composer',
  component: 'samspil-message-composer',
  args: {
    mode: 'reply',
    previous: FIRST,
    earlier: [],
    author: { family: 'Pedersen', given: ['Jonas'], role: 'sygeplejerske' },
    phone: '+4544527000',
    sender: undefined,
    receivers: RECEIVERS,
    patient: undefined,
    lang: '',
    theme: 'light',
    'heading-level': 2,
  },
  render: (args) =>
    html`<samspil-message-composer
      mode=${args.mode}
      .previous=${args.previous}
      .earlier=${args.earlier}
      .author=${args.author}
      phone=${args.phone}
      .sender=${args.sender}
      .receivers=${args.receivers}
      .patient=${args.patient}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      heading-level=${args['heading-level']}
    ></samspil-message-composer>`,
};
export default meta;

type Story = StoryObj<Args>;

const composerIn = (canvas: HTMLElement) => canvas.querySelector('samspil-message-composer') as SamspilMessageComposer;
const field = <T extends HTMLElement>(canvas: HTMLElement, id: string) =>
  composerIn(canvas).shadowRoot?.querySelector<T>(`#mc-${id}`);

/** Home care answers the hospital's first message; category and topic come from it. */
export const Reply: Story = {};

/**
 * The hospital forwards home care's reply to another receiver, chosen from the host's list; the forward takes the
 * thread's earlier messages for attachment data.
 */
export const Forward: Story = {
  args: {
    mode: 'forward',
    previous: REPLY,
    earlier: [FIRST],
    author: { family: 'Andersen', given: ['Lars'], role: 'afdelingslaege' },
    phone: '+4538683800',
  },
};

/** A new message: the host gives sender, patient and receivers. */
export const New: Story = {
  args: {
    mode: 'new',
    previous: undefined,
    sender: hospital,
    patient: EXAMPLE_PATIENTS.karin,
    author: { family: 'Hansen', given: ['Mette'], role: 'sygeplejerske' },
    phone: '+4538683868',
  },
};

/** The category "Andet" (other) needs a topic: submitted without one, the topic field shows the error. */
export const CategoryOtherNeedsTopic: Story = {
  play: async ({ canvasElement }) => {
    const el = composerIn(canvasElement);
    await el.updateComplete;
    const category = field<HTMLSelectElement>(canvasElement, 'category');
    const topic = field<HTMLInputElement>(canvasElement, 'topic');
    const text = field<HTMLTextAreaElement>(canvasElement, 'text');
    if (!category || !topic || !text) return;
    category.value = 'other';
    category.dispatchEvent(new Event('change'));
    topic.value = '';
    topic.dispatchEvent(new Event('input'));
    text.value = 'Husk kontrol af blodtryk i næste uge.';
    text.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.submit();
    await el.updateComplete;
  },
};

/** Answering a referral question with priority asap: the asap box is enabled only for "Vedr. henvisning". */
export const AsapRule: Story = {
  args: {
    previous: named('care-communication-regarding-referral-asap'),
    author: { family: 'Andersen', given: ['Lars'], role: 'afdelingslaege' },
    phone: '+4538683800',
  },
};

/** Submitted empty: every problem at its field, and the error summary with links to them. */
export const WithErrors: Story = {
  args: { mode: 'forward', previous: REPLY, earlier: [FIRST], phone: '' },
  play: async ({ canvasElement }) => {
    const el = composerIn(canvasElement);
    await el.updateComplete;
    el.submit();
    await el.updateComplete;
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background: #0f1720; color: #e6edf3; padding: 1rem">${story()}</div>`],
};

/** A 320 px side panel. */
export const Narrow: Story = {
  args: { mode: 'forward', previous: REPLY, earlier: [FIRST] },
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};
