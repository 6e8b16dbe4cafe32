// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '@samspil/components/patient-banner.js';

interface Args {
  name: string;
  cpr: string;
  'birth-date': string;
  sex: string;
  'reference-date': string;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Components/Patient banner',
  component: 'samspil-patient-banner',
  args: { name: 'Bruno Test Elmer', cpr: '2509479989', 'birth-date': '', sex: '', 'reference-date': '', lang: '' },
  render: (args) =>
    html`<samspil-patient-banner
      name=${args.name}
      cpr=${args.cpr}
      birth-date=${args['birth-date']}
      sex=${args.sex}
      reference-date=${args['reference-date']}
      lang=${args.lang}
    ></samspil-patient-banner>`,
};
export default meta;

type Story = StoryObj<Args>;

/** MedCom's test person Bruno Test Elmer. His CPR number fails modulus 11 and is valid. */
export const Default: Story = {};

export const English: Story = { args: { lang: 'en' } };

/** From a FHIR Patient resource, as the viewers pass it. */
export const FromFhirPatient: Story = {
  render: () =>
    html`<samspil-patient-banner
      .patient=${{
        resourceType: 'Patient',
        identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '1509819996' }],
        name: [{ use: 'official', family: 'Test Berggren', given: ['Elly'] }],
      }}
    ></samspil-patient-banner>`,
};

/** A replacement CPR (eCPR) carries no century, so the birth date comes from the record. */
export const ReplacementCpr: Story = {
  args: { name: 'Ukendt person', cpr: '0703921VJ4', 'birth-date': '1992-03-07', sex: 'unknown' },
};

/** An impossible birth date (31 February): shown as written and marked invalid. */
export const InvalidCpr: Story = { args: { cpr: '3102471234' } };

export const Empty: Story = { args: { name: '', cpr: '' } };

export const LongName: Story = {
  args: { name: 'Anne-Mette Christiansen-Østergaard Lykke Vestergaard-Thorsen' },
  decorators: [(story) => html`<div style="max-width: 22rem">${story()}</div>`],
};

export const Themed: Story = {
  decorators: [
    (story) =>
      html`<div
        style="--samspil-banner-background: #1d3557; --samspil-banner-color: #fff; --samspil-banner-label-color: #dfe8f1; --samspil-banner-border-color: #1d3557; --samspil-font-family: Georgia, serif"
      >
        ${story()}
      </div>`,
  ],
};
