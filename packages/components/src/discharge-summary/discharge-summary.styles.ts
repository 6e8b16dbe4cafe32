// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The epikrise viewer's own layout, on top of the shared tokens and letter styles. */
export const dischargeSummaryStyles = css`
  .letter__header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem var(--_space);
  }

  .letter__meta {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }

  .correction {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    border: 2px solid currentColor;
    border-inline-start-width: 0.5rem;
    padding: 0.75rem var(--_space);
  }

  .correction__icon {
    font-size: 1.25rem;
    line-height: 1.2;
  }

  .correction__title {
    display: block;
    font-size: 1.0625rem;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }

  .correction__text {
    display: block;
    font-weight: 400;
  }

  .stay {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem calc(var(--_space) * 2);
    margin: 0;
    padding: 0.75rem var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }

  .stay__fact dt {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .stay__fact dd {
    margin: 0;
    font-size: 1.0625rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .diagnoses {
    gap: 0.5rem;
  }

  .diagnosis {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
  }

  .diagnosis__role {
    flex: 0 0 12rem;
    max-width: 100%;
    color: var(--_muted);
  }

  .diagnosis--main .diagnosis__role,
  .diagnosis--main .diagnosis__text {
    font-weight: 700;
    color: var(--_text);
  }

  .diagnosis__body {
    flex: 1 1 14rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .diagnosis__meta,
  .raw-code,
  .reference__url,
  .note__signed {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .diagnosis__meta {
    display: block;
  }

  .priorities,
  .references,
  .notes,
  .recommendations,
  .unknown__list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.75rem;
  }

  .priority {
    font-weight: 700;
  }

  .note {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75rem;
  }

  .note > summary {
    overflow-wrap: anywhere;
  }

  .note__signed {
    font-weight: 400;
  }

  .note__text {
    margin: 0.5rem 0 0;
  }

  .recommendation {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .reference__url,
  .reference__detail {
    display: block;
    overflow-wrap: anywhere;
  }

  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }

  a:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .columns,
  .parties {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: var(--_space);
  }

  .subheading {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }

  .relatives {
    display: grid;
    gap: var(--_space);
  }

  .party__contact {
    margin-top: 0.25rem;
  }

  .unknown__path {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  .unknown__text {
    display: block;
    overflow-wrap: anywhere;
  }

  .unknown__hint {
    margin: 0.5rem 0;
    color: var(--_muted);
  }

  /* On screen, print-preview shows the printed layout: the header with name and CPR, and no interactive chrome. */
  :host([print-preview]) .print-header {
    display: flex;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    padding: 0.25rem 0;
    border-bottom: 1px solid currentColor;
    font-size: 0.8125rem;
  }

  :host([print-preview]) .no-print {
    display: none;
  }

  :host([print-preview]) details::details-content {
    content-visibility: visible;
    display: block;
  }

  /* Label/value lists and diagnoses stack when their own box is narrow (a party column, a 320 px host). */
  .section,
  .party {
    container-type: inline-size;
  }

  @container (max-width: 24rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }

    .facts dd {
      margin-bottom: 0.375rem;
    }
  }

  @container (max-width: 30rem) {
    .diagnosis__role {
      flex-basis: 100%;
    }
  }

  @media print {
    .correction {
      border-color: #000;
      color: #000;
      background: none;
    }

    .stay,
    .recommendation {
      background: none;
    }

    /* Paper cannot be expanded: every collapsed section is printed open. */
    details::details-content {
      content-visibility: visible;
      display: block;
    }

    a {
      color: #000;
    }
  }
`;
