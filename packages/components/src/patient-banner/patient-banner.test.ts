// SPDX-License-Identifier: MIT
import { expect, fixture, html } from '@open-wc/testing';
import { resetStrings, setStrings } from '../i18n/localize.js';
import { expectNoGlobalStyles } from '../internal/browser.test-support.js';
import type { SamspilPatientBanner } from './patient-banner.js';
import './define.js';

const part = (el: SamspilPatientBanner, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: SamspilPatientBanner, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

const bruno = {
  resourceType: 'Patient',
  identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '2509479989' }],
  name: [{ use: 'official', family: 'Elmer', given: ['Bruno', 'Test'] }],
};

describe('<samspil-patient-banner>', () => {
  afterEach(() => resetStrings());

  it('is accessible', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner name="Bruno Test Elmer" cpr="2509479989"></samspil-patient-banner>`,
    );
    await expect(el).to.be.accessible();
  });

  it('is accessible with an invalid CPR number, in English and as a heading', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner lang="en" heading-level="2" cpr="3102471234"></samspil-patient-banner>`,
    );
    await expect(el).to.be.accessible();
  });

  it('shows name, hyphenated CPR, age and sex in Danish by default', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner
        name="Bruno Test Elmer"
        cpr="2509479989"
        reference-date="2026-11-25"
      ></samspil-patient-banner>`,
    );
    expect(text(el, 'name')).to.equal('Bruno Test Elmer');
    expect(text(el, 'cpr')).to.equal('CPR-nr. 250947-9989');
    expect(text(el, 'age')).to.equal('Alder 79 år');
    expect(text(el, 'sex')).to.equal('Køn Mand');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Patient');
  });

  it('counts age to the day before and on the birthday', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner cpr="250947-9989" reference-date="2026-09-24"></samspil-patient-banner>`,
    );
    expect(text(el, 'age')).to.equal('Alder 78 år');
    el.referenceDate = '2026-09-25';
    await el.updateComplete;
    expect(text(el, 'age')).to.equal('Alder 79 år');
  });

  it('renders English when lang="en", and follows a later change of lang', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner lang="en" cpr="1509819996" reference-date="2026-11-25"></samspil-patient-banner>`,
    );
    expect(text(el, 'cpr')).to.equal('CPR no. 150981-9996');
    expect(text(el, 'age')).to.equal('Age 45 years');
    expect(text(el, 'sex')).to.equal('Sex Female');
    expect(text(el, 'name')).to.equal('Name unknown');
    el.lang = 'da-DK';
    await el.updateComplete;
    expect(text(el, 'sex')).to.equal('Køn Kvinde');
  });

  it('inherits the language of an ancestor', async () => {
    const wrapper = await fixture(
      html`<div lang="en-GB"><samspil-patient-banner cpr="2509479989"></samspil-patient-banner></div>`,
    );
    const el = wrapper.querySelector('samspil-patient-banner')!;
    expect(text(el, 'sex')).to.equal('Sex Male');
  });

  it('reads a FHIR Patient, and loose attributes override it', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner .patient=${bruno} reference-date="2026-11-25"></samspil-patient-banner>`,
    );
    expect(text(el, 'name')).to.equal('Bruno Test Elmer');
    expect(text(el, 'cpr')).to.equal('CPR-nr. 250947-9989');
    el.name = 'B. T. Elmer';
    el.sex = 'other';
    await el.updateComplete;
    expect(text(el, 'name')).to.equal('B. T. Elmer');
    expect(text(el, 'sex')).to.equal('Køn Andet');
  });

  it('marks an invalid CPR number and shows no derived age or sex', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner cpr="3102471234"></samspil-patient-banner>`,
    );
    expect(text(el, 'cpr')).to.equal('CPR-nr. 3102471234 (ugyldigt CPR-nummer)');
    expect(part(el, 'age')).to.equal(null);
    expect(part(el, 'sex')).to.equal(null);
  });

  it('labels an eCPR and takes the age from birth-date', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner
        cpr="0703921VJ4"
        birth-date="1992-03-07"
        reference-date="2026-11-25"
      ></samspil-patient-banner>`,
    );
    expect(text(el, 'cpr')).to.equal('Erstatnings-CPR 0703921VJ4');
    expect(text(el, 'age')).to.equal('Alder 34 år');
  });

  it('uses strings the host overrides at runtime', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner cpr="2509479989"></samspil-patient-banner>`,
    );
    setStrings('da', { cprLabel: 'Personnummer' });
    await el.updateComplete;
    expect(text(el, 'cpr')).to.equal('Personnummer 250947-9989');
  });

  it('renders the name as a heading at the level asked for', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner name="Bruno" heading-level="2"></samspil-patient-banner>`,
    );
    const name = part(el, 'name')!;
    expect(name.getAttribute('role')).to.equal('heading');
    expect(name.getAttribute('aria-level')).to.equal('2');
  });

  it('is themed through custom properties', async () => {
    const el = await fixture<SamspilPatientBanner>(
      html`<samspil-patient-banner
        style="--samspil-banner-background: rgb(1, 2, 3)"
        cpr="2509479989"
      ></samspil-patient-banner>`,
    );
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('adds no styles to the page', async () => {
    const before = document.styleSheets.length;
    await fixture(html`<samspil-patient-banner cpr="2509479989"></samspil-patient-banner>`);
    expectNoGlobalStyles(before);
  });
});
