// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCpr } from './cpr.js';
import { redactCpr } from './redact.js';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

// Any valid CPR: a real calendar date plus a 7th digit that yields its year (per the century rule).
const validCpr = fc
  .date({ min: new Date(Date.UTC(1858, 0, 1)), max: new Date(Date.UTC(2057, 11, 31)), noInvalidDate: true })
  .chain((date) => {
    const year = date.getUTCFullYear();
    const yy = year % 100;
    const digits =
      year < 1900
        ? [5, 6, 7, 8]
        : year < 2000
          ? yy >= 37
            ? [0, 1, 2, 3, 4, 9]
            : [0, 1, 2, 3]
          : yy <= 36
            ? [4, 5, 6, 7, 8, 9]
            : [5, 6, 7, 8];
    return fc
      .tuple(fc.constantFrom(...digits), fc.integer({ min: 0, max: 999 }), fc.boolean())
      .map(
        ([seventh, rest, hyphen]) =>
          `${pad(date.getUTCDate(), 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(yy, 2)}${hyphen ? '-' : ''}${seventh}${pad(rest, 3)}`,
      );
  });

describe('redactCpr', () => {
  it('masks CPR numbers with and without hyphen', () => {
    assert.equal(redactCpr('Patient 250947-9989 admitted'), 'Patient ******-**** admitted');
    assert.equal(redactCpr('cpr=2509479989;'), 'cpr=**********;');
    assert.equal(redactCpr('2509479989'), '**********');
    assert.equal(redactCpr('a 250947 9989 b'), 'a ****** **** b');
    assert.equal(redactCpr('2509479989, 1509819996 and 231114-3995'), '**********, ********** and ******-****');
  });

  it('masks eCPR-shaped tokens', () => {
    assert.equal(redactCpr('eCPR 0703921VJ4.'), 'eCPR **********.');
    assert.equal(redactCpr('(0101015AB3)'), '(**********)');
    assert.equal(redactCpr('0703921vj4'), '**********');
  });

  it('leaves GLNs, SOR ids and other longer digit runs alone', () => {
    const text = 'GLN 5790001382445, SOR 265161000016000, 12509479989, 25094799891, 250947-99891';
    assert.equal(redactCpr(text), text);
  });

  it('leaves implausible dates and short numbers alone', () => {
    const text = 'order 0000001234, 3213801234, 0113801234, tel 38683868, 250947-998, 2024-01-01';
    assert.equal(redactCpr(text), text);
  });

  it('masks inside words and URLs', () => {
    assert.equal(redactCpr('Patient/2509479989/_history'), 'Patient/**********/_history');
    assert.equal(redactCpr('id:2509479989x'), 'id:**********x');
  });

  it('turns non-string input into text rather than throwing', () => {
    assert.equal(redactCpr(2509479989 as unknown as string), '**********');
    assert.equal(redactCpr(undefined as unknown as string), 'undefined');
  });

  it('property: a valid CPR embedded in random text is not in the output', () => {
    // The surrounding text starts and ends with a space so the CPR is never part of a longer digit run.
    const text = fc.string().map((s) => ` ${s} `);
    fc.assert(
      fc.property(text, validCpr, text, (before, cpr, after) => {
        const result = parseCpr(cpr);
        assert.ok(result.valid);
        const output = redactCpr(`${before}${cpr}${after}`);
        assert.ok(!output.includes(result.value), 'digits leaked');
        assert.ok(!output.includes(result.formatted), 'hyphenated form leaked');
      }),
      { numRuns: 2000 },
    );
  });

  it('property: text without CPR-shaped numbers is unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[^\d]*$/), (text) => {
        assert.equal(redactCpr(text), text);
      }),
    );
  });
});
