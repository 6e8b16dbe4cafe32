// SPDX-License-Identifier: MIT
import { css } from 'lit';

/**
 * What the viewers built on `letterStyles` share (the rehabilitation plan, stay timeline, observation report,
 * acknowledgement and message thread), after `letterStyles` and before each viewer's own styles: the host is a size
 * container for the narrow layouts, muted text, one-line spans, links, and the print header shown on screen in
 * print preview.
 */
export const viewerStyles = css`
  :host {
    container-type: inline-size;
  }

  .muted {
    color: var(--_muted);
  }

  .line {
    display: block;
  }

  a {
    color: var(--_accent);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }

  :host([print-preview]) .print-header {
    display: flex;
    justify-content: space-between;
    padding: 0.25rem 0;
    border-bottom: 1px solid currentColor;
    font-size: 0.8125rem;
  }
`;

/**
 * Label/value lists whose pairs are wrapped in a `.fact` element, party names, and the loading, empty and error
 * messages' title and detail: shared by the rehabilitation plan, stay timeline, observation report and
 * acknowledgement, after `viewerStyles`.
 */
export const viewerDetailStyles = css`
  .facts > .fact {
    display: contents;
  }

  .party__name {
    font-weight: 600;
  }

  .state__title {
    margin: 0;
    font-weight: 600;
  }

  .state__detail {
    margin: 0.25rem 0 0;
    color: var(--_text);
  }
`;

/**
 * What the viewers that collapse content share (the rehabilitation plan, stay timeline and observation report),
 * after `viewerDetailStyles`: the headings in collapsible sections' summaries, and on paper no size container and
 * closed `<details>` printed open.
 */
export const collapsibleViewerStyles = css`
  .section--collapsible > summary > .section__heading,
  .other > summary > .section__heading {
    display: inline;
    margin: 0;
  }

  .section--collapsible[open] > summary {
    margin-bottom: 0.5rem;
  }

  @media print {
    :host {
      container-type: normal;
    }

    /* Chromium 131+: a closed details prints its content too (beforeprint also opens them). */
    details::details-content {
      content-visibility: visible;
      display: block;
    }
  }
`;
