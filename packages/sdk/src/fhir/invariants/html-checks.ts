// SPDX-License-Identifier: MIT
// FHIR narrative rules (https://hl7.org/fhir/R4/narrative.html#rules) behind `htmlChecks()`, which R4 uses for both
// txt-1 (only basic HTML) and txt-2 (some non-whitespace content). Checked in one pass without a DOM, so that it
// runs the same in browsers and Node and never interprets the markup:
//
// 1. Well-formed XML: every element closed or self-closed (`<br/>`), matching end tags, attributes separated by
//    whitespace, always `name="value"` or `name='value'` with no raw `<` in the value and no attribute twice;
//    only legal XML characters; `&` only as `&amp; &lt; &gt; &quot; &apos;` or a numeric reference to a legal
//    character (no HTML entities such as `&nbsp;`); comments without `--` and not ending in `-`; no `]]>` in text;
//    no processing instructions, DOCTYPE or CDATA.
// 2. Exactly one root element, a `div`, with nothing but whitespace around it.
// 3. Elements from the basic formatting set only (chapters 7-11 and 15 of HTML 4.0, anchors and images). Scripts,
//    forms, frames, objects, styles sheets, image maps and everything else are rejected.
// 4. Attributes from an allow list only: the global ones below, plus a few per element (`a.href`, `img.src`, …).
//    So no event handlers (`onclick`), no prefixed names (`xml:lang`, `xmlns:x`), and `xmlns` must be the XHTML
//    namespace wherever it appears.
// 5. Some content: a non-whitespace character (a character reference counts) or an `<img>` with a `src`.
//
// The lists and rules are those of fhirpath.js's htmlChecks() (the oracle of the equivalence test), which follows
// the R4 txt-1 XPath and the HL7 validator's name checks.

const ELEMENTS = new Set([
  'p',
  'br',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'span',
  'b',
  'em',
  'i',
  'strong',
  'small',
  'big',
  'tt',
  'dfn',
  'q',
  'var',
  'abbr',
  'acronym',
  'cite',
  'blockquote',
  'hr',
  'address',
  'bdo',
  'kbd',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tr',
  'tfoot',
  'tbody',
  'th',
  'td',
  'code',
  'samp',
  'img',
]);

const GLOBAL_ATTRIBUTES = new Set([
  'title',
  'style',
  'class',
  'id',
  'lang',
  'dir',
  'accesskey',
  'tabindex',
  'xmlns',
  'span',
  'align',
  'valign',
  'char',
  'charoff',
  'abbr',
  'axis',
  'headers',
  'scope',
  'rowspan',
  'colspan',
]);

const ELEMENT_ATTRIBUTES = new Set([
  'a.href',
  'a.name',
  'img.src',
  'img.border',
  'img.alt',
  'img.longdesc',
  'img.height',
  'img.width',
  'blockquote.cite',
  'q.cite',
  'table.summary',
  'table.width',
  'table.border',
  'table.frame',
  'table.rules',
  'table.cellspacing',
  'table.cellpadding',
  'col.width',
  'colgroup.width',
  'th.width',
  'td.width',
  'td.nowrap',
]);

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

// Anything outside the XML 1.0 Char production (https://www.w3.org/TR/xml/#charsets), lone surrogates included.
const ILLEGAL_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ONLY_SPACE = /^[ \t\r\n]*$/;
const NON_SPACE = /[^ \t\r\n]/;
const SPACE = /[ \t\r\n]*/y;
const START_TAG_NAME = /<([^ \t\r\n/>]+)/y;
const END_TAG = /<\/([^ \t\r\n>]*)[ \t\r\n]*>/y;
const ATTRIBUTE_NAME = /[^ \t\r\n=/>]+/y;
const CHARACTER_REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z]+));/y;

function isLegalCodePoint(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Whether every `&` in `text` starts a character reference XML accepts. */
function referencesValid(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    CHARACTER_REFERENCE.lastIndex = at;
    const match = CHARACTER_REFERENCE.exec(text);
    if (match === null) return false;
    const [, hex, decimal, name] = match;
    if (name !== undefined) {
      if (!XML_ENTITIES.has(name)) return false;
    } else {
      const digits = hex ?? decimal ?? '';
      // Long digit strings overflow to Infinity, which is not a legal code point either.
      const codePoint = digits.length > 8 ? Infinity : Number.parseInt(digits, hex === undefined ? 10 : 16);
      if (!isLegalCodePoint(codePoint)) return false;
    }
  }
  return true;
}

function skip(regex: RegExp, text: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  return regex.exec(text);
}

/**
 * `htmlChecks()` on a Narrative `div`: whether it is well-formed XHTML that keeps to the FHIR narrative rules and has
 * some content. Anything but a string is `false`. What is checked is listed at the top of `html-checks.ts`.
 *
 * Not a sanitizer: a narrative that passes still has to be rendered safely.
 *
 * @category Validation
 */
export function htmlChecks(div: unknown): boolean {
  if (typeof div !== 'string') return false;
  // txt-1 and txt-2 share this check, and several profiles can list them for the same narrative.
  const known = checked.get(div);
  if (known !== undefined) return known;
  const result = checkHtml(div);
  if (checked.size >= CHECKED_LIMIT) checked.clear();
  checked.set(div, result);
  return result;
}

const CHECKED_LIMIT = 64;
const checked = new Map<string, boolean>();

function checkHtml(div: string): boolean {
  if (ILLEGAL_CHARACTER.test(div)) return false;
  const open: string[] = [];
  let rootSeen = false;
  let content = false;
  let at = 0;

  while (at < div.length) {
    if (div[at] !== '<') {
      const next = div.indexOf('<', at);
      const end = next === -1 ? div.length : next;
      const text = div.slice(at, end);
      if (open.length === 0) {
        if (!ONLY_SPACE.test(text)) return false;
      } else {
        if (text.includes(']]>') || !referencesValid(text)) return false;
        if (NON_SPACE.test(text)) content = true;
      }
      at = end;
      continue;
    }

    if (div.startsWith('<!--', at)) {
      if (open.length === 0) return false;
      const end = div.indexOf('-->', at + 4);
      if (end === -1) return false;
      const body = div.slice(at + 4, end);
      if (body.includes('--') || body.endsWith('-')) return false;
      at = end + 3;
      continue;
    }
    const second = div[at + 1];
    if (second === '!' || second === '?') return false;

    if (second === '/') {
      const end = skip(END_TAG, div, at);
      if (end === null || open.at(-1) !== end[1]) return false;
      open.pop();
      at = END_TAG.lastIndex;
      continue;
    }

    const start = skip(START_TAG_NAME, div, at);
    const name = start?.[1];
    if (name === undefined || !ELEMENTS.has(name)) return false;
    if (open.length === 0) {
      if (rootSeen || name !== 'div') return false;
      rootSeen = true;
    }
    at = START_TAG_NAME.lastIndex;

    const attributes = new Set<string>();
    let selfClosing = false;
    for (;;) {
      const before = at;
      skip(SPACE, div, at);
      at = SPACE.lastIndex;
      if (at >= div.length) return false;
      if (div[at] === '>') {
        at++;
        break;
      }
      if (div[at] === '/') {
        if (div[at + 1] !== '>') return false;
        at += 2;
        selfClosing = true;
        break;
      }
      if (at === before) return false;
      const attribute = skip(ATTRIBUTE_NAME, div, at)?.[0];
      if (attribute === undefined) return false;
      if (!(GLOBAL_ATTRIBUTES.has(attribute) || ELEMENT_ATTRIBUTES.has(`${name}.${attribute}`))) return false;
      if (attributes.has(attribute)) return false;
      attributes.add(attribute);
      at = ATTRIBUTE_NAME.lastIndex;
      skip(SPACE, div, at);
      at = SPACE.lastIndex;
      if (div[at] !== '=') return false;
      skip(SPACE, div, at + 1);
      at = SPACE.lastIndex;
      const quote = div[at];
      if (quote !== '"' && quote !== "'") return false;
      const close = div.indexOf(quote, at + 1);
      if (close === -1) return false;
      const value = div.slice(at + 1, close);
      if (value.includes('<') || !referencesValid(value)) return false;
      if (attribute === 'xmlns' && value !== XHTML_NAMESPACE) return false;
      at = close + 1;
    }

    if (name === 'img' && attributes.has('src')) content = true;
    if (!selfClosing) open.push(name);
  }

  return open.length === 0 && rootSeen && content;
}
