// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseKommunenummer } from './kommunenummer.js';

describe('parseKommunenummer', () => {
  it('accepts codes from 101 to 860', () => {
    for (const code of ['101', '461', '860']) {
      const result = parseKommunenummer(` ${code}`);
      assert.ok(result.valid, code);
      assert.equal(result.kind, 'kommunenummer');
      assert.equal(result.value, code);
    }
  });

  it('rejects codes outside the range', () => {
    for (const code of ['000', '099', '100', '861', '999']) {
      assert.deepEqual(
        parseKommunenummer(code).issues.map((i) => i.code),
        ['range'],
        code,
      );
    }
  });

  it('reports shape problems', () => {
    assert.equal(parseKommunenummer('0461').issues[0]?.code, 'length');
    assert.equal(parseKommunenummer('46').issues[0]?.code, 'length');
    assert.equal(parseKommunenummer('4a1').issues[0]?.code, 'format');
    assert.equal(parseKommunenummer('').issues[0]?.code, 'empty');
  });

  it('property: a 3-digit code is valid exactly when it is in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
        const code = String(n).padStart(3, '0');
        assert.equal(parseKommunenummer(code).valid, n >= 101 && n <= 860);
      }),
    );
  });
});
