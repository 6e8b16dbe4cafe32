// SPDX-License-Identifier: MIT
import type { Narrative } from '@medplum/fhirtypes';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Escapes text for XHTML content and attribute values. */
export function escapeXhtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A label and its value(s) in a generated narrative; empty values are left out. */
export type NarrativeRow = readonly [label: string, value: string | readonly (string | undefined)[] | undefined];

/**
 * A generated narrative (status `generated`) holding a heading and a definition list of label/value rows: basic
 * XHTML only (MedCom's narrative rules forbid scripts, forms and styles), every value escaped. Line breaks in
 * values become `<br/>`.
 *
 * @example
 * ```ts
 * narrative('Patient', [['CPR', '0101010000'], ['Efternavn', 'Hansen']]);
 * ```
 */
export function narrative(heading: string, rows: readonly NarrativeRow[]): Narrative {
  const items: string[] = [];
  for (const [label, value] of rows) {
    const values = (typeof value === 'string' ? [value] : (value ?? [])).filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    if (values.length === 0) continue;
    const shown = values.map((v) => escapeXhtml(v).replace(/\r?\n/g, '<br/>')).join(', ');
    items.push(`<dt>${escapeXhtml(label)}</dt><dd>${shown}</dd>`);
  }
  const list = items.length > 0 ? `<dl>${items.join('')}</dl>` : '';
  return {
    status: 'generated',
    div: `<div xmlns="${XHTML_NS}"><p><b>${escapeXhtml(heading)}</b></p>${list}</div>`,
  };
}
