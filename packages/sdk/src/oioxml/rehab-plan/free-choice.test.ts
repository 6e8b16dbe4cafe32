// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { freeChoiceStartBy } from './free-choice.js';

describe('freeChoiceStartBy', () => {
  it('adds seven calendar days across month, year and leap-day boundaries', () => {
    assert.equal(freeChoiceStartBy('2014-12-20'), '2014-12-27');
    assert.equal(freeChoiceStartBy('2014-12-28'), '2015-01-04');
    assert.equal(freeChoiceStartBy('2024-02-25'), '2024-03-03');
    assert.equal(freeChoiceStartBy('2023-02-25'), '2023-03-04');
    // The last Sunday of March: a daylight saving change must not move the day.
    assert.equal(freeChoiceStartBy('2025-03-27'), '2025-04-03');
  });

  it('gives nothing for text that is not a calendar date', () => {
    for (const value of ['2014-02-30', '2014-13-01', '20141220', '', '2014-12-20T10:00', 'i morgen']) {
      assert.equal(freeChoiceStartBy(value), undefined, value);
    }
  });

  it('is always seven days later, by Date arithmetic', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-24'), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          const later = new Date(`${day}T00:00:00Z`);
          later.setUTCDate(later.getUTCDate() + 7);
          return freeChoiceStartBy(day) === later.toISOString().slice(0, 10);
        },
      ),
    );
  });
});
