// SPDX-License-Identifier: MIT
// The demo's three parties: the example set's hospital, municipality and GP, each with a fixed development token.
// The tokens are no secret: they are handed to the party's page, which is that party's EHR. The admin token is
// made anew at every start and never leaves the server.
import { EXAMPLE_PARTIES } from '@samspil/sdk/examples';

/** The parties' keys, which are also their pages' names (`/hospital.html`, …). */
export const DEMO_PARTY_KEYS = ['hospital', 'municipality', 'gp'] as const;

/** One of {@link DEMO_PARTY_KEYS}. */
export type DemoPartyKey = (typeof DEMO_PARTY_KEYS)[number];

/** A party as its page needs it: who it is (name, SOR, GLN) and its hub token. */
export interface DemoParty {
  readonly key: DemoPartyKey;
  /** A short name for headings and lists. */
  readonly label: string;
  readonly name: string;
  readonly sor: string;
  readonly gln: string;
  readonly token: string;
  readonly ydernummer?: string;
}

/** The hospital, the municipality's home care and the GP of the example set, with development tokens. */
export const DEMO_PARTIES: Readonly<Record<DemoPartyKey, DemoParty>> = {
  hospital: { key: 'hospital', label: 'Hospital', ...EXAMPLE_PARTIES.hospital, token: 'demo-hospital-token' },
  municipality: {
    key: 'municipality',
    label: 'Municipality',
    ...EXAMPLE_PARTIES.municipality,
    token: 'demo-municipality-token',
  },
  gp: { key: 'gp', label: 'GP', ...EXAMPLE_PARTIES.gp, token: 'demo-gp-token' },
};
