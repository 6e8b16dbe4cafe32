// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { redactCpr } from '@samspil/sdk';

/** A viewer's loading or empty state, announced politely while loading. */
export function loadState(kind: 'loading' | 'empty', text: string, lang: string): TemplateResult {
  return kind === 'loading'
    ? html`<p class="state state--loading" part="state" role="status" lang=${lang}>${text}</p>`
    : html`<p class="state" part="state" lang=${lang}>${text}</p>`;
}

/**
 * A viewer's error state: `title` in the reader's language and, unless `detail` is false, the error's own (English)
 * message. Loader errors are redacted already; anything else (an abort, a bug) is redacted here.
 */
export function errorState(title: string, error: unknown, lang: string, detail = true): TemplateResult {
  const message = detail ? redactCpr(String((error as Error | undefined)?.message ?? '')) : '';
  return html`<div class="state state--error" part="state" role="alert" lang=${lang}>
    <p class="state__title">${title}</p>
    ${message ? html`<p class="state__detail" lang="en">${message}</p>` : nothing}
  </div>`;
}
