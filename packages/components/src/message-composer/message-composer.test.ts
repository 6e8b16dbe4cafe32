// SPDX-License-Identifier: MIT
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import type { Bundle, Communication, Organization, Patient } from '@medplum/fhirtypes';
import { HOSTILE_PAYLOADS } from '@samspil/fixtures/letters';
import {
  CARE_COMMUNICATION_CATEGORIES,
  categoryLabel,
  validateMessage,
  type BuildOptions,
  type PersonInput,
} from '@samspil/sdk';
import { exampleMessages, EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from '@samspil/sdk/examples';
import type { SamspilSendDetail } from '../events/samspil-send.js';
import { resetStrings, setStrings } from '../i18n/localize.js';
import {
  ACTIVE_CONTENT,
  betweenButtons,
  expectInert,
  expectShownAsText,
  expectUntouched,
  focusBefore,
  tabThrough,
  underHostilePageCss,
} from '../internal/browser.test-support.js';
import '../message-thread/define.js';
import { titleFromFileName, type SamspilMessageComposer } from './message-composer.js';
import './define.js';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAN0lEQVR42mP4TwTgDp6CFRGjl2HUglELRi0YtYAIC3BpphYatWDUgqFgwWhRMWrBqAWjFgwCCwCiVGE5DPyzkAAAAABJRU5ErkJggg==';
const OFFICIAL = '/__shared/medcom/examples/carecommunication/';
const { hospital, municipality, gp, acuteTeam } = EXAMPLE_PARTIES;
// The GP's ydernummer is no OrganizationInput field.
const gpParty = { name: gp.name, sor: gp.sor, gln: gp.gln };
const RECEIVERS = [hospital, municipality, gpParty, acuteTeam];
const AUTHOR: PersonInput = { family: 'Pedersen', given: ['Jonas'], role: 'sygeplejerske' };

const EXAMPLES = exampleMessages();
const named = (name: string): Bundle => {
  const found = EXAMPLES.find((example) => example.name === name);
  if (!found) throw new Error(name);
  return found.bundle;
};
const FIRST = named('care-communication-thread-1-new');
const REPLY = named('care-communication-thread-2-reply');
const FORWARD = named('care-communication-thread-3-forward-with-attachment');

/** A fixed clock and ids, so the built messages are the same every run. */
function fixedOptions(): BuildOptions {
  let n = 0;
  return {
    now: () => new Date('2026-11-07T08:00:00Z'),
    newId: () => `aaaaaaaa-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const control = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, id: string) =>
  root(el).querySelector<T>(`#mc-${id}`)!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const resources = <T>(bundle: Bundle, type: string) =>
  (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));
const communicationOf = (bundle: Bundle) => resources<Communication>(bundle, 'Communication')[0]!;
const threadId = (bundle: Bundle) => communicationOf(bundle).identifier?.[0]?.value;

async function composer(template: TemplateResult): Promise<SamspilMessageComposer> {
  const el = await fixture<SamspilMessageComposer>(template);
  await el.updateComplete;
  return el;
}

const reply = (previous: Bundle = FIRST, attrs: { lang?: string; theme?: 'light' | 'dark' } = {}) =>
  composer(
    html`<samspil-message-composer
      .previous=${previous}
      .author=${AUTHOR}
      .buildOptions=${fixedOptions()}
      phone="+4544527000"
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
    ></samspil-message-composer>`,
  );

const forward = (previous: Bundle = REPLY, earlier: readonly Bundle[] = [FIRST]) =>
  composer(
    html`<samspil-message-composer
      mode="forward"
      .previous=${previous}
      .earlier=${earlier}
      .receivers=${RECEIVERS}
      .author=${{ family: 'Andersen', given: ['Lars'], role: 'afdelingslaege' }}
      .buildOptions=${fixedOptions()}
      phone="+4538683800"
    ></samspil-message-composer>`,
  );

const compose = () =>
  composer(
    html`<samspil-message-composer
      mode="new"
      .sender=${hospital}
      .receivers=${RECEIVERS}
      .patient=${EXAMPLE_PATIENTS.karin}
      .author=${{ family: 'Hansen', given: ['Mette'], role: 'sygeplejerske' }}
      .buildOptions=${fixedOptions()}
      phone="+4538683868"
    ></samspil-message-composer>`,
  );

function type(el: HTMLElement, id: string, value: string): void {
  const input = control<HTMLInputElement | HTMLTextAreaElement>(el, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function choose(el: SamspilMessageComposer, id: string, value: string): Promise<void> {
  const select = control<HTMLSelectElement>(el, id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function attach(el: SamspilMessageComposer, ...files: File[]): Promise<void> {
  const input = control(el, 'files');
  const count = () => root(el).querySelectorAll('[part~="attachments"] li, #mc-files-rejected p').length;
  const attached = root(el).querySelectorAll('[part~="attachments"] li').length;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // Read asynchronously; done when every file is either listed or refused.
  await waitUntil(() => count() >= attached + files.length, 'the files were not read');
  await el.updateComplete;
}

const pngFile = (name = 'sår-foto.png') =>
  new File([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], name, { type: 'image/png' });

/** Submits and returns the emitted detail. */
async function send(el: SamspilMessageComposer): Promise<SamspilSendDetail> {
  const sent = oneEvent(el, 'samspil-send');
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return (await sent).detail;
}

/** Submits expecting problems: nothing may be emitted. */
async function refused(el: SamspilMessageComposer): Promise<void> {
  const spy = sinon.spy();
  el.addEventListener('samspil-send', spy);
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
  await aTimeout(0);
  expect(spy.called, 'nothing is emitted').to.equal(false);
  el.removeEventListener('samspil-send', spy);
}

function expectValid(message: Bundle): void {
  const result = validateMessage(message);
  expect(result.issues.filter((issue) => issue.severity === 'error')).to.deep.equal([]);
  expect(result.ok).to.equal(true);
}

const errorOf = (el: HTMLElement, id: string) => squash(root(el).querySelector(`#mc-${id}-error`)?.textContent);
const summaryLinks = (el: HTMLElement) =>
  [...(part(el, 'error-summary')?.querySelectorAll('a') ?? [])].map((a) => [
    a.getAttribute('href'),
    squash(a.textContent),
  ]);

describe('<samspil-message-composer>', () => {
  afterEach(() => resetStrings());

  describe('accessibility', () => {
    it('is accessible as a reply', async () => {
      const el = await reply();
      await expect(el).to.be.accessible();
    });

    it('is accessible as a forward with an attachment, and as a new message', async () => {
      const forwarding = await forward();
      await attach(forwarding, pngFile());
      await expect(forwarding).to.be.accessible();
      await expect(await compose()).to.be.accessible();
    });

    it('is accessible with errors shown, a refused file and asap enabled', async () => {
      const el = await reply();
      await choose(el, 'category', 'other');
      type(el, 'topic', '');
      await attach(el, new File(['x'], 'notat.txt', { type: 'text/plain' }));
      await refused(el);
      expect(part(el, 'error-summary')).to.exist;
      await expect(el).to.be.accessible();
      await choose(el, 'category', 'regarding-referral');
      await expect(el).to.be.accessible();
    });

    it('is accessible in English, in the dark theme and without a message to answer', async () => {
      await expect(await reply(FIRST, { lang: 'en' })).to.be.accessible();
      const dark = await reply(FIRST, { theme: 'dark' });
      await refused(dark);
      await expect(dark).to.be.accessible();
      const orphan = await composer(html`<samspil-message-composer></samspil-message-composer>`);
      await expect(orphan).to.be.accessible();
    });
  });

  describe('reply', () => {
    it('builds a valid reply that keeps the thread identifier, and resets', async () => {
      const el = await reply();
      expect(control<HTMLSelectElement>(el, 'category').value).to.equal('medicine');
      expect(control(el, 'topic').value).to.equal('Medicin ved udskrivelse');
      expect(control(el, 'phone').value).to.equal('+4544527000');
      expect(squash(part(el, 'context')!.textContent)).to.contain(
        'Svar til Medicinsk Afdeling M1, Testhospitalet Nord',
      );
      expect(squash(part(el, 'context')!.textContent)).to.contain('Bruno Test Elmer, CPR-nr. 250947-9989');
      expect(squash(part(el, 'context')!.textContent)).to.contain('Jonas Pedersen (sygeplejerske)');
      type(el, 'text', 'Ja, vi overtager fra tirsdag.\nVenlig hilsen hjemmeplejen');
      const { message, kind } = await send(el);
      expect(kind).to.equal('reply');
      expectValid(message);
      expect(threadId(message)).to.equal(threadId(FIRST));
      expect(message.timestamp).to.equal('2026-11-07T08:00:00Z');
      const texts = communicationOf(message).payload!.map((p) => p.contentString);
      expect(texts[texts.length - 1]).to.equal('Ja, vi overtager fra tirsdag.\nVenlig hilsen hjemmeplejen');
      const receiver = resources<Organization>(message, 'Organization').find((o) => o.name === hospital.name);
      expect(receiver).to.exist;
      await el.updateComplete;
      expect(control<HTMLTextAreaElement>(el, 'text').value).to.equal('');
      expect(squash(part(el, 'status')!.textContent)).to.equal('Meddelelsen er bygget og givet videre til afsendelse.');
      // The thread shows the reply as the newest message.
      const shown = await fixture<HTMLElement>(
        html`<samspil-message-thread .messages=${[message, FIRST]}></samspil-message-thread>`,
      );
      await waitUntil(() => shown.shadowRoot!.querySelectorAll('[part~="entry"]').length === 2);
    });

    it("follows up one's own message to the same receiver when the host gives its own organisation", async () => {
      const headerParties = (bundle: Bundle) => {
        const header = bundle.entry![0]!.resource as {
          sender?: { reference?: string };
          destination?: { receiver?: { reference?: string } }[];
        };
        const name = (reference: string | undefined) =>
          resources<Organization>(bundle, 'Organization').find((o) => reference?.endsWith(`Organization/${o.id}`))
            ?.name;
        return [name(header.sender?.reference), name(header.destination?.[0]?.receiver?.reference)];
      };
      // Home care sent REPLY; home care writes again: from home care to the hospital.
      const own = await composer(
        html`<samspil-message-composer
          .previous=${REPLY}
          .sender=${municipality}
          .author=${AUTHOR}
          phone="+4544527000"
        ></samspil-message-composer>`,
      );
      expect(squash(part(own, 'context')!.textContent)).to.contain('Svar til Medicinsk Afdeling M1');
      type(own, 'text', 'Et tillæg: vi mangler også medicinlisten.');
      const followUp = (await send(own)).message;
      expectValid(followUp);
      expect(headerParties(followUp)).to.deep.equal([municipality.name, hospital.name]);
      // The hospital answers REPLY: from the hospital to home care.
      const theirs = await composer(
        html`<samspil-message-composer
          .previous=${REPLY}
          .sender=${hospital}
          .author=${AUTHOR}
          phone="+4538683868"
        ></samspil-message-composer>`,
      );
      expect(squash(part(theirs, 'context')!.textContent)).to.contain('Svar til Hjemmeplejen, Testkommune');
      type(theirs, 'text', 'Medicinlisten kommer i dag.');
      const answer = (await send(theirs)).message;
      expectValid(answer);
      expect(headerParties(answer)).to.deep.equal([hospital.name, municipality.name]);
      expect(threadId(answer)).to.equal(threadId(REPLY));
    });

    it('keeps the form when a listener cancels samspil-send', async () => {
      const el = await reply();
      type(el, 'text', 'Beholdes');
      el.addEventListener('samspil-send', (event) => event.preventDefault(), { once: true });
      await send(el);
      await el.updateComplete;
      expect(control<HTMLTextAreaElement>(el, 'text').value).to.equal('Beholdes');
      el.reset();
      await el.updateComplete;
      expect(control<HTMLTextAreaElement>(el, 'text').value).to.equal('');
    });
  });

  describe('forward', () => {
    it('builds a valid forward with an attachment and a new thread identifier', async () => {
      const el = await forward();
      const options = [...control<HTMLSelectElement>(el, 'receiver').options].map((o) => o.value);
      // The sender (the reply's primary receiver, the hospital) is not offered.
      expect(options).to.deep.equal(['', municipality.sor, gp.sor, acuteTeam.sor]);
      await choose(el, 'receiver', gp.sor);
      type(el, 'text', 'Til orientering.');
      await attach(el, pngFile());
      const title = root(el).querySelector<HTMLInputElement>('[part~="attachments"] input')!;
      expect(title.value).to.equal('sår-foto');
      const { message, kind } = await send(el);
      expect(kind).to.equal('forward');
      expectValid(message);
      expect(threadId(message)).to.be.a('string');
      expect(threadId(message)).not.to.equal(threadId(REPLY));
      const attachment = communicationOf(message).payload!.find((p) => p.contentAttachment?.title === 'sår-foto');
      expect(attachment?.contentAttachment).to.include({ contentType: 'image/png', data: PNG });
      const to = resources<Organization>(message, 'Organization').map((o) => o.name);
      expect(to).to.include(gp.name);
    });

    it("restores a reply's attachment data from earlier messages, and says so when they are missing", async () => {
      const index = (await (await fetch(`${OFFICIAL}index.json`)).json()) as string[];
      const load = async (id: string) =>
        (await (
          await fetch(OFFICIAL + index.find((f) => f.startsWith(`Bundle-${id}`) && f.endsWith('.json'))!)
        ).json()) as Bundle;
      const [withData, withoutData] = await Promise.all([load('b56549f7'), load('3dcb5618')]);
      const el = await forward(withoutData, []);
      await choose(el, 'receiver', acuteTeam.sor);
      type(el, 'text', 'Videresendes.');
      expect(squash(part(el, 'context')!.textContent)).to.contain('Blodprøveresultater');
      await refused(el);
      expect(squash(part(el, 'error-summary')!.textContent)).to.contain('En tidligere vedhæftet fil mangler sine data');
      expect(root(el).activeElement).to.equal(part(el, 'error-summary'));
      el.earlier = [withData];
      await el.updateComplete;
      const { message } = await send(el);
      const pdf = communicationOf(message).payload!.find((p) => p.contentAttachment?.title === 'Blodprøveresultater');
      expect(pdf?.contentAttachment?.data).to.have.length(37888);
    });

    it('forwards a forward: earlier attachments travel in full', async () => {
      const el = await forward(FORWARD, []);
      await choose(el, 'receiver', acuteTeam.sor);
      type(el, 'text', 'Akutteamet orienteres.');
      const { message } = await send(el);
      expectValid(message);
      const pdf = communicationOf(message).payload!.find((p) => p.contentAttachment?.contentType === 'application/pdf');
      expect(pdf?.contentAttachment?.data).to.be.a('string');
    });
  });

  describe('new message', () => {
    it('builds a valid new message with a topic for the category other', async () => {
      const el = await compose();
      expect(control<HTMLSelectElement>(el, 'category').value).to.equal('');
      expect(squash(part(el, 'context')!.textContent)).to.contain('Karin Berggren, CPR-nr. 150981-9996');
      await choose(el, 'receiver', gp.sor);
      await choose(el, 'category', 'other');
      type(el, 'text', 'Husk at bestille tid til kontrol.');
      await refused(el);
      expect(errorOf(el, 'topic')).to.equal('Skriv et emne: kategorien »Andet« kræver et emne.');
      type(el, 'topic', 'Kontrol');
      const { message, kind } = await send(el);
      expect(kind).to.equal('new');
      expectValid(message);
      expect(communicationOf(message).topic?.text).to.equal('Kontrol');
      expect(communicationOf(message).category?.[0]?.coding?.[0]?.code).to.equal('other');
      const patient = resources<Patient>(message, 'Patient')[0];
      expect(patient?.name?.[0]?.family).to.equal('Berggren');
    });

    it('says what the host has not given: author, sender and patient', async () => {
      const el = await composer(html`<samspil-message-composer mode="new"></samspil-message-composer>`);
      type(el, 'text', 'Hej');
      await refused(el);
      const summary = squash(part(el, 'error-summary')!.textContent);
      expect(summary).to.contain('Ingen forfatter');
      expect(summary).to.contain('Ingen afsender angivet');
      expect(summary).to.contain('Ingen patient angivet');
    });
  });

  describe('rules', () => {
    it('allows asap only with the category regarding-referral, and explains why otherwise', async () => {
      const el = await reply();
      const box = control(el, 'priority');
      expect(box.disabled).to.equal(true);
      expect(box.getAttribute('aria-describedby')).to.equal('mc-priority-hint');
      expect(squash(root(el).querySelector('#mc-priority-hint')!.textContent)).to.equal(
        'Kan kun vælges med kategorien »Vedr. henvisning«.',
      );
      await choose(el, 'category', 'regarding-referral');
      expect(box.disabled).to.equal(false);
      box.click();
      await el.updateComplete;
      expect(box.checked).to.equal(true);
      await choose(el, 'category', 'medicine');
      expect(box.checked).to.equal(false);
      expect(box.disabled).to.equal(true);
      await choose(el, 'category', 'regarding-referral');
      box.click();
      type(el, 'text', 'Kan undersøgelsen fremrykkes?');
      const { message } = await send(el);
      expectValid(message);
      expect(communicationOf(message).priority).to.equal('asap');
    });

    it('requires a topic for the category other: field error, summary link, focus, nothing emitted', async () => {
      const el = await reply();
      await choose(el, 'category', 'other');
      expect(squash(root(el).querySelector('label[for="mc-topic"]')!.textContent)).to.contain('skal udfyldes');
      type(el, 'topic', '');
      type(el, 'text', 'Hej');
      await refused(el);
      const topic = control(el, 'topic');
      expect(errorOf(el, 'topic')).to.equal('Skriv et emne: kategorien »Andet« kræver et emne.');
      expect(topic.getAttribute('aria-invalid')).to.equal('true');
      expect(topic.getAttribute('aria-describedby')).to.equal('mc-topic-hint mc-topic-error');
      expect(root(el).activeElement).to.equal(topic);
      expect(summaryLinks(el)).to.deep.equal([['#mc-topic', 'Skriv et emne: kategorien »Andet« kræver et emne.']]);
      control(el, 'text').focus();
      part(el, 'error-summary')!.querySelector('a')!.click();
      expect(root(el).activeElement).to.equal(topic);
    });

    it('shows every missing field, focusing the first', async () => {
      const el = await forward();
      type(el, 'phone', '');
      await choose(el, 'category', '');
      await refused(el);
      expect(summaryLinks(el).map(([href]) => href)).to.deep.equal([
        '#mc-receiver',
        '#mc-category',
        '#mc-text',
        '#mc-phone',
      ]);
      expect(root(el).activeElement).to.equal(control(el, 'receiver'));
      expect(errorOf(el, 'text')).to.equal('Skriv en meddelelse.');
      expect(control<HTMLTextAreaElement>(el, 'text').getAttribute('aria-describedby')).to.equal(
        'mc-text-hint mc-text-error',
      );
    });

    it("maps the builder's own errors to the fields", async () => {
      const el = await reply();
      type(el, 'text', 'Tegn\u0001der ikke kan sendes');
      type(el, 'phone', 'ring til mig');
      await refused(el);
      expect(errorOf(el, 'phone')).to.equal('Telefonnummeret skal være 3 til 15 cifre, eventuelt med + foran.');
      expect(errorOf(el, 'text')).to.equal('Teksten indeholder et tegn, som ikke kan sendes.');
      expect(root(el).activeElement).to.equal(control(el, 'text'));
      const author = await composer(
        html`<samspil-message-composer
          .previous=${FIRST}
          .author=${{ family: 'Pedersen', role: 'sygeplejerske', roleText: 'Sygeplejerske' }}
          phone="+4544527000"
        ></samspil-message-composer>`,
      );
      type(author, 'text', 'Hej');
      await refused(author);
      expect(squash(part(author, 'error-summary')!.textContent)).to.contain(
        'Forfatteren skal have en rollekode eller en rolletekst',
      );
    });

    it('accepts only the attachment types MedCom allows, titled without the extension', async () => {
      const el = await reply();
      await attach(el, new File(['<p>hej</p>'], 'side.html', { type: 'text/html' }), pngFile('scan.PNG'));
      expect(squash(root(el).querySelector('#mc-files-rejected')!.textContent)).to.equal(
        'Filen »side.html« har typen text/html, som ikke kan sendes. Vælg en PDF-, GIF-, JPEG-, PNG-, TIFF- eller BMP-fil.',
      );
      expect(control(el, 'files').getAttribute('aria-describedby')).to.equal('mc-files-hint mc-files-rejected');
      const titles = [...root(el).querySelectorAll<HTMLInputElement>('[part~="attachments"] input')];
      expect(titles.map((input) => input.value)).to.deep.equal(['scan']);
      expect(control(el, 'files').accept).to.equal(
        'application/pdf,image/gif,image/jpeg,image/png,image/tiff,image/bmp',
      );
      expect(titleFromFileName('Epikrise 12.3.pdf')).to.equal('Epikrise 12.3');
      expect(titleFromFileName('.pdf')).to.equal('.pdf');
      // An emptied title is an error at that field; removing the file moves focus back to the file input.
      const id = titles[0]!.id.replace(/^mc-/, '');
      type(el, id, ' ');
      type(el, 'text', 'Se billedet.');
      await refused(el);
      expect(errorOf(el, id)).to.equal('Skriv en titel til filen.');
      expect(root(el).activeElement).to.equal(titles[0]);
      root(el).querySelector<HTMLButtonElement>('[part~="attachments"] button')!.click();
      await el.updateComplete;
      await aTimeout(0);
      expect(root(el).activeElement).to.equal(control(el, 'files'));
    });
  });

  describe('language', () => {
    it('is Danish by default and English with lang="en", category labels from the SDK', async () => {
      const el = await reply();
      const options = [...control<HTMLSelectElement>(el, 'category').options].slice(1);
      expect(options.map((o) => o.value)).to.deep.equal([...CARE_COMMUNICATION_CATEGORIES]);
      expect(squash(options[0]!.textContent)).to.equal(
        `${categoryLabel(CARE_COMMUNICATION_CATEGORIES[0])!.da} (${CARE_COMMUNICATION_CATEGORIES[0]})`,
      );
      expect(squash(root(el).querySelector('label[for="mc-text"]')!.textContent)).to.equal(
        'Meddelelse (skal udfyldes)',
      );
      el.lang = 'en';
      await el.updateComplete;
      expect(squash(root(el).querySelector('label[for="mc-text"]')!.textContent)).to.equal('Message (required)');
      const medicine = [...control<HTMLSelectElement>(el, 'category').options].find((o) => o.value === 'medicine')!;
      expect(squash(medicine.textContent)).to.equal('Medicine (medicine)');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
      await refused(el);
      expect(squash(part(el, 'error-summary')!.textContent)).to.contain('Write a message.');
    });

    it('uses strings the host overrides at runtime', async () => {
      const el = await reply();
      setStrings('da', { mcSend: 'Send svar' });
      await el.updateComplete;
      expect(squash(part(el, 'submit')!.textContent)).to.equal('Send svar');
    });
  });

  describe('hostile input', () => {
    it('shows hostile text from the previous message and file names as text and runs nothing', async () => {
      let n = 0;
      const next = () => HOSTILE_PAYLOADS[n++ % HOSTILE_PAYLOADS.length] as string;
      const topic = HOSTILE_PAYLOADS[2];
      const previous = JSON.parse(JSON.stringify(FIRST)) as Bundle;
      for (const entry of previous.entry ?? []) {
        const resource = entry.resource as unknown as Record<string, unknown> & { resourceType: string };
        if (resource.resourceType === 'Organization') resource['name'] = next();
        if (resource.resourceType === 'Patient') resource['name'] = [{ family: next(), given: [next()] }];
        if (resource.resourceType === 'Communication') {
          const communication = resource as unknown as Communication;
          communication.topic = { text: topic };
          communication.payload![0]!.contentString = next();
        }
      }
      const el = await reply(previous);
      await attach(el, pngFile(`${HOSTILE_PAYLOADS[1]}.png`));
      await expectInert(root(el), ACTIVE_CONTENT);
      expectShownAsText(root(el), [HOSTILE_PAYLOADS[0]!, HOSTILE_PAYLOADS[1]!, HOSTILE_PAYLOADS[3]!]);
      // The topic is a value of the topic field, never markup.
      expect(control(el, 'topic').value).to.equal(topic);
    });

    it('stays visible under hostile page CSS and adds no styles to the page', async () => {
      const el = document.createElement('samspil-message-composer');
      el.previous = FIRST;
      await underHostilePageCss(
        el,
        () => el.updateComplete,
        () => expectUntouched([part(el, 'title')!, control(el, 'text'), part(el, 'submit')!]),
      );
    });
  });

  describe('keyboard', () => {
    it('is usable with the keyboard: Tab order, typing, and Enter on the send button', async () => {
      const el = await betweenButtons<SamspilMessageComposer>(
        html`<samspil-message-composer
          .previous=${FIRST}
          .author=${AUTHOR}
          .buildOptions=${fixedOptions()}
          phone="+4544527000"
        ></samspil-message-composer>`,
        'samspil-message-composer',
      );
      await el.updateComplete;
      focusBefore(el);
      const reached = (await tabThrough(el, 8)).map(
        (active) => active.id || active.getAttribute('part') || active.tagName,
      );
      // The asap box is disabled for the category "Medicin", so Tab passes it.
      expect(reached).to.deep.equal(['mc-category', 'mc-topic', 'mc-text', 'mc-phone', 'mc-files', 'submit']);
      expect(document.activeElement?.textContent).to.equal('after');
      control(el, 'text').focus();
      await sendKeys({ type: 'Hej fra tastaturet' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Linje to' });
      part(el, 'submit')!.focus();
      const sent = oneEvent(el, 'samspil-send');
      await sendKeys({ press: 'Enter' });
      const { message } = (await sent).detail;
      const texts = communicationOf(message).payload!.map((p) => p.contentString);
      expect(texts[texts.length - 1]).to.equal('Hej fra tastaturet\nLinje to');
    });
  });
});
