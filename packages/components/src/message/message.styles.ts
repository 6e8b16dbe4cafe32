// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** Styles of `<samspil-message>`: the delegate fills the host; only the dispatcher's own states are styled. */
export const messageStyles = css`
  :host {
    display: block;
  }
  .empty-message {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
`;
