// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import {
  DIAGNOSE_DESCRIPTION_LABELS,
  DISCHARGE_SUMMARY_VARIANT_LABELS,
  EPISODE_OF_CARE_STATUS_LABELS,
  RELATION_CODE_LABELS,
  STAY_START_LABELS,
  labelOf,
  readDischargeSummary,
  readOioXmlDocument,
  type ReadLetter,
  type DischargeSummary,
} from '@samspil/sdk/oioxml';
import {
  NS_2018,
  casualtyWard,
  extras,
  longContent,
  newLetter,
  outpatient,
  withoutOptional,
  xd0134l,
} from '@samspil/fixtures/discharge-variants';
import { LETTERS, TEST_SHARED_PREFIX, poisonLetter, fetchLetterBytes } from '@samspil/fixtures/letters';
import type { SamspilErrorDetail } from '../events/samspil-error.js';
import { resetStrings, setStrings } from '../i18n/localize.js';
import {
  ACTIVE_CONTENT,
  expectFixedPrintHeader,
  expectInert,
  expectLaidOut,
  expectNotRecoloured,
  expectShownAsText,
  tabThrough,
  underHostilePageCss,
} from '../internal/browser.test-support.js';
import type { SamspilDischargeSummary } from './discharge-summary.js';
import './define.js';

const EXAMPLE = TEST_SHARED_PREFIX + LETTERS.dischargeSummary;
const REFERRAL = TEST_SHARED_PREFIX + LETTERS.referral;

// ---------------------------------------------------------------------------------------------------------------

let official = '';
let officialBytes: Uint8Array = new Uint8Array();

const officialLetterBytes = () => fetchLetterBytes(EXAMPLE);

const root = (el: SamspilDischargeSummary) => el.shadowRoot!;
const part = (el: SamspilDischargeSummary, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const loaded = (el: SamspilDischargeSummary) => waitUntil(() => part(el, 'base'), 'the letter did not render');
const failed = (el: SamspilDischargeSummary) =>
  waitUntil(() => root(el).querySelector('.state--error'), 'no error state');

async function show(letter: string, attributes: { lang?: string; theme?: 'light' | 'dark' } = {}) {
  const el = await fixture<SamspilDischargeSummary>(
    html`<samspil-discharge-summary
      .letter=${letter}
      lang=${attributes.lang ?? ''}
      theme=${attributes.theme ?? 'light'}
    ></samspil-discharge-summary>`,
  );
  await loaded(el);
  return el;
}

describe('<samspil-discharge-summary>', () => {
  before(async () => {
    officialBytes = await officialLetterBytes();
    official = new TextDecoder('windows-1252').decode(officialBytes);
  });

  afterEach(() => {
    resetStrings();
    sinon.restore();
  });

  it('is accessible: the official example', async () => {
    const el = await fixture<SamspilDischargeSummary>(
      html`<samspil-discharge-summary src=${EXAMPLE}></samspil-discharge-summary>`,
    );
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible: outpatient, casualty-ward, XD0134L with every optional part, new letter, missing parts', async () => {
    for (const letter of [
      outpatient(official),
      casualtyWard(official),
      xd0134l(extras(official)),
      newLetter(official),
      withoutOptional(official),
      longContent(official),
    ]) {
      const el = await show(letter);
      await expect(el).to.be.accessible();
    }
  });

  it('is accessible: English, dark, print mode, narrow', async () => {
    await expect(await show(extras(official), { lang: 'en' })).to.be.accessible();
    await expect(await show(xd0134l(extras(official)), { theme: 'dark' })).to.be.accessible();
    const print = await show(official);
    print.printPreview = true;
    await print.updateComplete;
    await expect(print).to.be.accessible();
    const wrapper = await fixture(
      html`<div style="width: 320px"><samspil-discharge-summary src=${EXAMPLE}></samspil-discharge-summary></div>`,
    );
    const narrow = wrapper.querySelector('samspil-discharge-summary')!;
    await loaded(narrow);
    await expect(narrow).to.be.accessible();
  });

  it('is accessible: empty, loading and error states', async () => {
    const empty = await fixture<SamspilDischargeSummary>(html`<samspil-discharge-summary></samspil-discharge-summary>`);
    await expect(empty).to.be.accessible();
    const error = await fixture<SamspilDischargeSummary>(
      html`<samspil-discharge-summary src="/__shared/missing.xml" theme="dark"></samspil-discharge-summary>`,
    );
    await failed(error);
    await expect(error).to.be.accessible();
    sinon.stub(window, 'fetch').returns(new Promise<Response>(() => {}));
    const loading = await fixture<SamspilDischargeSummary>(
      html`<samspil-discharge-summary src=${EXAMPLE}></samspil-discharge-summary>`,
    );
    await expect(loading).to.be.accessible();
  });

  it('loads the official example from src and announces the typed model', async () => {
    const el = document.createElement('samspil-discharge-summary');
    const load = oneEvent(el, 'samspil-load');
    el.src = EXAMPLE;
    await fixture(el);
    const model = (await load).detail.model as DischargeSummary;
    expect(model.kind).to.equal('discharge-summary');
    expect(model.variant).to.equal('inpatient');
    expect(model.header.statusCode).to.equal('rettetbrev');
    expect(model.diagnoses?.main?.code).to.equal('DC249');
    expect(model.clinicalInformation).to.have.length(1);
    await loaded(el);
    expect(text(part(el, 'title'))).to.equal('Udskrivningsepikrise');
    expect(text(part(el, 'header'))).to.contain('Sendt: 15.01.1999 kl. 12:02');
    expect(text(part(el, 'stay'))).to.equal('Indlæggelse 13.11.1998 kl. 10:00 Udskrivning 11.01.1999 kl. 13:00');
    expect(text(part(el, 'diagnoses')))
      .to.contain('DC249')
      .and.contain('KJJB40 Hepatectomia sinistra');
    expect(root(el).querySelector('samspil-patient-banner')!.cpr).to.equal('0108584947');
  });

  it("shows the official example's title, stay, correction, diagnoses, text, referral, people and parties", async () => {
    const el = await show(official);
    const title = part(el, 'title')!;
    expect(title.tagName).to.equal('H2');
    expect(text(title)).to.equal('Udskrivningsepikrise');
    expect(text(part(el, 'header'))).to.contain('Sendt: 15.01.1999 kl. 12:02');
    expect(root(el).querySelector('time[datetime="1999-01-15T12:02"]')).to.exist;
    expect(text(part(el, 'stay'))).to.equal('Indlæggelse 13.11.1998 kl. 10:00 Udskrivning 11.01.1999 kl. 13:00');

    const correction = part(el, 'correction')!;
    expect(correction.getAttribute('role')).to.equal('status');
    expect(text(correction)).to.contain('Rettet brev');

    const diagnoses = [...part(el, 'diagnoses')!.querySelectorAll('li')].map(text);
    expect(diagnoses).to.deep.equal([
      'Hoveddiagnose: DC249 Neopl mal viarum billiarum uden specifikation',
      'Tillægsdiagnose: DE232 Diabetes insipidus SKS-kode',
      'Tillægsdiagnose: DZ862 Anamnese m sygdomme i blod og bloddann organer m.m. SKS-kode · 12.12.1998 kl. 09:00',
      'Operation: KJJB40 Hepatectomia sinistra SKS-kode',
    ]);

    const note = part(el, 'note')! as HTMLDetailsElement;
    expect(note.open).to.equal(true);
    const lines = note.querySelector<HTMLElement>('.note__text')!.innerText.split('\n');
    expect(lines[1]).to.equal('Indlagt af vagtlæge. Egen læge har foretaget ambulant udredning.');
    expect(lines.slice(-4, -1)).to.deep.equal(['Mads Madsen/ep', 'Reservelage', '14.01.1999']);
    expect(note.querySelectorAll('.note__text br').length).to.equal(12);

    const referral = text(part(el, 'referral'));
    expect(referral).to.contain('BrevNr00101').and.contain('13.11.1998 kl. 00:00');
    expect(referral).to.contain('Henvisningsdiagnose: DZ859 Anamnese med ondartet svulst u spec');

    const banner = root(el).querySelector('samspil-patient-banner')!;
    expect(banner.name).to.equal('Schwenlund Mosebryggersen');
    expect(banner.cpr).to.equal('0108584947');
    const patient = text(part(el, 'patient'));
    expect(patient).to.contain('CPR-nr. 010858-4947').and.contain('Adresse Grusgraven 3, 3 tv, 3400 Hillerød');
    expect(patient).to.contain('Status Indlagt').and.contain('Relation Far').and.contain('Navn Jacob Mosebryggersen');

    const parties = text(part(el, 'parties'));
    expect(parties).to.contain('Afsender Organisation HILLERØD SYGEHUS Afdeling KIRURGISK AFD. A');
    expect(parties).to.contain('Sygehusafdelingsnummer 2001060').and.contain('Speciale kirurgi_sygehus');
    expect(parties).to.contain('Modtager Organisation Lægehuset').and.contain('Vandværksvej 99, 3400 Hillerød');
    expect(parties).to.contain('Kopimodtager').and.contain('Enhed Hans Andersen');
    const details = text(part(el, 'letter-details'));
    expect(details).to.contain('Brevstatus Rettet brev (rettetbrev)').and.contain('Brev-id BrevNr00129');
    expect(details).to.contain('Versionskode XD0133L').and.contain('Kuvert-id KuvertNr012234');
    expect(part(el, 'unknown')).to.equal(null);
    expect(part(el, 'references')).to.equal(null);
  });

  it('renders the same from a model, and from the letter as text, Document and bytes', async () => {
    const expected = text(part(await show(official), 'base'));
    expect(expected).to.contain('HILLERØD SYGEHUS');
    const read = readDischargeSummary(readOioXmlDocument(officialBytes) as ReadLetter);
    if (!read.ok) throw new Error('the official example did not read');
    const document = new DOMParser().parseFromString(official.replace(/^<\?xml[^>]*\?>/, ''), 'application/xml');
    for (const input of [{ model: read.model }, { letter: document }, { letter: officialBytes }]) {
      const el = await fixture<SamspilDischargeSummary>(
        html`<samspil-discharge-summary .model=${input.model} .letter=${input.letter}></samspil-discharge-summary>`,
      );
      await loaded(el);
      expect(text(part(el, 'base'))).to.equal(expected);
    }
  });

  it('titles and dates the outpatient and casualty-ward variants', async () => {
    const out = await show(outpatient(official));
    expect(text(part(out, 'title'))).to.equal('Ambulantepikrise');
    expect(text(part(out, 'stay'))).to.equal('Første besøg 13.11.1998 kl. 10:00 Sidste besøg 11.01.1999 kl. 13:00');
    expect(text(part(out, 'patient'))).to.contain('Status Ambulant');
    const casualty = await show(casualtyWard(official), { lang: 'en' });
    expect(text(part(casualty, 'title'))).to.equal('Emergency department summary');
    expect(text(part(casualty, 'stay'))).to.equal('First visit 13/11/1998 10:00 Last visit 11/01/1999 13:00');
  });

  it('shows the XD0134L priority and recommended follow-up with line breaks', async () => {
    const el = await show(xd0134l(official));
    expect(text(part(el, 'priority'))).to.equal('Prioritet akut');
    const recommendations = part(el, 'recommendations')!;
    expect(recommendations.querySelector('li')!.innerText).to.equal(
      'Kontrol af leverprøver hos egen læge om 4 uger.\nHenvis til onkologisk afd. ved stigende bilirubin.',
    );
    expect(recommendations.querySelectorAll('br').length).to.equal(1);
    expect(text(part(el, 'letter-details')))
      .to.contain(NS_2018)
      .and.contain('XD0134L');
    // Diagnoses, priority, recommendations, then the epikrise: MedCom's display order.
    const order = ['diagnoses', 'priority', 'recommendations', 'clinical', 'referral'].map((name) => part(el, name)!);
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    }
  });

  it('flags a corrected or cancelled letter, not a new one', async () => {
    const corrected = await show(official);
    expect(part(corrected, 'correction')).to.exist;
    const fresh = await show(newLetter(official));
    expect(part(fresh, 'correction')).to.equal(null);
    expect(text(part(fresh, 'letter-details'))).to.contain('Brevstatus Nyt brev (nytbrev)');
    const cancelled = await show(official.replace('>rettetbrev<', '>annulleretbrev<'));
    expect(text(part(cancelled, 'correction'))).to.contain('Annulleret brev');
  });

  it('shows references safely: http(s) links in a new tab, other URLs as text, SUP and BIN described', async () => {
    const el = await show(extras(official));
    const items = [...part(el, 'references')!.querySelectorAll('li')];
    expect(items).to.have.length(4);
    const link = items[0]!.querySelector('a')!;
    expect(link.href).to.equal('https://www.sundhed.dk/borger/');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(text(link)).to.equal('Patientvejledning (åbner i et nyt faneblad)');
    expect(items[1]!.querySelector('a')).to.equal(null);
    expect(text(items[1])).to.contain('javascript:alert(1)').and.contain('vises kun som tekst');
    expect(text(items[2])).to.equal('Operationsbeskrivelse Sendt separat (SUP)');
    expect(text(items[3])).to.equal(
      'UL-scanning Binært bilag (XBIN01): Billede, jpeg, størrelse 48213, Objekt-id BIN0042',
    );
    expect(text(part(el, 'header'))).to.contain('Forløbsnr. FORLOEB-0042');
    expect(text(part(el, 'note')!.querySelector('summary'))).to.equal(
      'Epikrisetekst, underskrevet 14.01.1999 kl. 15:30',
    );
    const phone = part(el, 'parties')!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(phone.getAttribute('href')).to.equal('tel:48294829');
    expect(text(part(el, 'parties')))
      .to.contain('Kontakt')
      .and.contain('Mads Madsen, reservelæge');
  });

  it('lists unknown elements in a collapsed "Øvrigt indhold" section', async () => {
    const el = await show(extras(official));
    const unknown = part(el, 'unknown')! as HTMLDetailsElement;
    expect(unknown.tagName).to.equal('DETAILS');
    expect(unknown.open).to.equal(false);
    expect(text(unknown.querySelector('summary'))).to.equal('Øvrigt indhold (1)');
    expect(text(unknown.querySelector('li'))).to.equal('/Emessage/Local_Elements Sengeafsnit A2');
  });

  it('leaves out missing optional parts', async () => {
    const el = await show(withoutOptional(official));
    expect(part(el, 'referral')).to.equal(null);
    expect(part(el, 'references')).to.equal(null);
    expect(text(part(el, 'parties'))).to.not.contain('Kopimodtager');
    expect(root(el).querySelector('#relatives')).to.equal(null);
    expect(text(part(el, 'patient'))).to.contain('Grusgraven 3');
  });

  it('shows every block of a long epikrise, each collapsible and open', async () => {
    const el = await show(longContent(official));
    const notes = [...root(el).querySelectorAll<HTMLDetailsElement>('[part~="note"]')];
    expect(notes).to.have.length(10);
    expect(notes.every((note) => note.open)).to.equal(true);
    expect(text(notes[0]!.querySelector('summary'))).to.equal('Notat 1 af 10, underskrevet 01.01.1999 kl. 08:00');
    expect(text(notes[9]!.querySelector('summary'))).to.equal('Notat 10 af 10, underskrevet 10.01.1999 kl. 08:00');
  });

  it('shows the empty and loading states', async () => {
    const el = await fixture<SamspilDischargeSummary>(html`<samspil-discharge-summary></samspil-discharge-summary>`);
    expect(text(part(el, 'state'))).to.equal('Der er ingen epikrise at vise.');
    sinon.stub(window, 'fetch').returns(new Promise<Response>(() => {}));
    el.src = EXAMPLE;
    await el.updateComplete;
    const loading = part(el, 'state')!;
    expect(text(loading)).to.equal('Henter epikrisen …');
    expect(loading.getAttribute('role')).to.equal('status');
  });

  it('shows an error and emits samspil-error for a missing file', async () => {
    const el = document.createElement('samspil-discharge-summary');
    const error = oneEvent(el, 'samspil-error');
    el.src = '/__shared/medcom/oioxml/examples/xdis01/missing.xml';
    await fixture(el);
    expect((await error).detail.message).to.contain('HTTP 404');
    await failed(el);
    const state = part(el, 'state')!;
    expect(state.getAttribute('role')).to.equal('alert');
    expect(text(state)).to.contain('Epikrisen kunne ikke vises.').and.contain('HTTP 404');
  });

  it('shows an error for letters that are not an epikrise, without a CPR number in the message', async () => {
    const cases = [
      { src: REFERRAL, letter: undefined, says: 'HospitalReferral' },
      { src: '', letter: '<html><body>Ikke et brev</body></html>', says: '' },
      { src: '', letter: '<Emessage><Patient><CivilRegistrationNumber>0108584947</Civil></Emessage>', says: '' },
    ];
    for (const input of cases) {
      const el = document.createElement('samspil-discharge-summary');
      const error = oneEvent(el, 'samspil-error');
      el.src = input.src;
      el.letter = input.letter;
      await fixture(el);
      const { detail } = (await error) as CustomEvent<SamspilErrorDetail>;
      await failed(el);
      const shown = text(part(el, 'state'));
      expect(shown).to.contain('Epikrisen kunne ikke vises.').and.contain(input.says);
      for (const message of [shown, detail.message, ...detail.issues.map((issue) => issue.message)]) {
        expect(message).to.not.match(/010858-?4947/);
      }
    }
  });

  it('is Danish by default, English with lang="en", with the SDK labels and runtime overrides', async () => {
    const da = await show(official);
    expect(text(part(da, 'diagnoses')))
      .to.contain('Diagnoser/undersøgelser')
      .and.contain('Hoveddiagnose:');
    const en = await show(official, { lang: 'en' });
    expect(text(part(en, 'title'))).to.equal(labelOf(DISCHARGE_SUMMARY_VARIANT_LABELS, 'inpatient', 'en'));
    expect(text(part(en, 'header'))).to.contain('Sent: 15/01/1999 12:02');
    expect(text(part(en, 'stay'))).to.contain(labelOf(STAY_START_LABELS, 'inpatient', 'en'));
    expect(text(part(en, 'correction'))).to.contain('Corrected letter');
    const diagnoses = text(part(en, 'diagnoses'));
    expect(diagnoses).to.contain('Main diagnosis: DC249');
    expect(diagnoses).to.contain(`${labelOf(DIAGNOSE_DESCRIPTION_LABELS, 'operation', 'en')}: KJJB40`);
    const patient = text(part(en, 'patient'));
    expect(patient).to.contain(`Status ${labelOf(EPISODE_OF_CARE_STATUS_LABELS, 'indlagt', 'en')} (indlagt)`);
    expect(patient).to.contain(`Relation ${labelOf(RELATION_CODE_LABELS, 'far', 'en')} (far)`);
    expect(part(en, 'base')!.lang).to.equal('en');
    expect(part(en, 'note')!.querySelector('.note__text')!.getAttribute('lang')).to.equal('da');

    setStrings('da', { disSent: 'Afsendt', disCorrectedTitle: 'Rettelse' });
    await da.updateComplete;
    expect(text(part(da, 'header'))).to.contain('Afsendt: 15.01.1999 kl. 12:02');
    expect(text(part(da, 'correction'))).to.contain('Rettelse');
    en.lang = 'da';
    await en.updateComplete;
    expect(text(part(en, 'title'))).to.equal('Udskrivningsepikrise');
  });

  it('takes its heading levels from heading-level', async () => {
    const el = await show(official);
    el.headingLevel = 3;
    await el.updateComplete;
    expect(part(el, 'title')!.tagName).to.equal('H3');
    expect(root(el).querySelector('#diagnoses')!.tagName).to.equal('H4');
    expect(root(el).querySelector('#sender')!.tagName).to.equal('H5');
  });

  it('prints the patient name and CPR number fixed on every page, and collapsed content open', async () => {
    const el = await show(extras(official));
    const unknownList = part(el, 'unknown')!.querySelector('ul')!;
    expect(unknownList.checkVisibility()).to.equal(false);
    const header = part(el, 'print-header')!;
    await expectFixedPrintHeader(header, (shown) => {
      expect(shown).to.contain('Schwenlund Mosebryggersen').and.contain('010858-4947');
      expect(header.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(unknownList.checkVisibility()).to.equal(true);
    });
    el.printPreview = true;
    await el.updateComplete;
    expect(getComputedStyle(header).display).to.not.equal('none');
  });

  it('renders a hostile letter as text only', async () => {
    const keep = (name: string) =>
      ['Date', 'Time', 'VersionCode', 'TypeCode', 'StatusCode', 'EpisodeOfCareStatusCode'].includes(name);
    const hostile = poisonLetter(xd0134l(extras(official)), keep);
    const el = await show(hostile);
    await expectInert(root(el), ACTIVE_CONTENT);
    const banner = root(el).querySelector('samspil-patient-banner')!;
    expect(banner.shadowRoot!.querySelectorAll(ACTIVE_CONTENT)).to.have.length(0);
    expectShownAsText(root(el));
    for (const link of root(el).querySelectorAll('a')) {
      expect(['http:', 'https:', 'tel:', 'mailto:']).to.include(new URL(link.href).protocol);
    }
  });

  it('stays visible under hostile page CSS and adds no styles to the page', async () => {
    const el = document.createElement('samspil-discharge-summary');
    el.letter = officialBytes;
    await underHostilePageCss(
      el,
      () => loaded(el),
      () => {
        for (const name of ['title', 'diagnoses', 'clinical', 'patient-banner']) expectLaidOut(part(el, name)!, name);
        expectNotRecoloured(part(el, 'title')!);
      },
    );
  });

  it('reaches every link and toggle with Tab, in order, with a visible focus ring', async () => {
    const el = await show(xd0134l(extras(official)));
    const expected = [...root(el).querySelectorAll<HTMLElement>('summary, a[href]')];
    expect(expected.length).to.be.greaterThan(3);
    const reached = await tabThrough(el, expected.length);
    expect(reached).to.deep.equal(expected);
    const unknown = part(el, 'unknown') as HTMLDetailsElement;
    expect(root(el).activeElement).to.equal(unknown.querySelector('summary'));
    await sendKeys({ press: 'Enter' });
    expect(unknown.open).to.equal(true);
  });
});
