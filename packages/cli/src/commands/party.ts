// SPDX-License-Identifier: MIT
// What `samspil send` and `samspil receive` share: the party's store and hub transport, reading message files
// and mailbox items, and the checks on their common options.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { describeMessage, detectFormat, parseFhirXml } from '@samspil/sdk';
import { SqliteStore } from '@samspil/sdk/node';
import { HubTransport, unwrapVansEnvelope, VANS_MAX_BYTES, type MailboxItem } from '@samspil/sdk/transport';

/** A GLN (EAN location number): what may name the default store file, since it becomes part of a path. */
export const GLN = /^\d{13}$/;

/** The problem with `--hub` and `--token`, or undefined when both are usable. */
export function hubOptionsProblem(hub: string | undefined, token: string | undefined): string | undefined {
  if (hub === undefined || token === undefined) return '--hub and --token are required';
  let url: URL;
  try {
    url = new URL(hub);
  } catch {
    return '--hub must be a URL, e.g. http://127.0.0.1:8470';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '--hub must be an http or https URL';
  if (token.trim() === '') return '--token must not be empty';
  return undefined;
}

/** The store file: `--store`, or `.samspil/<GLN>.sqlite` under `cwd`. */
export function storePath(gln: string, store: string | undefined, cwd: string): string {
  return store === undefined ? join(cwd, '.samspil', `${gln}.sqlite`) : resolve(cwd, store);
}

/** Opens (creating it and its folder if need be) the SQLite store at `path`. */
export async function openStore(path: string): Promise<SqliteStore> {
  await mkdir(dirname(path), { recursive: true });
  return SqliteStore.open(path);
}

const emptyMailbox = (): Response =>
  new Response('{"items":[]}', { status: 200, headers: { 'content-type': 'application/json' } });

/**
 * A fetch that ends a mailbox read (a long poll of up to 30 s) at once when `stop` aborts, answering it with an
 * empty mailbox: a stopping `receive` need not wait for the hub. Every other request (posting an envelope,
 * confirming an item) runs to its end, so the item in hand is finished.
 */
function stoppableFetch(stop: AbortSignal): typeof globalThis.fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = new URL(request?.url ?? String(input));
    if (method !== 'GET' || !url.pathname.endsWith('/v1/mailbox')) return globalThis.fetch(input, init);
    if (stop.aborted) return emptyMailbox();
    const own = init?.signal ?? request?.signal;
    try {
      return await globalThis.fetch(input, { ...init, signal: own ? AbortSignal.any([own, stop]) : stop });
    } catch (error) {
      if (stop.aborted) return emptyMailbox();
      throw error;
    }
  };
}

/** The party's transport to the hub; mailbox reads end early once `stop` aborts. */
export function hubTransport(url: string, token: string, stop?: AbortSignal): HubTransport {
  return new HubTransport({ url, token, ...(stop ? { fetch: stoppableFetch(stop) } : {}) });
}

/** The Bundle in a FHIR JSON or XML text, or undefined when it holds none. */
export function bundleFromText(text: string): Bundle | undefined {
  let parsed: unknown;
  const format = detectFormat(text);
  if (format === 'json') {
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  } else if (format === 'xml') {
    // The envelope's limit (100 MB), which validateMessage applies too, rather than the XML parser's 20 MB.
    const result = parseFhirXml(text, { maxBytes: VANS_MAX_BYTES });
    parsed = result.ok ? result.resource : undefined;
  }
  const isBundle = typeof parsed === 'object' && parsed !== null && (parsed as Bundle).resourceType === 'Bundle';
  return isBundle ? (parsed as Bundle) : undefined;
}

/**
 * A mailbox item as far as the CLI needs to know before the inbox takes it: what it carries, and the mailbox
 * owner it is addressed to (the hub files every envelope, receipts included, under its ReceiverID).
 */
export interface ItemSummary {
  readonly kind: 'message' | 'acknowledgement' | 'receipt' | 'unreadable';
  /** The envelope's ReceiverID when it is a GLN: the GLN of the token's party. */
  readonly receiverGln: string | undefined;
}

/** Reads a mailbox item's envelope (and, for a message, whether it is an acknowledgement) without acting on it. */
export function summarise(item: MailboxItem): ItemSummary {
  let envelope: ReturnType<typeof unwrapVansEnvelope>;
  try {
    envelope = unwrapVansEnvelope(item.envelope);
  } catch {
    return { kind: 'unreadable', receiverGln: undefined };
  }
  const receiverGln = GLN.test(envelope.receiverId) ? envelope.receiverId : undefined;
  if (envelope.kind === 'receipt') return { kind: 'receipt', receiverGln };
  const bundle = bundleFromText(envelope.message.text());
  let acknowledgement = false;
  try {
    acknowledgement = bundle !== undefined && describeMessage(bundle).kind === 'acknowledgement';
  } catch {
    // Not a readable MedCom message: the inbox answers or drops it.
  }
  return { kind: acknowledgement ? 'acknowledgement' : 'message', receiverGln };
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
