// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import { STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import { buildHomeCareObservation, type HomeCareObservationInput } from '@samspil/sdk';
import { EXAMPLE_PARTIES, EXAMPLE_PATIENTS, exampleMessages } from '@samspil/sdk/examples';
import '@samspil/components/observation-report.js';

interface Args {
  messages: readonly Bundle[] | undefined;
  src: string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
  'print-preview': boolean;
}

const EXAMPLE = exampleMessages()
  .filter((message) => message.name === 'home-care-observation')
  .map((message) => message.bundle);

/** A 96 × 40 px ECG strip (PNG), small enough to travel inline. */
const ECG_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAAAoCAIAAACO8WhuAAAAuUlEQVR42u3ZSwqDMBAAUA/h/U/Ru3gXN60QCGKl/jI60BfGhbOY6DOBIXbjMIgf0U3Xe23IlwEI0A1Ar76fIu6BMtcHBAhQONBmlAnieo3M9a0gWwwQIECAAOmD1vqIkp9H2z4lQ/1LK6gmS35+2+QLZ6h/AKgaB71AzvqAtoC+9+GhWEzQPB6vv/dEsZYLOsFLWx8QoOtAjoQa/BezxQABAgQIECB9kD7IFgN0Buhv84AAAQL0ZP4DboYjS5GZMpAAAAAASUVORK5CYII=';
/** A one-line PDF, offered as a download. */
const MEDICATION_PDF =
  'JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jvb3QgMSAwIFI+PgolJUVPRgo=';

const { ydernummer, ...gp } = EXAMPLE_PARTIES.gp;
/** The acute team's visit to Karin Berggren, as in the example set, for the variants below. */
const VISIT: HomeCareObservationInput = {
  sender: EXAMPLE_PARTIES.acuteTeam,
  receiver: { ...gp, ydernummer, contactInitials: 'LA' },
  patient: EXAMPLE_PATIENTS.karin,
  performer: { given: ['Mia'], family: 'Lund', phone: '+4587654321', role: 'sygeplejerske' },
  issued: '2026-11-21T09:40:00+01:00',
  conclusion:
    'Borgeren er varm og sløj, men vågen og klar.\nFeber og let forhøjet respirationsfrekvens.\nSpiser og drikker sparsomt.',
  observations: [
    {
      code: { system: 'npu', code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
      value: 38.7,
      unit: '°C',
      effective: '2026-11-21T09:24:00+01:00',
      referenceRange: { low: 36.5, high: 37.5 },
      note: 'Målt rektalt',
    },
    {
      code: { system: 'medcom', code: 'MCS88122', display: 'Pt—Respiration; frekvens = ? X 1/min' },
      value: 24,
      unit: '1/min',
      effective: '2026-11-21T09:25:00+01:00',
      referenceRange: { low: 12, high: 20 },
    },
    {
      code: { system: 'npu', code: 'NPU21692', display: 'Hjerte—Systole; frekv. = ? × 1/min' },
      value: 88,
      unit: '1/min',
      effective: '2026-11-21T09:25:30+01:00',
      referenceRange: { low: 50, high: 90 },
    },
    {
      code: { system: 'npu', code: 'NPU22089', display: 'P(kB)—Glucose; stofk. = ? mmol/L' },
      value: 3.1,
      unit: 'mmol/L',
      effective: '2026-11-21T09:27:00+01:00',
      referenceRange: { low: 4, high: 7 },
      note: 'Ikke fastende',
    },
    {
      code: { system: 'npu', code: 'NPU21578', display: 'U—Nitrit; arb.k.(proc.) = ?' },
      value: 'Negativ',
      effective: '2026-11-21T09:30:00+01:00',
    },
  ],
};
const CLOCK = { now: () => new Date('2026-11-21T08:40:00Z') };

const meta: Meta<Args> = {
  title: 'Viewers/Observation report',
  component: 'samspil-observation-report',
  args: { messages: EXAMPLE, src: '', lang: '', theme: 'light', 'heading-level': 2, 'print-preview': false },
  render: (args) =>
    html`<samspil-observation-report
      .messages=${args.messages}
      src=${ifDefined(args.src || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?print-preview=${args['print-preview']}
    ></samspil-observation-report>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The example set's `home-care-observation`: temperature (above its range), respiration and a urine test. */
export const Default: Story = {};

/** An ECG strip previewed as an image (alt text = its title) and a PDF offered as a download. */
export const WithMedia: Story = {
  args: {
    messages: [
      buildHomeCareObservation(
        {
          ...VISIT,
          conclusion: 'EKG taget i hjemmet: sinusrytme. Medicinlisten er vedlagt.',
          media: [
            { title: 'EKG', contentType: 'image/png', data: ECG_PNG, creation: '2026-11-21T09:31:00+01:00' },
            {
              title: 'Medicinliste',
              contentType: 'application/pdf',
              data: MEDICATION_PDF,
              creation: '2026-11-21T09:33:00+01:00',
            },
          ],
        },
        CLOCK,
      ),
    ],
  },
};

/** The patient refused consent to share the results beyond the GP (security label R): said first, plainly. */
export const ConsentRefused: Story = {
  args: { messages: [buildHomeCareObservation({ ...VISIT, consentRefused: true }, CLOCK)] },
};

/** Temperature, respiration and glucose outside their ranges: marked with text and an arrow, not colour alone. */
export const OutOfRange: Story = { args: { messages: [buildHomeCareObservation(VISIT, CLOCK)] } };

/** A modification of an earlier message (MessageHeader id given). */
export const Modified: Story = {
  args: {
    messages: [
      buildHomeCareObservation(
        { ...VISIT, correction: { of: '489de4f2-0d8d-4de2-a7ce-ccb93568799f', kind: 'modify' } },
        CLOCK,
      ),
    ],
  },
};

/** A retraction: the earlier message's results must not be used. */
export const Retracted: Story = {
  args: {
    messages: [
      buildHomeCareObservation(
        {
          ...VISIT,
          conclusion: 'Tilbagekaldt: målingerne er registreret på forkert borger.',
          correction: { of: '489de4f2-0d8d-4de2-a7ce-ccb93568799f', kind: 'retract' },
        },
        CLOCK,
      ),
    ],
  },
};

/** Eighteen results (the table folds, open), a long clinical comment and notes. */
export const LongContent: Story = {
  args: {
    messages: [
      buildHomeCareObservation(
        {
          ...VISIT,
          conclusion: Array.from(
            { length: 12 },
            (_, i) => `${i + 1}. Observation fra besøget, skrevet ud i fuld længde med tid og sted for målingen.`,
          ).join('\n'),
          observations: [
            ...VISIT.observations,
            ...Array.from({ length: 13 }, (_, i) => ({
              code: { system: 'npu' as const, code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
              value: Math.round((36.4 + i * 0.2) * 10) / 10,
              unit: '°C',
              effective: `2026-11-21T${String(10 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}:00+01:00`,
              referenceRange: { low: 36.5, high: 37.5 },
              note: i % 3 === 0 ? 'Målt i øret efter 20 minutters hvile.' : undefined,
            })),
          ],
        },
        CLOCK,
      ),
    ],
  },
};

/** Only what the standard requires: one result, no range, comment or attachment, and no GP initials. */
export const MissingOptionalParts: Story = {
  args: {
    messages: [
      buildHomeCareObservation(
        {
          sender: EXAMPLE_PARTIES.acuteTeam,
          receiver: { ...gp, ydernummer },
          patient: EXAMPLE_PATIENTS.bruno,
          performer: { family: 'Lund', phone: '87654321', role: 'sygeplejerske' },
          observations: [
            { code: { system: 'npu', code: 'NPU21578' }, value: 'Negativ', effective: '2026-11-21T09:30:00+01:00' },
          ],
        },
        CLOCK,
      ),
    ],
  },
};

/**
 * The loading state: the message is requested from a closed port on this machine (loopback only), so the state
 * shows until the browser refuses the connection and the error state follows. The tests hold the state with a
 * stubbed fetch.
 */
export const Loading: Story = { args: { messages: undefined, src: 'http://127.0.0.1:9/home-care-observation.json' } };

/** The file does not exist. */
export const Error: Story = {
  args: { messages: undefined, src: `${STORYBOOK_SHARED_PREFIX}medcom/examples/homecareobservation/missing.json` },
};

export const Empty: Story = { args: { messages: undefined } };

export const English: Story = { args: { lang: 'en', messages: [buildHomeCareObservation(VISIT, CLOCK)] } };

export const Dark: Story = {
  args: { theme: 'dark', messages: [buildHomeCareObservation({ ...VISIT, consentRefused: true }, CLOCK)] },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** A 320 px side panel: each result becomes a card with its labels. */
export const Narrow: Story = {
  args: { messages: [buildHomeCareObservation(VISIT, CLOCK)] },
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/**
 * As printed: the patient header on top and every section expanded. In real print (Ctrl+P) the header is fixed at
 * the top of every page, and folded sections open for the print.
 */
export const PrintPreview: Story = {
  args: { 'print-preview': true, messages: [buildHomeCareObservation(VISIT, CLOCK)] },
};
