// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ageOn } from './age.js';

describe('ageOn', () => {
  it('counts full years around the birthday', () => {
    assert.equal(ageOn('1947-09-25', '2025-09-24'), 77);
    assert.equal(ageOn('1947-09-25', '2025-09-25'), 78);
    assert.equal(ageOn('1947-09-25', '2025-12-31'), 78);
    assert.equal(ageOn('2000-01-01', '2000-01-01'), 0);
  });

  it('lets a 29 February birthday count from 1 March in non-leap years', () => {
    assert.equal(ageOn('2000-02-29', '2001-02-28'), 0);
    assert.equal(ageOn('2000-02-29', '2001-03-01'), 1);
    assert.equal(ageOn('2000-02-29', '2004-02-29'), 4);
  });

  it('accepts a Date, read in local time', () => {
    assert.equal(ageOn('1947-09-25', new Date(2025, 8, 25, 12)), 78);
    assert.equal(ageOn('1947-09-25', new Date(2025, 8, 24, 23, 59)), 77);
  });

  it('returns undefined for malformed dates or a date before birth', () => {
    assert.equal(ageOn('1947-02-30', '2025-01-01'), undefined);
    assert.equal(ageOn('25-09-1947', '2025-01-01'), undefined);
    assert.equal(ageOn('1947-09-25', 'today'), undefined);
    assert.equal(ageOn('1947-09-25', new Date(Number.NaN)), undefined);
    assert.equal(ageOn('1947-09-25', '1947-09-24'), undefined);
  });

  it('property: agrees with year difference adjusted for the birthday', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1858, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        const age = ageOn(birth, on);
        assert.ok(age !== undefined && age >= 0);
        // Reaching the birthday in the year `on` happens exactly when the MM-DD part has passed.
        const expected = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
        assert.equal(age, expected);
      }),
    );
  });
});
