// SPDX-License-Identifier: MIT
// Shared by the hub's tests: three parties, a hub on an ephemeral loopback port that records its log lines,
// CareCommunication envelopes between the parties, and a small HTTP client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { buildCareCommunication } from '@samspil/sdk';
import { EXAMPLE_PARTIES } from '@samspil/sdk/examples';
import { wrapVansEnvelope } from '@samspil/sdk/transport';
import { startHub, type Hub, type HubOptions, type HubParty } from './index.js';

/** MedCom's test patient: the CPR number that must never show up in a log line. */
export const CPR = '2509479989';

type Org = { readonly gln: string; readonly name: string; readonly sor: string };
export type TestParty = HubParty & { readonly org: Org };

function party({ gln, name, sor }: Org, token: string): TestParty {
  return { gln, name, token, org: { gln, name, sor } };
}

export const HOSPITAL = party(EXAMPLE_PARTIES.hospital, 'token-hospital');
export const MUNICIPALITY = party(EXAMPLE_PARTIES.municipality, 'token-municipality');
export const GP = party(EXAMPLE_PARTIES.gp, 'token-gp');
export const PARTIES: readonly TestParty[] = [HOSPITAL, MUNICIPALITY, GP];
export const ADMIN_TOKEN = 'token-admin';
/** An organisation with a valid GLN that is no party on the hub. */
export const STRANGER: Org = EXAMPLE_PARTIES.acuteTeam;

/** A hub plus every line it logged. */
export interface TestHub extends Hub {
  readonly lines: Record<string, unknown>[];
}

/** Starts a hub on 127.0.0.1, an ephemeral port and an in-memory database unless told otherwise. */
export async function testHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const lines: Record<string, unknown>[] = [];
  const hub = await startHub({
    parties: PARTIES.map(({ gln, name, token }) => ({ gln, name, token })),
    adminToken: ADMIN_TOKEN,
    db: ':memory:',
    log: (line) => lines.push(line as Record<string, unknown>),
    ...options,
  });
  return Object.assign(hub, { lines });
}

/** A CareCommunication about the test patient. */
export function letter(from: TestParty, to: TestParty | Org, text = 'Hej'): Bundle {
  return buildCareCommunication({
    sender: from.org,
    receiver: 'org' in to ? to.org : to,
    patient: { cpr: CPR, family: 'Elmer', given: ['Bruno'] },
    category: 'other',
    topic: 'Opfølgning',
    texts: [{ text, author: { family: 'Burns', given: ['Michael'], role: 'sygeplejerske' }, phone: '38683868' }],
  });
}

/** A VANSEnvelope with a CareCommunication from `from` to a party or another organisation. */
export function envelope(
  from: TestParty,
  to: TestParty | Org,
  options: { envelopeId?: string; text?: string } = {},
): string {
  return wrapVansEnvelope(letter(from, 'org' in to ? to.org : to, options.text), {
    sender: from.gln,
    receiver: to.gln,
    ...(options.envelopeId === undefined ? {} : { envelopeId: options.envelopeId }),
  });
}

/** The EnvelopeIdentifier written in an envelope. */
export function envelopeIdOf(xml: string): string {
  const id = /<EnvelopeIdentifier>([^<]+)<\/EnvelopeIdentifier>/.exec(xml)?.[1];
  if (id === undefined) throw new Error('No EnvelopeIdentifier');
  return id;
}

/** An answer: status, headers and the parsed JSON body (undefined when empty). */
export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** One request to the hub with `token` (none when undefined). */
export async function call<T = Record<string, unknown>>(
  hub: Pick<Hub, 'url'>,
  token: string | undefined,
  method: string,
  path: string,
  body?: string | Uint8Array<ArrayBuffer>,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/xml';
  const response = await fetch(`${hub.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** One mailbox item as the hub answers it. */
export interface Item {
  readonly id: string;
  readonly envelope: string;
  readonly receivedAt: string;
}

/** The waiting items of a party's mailbox. */
export async function mailbox(hub: Pick<Hub, 'url'>, who: TestParty, query = ''): Promise<Item[]> {
  const answer = await call<{ items: Item[] }>(hub, who.token, 'GET', `/v1/mailbox${query}`);
  if (answer.status !== 200) throw new Error(`mailbox: ${answer.status}`);
  return answer.body.items;
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { readonly dir: string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A random source that plays `values` in a loop. */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}
