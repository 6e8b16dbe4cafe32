// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import { STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import { exampleMessages } from '@samspil/sdk/examples';
import '@samspil/components/acknowledgement.js';

interface Args {
  messages: readonly Bundle[] | undefined;
  src: string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
}

const EXAMPLES = exampleMessages();
/** The named message of the example set, as the `messages` list to show. */
const messages = (name: string): Bundle[] =>
  EXAMPLES.filter((example) => example.name === name).map((example) => example.bundle);

const meta: Meta<Args> = {
  title: 'Viewers/Acknowledgement',
  component: 'samspil-acknowledgement',
  args: { messages: messages('acknowledgement-ok'), src: '', lang: '', theme: 'light', 'heading-level': 2 },
  render: (args) =>
    html`<samspil-acknowledgement
      .messages=${args.messages}
      src=${ifDefined(args.src || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      heading-level=${args['heading-level']}
    ></samspil-acknowledgement>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Home care received and loaded the hospital's new message: `ok` (AA). */
export const Ok: Story = {};

/** The receiver's mailbox is out of operation: `transient-error` (AR); the message is resent. */
export const TransientError: Story = { args: { messages: messages('acknowledgement-transient-error') } };

/** The message did not validate (an unknown value-set value): `fatal-error` (AE). */
export const FatalError: Story = { args: { messages: messages('acknowledgement-fatal-error') } };

export const English: Story = { args: { lang: 'en', messages: messages('acknowledgement-fatal-error') } };

export const Dark: Story = {
  args: { theme: 'dark', messages: messages('acknowledgement-transient-error') },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** A 320 px side panel: labels go above their values. */
export const Narrow: Story = {
  args: { messages: messages('acknowledgement-fatal-error') },
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/**
 * The loading state: the message is requested from a closed port on this machine (loopback only), so the state
 * shows until the browser refuses the connection and the error state follows.
 */
export const Loading: Story = { args: { messages: undefined, src: 'http://127.0.0.1:9/acknowledgement.json' } };

/** The file does not exist. */
export const Error: Story = {
  args: { messages: undefined, src: `${STORYBOOK_SHARED_PREFIX}medcom/examples/acknowledgement/missing.json` },
};

export const Empty: Story = { args: { messages: undefined } };
