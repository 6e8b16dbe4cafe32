// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The thread's own layout, on top of `tokens`, `letterStyles` and the shared viewer styles. */
export const messageThreadStyles = css`
  [hidden] {
    display: none !important;
  }

  .thread__header {
    display: grid;
    gap: 0.25rem;
  }

  .letter__meta {
    margin: 0;
  }

  .thread {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .entry {
    display: block;
    border: 1px solid var(--_border);
    border-inline-start: 0.375rem solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_surface);
    break-inside: avoid-page;
  }

  .entry--gap {
    border-style: dashed;
    border-inline-start-style: dashed;
    border-inline-start-color: var(--_muted);
    background: var(--_surface-alt);
  }

  .entry--asap {
    border-inline-start-color: var(--_warning-text);
  }

  .entry__body {
    display: grid;
    gap: 0.5rem;
  }

  .entry__header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }

  .entry__title {
    margin: 0;
    font-size: 1.0625rem;
    line-height: 1.3;
    color: var(--_accent);
    flex: 1 1 16rem;
  }

  .entry__when {
    margin: 0;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .badges {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    flex-basis: 100%;
  }

  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
  }

  /* Urgent messages stand out: the strongest marker on the page. */
  .badge--asap {
    padding: 0.125rem 0.625rem;
    font-size: 1rem;
    background: var(--_warning-bg);
    color: var(--_warning-text);
    border-width: 2px;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }

  .badge--gap,
  .badge--forwarded {
    color: var(--_muted);
  }

  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }

  .note--asap {
    color: var(--_warning-text);
    background: var(--_warning-bg);
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    font-weight: 600;
  }

  /* Each label/value pair is wrapped for the markup; the pair's cells sit in the list's grid. */
  .fact {
    display: contents;
  }

  .ids {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  .code {
    font-weight: 400;
    color: var(--_muted);
  }

  .payloads {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .payload {
    display: grid;
    gap: 0.25rem;
  }

  .payload__meta {
    margin: 0;
    font-size: 0.875rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }

  .payload__meta:empty {
    display: none;
  }

  /* Line breaks of the message text are kept; the text is always bound as text. */
  .payload__text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .payload__long > summary {
    font-weight: 400;
    color: var(--_accent);
    margin-bottom: 0.25rem;
  }

  .payload--attachment {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .attachment__kind {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .attachment__title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .attachment__link {
    font-weight: 600;
  }

  .url {
    display: block;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  .attachment__preview {
    display: block;
    max-width: 100%;
    max-height: var(--samspil-message-thread-preview-max-height, 16rem);
    object-fit: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #fff;
  }

  .attachment__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  .attachment__actions a {
    font-weight: 600;
  }

  .attachment__kind p,
  .payload p {
    margin: 0;
  }

  .composer {
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }

  .composer--empty {
    display: none;
  }

  .state__title,
  .state__detail {
    margin: 0;
  }

  @container (max-width: 32rem) {
    .facts {
      grid-template-columns: 1fr;
      gap: 0;
    }

    .facts dd {
      margin-bottom: 0.375rem;
    }
  }

  @media print {
    .entry {
      border-color: #000;
    }

    .badge--asap,
    .note--asap {
      background: #fff;
      color: #000;
    }

    .payload__text {
      background: #fff;
      border: 1px solid #000;
    }
  }
`;
