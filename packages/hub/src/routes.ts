// SPDX-License-Identifier: MIT
// The hub's endpoints (docs/hub-api.md), one small handler each, routed by method and path.
import type { IncomingMessage } from 'node:http';
import { isParseError } from '@samspil/sdk';
import { unwrapVansEnvelope, VANS_MAX_BYTES, type VansEnvelope } from '@samspil/sdk/transport';
import type { Caller, Tokens } from './auth.js';
import { checkRate } from './faults.js';
import { problem, readBody, type Reply } from './http.js';
import type { LogFields } from './log.js';
import type { HubParty } from './options.js';
import { headerOf, positiveReceipt, sha256, unknownReceiverReceipt } from './receipts.js';
import type { MailboxSignals } from './signals.js';
import type { HubStore } from './store.js';
import { HUB_VERSION } from './version.js';

/** What the handlers share: the store, the parties and tokens, long-poll signals, the clock, the fault rate. */
export interface HubCore {
  readonly store: HubStore;
  readonly tokens: Tokens;
  readonly parties: ReadonlyMap<string, HubParty>;
  readonly signals: MailboxSignals;
  readonly now: () => Date;
  readonly closing: () => boolean;
  setFaultRate(rate: number): void;
}

/** One request: the raw request, its parsed URL, the fields its log line gets, and a signal for a client gone. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly fields: LogFields;
  readonly signal: AbortSignal;
}

/** The most envelope text one mailbox answer carries (one item always goes, however large). */
const MAILBOX_ANSWER_CHARS = VANS_MAX_BYTES;
const MAX_WAIT_SECONDS = 30;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const notAllowed = (allow: string): Reply => problem(405, 'method-not-allowed', `Use ${allow} on this path`, { allow });

/** The calling party, or the answer refusing the call. */
function partyOf(core: HubCore, ctx: RequestContext): HubParty | Reply {
  const caller: Caller | undefined = core.tokens.resolve(ctx.req.headers.authorization);
  if (!caller) {
    return problem(401, 'unauthorized', 'A bearer token of a party is required', { 'www-authenticate': 'Bearer' });
  }
  if (caller.kind !== 'party') return problem(403, 'not-party', 'The admin token cannot act as a party');
  ctx.fields.gln = caller.party.gln;
  return caller.party;
}

const isReply = (value: HubParty | Reply): value is Reply => 'status' in value;

function health(core: HubCore): Reply {
  return core.closing()
    ? { status: 503, body: { status: 'shutting-down', version: HUB_VERSION } }
    : { status: 200, body: { status: 'ok', version: HUB_VERSION } };
}

function readEnvelope(bytes: Buffer): { readonly text: string; readonly envelope: VansEnvelope } | Reply {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem(400, 'bad-envelope', 'The envelope is not UTF-8 text');
  }
  try {
    return { text, envelope: unwrapVansEnvelope(text) };
  } catch (error) {
    // ParseError messages name the element at fault, never its content, and are CPR-redacted.
    if (isParseError(error)) return problem(400, 'bad-envelope', `Not a readable VANSEnvelope: ${error.message}`);
    throw error;
  }
}

async function postEnvelope(core: HubCore, ctx: RequestContext): Promise<Reply> {
  const party = partyOf(core, ctx);
  if (isReply(party)) return party;
  const body = await readBody(ctx.req, VANS_MAX_BYTES);
  if (!body.ok) return problem(413, 'too-large', `An envelope may be at most ${VANS_MAX_BYTES} bytes (100 MB)`);
  const read = readEnvelope(body.bytes);
  if ('status' in read) return read;
  const { text, envelope } = read;
  const { senderId, receiverId, envelopeId } = envelope;
  Object.assign(ctx.fields, { envelopeId, receiver: receiverId, kind: envelope.kind });
  if (senderId !== party.gln || envelope.senderIdType !== 'EAN') {
    return problem(403, 'not-sender', 'SenderID must be the GLN of the party whose token is used');
  }
  const receiverKnown = envelope.receiverIdType === 'EAN' && core.parties.has(receiverId);
  const outcome = core.store.accept(
    {
      sender: senderId,
      receiver: receiverId,
      envelopeIdentifier: envelopeId,
      kind: envelope.kind,
      body: text,
      sha256: sha256(body.bytes),
      header: headerOf(envelope),
    },
    receiverKnown,
    () => unknownReceiverReceipt(envelope, core.now),
  );
  switch (outcome.kind) {
    case 'reused':
      return problem(409, 'envelope-reused', 'This EnvelopeIdentifier was used before for a different envelope');
    case 'unknown-receiver':
      ctx.fields.duplicate = outcome.duplicate;
      core.signals.notify(outcome.receiptTo);
      return problem(404, 'unknown-receiver', `No party has the receiver id ${receiverId}`);
    case 'accepted':
      ctx.fields.duplicate = outcome.duplicate;
      if (!outcome.duplicate) core.signals.notify(outcome.receiver);
      return {
        status: 202,
        body: { envelopeIdentifier: envelopeId, receiver: outcome.receiver, duplicate: outcome.duplicate },
      };
  }
}

/** A whole-number (or, for `wait`, decimal) query parameter within bounds; undefined when absent. */
function numberParam(url: URL, name: string, min: number, max: number, decimals: boolean): number | undefined | Reply {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  const shape = decimals ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!shape.test(raw) || value < min || value > max) {
    return problem(400, 'bad-request', `${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

async function readMailbox(core: HubCore, ctx: RequestContext): Promise<Reply> {
  const party = partyOf(core, ctx);
  if (isReply(party)) return party;
  const owner = ctx.url.searchParams.get('gln');
  if (owner !== null && owner !== party.gln) {
    return problem(403, 'not-owner', 'A party may read only its own mailbox');
  }
  const limit = numberParam(ctx.url, 'limit', 1, 500, false) ?? 100;
  if (typeof limit !== 'number') return limit;
  const wait = numberParam(ctx.url, 'wait', 0, MAX_WAIT_SECONDS, true) ?? 0;
  if (typeof wait !== 'number') return wait;
  let items = core.store.mailbox(party.gln, limit, MAILBOX_ANSWER_CHARS);
  if (items.length === 0 && wait > 0) {
    await core.signals.wait(party.gln, wait * 1000, ctx.signal);
    items = core.store.mailbox(party.gln, limit, MAILBOX_ANSWER_CHARS);
  }
  ctx.fields.items = items.length;
  return { status: 200, body: { items } };
}

function confirmItem(core: HubCore, ctx: RequestContext, itemId: string): Reply {
  const party = partyOf(core, ctx);
  if (isReply(party)) return party;
  ctx.fields.itemId = itemId;
  const outcome = core.store.confirm(party.gln, itemId, (header) => positiveReceipt(header, core.now));
  switch (outcome.kind) {
    case 'not-found':
      return problem(404, 'unknown-item', 'This item was never in your mailbox');
    case 'not-owner':
      return problem(403, 'not-owner', 'The item is in another party’s mailbox');
    case 'already-confirmed':
      return { status: 204 };
    case 'confirmed':
      ctx.fields.envelopeId = outcome.envelopeIdentifier;
      core.signals.notify(outcome.receiptTo);
      return { status: 204 };
  }
}

function deliveryStatus(core: HubCore, ctx: RequestContext, envelopeIdentifier: string): Reply {
  const party = partyOf(core, ctx);
  if (isReply(party)) return party;
  ctx.fields.envelopeId = envelopeIdentifier;
  const status = core.store.status(party.gln, envelopeIdentifier);
  if (!status) return problem(404, 'unknown-envelope', 'You sent no envelope with this EnvelopeIdentifier');
  ctx.fields.state = status.state;
  return { status: 200, body: status };
}

async function setFaults(core: HubCore, ctx: RequestContext): Promise<Reply> {
  const caller = core.tokens.resolve(ctx.req.headers.authorization);
  if (!caller) return problem(401, 'unauthorized', 'The admin token is required', { 'www-authenticate': 'Bearer' });
  if (caller.kind !== 'admin') return problem(403, 'not-admin', 'Only the admin token may change the fault rate');
  const body = await readBody(ctx.req, 1024);
  if (!body.ok) return problem(413, 'too-large', 'The body may be at most 1024 bytes');
  let rate: unknown;
  try {
    rate = (JSON.parse(body.bytes.toString('utf8')) as { rate?: unknown } | null)?.rate;
  } catch {
    rate = undefined;
  }
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    return problem(400, 'bad-request', 'Expected {"rate": R} with R from 0 to 1');
  }
  core.setFaultRate(checkRate(rate));
  ctx.fields.rate = rate;
  return { status: 200, body: { rate } };
}

/** Whether a path takes injected faults: the API, but not its admin part (or health). */
export function faultable(pathname: string): boolean {
  return pathname.startsWith('/v1/') && !pathname.startsWith('/v1/admin/');
}

/** The one path segment after `prefix`, decoded; undefined when the path has another shape. */
function segment(pathname: string, prefix: string): string | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/** Answers one request. */
export async function route(core: HubCore, ctx: RequestContext): Promise<Reply> {
  const { pathname } = ctx.url;
  const method = ctx.req.method ?? 'GET';
  const on = (allowed: string, handle: () => Reply | Promise<Reply>): Reply | Promise<Reply> =>
    method === allowed ? handle() : notAllowed(allowed);
  if (pathname === '/health') return on('GET', () => health(core));
  if (pathname === '/v1/envelopes') return on('POST', () => postEnvelope(core, ctx));
  if (pathname === '/v1/mailbox') return on('GET', () => readMailbox(core, ctx));
  if (pathname === '/v1/admin/faults') return on('POST', () => setFaults(core, ctx));
  const item = segment(pathname, '/v1/mailbox/');
  if (item !== undefined) return on('DELETE', () => confirmItem(core, ctx, item));
  const envelope = segment(pathname, '/v1/envelopes/');
  if (envelope !== undefined) return on('GET', () => deliveryStatus(core, ctx, envelope));
  return problem(404, 'not-found', 'No such endpoint');
}
