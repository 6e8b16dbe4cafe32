// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseYdernummer } from './ydernummer.js';

describe('parseYdernummer', () => {
  it('accepts 6 digits and keeps leading zeros', () => {
    const result = parseYdernummer(' 079741 ');
    assert.ok(result.valid);
    assert.equal(result.kind, 'ydernummer');
    assert.equal(result.value, '079741');
    assert.ok(parseYdernummer('000001').valid);
  });

  it('rejects 5 digits instead of padding, and says why', () => {
    const result = parseYdernummer('79741');
    assert.equal(result.valid, false);
    assert.equal(result.issues[0]?.code, 'length');
    assert.match(result.issues[0]?.message ?? '', /6 digits.*leading zeros/);
  });

  it('reports other shape problems', () => {
    assert.equal(parseYdernummer('0797412').issues[0]?.code, 'length');
    assert.equal(parseYdernummer('07974A').issues[0]?.code, 'format');
    assert.equal(parseYdernummer('').issues[0]?.code, 'empty');
  });

  it('property: valid exactly for 6 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{4,8}$/), fc.string()), (input) => {
        assert.equal(parseYdernummer(input).valid, /^\d{6}$/.test(input.trim()));
      }),
    );
  });
});
