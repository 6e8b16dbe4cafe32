// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { glnCheckDigit, parseGln } from './gln.js';

const EXAMPLES = ['5790001382445', '5790000121526', '5798002472264'] as const;

describe('glnCheckDigit', () => {
  it('computes the GS1 mod-10 check digit of the examples', () => {
    assert.equal(glnCheckDigit('579000138244'), 5);
    assert.equal(glnCheckDigit('579000012152'), 6);
    assert.equal(glnCheckDigit('579800247226'), 4);
    assert.equal(glnCheckDigit('000000000000'), 0);
  });

  it('returns undefined unless given exactly 12 digits', () => {
    assert.equal(glnCheckDigit('57900013824'), undefined);
    assert.equal(glnCheckDigit('5790001382445'), undefined);
    assert.equal(glnCheckDigit('57900013824a'), undefined);
  });
});

describe('parseGln', () => {
  it('accepts the MedCom example GLNs', () => {
    for (const gln of EXAMPLES) {
      const result = parseGln(` ${gln} `);
      assert.ok(result.valid, gln);
      assert.equal(result.kind, 'gln');
      assert.equal(result.value, gln);
      assert.deepEqual(result.issues, []);
    }
  });

  it('rejects every single-digit change of the examples', () => {
    let checked = 0;
    for (const gln of EXAMPLES) {
      for (let position = 0; position < 13; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === gln[position]) continue;
          const changed = `${gln.slice(0, position)}${digit}${gln.slice(position + 1)}`;
          const result = parseGln(changed);
          assert.equal(result.valid, false, changed);
          assert.deepEqual(
            result.issues.map((i) => i.code),
            ['check-digit'],
          );
          checked++;
        }
      }
    }
    assert.equal(checked, 3 * 13 * 9);
  });

  it('reports shape problems', () => {
    assert.equal(parseGln('').issues[0]?.code, 'empty');
    assert.equal(parseGln('579000138244').issues[0]?.code, 'length');
    assert.equal(parseGln('57900013824450').issues[0]?.code, 'length');
    assert.equal(parseGln('579000138244X').issues[0]?.code, 'format');
    assert.equal(parseGln('5790 0013 82445').issues[0]?.code, 'format');
  });

  it('property: 12 random digits plus the computed check digit are a valid GLN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (first12) => {
        const gln = `${first12}${glnCheckDigit(first12)}`;
        assert.ok(parseGln(gln).valid);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: any single-digit change of a valid GLN is invalid', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (first12, position, delta) => {
          const gln = `${first12}${glnCheckDigit(first12)}`;
          const digit = (Number(gln[position]) + delta) % 10;
          const changed = `${gln.slice(0, position)}${digit}${gln.slice(position + 1)}`;
          assert.equal(parseGln(changed).valid, false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
