// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import { LETTERS, TEST_SHARED_PREFIX, poisonLetter } from '@samspil/fixtures/letters';
import { labelOf, REHAB_LEVEL_LABELS, REHAB_PLAN_SECTIONS, type RehabPlan } from '@samspil/sdk/oioxml';
import { resetStrings, setStrings } from '../i18n/localize.js';
import {
  ACTIVE_CONTENT,
  betweenButtons,
  expectFixedPrintHeader,
  expectInert,
  expectShownAsText,
  expectSummaryToggles,
  expectTabOrder,
  expectUntouched,
  underHostilePageCss,
} from '../internal/browser.test-support.js';
import { telHref } from '../internal/links.js';
import { freeChoiceStatus, type SamspilRehabPlan } from './rehab-plan.js';
import './define.js';

const SRC = TEST_SHARED_PREFIX + LETTERS.rehabPlan;
const TYPE_ELEMENT = '<TypeOfRehabilitationPlan>specialiseret</TypeOfRehabilitationPlan>';

const root = (el: SamspilRehabPlan) => el.shadowRoot!;
const part = (el: SamspilRehabPlan, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: SamspilRehabPlan, name: string) => squash(part(el, name)?.textContent);
const sectionOf = (el: SamspilRehabPlan, id: string) => root(el).querySelector<HTMLElement>(`[data-section="${id}"]`);
const sectionText = (el: SamspilRehabPlan, id: string) => squash(sectionOf(el, id)?.textContent);
const factValue = (el: SamspilRehabPlan, label: string) => {
  const dt = [...root(el).querySelectorAll('dt')].find((candidate) => squash(candidate.textContent) === label);
  return squash(dt?.nextElementSibling?.textContent);
};

let cachedBytes: Uint8Array | undefined;
/** MedCom's official GGOP example, as bytes (UTF-8 with BOM). */
async function letterBytes(): Promise<Uint8Array> {
  cachedBytes ??= new Uint8Array(await (await fetch(SRC)).arrayBuffer());
  return cachedBytes;
}

/** The official example as text, for variants built by string replacement. */
async function letterText(): Promise<string> {
  return new TextDecoder('utf-8').decode(await letterBytes());
}

async function loaded(template: TemplateResult): Promise<SamspilRehabPlan> {
  const el = await fixture<SamspilRehabPlan>(template);
  await waitUntil(() => part(el, 'base'), 'the plan did not render');
  await el.updateComplete;
  return el;
}

async function variant(change: (xml: string) => string, attrs: { referenceDate?: string; lang?: string } = {}) {
  const letter = change(await letterText());
  return loaded(
    html`<samspil-rehab-plan
      .letter=${letter}
      reference-date=${attrs.referenceDate ?? '2014-12-20'}
      lang=${attrs.lang ?? ''}
    ></samspil-rehab-plan>`,
  );
}

const withType = (type: string) => (xml: string) =>
  xml.replace(TYPE_ELEMENT, `<TypeOfRehabilitationPlan>${type}</TypeOfRehabilitationPlan>`);

const without =
  (...names: string[]) =>
  (xml: string) =>
    names.reduce(
      (out, name) => out.replace(new RegExp(`<(\\w+:)?${name}[\\s>][\\s\\S]*?</(\\w+:)?${name}>`, 'g'), ''),
      xml,
    );

describe('<samspil-rehab-plan>', () => {
  afterEach(() => resetStrings());

  describe('accessibility', () => {
    it('is accessible with the official example', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      await expect(el).to.be.accessible();
    });

    for (const type of ['almen', 'basal', 'avanceret', 'rehabilitering', 'noget helt andet']) {
      it(`is accessible with the type "${type}"`, async () => {
        const el = await variant(withType(type));
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible with the deadline today and overdue', async () => {
      const today = await variant((xml) => xml, { referenceDate: '2014-12-27' });
      await expect(today).to.be.accessible();
      const overdue = await variant((xml) => xml, { referenceDate: '2015-01-30' });
      await expect(overdue).to.be.accessible();
    });

    it('is accessible with optional parts missing and unknown content', async () => {
      const el = await variant((xml) =>
        without(
          'Relatives',
          'JournalExcerpt',
          'HealthCareTeam',
          'ConsentInformed',
          'ExpectedEnd',
        )(xml).replace('<FinalResult>', '<Mystery>Ukendt felt</Mystery><FinalResult>'),
      );
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading, when empty and on error', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const loading = await fixture<SamspilRehabPlan>(html`<samspil-rehab-plan src=${SRC}></samspil-rehab-plan>`);
        await expect(loading).to.be.accessible();
      } finally {
        pending.restore();
      }
      const empty = await fixture<SamspilRehabPlan>(html`<samspil-rehab-plan></samspil-rehab-plan>`);
      await expect(empty).to.be.accessible();
      const failed = await fixture<SamspilRehabPlan>(
        html`<samspil-rehab-plan src="/__shared/does-not-exist.xml"></samspil-rehab-plan>`,
      );
      await waitUntil(() => root(failed).querySelector('[role="alert"]'));
      await expect(failed).to.be.accessible();
    });

    it('is accessible in English and in the dark theme', async () => {
      const english = await loaded(
        html`<samspil-rehab-plan src=${SRC} lang="en" reference-date="2014-12-20"></samspil-rehab-plan>`,
      );
      await expect(english).to.be.accessible();
      const dark = await loaded(
        html`<samspil-rehab-plan src=${SRC} theme="dark" reference-date="2014-12-28"></samspil-rehab-plan>`,
      );
      await expect(dark).to.be.accessible();
    });
  });

  describe('the official example', () => {
    it('loads from src, shows the plan and emits samspil-load with the model', async () => {
      const el = document.createElement('samspil-rehab-plan');
      el.referenceDate = '2014-12-20';
      el.src = SRC;
      const event = oneEvent(el, 'samspil-load');
      const host = await fixture(html`<div></div>`);
      host.append(el);
      const { detail } = await event;
      const model = detail.model as RehabPlan;
      expect(model.kind).to.equal('rehab-plan');
      expect(model.rehabilitationType).to.deep.equal({ code: 'specialiseret', level: 'specialised' });
      await waitUntil(() => part(el, 'base'));

      expect(text(el, 'title')).to.equal('Genoptræningsplan');
      expect(part(el, 'title')!.tagName).to.equal('H2');
      expect(text(el, 'type-label')).to.equal('Specialiseret genoptræning');
      expect(text(el, 'type-code')).to.equal('specialiseret');
      expect(text(el, 'type')).to.contain('Sygehuset (regionen) står for genoptræningen.');
      expect(text(el, 'consent')).to.equal('Informeret samtykke: Ja (skrevet som »ja«)');
      expect(text(el, 'days-left')).to.equal('7 dage tilbage');
      expect(factValue(el, 'Forventet afslutning')).to.equal('20.12.2014 kl. 13:45');
      expect(root(el).querySelector('[part~="dates"] time[datetime="2014-12-20T13:45"]')).to.exist;
      expect(root(el).querySelector('[part~="dates"] time[datetime="2014-12-27"]')?.textContent).to.equal('27.12.2014');
      expect(factValue(el, 'Tidsfrist for start af genoptræning')).to.equal('Fri tekst');
      expect(factValue(el, 'Dato for kontrol')).to.equal('20.12.2014 kl. 13:45');
      expect(factValue(el, 'Sted')).to.contain('Region Syddanmark, Ældrecenter ØST, Grøn stue');
      expect(factValue(el, 'Sendt')).to.equal('04.09.2009 kl. 10:43');
      expect(factValue(el, 'Godkendt')).to.equal('04.03.2015 kl. 09:26');
      expect(factValue(el, 'Afsender')).to.contain('Odense Universitetshospital, Ortopædkirurgisk Afdeling, Q');
      expect(factValue(el, 'Afsender')).to.contain('Sygehusafdelingsnummer: 4202360');
      expect(factValue(el, 'Modtager (hjemkommune)')).to.contain('Odense kommune');
      expect(factValue(el, 'Brevtype')).to.equal('GGOP · GGOP100 · GGOP2');

      // Copy receivers, signers, patient details, relatives.
      expect(sectionText(el, 'copy-receivers')).to.contain('Kopi til egen læge');
      expect(sectionText(el, 'copy-receivers')).to.contain('Arta Masoumi, Almen Lægehjælp');
      expect(sectionText(el, 'copy-receivers')).to.contain('Arne Agertoft & Hanne Petersen');
      expect(sectionText(el, 'signers')).to.contain('Underskriver: Ellinor Strøm, Terapeut');
      expect(sectionText(el, 'signers')).to.contain('Medforfatter: Peter Andresen, Pedel');
      expect(sectionText(el, 'patient-details')).to.contain('Hindbærvej 23, Hjallese, 5260 Odense S');
      expect(sectionText(el, 'patient-details')).to.contain('Rosa Andersen, Skovgård 3');
      expect(sectionText(el, 'patient-details')).to.contain('Tømrer');
      expect(sectionText(el, 'patient-details')).to.contain('Tlf. (Mobil): +4523321234');
      expect(sectionText(el, 'relatives')).to.contain('Irene Petersen, Ægtefælle');
      expect(sectionText(el, 'relatives')).to.contain('Mads Jensen, Pårørende');

      // Functional ability: the ICF template's sections and sub-headings.
      const ability = sectionOf(el, 'ability-at-discharge-extended')!;
      const headings = [...ability.querySelectorAll('.ability__heading')].map((h) => squash(h.textContent));
      expect(headings).to.deep.equal([
        '8a. Kroppens funktioner og anatomi',
        '8b. Aktiviteter og deltagelse',
        '8c. Omgivelsesfaktorer',
      ]);
      expect(ability.querySelectorAll('h4')).to.have.length(3);
      const items = [...ability.querySelectorAll('dt')].map((dt) => squash(dt.textContent));
      expect(items).to.include('Mentale funktioner');
      expect(items).to.include('Samfundsliv, socialt liv og medborgerskab');
      expect(items).to.have.length(8 + 9 + 3);
      expect(squash(ability.querySelector('dd')?.textContent)).to.equal('Ikke udfyldt');

      // Diagnoses and ICF codes, with labels.
      expect(sectionText(el, 'diagnoses')).to.contain('DC189Kræft i tyktarmen Hoveddiagnose · ICD-10');
      expect(sectionText(el, 'diagnoses')).to.contain('DS720Fraktur af lårbenshals Bidiagnose · ICD-10');
      expect(sectionText(el, 'icf-codes')).to.contain('FB799Funktioner relateret til bevægeapparat uden specifikation');
      expect(sectionText(el, 'icf-codes')).to.contain('Graduering: FB799');

      // Journal excerpts: one section each, the type in the heading, line breaks kept.
      const excerpts = [...root(el).querySelectorAll('[data-section^="journal-excerpts-"] .section__heading')];
      expect(excerpts.map((h) => squash(h.textContent))).to.deep.equal([
        'Uddrag fra journal: Tilbud om kage',
        'Uddrag fra journal: Uddrag af operationsbeskrivelse',
        'Uddrag fra journal: Uddrag af journalnotat neurologisk tilsyn',
        'Uddrag fra journal: Uddrag uden struktur',
      ]);
      const unstructured = sectionOf(el, 'journal-excerpts-3')!.querySelector('.text')!;
      expect(unstructured.querySelector('br')).to.exist;
      expect((unstructured as HTMLElement).innerText).to.equal(
        'Fri tekst\nSkrevet af: Alm med 1. reservelæge Bjarne Goldbæk den 27. februar 2013',
      );
      expect(sectionText(el, 'journal-excerpts-0')).to.contain('Preben Elkjær, Prof. med.');
      expect(sectionText(el, 'journal-excerpts-0')).to.contain('23.03.2012');

      // Contacts, team, final result, references.
      expect(sectionText(el, 'region-contact')).to.contain('Region Øst');
      expect(sectionText(el, 'municipality-contact')).to.contain('Odder kommune');
      expect(sectionOf(el, 'team')!.querySelectorAll('li')).to.have.length(5);
      expect(sectionText(el, 'final-result-receivers')).to.contain('Arne Agertoft & Hanne Petersen');
      const reference = sectionOf(el, 'references')!.querySelector('a')!;
      expect(reference.getAttribute('href')).to.equal('http://sundhedsstyrelsen.dk');
      expect(reference.textContent).to.equal('Se de gældende anbefalinger her');
      expect(part(el, 'other')).to.equal(null);
    });

    it('renders contacts as tel: and mailto: links with normalised numbers', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      const hrefs = [...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.include('tel:+4566131372');
      expect(hrefs).to.include('tel:+4588888888');
      expect(hrefs).to.include('mailto:nancy@berggren.dk');
      expect(hrefs).to.include('mailto:irene_p12@gmail.com');
      const region = sectionOf(el, 'region-contact')!.querySelector('a')!;
      expect(region.getAttribute('href')).to.equal('tel:+4588888888');
      expect(region.textContent).to.equal('88 88 88 88');
      expect(telHref('0045 66 13 13 72')).to.equal('tel:+4566131372');
      expect(telHref('(+45) 66-13-13-72')).to.equal('tel:+4566131372');
      expect(telHref('javascript:alert(1)')).to.equal(undefined);
    });

    it('shows the sections in the order of REHAB_PLAN_SECTIONS, the deadline sections in the dates panel', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      const shown = [...root(el).querySelectorAll('[data-section]')]
        .map((section) => section.getAttribute('data-section')!.replace(/-\d+$/, ''))
        .filter((id, i, all) => all.indexOf(id) === i);
      const panel = ['rehabilitation-deadline', 'current-hospital-contact', 'control-and-follow-up'];
      const expected = REHAB_PLAN_SECTIONS.map((section) => section.id).filter((id) => !panel.includes(id));
      expect(shown).to.deep.equal(['letter', ...expected]);
      // The type comes before everything but the patient and the title.
      const order = [...root(el).querySelectorAll('[part]')].map((node) => node.getAttribute('part'));
      expect(order.indexOf('type')).to.be.lessThan(order.indexOf('dates'));
      expect(order.indexOf('dates')).to.be.lessThan(order.indexOf('letter'));
    });

    it('renders the same from the model, the letter text, a Document and the bytes', async () => {
      const reference = await loaded(
        html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`,
      );
      const expected = text(reference, 'base');
      const bytes = await letterBytes();
      const source = await letterText();
      const load = oneEvent(reference, 'samspil-load');
      reference.src = `${SRC}?again`;
      const model = (await load).detail.model as RehabPlan;
      const inputs = [
        html`<samspil-rehab-plan .model=${model} reference-date="2014-12-20"></samspil-rehab-plan>`,
        html`<samspil-rehab-plan .letter=${source} reference-date="2014-12-20"></samspil-rehab-plan>`,
        html`<samspil-rehab-plan
          .letter=${new DOMParser().parseFromString(source.replace(/^\uFEFF/, ''), 'application/xml')}
          reference-date="2014-12-20"
        ></samspil-rehab-plan>`,
        html`<samspil-rehab-plan .letter=${bytes} reference-date="2014-12-20"></samspil-rehab-plan>`,
      ];
      for (const input of inputs) expect(text(await loaded(input), 'base')).to.equal(expected);
    });
  });

  describe('the free-choice deadline', () => {
    // The example's expected discharge is 2014-12-20, so training must be able to start by 2014-12-27.
    const cases: [string, string, string][] = [
      ['2014-12-20', '7 dage tilbage', 'left'],
      ['2014-12-26', '1 dag tilbage', 'left'],
      ['2014-12-27', '0 dage tilbage: fristen er i dag', 'today'],
      ['2014-12-28', 'Overskredet med 1 dag', 'overdue'],
      ['2015-01-10', 'Overskredet med 14 dage', 'overdue'],
    ];

    it('counts the days left on the discharge day, day 7 and day 8', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC}></samspil-rehab-plan>`);
      for (const [date, expected, status] of cases) {
        el.referenceDate = date;
        await el.updateComplete;
        expect(text(el, 'days-left'), date).to.equal(expected);
        expect(part(el, 'days-left')!.dataset['status'], date).to.equal(status);
      }
      expect(factValue(el, 'Frist for frit valg')).to.contain('(pr. 10.01.2015)');
    });

    it('says the days in English', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} lang="en"></samspil-rehab-plan>`);
      const english: [string, string][] = [
        ['2014-12-20', '7 days left'],
        ['2014-12-26', '1 day left'],
        ['2014-12-27', '0 days left: the deadline is today'],
        ['2014-12-28', 'Overdue by 1 day'],
        ['2014-12-30', 'Overdue by 3 days'],
      ];
      for (const [date, expected] of english) {
        el.referenceDate = date;
        await el.updateComplete;
        expect(text(el, 'days-left'), date).to.equal(expected);
      }
    });

    it('computes across a year end and a daylight-saving change, and counts from today by default', async () => {
      const plan = (date: string): RehabPlan =>
        ({ currentHospitalContact: { expectedEnd: { date } } }) as unknown as RehabPlan;
      expect(freeChoiceStatus(plan('2014-12-28'), '2015-01-04')).to.deep.equal({
        kind: 'today',
        days: 0,
        startBy: '2015-01-04',
      });
      expect(freeChoiceStatus(plan('2024-03-28'), '2024-03-28')).to.deep.include({ kind: 'left', days: 7 });
      expect(freeChoiceStatus(plan('2024-10-24'), '2024-11-01')).to.deep.include({ kind: 'overdue', days: 1 });
      const now = new Date();
      const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      expect(freeChoiceStatus(plan(today))).to.deep.include({ kind: 'left', days: 7 });
    });

    it('says plainly when it cannot be computed', async () => {
      const el = await variant((xml) =>
        xml.replace(/<ExpectedEnd>[\s\S]*?<\/ExpectedEnd>/, '<ExpectedEndText>Når boligen er klar</ExpectedEndText>'),
      );
      expect(text(el, 'days-left')).to.equal('Kan ikke beregnes: planen angiver ingen dato for forventet udskrivning');
      expect(part(el, 'days-left')!.dataset['status']).to.equal('unknown');
      expect(factValue(el, 'Forventet afslutning')).to.equal('Når boligen er klar');
      el.referenceDate = '2014-02-30';
      el.letter = await letterText();
      await waitUntil(() => text(el, 'days-left').includes('referencedatoen'));
      expect(text(el, 'days-left')).to.equal('Kan ikke beregnes: referencedatoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)');
    });
  });

  describe('the type banner', () => {
    const types: [string, string, string][] = [
      ['almen', 'Almen genoptræning', 'general'],
      ['basal', 'Almen genoptræning på basalt niveau', 'general-basic'],
      ['Almen genoptræning på avanceret niveau', 'Almen genoptræning på avanceret niveau', 'general-advanced'],
      ['specialiseret', 'Specialiseret genoptræning', 'specialised'],
      ['rehabilitering', 'Rehabilitering på specialiseret niveau', 'specialised-rehabilitation'],
      ['83c89857-8fb8-4163-97b1-eb1a56345c29', 'Rehabilitering på specialiseret niveau', 'specialised-rehabilitation'],
      ['hjemmetræning', 'Ukendt type', 'unknown'],
    ];

    for (const [code, label, level] of types) {
      it(`shows "${label}" for ${code}`, async () => {
        const el = await variant(withType(code));
        expect(text(el, 'type-label')).to.equal(label);
        expect(text(el, 'type-label')).to.equal(labelOf(REHAB_LEVEL_LABELS, level, 'da'));
        expect(text(el, 'type-code')).to.equal(code);
        expect(part(el, 'type')!.classList.contains(`type--${level}`)).to.equal(true);
        expect(part(el, 'type')!.classList.contains('type--warning')).to.equal(level === 'unknown');
      });
    }

    it('says when the plan gives no type', async () => {
      const el = await variant(without('TypeOfRehabilitationPlan'));
      expect(text(el, 'type-label')).to.equal('Ikke angivet');
      expect(text(el, 'type')).to.contain('Typen er ikke angivet i planen.');
      expect(part(el, 'type-code')).to.equal(null);
    });

    it('is the largest text on the page', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      const size = (node: Element | null) => parseFloat(getComputedStyle(node!).fontSize);
      expect(size(part(el, 'type-label'))).to.be.greaterThan(size(root(el).querySelector('.section__heading')));
    });
  });

  describe('consent', () => {
    const cases: [string | undefined, string, string][] = [
      ['ja', 'Ja', 'yes'],
      ['nej', 'Nej', 'no'],
      ['måske', 'Ukendt', 'unknown'],
      [undefined, 'Ikke angivet', 'missing'],
    ];
    for (const [code, label, state] of cases) {
      it(`shows ${state} consent clearly`, async () => {
        const el = await variant((xml) =>
          code === undefined
            ? without('ConsentInformed')(xml)
            : xml.replace('<ConsentInformed>ja</ConsentInformed>', `<ConsentInformed>${code}</ConsentInformed>`),
        );
        expect(squash(part(el, 'consent')!.querySelector('.consent__value')!.textContent)).to.equal(label);
        expect(part(el, 'consent')!.dataset['consent']).to.equal(state);
      });
    }
  });

  describe('missing and long content', () => {
    it('leaves out sections the plan does not have, and says what is not stated up top', async () => {
      const el = await variant(
        without(
          'Relatives',
          'JournalExcerpt',
          'HealthCareTeam',
          'CurrentHospitalContact',
          'HospitalAmbulatoryControl',
          'RehabilitationDeadline',
          'GPCCReceiver',
          'CCReceiver',
          'Reference',
        ),
      );
      for (const id of ['relatives', 'team', 'copy-receivers', 'references', 'journal-excerpts-0'])
        expect(sectionOf(el, id), id).to.equal(null);
      expect(factValue(el, 'Tidsfrist for start af genoptræning')).to.equal('Ikke angivet');
      expect(factValue(el, 'Forventet afslutning')).to.equal('Ikke angivet');
      expect(part(el, 'days-left')!.dataset['status']).to.equal('unknown');
      expect(factValue(el, 'Dato for kontrol')).to.equal('');
    });

    it('collapses long sections, open by default, and lists unknown elements collapsed', async () => {
      const long = Array.from({ length: 12 }, (_, i) => `Linje ${i + 1} om praktiske forhold.<mm100:Break/>`).join('');
      const el = await variant((xml) =>
        xml
          .replace(
            '<PracticalInformation>Fri tekst</PracticalInformation>',
            `<PracticalInformation>${long}</PracticalInformation>`,
          )
          .replace('<FinalResult>', '<Mystery>Ukendt felt med <Deep>indhold</Deep></Mystery><FinalResult>'),
      );
      const practical = sectionOf(el, 'practical-information')!;
      expect(practical.tagName).to.equal('DETAILS');
      expect((practical as HTMLDetailsElement).open).to.equal(true);
      expect(sectionOf(el, 'patient-safety')!.tagName).to.equal('SECTION');
      for (const id of ['relatives', 'ability-at-discharge-extended', 'journal-excerpts-0', 'team'])
        expect(sectionOf(el, id)!.tagName, id).to.equal('DETAILS');
      const other = part(el, 'other') as HTMLDetailsElement;
      expect(other.open).to.equal(false);
      expect(squash(other.querySelector('summary')!.textContent)).to.equal('Øvrigt indhold (1)');
      expect(squash(other.textContent)).to.contain('/Emessage/RehabilitationPlan/Mystery');
      expect(squash(other.textContent)).to.contain('Ukendt felt med indhold');
    });

    it('opens every section for printing and restores them afterwards', async () => {
      const el = await variant((xml) => xml.replace('<FinalResult>', '<Mystery>x</Mystery><FinalResult>'));
      const team = sectionOf(el, 'team') as HTMLDetailsElement;
      team.open = false;
      window.dispatchEvent(new Event('beforeprint'));
      expect(team.open).to.equal(true);
      expect((part(el, 'other') as HTMLDetailsElement).open).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(team.open).to.equal(false);
      expect((part(el, 'other') as HTMLDetailsElement).open).to.equal(false);
    });

    it('renders a print preview with the print header and no collapsing', async () => {
      const el = await loaded(
        html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20" print-preview></samspil-rehab-plan>`,
      );
      expect(root(el).querySelectorAll('details')).to.have.length(0);
      expect(getComputedStyle(part(el, 'print-header')!).display).to.equal('flex');
    });
  });

  describe('states', () => {
    it('shows a loading state while the letter is fetched', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const el = await fixture<SamspilRehabPlan>(html`<samspil-rehab-plan src=${SRC}></samspil-rehab-plan>`);
        expect(text(el, 'state')).to.equal('Henter genoptræningsplan …');
        expect(part(el, 'state')!.getAttribute('role')).to.equal('status');
      } finally {
        pending.restore();
      }
    });

    it('shows an empty state without input', async () => {
      const el = await fixture<SamspilRehabPlan>(html`<samspil-rehab-plan></samspil-rehab-plan>`);
      expect(text(el, 'state')).to.equal('Ingen genoptræningsplan at vise.');
    });

    it('shows an error and emits samspil-error for a missing file', async () => {
      const el = document.createElement('samspil-rehab-plan');
      el.src = '/__shared/medcom/oioxml/examples/ggop/missing.xml';
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await event;
      expect(detail.message).to.contain('404');
      await waitUntil(() => part(el, 'state')?.getAttribute('role') === 'alert');
      expect(text(el, 'state')).to.contain('Genoptræningsplanen kunne ikke vises.');
      expect(text(el, 'state')).to.contain('HTTP 404');
    });

    it('shows an error without the CPR number for a letter that is no plan', async () => {
      const discharge = new Uint8Array(
        await (await fetch(TEST_SHARED_PREFIX + LETTERS.dischargeSummary)).arrayBuffer(),
      );
      for (const letter of ['<not-a-letter/>', 'this is no XML', discharge]) {
        const el = document.createElement('samspil-rehab-plan');
        el.letter = letter;
        const event = oneEvent(el, 'samspil-error');
        (await fixture(html`<div></div>`)).append(el);
        const { detail } = await event;
        await waitUntil(() => part(el, 'state')?.getAttribute('role') === 'alert');
        const shown = `${text(el, 'state')} ${detail.message} ${JSON.stringify(detail.issues)}`;
        expect(shown).to.contain('Genoptræningsplanen kunne ikke vises.');
        expect(shown).not.to.match(/\d{6}-?\d{4}/);
      }
    });
  });

  describe('language', () => {
    it('is Danish by default and English with lang="en", labels from the SDK', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      expect(squash(root(el).querySelector('[part~="dates"] .section__heading')!.textContent)).to.equal(
        'Frister og datoer',
      );
      el.lang = 'en';
      await el.updateComplete;
      expect(text(el, 'type-label')).to.equal('Specialised rehabilitation');
      expect(text(el, 'type-label')).to.equal(labelOf(REHAB_LEVEL_LABELS, 'specialised', 'en'));
      expect(text(el, 'days-left')).to.equal('7 days left');
      expect(text(el, 'consent')).to.equal('Informed consent: Yes (written as “ja”)');
      expect(squash(root(el).querySelector('.letter__title')!.textContent)).to.equal('Rehabilitation plan');
      expect(squash(sectionOf(el, 'relatives')!.querySelector('.section__heading')!.textContent)).to.equal('Relatives');
      expect(sectionText(el, 'relatives')).to.contain('Irene Petersen, Spouse');
      expect(factValue(el, 'Expected discharge')).to.equal('20/12/2014 13:45');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    });

    it('uses strings the host overrides at runtime', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      setStrings('da', { rehabPlanDatesHeading: 'Vigtige datoer', rehabPlanDaysLeft: (n: number) => `${n} dg.` });
      await el.updateComplete;
      expect(squash(root(el).querySelector('[part~="dates"] .section__heading')!.textContent)).to.equal(
        'Vigtige datoer',
      );
      expect(text(el, 'days-left')).to.equal('7 dg.');
    });
  });

  describe('print', () => {
    it('repeats the patient name and formatted CPR in a fixed print header', async () => {
      const el = await loaded(html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`);
      await expectFixedPrintHeader(part(el, 'print-header')!, (header) => {
        expect(header).to.contain('Nancy Ann Berggren');
        expect(header).to.contain('CPR-nr. 251248-4916');
      });
    });
  });

  describe('hostile input', () => {
    it('shows a poisoned letter as text and runs nothing', async () => {
      const keep = new Set(['Date', 'Time', 'VersionCode', 'TypeCode', 'StatisticalCode']);
      const poisoned = poisonLetter(await letterText(), (name) => keep.has(name));
      const el = await loaded(html`<samspil-rehab-plan .letter=${poisoned}></samspil-rehab-plan>`);
      await expectInert(root(el), ACTIVE_CONTENT, /^(tel:|mailto:|https?:)/);
      expectShownAsText(root(el), [
        '<script>window.__samspilPwned = true</script>',
        '<img src=x onerror="window.__samspilPwned = true">',
      ]);
      expect(text(el, 'type-code')).to.match(/samspilPwned/);
      expect(text(el, 'type-label')).to.equal('Ukendt type');
    });

    it('stays visible under hostile page CSS and adds no styles to the page', async () => {
      const el = document.createElement('samspil-rehab-plan');
      el.src = SRC;
      el.referenceDate = '2014-12-20';
      await underHostilePageCss(
        el,
        () => waitUntil(() => part(el, 'base')),
        () => expectUntouched([root(el).querySelector('.letter__title')!, part(el, 'type-label')!, part(el, 'dates')!]),
      );
    });
  });

  describe('keyboard', () => {
    it('reaches every link and summary with Tab, in document order, with a visible focus ring', async () => {
      const el = await betweenButtons<SamspilRehabPlan>(
        html`<samspil-rehab-plan src=${SRC} reference-date="2014-12-20"></samspil-rehab-plan>`,
        'samspil-rehab-plan',
      );
      await waitUntil(() => part(el, 'base'));
      const expected = [...root(el).querySelectorAll<HTMLElement>('a[href], summary')];
      await expectTabOrder(el, expected, 5);
      expect(expected[0]!.getAttribute('href')).to.equal('tel:+4566131372');
      await expectSummaryToggles(expected.find((node) => node.tagName === 'SUMMARY')!);
    });
  });
});
