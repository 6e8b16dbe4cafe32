// SPDX-License-Identifier: MIT
// MedCom formatted text ("ft", FormattedText.xsd): mixed content of text and eight inline elements. The model keeps
// only inert text and those styles, so nothing a sender puts in an ft block can reach a viewer as markup.
import * as z from 'zod/mini';
import { RuleError } from '../../errors/index.js';
import { isElement, textContent, type XmlElement } from '../read/tree.js';

// XML 1.0 `Char` minus CR and LF: a text node must survive writing and reading unchanged, and line breaks are
// `break` nodes (a raw newline is layout whitespace to a reader, see readFormattedText).
const TEXT_CHARS = /^[\t\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const NON_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// A whitespace run that contains a line break, with the blanks around it: source layout, not content.
const LAYOUT_RUN = /[\t\n\r ]*[\n\r][\t\n\r ]*/g;

/**
 * The six styles of MedCom formatted text. `fixed` is the `FixedFont` element; the others are `Bold`, `Italic`,
 * `Underline`, `Right` and `Center`.
 *
 * @example
 * ```ts
 * FormattedTextStyle.parse('bold'); // 'bold'
 * ```
 * @category OIOXML
 */
export const FormattedTextStyle = /* @__PURE__ */ z.enum(['bold', 'italic', 'underline', 'right', 'center', 'fixed']);

// The styles again as plain data: reading letters must not need the schema (it stays out of viewer bundles).
const STYLES: readonly FormattedTextStyle[] = ['bold', 'italic', 'underline', 'right', 'center', 'fixed'];
/** @category OIOXML */
export type FormattedTextStyle = z.infer<typeof FormattedTextStyle>;

/**
 * One inline node of MedCom formatted text: a piece of text, a line break (`Break`), a space (`Space`), or a
 * styled run whose `children` are formatted text again.
 *
 * A `text` node holds only characters XML can carry and no line breaks (those are `break` nodes). The schema
 * allows any nesting of styles, because senders do not always follow the XSD; {@link writeFormattedText}
 * enforces the XSD's nesting rules.
 *
 * @example
 * ```ts
 * FormattedTextNode.parse({ kind: 'bold', children: [{ kind: 'text', text: 'Diagnose' }] });
 * ```
 * @category OIOXML
 */
export const FormattedTextNode = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.object({
    kind: /* @__PURE__ */ z.literal('text'),
    text: /* @__PURE__ */ z
      .string()
      .check(/* @__PURE__ */ z.regex(TEXT_CHARS, 'Text must not contain line breaks or characters XML cannot carry')),
  }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('break') }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('space') }),
  /* @__PURE__ */ z.object({
    kind: FormattedTextStyle,
    get children() {
      return FormattedText;
    },
  }),
]);
/** @category OIOXML */
export type FormattedTextNode = z.infer<typeof FormattedTextNode>;

/**
 * MedCom formatted text ("ft"), the content of free-text fields in OIOXML letters such as
 * `ClinicalInformation/Text01`: a list of {@link FormattedTextNode}s.
 *
 * @example
 * ```ts
 * const ft: FormattedText = FormattedText.parse([
 *   { kind: 'bold', children: [{ kind: 'text', text: 'Aftalt' }] },
 *   { kind: 'break' },
 *   { kind: 'text', text: 'Kontrol hos egen læge.' },
 * ]);
 * ```
 * @category OIOXML
 */
export const FormattedText = /* @__PURE__ */ z.array(FormattedTextNode);
/** @category OIOXML */
export type FormattedText = z.infer<typeof FormattedText>;

type StyledNode = Extract<FormattedTextNode, { children: unknown }>;

const ELEMENT_OF_STYLE: Readonly<Record<FormattedTextStyle, string>> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  right: 'Right',
  center: 'Center',
  fixed: 'FixedFont',
};

const STYLE_OF_ELEMENT: ReadonlyMap<string, FormattedTextStyle> = new Map(
  STYLES.map((style) => [ELEMENT_OF_STYLE[style], style]),
);

function isStyle(kind: unknown): kind is FormattedTextStyle {
  return typeof kind === 'string' && Object.hasOwn(ELEMENT_OF_STYLE, kind);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

type Layout = { kind: 'layout'; keep: boolean };
type Leaf = { kind: 'text'; text: string } | { kind: 'break' } | { kind: 'space' } | Layout;
type Draft = Leaf | { kind: FormattedTextStyle; children: Draft[] };

/** What sits at one side of a layout run: nothing, a Break, blank space, or a visible character. */
type Edge = 'edge' | 'break' | 'blank' | 'ink';

function splitLayout(text: string, into: Draft[]): void {
  const clean = text.replace(NON_XML_CHARS, '');
  let last = 0;
  for (const match of clean.matchAll(LAYOUT_RUN)) {
    if (match.index > last) into.push({ kind: 'text', text: clean.slice(last, match.index) });
    into.push({ kind: 'layout', keep: false });
    last = match.index + match[0].length;
  }
  if (last < clean.length) into.push({ kind: 'text', text: clean.slice(last) });
}

function collect(content: XmlElement['content']): Draft[] {
  const drafts: Draft[] = [];
  // Adjacent strings (text, and text of unknown elements) are joined first, so a layout run split across them is
  // still seen as one run.
  let pending = '';
  const flush = (): void => {
    if (pending !== '') splitLayout(pending, drafts);
    pending = '';
  };
  for (const node of content) {
    if (!isElement(node)) {
      pending += node;
      continue;
    }
    const style = STYLE_OF_ELEMENT.get(node.name);
    if (node.name === 'Break' || node.name === 'Space') {
      flush();
      drafts.push({ kind: node.name === 'Break' ? 'break' : 'space' });
    } else if (style !== undefined) {
      flush();
      drafts.push({ kind: style, children: collect(node.content) });
    } else {
      // An unknown element (a typo, another vocabulary, `<script>`) is never markup; its words still count.
      pending += textContent(node);
    }
  }
  flush();
  return drafts;
}

function leaves(drafts: readonly Draft[], into: Leaf[] = []): Leaf[] {
  for (const draft of drafts) {
    if ('children' in draft) leaves(draft.children, into);
    else into.push(draft);
  }
  return into;
}

function startEdge(leaf: Leaf): Edge | undefined {
  switch (leaf.kind) {
    case 'text':
      return leaf.text === '' ? undefined : /^[\t ]/.test(leaf.text) ? 'blank' : 'ink';
    case 'break':
      return 'break';
    case 'space':
      return 'blank';
    case 'layout':
      return undefined;
  }
}

function endEdge(leaf: Leaf): Edge | undefined {
  if (leaf.kind === 'text') return leaf.text === '' ? undefined : /[\t ]$/.test(leaf.text) ? 'blank' : 'ink';
  return startEdge(leaf);
}

/** Keeps a layout run as one space only where it is the sole separator of two visible characters. */
function resolveLayout(drafts: readonly Draft[]): void {
  const flat = leaves(drafts);
  const next: Edge[] = [];
  let following: Edge = 'edge';
  for (let i = flat.length - 1; i >= 0; i--) {
    next[i] = following;
    const leaf = flat[i];
    following = (leaf && startEdge(leaf)) ?? following;
  }
  let previous: Edge = 'edge';
  flat.forEach((leaf, i) => {
    if (leaf.kind === 'layout') {
      leaf.keep = previous === 'ink' && next[i] === 'ink';
      if (leaf.keep) previous = 'blank';
    } else {
      previous = endEdge(leaf) ?? previous;
    }
  });
}

function finish(drafts: readonly Draft[]): FormattedText {
  const nodes: FormattedText = [];
  for (const draft of drafts) {
    if (draft.kind === 'layout') {
      if (draft.keep) nodes.push({ kind: 'text', text: ' ' });
    } else if ('children' in draft) {
      nodes.push({ kind: draft.kind, children: finish(draft.children) });
    } else {
      nodes.push(draft.kind === 'text' ? { kind: 'text', text: draft.text } : { kind: draft.kind });
    }
  }
  return normalizeFormattedText(nodes);
}

/**
 * Reads the formatted text content of an OIOXML element (for example `Text01`, or a GGOP
 * `AbilityAtDischargeExtended`).
 *
 * Markup is recognised by local name in any namespace: `Break`, `Space`, `Bold`, `Italic`, `Underline`,
 * `Right`, `Center` and `FixedFont`. Any other element contributes only its text content, as plain text. Styles
 * nested against the XSD are kept as read.
 *
 * Whitespace: text is kept as written, except that a run of whitespace containing a line break is source
 * layout (indentation, wrapped lines), since ft marks its line breaks with `Break`. Such a run becomes a single
 * space when it separates two visible characters, and disappears at the start or end of the content, next to a
 * `Break`, or next to other whitespace or a `Space`. Characters XML cannot carry are dropped.
 *
 * @param element - The element whose mixed content is formatted text.
 * @returns The formatted text, with adjacent text nodes merged and no empty text nodes.
 * @example
 * ```ts
 * const ft = readFormattedText(at(letter, 'ClinicalInformation', 'Text01')!);
 * formattedTextToPlain(ft); // 'Indlagt af vagtlæge. …\n…'
 * ```
 * @category OIOXML
 */
export function readFormattedText(element: XmlElement): FormattedText {
  const drafts = collect(element.content);
  resolveLayout(drafts);
  return finish(drafts);
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text

/**
 * Merges adjacent text nodes and removes empty ones, at every level. Styled runs are kept even when empty.
 * {@link readFormattedText} and {@link plainToFormattedText} already return this form.
 *
 * @param ft - Formatted text.
 * @returns An equivalent formatted text in normal form (a new value; `ft` is not changed).
 * @example
 * ```ts
 * normalizeFormattedText([
 *   { kind: 'text', text: 'Fri ' },
 *   { kind: 'text', text: '' },
 *   { kind: 'text', text: 'tekst' },
 * ]); // [{ kind: 'text', text: 'Fri tekst' }]
 * ```
 * @category OIOXML
 */
export function normalizeFormattedText(ft: FormattedText): FormattedText {
  const nodes: FormattedText = [];
  for (const node of ft) {
    if (node.kind === 'text') {
      if (node.text === '') continue;
      const last = nodes.at(-1);
      if (last?.kind === 'text') nodes[nodes.length - 1] = { kind: 'text', text: last.text + node.text };
      else nodes.push({ kind: 'text', text: node.text });
    } else if ('children' in node) {
      nodes.push({ kind: node.kind, children: normalizeFormattedText(node.children) });
    } else {
      nodes.push({ kind: node.kind });
    }
  }
  return nodes;
}

/**
 * The plain text of formatted text: `Break` becomes `\n`, `Space` a space, and styles are dropped.
 *
 * @param ft - Formatted text.
 * @returns The text as a user would read it, without styling.
 * @example
 * ```ts
 * formattedTextToPlain([
 *   { kind: 'bold', children: [{ kind: 'text', text: 'Aftalt' }] },
 *   { kind: 'break' },
 *   { kind: 'text', text: 'Kontrol' },
 * ]); // 'Aftalt\nKontrol'
 * ```
 * @category OIOXML
 */
export function formattedTextToPlain(ft: FormattedText): string {
  let plain = '';
  for (const node of ft) {
    if (node.kind === 'text') plain += node.text;
    else if (node.kind === 'break') plain += '\n';
    else if (node.kind === 'space') plain += ' ';
    else plain += formattedTextToPlain(node.children);
  }
  return plain;
}

/**
 * Turns plain text (such as a form's textarea) into formatted text: each line break (`\n`, `\r\n` or `\r`)
 * becomes a `break` node, and everything else stays as written. Characters XML cannot carry (control characters
 * other than tab) are dropped.
 *
 * @param text - Plain text.
 * @returns Formatted text without styles.
 * @example
 * ```ts
 * plainToFormattedText('Fri tekst\nmere'); // [text 'Fri tekst', break, text 'mere']
 * ```
 * @category OIOXML
 */
export function plainToFormattedText(text: string): FormattedText {
  const nodes: FormattedText = [];
  text
    .replace(NON_XML_CHARS, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      if (i > 0) nodes.push({ kind: 'break' });
      if (line !== '') nodes.push({ kind: 'text', text: line });
    });
  return nodes;
}

/**
 * The length of formatted text in characters, as its plain text ({@link formattedTextToPlain}) counts them:
 * Unicode code points, with each `Break` and `Space` counting one. Use it to enforce length limits.
 *
 * @param ft - Formatted text.
 * @returns The number of characters.
 * @example
 * ```ts
 * formattedTextLength(plainToFormattedText('Så\nja')); // 5
 * ```
 * @category OIOXML
 */
export function formattedTextLength(ft: FormattedText): number {
  let length = 0;
  for (const node of ft) {
    if (node.kind === 'text') {
      // Code points, not UTF-16 units: an emoji is one character to the user and to XSD length facets.
      length += [...node.text].length;
    } else if ('children' in node) {
      length += formattedTextLength(node.children);
    } else {
      length++;
    }
  }
  return length;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Where a node is written, which decides what FormattedText.xsd allows there. */
type Context = { readonly element: string; readonly allows: (kind: string) => boolean };

const TOP: Context = { element: 'formatted text', allows: () => true };
// FormattedText.xsd: FixedFont is SimpleFormattedText (anything but FixedFont); the other styles are
// BreakableText (text, Break and Space only).
const FIXED: Context = { element: 'FixedFont', allows: (kind) => kind !== 'fixed' };
const BREAKABLE = (element: string): Context => ({
  element,
  allows: (kind) => kind === 'text' || kind === 'break' || kind === 'space',
});

function escapeText(text: string): string {
  // Escaping every `>` also keeps `]]>` out of the output.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function elementName(kind: unknown): string {
  return isStyle(kind) ? ELEMENT_OF_STYLE[kind] : kind === 'break' ? 'Break' : kind === 'space' ? 'Space' : 'text';
}

function writeNodes(nodes: unknown, context: Context, path: string, out: string[]): void {
  if (!Array.isArray(nodes)) throw new RuleError('Formatted text must be a list of nodes', path);
  nodes.forEach((node: unknown, i) => {
    const at = `${path}[${i}]`;
    const kind = typeof node === 'object' && node !== null ? (node as { kind?: unknown }).kind : undefined;
    if (kind !== 'text' && kind !== 'break' && kind !== 'space' && !isStyle(kind)) {
      throw new RuleError(`Unknown formatted text node kind '${String(kind)}'`, at);
    }
    if (!context.allows(kind)) {
      throw new RuleError(
        `FormattedText.xsd does not allow ${elementName(kind)} inside ${context.element}` +
          (context === FIXED ? '' : ' (only text, Break and Space)'),
        at,
      );
    }
    if (kind === 'break') out.push('<Break/>');
    else if (kind === 'space') out.push('<Space/>');
    else if (kind === 'text') {
      const text = (node as { text?: unknown }).text;
      if (typeof text !== 'string') throw new RuleError('A text node needs a string text', `${at}.text`);
      if (!TEXT_CHARS.test(text)) {
        // No text in the message: it may hold patient data.
        throw new RuleError(
          'Text contains a line break or a character XML cannot carry; use break nodes for line breaks',
          `${at}.text`,
        );
      }
      out.push(escapeText(text));
    } else {
      const element = ELEMENT_OF_STYLE[kind];
      const inner: string[] = [];
      writeNodes((node as StyledNode).children, kind === 'fixed' ? FIXED : BREAKABLE(element), `${at}.children`, inner);
      out.push(inner.length === 0 ? `<${element}/>` : `<${element}>${inner.join('')}</${element}>`);
    }
  });
}

/**
 * Writes formatted text as XML content: escaped text, `<Break/>`, `<Space/>`, `<Bold>…</Bold>`,
 * `<FixedFont>…</FixedFont>` and so on, without namespace prefixes, so the markup takes the namespace of the
 * element the letter writer places it in.
 *
 * It enforces FormattedText.xsd: `FixedFont` may hold anything but `FixedFont`, and `Bold`, `Italic`,
 * `Underline`, `Right` and `Center` may hold only text, `Break` and `Space`.
 *
 * @param ft - Formatted text to write.
 * @param field - Name of the field being written, used in error paths. Default `'formattedText'`.
 * @returns The XML content string.
 * @throws `RuleError` (from the main entry) when the XSD forbids a nesting, a node is not one of the known kinds, or a text node
 *   contains a line break or a character XML cannot carry. Its `field` points at the node, e.g.
 *   `formattedText[0].children[1]`.
 * @example
 * ```ts
 * writeFormattedText([
 *   { kind: 'bold', children: [{ kind: 'text', text: 'Diagnose' }] },
 *   { kind: 'break' },
 *   { kind: 'text', text: 'a < b & c' },
 * ]); // '<Bold>Diagnose</Bold><Break/>a &lt; b &amp; c'
 * ```
 * @category OIOXML
 */
export function writeFormattedText(ft: FormattedText, field = 'formattedText'): string {
  const out: string[] = [];
  writeNodes(ft, TOP, field, out);
  return out.join('');
}
