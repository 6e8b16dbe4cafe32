// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The composer's layout, on top of `tokens`. */
export const messageComposerStyles = css`
  :host {
    container-type: inline-size;
  }

  .composer {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }

  .composer__title {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.25;
  }

  .muted {
    color: var(--_muted);
    font-weight: 400;
  }

  .warning {
    color: var(--_danger);
    font-weight: 600;
  }

  a {
    color: var(--_accent);
  }

  .context {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .context--missing {
    color: var(--_danger);
    font-weight: 600;
  }

  .context__lead,
  .context__files {
    margin: 0;
    font-weight: 600;
  }

  .context__facts {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) 1fr;
    gap: 0.125rem 1rem;
    margin: 0;
  }

  .context__facts > div {
    display: contents;
  }

  .context__facts dt {
    color: var(--_muted);
  }

  .context__facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .context__list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .quote {
    margin: 0;
  }

  .quote figcaption {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  /* The previous text, bound as text; its line breaks kept. */
  .quote blockquote {
    margin: 0.25rem 0 0;
    padding: 0.25rem 0.75rem;
    border-inline-start: 3px solid var(--_border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .summary {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }

  .summary__title {
    margin: 0 0 0.5rem;
    font-size: 1.0625rem;
    color: var(--_danger);
  }

  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space);
  }

  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }

  .field label {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .field__error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }

  .field__error p {
    margin: 0;
  }

  input[type='text'],
  input[type='tel'],
  input[type='file'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    padding: 0.375rem 0.5rem;
    width: 100%;
    max-width: 100%;
  }

  textarea {
    resize: vertical;
    min-height: 8rem;
  }

  .field--invalid input,
  .field--invalid select,
  .field--invalid textarea {
    border: 2px solid var(--_danger);
  }

  .field--check {
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.5rem;
  }

  .field--check .hint,
  .field--check .field__error {
    grid-column: 2;
  }

  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  input:disabled + label {
    color: var(--_muted);
  }

  .attachments {
    display: grid;
    gap: 0.5rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }

  .attachment {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .attachment__row {
    display: flex;
    gap: 0.5rem;
  }

  .attachment__row input {
    flex: 1 1 auto;
    min-width: 0;
  }

  button {
    font: inherit;
    font-weight: 600;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }

  button.secondary {
    padding: 0.25rem 0.75rem;
    background: var(--_surface);
    color: var(--_accent);
  }

  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .status {
    margin: 0;
    color: var(--_muted);
  }

  @container (max-width: 24rem) {
    .context__facts {
      grid-template-columns: 1fr;
    }

    .attachment__row {
      flex-wrap: wrap;
    }
  }

  @media print {
    :host {
      display: none;
    }
  }
`;
