// SPDX-License-Identifier: MIT
import { css } from 'lit';

/**
 * The layout every letter viewer shares: header, sections, label/value lists, code lists, warning banner,
 * loading and error states, and print rules. In print, the `print-header` part (patient name and CPR) is fixed
 * to the top of the page, which repeats it on every printed page, and interactive chrome is hidden.
 */
export const letterStyles = css`
  .letter {
    display: grid;
    gap: var(--_space);
  }

  .letter__title {
    margin: 0;
    font-size: 1.375rem;
    line-height: 1.25;
  }

  .letter__meta {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_surface);
    break-inside: avoid-page;
  }

  .section__heading {
    margin: 0 0 0.5rem;
    font-size: 1.0625rem;
    color: var(--_accent);
  }

  .facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .codes {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25rem;
  }

  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-weight: 600;
    margin-inline-end: 0.5rem;
  }

  .text {
    white-space: normal;
    overflow-wrap: anywhere;
  }

  .ft-right {
    display: block;
    text-align: end;
  }

  .ft-center {
    display: block;
    text-align: center;
  }

  .ft-fixed {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }

  .banner {
    padding: 0.5rem var(--_space);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_warning-text);
    font-weight: 600;
  }

  .state {
    padding: var(--_space);
    color: var(--_muted);
  }

  .state--error {
    color: var(--_danger);
  }

  .print-header {
    display: none;
  }

  details > summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent);
  }

  @media print {
    :host {
      color: #000;
      background: #fff;
    }

    .print-header {
      display: flex;
      justify-content: space-between;
      position: fixed;
      top: 0;
      left: 0;
      right: 0;
      padding: 0.25rem 0;
      border-bottom: 1px solid #000;
      background: #fff;
      font-size: 0.8125rem;
    }

    .letter {
      padding-top: 2rem;
    }

    .section {
      border-color: #000;
    }

    .section__heading {
      color: #000;
    }

    .no-print {
      display: none !important;
    }
  }
`;
