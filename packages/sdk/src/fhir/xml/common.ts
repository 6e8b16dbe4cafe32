// SPDX-License-Identifier: MIT
// Shared by the XML parser and serialiser: namespaces, issue shapes and XML character handling.

/** @internal */
export const FHIR_NS = 'http://hl7.org/fhir';
/** @internal */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * What went wrong while reading FHIR XML.
 *
 * - `xml-syntax`: not well-formed XML (truncated, mismatched tags, stray text, illegal characters).
 * - `xml-entity`: a DOCTYPE or ENTITY declaration, or a reference to an entity XML does not predefine.
 * - `xml-root`: no single root element, or the root is not a resource.
 * - `xml-namespace`: an element outside the FHIR namespace (or a narrative outside XHTML).
 * - `unknown-resource`: a resource type this model does not know.
 * - `unknown-element`: an element or attribute the type does not define, or a repeat of a single element.
 * - `xml-value`: a value that cannot be represented, such as `value="yes"` on a boolean.
 * - `too-large`: the input exceeds `maxBytes`.
 *
 * @category FHIR
 */
export type XmlIssueCode =
  | 'xml-syntax'
  | 'xml-entity'
  | 'xml-root'
  | 'xml-namespace'
  | 'unknown-resource'
  | 'unknown-element'
  | 'xml-value'
  | 'too-large';

/**
 * One problem found in FHIR XML (or in FHIR JSON being written as XML).
 *
 * @category FHIR
 */
export interface XmlIssue {
  readonly severity: 'error';
  readonly code: XmlIssueCode;
  /** FHIRPath-style location such as `Bundle.entry[2].resource.class`; empty when it concerns the document. */
  readonly path: string;
  readonly message: string;
}

/** @internal */
export function issue(code: XmlIssueCode, path: string, message: string): XmlIssue {
  return { severity: 'error', code, path, message };
}

// Characters XML 1.0 forbids outright, literally or as character references; unpaired surrogates
// cannot be encoded either.
const ILLEGAL_CHAR =
  // eslint-disable-next-line no-control-regex -- matching these control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** @internal */
export function hasIllegalXmlChar(text: string): boolean {
  return ILLEGAL_CHAR.test(text);
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&([^;&\s]*);?/g;

/** Outcome of decoding references in attribute text: the text, or why it cannot be decoded. @internal */
export type Decoded = { ok: true; text: string } | { ok: false; code: 'xml-entity' | 'xml-syntax'; message: string };

function referenceError(ref: string): Decoded | undefined {
  const name = ref.slice(1, ref.endsWith(';') ? -1 : undefined);
  if (!ref.endsWith(';') || name === '') {
    return { ok: false, code: 'xml-syntax', message: `'&' must start a character or entity reference.` };
  }
  if (name.startsWith('#')) {
    const code = /^#x[0-9a-fA-F]+$/.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff) || hasIllegalXmlChar(String.fromCodePoint(code))) {
      return { ok: false, code: 'xml-entity', message: `'${ref}' is not a legal XML character reference.` };
    }
    return undefined;
  }
  if (!Object.hasOwn(PREDEFINED, name)) {
    return {
      ok: false,
      code: 'xml-entity',
      message: `Entity '${ref}' is not declared; XML predefines only amp, lt, gt, quot and apos.`,
    };
  }
  return undefined;
}

/**
 * Checks every reference in raw XML text (character data or an attribute value) without decoding it.
 *
 * @internal
 */
export function checkReferences(raw: string): Decoded {
  for (const match of raw.matchAll(REFERENCE)) {
    const error = referenceError(match[0]);
    if (error) return error;
  }
  return { ok: true, text: raw };
}

/**
 * Decodes a raw attribute value as an XML processor does: literal tabs and line breaks become spaces
 * (attribute-value normalisation), then the five predefined entities and character references are
 * replaced. Any other entity is refused, since no DTD can declare one.
 *
 * @internal
 */
export function decodeAttribute(raw: string): Decoded {
  const checked = checkReferences(raw);
  if (!checked.ok) return checked;
  const text = raw.replace(/[\t\n\r]/g, ' ').replace(REFERENCE, (_ref, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return PREDEFINED[name] ?? '';
  });
  return { ok: true, text };
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/**
 * Escapes text for a double-quoted attribute value. Tabs and line breaks become character references,
 * because a reader would otherwise normalise them to spaces.
 *
 * @internal
 */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
