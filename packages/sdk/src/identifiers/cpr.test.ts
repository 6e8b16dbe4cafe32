// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCpr, isCpr, parseCpr } from './cpr.js';

// Which 7th digits yield a given birth year (written out from the century rule, not computed by it).
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year < 1900) return [5, 6, 7, 8];
  if (year < 2000) return yy >= 37 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3];
  return yy <= 36 ? [4, 5, 6, 7, 8, 9] : [5, 6, 7, 8];
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

const validCpr = fc
  .date({ min: new Date(Date.UTC(1858, 0, 1)), max: new Date(Date.UTC(2057, 11, 31)), noInvalidDate: true })
  .chain((date) =>
    fc.record({
      date: fc.constant(date),
      seventh: fc.constantFrom(...seventhDigitsFor(date.getUTCFullYear())),
      rest: fc.integer({ min: 0, max: 999 }),
    }),
  )
  .map(({ date, seventh, rest }) => {
    const year = date.getUTCFullYear();
    const value = `${pad(date.getUTCDate(), 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(year % 100, 2)}${seventh}${pad(rest, 3)}`;
    return {
      value,
      birthDate: date.toISOString().slice(0, 10),
      century: Math.floor(year / 100) * 100,
      sex: rest % 2 === 1 ? 'male' : 'female',
    };
  });

function errorCodes(input: string): string[] {
  const result = parseCpr(input);
  assert.equal(result.valid, false, `expected ${input} to be invalid`);
  return result.issues.map((i) => i.code);
}

describe('parseCpr', () => {
  it('parses the MedCom test person with and without hyphen', () => {
    for (const input of ['250947-9989', '2509479989', '  2509479989\n']) {
      const result = parseCpr(input);
      assert.ok(result.valid);
      assert.equal(result.kind, 'cpr');
      assert.equal(result.value, '2509479989');
      assert.equal(result.formatted, '250947-9989');
      assert.equal(result.birthDate, '1947-09-25');
      assert.equal(result.century, 1900);
      assert.equal(result.sex, 'male');
      assert.equal(result.modulus11, false);
      assert.deepEqual(
        result.issues.map((i) => [i.severity, i.code]),
        [['warning', 'modulus11']],
      );
    }
  });

  it('accepts the other MedCom test CPRs, which all fail modulus 11', () => {
    const expected: Record<string, string> = {
      '1509819996': '1981-09-15',
      '2311143995': '1914-11-23',
      '2103009996': '2000-03-21',
    };
    for (const [input, birthDate] of Object.entries(expected)) {
      const result = parseCpr(input);
      assert.ok(result.valid, input);
      assert.equal(result.birthDate, birthDate);
      assert.equal(result.modulus11, false);
    }
  });

  it('reports no issues when modulus 11 holds', () => {
    const result = parseCpr('0707614005');
    assert.ok(result.valid);
    assert.equal(result.modulus11, true);
    assert.deepEqual(result.issues, []);
    assert.equal(result.birthDate, '1961-07-07');
    assert.equal(result.sex, 'male');
    const female = parseCpr('0101700038');
    assert.ok(female.valid);
    assert.equal(female.sex, 'female');
    assert.equal(female.modulus11, true);
  });

  describe('century from the 7th digit', () => {
    // Expected birth years per 7th digit, for YY on both sides of the 36/37 and 57/58 boundaries.
    const yys = ['00', '36', '37', '57', '58', '99'] as const;
    const low = [1900, 1936, 1937, 1957, 1958, 1999];
    const mid = [2000, 2036, 1937, 1957, 1958, 1999];
    const high = [2000, 2036, 2037, 2057, 1858, 1899];
    const table: Record<number, number[]> = {
      0: low,
      1: low,
      2: low,
      3: low,
      4: mid,
      5: high,
      6: high,
      7: high,
      8: high,
      9: mid,
    };
    for (let digit = 0; digit <= 9; digit++) {
      it(`7th digit ${digit}`, () => {
        yys.forEach((yy, i) => {
          const year = table[digit]?.[i];
          const result = parseCpr(`0101${yy}${digit}123`);
          assert.ok(result.valid, `0101${yy}${digit}123`);
          assert.equal(result.birthDate, `${year}-01-01`);
          assert.equal(result.century, Math.floor((year ?? 0) / 100) * 100);
        });
      });
    }
  });

  it('accepts 1 January numbers that fail modulus 11, with a warning only', () => {
    for (const input of ['0101701234', '0101904321', '0101651111', '010100-4000']) {
      const result = parseCpr(input);
      assert.ok(result.valid, input);
      assert.equal(result.modulus11, false);
      assert.equal(result.birthDate.slice(5), '01-01');
      assert.ok(result.issues.every((i) => i.severity === 'warning'));
      assert.deepEqual(
        result.issues.map((i) => i.code),
        ['modulus11'],
      );
    }
  });

  describe('dates', () => {
    it('rejects days that do not exist', () => {
      for (const input of ['3102801234', '3104801234', '3106801234', '0001801234', '3201801234']) {
        assert.deepEqual(errorCodes(input), ['date'], input);
      }
    });

    it('rejects invalid months', () => {
      for (const input of ['0100801234', '0113801234']) {
        assert.deepEqual(errorCodes(input), ['date'], input);
      }
    });

    it('checks 29 February against the derived year', () => {
      // 7th digit 0–3 with YY 01 is 1901; 4 with YY 01 is 2001: neither is a leap year.
      assert.deepEqual(errorCodes('2902011234'), ['date']);
      assert.deepEqual(errorCodes('2902014234'), ['date']);
      // YY 00: 7th digit 0 is 1900 (not leap), 4 or 5 is 2000 (leap).
      assert.deepEqual(errorCodes('2902000234'), ['date']);
      const y2000 = parseCpr('290200-4234');
      assert.ok(y2000.valid);
      assert.equal(y2000.birthDate, '2000-02-29');
      assert.ok(parseCpr('2902005234').valid);
      // 7th digit 5 with YY 96/97 is 1896 (leap) / 1897 (not leap).
      const y1896 = parseCpr('2902965234');
      assert.ok(y1896.valid);
      assert.equal(y1896.birthDate, '1896-02-29');
      assert.equal(y1896.century, 1800);
      assert.deepEqual(errorCodes('2902975234'), ['date']);
    });

    it('accepts month ends', () => {
      for (const input of ['3112991234', '3101801234', '2802011234', '3004801234']) {
        assert.ok(parseCpr(input).valid, input);
      }
    });
  });

  describe('shape', () => {
    it('reports empty input', () => {
      assert.deepEqual(errorCodes(''), ['empty']);
      assert.deepEqual(errorCodes('   '), ['empty']);
    });

    it('rejects separators other than a hyphen after the 6th digit', () => {
      for (const input of ['250947 9989', '250947/9989', '250947.9989', '2509-479989', '25094-79989']) {
        assert.deepEqual(errorCodes(input), ['format'], input);
      }
    });

    it('rejects wrong lengths', () => {
      for (const input of ['25094799', '25094799891', '250947-99891', '250947-998', '1']) {
        assert.deepEqual(errorCodes(input), ['length'], input);
      }
    });

    it('rejects letters and points to eCPR', () => {
      const result = parseCpr('0703921VJ4');
      assert.equal(result.valid, false);
      assert.equal(result.issues[0]?.code, 'format');
      assert.match(result.issues[0]?.message ?? '', /eCPR/);
    });

    it('rejects non-ASCII digits', () => {
      assert.deepEqual(errorCodes('２５０９４７９９８９'), ['format']);
    });

    it('never throws on non-string input from untyped callers', () => {
      for (const input of [undefined, null, 2509479989, {}] as unknown as string[]) {
        assert.equal(parseCpr(input).valid, false);
      }
    });
  });

  it('never echoes the number in issue messages', () => {
    for (const input of ['3102801234', '2509479989', '250947 9989', '25094799891', '0703921VJ4']) {
      for (const issue of parseCpr(input).issues) {
        assert.doesNotMatch(issue.message, /\d{5}/, input);
      }
    }
  });

  it('property: generated valid CPRs parse to the expected date, century and sex', () => {
    fc.assert(
      fc.property(validCpr, ({ value, birthDate, century, sex }) => {
        const result = parseCpr(value);
        assert.ok(result.valid);
        assert.equal(result.value, value);
        assert.equal(result.birthDate, birthDate);
        assert.equal(result.century, century);
        assert.equal(result.sex, sex);
        assert.ok(result.issues.every((i) => i.severity === 'warning'));
        assert.equal(result.issues.length, result.modulus11 ? 0 : 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: valid CPRs round-trip through formatCpr', () => {
    fc.assert(
      fc.property(validCpr, fc.boolean(), ({ value }, hyphen) => {
        const formatted = formatCpr(value, { hyphen });
        assert.equal(formatted.length, hyphen ? 11 : 10);
        const reparsed = parseCpr(formatted);
        assert.ok(reparsed.valid);
        assert.equal(reparsed.value, value);
        assert.equal(formatCpr(formatted, { hyphen: !hyphen }).replace('-', ''), value);
      }),
    );
  });

  it('property: never throws, and valid results are always 10 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{6}-?\d{4}$/)), (input) => {
        const result = parseCpr(input);
        if (result.valid) assert.match(result.value, /^\d{10}$/);
        else assert.ok(result.issues.some((i) => i.severity === 'error'));
      }),
    );
  });
});

describe('formatCpr', () => {
  it('adds or removes the hyphen', () => {
    assert.equal(formatCpr('2509479989'), '250947-9989');
    assert.equal(formatCpr('250947-9989'), '250947-9989');
    assert.equal(formatCpr('250947-9989', { hyphen: false }), '2509479989');
    assert.equal(formatCpr(' 2509479989 ', { hyphen: true }), '250947-9989');
  });

  it('returns other input trimmed and unchanged', () => {
    assert.equal(formatCpr(' 12345 '), '12345');
    assert.equal(formatCpr('0703921VJ4'), '0703921VJ4');
  });
});

describe('isCpr', () => {
  it('is true for valid numbers, including modulus 11 failures', () => {
    assert.equal(isCpr('2509479989'), true);
    assert.equal(isCpr('0707614005'), true);
    assert.equal(isCpr('3102801234'), false);
    assert.equal(isCpr('hello'), false);
  });
});
