// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The observation report's own layout, on top of `tokens`, `letterStyles` and the shared viewer styles. */
export const observationReportStyles = css`
  .report__header {
    display: grid;
    gap: 0.25rem;
  }

  .letter__meta {
    margin: 0;
  }

  .icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
    vertical-align: -0.15em;
  }

  /* Banners: a refused consent and a correction must be seen before the results. */
  .alert {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.75rem var(--_space);
    border: 1px solid var(--_warning-text);
    border-inline-start: 0.5rem solid var(--_warning-text);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }

  .alert > .icon {
    width: 1.5rem;
    height: 1.5rem;
  }

  .alert p {
    margin: 0;
  }

  .alert__title {
    display: block;
    font-size: 1.125rem;
  }

  .alert--retracted {
    border-color: var(--_danger);
    background: var(--_surface);
    color: var(--_danger);
  }

  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The results table. */
  .table-wrap {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }

  th,
  td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    background: var(--_surface-alt);
    color: var(--_text);
    font-weight: 600;
    white-space: nowrap;
  }

  tbody th {
    font-weight: 400;
    min-width: 12rem;
  }

  .obs__name {
    display: block;
    font-weight: 600;
  }

  .code-line {
    font-size: 0.8125rem;
  }

  .code {
    margin-inline-end: 0.375rem;
  }

  .value {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .obs--above .value,
  .obs--below .value {
    font-weight: 700;
  }

  .unit-code {
    font-size: 0.8125rem;
  }

  .flag {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    margin-top: 0.25rem;
    padding: 0 0.375rem;
    width: fit-content;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_danger);
    font-size: 0.8125rem;
    font-weight: 600;
  }

  .note-text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .note-text + .note-text {
    margin-top: 0.25rem;
  }

  .tag {
    font-size: 0.8125rem;
    font-style: italic;
  }

  .cell-label {
    display: none;
  }

  .range-note {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
  }

  .missing {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
    color: var(--_danger);
  }

  .text--pre {
    margin: 0;
    white-space: pre-wrap;
    tab-size: 4;
  }

  .media {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space);
  }

  .media__figure {
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }

  .media__image {
    display: block;
    max-width: 100%;
    max-height: var(--samspil-observation-report-image-max-height, 20rem);
    object-fit: contain;
    justify-self: start;
    border: 1px solid var(--_border);
    background: #fff;
  }

  .facts {
    grid-template-columns: minmax(8rem, 14rem) minmax(0, 1fr);
  }

  .endpoint,
  .path,
  .json {
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }

  .json {
    white-space: pre-wrap;
  }

  /* Narrow hosts (phones, side panels): each result becomes a card with its labels. */
  @container (max-width: 40rem) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }

    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    tbody tr {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_border);
    }

    tbody th,
    td {
      min-width: 0;
      padding: 0.125rem 0;
      border: 0;
    }

    td:empty {
      display: none;
    }

    .cell-label {
      display: block;
      font-size: 0.8125rem;
      color: var(--_muted);
    }

    .facts {
      grid-template-columns: 1fr;
    }

    .facts dd {
      margin-bottom: 0.5rem;
    }
  }

  @media print {
    a,
    .muted,
    .flag,
    .missing {
      color: #000;
    }

    .alert,
    .alert--retracted {
      background: none;
      color: #000;
      border-color: #000;
    }

    thead th {
      background: none;
    }

    thead {
      display: table-header-group;
    }

    tr {
      break-inside: avoid;
    }
  }
`;
