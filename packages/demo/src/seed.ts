// SPDX-License-Identifier: MIT
// The demo's starting mail: the example set's messages between the three parties, and MedCom's official example
// letters, posted into the hub as each sender would post them. The receiving pages then take them from their
// mailboxes, acknowledge them and show them. Envelope ids and times are fixed, so posting the set again (after a
// crash half-way) delivers nothing twice: the hub takes a repeated envelope as a duplicate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMessage } from '@samspil/sdk';
import { exampleMessages } from '@samspil/sdk/examples';
import { HubTransport, wrapVansEnvelope } from '@samspil/sdk/transport';
import { DEMO_PARTIES, type DemoParty } from './parties.js';

/** What was posted. */
export interface SeedResult {
  /** FHIR messages posted. */
  readonly messages: number;
  /** OIOXML letters posted (none when the shared folder is missing). */
  readonly letters: number;
}

/** The stays of the example set the demo starts with: an inpatient stay, one with cancellations, an acute one. */
const SEEDED_STAYS = /^hospital-notification-[abc]-/;

/** The official example letters, where they lie in the shared folder, and who sends them to whom. */
export const SEEDED_LETTERS = [
  { path: 'medcom/oioxml/examples/xdis01/DIS01_1.xml', from: 'hospital', to: 'gp' },
  { path: 'medcom/oioxml/examples/ggop/ggop.xml', from: 'hospital', to: 'municipality' },
  { path: 'medcom/oioxml/examples/xref01/REF01_1.xml', from: 'gp', to: 'hospital' },
] as const;

const LETTERS_SENT_AT = new Date('2026-11-20T09:00:00Z');

/** A fixed UUID per seeded envelope (and letter identifier): `5eed0000-…-<n>`. */
const seedId = (n: number) => `5eed0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Which example messages are seeded: every CareCommunication and the notifications of stays A–C. */
function seeded(name: string): boolean {
  return name.startsWith('care-communication-') || SEEDED_STAYS.test(name);
}

/**
 * Posts the demo's starting mail into the hub's mailboxes: the HospitalNotifications of stays A–C and the first
 * CareCommunication (hospital → municipality), the reply (municipality → hospital), the forward with its
 * attachment (hospital → GP) and the regarding-referral message (GP → hospital); then, when the shared folder has
 * them, a discharge summary (hospital → GP), a rehabilitation plan (hospital → municipality) and a referral (GP →
 * hospital). The example set's acknowledgements are not posted (the pages answer for themselves), nor is the
 * HomeCareObservation (its sender, the acute team, is no party here).
 *
 * @param hubUrl - The hub's base URL.
 * @param sharedDir - The shared folder with MedCom's example letters; letters are skipped when it is missing.
 * @returns How many messages and letters were posted.
 */
export async function seedHub(hubUrl: string, sharedDir: string | undefined): Promise<SeedResult> {
  const parties = Object.values(DEMO_PARTIES);
  const byGln = new Map(parties.map((party) => [party.gln, party]));
  const transports = new Map(
    parties.map((party) => [party.key, new HubTransport({ url: hubUrl, token: party.token })]),
  );
  const post = (from: DemoParty, envelope: string) => transports.get(from.key)?.send(envelope);

  let n = 0;
  let messages = 0;
  for (const { name, bundle } of exampleMessages()) {
    if (!seeded(name)) continue;
    const description = describeMessage(bundle);
    const from = byGln.get(description.sender?.gln ?? '');
    const to = byGln.get(description.receivers.find((r) => r.use === 'primary')?.gln ?? '');
    n += 1;
    if (!from || !to) continue;
    const sentAt = new Date(bundle.timestamp ?? LETTERS_SENT_AT);
    await post(
      from,
      wrapVansEnvelope(bundle, { sender: from.gln, receiver: to.gln, envelopeId: seedId(n), now: () => sentAt }),
    );
    messages += 1;
  }

  let letters = 0;
  for (const [index, { path, from, to }] of SEEDED_LETTERS.entries()) {
    const file = sharedDir === undefined ? undefined : join(sharedDir, path);
    if (file === undefined || !existsSync(file)) continue;
    const sender = DEMO_PARTIES[from];
    const envelope = wrapVansEnvelope(readFileSync(file), {
      sender: sender.gln,
      receiver: DEMO_PARTIES[to].gln,
      envelopeId: seedId(0x100 + index),
      newId: () => seedId(0x200 + index),
      now: () => LETTERS_SENT_AT,
    });
    await post(sender, envelope);
    letters += 1;
  }
  return { messages, letters };
}
