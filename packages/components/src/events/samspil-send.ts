// SPDX-License-Identifier: MIT
import type { Bundle } from '@medplum/fhirtypes';

/** Detail of `samspil-send`: a composer has built a valid message for the host to send. */
export interface SamspilSendDetail {
  /** The complete MedCom message (a Bundle), valid against its standard. */
  readonly message: Bundle;
  /** What it is: a new message, a reply or a forward. */
  readonly kind: 'new' | 'reply' | 'forward';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samspil-send': CustomEvent<SamspilSendDetail>;
  }
}
