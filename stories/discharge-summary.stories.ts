// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { LETTERS, STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import '@samspil/components/discharge-summary.js';

const EXAMPLE = STORYBOOK_SHARED_PREFIX + LETTERS.dischargeSummary;
const NS_2005 = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';
const NS_2018 = 'http://rep.oio.dk/medcom.dk/xml/schemas/2018/08/06/';

// Every variant is MedCom's official DIS01_1 letter with a few elements renamed, added or removed.

/** The official example as text (it is windows-1252, as its XML declaration says). */
async function official(): Promise<string> {
  return new TextDecoder('windows-1252').decode(await (await fetch(EXAMPLE)).arrayBuffer());
}

/** XDIS02 ambulantepikrise: first and last visit instead of admission and discharge. */
const outpatient = (xml: string) =>
  xml
    .replace(/DischargeLetter>/g, 'OutPatientDischargeLetter>')
    .replace(/<(\/?)Admission>/g, '<$1OutPatientFirstVisit>')
    .replace(/<(\/?)Discharge>/g, '<$1OutPatientLastVisit>')
    .replace(/XDIS01/g, 'XDIS02')
    .replace('XD0133L', 'XD0233L')
    .replace('>indlagt<', '>ambulant<');

/** XDIS03 skadestueepikrise. */
const casualtyWard = (xml: string) =>
  xml
    .replace(/DischargeLetter>/g, 'CasualtyWardLetter>')
    .replace(/<(\/?)Admission>/g, '<$1CasualtyWardFirstVisit>')
    .replace(/<(\/?)Discharge>/g, '<$1CasualtyWardLastVisit>')
    .replace(/XDIS01/g, 'XDIS03')
    .replace('XD0133L', 'XD0333L')
    .replace('>indlagt<', '>ambulant<');

/** XD0134L (2018/08/06) with a priority and a recommended follow-up. MedCom has not published the codes. */
const xd0134l = (xml: string) =>
  xml
    .replace(NS_2005, NS_2018)
    .replace('XD0133L', 'XD0134L')
    .replace(
      '</Diagnose>',
      '</Diagnose><ActionPriority><ActionPriorityCode>akut</ActionPriorityCode></ActionPriority>' +
        '<RecommendedAction><Recommendation>Kontrol af leverprøver hos egen læge om 4 uger.<Break/>' +
        'Henvis til onkologisk afd. ved stigende bilirubin.</Recommendation></RecommendedAction>',
    );

/** The optional parts DIS01_1 lacks: episode id, sender phone and contact, signed date, references, unknown. */
const extras = (xml: string) =>
  xml
    .replace('</StatusCode>', '</StatusCode><EpisodeOfCareIdentifier>FORLOEB-0042</EpisodeOfCareIdentifier>')
    .replace(
      '<MedicalSpecialityCode>',
      '<TelephoneSubscriberIdentifier>48 29 48 29</TelephoneSubscriberIdentifier><MedicalSpecialityCode>',
    )
    .replace(
      '</MedicalSpecialityCode>',
      '</MedicalSpecialityCode><Contact><Identifier>MM1</Identifier><IdentifierCode>lokalt_nummer</IdentifierCode>' +
        '<DepartmentName>Sengeafsnit A2</DepartmentName><UnitName>Mads Madsen, reservelæge</UnitName></Contact>',
    )
    .replace('<ClinicalInformation>', '<ClinicalInformation><Signed><Date>1999-01-14</Date><Time>15:30</Time></Signed>')
    .replace(
      '</ClinicalInformation>',
      '</ClinicalInformation>' +
        '<Reference><RefDescription>Patientvejledning</RefDescription><URL>https://www.sundhed.dk/borger/</URL></Reference>' +
        '<Reference><RefDescription>Lokal journal</RefDescription><URL>javascript:alert(1)</URL></Reference>' +
        '<Reference><RefDescription>Operationsbeskrivelse</RefDescription><SUP>true</SUP></Reference>' +
        '<Reference><RefDescription>UL-scanning</RefDescription><BIN><ObjectIdentifier>BIN0042</ObjectIdentifier>' +
        '<ObjectCode>billede</ObjectCode><ObjectExtensionCode>jpeg</ObjectExtensionCode>' +
        '<OriginalObjectSize>48213</OriginalObjectSize></BIN></Reference>',
    )
    .replace(
      '</DischargeLetter>',
      '</DischargeLetter><Local_Elements><Afsnit>Sengeafsnit A2</Afsnit></Local_Elements>',
    );

const newLetter = (xml: string) => xml.replace('>rettetbrev<', '>nytbrev<');

const withoutOptional = (xml: string) =>
  xml
    .replace(/<CCReceiver>.*?<\/CCReceiver>/s, '')
    .replace(/<Relative>.*?<\/Relative>/s, '')
    .replace(/<Referral>.*?<\/Referral>/s, '');

/** Ten ClinicalInformation blocks (the schema's maximum), each signed on its own day. */
const longContent = (xml: string) => {
  const block = /<ClinicalInformation>.*?<\/ClinicalInformation>/s.exec(xml)?.[0] ?? '';
  const blocks = Array.from({ length: 10 }, (_, i) =>
    block.replace(
      '<ClinicalInformation>',
      `<ClinicalInformation><Signed><Date>1999-01-${String(i + 1).padStart(2, '0')}</Date><Time>08:00</Time></Signed>`,
    ),
  );
  return xml.replace(block, blocks.join(''));
};

interface Args {
  src: string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
  'print-mode': boolean;
}

const meta: Meta<Args> = {
  title: 'Viewers/Discharge summary',
  component: 'samspil-discharge-summary',
  args: { src: EXAMPLE, lang: '', theme: 'light', 'heading-level': 2, 'print-mode': false },
  render: (args, { loaded }) =>
    html`<samspil-discharge-summary
      src=${loaded['letter'] === undefined ? args.src : ''}
      .letter=${loaded['letter']}
      lang=${args.lang}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?print-mode=${args['print-mode']}
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
 * `print-mode` shows on screen what the browser prints: the header with the patient's name and CPR number (in
 * print it is fixed to the top of every page) and no interactive chrome. Use the browser's print preview for
 * the real pages.
 */
export const PrintPreview: Story = { args: { 'print-mode': true } };
