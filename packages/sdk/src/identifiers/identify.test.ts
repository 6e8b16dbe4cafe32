// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { identify } from './identify.js';
import { IDENTIFIER_KINDS, type IdentifierKind } from './issues.js';

describe('identify', () => {
  it('detects the kind from the shape', () => {
    const cases: [string, IdentifierKind | 'unknown', boolean][] = [
      ['0703921VJ4', 'ecpr', true],
      ['0703921vj4', 'ecpr', false],
      ['2509479989', 'cpr', true],
      ['250947-9989', 'cpr', true],
      ['3102801234', 'cpr', false],
      ['5790001382445', 'gln', true],
      ['5790001382446', 'gln', false],
      ['24256790', 'cvr', true],
      ['24256791', 'cvr', false],
      ['461', 'kommunenummer', true],
      ['999', 'kommunenummer', false],
      ['079741', 'ydernummer', true],
      ['265161000016000', 'sor', true],
      ['12345678901', 'sor', true],
      ['123456789012', 'sor', true],
      [' 5790001382445 ', 'gln', true],
      ['12345', 'unknown', false],
      ['1234567', 'unknown', false],
      ['hello', 'unknown', false],
      ['250947 9989', 'unknown', false],
      ['', 'unknown', false],
    ];
    for (const [value, kind, valid] of cases) {
      const result = identify(value);
      assert.equal(result.kind, kind, value);
      assert.equal(result.valid, valid, value);
    }
  });

  it('explains unknown values without echoing them', () => {
    const result = identify('2509479989x');
    assert.equal(result.kind, 'unknown');
    assert.equal(result.valid, false);
    assert.equal(result.issues[0]?.code, 'unknown');
    assert.doesNotMatch(result.issues[0]?.message ?? '', /\d/);
    assert.equal(identify('  ').issues[0]?.code, 'empty');
  });

  it('uses the given kind instead of detecting', () => {
    const asSor = identify('5790001382445', 'sor');
    assert.equal(asSor.kind, 'sor');
    assert.ok(asSor.valid);
    const asCvr = identify('079741', 'cvr');
    assert.equal(asCvr.kind, 'cvr');
    assert.equal(asCvr.valid, false);
    const cpr = identify('250947-9989', 'cpr');
    assert.ok(cpr.valid && cpr.kind === 'cpr');
    assert.equal(cpr.birthDate, '1947-09-25');
    assert.equal(identify('079741', undefined).kind, 'ydernummer');
  });

  it('rejects an unsupported kind from untyped callers', () => {
    const result = identify('079741', 'passport' as IdentifierKind);
    assert.equal(result.kind, 'unknown');
    assert.equal(result.issues[0]?.code, 'unknown');
  });

  it('property: never throws, and the kind is known or unknown', () => {
    const kinds: readonly string[] = [...IDENTIFIER_KINDS, 'unknown'];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\dA-Z-]{1,16}$/)), (value) => {
        const result = identify(value);
        assert.ok(kinds.includes(result.kind));
        if (!result.valid) assert.ok(result.issues.some((i) => i.severity === 'error'));
      }),
    );
  });
});
