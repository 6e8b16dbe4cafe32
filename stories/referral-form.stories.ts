// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { LETTERS, STORYBOOK_SHARED_PREFIX } from '@samspil/fixtures/letters';
import {
  plainToFormattedText,
  readOioXmlDocument,
  readReferral,
  referralToInput,
  type ReferralInput,
} from '@samspil/sdk/oioxml';
import '@samspil/components/referral-form.js';

const EXAMPLE = STORYBOOK_SHARED_PREFIX + LETTERS.referral;

/** MedCom's official REF01_1 letter (windows-1252 bytes), read and turned into the form's input. */
async function official(): Promise<ReferralInput> {
  const read = readOioXmlDocument(new Uint8Array(await (await fetch(EXAMPLE)).arrayBuffer()));
  if (!read.ok) throw new Error(read.issues[0]?.message ?? 'The example could not be read');
  const referral = readReferral(read);
  if (!referral.ok) throw new Error(referral.issues[0]?.message ?? 'The example is not a referral');
  return referralToInput(referral.model);
}

/** The host's own clinic, as an EHR knows it from the logged-in user (the sender of REF01_1). */
const SENDER: ReferralInput['sender'] = {
  eanIdentifier: '5790000121526',
  identifier: '079741',
  identifierCode: 'ydernummer',
  organisationName: 'Lægehuset',
  streetName: 'Vandværksvej 99',
  districtName: 'Hillerød',
  postCodeIdentifier: '3400',
  telephone: '45121314',
  medicalSpecialityCode: 'almenlaege_laegevagt',
  referrer: { personName: 'Hans Jensen', personTitle: 'Uddannelsesamanuensis' },
};

/** `text` repeated and cut to exactly `length` characters: a field filled to its XSD limit. */
const fit = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** Every field the form shows at its XH0130R limit: lengths, 3 telephones, 5 additional diagnoses, 10 references. */
const AT_LIMITS: ReferralInput = {
  sender: { ...SENDER, organisationName: fit('Lægehuset Vestergade ', 35), departmentName: fit('Almen praksis ', 35) },
  receiver: {
    eanIdentifier: '5790000201389',
    identifier: fit('2001060', 17),
    identifierCode: 'sygehusafdelingsnummer',
    organisationName: fit('Nordsjællands Hospital Hillerød ', 35),
    departmentName: fit('Medicinsk afdeling B ', 35),
  },
  patient: {
    cpr: '2406444917',
    givenName: fit('Ole Christian Frederik ', 70),
    surname: fit('Berggren-Østergaard ', 70),
    streetName: fit('Park Alle 48, 3. sal tv. ', 35),
    postCodeIdentifier: fit('3400', 9),
    districtName: fit('Hillerød ', 35),
    telephones: [
      { number: fit('48 30 22 23 ', 25), code: 'fastnet' },
      { number: fit('20 22 23 24 ', 25), code: 'mobil' },
      { number: fit('45 12 13 14 ', 25), code: 'arbejde' },
    ],
    email: `${fit('ole.berggren.', 54)}@example.invalid`,
  },
  priority: 'saerlige_forhold',
  referralStatus: 'indlaeggelse',
  transport: 'liggende',
  clinicalReason: plainToFormattedText(fit('Hypertensionsudredning samt diætvejledning. ', 1500)),
  supplementary: plainToFormattedText('Indkaldes fra sommerhus, Sommervej 10, Gilleleje'),
  diagnosis: {
    code: fit('DI10', 17),
    typeCode: 'SKSdiagnosekode',
    text: fit('Blodtryksforhøjelse af ukendt årsag. ', 70),
  },
  additionalDiagnoses: Array.from({ length: 5 }, (_, i) => ({
    descriptionCode: 'tillaegsdiagnose' as const,
    code: fit(`DE65${i}`, 17),
    typeCode: 'SKSdiagnosekode' as const,
    text: fit(`Tillægsdiagnose nummer ${i + 1}. `, 70),
  })),
  cave: plainToFormattedText('Fenoxymetylpenicillin (1994 Ringsted Sgh. med larynxødem)'),
  anamnesis: plainToFormattedText(fit('Konsulterede med kraftig diffus dunkende hovedpine.\n', 3000)),
  examination: plainToFormattedText(fit('Hvile-EKG viser venstresidigt belastningsmønster. ', 2000)),
  actualMedicine: plainToFormattedText('Tabl. Triatec 5 mg 1×1\nTabl. Norvasc 5 mg 1×1'),
  references: Array.from({ length: 10 }, (_, i) => ({
    description: fit(`Røntgenbeskrivelse af thorax, billede ${i + 1}. `, 70),
    url: `https://example.invalid/${fit(`billeder/${i + 1}/`, 326)}`,
  })),
};

interface Args {
  name: string;
  lang: string;
  theme: 'light' | 'dark';
  disabled: boolean;
  'heading-level': number;
}

const meta: Meta<Args> = {
  title: 'Forms/Referral form',
  component: 'samspil-referral-form',
  args: { name: 'referral', lang: '', theme: 'light', disabled: false, 'heading-level': 2 },
  loaders: [async () => ({ value: await official() })],
  render: (args, { loaded }) =>
    html`<samspil-referral-form
      name=${args.name}
      lang=${args.lang}
      theme=${args.theme}
      heading-level=${args['heading-level']}
      ?disabled=${args.disabled}
      .value=${loaded['value']}
      .sender=${loaded['sender']}
    ></samspil-referral-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Prefilled from MedCom's official REF01_1 example, read with the SDK and turned into input by `referralToInput`. */
export const Default: Story = {};

/** A new referral: nothing filled in. */
export const Empty: Story = { loaders: [async () => ({ value: undefined })] };

/** A new referral from an EHR that knows its own clinic: the host fills the sender through `sender`. */
export const WithHostSender: Story = { loaders: [async () => ({ value: undefined, sender: SENDER })] };

/** Submitted empty: every field error, `aria-invalid`, and the error summary with links to the fields. */
export const WithErrors: Story = {
  loaders: [async () => ({ value: undefined })],
  play: async ({ canvasElement }) => {
    canvasElement.querySelector('samspil-referral-form')?.submit();
  },
};

/** MedCom's test person Bruno Test Elmer: his CPR number fails modulus 11 and is valid, so it only warns. */
export const CprModulus11Warning: Story = {
  loaders: [
    async () => {
      const value = await official();
      return {
        value: {
          ...value,
          patient: { ...value.patient, cpr: '2509479989', givenName: 'Bruno Test', surname: 'Elmer' },
        },
      };
    },
  ],
};

/** Every field at its XSD limit; the add buttons are disabled at 5 diagnoses and 10 references. */
export const AtXsdLimits: Story = { loaders: [async () => ({ value: AT_LIMITS })] };

/**
 * In a plain host `<form>`: its data holds the XREF01 XML under `name="referral"`, its submit is blocked while the
 * referral has errors, and Reset restores the prefill. (`method="dialog"` keeps the story page from navigating.)
 */
export const InHostForm: Story = {
  render: (args, { loaded }) =>
    html`<form method="dialog" style="display: grid; gap: 1rem">
      <samspil-referral-form name=${args.name} lang=${args.lang} .value=${loaded['value']}></samspil-referral-form>
      <div>
        <button>Host submit</button>
        <button type="reset">Host reset</button>
      </div>
    </form>`,
};

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background: #0f1720; padding: 1rem">${story()}</div>`],
};

export const Narrow: Story = {
  decorators: [(story) => html`<div style="width: 320px; border: 1px dashed #8a9bb0">${story()}</div>`],
};

/** Disabled (as inside `<fieldset disabled>`): every field and button is disabled and nothing is submitted. */
export const Disabled: Story = { args: { disabled: true } };
