// SPDX-License-Identifier: MIT
import { css } from 'lit';

export const patientBannerStyles = css`
  :host {
    display: block;
    font-family: var(--samspil-font-family, inherit);
    color: var(--samspil-banner-color, #1b2733);
  }

  :host([hidden]) {
    display: none;
  }

  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--samspil-banner-gap, 0.5rem 1.5rem);
    padding: var(--samspil-banner-padding, 0.75rem 1rem);
    background: var(--samspil-banner-background, #eef3f8);
    border: 1px solid var(--samspil-banner-border-color, #8a9bb0);
    border-radius: var(--samspil-banner-radius, 0.25rem);
  }

  .banner__name {
    margin: 0;
    font-size: var(--samspil-banner-name-font-size, 1.25rem);
    font-weight: 600;
  }

  .banner__name--unknown {
    font-style: italic;
    font-weight: 400;
  }

  .banner__facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
  }

  .banner__fact {
    display: flex;
    gap: 0.375rem;
  }

  dt {
    color: var(--samspil-banner-label-color, #3d4d5e);
  }

  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .banner__warning {
    color: var(--samspil-banner-warning-color, #9b1c1c);
    font-weight: 600;
  }

  @media print {
    :host {
      color: #000;
    }

    .banner {
      background: none;
      border-color: #000;
      break-inside: avoid;
    }

    dt,
    .banner__warning {
      color: #000;
    }
  }
`;
