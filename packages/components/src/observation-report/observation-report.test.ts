// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import type { Bundle, Media, Observation, Organization, Patient, Practitioner } from '@medplum/fhirtypes';
import { HOSTILE_PAYLOADS } from '@samspil/fixtures/letters';
import { activityLabel, buildHomeCareObservation, describeMessage, type HomeCareObservationInput } from '@samspil/sdk';
import { EXAMPLE_PARTIES, EXAMPLE_PATIENTS, exampleMessages } from '@samspil/sdk/examples';
import { resetStrings, setStrings } from '../i18n/localize.js';
import {
  betweenButtons,
  expectFixedPrintHeader,
  expectInert,
  expectShownAsText,
  expectSummaryToggles,
  expectTabOrder,
  expectUntouched,
  underHostilePageCss,
  withoutConsoleErrors,
} from '../internal/browser.test-support.js';
import { formatInstant } from '../internal/format.js';
import { telHref } from '../internal/links.js';
import { rangeStatus, type ObservationReport } from './observations.js';
import type { SamspilObservationReport } from './observation-report.js';
import '../fhir-xml/define.js';
import './define.js';

const FOLDER = '/__shared/medcom/examples/homecareobservation/';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAAAoCAIAAACO8WhuAAAAuUlEQVR42u3ZSwqDMBAAUA/h/U/Ru3gXN60QCGKl/jI60BfGhbOY6DOBIXbjMIgf0U3Xe23IlwEI0A1Ar76fIu6BMtcHBAhQONBmlAnieo3M9a0gWwwQIECAAOmD1vqIkp9H2z4lQ/1LK6gmS35+2+QLZ6h/AKgaB71AzvqAtoC+9+GhWEzQPB6vv/dEsZYLOsFLWx8QoOtAjoQa/BezxQABAgQIECB9kD7IFgN0Buhv84AAAQL0ZP4DboYjS5GZMpAAAAAASUVORK5CYII=';
const PDF =
  'JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jvb3QgMSAwIFI+PgolJUVPRgo=';

const root = (el: SamspilObservationReport) => el.shadowRoot!;
const part = (el: SamspilObservationReport, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: SamspilObservationReport, name: string) => [
  ...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: SamspilObservationReport, name: string) => squash(part(el, name)?.textContent);
const factValue = (el: SamspilObservationReport, label: string, scope = 'base') => {
  const dt = [...part(el, scope)!.querySelectorAll('dt')].find((node) => squash(node.textContent) === label);
  return squash(dt?.nextElementSibling?.textContent);
};
const rows = (el: SamspilObservationReport) => parts(el, 'observation');
/** A row's cells as text, without the labels the narrow layout shows. */
const cells = (row: HTMLElement) =>
  [...row.children].map((cell) => {
    const copy = cell.cloneNode(true) as HTMLElement;
    copy.querySelector('.cell-label')?.remove();
    return squash(copy.textContent);
  });

let examples: ReturnType<typeof exampleMessages> | undefined;
function example(name: string): Bundle {
  examples ??= exampleMessages();
  const found = examples.find((message) => message.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return structuredClone(found.bundle);
}

const { ydernummer, ...gp } = EXAMPLE_PARTIES.gp;
/** The synthetic example's input, for variants built with the SDK's builder. */
const INPUT: HomeCareObservationInput = {
  sender: EXAMPLE_PARTIES.acuteTeam,
  receiver: { ...gp, ydernummer, contactInitials: 'LA' },
  patient: EXAMPLE_PATIENTS.karin,
  performer: { given: ['Mia'], family: 'Lund', phone: '+4587654321', role: 'sygeplejerske' },
  observations: [
    {
      code: { system: 'npu', code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
      value: 38.7,
      unit: '°C',
      effective: '2026-11-21T09:24:00+01:00',
      referenceRange: { low: 36.5, high: 37.5 },
      note: 'Målt rektalt',
    },
  ],
};
const FIXED = { now: () => new Date('2026-11-21T08:40:00Z') };
const build = (change: Partial<HomeCareObservationInput>) => buildHomeCareObservation({ ...INPUT, ...change }, FIXED);

async function loaded(template: TemplateResult): Promise<SamspilObservationReport> {
  const el = await fixture<SamspilObservationReport>(template);
  await waitUntil(() => part(el, 'base') ?? root(el).querySelector('[role="alert"]'), 'the report did not render');
  await el.updateComplete;
  return el;
}

const show = (bundle: Bundle | string | Uint8Array, attrs: { lang?: string; theme?: 'light' | 'dark' } = {}) =>
  loaded(
    html`<samspil-observation-report
      .messages=${[bundle]}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
    ></samspil-observation-report>`,
  );

async function officialFiles(): Promise<string[]> {
  return ((await (await fetch(`${FOLDER}index.json`)).json()) as string[]).filter((file) => file.endsWith('.json'));
}

async function official(file: string): Promise<Bundle> {
  return (await (await fetch(FOLDER + file)).json()) as Bundle;
}

const resources = <T>(bundle: Bundle, type: string) =>
  (bundle.entry ?? []).map((entry) => entry.resource).filter((r) => r?.resourceType === type) as T[];

/** A time as the reader sees it, worked out here independently of the component. */
function localTime(iso: string, locale: 'da' | 'en' = 'da'): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(d.getDate())}${locale === 'da' ? '.' : '/'}${p(d.getMonth() + 1)}${locale === 'da' ? '.' : '/'}${d.getFullYear()}`;
  return `${date}${locale === 'da' ? ' kl.' : ''} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

describe('<samspil-observation-report>', () => {
  afterEach(() => resetStrings());

  describe('accessibility', () => {
    it('is accessible with the synthetic example', async () => {
      const el = await show(example('home-care-observation'));
      await expect(el).to.be.accessible();
    });

    it('is accessible with media, refused consent and values out of range', async () => {
      const el = await show(
        build({
          consentRefused: true,
          conclusion: 'Feber og hurtig respiration.',
          media: [
            { title: 'EKG', contentType: 'image/png', data: PNG, creation: '2026-11-21T09:30:00+01:00' },
            { title: 'Medicinliste', contentType: 'application/pdf', data: PDF, creation: '2026-11-21T09:31:00+01:00' },
          ],
          observations: [
            ...INPUT.observations,
            {
              code: { system: 'npu', code: 'NPU22089' },
              value: 2.9,
              unit: 'mmol/L',
              effective: '2026-11-21T09:26:00+01:00',
              referenceRange: { low: 4, high: 7 },
            },
          ],
        }),
      );
      await waitUntil(() => (part(el, 'media-image') as HTMLImageElement | null)?.complete);
      await expect(el).to.be.accessible();
    });

    it('is accessible as a modification and as a retraction', async () => {
      for (const kind of ['modify', 'retract'] as const) {
        const el = await show(build({ correction: { of: '489de4f2-0d8d-4de2-a7ce-ccb93568799f', kind } }));
        await expect(el).to.be.accessible();
      }
    });

    it('is accessible with many observations (collapsible) and unknown content', async () => {
      const many = Array.from({ length: 12 }, (_, i) => ({
        code: { system: 'medcom' as const, code: `MCS8812${i % 10}` },
        value: i,
        ucum: '1',
        effective: '2026-11-21T09:24:00+01:00',
      }));
      const bundle = build({ observations: many });
      resources<Observation>(bundle, 'Observation')[0]!.bodySite = { text: 'Venstre arm' };
      const el = await show(bundle);
      expect(part(el, 'observations')!.tagName).to.equal('DETAILS');
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading, when empty and on error', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const loading = await fixture<SamspilObservationReport>(
          html`<samspil-observation-report src="/never.json"></samspil-observation-report>`,
        );
        expect(part(loading, 'state')!.getAttribute('role')).to.equal('status');
        await expect(loading).to.be.accessible();
      } finally {
        pending.restore();
      }
      const empty = await fixture<SamspilObservationReport>(
        html`<samspil-observation-report></samspil-observation-report>`,
      );
      expect(text(empty, 'state')).to.equal('Ingen prøvesvar at vise.');
      await expect(empty).to.be.accessible();
      const failed = await loaded(
        html`<samspil-observation-report src="/__shared/does-not-exist.json"></samspil-observation-report>`,
      );
      await expect(failed).to.be.accessible();
      const wrong = await show(example('acknowledgement-ok'));
      await expect(wrong).to.be.accessible();
    });

    it('is accessible in English, in the dark theme, narrow and in print preview', async () => {
      const bundle = build({ consentRefused: true, correction: { of: 'abc-1', kind: 'retract' } });
      await expect(await show(bundle, { lang: 'en' })).to.be.accessible();
      await expect(await show(bundle, { theme: 'dark' })).to.be.accessible();
      const narrow = await fixture(
        html`<div style="width: 320px">
          <samspil-observation-report .messages=${[bundle]}></samspil-observation-report>
        </div>`,
      );
      const el = narrow.querySelector('samspil-observation-report')!;
      await waitUntil(() => part(el, 'base'));
      expect(getComputedStyle(root(el).querySelector('tbody tr')!).display).to.equal('block');
      await expect(narrow).to.be.accessible();
      const preview = await loaded(
        html`<samspil-observation-report .messages=${[bundle]} print-preview></samspil-observation-report>`,
      );
      expect(getComputedStyle(part(preview, 'print-header')!).display).to.equal('flex');
      await expect(preview).to.be.accessible();
    });
  });

  describe('the synthetic example', () => {
    it('shows every result with code, value, unit, time, range, interpretation and comment', async () => {
      const el = document.createElement('samspil-observation-report');
      el.messages = [example('home-care-observation')];
      const event = oneEvent(el, 'samspil-load');
      (await fixture(html`<div></div>`)).append(el);
      const model = (await event).detail.model as ObservationReport;
      expect(model.kind).to.equal('observation-report');
      expect(model.observations).to.have.length(3);
      expect(model.description.kind).to.equal('home-care-observation');
      await waitUntil(() => part(el, 'base'));

      expect(text(el, 'title')).to.equal('Kommunale prøvesvar');
      expect(part(el, 'title')!.tagName).to.equal('H2');
      expect(root(el).querySelector('#obs-results')!.tagName).to.equal('H3');
      const [temperature, respiration, nitrite] = rows(el).map(cells);
      expect(temperature![0]).to.equal('Pt—Legeme; temp. = ? °C NPU08676 NPU Status: Endelig (final)');
      expect(temperature![1]).to.equal('38,7 °C Over referenceinterval');
      expect(temperature![2]).to.equal(localTime('2026-11-21T09:24:00+01:00'));
      expect(temperature![3]).to.equal('36,5–37,5 °C');
      expect(temperature![4]).to.equal('Ikke referencevurderet (NI)');
      expect(temperature![5]).to.equal('Målt rektalt');
      // No display in the message: the code is shown once, with its system.
      expect(respiration![0]).to.equal('MCS88122 MedCom Status: Endelig (final)');
      expect(respiration![1]).to.equal('24 1/min');
      expect(nitrite![0]).to.equal('NPU21578 NPU Status: Endelig (final)');
      expect(nitrite![1]).to.equal('Negative');
      const time = rows(el)[0]!.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2026-11-21T09:24:00+01:00');

      // Out of range: text and an icon, not colour alone.
      const flag = part(el, 'flag')!;
      expect(squash(flag.textContent)).to.equal('Over referenceinterval');
      expect(flag.querySelector('svg.icon')!.getAttribute('aria-hidden')).to.equal('true');
      expect(rows(el)[0]!.dataset['range']).to.equal('above');
      expect(text(el, 'observations')).to.contain('Akutteamet referencevurderer ikke resultaterne');

      // Who made the observations and who receives them.
      expect(factValue(el, 'Producent', 'performer')).to.equal(
        'Akutteamet, Testkommune SOR-id: 1200000000042 EAN-lokationsnummer: 5790000130047 Producent-id: Kommunal akutfunktion (KAF) Endepunkt: https://sor2.sum.dsdn.dk/#id=1200000000042',
      );
      expect(factValue(el, 'Sundhedsperson', 'performer')).to.equal('Mia Lund');
      expect(factValue(el, 'Rolle', 'performer')).to.equal('Sygeplejerske (sygeplejerske)');
      const phone = part(el, 'performer')!.querySelector('a')!;
      expect(phone.getAttribute('href')).to.equal('tel:+4587654321');
      expect(factValue(el, 'Navn', 'requester')).to.equal('Lægehuset i Testby');
      expect(factValue(el, 'Ydernummer', 'requester')).to.equal('012345');
      expect(factValue(el, 'Kontaktperson (initialer)', 'requester')).to.equal('LA');
      expect(factValue(el, 'SOR-id', 'requester')).to.equal('1200000000035');
      expect(factValue(el, 'EAN-lokationsnummer', 'requester')).to.equal('5790000130030');

      // The patient, the message.
      const banner = root(el).querySelector('samspil-patient-banner')!;
      expect(banner.getAttribute('name')).to.equal('Karin Berggren');
      expect(banner.getAttribute('cpr')).to.equal('1509819996');
      expect(factValue(el, 'Standard', 'message')).to.equal('Kommunale prøvesvar');
      expect(factValue(el, 'Aktivitet', 'message')).to.equal('Ny meddelelse (new-message)');
      expect(factValue(el, 'Rapporttype', 'message')).to.equal('Kommunale prøvesvar (HomeCareReport)');
      expect(factValue(el, 'Rapportens status', 'message')).to.equal('Endelig (final)');
      expect(part(el, 'consent')).to.equal(null);
      expect(part(el, 'correction')).to.equal(null);
      expect(part(el, 'other')).to.equal(null);
    });

    it('renders the same from a Bundle, JSON text and UTF-8 bytes', async () => {
      const bundle = example('home-care-observation');
      const expected = text(await show(bundle), 'base');
      expect(expected).to.contain('38,7 °C');
      expect(text(await show(JSON.stringify(bundle)), 'base')).to.equal(expected);
      expect(text(await show(new TextEncoder().encode(JSON.stringify(bundle))), 'base')).to.equal(expected);
    });

    it('shows the first HomeCareObservation among several messages', async () => {
      const el = await loaded(
        html`<samspil-observation-report
          .messages=${[example('acknowledgement-ok'), example('home-care-observation')]}
        ></samspil-observation-report>`,
      );
      expect(rows(el)).to.have.length(3);
    });
  });

  describe("MedCom's official examples", () => {
    it('renders every example with no console errors and shows its MustSupport values', async () => {
      const files = await officialFiles();
      expect(files.length).to.be.greaterThan(5);
      await withoutConsoleErrors(async () => {
        for (const file of files) {
          const bundle = await official(file);
          const el = await loaded(html`<samspil-observation-report src=${FOLDER + file}></samspil-observation-report>`);
          expect(part(el, 'base'), file).to.exist;
          const observations = resources<Observation>(bundle, 'Observation');
          expect(rows(el), file).to.have.length(observations.length);
          const table = text(el, 'observations');
          for (const o of observations) {
            const coding = o.code.coding![0]!;
            expect(table, `${file} code`).to.contain(coding.code!);
            if (coding.display) expect(table, `${file} display`).to.contain(coding.display);
            const q = o.valueQuantity;
            const shown = q ? `${q.comparator ?? ''}${String(q.value).replace('.', ',')}` : o.valueString!;
            expect(table, `${file} value`).to.contain(shown);
            if (q?.unit) expect(table, `${file} unit`).to.contain(`${shown} ${q.unit}`);
            expect(table, `${file} effective`).to.contain(localTime(o.effectiveDateTime!));
            for (const note of o.note ?? []) expect(table, `${file} note`).to.contain(squash(note.text));
          }
          const practitioner = resources<Practitioner>(bundle, 'Practitioner')[0]!;
          const name = [...(practitioner.name![0]!.given ?? []), practitioner.name![0]!.family]
            .filter(Boolean)
            .join(' ');
          expect(factValue(el, 'Sundhedsperson', 'performer'), file).to.equal(name);
          expect(factValue(el, 'Rolle', 'performer'), file).to.equal('Sygeplejerske (sygeplejerske)');
          expect(part(el, 'performer')!.querySelector('a[href="tel:+4505577668"]'), file).to.exist;
          const producer = resources<Organization>(bundle, 'Organization').find((org) =>
            org.identifier?.some((id) => id.value === 'KAF'),
          )!;
          expect(factValue(el, 'Producent', 'performer'), file).to.contain(producer.name!);
          expect(factValue(el, 'Producent', 'performer'), file).to.contain('Kommunal akutfunktion (KAF)');
          const patient = resources<Patient>(bundle, 'Patient')[0]!;
          const banner = root(el).querySelector('samspil-patient-banner')!;
          expect(banner.getAttribute('cpr'), file).to.equal(patient.identifier![0]!.value);
          expect(banner.getAttribute('name'), file).to.equal(
            [...(patient.name![0]!.given ?? []), patient.name![0]!.family].join(' '),
          );
        }
      });
    });

    it('renders each XML twin the same as its JSON', async () => {
      for (const file of await officialFiles()) {
        const json = await loaded(html`<samspil-observation-report src=${FOLDER + file}></samspil-observation-report>`);
        const xml = await loaded(
          html`<samspil-observation-report
            src=${FOLDER + file.replace(/\.json$/, '.xml')}
          ></samspil-observation-report>`,
        );
        expect(text(xml, 'base'), file).to.equal(text(json, 'base'));
      }
    });

    it('marks refused consent prominently, above the results', async () => {
      const el = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-faa0c104-0ebf-49cb-bad1-9e0f59436e18.json`}
        ></samspil-observation-report>`,
      );
      const consent = part(el, 'consent')!;
      expect(text(el, 'consent')).to.equal(
        'Samtykke afvist Borgeren har ikke givet samtykke til, at resultaterne deles med andre end egen læge. Meddelelsen er mærket fortrolig (R – Restricted).',
      );
      expect(consent.querySelector('svg.icon')).to.exist;
      expect(
        consent.compareDocumentPosition(part(el, 'observations')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.be.greaterThan(0);
      expect(parseFloat(getComputedStyle(consent.querySelector('.alert__title')!).fontSize)).to.be.greaterThan(
        parseFloat(getComputedStyle(part(el, 'observations')!.querySelector('td')!).fontSize),
      );
      expect(factValue(el, 'Fortrolighed', 'message')).to.equal('R – Restricted');
      expect(rows(el).map((row) => cells(row)[1])).to.deep.equal(['1 +', 'Negative', '2 +']);
    });

    it('shows a retraction and a modification with the message they change', async () => {
      const retract = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-5f341feb-9a20-463a-96cc-a9ca8ace5567.json`}
        ></samspil-observation-report>`,
      );
      expect(part(retract, 'correction')!.dataset['kind']).to.equal('retracted');
      expect(text(retract, 'correction')).to.equal(
        'Tilbagekaldt meddelelse Afsenderen har tilbagekaldt en tidligere meddelelse (489de4f2-0d8d-4de2-a7ce-ccb93568799f). Resultaterne herunder er tilbagekaldt og må ikke bruges.',
      );
      expect(factValue(retract, 'Aktivitet', 'message')).to.equal(
        `${activityLabel('retract-message')!.da} (retract-message)`,
      );
      expect(text(retract, 'conclusion')).to.contain('Cancellation due to incorrect CPR-number');
      const modified = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-73996cdc-3192-4d15-bd16-c365ef0085e7.json`}
        ></samspil-observation-report>`,
      );
      expect(part(modified, 'correction')!.dataset['kind']).to.equal('modified');
      expect(text(modified, 'correction')).to.contain('Rettet meddelelse');
      expect(factValue(modified, 'Tidligere meddelelse', 'message')).to.equal('489de4f2-0d8d-4de2-a7ce-ccb93568799f');
    });

    it('keeps the clinical comment’s line breaks and tabs', async () => {
      const el = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-401cbc36-db1e-4fe0-bf90-6df331dde179.json`}
        ></samspil-observation-report>`,
      );
      const comment = part(el, 'conclusion')!.querySelector<HTMLElement>('.text')!;
      expect(comment.innerText).to.contain('ABCDE\nSeFølLyt-Princippet\nA.\tRF 19');
      expect(getComputedStyle(comment).whiteSpace).to.equal('pre-wrap');
    });

    it('shows comparators, an unknown GP contact, a note and an eCPR', async () => {
      const two = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-ReceiveTestExample2.json`}
        ></samspil-observation-report>`,
      );
      expect(rows(two).map((row) => cells(row)[1])).to.deep.equal(['<7,1 mmol/L', '>25 1/min']);
      expect(factValue(two, 'Kontaktperson (initialer)', 'requester')).to.equal('Ikke oplyst (unknown)');
      expect(factValue(two, 'Ydernummer', 'requester')).to.equal('045861');
      expect(cells(rows(two)[0]!)[5]).to.equal('Glucose measurement expected. Patient was not fasting as requested');
      const one = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-ReceiveTestExample1.json`}
        ></samspil-observation-report>`,
      );
      expect(factValue(one, 'Kontaktperson (initialer)', 'requester')).to.equal('SDaA – Some Doctor at Agerskov');
      const three = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-ReceiveTestExample3.json`}
        ></samspil-observation-report>`,
      );
      expect(text(three, 'print-header')).to.equal('Peter Hansen Erstatnings-CPR 0703921VJ5');
    });

    it('previews an image attachment from its content, with its title as alt text', async () => {
      const el = await loaded(
        html`<samspil-observation-report
          src=${`${FOLDER}Bundle-add5e7e2-0c0f-4a4a-bfff-f6f984fa7e3c.json`}
        ></samspil-observation-report>`,
      );
      const image = part(el, 'media-image') as HTMLImageElement;
      expect(image.alt).to.equal('EKG');
      expect(image.src).to.match(/^blob:/);
      await waitUntil(() => image.complete);
      expect(image.naturalWidth).to.be.greaterThan(0);
      const download = part(el, 'media')!.querySelector('a')!;
      expect(download.getAttribute('download')).to.equal('EKG.png');
      expect(download.getAttribute('type')).to.equal('image/png');
      expect(download.textContent).to.equal('Hent EKG');
      expect(text(el, 'media')).to.contain('image/png');
      expect(text(el, 'media')).to.contain(`Oprettet ${localTime('2023-09-13T12:08:08+00:00')}`);
      expect(text(el, 'media')).to.contain('Af Mia, sygeplejerske');
      expect(text(el, 'media')).to.contain('Id: urn:uuid:974e7953-4cc2-465e-bc60-b1750ff41604');
    });
  });

  describe('attachments', () => {
    it('offers other files as downloads with their MIME type, and revokes the blob URLs on disconnect', async () => {
      const revoke = sinon.spy(URL, 'revokeObjectURL');
      try {
        const el = await show(
          build({
            media: [
              { title: 'EKG', contentType: 'image/png', data: PNG, creation: '2026-11-21T09:30:00+01:00' },
              {
                title: 'Medicinliste',
                contentType: 'application/pdf',
                data: PDF,
                creation: '2026-11-21T09:31:00+01:00',
              },
            ],
          }),
        );
        expect(text(el, 'media')).to.contain('Bilag (2)');
        const links = [...part(el, 'media')!.querySelectorAll('a')];
        expect(links.map((a) => a.getAttribute('download'))).to.deep.equal(['EKG.png', 'Medicinliste.pdf']);
        expect(parts(el, 'media-image')).to.have.length(1);
        const pdf = await (await fetch(links[1]!.href)).blob();
        expect(pdf.type).to.equal('application/pdf');
        expect(pdf.size).to.equal(atob(PDF).length);
        expect(text(el, 'media')).to.contain(`application/pdf, ${atob(PDF).length} B`);
        const urls = links.map((a) => a.href);
        const parent = el.parentElement!;
        el.remove();
        expect(revoke.args.map(([url]) => url)).to.include.members(urls);
        // Put back (moved in the page), it makes new URLs for the same content.
        parent.append(el);
        await el.updateComplete;
        const image = part(el, 'media-image') as HTMLImageElement;
        expect(urls).not.to.include(image.src);
        await waitUntil(() => image.complete);
        expect(image.naturalWidth).to.equal(96);
      } finally {
        revoke.restore();
      }
    });

    it('never gives a blob a type MedCom does not allow, and says when content cannot be read', async () => {
      const bundle = build({
        media: [
          { title: 'Side', contentType: 'image/png', data: PNG, creation: '2026-11-21T09:30:00+01:00' },
          { title: 'Brudt', contentType: 'image/png', data: PNG, creation: '2026-11-21T09:30:00+01:00' },
        ],
      });
      const [html1, broken] = resources<Media>(bundle, 'Media');
      html1!.content.contentType = 'text/html';
      html1!.content.data = btoa('<script>window.__samspilPwned = true</script>');
      broken!.content.data = '***not base64***';
      const el = await show(bundle);
      const link = part(el, 'media')!.querySelector('a')!;
      expect(link.getAttribute('download')).to.equal('Side');
      expect((await (await fetch(link.href)).blob()).type).to.equal('application/octet-stream');
      expect(parts(el, 'media-image')).to.have.length(0);
      expect(text(el, 'media')).to.contain('Indholdet kan ikke læses (ugyldig base64).');
    });
  });

  describe('reference ranges', () => {
    const quantity = (value: number, comparator?: string, unit = 'mmol/L') => ({
      kind: 'quantity' as const,
      quantity: { value, comparator, unit, system: undefined, code: undefined },
    });
    const range = (low?: number, high?: number, unit = 'mmol/L') => ({
      low:
        low === undefined ? undefined : { value: low, unit, comparator: undefined, system: undefined, code: undefined },
      high:
        high === undefined
          ? undefined
          : { value: high, unit, comparator: undefined, system: undefined, code: undefined },
      text: undefined,
    });

    it('compares a value with its range, minding comparators and units', () => {
      expect(rangeStatus(quantity(3.9), range(4, 7))).to.equal('below');
      expect(rangeStatus(quantity(4), range(4, 7))).to.equal('within');
      expect(rangeStatus(quantity(7.1), range(4, 7))).to.equal('above');
      expect(rangeStatus(quantity(8), range(undefined, 7))).to.equal('above');
      expect(rangeStatus(quantity(4, '<'), range(4, 7))).to.equal('below');
      expect(rangeStatus(quantity(5, '<'), range(4, 7))).to.equal('unknown');
      expect(rangeStatus(quantity(7, '>'), range(4, 7))).to.equal('above');
      expect(rangeStatus(quantity(7, '>='), range(4, 7))).to.equal('unknown');
      expect(rangeStatus(quantity(9, undefined, 'mg/dL'), range(4, 7))).to.equal('unknown');
      expect(rangeStatus({ kind: 'text', text: 'Negative' }, range(4, 7))).to.equal('unknown');
      expect(rangeStatus(quantity(5), undefined)).to.equal('unknown');
    });

    it('marks values below and above their range with text and an icon', async () => {
      const el = await show(
        build({
          observations: [
            {
              code: { system: 'npu', code: 'NPU22089' },
              value: 2.9,
              unit: 'mmol/L',
              effective: '2026-11-21T09:26:00+01:00',
              referenceRange: { low: 4, high: 7 },
            },
            {
              code: { system: 'npu', code: 'NPU03429' },
              value: 140,
              unit: 'mmol/L',
              effective: '2026-11-21T09:26:00+01:00',
              referenceRange: { low: 137, high: 145 },
            },
            {
              code: { system: 'npu', code: 'NPU19748' },
              value: 80,
              unit: 'mg/L',
              effective: '2026-11-21T09:26:00+01:00',
              referenceRange: { high: 8, text: 'Voksne' },
            },
          ],
        }),
      );
      expect(rows(el).map((row) => row.dataset['range'])).to.deep.equal(['below', 'within', 'above']);
      expect(rows(el).map((row) => cells(row)[1])).to.deep.equal([
        '2,9 mmol/L Under referenceinterval',
        '140 mmol/L',
        '80 mg/L Over referenceinterval',
      ]);
      expect(rows(el).map((row) => cells(row)[3])).to.deep.equal(['4–7 mmol/L', '137–145 mmol/L', '≤ 8 mg/L; Voksne']);
      expect(
        parts(el, 'flag').map((flag) => flag.querySelector('svg')!.classList.contains('icon--down')),
      ).to.deep.equal([true, false]);
    });

    it('shows a UCUM code beside a unit-less value', async () => {
      const el = await show(
        build({
          observations: [
            {
              code: { system: 'medcom', code: 'MCS88125' },
              value: 3,
              ucum: '1',
              effective: '2026-11-21T09:26:00+01:00',
            },
          ],
        }),
      );
      expect(cells(rows(el)[0]!)[1]).to.equal('3 UCUM: 1');
    });
  });

  describe('errors', () => {
    it('shows an error and emits samspil-error for a missing file', async () => {
      const el = document.createElement('samspil-observation-report');
      el.src = '/__shared/medcom/examples/homecareobservation/missing.json';
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await event;
      expect(detail.message).to.contain('HTTP 404');
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(el, 'state')).to.contain('Prøvesvarene kunne ikke vises.');
    });

    it('refuses another kind of message, naming it, with no CPR number anywhere', async () => {
      const el = document.createElement('samspil-observation-report');
      el.messages = [example('care-communication-thread-1-new')];
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await event;
      expect(detail.message).to.equal('Expected a message of kind HomeCareObservation, got CareCommunication');
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(el, 'state')).to.equal('Meddelelsen er ikke kommunale prøvesvar, men: Korrespondancemeddelelse.');
      expect(root(el).textContent).not.to.match(/\d{6}-?\d{4}/);
    });

    it('redacts a CPR number in a parse error', async () => {
      const el = document.createElement('samspil-observation-report');
      el.messages = ['{"resourceType": "Bundle", "patient": "2509479989" oops'];
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await event;
      expect(detail.message).not.to.contain('2509479989');
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(root(el).textContent).not.to.contain('2509479989');
      expect(root(el).textContent).not.to.contain('250947');
    });
  });

  describe('language', () => {
    it('speaks Danish by default and English with lang="en", with the SDK’s labels', async () => {
      const bundle = example('home-care-observation');
      const description = describeMessage(bundle);
      const da = await show(bundle);
      expect(factValue(da, 'Standard', 'message')).to.equal(description.standard.da);
      const en = await show(bundle, { lang: 'en' });
      expect(text(en, 'title')).to.equal('Municipal observation results');
      expect(factValue(en, 'Standard', 'message')).to.equal(description.standard.en);
      expect(factValue(en, 'Activity', 'message')).to.equal('New message (new-message)');
      const [temperature] = rows(en).map(cells);
      expect(temperature![1]).to.equal('38.7 °C Above reference range');
      expect(temperature![2]).to.equal(localTime('2026-11-21T09:24:00+01:00', 'en'));
      expect(temperature![4]).to.equal('Not interpreted (NI)');
      expect(factValue(en, 'Role', 'performer')).to.equal('Nurse (sygeplejerske)');
      expect(factValue(en, 'Producer', 'performer')).to.contain('Municipal acute care team (KAF)');
      expect(root(en).querySelector('thead')!.textContent).to.contain('Reference range');
      expect(formatInstant('2026-11-21', 'en')).to.equal('21/11/2026');
    });

    it('takes the host’s strings at runtime', async () => {
      const el = await show(build({ conclusion: 'Feber.' }));
      setStrings('da', { obsConclusionHeading: 'Sygeplejefaglig vurdering' });
      await el.updateComplete;
      expect(squash(part(el, 'conclusion')!.querySelector('h3')!.textContent)).to.equal('Sygeplejefaglig vurdering');
    });
  });

  describe('print', () => {
    it('repeats the patient’s name and CPR number at the top of every printed page', async () => {
      const el = await show(example('home-care-observation'));
      await expectFixedPrintHeader(part(el, 'print-header')!, (header) => {
        expect(header).to.equal('Karin Berggren CPR-nr. 150981-9996');
      });
    });

    it('opens closed sections for printing and closes them again', async () => {
      const bundle = build({});
      resources<Observation>(bundle, 'Observation')[0]!.method = { text: 'Øretermometer' };
      const el = await show(bundle);
      const other = part(el, 'other') as HTMLDetailsElement;
      expect(other.open).to.equal(false);
      window.dispatchEvent(new Event('beforeprint'));
      expect(other.open).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(other.open).to.equal(false);
      expect(text(el, 'other')).to.contain('.method {"text":"Øretermometer"}');
    });
  });

  describe('hostile content', () => {
    it('shows script and markup in every free-text field as text, and runs none of it', async () => {
      delete (window as { __samspilPwned?: boolean }).__samspilPwned;
      const [a, b, c, d] = HOSTILE_PAYLOADS;
      const bundle = build({
        conclusion: `${a}\n${b}`,
        media: [{ title: c!, contentType: 'image/png', data: PNG, creation: '2026-11-21T09:30:00+01:00' }],
        observations: [
          {
            code: { system: 'npu', code: 'NPU08676', display: a },
            value: d!,
            effective: '2026-11-21T09:24:00+01:00',
            referenceRange: { text: b },
            note: c,
          },
        ],
      });
      const patient = resources<Patient>(bundle, 'Patient')[0]!;
      patient.name = [{ use: 'official', family: b, given: [a!] }];
      const practitioner = resources<Practitioner>(bundle, 'Practitioner')[0]!;
      practitioner.name = [{ family: c }];
      practitioner.telecom = [
        { system: 'phone', value: d },
        { system: 'email', value: a },
      ];
      for (const org of resources<Organization>(bundle, 'Organization')) {
        org.name = d;
        if (org.contact) org.contact = [{ name: { given: [b!], text: c } }];
      }
      const observation = resources<Observation>(bundle, 'Observation')[0]!;
      observation.code.text = c;
      observation.interpretation![0]!.text = d;
      observation.interpretation![0]!.coding![0]!.display = a;
      const el = await show(bundle);
      await expectInert(root(el), 'script, img[onerror], [onload], [onerror]');
      expect([...root(el).querySelectorAll('svg')].every((svg) => svg.classList.contains('icon'))).to.equal(true);
      for (const link of root(el).querySelectorAll('a'))
        expect(link.getAttribute('href')).not.to.match(/^javascript:/i);
      expectShownAsText(root(el));
      expect(part(el, 'media-image')!.getAttribute('alt')).to.equal(c);
      expect(text(el, 'print-header')).to.contain(a!);
      expect(telHref(d!)).to.equal(undefined);
    });

    it('stays visible under hostile page CSS and adds no styles to the page', async () => {
      const el = document.createElement('samspil-observation-report');
      el.messages = [example('home-care-observation')];
      await underHostilePageCss(
        el,
        () => waitUntil(() => part(el, 'base')),
        () => expectUntouched([part(el, 'title')!, part(el, 'table')!, part(el, 'flag')!, part(el, 'performer')!]),
      );
    });
  });

  describe('keyboard', () => {
    it('reaches every link and summary with Tab, in document order, with a visible focus ring', async () => {
      const el = await betweenButtons<SamspilObservationReport>(
        html`<samspil-observation-report
          .messages=${[
            build({
              media: [{ title: 'EKG', contentType: 'image/png', data: PNG, creation: '2026-11-21T09:30:00+01:00' }],
            }),
          ]}
        ></samspil-observation-report>`,
        'samspil-observation-report',
      );
      await waitUntil(() => part(el, 'base'));
      const expected = [...root(el).querySelectorAll<HTMLElement>('a[href], summary')];
      expect(expected.map((node) => squash(node.textContent))).to.deep.equal([
        'Hent EKG',
        '+4587654321',
        'Om meddelelsen',
      ]);
      await expectTabOrder(el, expected, 5);
      await expectSummaryToggles(expected.at(-1)!);
    });
  });
});
