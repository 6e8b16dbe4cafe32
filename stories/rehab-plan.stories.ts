// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LETTERS, STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import { abilitySections, plainToFormattedText, type FormattedText, type RehabPlan } from '@samspil/sdk/oioxml';
import '@samspil/components/rehab-plan.js';

interface Args {
  src: string;
  model: RehabPlan | undefined;
  'reference-date': string;
  lang: string;
  theme: 'light' | 'dark';
  'heading-level': number;
  'print-preview': boolean;
}

const EXAMPLE = STORYBOOK_SHARED_PREFIX + LETTERS.rehabPlan;
const ft = plainToFormattedText;

/** MedCom's ICF template for the extended functional ability, with the sub-headings filled in where `filled` says. */
function icfTemplate(filled: Readonly<Record<string, string>>): FormattedText {
  const sections: [string, string[]][] = [
    ['8a. Kroppens funktioner og anatomi', ['Mentale funktioner', 'Sanser og smerter', 'Bevægeapparatet']],
    ['8b. Aktiviteter og Deltagelse', ['Bevægelse og færden', 'Omsorg for sig selv', 'Husførelse']],
    ['8c. Omgivelsesfaktorer', ['Produkter og teknologi', 'Støtte og kontakt']],
  ];
  return sections.flatMap(([heading, items]): FormattedText => [
    { kind: 'bold', children: [{ kind: 'text', text: heading }] },
    { kind: 'break' },
    ...items.flatMap((item): FormattedText => [
      { kind: 'italic', children: [{ kind: 'text', text: `- ${item}` }] },
      { kind: 'break' },
      ...ft(filled[item] ?? ''),
      { kind: 'break' },
    ]),
  ]);
}

const ABILITY = icfTemplate({
  'Sanser og smerter': 'Smerter i venstre hofte ved belastning, VAS 4.',
  Bevægeapparatet: 'Nedsat styrke i hofteabduktorer. Må fuldt belaste.',
  'Bevægelse og færden': 'Går 50 m med rollator. Trapper med gelænder og støtte.',
  'Omsorg for sig selv': 'Har brug for hjælp til strømper og fodpleje.',
  'Støtte og kontakt': 'Bor med ægtefælle, som kan hjælpe.',
});

/**
 * A synthetic plan after a hip fracture (MedCom's test person Nancy Ann Berggren). Expected discharge
 * 10 March 2025, so training must be able to start by 17 March 2025.
 */
const PLAN: RehabPlan = {
  kind: 'rehab-plan',
  header: {
    envelopeIdentifier: '54382645943294',
    sent: { date: '2025-03-07', time: '14:05' },
    identifier: '45249877239313',
    versionCode: 'GGOP100',
    statisticalCode: 'GGOP2',
    authorisation: { date: '2025-03-07', time: '13:58' },
    typeCode: 'GGOP',
  },
  sender: {
    eanIdentifier: '5790001354145',
    identifier: '4202360',
    identifierCode: 'sygehusafdelingsnummer',
    organisationName: 'Odense Universitetshospital',
    departmentName: 'Ortopædkirurgisk Afdeling',
    unitName: 'O3',
    streetName: 'J.B. Winsløws Vej 4',
    postCodeIdentifier: '5000',
    districtName: 'Odense C',
    telephone: '+45 66 11 33 33',
    signedBy: [
      { givenName: 'Ellinor', surname: 'Strøm', title: 'Fysioterapeut', telephones: [{ number: '66136421' }] },
    ],
    coWriters: [],
  },
  receiver: {
    eanIdentifier: '5790000121441',
    identifier: '461',
    identifierCode: 'kommunenummer',
    organisationName: 'Odense Kommune',
    departmentName: 'Genoptræning',
  },
  gpCopy: { kind: 'deselected' },
  ccReceivers: [],
  patient: {
    cpr: '2512484916',
    givenName: 'Nancy',
    surname: 'Ann Berggren',
    streetName: 'Hindbærvej 23',
    postCodeIdentifier: '5260',
    districtName: 'Odense S',
    telephones: [{ number: '23 32 12 34', code: 'mobil' }],
    email: 'nancy@berggren.dk',
  },
  relatives: [
    {
      relationCode: 'aegtefaelle',
      givenName: 'Irene',
      surname: 'Petersen',
      telephones: [{ number: '65 33 53 74', code: 'mobil' }],
    },
  ],
  rehabilitationType: { code: 'specialiseret', level: 'specialised' },
  informationForPatientAndRelatives: ft('Patienten er informeret om planen og ved, at kommunen kontakter hende.'),
  consent: { code: 'ja', informed: true },
  practicalInformation: ft('Har rollator med hjem. Behøver kørsel til genoptræning.'),
  patientSafetyAspects: ft('Faldrisiko. Må ikke bøje hoften mere end 90 grader de første 6 uger.'),
  rehabilitationDeadline: ft('Genoptræningen bør starte senest 7 dage efter udskrivning.'),
  currentHospitalContact: { start: { date: '2025-03-02', time: '21:40' }, expectedEnd: { date: '2025-03-10' } },
  ambulatoryControl: {
    expectedStart: { date: '2025-04-14', time: '10:30' },
    location: { organisationName: 'Odense Universitetshospital', departmentName: 'Ortopædkirurgisk Ambulatorium' },
  },
  freeChoice: { dischargeDate: '2025-03-10', startBy: '2025-03-17' },
  healthSummary: ft(
    'Faldt i hjemmet 2. marts. Collum femoris-fraktur venstre side, opereret med hemialloplastik 3. marts.',
  ),
  abilityAtDischarge: {
    summary: ft('Går kortere strækninger med rollator. Selvhjulpen i forflytninger.'),
    extended: ABILITY,
    sections: abilitySections(ABILITY),
  },
  needAndPotential: ft('God motivation. Forventes at kunne gå uden hjælpemidler efter 8-12 ugers træning.'),
  diagnoses: [
    {
      primary: { code: 'DS720', typeCode: 'ICD10kode', text: 'Fraktur af lårbenshals' },
      secondary: [{ code: 'DM819', typeCode: 'ICD10kode', text: 'Osteoporose UNS' }],
    },
  ],
  icfClassifications: [
    {
      code: { code: 'd450', typeCode: 'ICFKode', text: 'Gang' },
      gradient: { code: '2', typeCode: 'ICFKvalifikator', text: 'Moderat problem' },
    },
  ],
  journalExcerpts: [
    {
      type: 'Uddrag af operationsbeskrivelse',
      signedBy: [{ givenName: 'Preben', surname: 'Elkjær', title: 'Overlæge', telephones: [] }],
      signedAt: { date: '2025-03-03' },
      comment: ft('Hemialloplastik venstre hofte, bagre adgang. Ukompliceret forløb.'),
    },
  ],
  contacts: {
    region: { departmentName: 'Ortopædkirurgisk Afdeling', telephones: [{ number: '66 11 33 33' }] },
    municipality: {
      departmentName: 'Odense Kommune, Genoptræning',
      telephones: [{ number: '65 51 10 00' }],
      email: 'genoptraening@odense.dk',
    },
  },
  team: [
    { givenName: 'Ellinor', surname: 'Strøm', title: 'Fysioterapeut', telephones: [{ number: '66136421' }] },
    { givenName: 'Arne', surname: 'Bævermose', title: 'Ergoterapeut', telephones: [{ number: '66136422' }] },
  ],
  finalResultReceivers: [],
  references: [{ description: 'Sundhedsstyrelsens anbefalinger', url: 'https://www.sst.dk' }],
  unknown: [],
};

const LONG_TEXT = ft(
  Array.from(
    { length: 14 },
    (_, i) =>
      `${i + 1}. Praktisk oplysning om hjemmet, hjælpemidler, transport og aftaler med pårørende, skrevet ud i fuld længde.`,
  ).join('\n'),
);

const meta: Meta<Args> = {
  title: 'Viewers/Rehabilitation plan',
  component: 'samspil-rehab-plan',
  args: {
    src: '',
    model: PLAN,
    'reference-date': '2025-03-12',
    lang: '',
    theme: 'light',
    'heading-level': 2,
    'print-preview': false,
  },
  render: (args) =>
    html`<samspil-rehab-plan
      src=${ifDefined(args.src || undefined)}
      .model=${args.model}
      reference-date=${args['reference-date']}
      lang=${ifDefined(args.lang || undefined)}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?print-preview=${args['print-preview']}
    ></samspil-rehab-plan>`,
};
export default meta;

type Story = StoryObj<Args>;

/** MedCom's official example `ggop.xml` (expected discharge 20 December 2014), on the discharge day. */
export const Default: Story = { args: { src: EXAMPLE, model: undefined, 'reference-date': '2014-12-20' } };

/** Almen genoptræning; the municipality decides the level. */
export const General: Story = { args: { model: { ...PLAN, rehabilitationType: { code: 'almen', level: 'general' } } } };

export const GeneralBasic: Story = {
  args: { model: { ...PLAN, rehabilitationType: { code: 'basal', level: 'general-basic' } } },
};

export const GeneralAdvanced: Story = {
  args: { model: { ...PLAN, rehabilitationType: { code: 'avanceret', level: 'general-advanced' } } },
};

export const Specialised: Story = {
  args: { model: { ...PLAN, rehabilitationType: { code: 'specialiseret', level: 'specialised' } } },
};

export const SpecialisedRehabilitation: Story = {
  args: {
    model: {
      ...PLAN,
      rehabilitationType: { code: 'Rehabilitering på specialiseret niveau', level: 'specialised-rehabilitation' },
    },
  },
};

/** A value the reader does not recognise: shown as written, with a warning. */
export const UnknownType: Story = {
  args: { model: { ...PLAN, rehabilitationType: { code: 'hjemmetræning', level: 'unknown' } } },
};

/** Five days before the free-choice deadline. */
export const DeadlineInFuture: Story = { args: { 'reference-date': '2025-03-12' } };

/** Day 7 after discharge: the last day training can start. */
export const DeadlineToday: Story = { args: { 'reference-date': '2025-03-17' } };

/** Three days past the deadline: the patient may choose another provider. */
export const DeadlineOverdue: Story = { args: { 'reference-date': '2025-03-20' } };

/** Long free text collapses (open); elements the reader does not know are listed, collapsed, at the end. */
export const LongContent: Story = {
  args: {
    model: {
      ...PLAN,
      practicalInformation: LONG_TEXT,
      team: Array.from({ length: 8 }, (_, i) => ({
        givenName: `Terapeut ${i + 1}`,
        surname: 'Andersen',
        title: 'Fysioterapeut',
        departmentName: 'Neurologisk Afdeling N2',
        telephones: [{ number: `6613642${i}` }],
      })),
      unknown: [
        { path: '/Emessage/RehabilitationPlan/Tolkebehov', text: 'Tolk: ukrainsk' },
        { path: '/Emessage/RehabilitationPlan/Patient/Hjælpemidler', text: 'Rollator, badebænk' },
      ],
    },
  },
};

/** Only what a plan needs: no expected discharge date, so the days left cannot be computed. */
export const MissingOptionalParts: Story = {
  args: {
    model: {
      kind: 'rehab-plan',
      header: { typeCode: 'GGOP', versionCode: 'GGOP100' },
      sender: { organisationName: 'Odense Universitetshospital', signedBy: [], coWriters: [] },
      receiver: { organisationName: 'Odense Kommune' },
      ccReceivers: [],
      patient: { cpr: '2512484916', givenName: 'Nancy', surname: 'Ann Berggren', telephones: [] },
      relatives: [],
      rehabilitationType: { code: 'almen', level: 'general' },
      diagnoses: [],
      icfClassifications: [],
      journalExcerpts: [],
      contacts: {},
      team: [],
      finalResultReceivers: [],
      references: [],
      unknown: [],
    },
  },
};

/**
 * The loading state: the letter is requested from a closed port on this machine (loopback only), so the state
 * shows until the browser refuses the connection and the error state follows. The tests hold the state with a
 * stubbed fetch.
 */
export const Loading: Story = { args: { src: 'http://127.0.0.1:9/ggop.xml', model: undefined } };

/** The file does not exist. */
export const Error: Story = {
  args: { src: `${STORYBOOK_SHARED_PREFIX}medcom/oioxml/examples/ggop/missing.xml`, model: undefined },
};

export const Empty: Story = { args: { model: undefined } };

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = {
  args: { theme: 'dark', 'reference-date': '2025-03-20' },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

/** A 320 px side panel: labels go above their values. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/**
 * As printed: the patient header on top and every section expanded. In real print (Ctrl+P) the header is fixed at
 * the top of every page, and collapsed sections open for the print.
 */
export const PrintPreview: Story = { args: { 'print-preview': true } };
