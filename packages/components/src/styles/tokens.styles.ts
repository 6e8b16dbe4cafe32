// SPDX-License-Identifier: MIT
import { css } from 'lit';

/**
 * Design tokens as CSS custom properties. Hosts override `--samspil-*` on the element or any ancestor; the
 * `--_` variables are the element's private resolved values. `theme="dark"` switches the defaults.
 */
export const tokens = css`
  :host {
    --_font: var(--samspil-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--samspil-color-text, #1b2733);
    --_muted: var(--samspil-color-muted, #4a5b6c);
    --_surface: var(--samspil-color-surface, #ffffff);
    --_surface-alt: var(--samspil-color-surface-alt, #f3f6f9);
    --_border: var(--samspil-color-border, #c5d0db);
    --_accent: var(--samspil-color-accent, #0b5394);
    --_accent-text: var(--samspil-color-accent-text, #ffffff);
    --_warning-bg: var(--samspil-color-warning-bg, #fff4d6);
    --_warning-text: var(--samspil-color-warning-text, #5c3d00);
    --_danger: var(--samspil-color-danger, #9b1c1c);
    --_focus: var(--samspil-color-focus, #1a73e8);
    --_radius: var(--samspil-radius, 0.375rem);
    --_space: var(--samspil-space, 1rem);
    --_font-size: var(--samspil-font-size, 1rem);
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
  }

  :host([theme='dark']) {
    --_text: var(--samspil-color-text, #e6edf3);
    --_muted: var(--samspil-color-muted, #a9b6c3);
    --_surface: var(--samspil-color-surface, #0f1720);
    --_surface-alt: var(--samspil-color-surface-alt, #1a2430);
    --_border: var(--samspil-color-border, #3a4a5a);
    --_accent: var(--samspil-color-accent, #8ab4f8);
    --_accent-text: var(--samspil-color-accent-text, #0f1720);
    --_warning-bg: var(--samspil-color-warning-bg, #3d2e00);
    --_warning-text: var(--samspil-color-warning-text, #ffe08a);
    --_danger: var(--samspil-color-danger, #ff9b9b);
    --_focus: var(--samspil-color-focus, #8ab4f8);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
