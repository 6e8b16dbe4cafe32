// SPDX-License-Identifier: MIT

/** Detail of `samspil-error`: a letter could not be loaded or read. Messages never contain a CPR number. */
export interface SamspilErrorDetail {
  readonly message: string;
  readonly issues: readonly { readonly severity: string; readonly path: string; readonly message: string }[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samspil-error': CustomEvent<SamspilErrorDetail>;
  }
}
