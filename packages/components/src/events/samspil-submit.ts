// SPDX-License-Identifier: MIT
import type { ReferralInput } from '@samspil/sdk/oioxml';

/**
 * Detail of `samspil-submit`: a form was submitted and its input is valid. The event is cancelable; cancelling it
 * stops the form's default action (submitting the host `<form>` it belongs to).
 */
export interface SamspilSubmitDetail {
  /** The cleaned input, as the SDK's validator returns it (trimmed, empty fields left out). */
  readonly referral: ReferralInput;
  /** The XREF01 (XH0130R) letter written from it. */
  readonly xml: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samspil-submit': CustomEvent<SamspilSubmitDetail>;
  }
}
