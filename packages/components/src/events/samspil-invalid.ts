// SPDX-License-Identifier: MIT
import type { ReferralFieldIssue } from '@samspil/sdk/oioxml';

/**
 * Detail of `samspil-invalid`: a form was submitted with errors. Each issue names the field as a dotted path
 * (`patient.surname`, `additionalDiagnoses[2].text`), the rule it breaks and the message the form shows. Messages
 * never contain the value (so never a CPR number).
 */
export interface SamspilInvalidDetail {
  readonly issues: readonly ReferralFieldIssue[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samspil-invalid': CustomEvent<SamspilInvalidDetail>;
  }
}
