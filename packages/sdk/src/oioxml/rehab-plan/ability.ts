// SPDX-License-Identifier: MIT
// MedCom's GGOP carries the extended functional ability as one formatted text holding an ICF template: bold
// lines ("8a. Kroppens funktioner og anatomi") head the sections, italic lines ("- Mentale funktioner") the
// items the clinician writes under. Only a style run that starts a line is a heading; inline emphasis is text.
import { formattedTextToPlain, type FormattedText, type FormattedTextNode } from '../text/index.js';
import type { RehabAbilitySection, RehabAbilitySubsection } from './model.js';

const NUMBERED = /^(\d+[a-zæøå]?)[.)]\s*(.+)$/i;
const BULLET = /^[-–•*]\s*/;

interface Run {
  readonly heading: FormattedTextNode | undefined;
  readonly body: FormattedTextNode[];
}

function isBlank(node: FormattedTextNode | undefined): boolean {
  return node?.kind === 'break' || node?.kind === 'space' || (node?.kind === 'text' && node.text.trim() === '');
}

function trim(nodes: FormattedText): FormattedText {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start])) start++;
  while (end > start && isBlank(nodes[end - 1])) end--;
  return nodes.slice(start, end);
}

/** Splits `nodes` before every non-empty node of `kind` that starts a line; the first run has no heading. */
function splitAt(nodes: FormattedText, kind: 'bold' | 'italic'): Run[] {
  let current: Run = { heading: undefined, body: [] };
  const runs: Run[] = [current];
  let lineStart = true;
  for (const node of nodes) {
    if (node.kind === kind && lineStart && formattedTextToPlain([node]).trim() !== '') {
      current = { heading: node, body: [] };
      runs.push(current);
    } else {
      current.body.push(node);
    }
    if (node.kind === 'break') lineStart = true;
    else if (!isBlank(node)) lineStart = false;
  }
  return runs;
}

function headingText(node: FormattedTextNode): string {
  return formattedTextToPlain([node]).replace(/\s+/g, ' ').trim();
}

function subsections(text: FormattedText): RehabAbilitySubsection[] {
  return splitAt(text, 'italic').flatMap((run) =>
    run.heading === undefined ? [] : [{ heading: headingText(run.heading).replace(BULLET, ''), text: trim(run.body) }],
  );
}

function section(run: Run): RehabAbilitySection {
  const body = trim(run.body);
  const found: RehabAbilitySection = { text: body, subsections: subsections(body) };
  if (run.heading === undefined) return found;
  const heading = headingText(run.heading);
  const [, code, rest] = NUMBERED.exec(heading) ?? [];
  return code !== undefined && rest !== undefined
    ? { code: code.toLowerCase(), heading: rest, ...found }
    : { heading, ...found };
}

/**
 * Splits the extended functional ability at discharge into sections at lines that start in bold, and each
 * section into subsections at lines that start in italic. Text before the first bold line becomes a section
 * without heading; text without any bold line gives no sections (the text as a whole is still in the model).
 *
 * @param text - The `AbilityAtDischargeExtended` formatted text.
 * @returns The sections in order.
 * @example
 * ```ts
 * abilitySections(readFormattedText(element))[0]; // { code: '8a', heading: 'Kroppens funktioner og anatomi', … }
 * ```
 * @category OIOXML
 */
export function abilitySections(text: FormattedText): RehabAbilitySection[] {
  const [first, ...headed] = splitAt(text, 'bold');
  if (!first || headed.length === 0) return [];
  const preamble = trim(first.body).length > 0 ? [section(first)] : [];
  return [...preamble, ...headed.map(section)];
}
