// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import type { Bundle, Communication, Resource } from '@medplum/fhirtypes';
import { HOSTILE_PAYLOADS } from '@samspil/fixtures/letters';
import { buildCareCommunication, categoryLabel, type Thread } from '@samspil/sdk';
import { exampleMessages, EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from '@samspil/sdk/examples';
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
  withoutConsoleErrors,
} from '../internal/browser.test-support.js';
import type { SamspilMessageComposer } from '../message-composer/message-composer.js';
import '../message-composer/define.js';
import type { SamspilMessageThread } from './message-thread.js';
import './define.js';

const OFFICIAL = '/__shared/medcom/examples/carecommunication/';
// MedCom's thread A→B→A→C→B, in sending order: Bundle ids and their MessageHeader ids.
const THREAD = [
  ['add5e7e2', '42cb9200-f421-4d08-8391-7d51a2503cb4'],
  ['b56549f7', 'd5bd2111-2576-48d3-84d4-8be0297a038d'],
  ['3dcb5618', '4dff3695-218d-4878-838a-5f23cbba6f82'],
  ['c0426e3e', 'aac67161-d0de-4933-a78c-060beafb4814'],
  ['d11968f5', '2654e182-cfee-4537-b744-e36231ebe2f3'],
] as const;
const HEADER_IDS = THREAD.map(([, header]) => header);
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAN0lEQVR42mP4TwTgDp6CFRGjl2HUglELRi0YtYAIC3BpphYatWDUgqFgwWhRMWrBqAWjFgwCCwCiVGE5DPyzkAAAAABJRU5ErkJggg==';

const EXAMPLES = exampleMessages();
const named = (name: string): Bundle => {
  const found = EXAMPLES.find((example) => example.name === name);
  if (!found) throw new Error(name);
  return found.bundle;
};
const SYNTHETIC = [
  named('care-communication-thread-1-new'),
  named('care-communication-thread-2-reply'),
  named('care-communication-thread-3-forward-with-attachment'),
];
const ASAP = named('care-communication-regarding-referral-asap');

let officialFiles: string[] | undefined;
/** The official CareCommunication examples' file names, from the test server's folder listing. */
async function officialIndex(): Promise<string[]> {
  officialFiles ??= (await (await fetch(`${OFFICIAL}index.json`)).json()) as string[];
  return officialFiles;
}

async function officialUrl(id: string): Promise<string> {
  const file = (await officialIndex()).find((name) => name.startsWith(`Bundle-${id}`) && name.endsWith('.json'));
  if (!file) throw new Error(`no official example ${id}`);
  return OFFICIAL + file;
}

async function officialThread(): Promise<Bundle[]> {
  return Promise.all(THREAD.map(async ([id]) => (await fetch(await officialUrl(id))).json() as Promise<Bundle>));
}

const root = (el: HTMLElement) => el.shadowRoot!;
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const entries = (el: HTMLElement) => parts(el, 'entry');
const factOf = (entry: HTMLElement, label: string) => {
  const dt = [...entry.querySelectorAll('dt')].find((candidate) => squash(candidate.textContent) === label);
  return squash(dt?.nextElementSibling?.textContent);
};

/** Renders and waits until the thread (or an error) shows. */
async function shown(template: TemplateResult): Promise<SamspilMessageThread> {
  const el = await fixture<SamspilMessageThread>(template);
  await waitUntil(
    () => part(el, 'base') || part(el, 'state')?.getAttribute('role') === 'alert',
    'the thread did not render',
  );
  await el.updateComplete;
  return el;
}

const thread = (messages: readonly unknown[], attrs: { lang?: string; theme?: 'light' | 'dark' } = {}) =>
  shown(
    html`<samspil-message-thread
      .messages=${messages as Bundle[]}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
    ></samspil-message-thread>`,
  );

/** A FHIR dateTime as the viewer shows it: in this browser's time zone. */
function local(value: string, locale: 'da' | 'en' = 'da'): string {
  const at = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = [pad(at.getDate()), pad(at.getMonth() + 1), at.getFullYear()].join(locale === 'da' ? '.' : '/');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return locale === 'da' ? `${date} kl. ${time}` : `${date} ${time}`;
}

/** A new message with an image and a PDF attached, built with the SDK. */
function withAttachments(): Bundle {
  let n = 0;
  return buildCareCommunication(
    {
      sender: EXAMPLE_PARTIES.municipality,
      receiver: EXAMPLE_PARTIES.hospital,
      patient: EXAMPLE_PATIENTS.bruno,
      category: 'nursing',
      topic: 'Sår på venstre ankel',
      texts: [
        {
          text: 'Billede af såret i dag.\nSe også vurderingen.',
          author: { family: 'Pedersen', given: ['Jonas'], role: 'sygeplejerske' },
          phone: '+4544527000',
        },
      ],
      attachments: [
        { title: 'Sår, venstre ankel', contentType: 'image/png', data: PNG },
        { title: 'Sårvurdering', contentType: 'application/pdf', data: 'JVBERi0xLjQKJSVFT0YK' },
      ],
    },
    {
      now: () => new Date('2026-11-10T08:15:00Z'),
      newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    },
  );
}

const communicationOf = (bundle: Bundle) =>
  bundle.entry?.find((e) => e.resource?.resourceType === 'Communication')?.resource as Communication;

/** A deep copy of the messages with a hostile payload in every free-text field the viewer shows. */
function poisoned(messages: readonly Bundle[]): Bundle[] {
  let n = 0;
  const next = () => HOSTILE_PAYLOADS[n++ % HOSTILE_PAYLOADS.length] as string;
  const copies = JSON.parse(JSON.stringify(messages)) as Bundle[];
  for (const bundle of copies) {
    for (const entry of bundle.entry ?? []) {
      const resource = entry.resource as Resource & Record<string, unknown>;
      switch (resource.resourceType) {
        case 'Organization':
          resource.name = next();
          break;
        case 'Practitioner':
        case 'Patient':
          resource.name = [{ use: 'official', family: next(), given: [next()] }];
          break;
        case 'PractitionerRole':
          resource.code = [{ text: next() }];
          break;
        case 'Communication': {
          resource.topic = { text: next() };
          for (const payload of resource.payload ?? []) {
            if (payload.contentString !== undefined) payload.contentString = next();
            if (payload.contentAttachment) payload.contentAttachment.title = next();
            for (const extension of payload.extension ?? []) {
              if (extension.valueContactPoint) extension.valueContactPoint.value = next();
            }
          }
          // An attachment becomes a javascript: link, which must never be one.
          const file = resource.payload?.find((payload) => payload.contentAttachment);
          if (file?.contentAttachment) {
            delete file.contentAttachment.data;
            delete file.contentAttachment.contentType;
            file.contentAttachment.url = 'javascript:window.__samspilPwned = true';
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return copies;
}

describe('<samspil-message-thread>', () => {
  afterEach(() => resetStrings());

  describe('accessibility', () => {
    it('is accessible with the synthetic thread', async () => {
      const el = await thread(SYNTHETIC);
      await expect(el).to.be.accessible();
    });

    it('is accessible with the official thread, attachments, asap and gaps', async () => {
      const official = await thread(await officialThread());
      await expect(official).to.be.accessible();
      const files = await thread([withAttachments()]);
      await waitUntil(() => (root(files).querySelector('img') as HTMLImageElement | null)?.complete);
      await expect(files).to.be.accessible();
      const asap = await thread([ASAP]);
      await expect(asap).to.be.accessible();
      const gaps = await thread([(await officialThread())[4] as Bundle]);
      await expect(gaps).to.be.accessible();
    });

    it('is accessible while loading, when empty and on error', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const loading = await fixture<SamspilMessageThread>(
          html`<samspil-message-thread src="/never.json"></samspil-message-thread>`,
        );
        expect(part(loading, 'state')?.getAttribute('aria-busy')).to.equal('true');
        await expect(loading).to.be.accessible();
      } finally {
        pending.restore();
      }
      const empty = await fixture<SamspilMessageThread>(html`<samspil-message-thread></samspil-message-thread>`);
      await expect(empty).to.be.accessible();
      const failed = await shown(html`<samspil-message-thread src="/__shared/missing.json"></samspil-message-thread>`);
      await expect(failed).to.be.accessible();
    });

    it('is accessible in English, in the dark theme, in print preview and with a composer', async () => {
      await expect(await thread(SYNTHETIC, { lang: 'en' })).to.be.accessible();
      await expect(await thread([...SYNTHETIC, withAttachments()], { theme: 'dark' })).to.be.accessible();
      const preview = await shown(
        html`<samspil-message-thread .messages=${SYNTHETIC} print-preview></samspil-message-thread>`,
      );
      await expect(preview).to.be.accessible();
      const composing = await shown(
        html`<samspil-message-thread .messages=${SYNTHETIC}>
          <samspil-message-composer slot="composer" .author=${{ family: 'Hansen', role: 'sygeplejerske' }}>
          </samspil-message-composer>
        </samspil-message-thread>`,
      );
      await expect(composing).to.be.accessible();
    });
  });

  describe('the official thread', () => {
    it('renders the five messages in sending order from a shuffled input, and emits samspil-load', async () => {
      const messages = await officialThread();
      const shuffled = [messages[3], messages[0], messages[4], messages[2], messages[1]] as Bundle[];
      const el = document.createElement('samspil-message-thread');
      el.messages = shuffled;
      const loaded = oneEvent(el, 'samspil-load');
      (await fixture(html`<div></div>`)).append(el);
      const model = (await loaded).detail.model as Thread;
      expect(model.entries.map((entry) => entry.messageHeaderId)).to.deep.equal(HEADER_IDS);
      await waitUntil(() => part(el, 'base'));

      const shown = entries(el);
      expect(shown.map((entry) => entry.dataset['messageHeaderId'])).to.deep.equal(HEADER_IDS);
      expect(shown.map((entry) => squash(entry.querySelector('.entry__title')?.textContent))).to.deep.equal([
        '1. Ny meddelelse fra Hjerteafdelingen på Herlev og Gentofte hospital',
        '2. Svar fra Plejecenter Herlev',
        '3. Svar fra Hjerteafdelingen på Herlev og Gentofte hospital',
        '4. Videresendelse fra Plejecenter Herlev',
        '5. Videresendelse fra SOR 1042981000016003',
      ]);
      expect(shown.map((entry) => factOf(entry, 'Skrevet af'))).to.deep.equal([
        'Michael Burns, sygeplejerske',
        'Emma Waters, sygeplejerske',
        'Michael Burns, sygeplejerske',
        'Emma Waters, sygeplejerske',
        'Ann Marie Wounds, Visitator',
      ]);
      const texts = shown.map((entry) =>
        [...entry.querySelectorAll('[part~="text"]')].map((text) => squash(text.textContent).slice(0, 24)),
      );
      expect(texts).to.deep.equal([
        ['Til rette vedkommende. V'],
        ['Hej Michael, Resultatern'],
        ['Mange tak for fremsendte'],
        ['Hej - Jeg håber det er o'],
        ['Hej Emma, Jeg har vedhæf'],
      ]);
      // Sender, receiver, category with its label and code, topic, thread ids, the answered message.
      const first = shown[0] as HTMLElement;
      expect(factOf(first, 'Fra')).to.equal(
        'Hjerteafdelingen på Herlev og Gentofte hospital (SOR 265161000016000, GLN 5790000209354)',
      );
      expect(factOf(first, 'Til')).to.contain('Plejecenter Herlev');
      expect(factOf(first, 'Kategori')).to.equal('Undersøgelsessvar (examination-results)');
      expect(factOf(first, 'Emne')).to.equal('Forspørgsel på seneste resultater');
      expect(factOf(first, 'Tråd-id')).to.equal('urn:uuid:b2eb3d0e-5de5-4de9-b2a3-0ff321ad1c3a');
      expect(factOf(shown[1] as HTMLElement, 'Tråd-id')).to.equal('');
      expect(factOf(shown[3] as HTMLElement, 'Tråd-id')).to.equal('urn:uuid:546b19ba-3e50-4da8-b9ec-7caeefad6928');
      expect(factOf(shown[1] as HTMLElement, 'Svar på')).to.equal('meddelelse 1');
      expect(factOf(shown[3] as HTMLElement, 'Videresender')).to.equal('meddelelse 3');
      // The time, in the reader's time zone, with the machine-readable value.
      const time = first.querySelector<HTMLTimeElement>('.entry__when time')!;
      expect(time.dateTime).to.equal('2024-05-01T12:00:00+02:00');
      expect(time.textContent).to.equal(local('2024-05-01T12:00:00+02:00'));
      // A forward passed on messages 1–3: they are marked.
      expect(shown.map((entry) => entry.getAttribute('part')?.includes('forwarded'))).to.deep.equal([
        true,
        true,
        true,
        false,
        false,
      ]);
      // The phone number as a tel: link; the official blood-test PDF and the link attachment.
      expect(first.querySelector('a[href^="tel:"]')?.getAttribute('href')).to.equal('tel:+4538683868');
      const pdf = (shown[1] as HTMLElement).querySelector<HTMLAnchorElement>('a[download]')!;
      expect(pdf.download).to.equal('Blodprøveresultater');
      const link = (shown[4] as HTMLElement).querySelector<HTMLAnchorElement>('.attachment__link')!;
      expect(link.getAttribute('href')).to.equal('https://medcom.dk/projekter/korrespondancemeddelelse/');
      expect(link.rel).to.contain('noopener');
    });

    it('loads the same thread from src URLs, JSON text, bytes and FHIR XML (once XML is enabled)', async () => {
      const urls = await Promise.all(THREAD.map(([id]) => officialUrl(id)));
      const xmlUrl = urls[0]!.replace(/\.json$/, '.xml');
      const disabled = await shown(html`<samspil-message-thread src=${xmlUrl}></samspil-message-thread>`);
      expect(squash(part(disabled, 'state')!.textContent)).to.contain('@samspil/components/fhir-xml.js');
      await import('../fhir-xml/define.js');
      const fromSrc = await shown(
        html`<samspil-message-thread src=${[...urls].reverse().join('\n ')}></samspil-message-thread>`,
      );
      const expected = squash(part(fromSrc, 'thread')!.textContent);
      expect(entries(fromSrc).map((entry) => entry.dataset['messageHeaderId'])).to.deep.equal(HEADER_IDS);
      const texts = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
      const xml = await Promise.all(urls.map(async (url) => (await fetch(url.replace(/\.json$/, '.xml'))).text()));
      const encoder = new TextEncoder();
      for (const messages of [texts, texts.map((text) => encoder.encode(text)), xml]) {
        const el = await thread(messages);
        expect(squash(part(el, 'thread')!.textContent)).to.equal(expected);
      }
    });

    it('renders every official CareCommunication example, JSON and XML, without console errors', async () => {
      await import('../fhir-xml/define.js');
      const files = await officialIndex();
      expect(files.length).to.be.greaterThan(10);
      await withoutConsoleErrors(async () => {
        for (const file of files.filter((name) => /^Bundle-.*\.(json|xml)$/.test(name))) {
          const el = await shown(html`<samspil-message-thread src=${OFFICIAL + file}></samspil-message-thread>`);
          expect(part(el, 'base'), file).to.exist;
          expect(entries(el).length, file).to.be.greaterThan(0);
          const received = entries(el).filter((entry) => !entry.getAttribute('part')?.includes('gap'));
          expect(received.length, file).to.equal(1);
        }
      });
    });

    it('shows the example with every optional part: asap, topic, attachments and an OIOXML predecessor', async () => {
      const el = await shown(
        html`<samspil-message-thread src=${await officialUrl('gfd00bc2')}></samspil-message-thread>`,
      );
      const entry = entries(el)[0] as HTMLElement;
      expect(entry.getAttribute('part')).to.contain('asap');
      expect(factOf(entry, 'Kategori')).to.equal('Vedr. henvisning (regarding-referral)');
      expect(factOf(entry, 'Prioritet')).to.equal('Haster (asap)');
      expect(factOf(entry, 'Emne')).to.equal('Journal notat');
      expect(entry.querySelectorAll('[part~="attachment"]')).to.have.length(2);
      const legacy = await shown(
        html`<samspil-message-thread src=${await officialUrl('k7bfbc0c')}></samspil-message-thread>`,
      );
      expect(factOf(entries(legacy)[0] as HTMLElement, 'Fortsætter brev')).to.equal('B300720181623#5790000121526');
    });
  });

  describe('the synthetic thread', () => {
    it('shows new → reply → forward with line breaks kept, patient banner and forwarded marks', async () => {
      const el = await thread([SYNTHETIC[2], SYNTHETIC[0], SYNTHETIC[1]]);
      const shown = entries(el);
      expect(shown.map((entry) => squash(entry.querySelector('.entry__title')?.textContent))).to.deep.equal([
        '1. Ny meddelelse fra Medicinsk Afdeling M1, Testhospitalet Nord',
        '2. Svar fra Hjemmeplejen, Testkommune',
        '3. Videresendelse fra Medicinsk Afdeling M1, Testhospitalet Nord',
      ]);
      const text = (shown[0] as HTMLElement).querySelector<HTMLElement>('[part~="text"]')!;
      expect(text.innerText).to.equal(
        'Bruno udskrives mandag.\nKan hjemmeplejen overtage dosisdispenseringen fra tirsdag?',
      );
      expect(getComputedStyle(text).whiteSpace).to.equal('pre-wrap');
      expect(factOf(shown[0] as HTMLElement, 'Kategori')).to.equal('Medicin (medicine)');
      expect(factOf(shown[2] as HTMLElement, 'Til')).to.contain('Lægehuset i Testby');
      expect(shown.map((entry) => !!entry.querySelector('.badge--forwarded'))).to.deep.equal([true, true, false]);
      const banner = root(el).querySelector('samspil-patient-banner')!;
      await banner.updateComplete;
      expect(squash(banner.shadowRoot!.textContent)).to.contain('Bruno Test Elmer');
      expect(squash(banner.shadowRoot!.textContent)).to.contain('250947-9989');
      expect(squash(part(el, 'title')!.textContent)).to.equal('Korrespondance');
      expect(part(el, 'title')!.tagName).to.equal('H2');
      expect((shown[0] as HTMLElement).querySelector('.entry__title')!.tagName).to.equal('H3');
    });

    it('makes gaps visible when only the last message is given', async () => {
      const el = await thread([SYNTHETIC[2]]);
      const shown = entries(el);
      expect(shown.map((entry) => entry.getAttribute('part')?.includes('gap'))).to.deep.equal([true, true, false]);
      const gap = shown[0] as HTMLElement;
      expect(squash(gap.querySelector('.badge--gap')?.textContent)).to.equal('Ikke modtaget');
      expect(squash(gap.textContent)).to.contain('Denne meddelelse er ikke modtaget her.');
      // What the later message carries of it is still shown.
      expect(squash(gap.querySelector('[part~="text"]')?.textContent)).to.contain('Bruno udskrives mandag.');
      expect(getComputedStyle(gap).borderTopStyle).to.equal('dashed');
    });

    it('warns when the messages name more than one patient', async () => {
      const mixed = await thread([...SYNTHETIC, ASAP]);
      expect(squash(part(mixed, 'patient-warning')?.textContent)).to.contain(
        'meddelelserne gælder ikke den samme patient',
      );
      await expect(mixed).to.be.accessible();
      expect(part(await thread(SYNTHETIC), 'patient-warning')).to.equal(null);
    });

    it('shows priority asap prominently', async () => {
      const el = await thread([ASAP]);
      const entry = entries(el)[0] as HTMLElement;
      const badge = entry.querySelector<HTMLElement>('.badge--asap')!;
      expect(squash(badge.textContent)).to.equal('Haster (asap)');
      expect(badge.tagName).to.equal('STRONG');
      const title = entry.querySelector('.entry__title')!;
      expect(parseFloat(getComputedStyle(badge).fontSize)).to.be.at.least(
        parseFloat(getComputedStyle(title).fontSize) - 1.5,
      );
      expect(getComputedStyle(badge).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
      expect(factOf(entry, 'Kategori')).to.equal('Vedr. henvisning (regarding-referral)');
      // Without asap, no marker.
      const plain = await thread(SYNTHETIC);
      expect(root(plain).querySelector('.badge--asap')).to.equal(null);
    });
  });

  describe('attachments', () => {
    it('previews an image and offers typed downloads named by the title', async () => {
      const el = await thread([withAttachments()]);
      const image = root(el).querySelector<HTMLImageElement>('img[part~="preview"]')!;
      expect(image.alt).to.equal('Sår, venstre ankel');
      expect(image.src).to.match(/^blob:/);
      await waitUntil(() => image.complete && image.naturalWidth > 0, 'the preview did not load');
      expect(image.naturalWidth).to.equal(32);

      const downloads = [...root(el).querySelectorAll<HTMLAnchorElement>('a[download]')];
      expect(downloads.map((a) => a.download)).to.deep.equal(['Sår, venstre ankel', 'Sårvurdering']);
      expect(downloads.map((a) => a.type)).to.deep.equal(['image/png', 'application/pdf']);
      for (const [a, type] of [
        [downloads[0], 'image/png'],
        [downloads[1], 'application/pdf'],
      ] as const) {
        expect(a!.href).to.match(/^blob:/);
        const blob = await (await fetch(a!.href)).blob();
        expect(blob.type).to.equal(type);
      }
      expect(new Uint8Array(await (await fetch(downloads[1]!.href)).arrayBuffer()).slice(0, 5)).to.deep.equal(
        new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
      );
      // PDFs and images also open in a new tab; every attachment link is a blob: URL, never javascript:.
      const opens = [...root(el).querySelectorAll<HTMLAnchorElement>('a[target="_blank"]')];
      expect(opens).to.have.length(2);
      for (const a of root(el).querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(blob:|tel:)/);
      expect(squash(root(el).querySelector('.attachment__kind')?.textContent)).to.equal(
        'Vedhæftet fil (image/png, 112 byte)',
      );
    });

    it('revokes the blob URLs when the element leaves the page, and makes new ones when it returns', async () => {
      const el = await thread([withAttachments()]);
      const href = root(el).querySelector<HTMLAnchorElement>('a[download]')!.href;
      expect((await fetch(href)).ok).to.equal(true);
      const parent = el.parentElement!;
      el.remove();
      let failed = false;
      try {
        await fetch(href);
      } catch {
        failed = true;
      }
      expect(failed, 'a revoked blob URL cannot be fetched').to.equal(true);
      parent.append(el);
      await el.updateComplete;
      const again = root(el).querySelector<HTMLAnchorElement>('a[download]')!.href;
      expect(again).not.to.equal(href);
      expect((await fetch(again)).ok).to.equal(true);
    });

    it('says when a reply carries an attachment without its file, and types unknown data as a download', async () => {
      const messages = await officialThread();
      // 3dcb5618 is a reply: it names the blood-test PDF but carries no data.
      const el = await thread([messages[2] as Bundle]);
      expect(squash(root(el).textContent)).to.contain('Filen følger ikke med her');
      const odd = JSON.parse(JSON.stringify(withAttachments())) as Bundle;
      const payload = communicationOf(odd).payload![2]!;
      payload.contentAttachment!.contentType = 'text/html' as never;
      payload.contentAttachment!.data = btoa('<script>window.__samspilPwned = true</script>');
      const html5 = await thread([odd]);
      const download = root(html5).querySelectorAll<HTMLAnchorElement>('a[download]')[1]!;
      expect((await (await fetch(download.href)).blob()).type).to.equal('application/octet-stream');
      expect(root(html5).querySelectorAll('a[target="_blank"]')).to.have.length(1);
    });
  });

  describe('states', () => {
    it('shows an empty state without input', async () => {
      const el = await fixture<SamspilMessageThread>(html`<samspil-message-thread></samspil-message-thread>`);
      expect(squash(part(el, 'state')!.textContent)).to.equal('Ingen korrespondance at vise.');
    });

    it('shows a loading state while the messages are fetched', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const el = await fixture<SamspilMessageThread>(
          html`<samspil-message-thread src="/a.json /b.json"></samspil-message-thread>`,
        );
        expect(squash(part(el, 'state')!.textContent)).to.equal('Henter korrespondance …');
        expect(part(el, 'state')!.getAttribute('role')).to.equal('status');
      } finally {
        pending.restore();
      }
    });

    it('shows an error and emits samspil-error for a missing file', async () => {
      const el = document.createElement('samspil-message-thread');
      el.src = `${OFFICIAL}missing.json`;
      const failed = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      expect((await failed).detail.message).to.contain('404');
      await waitUntil(() => part(el, 'state')?.getAttribute('role') === 'alert');
      expect(squash(part(el, 'state')!.textContent)).to.contain('Korrespondancen kunne ikke vises.');
    });

    it('shows an error without the CPR number for a message that is no CareCommunication', async () => {
      const notification = named('hospital-notification-a-01-admit-inpatient');
      for (const messages of [[notification], [SYNTHETIC[0], notification], ['{"resourceType": 2509479989']]) {
        const el = document.createElement('samspil-message-thread');
        el.messages = messages as Bundle[];
        const failed = oneEvent(el, 'samspil-error');
        (await fixture(html`<div></div>`)).append(el);
        const { detail } = await failed;
        await waitUntil(() => part(el, 'state')?.getAttribute('role') === 'alert');
        const text = `${squash(part(el, 'state')!.textContent)} ${detail.message}`;
        expect(text).to.contain('Korrespondancen kunne ikke vises.');
        expect(text).not.to.match(/2509479989|250947-9989|\d{6}-\d{4}/);
      }
    });
  });

  describe('language', () => {
    it('is Danish by default and English with lang="en", category labels from the SDK', async () => {
      const el = await thread(SYNTHETIC);
      el.lang = 'en';
      await el.updateComplete;
      const first = entries(el)[0] as HTMLElement;
      expect(squash(first.querySelector('.entry__title')?.textContent)).to.equal(
        '1. New message from Medicinsk Afdeling M1, Testhospitalet Nord',
      );
      expect(factOf(first, 'Category')).to.equal(`${categoryLabel('medicine')!.en} (medicine)`);
      expect(factOf(first, 'Written by')).to.equal('Mette Hansen, sygeplejerske');
      const time = first.querySelector('.entry__when time')!;
      expect(time.textContent).to.equal(local(time.getAttribute('datetime')!, 'en'));
      expect(squash(part(el, 'title')!.textContent)).to.equal('Correspondence');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
      expect(squash((entries(el)[1] as HTMLElement).querySelector('.entry__title')?.textContent)).to.match(
        /^2\. Reply/,
      );
    });

    it('uses strings the host overrides at runtime', async () => {
      const el = await thread(SYNTHETIC);
      setStrings('da', { mtTitle: 'Dialog med kommunen', mtActivity: { new: 'Ny', reply: 'Svar', forward: 'Vid.' } });
      await el.updateComplete;
      expect(squash(part(el, 'title')!.textContent)).to.equal('Dialog med kommunen');
      expect(squash(entries(el)[2]!.querySelector('.entry__title')?.textContent)).to.match(/^3\. Vid\. fra/);
    });
  });

  describe('print', () => {
    it('repeats the patient name and formatted CPR in a fixed print header', async () => {
      const el = await thread(SYNTHETIC);
      await expectFixedPrintHeader(part(el, 'print-header')!, (header) => {
        expect(header).to.contain('Bruno Test Elmer');
        expect(header).to.contain('CPR-nr. 250947-9989');
        expect(getComputedStyle(part(el, 'composer')!).display).to.equal('none');
      });
    });

    it('shows the print header in print preview and expands long texts', async () => {
      const long = JSON.parse(JSON.stringify(SYNTHETIC[0])) as Bundle;
      communicationOf(long).payload![0]!.contentString = Array.from({ length: 12 }, (_, i) => `Linje ${i + 1}`).join(
        '\n',
      );
      const screen = await thread([long]);
      const details = root(screen).querySelector('details')!;
      expect(details.open).to.equal(true);
      window.dispatchEvent(new Event('beforeprint'));
      details.open = false;
      window.dispatchEvent(new Event('afterprint'));
      window.dispatchEvent(new Event('beforeprint'));
      expect(details.open).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(details.open).to.equal(false);
      const preview = await shown(
        html`<samspil-message-thread .messages=${[long]} print-preview></samspil-message-thread>`,
      );
      expect(root(preview).querySelectorAll('details')).to.have.length(0);
      expect(getComputedStyle(part(preview, 'print-header')!).display).to.equal('flex');
    });
  });

  describe('hostile input', () => {
    it('shows hostile texts, names, titles and links as text and runs nothing', async () => {
      const messages = poisoned(SYNTHETIC);
      const el = await thread(messages);
      await expectInert(root(el), ACTIVE_CONTENT, /^(tel:|https?:|blob:)/);
      expectShownAsText(root(el), [...HOSTILE_PAYLOADS, 'javascript:window.__samspilPwned = true']);
      expect(squash(root(el).textContent)).to.contain('Adressen vises kun som tekst');
      const banner = root(el).querySelector('samspil-patient-banner')!;
      expect(banner.shadowRoot!.querySelectorAll('script, img, svg')).to.have.length(0);
    });

    it('stays visible under hostile page CSS and adds no styles to the page', async () => {
      const el = document.createElement('samspil-message-thread');
      el.messages = SYNTHETIC;
      await underHostilePageCss(
        el,
        () => waitUntil(() => part(el, 'base')),
        () => expectUntouched([part(el, 'title')!, entries(el)[0]!, root(el).querySelector('[part~="text"]')!]),
      );
    });
  });

  describe('keyboard', () => {
    it('reaches every link and summary with Tab, in document order, with a visible focus ring', async () => {
      const long = JSON.parse(JSON.stringify(SYNTHETIC[0])) as Bundle;
      communicationOf(long).payload![0]!.contentString = Array.from({ length: 12 }, (_, i) => `Linje ${i}`).join('\n');
      const el = await betweenButtons<SamspilMessageThread>(
        html`<samspil-message-thread .messages=${[long, SYNTHETIC[1], SYNTHETIC[2]]}></samspil-message-thread>`,
        'samspil-message-thread',
      );
      await waitUntil(() => part(el, 'base'));
      const expected = [...root(el).querySelectorAll<HTMLElement>('a[href], summary')];
      expect(expected.length).to.be.greaterThan(4);
      await expectTabOrder(el, expected, 3);
      await expectSummaryToggles(
        expected.find((node) => node.tagName === 'SUMMARY')!,
        { space: false },
      );
    });
  });

  describe('composer slot', () => {
    it('binds a slotted composer to the newest message and the thread, and shows it under the thread', async () => {
      const el = await shown(
        html`<samspil-message-thread .messages=${[SYNTHETIC[1], SYNTHETIC[0]]}>
          <samspil-message-composer slot="composer"></samspil-message-composer>
        </samspil-message-thread>`,
      );
      const composer = el.querySelector<SamspilMessageComposer>('samspil-message-composer')!;
      expect(composer.previous).to.equal(SYNTHETIC[1]);
      expect(composer.earlier).to.deep.equal([SYNTHETIC[1], SYNTHETIC[0]]);
      const box = part(el, 'composer')!;
      expect(getComputedStyle(box).display).not.to.equal('none');
      expect(box.compareDocumentPosition(part(el, 'thread')!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
      el.messages = SYNTHETIC;
      await waitUntil(() => composer.previous === SYNTHETIC[2]);
      expect(composer.earlier).to.deep.equal(SYNTHETIC);
      const empty = await shown(html`<samspil-message-thread .messages=${SYNTHETIC}></samspil-message-thread>`);
      expect(getComputedStyle(part(empty, 'composer')!).display).to.equal('none');
    });
  });
});
