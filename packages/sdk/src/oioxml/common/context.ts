// SPDX-License-Identifier: MIT
import { redactCpr } from '../../identifiers/redact.js';
import type { OioIssue } from '../read/issues.js';
import { children, type XmlElement } from '../read/tree.js';

/**
 * An element a model does not know, kept rather than dropped (MedCom's lists and letters drift): its slash
 * path and its text.
 * @category OIOXML
 */
export interface UnknownElement {
  readonly path: string;
  readonly text: string;
}

/** What the model readers share while reading one letter: the issues and the elements nobody claimed. */
export class ReadContext {
  readonly issues: OioIssue[] = [];
  readonly unknown: UnknownElement[] = [];

  warn(path: string, message: string): void {
    this.issues.push({ severity: 'warning', code: 'value', path, message: redactCpr(message) });
  }

  /** Records every child of `element` whose local name is not in `known` as an unknown element. */
  keepUnknown(element: XmlElement | undefined, path: string, known: readonly string[]): void {
    for (const child of children(element)) {
      if (!known.includes(child.name)) {
        this.unknown.push({ path: `${path}/${child.name}`, text: flatText(child).trim() });
      }
    }
  }
}

function flatText(element: XmlElement): string {
  return element.content.map((node) => (typeof node === 'string' ? node : flatText(node))).join(' ');
}
