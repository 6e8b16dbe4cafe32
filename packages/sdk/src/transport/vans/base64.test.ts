// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { base64Length, decodeBase64, encodeBase64 } from './base64.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('base64', () => {
  it('encodes as RFC 4648 does, padding included', () => {
    for (const [text, expected] of [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ] as const) {
      assert.equal(encodeBase64(bytesOf(text)), expected);
      assert.deepEqual(decodeBase64(expected), bytesOf(text));
      assert.equal(base64Length(bytesOf(text).byteLength), expected.length);
    }
  });

  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        assert.equal(encoded, Buffer.from(bytes).toString('base64'));
        assert.deepEqual(decodeBase64(encoded), bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('reads base64 with whitespace, as xs:base64Binary allows, and a slice of a larger text', () => {
    assert.deepEqual(decodeBase64(' Zm9v\r\n Ym Fy\t'), bytesOf('foobar'));
    assert.deepEqual(decodeBase64('<Data>Zm9vYg==</Data>', 6, 14), bytesOf('foob'));
  });

  it('refuses text that is not well-formed base64', () => {
    for (const bad of [
      'Zm9',
      'Zm9vY',
      'Zg=',
      'Z===',
      '=Zg=',
      'Zg==Zm9v',
      'Zm9v=',
      'Zm9-',
      'Zm9_',
      'Zh==',
      'Zm9=',
      'Zg==  =',
      'Zøg=',
    ]) {
      assert.equal(decodeBase64(bad), undefined, bad);
    }
  });

  it('handles 100 MB without running out of stack', () => {
    const bytes = new Uint8Array(100 * 1024 * 1024).map((_, i) => i % 251);
    const encoded = encodeBase64(bytes);
    assert.equal(encoded.length, base64Length(bytes.byteLength));
    const decoded = decodeBase64(encoded);
    assert.ok(decoded);
    assert.equal(decoded.byteLength, bytes.byteLength);
    assert.equal(decoded[12345678], bytes[12345678]);
  });
});
