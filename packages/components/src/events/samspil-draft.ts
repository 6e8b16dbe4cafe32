// SPDX-License-Identifier: MIT
import type { FormattedText, ReferralInput } from '@samspil/sdk/oioxml';

/** Every field optional, at every level, except formatted text, which is whole or absent. */
type DraftOf<T> = T extends FormattedText
  ? T
  : T extends readonly (infer U)[]
    ? DraftOf<U>[]
    : T extends object
      ? { [K in keyof T]?: DraftOf<T[K]> }
      : T;

/**
 * A referral form's input as far as it is filled in: the shape of a `ReferralInput` with every field optional.
 * Not validated; give it back to the form's `draft` property to restore it.
 */
export type ReferralDraft = DraftOf<ReferralInput>;

/** Detail of `samspil-draft`: the form's input changed (debounced); save it to restore it later. */
export interface SamspilDraftDetail {
  readonly draft: ReferralDraft;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samspil-draft': CustomEvent<SamspilDraftDetail>;
  }
}
