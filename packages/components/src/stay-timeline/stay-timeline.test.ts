// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import type { Bundle, Organization, Patient } from '@medplum/fhirtypes';
import { HOSTILE_PAYLOADS } from '@samspil/fixtures/letters';
import { activityLabel, describeMessage, type Stay } from '@samspil/sdk';
import { exampleMessages } from '@samspil/sdk/examples';
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
import { telHref } from '../internal/links.js';
import type { SamspilStayTimeline } from './stay-timeline.js';
import './define.js';
import '../fhir-xml/define.js';

const OFFICIAL = '/__shared/medcom/examples/hospitalnotification/';
const ZONE = 'Europe/Copenhagen';
const EXAMPLES = exampleMessages();

/** The synthetic messages of one stay (a–f), in the order they were sent. */
const stayMessages = (letter: string): Bundle[] =>
  EXAMPLES.filter((m) => m.name.startsWith(`hospital-notification-${letter}-`)).map((m) => structuredClone(m.bundle));
const message = (name: string): Bundle =>
  structuredClone(EXAMPLES.find((m) => m.name === `hospital-notification-${name}`)!.bundle);

const root = (el: SamspilStayTimeline) => el.shadowRoot!;
const part = (el: SamspilStayTimeline, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: SamspilStayTimeline, name: string) => [
  ...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: SamspilStayTimeline, name: string) => squash(part(el, name)?.textContent);
const factValue = (scope: ParentNode, label: string) => {
  const dt = [...scope.querySelectorAll('dt')].find((candidate) => squash(candidate.textContent) === label);
  return squash(dt?.nextElementSibling?.textContent);
};
/** Each event of the first (or given) episode as "label time [badges]". */
const events = (el: SamspilStayTimeline, episode = 0) =>
  [...parts(el, 'episode')[episode]!.querySelectorAll<HTMLElement>('[part~="event"]')].map((li) =>
    squash(li.querySelector('.event__head')?.textContent),
  );

async function loaded(template: TemplateResult): Promise<SamspilStayTimeline> {
  const el = await fixture<SamspilStayTimeline>(template);
  await waitUntil(() => part(el, 'base'), 'the timeline did not render');
  await el.updateComplete;
  return el;
}

const timeline = (messages: readonly (Bundle | string | Uint8Array)[], attrs: { ref?: string; lang?: string } = {}) =>
  loaded(
    html`<samspil-stay-timeline
      .messages=${messages}
      time-zone=${ZONE}
      reference-date=${attrs.ref ?? '2026-11-09'}
      lang=${attrs.lang ?? ''}
    ></samspil-stay-timeline>`,
  );

let officialFiles: string[] | undefined;
async function officialList(): Promise<string[]> {
  officialFiles ??= (await (await fetch(`${OFFICIAL}index.json`)).json()) as string[];
  return officialFiles;
}

/** Shuffles deterministically (a fixed seed), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('<samspil-stay-timeline>', () => {
  afterEach(() => resetStrings());

  describe('accessibility', () => {
    it('is accessible with stay a (corrections, discharged today)', async () => {
      const el = await timeline(stayMessages('a'));
      await expect(el).to.be.accessible();
    });

    for (const letter of ['b', 'c', 'd', 'e', 'f']) {
      it(`is accessible with stay ${letter}`, async () => {
        const el = await timeline(stayMessages(letter));
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible with several episodes and patients, and each message alone', async () => {
      const all = await timeline(['a', 'b', 'c', 'd', 'e', 'f'].flatMap(stayMessages));
      await expect(all).to.be.accessible();
      const alone = await timeline([message('b-03-cancel-start-leave-inpatient')]);
      await expect(alone).to.be.accessible();
    });

    it('is accessible with the official examples', async () => {
      const files = (await officialList()).filter((file) => file.endsWith('.json'));
      const el = await loaded(
        html`<samspil-stay-timeline src=${files.map((file) => OFFICIAL + file).join(' ')}></samspil-stay-timeline>`,
      );
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading, when empty and on error', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const loading = await fixture<SamspilStayTimeline>(
          html`<samspil-stay-timeline src="/never.json"></samspil-stay-timeline>`,
        );
        await expect(loading).to.be.accessible();
      } finally {
        pending.restore();
      }
      const empty = await fixture<SamspilStayTimeline>(html`<samspil-stay-timeline></samspil-stay-timeline>`);
      await expect(empty).to.be.accessible();
      const failed = await fixture<SamspilStayTimeline>(
        html`<samspil-stay-timeline src="${OFFICIAL}missing.json"></samspil-stay-timeline>`,
      );
      await waitUntil(() => root(failed).querySelector('[role="alert"]'));
      await expect(failed).to.be.accessible();
    });

    it('is accessible in English, in the dark theme, narrow and as a print preview', async () => {
      const english = await timeline(stayMessages('b'), { lang: 'en' });
      await expect(english).to.be.accessible();
      const dark = await loaded(
        html`<samspil-stay-timeline .messages=${stayMessages('a')} theme="dark"></samspil-stay-timeline>`,
      );
      await expect(dark).to.be.accessible();
      const wrapper = await fixture(
        html`<div style="width: 320px">
          <samspil-stay-timeline .messages=${stayMessages('c')}></samspil-stay-timeline>
        </div>`,
      );
      const narrow = wrapper.querySelector('samspil-stay-timeline')!;
      await waitUntil(() => part(narrow, 'base'));
      await expect(narrow).to.be.accessible();
      const print = await loaded(
        html`<samspil-stay-timeline .messages=${stayMessages('f')} print-preview></samspil-stay-timeline>`,
      );
      await expect(print).to.be.accessible();
    });
  });

  describe('official examples', () => {
    it('loads from src, shows the stay and emits samspil-load with the Stay', async () => {
      const el = document.createElement('samspil-stay-timeline');
      el.src = `${OFFICIAL}Bundle-a5e5b880-c087-4055-b9ec-99108695f81d.json`;
      el.timeZone = ZONE;
      el.referenceDate = '2022-12-08';
      const event = oneEvent(el, 'samspil-load');
      (await fixture(html`<div></div>`)).append(el);
      const model = (await event).detail.model as Stay;
      expect(model.state).to.equal('admitted');
      expect(model.episodes).to.have.length(1);
      expect(model.episodes[0]!.events[0]!.kind).to.equal('admitted-inpatient');
      await waitUntil(() => part(el, 'base'));
      expect(text(el, 'title')).to.equal('Sygehusophold');
      expect(part(el, 'title')!.tagName).to.equal('H2');
      expect(text(el, 'status-headline')).to.equal('Indlagt');
      expect(text(el, 'status')).to.contain('Indlagt siden ons. 7. dec. 2022, 11.00');
      expect(text(el, 'status')).to.contain('Sygehuset beder om en indlæggelsesrapport.');
      expect(events(el)).to.deep.equal(['Indlagt ons. 7. dec. 2022, 11.00']);
      expect(root(el).querySelector('time[datetime="2022-12-07T12:00:00+02:00"]')).to.exist;
      const episode = part(el, 'episode')!;
      expect(factValue(episode, 'Afsendende afdeling')).to.equal(
        'Hjerteafdelingen på Herlev og Gentofte hospital SOR 265161000016000',
      );
      expect(factValue(episode, 'Modtager')).to.equal('Plejecenter Herlev SOR 953741000016009 · EAN/GLN 5790001348120');
      expect(factValue(episode, 'Forløbs-id')).to.equal('bd481c38-a921-11ed-afa1-0242ac120002 (lokalt)');
      const banner = root(el).querySelector('samspil-patient-banner')!;
      expect(banner.getAttribute('name')).to.equal('Elmer');
      expect(banner.getAttribute('cpr')).to.equal('2509479989');
    });

    it('renders every official HospitalNotification with its MustSupport values and no console errors', async () => {
      const files = (await officialList()).filter((file) => file.endsWith('.json'));
      expect(files).to.have.length(12);
      await withoutConsoleErrors(
        async () => {
          for (const file of files) {
            const bundle = (await (await fetch(OFFICIAL + file)).json()) as Bundle;
            const d = describeMessage(bundle);
            if (d.kind !== 'hospital-notification') throw new Error(`${file} is no HospitalNotification`);
            const el = await timeline([bundle], { ref: '2022-12-07' });
            const message = root(el).querySelector('.message')!;
            const title = squash(message.querySelector('.message__title')!.textContent);
            const code = d.event!.code!;
            const died = d.details.abbreviation === 'MORS';
            expect(title, file).to.contain(died ? 'Død' : activityLabel(code)!.da);
            expect(title, file).to.contain(d.details.abbreviation!);
            expect(title, file).to.contain(code);
            const period = factValue(message, 'Periode');
            const fmt = new Intl.DateTimeFormat('da-DK', {
              timeZone: ZONE,
              weekday: 'short',
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
            });
            expect(period, file).to.contain(fmt.format(new Date(d.details.period!.start!)));
            if (d.details.period?.end) expect(period, file).to.contain(fmt.format(new Date(d.details.period.end)));
            else expect(period, file).to.contain('fortsat');
            if (d.details.leavePeriod?.start)
              expect(factValue(message, 'Orlov'), file).to.contain(fmt.format(new Date(d.details.leavePeriod.start)));
            expect(factValue(message, 'Kontaktstatus'), file).to.contain(d.details.encounterStatus!);
            expect(factValue(message, 'Kontakttype'), file).to.contain(d.details.encounterClass!);
            expect(factValue(message, 'Besked-id'), file).to.equal(d.messageHeaderId);
            // Parties and episode-of-care ids common to the episode's messages are shown once, for the episode.
            const episode = part(el, 'episode')!;
            expect(factValue(episode, 'Afsendende afdeling'), file).to.contain(d.sender!.name!);
            expect(factValue(episode, 'Afsendende afdeling'), file).to.contain(d.sender!.sor!);
            expect(factValue(episode, 'Modtager'), file).to.contain(d.receiver!.name!);
            for (const id of d.details.episodeOfCareIds) expect(factValue(episode, 'Forløbs-id'), file).to.contain(id);
            if (d.details.serviceProvider?.sor !== d.sender?.sor)
              expect(factValue(episode, 'Ansvarlig enhed'), file).to.contain(d.details.serviceProvider!.name!);
            if (d.thread.previous?.messageHeaderId) {
              const label =
                d.thread.previous.role === 'removal'
                  ? 'Annullerer besked'
                  : code.startsWith('revise-')
                    ? 'Retter besked'
                    : 'Forrige besked';
              expect(factValue(message, label), file).to.equal(d.thread.previous.messageHeaderId);
            }
            if (died) expect(factValue(message, 'Patienten er død'), file).to.equal('Ja');
            const banner = root(el).querySelector('samspil-patient-banner')!;
            expect(banner.getAttribute('name'), file).to.equal(d.patient!.name);
            expect(text(el, 'print-header'), file).to.contain(d.patient!.identifier!.formatted);
          }
        },
        { warnings: false },
      );
    });

    it('shows the sender and the responsible unit apart when they differ (m908…)', async () => {
      const el = await loaded(
        html`<samspil-stay-timeline
          src="${OFFICIAL}Bundle-m908i967-9ie3-9023-b9ec-98108695f01d.json"
          time-zone=${ZONE}
        ></samspil-stay-timeline>`,
      );
      expect(factValue(part(el, 'episode')!, 'Ansvarlig enhed')).to.contain('Hjertemedicinsk sengeafs. S103');
    });

    it('shows both episode-of-care ids (n73…) and an official death (g099…)', async () => {
      const both = await loaded(
        html`<samspil-stay-timeline
          src="${OFFICIAL}Bundle-n73ccf30-80b9-4bd2-bf50-1ac1914498f0.json"
        ></samspil-stay-timeline>`,
      );
      const ids = factValue(part(both, 'episode')!, 'Forløbs-id');
      expect(ids).to.contain('(LPR3)');
      expect(ids).to.contain('(lokalt)');
      const death = await loaded(
        html`<samspil-stay-timeline
          src="${OFFICIAL}Bundle-g099bbf3-3fca-4722-a248-bfe1aa956410.json"
          time-zone=${ZONE}
        ></samspil-stay-timeline>`,
      );
      expect(text(death, 'status-headline')).to.equal('Død');
      expect(text(death, 'status')).to.contain('Dødstidspunkt fre. 9. dec. 2022, 08.45');
      expect(events(death)).to.deep.equal(['Død fre. 9. dec. 2022, 08.45']);
    });

    it('renders the XML twins, the JSON text and the bytes the same as the JSON', async () => {
      const files = (await officialList()).filter((file) => file.endsWith('.json'));
      for (const file of files.slice(0, 4)) {
        const json = await (await fetch(OFFICIAL + file)).text();
        const xml = await (await fetch(OFFICIAL + file.replace(/\.json$/, '.xml'))).text();
        const expected = text(await timeline([JSON.parse(json) as Bundle]), 'base');
        expect(text(await timeline([json]), 'base'), file).to.equal(expected);
        expect(text(await timeline([new TextEncoder().encode(json)]), 'base'), file).to.equal(expected);
        expect(text(await timeline([xml]), 'base'), file).to.equal(expected);
        const fetched = await loaded(
          html`<samspil-stay-timeline
            src=${OFFICIAL + file}
            time-zone=${ZONE}
            reference-date="2026-11-09"
          ></samspil-stay-timeline>`,
        );
        expect(text(fetched, 'base'), file).to.equal(expected);
      }
    });

    it('renders every official example together as one episode, oldest first', async () => {
      const files = (await officialList()).filter((file) => file.endsWith('.json'));
      const el = await loaded(
        html`<samspil-stay-timeline
          src=${files.map((file) => OFFICIAL + file).join('\n')}
          time-zone=${ZONE}
        ></samspil-stay-timeline>`,
      );
      expect(parts(el, 'episode')).to.have.length(1);
      expect(root(el).querySelectorAll('.message')).to.have.length(12);
      expect(events(el)[0]).to.equal('Ankommet akut ambulant tors. 1. dec. 2022, 09.00');
    });
  });

  describe('synthetic stays', () => {
    it('a: every event corrected, the corrected value shown with the earlier one; discharged today', async () => {
      const el = await timeline(stayMessages('a'), { ref: '2026-11-09' });
      expect(events(el)).to.deep.equal([
        'Indlagt man. 2. nov. 2026, 08.05 Rettet',
        'Orlov begyndt tors. 5. nov. 2026, 09.30 Rettet',
        'Tilbage fra orlov fre. 6. nov. 2026, 17.30 Rettet',
        'Udskrevet til hjemmet man. 9. nov. 2026, 12.00 Rettet',
      ]);
      const notes = [...root(el).querySelectorAll('[part~="event"] .event__notes')].map((n) => squash(n.textContent));
      expect(notes).to.deep.equal([
        'Tidligere angivet: man. 2. nov. 2026, 08.15 (sendt man. 2. nov. 2026, 08.16)',
        'Tidligere angivet: tors. 5. nov. 2026, 10.00 (sendt tors. 5. nov. 2026, 10.01)',
        'Tidligere angivet: fre. 6. nov. 2026, 18.00 (sendt fre. 6. nov. 2026, 18.02)',
        'Tidligere angivet: man. 9. nov. 2026, 11.00 (sendt man. 9. nov. 2026, 11.01)',
      ]);
      expect(root(el).querySelectorAll('del')).to.have.length(0);
      expect(part(el, 'status')!.dataset['status']).to.equal('discharged-today');
      expect(text(el, 'status-headline')).to.equal('Udskrevet i dag — hjemmeplejen skal være klar');
      expect(text(el, 'status')).to.contain('Borgeren kommer hjem i dag.');
      expect(text(el, 'status')).to.contain('Udskrevet man. 9. nov. 2026, 12.00');
      expect(text(el, 'status')).to.contain('(pr. man. 9. nov. 2026)');
      const messages = [...root(el).querySelectorAll('.message__title')].map((t) => squash(t.textContent));
      expect(messages).to.have.length(8);
      expect(messages[0]).to.equal('man. 2. nov. 2026, 08.16 Start sygehusophold - indlagt STIN admit-inpatient');
      expect(messages[1]).to.contain('Rettelse Start sygehusophold - indlagt RE_STIN revise-admit-inpatient');
    });

    it('a: discharged yesterday, or earlier, as counted on the reference date', async () => {
      const yesterday = await timeline(stayMessages('a'), { ref: '2026-11-10' });
      expect(text(yesterday, 'status-headline')).to.equal('Udskrevet i går');
      expect(part(yesterday, 'status')!.dataset['status']).to.equal('discharged');
      const later = await timeline(stayMessages('a'), { ref: '2026-11-20' });
      expect(text(later, 'status-headline')).to.equal('Udskrevet man. 9. nov. 2026');
    });

    it('a: on leave while the leave lasts', async () => {
      const el = await timeline(stayMessages('a').slice(0, 4), { ref: '2026-11-05' });
      expect(text(el, 'status-headline')).to.equal('På orlov siden tors. 5. nov. 2026, 09.30');
      expect(part(el, 'status')!.dataset['status']).to.equal('on-leave');
    });

    it('b: cancelled events struck through with an accessible label; admitted again', async () => {
      const el = await timeline(stayMessages('b'), { ref: '2026-11-14' });
      expect(events(el)).to.deep.equal([
        'Indlagt tirs. 10. nov. 2026, 14.00',
        'Annulleret: Orlov begyndt ons. 11. nov. 2026, 09.00 Annulleret',
        'Orlov begyndt tors. 12. nov. 2026, 09.00',
        'Annulleret: Tilbage fra orlov tors. 12. nov. 2026, 15.00 Annulleret',
        'Tilbage fra orlov tors. 12. nov. 2026, 19.00',
        'Annulleret: Udskrevet til hjemmet lør. 14. nov. 2026, 10.00 Annulleret',
      ]);
      const cancelled = [...root(el).querySelectorAll<HTMLElement>('[part~="event"][data-status="cancelled"]')];
      expect(cancelled).to.have.length(3);
      for (const li of cancelled) {
        const del = li.querySelector('del')!;
        expect(del.querySelector('.visually-hidden')!.textContent).to.equal('Annulleret: ');
        expect(getComputedStyle(del).textDecorationLine).to.equal('line-through');
        expect(li.querySelector('.badge--cancelled')!.getAttribute('aria-hidden')).to.equal('true');
        expect(squash(li.querySelector('.event__notes')!.textContent)).to.match(
          /^Annulleret .+ af Medicinsk Afdeling M1, Testhospitalet Nord$/,
        );
      }
      expect(text(el, 'status-headline')).to.equal('Indlagt');
      expect(text(el, 'status')).to.contain('Tilbage fra orlov tors. 12. nov. 2026, 19.00');
      // Each message says which one it continues, corrects or cancels.
      const log = [...root(el).querySelectorAll<HTMLElement>('.message')];
      expect(factValue(log[1]!, 'Forrige besked')).to.equal(log[0]!.dataset['messageId']);
      expect(factValue(log[2]!, 'Annullerer besked')).to.equal(log[1]!.dataset['messageId']);
    });

    it('c: acute ambulant, corrected; the corrected discharge cancelled', async () => {
      const el = await timeline(stayMessages('c'), { ref: '2026-11-16' });
      expect(events(el)).to.deep.equal([
        'Ankommet akut ambulant søn. 15. nov. 2026, 22.30 Rettet',
        'Annulleret: Udskrevet til hjemmet man. 16. nov. 2026, 06.30 Annulleret Rettet',
      ]);
      expect(text(el, 'status-headline')).to.equal('På sygehuset (akut ambulant)');
      expect(part(el, 'status')!.dataset['status']).to.equal('admitted-emergency');
      expect(text(el, 'status')).to.contain('På sygehuset siden søn. 15. nov. 2026, 22.30');
      expect(factValue(part(el, 'episode')!, 'Status')).to.equal('På sygehuset (akut ambulant)');
    });

    it('d and e: a cancelled admission is "Aflyst"', async () => {
      for (const [letter, label] of [
        ['d', 'Annulleret: Ankommet akut ambulant tirs. 17. nov. 2026, 10.00 Annulleret'],
        ['e', 'Annulleret: Indlagt ons. 18. nov. 2026, 10.00 Annulleret'],
      ] as const) {
        const el = await timeline(stayMessages(letter), { ref: '2026-11-18' });
        expect(events(el), letter).to.deep.equal([label]);
        expect(text(el, 'status-headline'), letter).to.equal('Aflyst');
        expect(part(el, 'status')!.dataset['status']).to.equal('cancelled');
      }
    });

    it('f: a death, corrected, then cancelled: still admitted', async () => {
      const el = await timeline(stayMessages('f'), { ref: '2026-11-20' });
      expect(events(el)).to.deep.equal([
        'Indlagt tors. 19. nov. 2026, 08.00',
        'Annulleret: Død fre. 20. nov. 2026, 03.00 Annulleret Rettet',
      ]);
      expect(text(el, 'status-headline')).to.equal('Indlagt');
      const titles = [...root(el).querySelectorAll('.message__title')].map((t) => squash(t.textContent));
      expect(titles[1]).to.contain('Død MORS admit-inpatient');
      expect(titles[2]).to.contain('Rettet: Død MORS admit-inpatient');
      expect(titles[3]).to.contain('Annulleret: Død admit-inpatient');
      // Before the cancellation arrived: died.
      const died = await timeline(stayMessages('f').slice(0, 3), { ref: '2026-11-20' });
      expect(text(died, 'status-headline')).to.equal('Død');
      expect(text(died, 'status')).to.contain('Dødstidspunkt fre. 20. nov. 2026, 03.00');
    });

    it('shows each message alone, a correction or cancellation of a message it has not got included', async () => {
      for (const { name, bundle } of EXAMPLES.filter((m) => m.name.startsWith('hospital-notification-'))) {
        const el = await timeline([structuredClone(bundle)]);
        expect(parts(el, 'event'), name).to.have.length(1);
        expect(root(el).querySelectorAll('.message'), name).to.have.length(1);
      }
      const alone = await timeline([message('b-03-cancel-start-leave-inpatient')]);
      expect(squash(root(alone).querySelector('[part~="event"] .event__notes:last-child')!.textContent)).to.match(
        /^Annullerer en besked, som ikke er modtaget \(Besked-id: [0-9a-f-]+\)$/,
      );
    });

    it('renders shuffled messages, with duplicates, exactly as in order; duplicates are in the model only', async () => {
      const inOrder = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap(stayMessages);
      const expected = text(await timeline(inOrder), 'base');
      for (const seed of [1, 7, 42]) {
        const mixed = shuffled([...inOrder, ...stayMessages('a').slice(2, 4), stayMessages('b')[0]!], seed);
        const el = document.createElement('samspil-stay-timeline');
        el.messages = mixed;
        el.timeZone = ZONE;
        el.referenceDate = '2026-11-09';
        const load = oneEvent(el, 'samspil-load');
        (await fixture(html`<div></div>`)).append(el);
        const model = (await load).detail.model as Stay;
        expect(model.duplicates).to.have.length(3);
        await waitUntil(() => part(el, 'base'));
        expect(text(el, 'base'), `seed ${seed}`).to.equal(expected);
      }
    });

    it('shows several episodes, a status for the newest and a warning when the patients differ', async () => {
      const el = await timeline(['a', 'b', 'c', 'd', 'e', 'f'].flatMap(stayMessages), { ref: '2026-11-20' });
      const episodes = parts(el, 'episode');
      expect(episodes).to.have.length(6);
      expect(episodes.map((e) => e.dataset['state'])).to.deep.equal([
        'discharged',
        'admitted',
        'admitted',
        'cancelled',
        'cancelled',
        'admitted',
      ]);
      expect(squash(episodes[0]!.querySelector('.section__heading')!.textContent)).to.equal('Forløb 1 af 6');
      expect(text(el, 'status')).to.contain('Status nu · Forløb 6 af 6');
      expect(text(el, 'warning')).to.equal(
        'Beskederne gælder 3 forskellige patienter. Kontrollér CPR-nummeret ved hvert forløb.',
      );
      expect(factValue(episodes[1]!, 'Patient')).to.equal('Karin Berggren 150981-9996');
    });

    it('notes messages that are no HospitalNotification', async () => {
      const care = structuredClone(EXAMPLES.find((m) => m.name === 'care-communication-thread-1-new')!.bundle);
      const el = await timeline([...stayMessages('e'), care]);
      expect(text(el, 'notes')).to.contain('1 besked er ikke et advis om sygehusophold og vises ikke her.');
    });

    it('shows times in the time zone given, the message value in datetime', async () => {
      const el = await loaded(
        html`<samspil-stay-timeline
          .messages=${stayMessages('e')}
          time-zone="America/New_York"
          lang="en"
        ></samspil-stay-timeline>`,
      );
      expect(events(el)).to.deep.equal(['Cancelled: Admitted Wed, 18 Nov 2026, 04:00 Cancelled']);
      expect(root(el).querySelector('[part~="event"] time')!.getAttribute('datetime')).to.equal(
        '2026-11-18T10:00:00+01:00',
      );
      expect(text(el, 'notes')).to.contain('Times are shown in the time zone America/New_York.');
      el.timeZone = 'Not/AZone';
      await el.updateComplete;
      const reader = new Intl.DateTimeFormat().resolvedOptions().timeZone;
      expect(text(el, 'notes')).to.contain(`time zone ${reader}.`);
    });
  });

  describe('states', () => {
    it('shows a loading state while the messages are fetched', async () => {
      const pending = sinon.stub(window, 'fetch').returns(new Promise<Response>(() => undefined));
      try {
        const el = await fixture<SamspilStayTimeline>(
          html`<samspil-stay-timeline src="/never.json"></samspil-stay-timeline>`,
        );
        expect(text(el, 'state')).to.equal('Henter advis om sygehusophold …');
        expect(part(el, 'state')!.getAttribute('role')).to.equal('status');
      } finally {
        pending.restore();
      }
    });

    it('shows an empty state without input and for an empty list', async () => {
      const el = await fixture<SamspilStayTimeline>(html`<samspil-stay-timeline></samspil-stay-timeline>`);
      expect(text(el, 'state')).to.equal('Ingen advis om sygehusophold at vise.');
      el.messages = [];
      await waitUntil(() => text(el, 'state') === 'Ingen advis om sygehusophold at vise.');
    });

    it('shows an error and emits samspil-error for a missing file', async () => {
      const el = document.createElement('samspil-stay-timeline');
      el.src = `${OFFICIAL}missing.json`;
      const event = oneEvent(el, 'samspil-error');
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await event;
      expect(detail.message).to.contain('404');
      await waitUntil(() => part(el, 'state')?.getAttribute('role') === 'alert');
      expect(text(el, 'state')).to.contain('Advis om sygehusophold kunne ikke vises.');
      expect(text(el, 'state')).to.contain('HTTP 404');
    });

    it('shows an error without the CPR number for input that is no HospitalNotification', async () => {
      const care = structuredClone(EXAMPLES.find((m) => m.name === 'care-communication-thread-1-new')!.bundle);
      const inputs: (Bundle | string)[][] = [[care], ['{"resourceType": "Bundle", "id": 2509479989'], ['nonsense']];
      for (const messages of inputs) {
        const el = document.createElement('samspil-stay-timeline');
        el.messages = messages;
        const event = oneEvent(el, 'samspil-error');
        (await fixture(html`<div></div>`)).append(el);
        const { detail } = await event;
        await waitUntil(() => part(el, 'state')?.getAttribute('role') === 'alert');
        const shown = `${text(el, 'state')} ${detail.message} ${JSON.stringify(detail.issues)}`;
        expect(shown).to.contain('Advis om sygehusophold kunne ikke vises.');
        expect(shown).not.to.match(/\d{6}-?\d{4}/);
      }
    });
  });

  describe('language', () => {
    it('is Danish by default and English with lang="en", activity labels from the SDK', async () => {
      const el = await timeline(stayMessages('a'));
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('da');
      el.lang = 'en';
      await el.updateComplete;
      expect(text(el, 'title')).to.equal('Hospital stay');
      expect(text(el, 'status-headline')).to.equal('Discharged today — home care must be ready');
      expect(events(el)[0]).to.equal('Admitted Mon, 2 Nov 2026, 08:05 Corrected');
      const title = squash(root(el).querySelector('.message__title')!.textContent);
      expect(title).to.contain(activityLabel('admit-inpatient')!.en);
      expect(factValue(part(el, 'episode')!, 'Status')).to.equal('Discharged');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    });

    it('uses strings the host overrides at runtime', async () => {
      const el = await timeline(stayMessages('a'));
      setStrings('da', {
        stayTitle: 'Indlæggelse',
        stayHeadlineDischargedToday: 'Kommer hjem i dag',
        stayMessages: (n: number) => `${n} advis`,
      });
      await el.updateComplete;
      expect(text(el, 'title')).to.equal('Indlæggelse');
      expect(text(el, 'status-headline')).to.equal('Kommer hjem i dag');
      expect(squash(root(el).querySelector('.messages__heading')!.textContent)).to.equal('8 advis');
    });
  });

  describe('print', () => {
    it('repeats the patient name and formatted CPR in a fixed print header', async () => {
      const el = await timeline(stayMessages('a'));
      await expectFixedPrintHeader(part(el, 'print-header')!, (header) => {
        expect(header).to.equal('Bruno Test Elmer CPR-nr. 250947-9989');
      });
    });

    it('opens every list for printing and restores them afterwards; the preview has no collapsing', async () => {
      const el = await timeline(stayMessages('a'));
      const messages = part(el, 'messages') as HTMLDetailsElement;
      expect(messages.tagName).to.equal('DETAILS');
      expect(messages.open).to.equal(true);
      messages.open = false;
      window.dispatchEvent(new Event('beforeprint'));
      expect(messages.open).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(messages.open).to.equal(false);
      const preview = await loaded(
        html`<samspil-stay-timeline .messages=${stayMessages('a')} print-preview></samspil-stay-timeline>`,
      );
      expect(root(preview).querySelectorAll('details')).to.have.length(0);
      expect(getComputedStyle(part(preview, 'print-header')!).display).to.equal('flex');
    });
  });

  describe('hostile input', () => {
    /** Stay b with payloads in every free-text field the timeline shows. */
    function poisoned(): Bundle[] {
      let n = 0;
      const next = () => HOSTILE_PAYLOADS[n++ % HOSTILE_PAYLOADS.length]!;
      return stayMessages('b').map((bundle) => {
        for (const entry of bundle.entry ?? []) {
          const resource = entry.resource;
          if (resource?.resourceType === 'Patient') {
            (resource as Patient).name = [{ use: 'official', family: next(), given: [next(), next()] }];
          }
          if (resource?.resourceType === 'Organization') {
            const organization = resource as Organization;
            organization.name = next();
            organization.telecom = [
              { system: 'phone', value: next() },
              { system: 'email', value: next() },
              { system: 'url', value: next() },
            ];
          }
        }
        return bundle;
      });
    }

    it('shows payloads as text and runs nothing', async () => {
      const el = await timeline(poisoned());
      await expectInert(root(el), ACTIVE_CONTENT, /^(tel:|mailto:)/);
      expectShownAsText(root(el));
      expect(text(el, 'print-header')).to.contain('<script>');
      const banner = root(el).querySelector('samspil-patient-banner')!;
      expect(banner.shadowRoot!.querySelectorAll('script, img, svg')).to.have.length(0);
    });

    it('stays visible under hostile page CSS and adds no styles to the page', async () => {
      const el = document.createElement('samspil-stay-timeline');
      el.messages = stayMessages('a');
      await underHostilePageCss(
        el,
        () => waitUntil(() => part(el, 'base')),
        () => expectUntouched([part(el, 'title')!, part(el, 'status-headline')!, part(el, 'timeline')!]),
      );
    });
  });

  describe('keyboard', () => {
    it('reaches every contact link and summary with Tab, in document order, with a visible focus ring', async () => {
      const withContacts = stayMessages('a').map((bundle) => {
        for (const entry of bundle.entry ?? []) {
          const resource = entry.resource;
          if (resource?.resourceType === 'Organization' && resource.name?.startsWith('Medicinsk')) {
            resource.telecom = [
              { system: 'phone', value: '38 68 38 68' },
              { system: 'email', value: 'm1@testhospitalet.dk' },
            ];
          }
        }
        return bundle;
      });
      const el = await betweenButtons<SamspilStayTimeline>(
        html`<samspil-stay-timeline .messages=${withContacts}></samspil-stay-timeline>`,
        'samspil-stay-timeline',
      );
      await waitUntil(() => part(el, 'base'));
      const expected = [...root(el).querySelectorAll<HTMLElement>('a[href], summary')];
      expect(expected[0]!.getAttribute('href')).to.equal('tel:+4538683868');
      expect(expected[1]!.getAttribute('href')).to.equal('mailto:m1@testhospitalet.dk');
      await expectTabOrder(el, expected, 5);
      await expectSummaryToggles(expected.find((node) => node.tagName === 'SUMMARY')!);
    });

    it('makes tel: links only of telephone numbers', () => {
      expect(telHref('38 68 38 68')).to.equal('tel:+4538683868');
      expect(telHref('0045 38 68 38 68')).to.equal('tel:+4538683868');
      expect(telHref('javascript:alert(1)')).to.equal(undefined);
    });
  });
});
