// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import {
  casualtyWard,
  extras,
  longContent,
  newLetter,
  outpatient,
  withoutOptional,
  xd0134l,
} from '@samspil/fixtures/discharge-variants';
import { LETTERS, STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import '@samspil/components/discharge-summary.js';

const EXAMPLE = STORYBOOK_SHARED_PREFIX + LETTERS.dischargeSummary;

// Every variant is MedCom's official DIS01_1 letter with a few elements renamed, added or removed.

/** The official example as text (it is windows-1252, as its XML declaration says). */
async function official(): Promise<string> {
  return new TextDecoder('windows-1252').decode(await (await fetch(EXAMPLE)).arrayBuffer());
}

interface Args {
  src: string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
  'print-preview': boolean;
}

const meta: Meta<Args> = {
  title: 'Viewers/Discharge summary',
  component: 'samspil-discharge-summary',
  args: { src: EXAMPLE, lang: '', theme: 'light', 'heading-level': 2, 'print-preview': false },
  render: (args, { loaded }) =>
    html`<samspil-discharge-summary
      src=${loaded['letter'] === undefined ? args.src : ''}
      .letter=${loaded['letter']}
      lang=${args.lang}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?print-preview=${args['print-preview']}
    ></samspil-discharge-summary>`,
};
export default meta;

type Story = StoryObj<Args>;

/** MedCom's official example DIS01_1: a corrected (rettetbrev) udskrivningsepikrise, XD0133L. */
export const Default: Story = {};

/** XDIS02 ambulantepikrise: "Første besøg" and "Sidste besøg". */
export const Outpatient: Story = { loaders: [async () => ({ letter: outpatient(await official()) })] };

/** XDIS03 skadestueepikrise. */
export const CasualtyWard: Story = { loaders: [async () => ({ letter: casualtyWard(await official()) })] };

/**
 * XD0134L with priority and recommended follow-up, plus every optional part: episode-of-care number, sender
 * phone and contact, signed date, references (an https link, a `javascript:` URL shown as text, SUP and BIN)
 * and an unknown element under "Øvrigt indhold".
 */
export const Xd0134lWithRecommendations: Story = {
  loaders: [async () => ({ letter: xd0134l(extras(await official())) })],
};

/** A new letter (nytbrev): no correction banner. Compare with Default, which is a rettetbrev. */
export const NewLetter: Story = { loaders: [async () => ({ letter: newLetter(await official()) })] };

/** No referral, no copy receiver, no relatives and no references. */
export const MissingOptionalParts: Story = {
  loaders: [async () => ({ letter: withoutOptional(newLetter(await official())) })],
};

/** Ten epikrise blocks, each signed, each collapsible. */
export const LongContent: Story = { loaders: [async () => ({ letter: longContent(await official()) })] };

/**
 * The loading state: the letter is requested from a closed port on this machine (loopback only), so the state
 * shows until the browser refuses the connection and the error state follows. The tests hold the state with a
 * stubbed fetch.
 */
export const Loading: Story = { args: { src: 'http://127.0.0.1:9/DIS01_1.xml' } };

/** A letter that cannot be fetched (HTTP 404). */
export const Error: Story = { args: { src: `${STORYBOOK_SHARED_PREFIX}medcom/oioxml/examples/xdis01/missing.xml` } };

/** A letter that is not an epikrise (MedCom's XREF01 referral example). */
export const NotAnEpikrise: Story = { args: { src: STORYBOOK_SHARED_PREFIX + LETTERS.referral } };

/** Nothing to show yet. */
export const Empty: Story = { args: { src: '' } };

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** At 320 CSS pixels, the narrowest width WCAG reflow asks for. */
export const Narrow: Story = {
  loaders: [async () => ({ letter: xd0134l(extras(await official())) })],
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/**
 * `print-preview` shows on screen what the browser prints: the header with the patient's name and CPR number (in
 * print it is fixed to the top of every page) and no interactive chrome. Use the browser's print preview for
 * the real pages.
 */
export const PrintPreview: Story = { args: { 'print-preview': true } };
