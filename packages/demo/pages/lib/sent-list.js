// SPDX-License-Identifier: MIT
// What this party has sent, read from its outbox's store and updated live from the outbox's events: each message
// or letter with its receiver, its state (queued, sent, acknowledged, failed…), the acknowledgement code (or, for a
// letter, the VANS PositiveMessage receipt), how often it went out, and "Send again" once it failed.
import { describeMessage } from '@samspil/sdk';
import { parseLetter } from '@samspil/sdk/oioxml';
import { partyLabel } from './config.js';
import { h } from './dom.js';
import { fromBase64, LETTER_LABELS, patientName, STATE_LABELS, when } from './format.js';

/**
 * What a record is, in a line.
 *
 * @param {import('@samspil/sdk/transport').OutgoingRecord} record
 * @returns {string}
 */
function titleOf(record) {
  try {
    if (record.format === 'oioxml') {
      const letter = parseLetter(fromBase64(record.message));
      if (!letter.ok) return 'OIOXML letter';
      const who = patientName(letter.model.patient);
      return `Letter: ${LETTER_LABELS[letter.model.kind] ?? letter.model.kind}${who ? ` — ${who}` : ''}`;
    }
    const d = describeMessage(JSON.parse(record.message));
    const who = patientName(d.patient);
    const what =
      d.kind === 'hospital-notification'
        ? `${d.standard.en}: ${d.event?.label?.en ?? d.eventCode}`
        : d.kind === 'care-communication'
          ? `${d.standard.en}${d.thread.isReply ? ' (reply)' : d.thread.isForward ? ' (forward)' : ''}: ${
              d.details.topic ?? d.details.categoryLabel?.en ?? ''
            }`
          : d.standard.en;
    return `${what}${who ? ` — ${who}` : ''}`;
  } catch {
    return record.messageHeaderId;
  }
}

/**
 * The answer line: the acknowledgement's code, the letter's receipt, or what is awaited.
 *
 * @param {import('@samspil/sdk/transport').OutgoingRecord} record
 */
function answerOf(record) {
  const letter = record.format === 'oioxml';
  if (record.acknowledgement) {
    const issues = record.acknowledgement.issues.length > 0 ? ` (${record.acknowledgement.issues.join('; ')})` : '';
    return `Acknowledgement: ${record.acknowledgement.code}${issues}`;
  }
  if (letter && record.state === 'acknowledged') return 'VANS receipt: PositiveMessage (the receiver took the letter)';
  if (record.state === 'queued') return 'Not yet accepted by the hub';
  if (record.state === 'sent') return letter ? 'Awaiting the VANS receipt' : 'Awaiting the acknowledgement';
  return 'No answer';
}

/**
 * Shows the outbox's records (not the acknowledgements it sends) in `list`, newest first, kept up to date.
 *
 * @param {HTMLUListElement} list
 * @param {import('./session.js').Session} session
 * @param {HTMLElement} announcer - A polite live region: acknowledged and failed records are announced there.
 */
export function mountSentList(list, session, announcer) {
  /** @type {Map<string, { item: HTMLLIElement, state: string }>} */
  const rows = new Map();
  /** @type {Map<string, string>} */
  const titles = new Map();
  const empty = h('li', { class: 'empty', 'data-testid': 'sent-empty' }, 'Nothing sent yet.');

  const row = (record) => {
    let entry = rows.get(record.key);
    if (!entry) {
      const retry = h(
        'button',
        { type: 'button', class: 'secondary', 'data-testid': 'sent-retry', hidden: true },
        'Send again',
      );
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        try {
          await session.outbox.retry(record.key);
        } catch (error) {
          announcer.textContent = `Could not send again: ${error instanceof Error ? error.message : error}`;
        } finally {
          retry.disabled = false;
          schedule();
        }
      });
      const item = h('li', {
        class: 'sent-item',
        'data-testid': 'sent-item',
        dataset: { key: record.key, format: record.format },
      });
      item.append(
        h('p', { class: 'sent-title' }),
        h('p', { class: 'sent-detail' }),
        h('p', { class: 'sent-detail', 'data-testid': 'sent-answer' }),
        h('p', { class: 'sent-detail', 'data-testid': 'sent-sends' }),
        h('p', { class: 'sent-detail', 'data-testid': 'sent-error' }),
        retry,
      );
      entry = { item, state: record.state };
      rows.set(record.key, entry);
    }
    return entry;
  };

  const update = (record) => {
    const entry = row(record);
    const [title, to, answer, sends, error, retry] = /** @type {HTMLElement[]} */ ([...entry.item.children]);
    if (!titles.has(record.key)) titles.set(record.key, titleOf(record));
    title.textContent = titles.get(record.key) ?? '';
    to.replaceChildren(
      `To ${partyLabel(session.config, record.receiverGln)} · `,
      h(
        'span',
        { class: 'badge', 'data-testid': 'sent-state', dataset: { state: record.state } },
        STATE_LABELS[record.state] ?? record.state,
      ),
    );
    answer.textContent = answerOf(record);
    const resends = record.sends - 1;
    sends.textContent = `Sent ${record.sends} ${record.sends === 1 ? 'time' : 'times'}${
      resends > 0 ? ` (${resends} ${resends === 1 ? 'resend' : 'resends'})` : ''
    } · last change ${when(record.updatedAt)}`;
    error.textContent = record.error ?? '';
    error.hidden = !record.error;
    retry.hidden = !(record.state === 'failed' || record.state === 'failed-transient');
    entry.item.dataset.state = record.state;
    if (entry.state !== record.state && (record.state === 'acknowledged' || record.state.startsWith('failed'))) {
      announcer.textContent = `${title.textContent} to ${partyLabel(session.config, record.receiverGln)}: ${STATE_LABELS[record.state]}.`;
    }
    entry.state = record.state;
    return entry.item;
  };

  let pending = false;
  const render = async () => {
    pending = false;
    const records = (await session.store.listOutgoing()).filter((record) => !record.isAcknowledgement).reverse();
    const wanted = records.length === 0 ? [empty] : records.map(update);
    // Rows are updated in place; the list is only rebuilt when its order changes, so focus stays put.
    const same = wanted.length === list.children.length && wanted.every((item, i) => list.children[i] === item);
    if (!same) list.replaceChildren(...wanted);
  };
  function schedule() {
    if (pending) return;
    pending = true;
    setTimeout(() => void render(), 50);
  }

  session.events.addEventListener('reliable', (event) => {
    const type = /** @type {CustomEvent} */ (event).detail.type;
    if (['state-change', 'failed', 'send-error', 'receipt'].includes(type)) schedule();
  });
  void render();
  return { refresh: schedule };
}
