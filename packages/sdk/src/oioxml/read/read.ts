// SPDX-License-Identifier: MIT
import { decodeLetter } from './decode.js';
import type { OioIssue } from './issues.js';
import { parseXml } from './parse.js';
import { detectLetter, failure, type ReadLetter } from './detect.js';

export type { LetterInfo, LetterKind, ReadLetter } from './detect.js';

/**
 * Options for {@link readOioXml}.
 * @category OIOXML
 */
export interface ReadOioXmlOptions {
  /** Refuse larger input before decoding it. Default 20 MB. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a MedCom OIOXML letter (XDIS01 and siblings, XREF01 and siblings, GGOP) from bytes or text into an
 * element tree and tells which letter it is, by the local name of the letter element and `Letter/VersionCode`
 * in whatever namespace. Bytes are decoded by their BOM or XML declaration (windows-1252, ISO-8859-1,
 * UTF-8). Never throws: over-size input, bad bytes, DOCTYPE/ENTITY declarations (XXE, entity bombs) and
 * malformed XML come back as issues.
 *
 * @param input - The letter's bytes (preferred: the declared encoding is honoured) or its text.
 * @param options - `maxBytes`, default 20 MB.
 * @returns `{ ok: true, info, root, letter, encoding, issues }` or `{ ok: false, issues }`.
 * @example
 * ```ts
 * const read = readOioXml(await readFile('DIS01_1.xml'));
 * if (read.ok) read.info; // { kind: 'discharge-summary', element: 'DischargeLetter', versionCode: 'XD0133L', … }
 * ```
 * @category OIOXML
 */
export function readOioXml(
  input: string | Uint8Array,
  options: ReadOioXmlOptions = {},
): ReadLetter | { readonly ok: false; readonly issues: readonly OioIssue[] } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let source: string;
  let encoding = 'string';
  if (typeof input === 'string') {
    // A string's UTF-16 length bounds its UTF-8 size from below: refuse before anything else is done.
    if (input.length > maxBytes) return failure('too-large', `The letter is larger than ${maxBytes} bytes`);
    source = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return failure('too-large', `The letter is larger than ${maxBytes} bytes`);
    const decoded = decodeLetter(input);
    if (!decoded.ok) return failure('encoding', decoded.message);
    source = decoded.text;
    encoding = decoded.encoding;
  } else {
    return failure('not-a-letter', 'Expected the letter as bytes or text');
  }

  const parsed = parseXml(source);
  if (!parsed.ok) return failure(parsed.code, parsed.message);
  return detectLetter(parsed.root, encoding);
}
