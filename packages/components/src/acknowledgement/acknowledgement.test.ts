// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import type { Bundle, MessageHeader, OperationOutcome, Organization } from '@medplum/fhirtypes';
import { HOSTILE_PAYLOADS } from '@samspil/fixtures/letters';
import { ACKNOWLEDGEMENT_ERROR_CODES, activityLabel, type AcknowledgementDescription } from '@samspil/sdk';
import { exampleMessages } from '@samspil/sdk/examples';
import { resetStrings, setStrings } from '../i18n/localize.js';
import {
  betweenButtons,
  expectInert,
  expectShownAsText,
  expectTabOrder,
  expectUntouched,
  underHostilePageCss,
  whilePrinting,
  withoutConsoleErrors,
} from '../internal/browser.test-support.js';
import { daStrings, enStrings } from './acknowledgement.strings.js';
import type { SamspilAcknowledgement } from './acknowledgement.js';
import '../fhir-xml/define.js';
import './define.js';

const FOLDER = '/__shared/medcom/examples/acknowledgement/';

const root = (el: SamspilAcknowledgement) => el.shadowRoot!;
const part = (el: SamspilAcknowledgement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: SamspilAcknowledgement, name: string) => [
  ...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: SamspilAcknowledgement, name: string) => squash(part(el, name)?.textContent);
const factValue = (scope: HTMLElement, label: string) => {
  const dt = [...scope.querySelectorAll('dt')].find((node) => squash(node.textContent) === label);
  return squash(dt?.nextElementSibling?.textContent);
};

let examples: ReturnType<typeof exampleMessages> | undefined;
function example(name: string): Bundle {
  examples ??= exampleMessages();
  const found = examples.find((message) => message.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return structuredClone(found.bundle);
}

async function loaded(template: TemplateResult): Promise<SamspilAcknowledgement> {
  const el = await fixture<SamspilAcknowledgement>(template);
  await waitUntil(() => part(el, 'base') ?? root(el).querySelector('[role="alert"]'), 'nothing rendered');
  await el.updateComplete;
  return el;
}

const show = (bundle: Bundle | string | Uint8Array, attrs: { lang?: string; theme?: 'light' | 'dark' } = {}) =>
  loaded(
    html`<samspil-acknowledgement
      .messages=${[bundle]}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
    ></samspil-acknowledgement>`,
  );

const resources = <T>(bundle: Bundle, type: string) =>
  (bundle.entry ?? []).map((entry) => entry.resource).filter((r) => r?.resourceType === type) as T[];

describe('<samspil-acknowledgement>', () => {
  afterEach(() => resetStrings());

  describe('accessibility', () => {
    for (const name of ['acknowledgement-ok', 'acknowledgement-transient-error', 'acknowledgement-fatal-error']) {
      it(`is accessible with ${name}`, async () => {
        await expect(await show(example(name))).to.be.accessible();
      });
    }

    it('is accessible in English, in the dark theme and narrow', async () => {
      const bundle = example('acknowledgement-fatal-error');
      await expect(await show(bundle, { lang: 'en' })).to.be.accessible();
      for (const name of ['acknowledgement-ok', 'acknowledgement-transient-error', 'acknowledgement-fatal-error']) {
        await expect(await show(example(name), { theme: 'dark' })).to.be.accessible();
      }
      const narrow = await fixture(
        html`<div style="width: 320px"><samspil-acknowledgement .messages=${[bundle]}></samspil-acknowledgement></div>`,
      );
      await waitUntil(() => part(narrow.querySelector('samspil-acknowledgement')!, 'base'));
      await expect(narrow).to.be.accessible();
    });

    it('is accessible while loading, when empty and on error', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const loading = await fixture<SamspilAcknowledgement>(
          html`<samspil-acknowledgement src="/never.json"></samspil-acknowledgement>`,
        );
        expect(text(loading, 'state')).to.equal('Henter kvittering …');
        await expect(loading).to.be.accessible();
      } finally {
        pending.restore();
      }
      const empty = await fixture<SamspilAcknowledgement>(html`<samspil-acknowledgement></samspil-acknowledgement>`);
      expect(text(empty, 'state')).to.equal('Ingen kvittering at vise.');
      await expect(empty).to.be.accessible();
      const failed = await loaded(
        html`<samspil-acknowledgement src=${`${FOLDER}missing.json`}></samspil-acknowledgement>`,
      );
      await expect(failed).to.be.accessible();
      const wrong = await show(example('home-care-observation'));
      await expect(wrong).to.be.accessible();
    });
  });

  describe('the three outcomes', () => {
    const cases: [string, string, string, string][] = [
      ['acknowledgement-ok', 'ok', 'Modtaget', 'check'],
      ['acknowledgement-transient-error', 'transient-error', 'Midlertidig fejl – sendes igen', 'retry'],
      ['acknowledgement-fatal-error', 'fatal-error', 'Afvist', 'cross'],
    ];
    for (const [name, code, label, iconName] of cases) {
      it(`shows ${code} as "${label}" with text and an icon`, async () => {
        const el = await show(example(name));
        const outcome = part(el, 'outcome')!;
        expect(outcome.dataset['outcome']).to.equal(code);
        expect(text(el, 'outcome-label')).to.equal(label);
        expect(outcome.querySelector(`svg.icon--${iconName}`)!.getAttribute('aria-hidden')).to.equal('true');
        expect(text(el, 'outcome')).to.contain(`Svarkode: ${code}`);
        expect(text(el, 'outcome')).to.contain(daStrings.ackOutcomeHints[code as 'ok']);
      });
    }

    it('shows what it acknowledges, from whom and when, and emits samspil-load', async () => {
      const el = document.createElement('samspil-acknowledgement');
      el.messages = [example('acknowledgement-transient-error')];
      const event = oneEvent(el, 'samspil-load');
      (await fixture(html`<div></div>`)).append(el);
      const model = (await event).detail.model as AcknowledgementDescription;
      expect(model.kind).to.equal('acknowledgement');
      expect(model.details.responseCode).to.equal('transient-error');
      await waitUntil(() => part(el, 'base'));
      const details = part(el, 'details')!;
      expect(factValue(details, 'Kvittering for meddelelse')).to.equal(model.details.acknowledgedMessageHeaderId);
      expect(factValue(details, 'Meddelelsens aktivitet')).to.match(
        new RegExp(
          `^${activityLabel('reply-message')!.da} \\(reply-message\\) sendt \\d\\d\\.\\d\\d\\.2026 kl\\. \\d\\d:\\d\\d$`,
        ),
      );
      expect(factValue(details, 'Fra')).to.equal(
        `${model.sender!.name} SOR-id: ${model.sender!.sor} · EAN-lokationsnummer: ${model.sender!.gln} Endepunkt: ${model.sender!.endpoint}`,
      );
      expect(factValue(details, 'Til')).to.contain(model.receiver!.name!);
      const time = details.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(model.event!.occurred);
      expect(factValue(details, 'Kvitteringens id')).to.equal(model.messageHeaderId);
      const [issue] = parts(el, 'issue');
      expect(factValue(issue!, 'Alvor')).to.equal('Fejl (error)');
      expect(factValue(issue!, 'Type')).to.equal('Forbigående fejl (transient)');
      expect(factValue(issue!, 'Fejlkode')).to.equal(
        'Postkassen er midlertidigt ude af drift (MSG_Mailbox_Out_Of_Operation)',
      );
      expect(factValue(issue!, 'Beskrivelse')).to.equal('Postkassen er midlertidigt lukket');
      expect(text(el, 'issues')).to.contain('Fejl og bemærkninger (1)');
    });

    it('has no issues section when there are none, and no patient or print header', async () => {
      const el = await show(example('acknowledgement-ok'));
      expect(part(el, 'issues')).to.equal(null);
      expect(part(el, 'print-header')).to.equal(null);
      expect(root(el).querySelector('samspil-patient-banner')).to.equal(null);
      await whilePrinting(() => {
        expect(getComputedStyle(part(el, 'outcome-label')!).display).not.to.equal('none');
      });
    });

    it('renders the same from a Bundle, JSON text and UTF-8 bytes', async () => {
      const bundle = example('acknowledgement-fatal-error');
      const expected = text(await show(bundle), 'base');
      expect(expected).to.contain('Afvist');
      expect(text(await show(JSON.stringify(bundle)), 'base')).to.equal(expected);
      expect(text(await show(new TextEncoder().encode(JSON.stringify(bundle))), 'base')).to.equal(expected);
    });
  });

  describe("MedCom's official examples", () => {
    it('renders every acknowledgement with its response code, acknowledged id and issue codes', async () => {
      const files = ((await (await fetch(`${FOLDER}index.json`)).json()) as string[]).filter((f) =>
        f.endsWith('.json'),
      );
      expect(files).to.have.length(4);
      await withoutConsoleErrors(async () => {
        let acknowledgements = 0;
        for (const file of files) {
          const bundle = (await (await fetch(FOLDER + file)).json()) as Bundle;
          const header = resources<MessageHeader>(bundle, 'MessageHeader')[0]!;
          for (const source of [file, file.replace(/\.json$/, '.xml')]) {
            const el = await loaded(html`<samspil-acknowledgement src=${FOLDER + source}></samspil-acknowledgement>`);
            if (header.eventCoding?.code !== 'acknowledgement-message') {
              // The folder's empty message is no acknowledgement.
              expect(text(el, 'state'), source).to.equal('Meddelelsen er ikke en kvittering, men: Tom meddelelse.');
              continue;
            }
            acknowledgements++;
            const response = header.response!;
            expect(part(el, 'outcome')!.dataset['outcome'], source).to.equal(response.code);
            expect(text(el, 'outcome'), source).to.contain(`Svarkode: ${response.code}`);
            expect(factValue(part(el, 'details')!, 'Kvittering for meddelelse'), source).to.equal(response.identifier);
            expect(factValue(part(el, 'details')!, 'Meddelelsens aktivitet'), source).to.contain(
              'Ny meddelelse (new-message)',
            );
            const [sender, receiver] = [header.sender, header.destination![0]!.receiver].map((ref) =>
              resources<Organization>(bundle, 'Organization').find((o) => ref!.reference!.endsWith(o.id!))!,
            );
            expect(factValue(part(el, 'details')!, 'Fra'), source).to.contain(sender!.name!);
            expect(factValue(part(el, 'details')!, 'Fra'), source).to.contain('953741000016009');
            expect(factValue(part(el, 'details')!, 'Fra'), source).to.contain('5790001348120');
            expect(factValue(part(el, 'details')!, 'Til'), source).to.contain(receiver!.name!);
            const outcome = resources<OperationOutcome>(bundle, 'OperationOutcome')[0];
            const codes = (outcome?.issue ?? []).flatMap((issue) => issue.details?.coding?.map((c) => c.code) ?? []);
            expect(parts(el, 'issue'), source).to.have.length(outcome?.issue.length ?? 0);
            for (const code of codes) expect(text(el, 'issues'), source).to.contain(`(${code})`);
          }
        }
        expect(acknowledgements).to.equal(6);
      });
    });
  });

  describe('errors', () => {
    it('shows an error and emits samspil-error for a missing file', async () => {
      const el = document.createElement('samspil-acknowledgement');
      el.src = `${FOLDER}missing.json`;
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      expect((await event).detail.message).to.contain('HTTP 404');
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(el, 'state')).to.contain('Kvitteringen kunne ikke vises.');
    });

    it('refuses another kind of message with no CPR number, and picks the acknowledgement among several', async () => {
      const el = document.createElement('samspil-acknowledgement');
      el.messages = [example('home-care-observation')];
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      expect((await event).detail.message).to.equal(
        'Expected a message of kind Acknowledgement, got HomeCareObservation',
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(el, 'state')).to.equal('Meddelelsen er ikke en kvittering, men: Kommunale prøvesvar.');
      expect(root(el).textContent).not.to.match(/\d{6}-?\d{4}/);
      el.messages = [example('home-care-observation'), example('acknowledgement-ok')];
      await waitUntil(() => part(el, 'base'));
      expect(text(el, 'outcome-label')).to.equal('Modtaget');
    });
  });

  describe('language', () => {
    it('speaks English with lang="en"', async () => {
      const el = await show(example('acknowledgement-fatal-error'), { lang: 'en' });
      expect(text(el, 'title')).to.equal('Acknowledgement');
      expect(text(el, 'outcome-label')).to.equal('Rejected');
      const issue = part(el, 'issue')!;
      expect(factValue(issue, 'Error code')).to.equal(
        'The value provided is not in the value set (MSG_VALUESET_VALUE_UNKNOWN)',
      );
      expect(factValue(part(el, 'details')!, 'Activity of the message')).to.match(/^New message \(new-message\) sent/);
      const ok = await show(example('acknowledgement-ok'), { lang: 'en' });
      expect(text(ok, 'outcome-label')).to.equal('Received');
      const transient = await show(example('acknowledgement-transient-error'), { lang: 'en' });
      expect(text(transient, 'outcome-label')).to.equal('Temporary error – will be resent');
    });

    it('labels every MedCom acknowledgement error code in Danish and English, and shows others as written', async () => {
      for (const code of ACKNOWLEDGEMENT_ERROR_CODES) {
        expect(daStrings.ackErrorCodes[code], code).to.be.a('string').and.not.equal('');
        expect(enStrings.ackErrorCodes[code], code).to.be.a('string').and.not.equal('');
      }
      const bundle = example('acknowledgement-fatal-error');
      resources<OperationOutcome>(bundle, 'OperationOutcome')[0]!.issue[0]!.details!.coding![0]!.code = 'MSG_NO_EXIST';
      const el = await show(bundle);
      expect(factValue(part(el, 'issue')!, 'Fejlkode')).to.equal('MSG_NO_EXIST');
    });

    it('takes the host’s strings at runtime', async () => {
      const el = await show(example('acknowledgement-ok'));
      setStrings('da', { ackOutcomes: { ...daStrings.ackOutcomes, ok: 'Kvitteret' } });
      await el.updateComplete;
      expect(text(el, 'outcome-label')).to.equal('Kvitteret');
    });
  });

  describe('hostile content', () => {
    it('shows script and markup as text and runs none of it', async () => {
      delete (window as { __samspilPwned?: boolean }).__samspilPwned;
      const [a, b, c, d] = HOSTILE_PAYLOADS;
      const bundle = example('acknowledgement-fatal-error');
      const [sender, receiver] = resources<Organization>(bundle, 'Organization');
      sender!.name = a;
      receiver!.name = b;
      const issue = resources<OperationOutcome>(bundle, 'OperationOutcome')[0]!.issue[0]!;
      issue.details!.text = c;
      issue.details!.coding![0]!.code = d;
      issue.code = b as 'invalid';
      const el = await show(bundle);
      await expectInert(root(el), 'script, img, a');
      expect([...root(el).querySelectorAll('svg')].every((svg) => svg.classList.contains('icon'))).to.equal(true);
      expectShownAsText(root(el));
    });

    it('stays visible under hostile page CSS and adds no styles to the page', async () => {
      const el = document.createElement('samspil-acknowledgement');
      el.messages = [example('acknowledgement-fatal-error')];
      await underHostilePageCss(
        el,
        () => waitUntil(() => part(el, 'base')),
        () => expectUntouched([part(el, 'title')!, part(el, 'outcome')!, part(el, 'issues')!]),
      );
    });
  });

  describe('keyboard', () => {
    it('has nothing to stop at: Tab passes straight through', async () => {
      const el = await betweenButtons<SamspilAcknowledgement>(
        html`<samspil-acknowledgement .messages=${[example('acknowledgement-fatal-error')]}></samspil-acknowledgement>`,
        'samspil-acknowledgement',
      );
      await waitUntil(() => part(el, 'base'));
      expect(root(el).querySelectorAll('a, button, summary, [tabindex]')).to.have.length(0);
      await expectTabOrder(el, [], 1);
    });
  });
});
