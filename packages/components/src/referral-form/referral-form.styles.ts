// SPDX-License-Identifier: MIT
import { css } from 'lit';

export const referralFormStyles = css`
  :host {
    --_input-border: var(--samspil-input-border-color, var(--_muted));
    --_input-background: var(--samspil-input-background, var(--_surface));
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  .form {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }

  /* Grid items default to their min-content width; long words (a heading like "undersøgelse/behandling/…")
     must wrap instead of widening the form past a narrow host. */
  .form > *,
  .section > *,
  .group > * {
    min-width: 0;
  }

  .form,
  legend,
  .field__label,
  .field__hint,
  .field__error,
  .field__warning,
  .summary {
    overflow-wrap: anywhere;
  }

  .form__title {
    margin: 0;
    font-size: 1.375rem;
    font-weight: 600;
    line-height: 1.25;
  }

  .phones {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
  }

  .form__intro {
    margin: 0;
    color: var(--_muted);
  }

  .section {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space) var(--_space);
    background: var(--_surface);
  }

  .section > legend {
    padding: 0 0.25rem;
    font-size: 1.0625rem;
    font-weight: 600;
    color: var(--_accent);
  }

  .group {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem 0.75rem;
    background: var(--_surface-alt);
  }

  .group > legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }

  .grid {
    display: grid;
    gap: 0.75rem 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    align-items: start;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-width: 0;
  }

  .field--wide {
    grid-column: 1 / -1;
  }

  .field--check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
  }

  .field__label {
    font-weight: 600;
  }

  .field__required {
    font-weight: 400;
    color: var(--_muted);
  }

  .field__hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .field__error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }

  .field__warning {
    margin: 0;
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }

  .control {
    width: 100%;
    min-height: 2.5rem;
    margin: 0;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_input-border);
    border-radius: var(--_radius);
    background: var(--_input-background);
    color: var(--_text);
    font: inherit;
  }

  textarea.control {
    min-height: 6rem;
    resize: vertical;
  }

  .control[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }

  .control:disabled {
    background: var(--_surface-alt);
    cursor: not-allowed;
  }

  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .note {
    margin: 0;
    color: var(--_muted);
  }

  .summary {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem var(--_space);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .summary__title {
    margin: 0;
    font-size: 1.125rem;
    font-weight: 600;
  }

  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }

  .carried {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem var(--_space);
  }

  .carried > summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent);
  }

  .carried__list {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
  }

  .carried__item {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0 1rem;
  }

  .carried__item dt {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .carried__item dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .row-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .button {
    min-height: 2.5rem;
    padding: 0.375rem 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .button--primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  @media print {
    :host {
      color: #000;
      background: #fff;
    }

    .section,
    .group,
    .control {
      border-color: #000;
      background: #fff;
      color: #000;
    }

    .section > legend,
    .field__required,
    .field__hint {
      color: #000;
    }

    .no-print {
      display: none !important;
    }
  }
`;
