// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseEcpr } from './ecpr.js';
import { D_ECPR_SYSTEM, X_ECPR_SYSTEM } from './systems.js';

function errorCodes(input: string): string[] {
  const result = parseEcpr(input);
  assert.equal(result.valid, false, `expected ${input} to be invalid`);
  return result.issues.map((i) => i.code);
}

describe('parseEcpr', () => {
  it('parses the X-eCPR sample', () => {
    const result = parseEcpr(' 0703921VJ4 ');
    assert.ok(result.valid);
    assert.equal(result.kind, 'ecpr');
    assert.equal(result.value, '0703921VJ4');
    assert.equal(result.variant, 'x-ecpr');
    assert.equal(result.system, X_ECPR_SYSTEM);
    assert.deepEqual(result.issues, []);
  });

  it('parses the D-eCPR sample', () => {
    const result = parseEcpr('0101015AB3');
    assert.ok(result.valid);
    assert.equal(result.variant, 'd-ecpr');
    assert.equal(result.system, D_ECPR_SYSTEM);
  });

  it('maps every variant digit', () => {
    const expected = ['d-ecpr', 'x-ecpr', null, null, null, 'd-ecpr', 'd-ecpr', 'x-ecpr', null, null];
    expected.forEach((variant, digit) => {
      const result = parseEcpr(`070392${digit}VJ4`);
      if (variant === null) {
        assert.equal(result.valid, false, `digit ${digit}`);
        assert.equal(result.issues[0]?.code, 'format');
      } else {
        assert.ok(result.valid, `digit ${digit}`);
        assert.equal(result.variant, variant);
      }
    });
  });

  it('requires a plausible day and month, allowing 29 February', () => {
    for (const input of ['3002921VJ4', '3104921VJ4', '0013921VJ4', '0003921VJ4', '0001921VJ4', '3201921VJ4']) {
      assert.deepEqual(errorCodes(input), ['date'], input);
    }
    assert.ok(parseEcpr('2902011VJ4').valid);
    assert.ok(parseEcpr('3112995ZZ0').valid);
  });

  it('requires uppercase ASCII letters in positions 8 and 9', () => {
    assert.deepEqual(errorCodes('0703921vj4'), ['format']);
    assert.match(parseEcpr('0703921vj4').issues[0]?.message ?? '', /uppercase/);
    assert.deepEqual(errorCodes('0703921ÆØ4'), ['format']);
    assert.deepEqual(errorCodes('07039211J4'), ['format']);
    assert.deepEqual(errorCodes('0703921VJX'), ['format']);
  });

  it('reports empty input and wrong lengths', () => {
    assert.deepEqual(errorCodes(''), ['empty']);
    assert.deepEqual(errorCodes('0703921VJ'), ['length']);
    assert.deepEqual(errorCodes('0703921VJ45'), ['length']);
    assert.deepEqual(errorCodes('070392-1VJ4'), ['length']);
  });

  it('property: generated eCPRs parse to the variant of their 7th digit', () => {
    const ecpr = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      yy: fc.integer({ min: 0, max: 99 }),
      variant: fc.constantFrom('0', '1', '5', '6', '7'),
      letters: fc.stringMatching(/^[A-Z]{2}$/),
      digit: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(ecpr, ({ day, month, yy, variant, letters, digit }) => {
        const p = (n: number): string => String(n).padStart(2, '0');
        const value = `${p(day)}${p(month)}${p(yy)}${variant}${letters}${digit}`;
        const result = parseEcpr(value);
        assert.ok(result.valid);
        assert.equal(result.variant, variant === '1' || variant === '7' ? 'x-ecpr' : 'd-ecpr');
      }),
    );
  });

  it('property: never throws', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = parseEcpr(input);
        if (result.valid) assert.equal(result.issues.length, 0);
        else assert.ok(result.issues.length > 0);
      }),
    );
  });
});
