// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCvr } from './cvr.js';

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];
const weightedSum = (digits: string): number =>
  [...digits].reduce((sum, d, i) => sum + Number(d) * (WEIGHTS[i] ?? 0), 0);

// With weight 1 on the last digit, the check digit is whatever brings the sum to a multiple of 11;
// prefixes needing 10 have no valid CVR.
function withCheckDigit(first7: string): string | undefined {
  const check = (11 - (weightedSum(first7) % 11)) % 11;
  return check === 10 ? undefined : `${first7}${check}`;
}

describe('parseCvr', () => {
  it('accepts numbers passing modulus 11', () => {
    for (const cvr of ['24256790', withCheckDigit('1234567'), withCheckDigit('3540800')]) {
      assert.ok(cvr);
      const result = parseCvr(` ${cvr} `);
      assert.ok(result.valid, cvr);
      assert.equal(result.kind, 'cvr');
      assert.equal(result.value, cvr);
    }
  });

  it('rejects a failing checksum', () => {
    const result = parseCvr('24256791');
    assert.equal(result.valid, false);
    assert.deepEqual(
      result.issues.map((i) => i.code),
      ['check-digit'],
    );
  });

  it('rejects a leading zero even when the checksum holds', () => {
    const cvr = withCheckDigit('0123456');
    assert.ok(cvr);
    assert.equal(weightedSum(cvr) % 11, 0);
    assert.equal(parseCvr(cvr).issues[0]?.code, 'format');
  });

  it('reports shape problems', () => {
    assert.equal(parseCvr('').issues[0]?.code, 'empty');
    assert.equal(parseCvr('2425679').issues[0]?.code, 'length');
    assert.equal(parseCvr('242567900').issues[0]?.code, 'length');
    assert.equal(parseCvr('DK24256790').issues[0]?.code, 'format');
  });

  it('property: 7 digits plus the computed check digit are valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{6}$/), (first7) => {
        const cvr = withCheckDigit(first7);
        fc.pre(cvr !== undefined);
        assert.ok(parseCvr(cvr ?? '').valid);
      }),
    );
  });

  it('property: an 8-digit number is valid exactly when its weighted sum is divisible by 11', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{7}$/), (cvr) => {
        assert.equal(parseCvr(cvr).valid, weightedSum(cvr) % 11 === 0);
      }),
      { numRuns: 2000 },
    );
  });
});
