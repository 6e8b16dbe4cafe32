// SPDX-License-Identifier: MIT
// What this party has received, grouped the way a clinician reads it: a hospital stay's notifications as one
// timeline, a CareCommunication conversation as one thread (with this party's own replies, and a composer to
// answer), and each letter on its own. Choosing an entry shows it with the matching component.
import { describeMessage } from '@samspil/sdk';
import { parseLetter } from '@samspil/sdk/oioxml';
import '@samspil/components/message.js';
import '@samspil/components/message-composer.js';
import '@samspil/components/message-thread.js';
import '@samspil/components/stay-timeline.js';
import { partyLabel } from './config.js';
import { h, say } from './dom.js';
import { LETTER_LABELS, patientName, when } from './format.js';

/**
 * @typedef {{ key: string, kind: 'stay' | 'thread' | 'letter' | 'message', title: string, from: string,
 *   latest: string, received: number, bundles: object[], letter?: Uint8Array }} Entry
 * @typedef {{ author: object, phone: string, sender: object }} ComposerSetup
 */

/** How much an entry holds, in words. @param {Entry} entry */
function count(entry) {
  if (entry.kind === 'letter') return 'letter';
  const n = entry.bundles.length;
  return `${n} ${n === 1 ? 'message' : 'messages'}`;
}

/**
 * The received items (and this party's own CareCommunications) as inbox entries, newest first.
 *
 * @param {import('./session.js').Session} session
 * @returns {Promise<Entry[]>}
 */
async function entriesOf(session) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** @returns {Entry} */
  const group = (key, kind, title) => {
    let found = entries.get(key);
    if (!found) {
      found = { key, kind, title, from: '', latest: '', received: 0, bundles: [] };
      entries.set(key, found);
    }
    return found;
  };
  const from = (gln) => partyLabel(session.config, gln);

  for (const item of await session.received.all()) {
    let current;
    if (item.type === 'letter') {
      const letter = parseLetter(item.bytes);
      const kind = letter.ok ? letter.model.kind : undefined;
      const who = letter.ok ? patientName(letter.model.patient) : '';
      current = group(`letter:${item.id}`, 'letter', `${LETTER_LABELS[kind] ?? 'Letter'}${who ? ` — ${who}` : ''}`);
      current.letter = item.bytes;
    } else {
      const bundle = JSON.parse(item.json);
      const d = describeMessage(bundle);
      const who = patientName(d.patient);
      if (d.kind === 'hospital-notification') {
        const stay = d.details.episodeOfCareIds[0] ?? d.patient?.identifier?.value ?? item.id;
        current = group(`stay:${stay}`, 'stay', `Hospital stay — ${who}`);
      } else if (d.kind === 'care-communication') {
        const topic = d.details.topic ?? d.details.categoryLabel?.en ?? 'CareCommunication';
        current = group(`thread:${d.details.threadId ?? item.id}`, 'thread', `${topic} — ${who}`);
      } else {
        current = group(`message:${item.id}`, 'message', `${d.standard.en} — ${who}`);
      }
      current.bundles.push(bundle);
    }
    current.from = from(item.senderGln);
    current.latest = item.receivedAt;
    current.received += 1;
  }

  // This party's own replies belong in the threads they answer.
  for (const record of await session.store.listOutgoing()) {
    if (record.isAcknowledgement || record.format === 'oioxml') continue;
    const bundle = JSON.parse(record.message);
    const d = describeMessage(bundle);
    if (d.kind !== 'care-communication') continue;
    const thread = entries.get(`thread:${d.details.threadId}`);
    if (!thread) continue;
    thread.bundles = [...thread.bundles, bundle];
    if (record.createdAt > thread.latest) thread.latest = record.createdAt;
  }
  return [...entries.values()].sort((a, b) => b.latest.localeCompare(a.latest));
}

/**
 * Shows the inbox in `list` and the chosen entry in `detail`.
 *
 * @param {{ list: HTMLUListElement, detail: HTMLElement, announcer: HTMLElement,
 *   session: import('./session.js').Session, composer?: ComposerSetup }} options
 */
export function mountInbox({ list, detail, announcer, session, composer }) {
  /** @type {string | undefined} */
  let selected;
  /** @type {{ key: string, count: number, viewer: HTMLElement } | undefined} */
  let shown;
  let first = true;
  const known = new Set();

  const show = (/** @type {Entry} */ entry, focus) => {
    if (shown?.key === entry.key) {
      // The same entry with more messages: update the viewer in place (the composer keeps what is typed).
      if (shown.count !== entry.bundles.length) {
        shown.viewer.messages = entry.bundles;
        shown.count = entry.bundles.length;
      }
      return;
    }
    const heading = h('h3', { id: 'inbox-detail-heading', tabindex: '-1' }, entry.title);
    const meta = h('p', { class: 'hint' }, `From ${entry.from} · received ${when(entry.latest)}`);
    let viewer;
    const parts = [heading, meta];
    if (entry.kind === 'stay') {
      viewer = h('samspil-stay-timeline', {
        '.messages': entry.bundles,
        'heading-level': '4',
        'data-testid': 'stay-timeline',
      });
      parts.push(viewer);
    } else if (entry.kind === 'thread') {
      viewer = h('samspil-message-thread', {
        '.messages': entry.bundles,
        'heading-level': '4',
        'data-testid': 'message-thread',
      });
      if (composer) {
        const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'composer-status' });
        const form = h('samspil-message-composer', {
          slot: 'composer',
          'heading-level': '4',
          '.author': composer.author,
          '.sender': composer.sender,
          phone: composer.phone,
          'data-testid': 'message-composer',
        });
        form.addEventListener('samspil-send', async (event) => {
          // The composer would reset at once; it is reset here only once the outbox has the message.
          event.preventDefault();
          say(status, 'Sending…');
          try {
            await session.outbox.send(event.detail.message);
            form.reset();
            say(status, 'Sent. Its state is under "Sent".');
            refresh();
          } catch (error) {
            const issues = error?.issues?.map((issue) => issue.message).join('; ');
            say(
              status,
              `Not sent: ${error instanceof Error ? error.message : error}${issues ? ` (${issues})` : ''}`,
              'error',
            );
          }
        });
        viewer.append(form);
        parts.push(viewer, status);
      } else {
        parts.push(viewer);
      }
    } else {
      viewer = h('samspil-message', {
        '.message': entry.kind === 'letter' ? entry.letter : entry.bundles[0],
        'heading-level': '4',
        'data-testid': 'message-viewer',
      });
      parts.push(viewer);
    }
    detail.replaceChildren(...parts);
    detail.dataset.key = entry.key;
    shown = { key: entry.key, count: entry.bundles.length, viewer };
    if (focus) heading.focus();
  };

  const empty = h('li', { class: 'empty', 'data-testid': 'inbox-empty' }, 'Nothing received yet.');
  /** @type {Map<string, { item: HTMLLIElement, button: HTMLButtonElement, entry: Entry }>} */
  const rows = new Map();
  const select = (key) => {
    selected = key;
    for (const { button } of rows.values()) {
      if (button.dataset.key === selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  };
  /** @param {Entry} entry */
  const rowOf = (entry) => {
    let row = rows.get(entry.key);
    if (!row) {
      const button = h('button', {
        type: 'button',
        'data-testid': 'inbox-item',
        dataset: { key: entry.key, kind: entry.kind },
      });
      const item = h('li', { class: 'inbox-entry' }, button);
      row = { item, button, entry };
      rows.set(entry.key, row);
      const current = row;
      button.addEventListener('click', () => {
        select(current.entry.key);
        show(current.entry, true);
      });
    }
    row.entry = entry;
    if (entry.key === selected) row.button.setAttribute('aria-current', 'true');
    row.button.replaceChildren(
      h('span', { class: 'entry-title' }, entry.title),
      h('span', { class: 'entry-meta' }, `From ${entry.from} · ${count(entry)} · ${when(entry.latest)}`),
    );
    return row.item;
  };

  const render = async () => {
    const entries = await entriesOf(session);
    const fresh = entries.filter((entry) => !known.has(`${entry.key}#${entry.received}`));
    for (const entry of entries) known.add(`${entry.key}#${entry.received}`);
    if (!first && fresh.length > 0) {
      announcer.textContent = `New in the inbox: ${fresh.map((entry) => entry.title).join(', ')}.`;
    }
    first = false;
    const wanted = entries.length === 0 ? [empty] : entries.map(rowOf);
    // Rows are kept and updated in place; the list is only rebuilt when its order changes, so focus stays put.
    const same = wanted.length === list.children.length && wanted.every((item, i) => list.children[i] === item);
    if (!same) list.replaceChildren(...wanted);
    const current = entries.find((entry) => entry.key === selected);
    if (current) show(current, false);
  };

  let pending = false;
  function refresh() {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      void render();
    }, 50);
  }
  session.received.changes.addEventListener('change', refresh);
  session.events.addEventListener('reliable', (event) => {
    if (/** @type {CustomEvent} */ (event).detail.type === 'state-change') refresh();
  });
  void render();
  return { refresh };
}
