// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import { STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import {
  buildCareCommunication,
  forwardCareCommunication,
  replyToCareCommunication,
  type BuildOptions,
  type PersonInput,
} from '@samspil/sdk';
import { exampleMessages, EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from '@samspil/sdk/examples';
// the sources work either way.
import '@samspil/components/message-thread.js';
import '@samspil/components/message-composer.js';

interface Args {
  messages: readonly Bundle[] | undefined;
  src: string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
  'print-preview': boolean;
}

const EXAMPLES = exampleMessages();
const named = (name: string): Bundle => EXAMPLES.find((m) => m.name === name)?.bundle as Bundle;

/** The synthetic thread: the hospital asks home care, home care replies, the hospital forwards to the GP. */
const THREAD = [
  named('care-communication-thread-1-new'),
  named('care-communication-thread-2-reply'),
  named('care-communication-thread-3-forward-with-attachment'),
];

const { hospital, municipality, gp: gpWithYdernummer } = EXAMPLE_PARTIES;
const gp = { name: gpWithYdernummer.name, sor: gpWithYdernummer.sor, gln: gpWithYdernummer.gln };
const NURSE: PersonInput = { family: 'Hansen', given: ['Mette'], role: 'sygeplejerske' };
const HOME_NURSE: PersonInput = { family: 'Pedersen', given: ['Jonas'], role: 'sygeplejerske' };

/** A 32 × 32 PNG (a blue cross): a photo a home-care nurse attaches. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAN0lEQVR42mP4TwTgDp6CFRGjl2HUglELRi0YtYAIC3BpphYatWDUgqFgwWhRMWrBqAWjFgwCCwCiVGE5DPyzkAAAAABJRU5ErkJggg==';

/** Fixed clock and ids for message `n`, `minutes` after 7 November 2026 08:00 UTC. */
function at(n: number, minutes: number): BuildOptions {
  let count = 0;
  return {
    now: () => new Date(Date.UTC(2026, 10, 7, 8, minutes)),
    newId: () => `${n.toString(16).padStart(8, '0')}-5707-4000-8000-${(++count).toString(16).padStart(12, '0')}`,
  };
}

/** Fourteen messages back and forth about a discharge, built with the SDK's builders, ending in a forward. */
function longThread(): Bundle[] {
  const lines = [
    'Bruno udskrives i morgen kl. 10. Kan hjemmeplejen komme kl. 14?',
    'Ja, vi kommer kl. 14. Har han fået nye hjælpemidler?',
    'Ja: rollator og badebænk. Hjælpemiddelcentralen leverer i dag.',
    'Tak. Hvem står for medicinen den første uge?',
    'Vi sender dosisdispenseret medicin med til 7 dage.\nMedicinlisten følger i næste meddelelse.',
    'Modtaget. Vi afventer listen.',
    'Her er listen: Furix 40 mg x 1, Pinex 1 g x 4 ved smerter, Marevan efter INR.',
    'Hvornår skal INR måles næste gang?',
    'Mandag hos egen læge. Vi orienterer lægen.',
    'Godt. Bruno spørger, om han må gå i bad selv.',
    'Ja, med badebænk og en hjælper til stede den første uge.',
    'Tak for hjælpen. Vi melder tilbage efter første besøg.',
    'Godt at høre. Vi lukker forløbet her og orienterer egen læge.',
  ];
  const first = buildCareCommunication(
    {
      sender: hospital,
      receiver: municipality,
      patient: EXAMPLE_PATIENTS.bruno,
      category: 'discharge',
      topic: 'Udskrivelse og hjemmepleje',
      texts: [{ text: lines[0] as string, author: NURSE, phone: '+4538683868' }],
    },
    at(1, 0),
  );
  const messages = [first];
  for (let i = 1; i < lines.length; i++) {
    const fromHospital = i % 2 === 0;
    messages.push(
      replyToCareCommunication(
        messages[i - 1] as Bundle,
        {
          texts: [
            {
              text: lines[i] as string,
              author: fromHospital ? NURSE : HOME_NURSE,
              phone: fromHospital ? '+4538683868' : '+4544527000',
            },
          ],
        },
        at(i + 1, i * 47),
      ),
    );
  }
  messages.push(
    forwardCareCommunication(
      messages[messages.length - 1] as Bundle,
      {
        receiver: gp,
        texts: [{ text: 'Til orientering om forløbet efter udskrivelsen.', author: HOME_NURSE, phone: '+4544527000' }],
      },
      { ...at(lines.length + 1, lines.length * 47), earlier: messages },
    ),
  );
  return messages;
}

/** Home care sends a photo of a wound and a PDF assessment. */
function withAttachments(): Bundle[] {
  return [
    buildCareCommunication(
      {
        sender: municipality,
        receiver: hospital,
        patient: EXAMPLE_PATIENTS.bruno,
        category: 'nursing',
        topic: 'Sår på venstre ankel',
        texts: [
          {
            text: 'Billede af såret fra i dag.\nSårvurderingen er vedhæftet.',
            author: HOME_NURSE,
            phone: '+4544527000',
          },
        ],
        attachments: [
          { title: 'Sår, venstre ankel', contentType: 'image/png', data: PNG },
          { title: 'Sårvurdering', contentType: 'application/pdf', data: 'JVBERi0xLjQKJSVFT0YK' },
          { title: 'Sundhedsstyrelsens vejledning om sårbehandling', url: 'https://www.sst.dk/' },
        ],
      },
      at(30, 0),
    ),
  ];
}

/** A message with only what the standard requires: no topic, no attachments, one text. */
function minimal(): Bundle[] {
  return [
    buildCareCommunication(
      {
        sender: gp,
        receiver: municipality,
        patient: EXAMPLE_PATIENTS.karin,
        category: 'carecoordination',
        texts: [
          {
            text: 'Karin har fået ny kontakt i hjemmeplejen.',
            author: { family: 'Berg', roleText: 'Læge' },
            phone: '86123456',
          },
        ],
      },
      at(40, 0),
    ),
  ];
}

const LONG_TEXT = Array.from(
  { length: 14 },
  (_, i) => `${i + 1}. Observation fra aftenvagten: søvn, smerter, væske og mobilisering beskrevet i fuld længde.`,
).join('\n');

const meta: Meta<Args> = {
  title: 'Messages/Message thread',
  component: 'samspil-message-thread',
  args: {
    messages: THREAD,
    src: '',
    lang: '',
    theme: 'light',
    'heading-level': 2,
    'print-preview': false,
  },
  render: (args, { loaded }) =>
    html`<samspil-message-thread
      .messages=${(loaded['messages'] as Bundle[] | undefined) ?? args.messages}
      src=${ifDefined(args.src || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?print-preview=${args['print-preview']}
    ></samspil-message-thread>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The synthetic thread from `exampleMessages()` (`care-communication-thread-*`): new → reply → forward with a PDF.
 * MedCom's official thread is used in the tests; Storybook does not serve the shared FHIR examples.
 */
export const Default: Story = {};

/** Fourteen messages built with the builders: a discharge planned back and forth, then forwarded to the GP. */
export const LongThread: Story = { loaders: [async () => ({ messages: longThread() })] };

/** An image previewed (from a blob: URL), a PDF to open or download, and a web link. */
export const WithAttachments: Story = { loaders: [async () => ({ messages: withAttachments() })] };

/** The GP asks about a referral with priority asap: the marker is the most prominent thing on the message. */
export const RegardingReferralAsap: Story = {
  args: { messages: [named('care-communication-regarding-referral-asap')] },
};

/** Only the last message is here: the first two are known from its history and shown as gaps. */
export const Gaps: Story = { args: { messages: [THREAD[2] as Bundle] } };

/**
 * The GP's view: the thread with a composer in its `composer` slot, bound to the newest message (the hospital's
 * forward). The host gives its own organisation as `sender`, so the reply goes back to the hospital.
 */
export const WithComposer: Story = {
  render: (args) =>
    html`<samspil-message-thread
      .messages=${args.messages}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
    >
      <samspil-message-composer
        slot="composer"
        mode="reply"
        heading-level="3"
        .sender=${gp}
        .author=${{ family: 'Berg', given: ['Anne'], roleText: 'Praktiserende læge' }}
        phone="+4586123456"
        lang=${ifDefined(args.lang || undefined)}
        theme=${args.theme}
      ></samspil-message-composer>
    </samspil-message-thread>`,
};

/** A text of fourteen lines collapses (open by default). */
export const LongContent: Story = {
  loaders: [
    async () => ({
      messages: [
        buildCareCommunication(
          {
            sender: municipality,
            receiver: hospital,
            patient: EXAMPLE_PATIENTS.bruno,
            category: 'nursing',
            topic: 'Observationer fra aftenvagten',
            texts: [{ text: LONG_TEXT, author: HOME_NURSE, phone: '+4544527000' }],
          },
          at(50, 0),
        ),
      ],
    }),
  ],
};

/** Only what the standard requires: no topic, no attachments. */
export const MissingOptionalParts: Story = { loaders: [async () => ({ messages: minimal() })] };

/**
 * The loading state: the message is requested from a closed port on this machine (loopback only), so the state
 * shows until the browser refuses the connection and the error state follows. The tests hold it with a stub.
 */
export const Loading: Story = { args: { messages: undefined, src: 'http://127.0.0.1:9/message.json' } };

/** The file does not exist. */
export const Error: Story = {
  args: { messages: undefined, src: `${STORYBOOK_SHARED_PREFIX}medcom/oioxml/missing-message.json` },
};

export const Empty: Story = { args: { messages: undefined } };

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  loaders: [async () => ({ messages: [...THREAD, ...withAttachments()] })],
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** A 320 px side panel: labels go above their values. */
export const Narrow: Story = {
  loaders: [async () => ({ messages: [...THREAD, ...withAttachments()] })],
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/**
 * As printed: the patient header on top, long texts expanded, no composer. In real print (Ctrl+P) the header is
 * fixed at the top of every page.
 */
export const PrintPreview: Story = { args: { 'print-preview': true } };
