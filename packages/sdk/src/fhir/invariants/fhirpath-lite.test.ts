// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EvaluationError,
  NoValue,
  OPEN_TYPES,
  and,
  child,
  choiceTyped,
  concat,
  deepEqual,
  descendants,
  equals,
  fhirRegex,
  implies,
  intersect,
  isDistinct,
  matches,
  namedChildren,
  not,
  notEquals,
  ofChoiceType,
  or,
  startsWith,
  toInteger,
  xor,
  type Tri,
} from './fhirpath-lite.js';

const VALUES: readonly Tri[] = [true, false, undefined];
const show = (v: Tri): string => (v === undefined ? '{}' : String(v));

describe('fhirpath-lite', () => {
  it('implements the FHIRPath truth tables, with empty as unknown', () => {
    // https://hl7.org/fhirpath/#boolean-logic, rows: left true/false/{}, columns: right true/false/{}.
    const tables: Record<string, [(a: Tri, b: Tri) => Tri, string]> = {
      and: [and, 'true false {} false false false {} false {}'],
      or: [or, 'true true true true false {} true {} {}'],
      xor: [xor, 'false true {} true false {} {} {} {}'],
      implies: [implies, 'true false {} true true true true {} {}'],
    };
    for (const [name, [op, expected]] of Object.entries(tables)) {
      const actual = VALUES.flatMap((a) => VALUES.map((b) => show(op(a, b)))).join(' ');
      assert.equal(actual, expected, name);
    }
    assert.deepEqual(VALUES.map(not), [false, true, undefined]);
  });

  it('compares collections item by item, and propagates empty', () => {
    assert.equal(equals(['a', 'b'], ['a', 'b']), true);
    assert.equal(equals(['a', 'b'], ['b', 'a']), false);
    assert.equal(equals(['a', 'b'], ['a']), false);
    assert.equal(equals([], ['a']), undefined);
    assert.equal(notEquals(['a', 'b'], ['a']), true);
    assert.equal(notEquals([], ['a']), undefined);
    assert.equal(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }), true);
    assert.equal(deepEqual({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(deepEqual(new NoValue({}), new NoValue({})), false);
  });

  it('merges `_name` siblings into primitives', () => {
    const name = { given: ['a', null, 'c'], _given: [null, { id: 'g2' }, { id: 'g3' }], _family: { extension: [] } };
    const given = child(name, 'given');
    assert.deepEqual(given.slice(0, 1), ['a']);
    assert.ok(given[1] instanceof NoValue);
    assert.equal(given[2], 'c');
    assert.ok(child(name, 'family')[0] instanceof NoValue);
    assert.deepEqual(child({ given: [] }, 'given'), []);
    assert.equal(child({ given: [null] }, 'given').length, 1, 'a null slot is an (empty) element');
    assert.deepEqual(
      namedChildren({ resourceType: 'Patient', id: 'p', _gender: { id: 'g' } }).map((c) => c.name),
      ['id', 'gender'],
    );
  });

  it("walks descendants, including extensions on primitives' `_name` siblings", () => {
    const patient = {
      resourceType: 'Patient',
      birthDate: '2000',
      _birthDate: { extension: [{ url: 'u', valueReference: { reference: '#c1' } }] },
    };
    const references = descendants(patient).filter((d) => d.name === 'reference');
    assert.deepEqual(
      references.map((d) => d.value),
      ['#c1'],
    );
  });

  it('types choice elements by their JSON name', () => {
    const typed = choiceTyped(
      [{ valueQuantity: { value: 1 }, valueAge: { value: 2 }, valueSet: 'x' }],
      'value',
      OPEN_TYPES,
    );
    assert.deepEqual(
      typed.map((t) => t.type),
      ['Age', 'Quantity'],
    );
    assert.equal(ofChoiceType(typed, 'Quantity').length, 2, 'an Age is a Quantity');
  });

  it('matches anywhere unless anchored, in single-line mode', () => {
    assert.equal(matches(['xx urn:uuid:1 yy'], fhirRegex('urn:uuid:[0-9]')), true);
    assert.equal(matches(['a\nb'], fhirRegex('^a.b$')), true);
    assert.equal(matches([], fhirRegex('x')), undefined);
    assert.throws(() => matches(['a', 'b'], fhirRegex('a')), EvaluationError);
    assert.equal(startsWith([new NoValue({})], 'x'), undefined);
  });

  it('converts, concatenates and compares like FHIRPath', () => {
    assert.deepEqual(
      ['1', '+1', '-01', ' 1', '1.0', '*', ''].map((s) => toInteger([s])),
      [1, 1, -1, undefined, undefined, undefined, undefined],
    );
    assert.equal(concat(['a'], []), 'a');
    assert.equal(isDistinct(['a', 'b', 'a']), false);
    assert.deepEqual(intersect([{ c: 1 }, { c: 1 }, { c: 2 }], [{ c: 1 }]), [{ c: 1 }]);
  });
});
