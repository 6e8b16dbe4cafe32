// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The rehabilitation plan's own layout, on top of `tokens`, `letterStyles` and the shared viewer styles. */
export const rehabPlanStyles = css`
  .overview {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  /* The type decides who trains the patient, so it is the first and largest thing after the title. */
  .type {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_accent);
    border-inline-start: 0.5rem solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .type--warning {
    border-color: var(--_warning-text);
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }

  .type__heading {
    margin: 0;
    font-size: 0.875rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: inherit;
  }

  .type__label {
    margin: 0.125rem 0 0.25rem;
    font-size: var(--samspil-rehab-plan-type-font-size, 1.5rem);
    font-weight: 700;
    line-height: 1.2;
  }

  .type__meta,
  .type__who {
    margin: 0;
  }

  .consent {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }

  .consent__value {
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }

  .consent--no .consent__value,
  .consent--unknown .consent__value,
  .consent--missing .consent__value {
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }

  .days {
    font-size: 1.125rem;
    font-weight: 700;
  }

  .days--today {
    padding: 0 0.375rem;
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }

  .days--overdue {
    color: var(--_danger);
  }

  .days--unknown {
    font-weight: 400;
    font-style: italic;
  }

  .rule {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
  }

  /* Long labels (the free-choice one) must not squeeze the values. */
  .facts {
    grid-template-columns: minmax(8rem, 16rem) minmax(0, 1fr);
  }

  .section--collapsible > summary {
    padding: 0.125rem 0;
    border-radius: var(--_radius);
  }

  .people,
  .references {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.75rem;
  }

  .codes > li {
    padding-block: 0.25rem;
    border-bottom: 1px solid var(--_border);
  }

  .codes > li:last-child {
    border-bottom: 0;
  }

  .tag {
    display: inline-block;
    margin-inline-start: 0.5rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .icf__gradient {
    margin-inline-start: 1rem;
  }

  .ability + .ability {
    margin-top: 1rem;
  }

  .ability__heading {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }

  .ability__items {
    display: grid;
    grid-template-columns: minmax(10rem, 40%) 1fr;
    gap: 0.125rem 1rem;
    margin: 0;
  }

  .ability__items > .fact {
    display: contents;
  }

  .ability__items dd {
    margin: 0;
  }

  .path {
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }

  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Narrow hosts (phones, side panels): labels above their values. */
  @container (max-width: 32rem) {
    .facts,
    .ability__items {
      grid-template-columns: 1fr;
    }

    .facts dd,
    .ability__items dd {
      margin-bottom: 0.5rem;
    }

    .type__label {
      font-size: 1.25rem;
    }
  }

  @media print {
    a {
      color: #000;
    }

    .type,
    .type--warning,
    .consent__value,
    .days--today {
      background: none;
      color: #000;
      border-color: #000;
    }

    .days--overdue,
    .muted,
    .tag {
      color: #000;
    }
  }
`;
