// SPDX-License-Identifier: MIT
// Bearer tokens: each names one party, or the administrator. Tokens are looked up by their hash, so the lookup
// takes no longer for a near miss than for a wild guess.
import { createHash } from 'node:crypto';
import type { HubParty } from './options.js';

/** Who is calling: a party, or the administrator. */
export type Caller = { readonly kind: 'party'; readonly party: HubParty } | { readonly kind: 'admin' };

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The hub's tokens. */
export class Tokens {
  private readonly callers = new Map<string, Caller>();

  constructor(parties: readonly HubParty[], adminToken: string | undefined) {
    for (const party of parties) this.callers.set(hash(party.token), { kind: 'party', party });
    if (adminToken !== undefined) this.callers.set(hash(adminToken), { kind: 'admin' });
  }

  /** The caller an `Authorization` header names, if it carries a known bearer token. */
  resolve(authorization: string | undefined): Caller | undefined {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    return match?.[1] === undefined ? undefined : this.callers.get(hash(match[1]));
  }
}
