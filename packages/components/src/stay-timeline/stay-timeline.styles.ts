// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The stay timeline's own layout, on top of `tokens`, `letterStyles` and the shared viewer styles. */
export const stayTimelineStyles = css`
  code,
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875em;
  }

  .code {
    font-weight: 600;
    margin-inline-end: 0.375rem;
  }

  .id,
  .raw {
    overflow-wrap: anywhere;
  }

  .raw {
    color: var(--_muted);
  }

  /* What home care must know now: the first and largest thing after the title. */
  .status {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_accent);
    border-inline-start: 0.5rem solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .status--discharged-today {
    border-color: var(--_warning-text);
    background: var(--_warning-bg);
    color: var(--_warning-text);
  }

  .status--deceased {
    border-color: var(--_text);
  }

  .status--cancelled {
    border-style: dashed;
    border-color: var(--_muted);
  }

  .status__label {
    margin: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }

  .status--discharged-today .muted {
    color: inherit;
  }

  .status__headline {
    margin: 0.125rem 0 0.25rem;
    font-size: var(--samspil-stay-timeline-headline-font-size, 1.5rem);
    font-weight: 700;
    line-height: 1.2;
    color: inherit;
  }

  .status__action,
  .status__report {
    margin: 0 0 0.25rem;
  }

  .status__report {
    font-weight: 600;
  }

  .status__facts {
    margin-top: 0.25rem;
  }

  .status--discharged-today .facts dt {
    color: inherit;
  }

  .facts {
    grid-template-columns: minmax(8rem, 14rem) minmax(0, 1fr);
  }

  .facts--compact {
    font-size: 0.875rem;
    gap: 0.125rem 0.75rem;
  }

  .state-label {
    font-weight: 600;
  }

  .episode {
    display: grid;
    gap: 0.75rem;
  }

  .episode > .section__heading {
    margin: 0;
  }

  /* The timeline: a line with a marker per event; text says what the marker's fill suggests. */
  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
    border-inline-start: 2px solid var(--_border);
    margin-inline-start: 0.5rem;
  }

  .event {
    position: relative;
    padding: 0 0 0.75rem 1.25rem;
  }

  .event:last-child {
    padding-bottom: 0;
  }

  .event::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.4375rem;
    top: 0.375rem;
    width: 0.75rem;
    height: 0.75rem;
    border: 2px solid var(--_accent);
    border-radius: 50%;
    background: var(--_accent);
  }

  .event--cancelled::before {
    background: var(--_surface);
    border-color: var(--_muted);
  }

  .event__head {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }

  .event__label {
    font-weight: 700;
  }

  .event--cancelled del {
    color: var(--_muted);
    text-decoration-thickness: 2px;
  }

  .event__meta {
    margin: 0.125rem 0 0;
    font-size: 0.875rem;
  }

  .event__notes {
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }

  .badge {
    display: inline-block;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.8125rem;
    font-weight: 600;
  }

  .badge--revised {
    color: var(--_accent);
  }

  .badge--cancelled {
    color: var(--_text);
  }

  .messages {
    border-top: 1px solid var(--_border);
    padding-top: 0.5rem;
  }

  .messages > summary {
    padding: 0.125rem 0;
    border-radius: var(--_radius);
  }

  .messages > summary > .messages__heading {
    display: inline;
  }

  .messages__heading {
    margin: 0;
    font-size: 1rem;
    color: var(--_accent);
  }

  .messages__list {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.75rem;
  }

  .message {
    padding-bottom: 0.75rem;
    border-bottom: 1px solid var(--_border);
  }

  .message:last-child {
    padding-bottom: 0;
    border-bottom: 0;
  }

  .message__title {
    margin: 0 0 0.25rem;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }

  .notes {
    font-size: 0.875rem;
  }

  .notes p {
    margin: 0;
  }

  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Narrow hosts (phones, side panels): labels above their values. */
  @container (max-width: 32rem) {
    .facts {
      grid-template-columns: 1fr;
    }

    .facts dd {
      margin-bottom: 0.375rem;
    }

    .status__headline {
      font-size: 1.25rem;
    }
  }

  @media print {
    a,
    .muted,
    .raw,
    .badge,
    .badge--revised,
    .messages__heading,
    .event--cancelled del {
      color: #000;
    }

    .status,
    .status--discharged-today {
      background: none;
      color: #000;
      border-color: #000;
    }

    .event::before {
      border-color: #000;
      background: #000;
    }

    .event--cancelled::before {
      background: #fff;
    }
  }
`;
