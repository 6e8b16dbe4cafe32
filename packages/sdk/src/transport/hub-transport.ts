// SPDX-License-Identifier: MIT
// The Transport for the reference hub's HTTP API (docs/hub-api.md), over ky. Every call may be repeated safely:
// the hub deduplicates envelopes by sender and EnvelopeIdentifier and confirming is idempotent, so POST and
// DELETE are retried like GET after a dropped connection, a timeout or a 5xx.
import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import { HttpError, NetworkError, TimeoutError, TransportError } from '../errors/index.js';
import type { MailboxItem, Transport } from './types.js';
import { VANS_MAX_BYTES } from './vans/types.js';

/**
 * How {@link HubTransport} retries a request that failed in a way that may pass: a dropped connection, a
 * timeout, or status 408, 429, 500, 502, 503 or 504.
 *
 * @example
 * ```ts
 * const retry: HubRetryOptions = { limit: 4, maxDelayMs: 2000 };
 * ```
 * @category Transport
 */
export interface HubRetryOptions {
  /** Retries after the first attempt: 2 by default; 0 turns retrying off. */
  readonly limit?: number;
  /** The longest wait between attempts (the wait starts at 300 ms and doubles, with jitter): 5000 by default. */
  readonly maxDelayMs?: number;
}

/**
 * Options of {@link HubTransport}.
 *
 * @example
 * ```ts
 * const options: HubTransportOptions = { url: 'http://127.0.0.1:8470', token: process.env.HUB_TOKEN ?? '' };
 * ```
 * @category Transport
 */
export interface HubTransportOptions {
  /** The hub's base URL, e.g. `http://127.0.0.1:8470`. */
  readonly url: string;
  /** This party's bearer token. */
  readonly token: string;
  /** How long one attempt may wait for an answer (a mailbox read gets its `waitSeconds` on top): 10 000 ms. */
  readonly timeoutMs?: number;
  /** Retries of failed attempts. */
  readonly retry?: HubRetryOptions;
  /** The fetch implementation; the global `fetch` by default. */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Where an envelope this party sent is, as the hub reports it: `waiting` in the receiver's mailbox, or
 * `delivered` (the receiver confirmed it) at `deliveredAt`.
 *
 * @example
 * ```ts
 * const status: HubDeliveryStatus | undefined = await transport.deliveryStatus(envelopeId);
 * if (status?.state === 'delivered') console.log('delivered at', status.deliveredAt);
 * ```
 * @category Transport
 */
export interface HubDeliveryStatus {
  readonly envelopeIdentifier: string;
  /** The receiver's GLN. */
  readonly receiver: string;
  readonly state: 'waiting' | 'delivered';
  readonly acceptedAt: string;
  readonly deliveredAt?: string;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const MAX_WAIT_SECONDS = 30;
const utf8 = /* @__PURE__ */ new TextEncoder();

/** Whether the UTF-8 form of `text` is over MedCom's 100 MB, encoding only when the length leaves a doubt. */
function tooLarge(text: string): boolean {
  if (text.length > VANS_MAX_BYTES) return true;
  return text.length * 3 > VANS_MAX_BYTES && utf8.encode(text).byteLength > VANS_MAX_BYTES;
}

/** The hub's `{ error, message }`, when the body is one. */
async function problemOf(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown } | null;
    return {
      ...(typeof body?.error === 'string' ? { code: body.error } : {}),
      ...(typeof body?.message === 'string' ? { message: body.message } : {}),
    };
  } catch {
    return {};
  }
}

/** What a failed call becomes: HttpError for an answer, TimeoutError, or NetworkError for no answer. */
async function transportError(error: unknown, what: string, timeoutMs: number): Promise<TransportError> {
  if (isHTTPError(error)) {
    const { status } = error.response;
    const { code, message } = await problemOf(error.response);
    return new HttpError(status, message ?? `The hub answered ${status} to ${what}`, code, { cause: error });
  }
  if (isTimeoutError(error)) {
    return new TimeoutError(`The hub did not answer ${what} within ${timeoutMs} ms`, { cause: error });
  }
  const reason = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail =
    typeof reason?.code === 'string' ? reason.code : typeof reason?.message === 'string' ? reason.message : '';
  return new NetworkError(`No answer from the hub to ${what}${detail ? ` (${detail})` : ''}`, { cause: error });
}

/**
 * The {@link Transport} for the reference hub (`samspil hub`, `@samspil/hub`): posts envelopes, reads and
 * confirms this party's mailbox, and asks for an envelope's delivery status.
 *
 * Failures are `TransportError`s: an error status becomes an `HttpError` with the status and the hub's error code
 * and message (retryable for 5xx, 408 and 429; a 4xx such as `403 not-sender`, `404 unknown-receiver`,
 * `409 envelope-reused` or `413 too-large` is final, so the outbox fails the record), no answer in time a
 * `TimeoutError`, and a refused or dropped connection a `NetworkError`, all retryable. Retryable failures are
 * first retried here (`retry`), POST included: a repeated post of the same envelope is stored once.
 *
 * @example
 * ```ts
 * import { HubTransport, Outbox } from '@samspil/sdk/transport';
 * import { SqliteStore } from '@samspil/sdk/node';
 *
 * const transport = new HubTransport({ url: 'http://127.0.0.1:8470', token: process.env.HUB_TOKEN ?? '' });
 * const store = await SqliteStore.open('./samspil.db');
 * const outbox = new Outbox({ store, transport, self: '5790000130016' });
 * await outbox.send(careCommunication);
 * ```
 * @category Transport
 */
export class HubTransport implements Transport {
  private readonly http: KyInstance;
  private readonly timeoutMs: number;

  /** @param options - The hub's URL, this party's token, and the timeout, retries and fetch to use. */
  constructor(options: HubTransportOptions) {
    if (typeof options?.url !== 'string' || typeof options.token !== 'string' || options.token === '') {
      throw new TypeError('HubTransport needs the hub url and a token');
    }
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const maxDelayMs = options.retry?.maxDelayMs ?? 5000;
    this.http = ky.create({
      prefixUrl: options.url,
      headers: { authorization: `Bearer ${options.token}` },
      // A mailbox answer must never come from a cache. It also keeps browsers from holding identical GETs behind one
      // another (their cache lock), which would queue the long polls of several parties open in one browser.
      cache: 'no-store',
      timeout: this.timeoutMs,
      retry: {
        limit: options.retry?.limit ?? 2,
        methods: ['get', 'post', 'delete'],
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: [429, 503],
        maxRetryAfter: maxDelayMs,
        backoffLimit: maxDelayMs,
        retryOnTimeout: true,
        jitter: true,
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /**
   * Posts one envelope: resolves once the hub has stored it (`202`, also for a repeat of an envelope it has).
   *
   * @param envelope - A VANSEnvelope (XML) whose SenderID is this party's GLN.
   * @throws HttpError for an envelope the hub refuses (`400 bad-envelope`, `403 not-sender`, `404
   *   unknown-receiver`, `409 envelope-reused`, `413 too-large`; final) or cannot take now (5xx; retryable);
   *   TimeoutError or NetworkError when no answer came; a final TransportError for an envelope over 100 MB.
   * @example
   * ```ts
   * await transport.send(wrapVansEnvelope(bundle, { sender, receiver }));
   * ```
   */
  async send(envelope: string): Promise<void> {
    if (typeof envelope !== 'string' || tooLarge(envelope)) {
      throw new TransportError(`An envelope may be at most ${VANS_MAX_BYTES} bytes (100 MB)`, false);
    }
    await this.call('the post of an envelope', this.timeoutMs, () =>
      this.http.post('v1/envelopes', { body: envelope, headers: { 'content-type': 'application/xml' } }).json(),
    );
  }

  /**
   * Reads this party's mailbox, oldest first; items stay until confirmed.
   *
   * @param options - `limit` (1–500, default 100) and `waitSeconds` (at most 30) to wait for the first item.
   * @returns The waiting items.
   * @throws TransportError as for {@link HubTransport.send}.
   * @example
   * ```ts
   * for (const item of await transport.fetch({ waitSeconds: 20 })) await handle(item);
   * ```
   */
  async fetch(
    options: { readonly limit?: number; readonly waitSeconds?: number } = {},
  ): Promise<readonly MailboxItem[]> {
    const limit = Math.min(500, Math.max(1, Math.floor(options.limit ?? 100)));
    const wait = Math.min(MAX_WAIT_SECONDS, Math.max(0, options.waitSeconds ?? 0));
    const searchParams: Record<string, number> = wait > 0 ? { limit, wait } : { limit };
    const timeoutMs = this.timeoutMs + wait * 1000;
    const body = await this.call('a mailbox read', timeoutMs, () =>
      this.http.get('v1/mailbox', { searchParams, timeout: timeoutMs }).json<{ items?: readonly MailboxItem[] }>(),
    );
    return Array.isArray(body.items) ? body.items : [];
  }

  /**
   * Confirms a handled item, removing it from the mailbox. Confirming an item already removed succeeds, and so
   * does one the hub does not know (`404`): either way it will not be fetched again.
   *
   * @param itemId - The item's `id`.
   * @throws TransportError as for {@link HubTransport.send}.
   * @example
   * ```ts
   * await transport.confirm(item.id);
   * ```
   */
  async confirm(itemId: string): Promise<void> {
    try {
      await this.call('a confirmation', this.timeoutMs, () =>
        this.http.delete(`v1/mailbox/${encodeURIComponent(itemId)}`),
      );
    } catch (error) {
      if (error instanceof HttpError && error.status === 404 && error.code === 'unknown-item') return;
      throw error;
    }
  }

  /**
   * The delivery status of an envelope this party sent.
   *
   * @param envelopeIdentifier - The envelope's EnvelopeIdentifier.
   * @returns The status, or undefined when the hub has no such envelope from this party (never sent, or refused).
   * @throws TransportError as for {@link HubTransport.send}.
   * @example
   * ```ts
   * const status = await transport.deliveryStatus(record.envelopeId);
   * ```
   */
  async deliveryStatus(envelopeIdentifier: string): Promise<HubDeliveryStatus | undefined> {
    try {
      return await this.call('a status request', this.timeoutMs, () =>
        this.http.get(`v1/envelopes/${encodeURIComponent(envelopeIdentifier)}`).json<HubDeliveryStatus>(),
      );
    } catch (error) {
      if (error instanceof HttpError && error.status === 404 && error.code === 'unknown-envelope') return undefined;
      throw error;
    }
  }

  /** Runs one request, reading its answer too, and turns whatever fails into a TransportError. */
  private async call<T>(what: string, timeoutMs: number, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw await transportError(error, what, timeoutMs);
    }
  }
}
