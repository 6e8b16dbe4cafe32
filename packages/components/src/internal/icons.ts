// SPDX-License-Identifier: MIT
// Small status icons drawn inline (no icon font, no requests). Always decorative: the text beside an icon says the
// same, so nothing is told by colour or shape alone.
import { html, type TemplateResult } from 'lit';

const PATHS = {
  up: 'M8 2.5 14.5 13h-13z',
  down: 'M8 13.5 1.5 3h13z',
  lock: 'M4 7V5a4 4 0 0 1 8 0v2h1.5v8h-11V7zm2 0h4V5a2 2 0 0 0-4 0z',
  warning: 'M8 1 15.5 14.5H.5zM7 6v4.5h2V6zm0 5.5v2h2v-2z',
  check: 'M6 11.2 2.8 8 1.4 9.4 6 14l8.6-8.6-1.4-1.4z',
  retry: 'M8 2a6 6 0 1 0 6 6h-2a4 4 0 1 1-1.17-2.83L8.5 7.5H14V2l-1.76 1.76A6 6 0 0 0 8 2z',
  cross: 'M3.4 2 2 3.4 6.6 8 2 12.6 3.4 14 8 9.4l4.6 4.6 1.4-1.4L9.4 8 14 3.4 12.6 2 8 6.6z',
} as const;

/** The icons there are. */
export type IconName = keyof typeof PATHS;

/** A 1em decorative icon in the current text colour, hidden from assistive technology. */
export function icon(name: IconName): TemplateResult {
  return html`<svg class="icon icon--${name}" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path fill-rule="evenodd" d=${PATHS[name]}></path>
  </svg>`;
}
