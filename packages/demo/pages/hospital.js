// SPDX-License-Identifier: MIT
// The hospital: tells the municipality about stays (HospitalNotification, each follow-up carrying the stay's
// history with previousNotification), sends letters (MedCom's example discharge summary to the GP, rehabilitation
// plan to the municipality), and reads referrals and CareCommunications.
import { buildHospitalNotification, previousNotification } from '@samspil/sdk';
import { EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from '@samspil/sdk/examples';
import { byId, say } from './lib/dom.js';
import { when } from './lib/format.js';
import { startPartyPage } from './lib/party-page.js';

/** @param {{ name: string, sor: string, gln: string }} party */
const organisation = ({ name, sor, gln }) => ({ name, sor, gln });

/** Now, to the second, as a FHIR dateTime: kept as written across a stay's messages. */
const now = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** What a button does to a stay, and which phases allow it. */
const ACTIONS = {
  'admit-inpatient': { from: [undefined, 'discharged'], to: 'admitted' },
  'start-leave-inpatient': { from: ['admitted'], to: 'on-leave' },
  'end-leave-inpatient': { from: ['on-leave'], to: 'admitted' },
  'discharge-inpatient-home': { from: ['admitted'], to: 'discharged' },
};

/**
 * @typedef {{ phase: 'admitted' | 'on-leave' | 'discharged', episode: string, start: string, leave?: { start: string, end?: string },
 *   end?: string, latest: object }} Stay
 */

/** @param {import('./lib/session.js').Session} session */
function mountNotifications(session) {
  const storageKey = `samspil-demo-${session.config.runId}-hospital-stays`;
  /** @type {Record<string, Stay>} */
  let stays;
  try {
    stays = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
  } catch {
    stays = {};
  }
  const select = /** @type {HTMLSelectElement} */ (byId('notify-patient'));
  const state = byId('notify-state');
  const status = byId('notify-status');
  const buttons = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll('#notify-actions button')]);

  const sync = () => {
    const stay = stays[select.value];
    for (const button of buttons) {
      button.disabled = !ACTIONS[button.dataset.activity ?? ''].from.includes(stay?.phase);
    }
    state.textContent =
      stay?.phase === 'admitted'
        ? `Admitted since ${when(stay.start)}${stay.leave?.end ? `; back from leave ${when(stay.leave.end)}` : ''}.`
        : stay?.phase === 'on-leave'
          ? `On leave since ${when(stay.leave?.start)}.`
          : stay?.phase === 'discharged'
            ? `Discharged ${when(stay.end)}. Admitting again starts a new stay.`
            : 'Not admitted.';
  };

  for (const button of buttons) {
    button.addEventListener('click', async () => {
      const activity = /** @type {keyof typeof ACTIONS} */ (button.dataset.activity);
      const patientKey = select.value;
      const patient = EXAMPLE_PATIENTS[/** @type {keyof typeof EXAMPLE_PATIENTS} */ (patientKey)];
      const before = stays[patientKey];
      const at = now();
      const fresh = activity === 'admit-inpatient';
      /** @type {Stay} */
      const stay = fresh
        ? { phase: 'admitted', episode: crypto.randomUUID(), start: at, latest: {} }
        : { ...before, leave: before.leave ? { ...before.leave } : undefined };
      if (activity === 'start-leave-inpatient') stay.leave = { start: at };
      if (activity === 'end-leave-inpatient' && stay.leave) stay.leave.end = at;
      if (activity === 'discharge-inpatient-home') stay.end = at;
      const encounter = {
        start: stay.start,
        ...(stay.leave && activity !== 'discharge-inpatient-home' ? { leave: stay.leave } : {}),
        ...(stay.end ? { end: stay.end } : {}),
      };
      for (const b of buttons) b.disabled = true;
      say(status, 'Sending…');
      try {
        const bundle = buildHospitalNotification({
          activity,
          sender: organisation(EXAMPLE_PARTIES.hospital),
          receiver: organisation(EXAMPLE_PARTIES.municipality),
          patient,
          encounter,
          episodeOfCare: { local: stay.episode },
          ...(fresh ? { reportOfAdmission: true } : { previous: previousNotification(before.latest) }),
        });
        await session.outbox.send(bundle);
        stays = { ...stays, [patientKey]: { ...stay, phase: ACTIONS[activity].to, latest: bundle } };
        localStorage.setItem(storageKey, JSON.stringify(stays));
        say(
          status,
          `${button.textContent?.trim()} sent for ${patient.given[0]} ${patient.family}; its state is under "Sent".`,
        );
      } catch (error) {
        // Builder (InputError) and validation (ValidationError) problems both list their issues.
        const issues = Array.isArray(error?.issues) ? error.issues.map((issue) => issue.message).join('; ') : '';
        say(
          status,
          `Not sent: ${error instanceof Error ? error.message : error}${issues ? ` (${issues})` : ''}`,
          'error',
        );
      } finally {
        sync();
      }
    });
  }
  select.addEventListener('change', () => {
    say(status, '');
    sync();
  });
  sync();
}

/** @param {import('./lib/session.js').Session} session */
function mountLetters(session) {
  const status = byId('letters-status');
  const sources = session.config.letters;
  const wire = (/** @type {string} */ id, /** @type {string} */ folder, /** @type {'gp' | 'municipality'} */ to) => {
    const button = /** @type {HTMLButtonElement} */ (byId(id));
    const url = sources.find((path) => path.includes(`/${folder}/`));
    if (!url) {
      button.disabled = true;
      say(status, "MedCom's example letters were not found: set SAMSPIL_SHARED and restart the demo.", 'error');
      return;
    }
    button.addEventListener('click', async () => {
      button.disabled = true;
      say(status, 'Sending…');
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`the letter could not be fetched (${response.status})`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        await session.outbox.sendLetter(bytes, session.config.parties[to].gln);
        say(status, `${button.textContent?.trim()}: sent; it is acknowledged when the VANS receipt comes back.`);
      } catch (error) {
        say(status, `Not sent: ${error instanceof Error ? error.message : error}`, 'error');
      } finally {
        button.disabled = false;
      }
    });
  };
  wire('send-discharge-summary', 'xdis01', 'gp');
  wire('send-rehab-plan', 'ggop', 'municipality');
}

const session = await startPartyPage('hospital', {
  composer: {
    author: { family: 'Hansen', given: ['Mette'], role: 'sygeplejerske' },
    phone: '+4538683868',
    sender: organisation(EXAMPLE_PARTIES.hospital),
  },
});
if (session) {
  mountNotifications(session);
  mountLetters(session);
}
