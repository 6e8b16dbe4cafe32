// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSor } from './sor.js';

describe('parseSor', () => {
  it('accepts digit strings of 11 or more digits', () => {
    for (const sor of ['12345678901', '123456789012', '265161000016000', '999991000016004']) {
      const result = parseSor(` ${sor}`);
      assert.ok(result.valid, sor);
      assert.equal(result.kind, 'sor');
      assert.equal(result.value, sor);
      assert.deepEqual(result.issues, []);
    }
  });

  it('rejects short values, non-digits and empty input', () => {
    assert.equal(parseSor('1234567890').issues[0]?.code, 'length');
    assert.equal(parseSor('26516100001600A').issues[0]?.code, 'format');
    assert.equal(parseSor('265161-000016000').issues[0]?.code, 'format');
    assert.equal(parseSor('').issues[0]?.code, 'empty');
  });

  it('property: valid exactly when the value is at least 11 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{1,20}$/), fc.string()), (input) => {
        assert.equal(parseSor(input).valid, /^\d{11,}$/.test(input.trim()));
      }),
    );
  });
});
