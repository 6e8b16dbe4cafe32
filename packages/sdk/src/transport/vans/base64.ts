// SPDX-License-Identifier: MIT
// Base64 for envelope Data, browser-safe and fit for MedCom's 100 MB limit: no Buffer, no btoa/atob (they need
// binary strings, built by spreading byte arrays onto the stack) and no per-character string concatenation.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = /* @__PURE__ */ Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const INVALID = 255;
const SKIP = 254;
const PAD = 61; // '='
const DECODE = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128).fill(INVALID);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  // xs:base64Binary collapses whitespace, so line-wrapped Data is well-formed.
  for (const c of [0x20, 0x09, 0x0a, 0x0d]) table[c] = SKIP;
  return table;
})();

/**
 * The length of the base64 text for `byteLength` bytes, padding included.
 *
 * @param byteLength - The number of bytes to encode.
 * @returns `4 * ceil(byteLength / 3)`.
 * @example
 * ```ts
 * base64Length(4); // 8
 * ```
 * @internal
 */
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/**
 * Encodes bytes as base64 (RFC 4648 alphabet, padded, one line).
 *
 * @param bytes - Any bytes; 100 MB is fine.
 * @returns The base64 text.
 * @example
 * ```ts
 * encodeBase64(new TextEncoder().encode('Hej')); // 'SGVq'
 * ```
 * @internal
 */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(base64Length(bytes.byteLength));
  const whole = bytes.byteLength - (bytes.byteLength % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = ENCODE[n >>> 18] as number;
    out[o++] = ENCODE[(n >>> 12) & 63] as number;
    out[o++] = ENCODE[(n >>> 6) & 63] as number;
    out[o++] = ENCODE[n & 63] as number;
  }
  const rest = bytes.byteLength - whole;
  if (rest > 0) {
    const n = ((bytes[whole] as number) << 16) | (rest === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[o++] = ENCODE[n >>> 18] as number;
    out[o++] = ENCODE[(n >>> 12) & 63] as number;
    out[o++] = rest === 2 ? (ENCODE[(n >>> 6) & 63] as number) : PAD;
    out[o] = PAD;
  }
  // The output is ASCII, which every decoder turns into text in one native step.
  return new TextDecoder().decode(out);
}

/**
 * Decodes base64 text, or the part of a larger text between `start` and `end`, strictly as `xs:base64Binary`:
 * the RFC 4648 alphabet, whitespace ignored, a length that is a multiple of four, at most two `=` and only at the
 * end, and zero bits after the last byte (as the XML Schema grammar requires).
 *
 * @param text - The text holding the base64.
 * @param start - Where the base64 starts; 0 by default.
 * @param end - Where it ends (exclusive); the end of `text` by default.
 * @returns The bytes, or `undefined` when the text is not well-formed base64.
 * @example
 * ```ts
 * decodeBase64('SGVq'); // Uint8Array [72, 101, 106]
 * decodeBase64('SGV'); // undefined
 * ```
 * @internal
 */
export function decodeBase64(text: string, start = 0, end = text.length): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor(((end - start) * 3) / 4));
  let o = 0;
  let quad = 0;
  let filled = 0;
  let padding = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (DECODE[code] as number) : INVALID;
    if (value === SKIP) continue;
    if (code === PAD) {
      padding++;
      filled++;
      // Padding may fill only the last one or two places of the last quad.
      if (filled < 3 || padding > 2) return undefined;
    } else if (value === INVALID || padding > 0) {
      return undefined;
    } else {
      quad = (quad << 6) | value;
      filled++;
    }
    if (filled === 4) {
      if (padding === 0) {
        out[o++] = quad >>> 16;
        out[o++] = (quad >>> 8) & 255;
        out[o++] = quad & 255;
      } else if (padding === 1) {
        // 18 bits were read: two bytes and two bits that must be zero.
        if ((quad & 3) !== 0) return undefined;
        out[o++] = (quad >>> 10) & 255;
        out[o++] = (quad >>> 2) & 255;
      } else {
        // 12 bits were read: one byte and four bits that must be zero.
        if ((quad & 15) !== 0) return undefined;
        out[o++] = (quad >>> 4) & 255;
      }
      quad = 0;
      // After a padded quad nothing may follow: -1 makes any further character fail above.
      filled = padding > 0 ? -1 : 0;
    }
  }
  if (filled !== 0 && filled !== -1) return undefined;
  return out.subarray(0, o);
}
