// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** The acknowledgement view's own layout, on top of `tokens`, `letterStyles` and the shared viewer styles. */
export const acknowledgementStyles = css`
  :host {
    --_success: var(--samspil-color-success, #1e6b34);
  }

  :host([theme='dark']) {
    --_success: var(--samspil-color-success, #8fd19e);
  }

  .ack {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .ack__title {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.25;
  }

  .icon {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    fill: currentColor;
  }

  /* The outcome: icon, label and explanation, so it never rests on colour alone. */
  .outcome {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.75rem var(--_space);
    border: 1px solid currentColor;
    border-inline-start: 0.5rem solid currentColor;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .outcome--ok {
    color: var(--_success);
  }

  .outcome--transient-error,
  .outcome--unknown {
    color: var(--_warning-text);
    background: var(--_warning-bg);
  }

  .outcome--fatal-error {
    color: var(--_danger);
  }

  .outcome__text {
    margin: 0;
  }

  .outcome__label {
    display: block;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .outcome__code {
    font-size: 0.875rem;
  }

  .facts {
    grid-template-columns: minmax(8rem, 14rem) minmax(0, 1fr);
  }

  .id,
  .endpoint {
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  .issues__list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
  }

  .issue {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 0.25rem solid var(--_border);
    border-radius: var(--_radius);
  }

  .issue--error,
  .issue--fatal {
    border-inline-start-color: var(--_danger);
  }

  .issue--warning {
    border-inline-start-color: var(--_warning-text);
  }

  .issue__text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  @container (max-width: 28rem) {
    .facts {
      grid-template-columns: 1fr;
    }

    .facts dd {
      margin-bottom: 0.5rem;
    }
  }

  @media print {
    .outcome,
    .outcome--ok,
    .outcome--transient-error,
    .outcome--fatal-error,
    .outcome--unknown,
    .muted {
      color: #000;
      background: none;
    }
  }
`;
