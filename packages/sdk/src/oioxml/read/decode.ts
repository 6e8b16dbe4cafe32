// SPDX-License-Identifier: MIT
// MedCom letters come in windows-1252, ISO-8859-1 and UTF-8 (with or without BOM): the XML declaration says
// which. TextDecoder handles all of them in browsers and in Node.

/** The result of turning a letter's bytes into text. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly message: string };

const DECLARED = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

// WHATWG maps iso-8859-1 and latin1 to windows-1252, which agrees with ISO-8859-1 on every printable character.
const LABELS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The encoding named in an XML declaration at the start of `head`, lower-cased, or `undefined`. */
export function declaredEncoding(head: string): string | undefined {
  return DECLARED.exec(head.replace(/^\uFEFF/, ''))?.[1]?.toLowerCase();
}

/**
 * Decodes letter bytes by their BOM, else their XML declaration, else as UTF-8 (the XML default). Invalid byte
 * sequences for the encoding are an error, not replacement characters.
 */
export function decodeLetter(bytes: Uint8Array): DecodeResult {
  let encoding: string;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else {
    // The declaration is ASCII in every encoding MedCom uses, so the first bytes read as latin1 are enough.
    const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 200));
    const declared = declaredEncoding(head);
    if (declared !== undefined && LABELS[declared] === undefined) {
      return {
        ok: false,
        message: `The letter declares the encoding ${JSON.stringify(declared)}, which is not supported`,
      };
    }
    encoding = declared === undefined ? 'utf-8' : (LABELS[declared] ?? 'utf-8');
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, message: `The bytes are not valid ${encoding}, the encoding the letter declares` };
  }
}
