// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import type { FormattedText } from '@samspil/sdk/oioxml';

type Rendered = TemplateResult | string | typeof nothing;

/**
 * Renders MedCom formatted text. Text is always bound as text (never as markup), so a letter can only ever show
 * text, line breaks and the six styles, whatever its fields contain.
 */
export function renderFormattedText(ft: FormattedText | undefined): Rendered[] {
  if (!ft) return [nothing];
  return ft.map((node): Rendered => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'break':
        return html`<br />`;
      case 'space':
        return ' ';
      case 'bold':
        return html`<strong>${renderFormattedText(node.children)}</strong>`;
      case 'italic':
        return html`<em>${renderFormattedText(node.children)}</em>`;
      case 'underline':
        return html`<u>${renderFormattedText(node.children)}</u>`;
      case 'right':
        return html`<span class="ft-right">${renderFormattedText(node.children)}</span>`;
      case 'center':
        return html`<span class="ft-center">${renderFormattedText(node.children)}</span>`;
      case 'fixed':
        return html`<span class="ft-fixed">${renderFormattedText(node.children)}</span>`;
      default:
        return nothing;
    }
  });
}
