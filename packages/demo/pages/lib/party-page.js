// SPDX-License-Identifier: MIT
// What every party page does: open the party's session, then wire the shared parts (sent items, inbox, event log,
// fault switch). Each page's own module adds its forms afterwards.
import { byId, say } from './dom.js';
import { mountEventLog } from './event-log.js';
import { mountFaultControl } from './faults.js';
import { mountInbox } from './inbox-list.js';
import { mountSentList } from './sent-list.js';
import { openSession } from './session.js';

/**
 * Starts a party page. Resolves to the session, or undefined when the party cannot run here (another tab has it,
 * or the demo server is unreachable); the status line then says why.
 *
 * @param {'hospital' | 'municipality' | 'gp'} key
 * @param {{ composer?: import('./inbox-list.js').ComposerSetup }} [options]
 */
export async function startPartyPage(key, options = {}) {
  const status = byId('session-status');
  let session;
  try {
    session = await openSession(key);
  } catch (error) {
    status.dataset.state = 'error';
    say(
      status,
      `The demo could not start: ${error instanceof Error ? error.message : error}. Is npm start still running?`,
    );
    return undefined;
  }
  const { config, party } = session;
  byId('party-meta').textContent = `${party.name} · GLN ${party.gln} · SOR ${party.sor}`;
  if (session.blocked) {
    status.dataset.state = 'blocked';
    say(
      status,
      `${party.label} is already open in another tab or window. Use that one, or close it and reload this page.`,
    );
    for (const control of document.querySelectorAll('main button, main input, main select, samspil-referral-form')) {
      control.setAttribute('disabled', '');
    }
    return undefined;
  }
  const announcer = byId('announcer');
  mountSentList(/** @type {HTMLUListElement} */ (byId('sent-list')), session, announcer);
  mountInbox({
    list: /** @type {HTMLUListElement} */ (byId('inbox-list')),
    detail: byId('inbox-detail'),
    announcer,
    session,
    ...(options.composer ? { composer: options.composer } : {}),
  });
  mountEventLog(/** @type {HTMLOListElement} */ (byId('event-log')), session);
  mountFaultControl(
    /** @type {HTMLInputElement} */ (byId('fault-rate')),
    /** @type {HTMLOutputElement} */ (byId('fault-rate-value')),
    byId('fault-status'),
  );
  status.dataset.state = 'ready';
  say(
    status,
    `Connected to the hub as ${party.label}: mail is fetched as it arrives. An unanswered message is resent after ` +
      `${config.timing.ackTimeoutMs / 1000} s, at most ${config.timing.maxResends} times.`,
  );
  return session;
}
