// SPDX-License-Identifier: MIT
// The transport's story as it happens: every state change, post error, receipt, acknowledgement and arrival the
// outbox and inbox report, newest first, so resends under injected faults can be watched.
import { partyLabel } from './config.js';
import { h } from './dom.js';
import { clock } from './format.js';

const KEEP = 60;

/**
 * What an event says, and whether it is good or bad news.
 *
 * @param {import('./config.js').DemoConfig} config
 * @param {any} event
 * @returns {{ text: string, tone?: 'good' | 'bad' } | undefined}
 */
function describe(config, event) {
  const to = (gln) => partyLabel(config, gln);
  const id = (value) => (value ? String(value).slice(0, 8) : '?');
  switch (event.type) {
    case 'state-change':
      return {
        text: `Outgoing ${id(event.messageHeaderId)} to ${to(event.receiverGln)}: ${event.from ?? 'new'} → ${event.to}${
          event.sends > 1 ? ` (send ${event.sends})` : ''
        }`,
        tone: event.to === 'acknowledged' ? 'good' : event.to.startsWith('failed') ? 'bad' : undefined,
      };
    case 'send-error':
      return {
        text: `Post of ${id(event.messageHeaderId)} failed (${event.error}); trying again at ${clock(event.retryAt)}`,
        tone: 'bad',
      };
    case 'failed':
      return {
        text: `${id(event.messageHeaderId)} to ${to(event.receiverGln)} needs attention: ${event.reason}`,
        tone: 'bad',
      };
    case 'receipt':
      return {
        text: `VANS ${event.receipt} for envelope ${id(event.envelopeId)}${event.key ? '' : ' (not sent from this page)'}`,
        tone: event.receipt === 'PositiveMessage' ? undefined : 'bad',
      };
    case 'acknowledgement-ignored':
      return {
        text: `Acknowledgement ${event.code ?? ''} from ${to(event.senderGln)} ignored: ${
          event.reason === 'unknown-message' ? 'the message was not sent from this page' : event.reason
        }`,
      };
    case 'message':
      return {
        text: `Received ${id(event.messageHeaderId)} from ${to(event.senderGln)}: ${event.outcome}, answered ${event.code}`,
        tone: event.code === 'ok' ? 'good' : 'bad',
      };
    case 'letter':
      return { text: `Received letter ${event.name ?? ''} from ${to(event.senderGln)}; confirmed`, tone: 'good' };
    case 'unreadable':
      return { text: `Dropped mailbox item ${event.itemId} (${event.what}): ${event.reason}`, tone: 'bad' };
    case 'poll-error':
      return { text: `Mailbox poll failed (${event.reason}); the next poll tries again`, tone: 'bad' };
    default:
      return undefined;
  }
}

/**
 * Shows the session's events in `list` (an `<ol>`), newest first, keeping the last 60.
 *
 * @param {HTMLOListElement} list
 * @param {import('./session.js').Session} session
 */
export function mountEventLog(list, session) {
  session.events.addEventListener('reliable', (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    const line = describe(session.config, detail);
    if (!line) return;
    list.prepend(
      h(
        'li',
        { dataset: { type: detail.type, ...(line.tone ? { tone: line.tone } : {}) } },
        h('time', { datetime: detail.at ?? new Date().toISOString() }, clock(detail.at)),
        line.text,
      ),
    );
    while (list.children.length > KEEP) list.lastElementChild?.remove();
  });
}
