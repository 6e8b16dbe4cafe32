// SPDX-License-Identifier: MIT

/** Detail of `samspil-load`: a viewer has read its letter. */
export interface SamspilLoadDetail<T = unknown> {
  /** The domain model the viewer shows. */
  readonly model: T;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samspil-load': CustomEvent<SamspilLoadDetail>;
  }
}
