// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isParseError,
  isRuleError,
  isSamspilError,
  isValidationError,
  ParseError,
  RuleError,
  SamspilError,
  ValidationError,
} from './index.js';

describe('SamspilError', () => {
  it('sets name, message and cause', () => {
    const cause = new Error('socket closed');
    const error = new SamspilError('Transport failed', { cause });
    assert.equal(error.name, 'SamspilError');
    assert.equal(error.message, 'Transport failed');
    assert.equal(error.cause, cause);
    assert.ok(error instanceof Error);
    assert.match(String(error.stack), /^SamspilError: Transport failed/);
  });

  it('masks CPR numbers in the message and stack', () => {
    const error = new SamspilError('No patient 250947-9989 or 0703921VJ4');
    assert.equal(error.message, 'No patient ******-**** or **********');
    assert.doesNotMatch(String(error.stack), /9989|0703921VJ4/);
    assert.equal(String(error), 'SamspilError: No patient ******-**** or **********');
  });

  it('property: no generated CPR-shaped number survives in the message', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}$/), (cpr) => {
        assert.ok(!new SamspilError(`x ${cpr} y`).message.includes(cpr));
      }),
    );
  });

  it('keeps the brand off the instance so logs stay clean', () => {
    assert.deepEqual(Object.getOwnPropertySymbols(new ParseError('x')), []);
  });
});

describe('subclasses', () => {
  it('ParseError', () => {
    const error = new ParseError('Bundle is not JSON for 2509479989', { cause: new SyntaxError('x') });
    assert.equal(error.name, 'ParseError');
    assert.equal(error.message, 'Bundle is not JSON for **********');
    assert.ok(error instanceof SamspilError);
    assert.ok(error.cause instanceof SyntaxError);
  });

  it('ValidationError carries masked, frozen issues', () => {
    const issues = [
      { severity: 'error', code: 'check-digit', message: 'GLN check digit is wrong.' },
      { severity: 'warning', code: 'cpr', message: 'CPR 2509479989 fails modulus 11', path: 'Patient.identifier[0]' },
    ] as const;
    const error = new ValidationError('Patient 250947-9989 is invalid', issues);
    assert.equal(error.name, 'ValidationError');
    assert.equal(error.message, 'Patient ******-**** is invalid');
    assert.equal(error.issues.length, 2);
    assert.equal(error.issues[1]?.message, 'CPR ********** fails modulus 11');
    assert.equal(error.issues[1]?.path, 'Patient.identifier[0]');
    assert.equal(issues[1].message, 'CPR 2509479989 fails modulus 11');
    assert.ok(Object.isFrozen(error.issues));
    assert.ok(error instanceof SamspilError);
  });

  it('RuleError names the field', () => {
    const error = new RuleError('Receiver needs a GLN', 'destination[0].receiver');
    assert.equal(error.name, 'RuleError');
    assert.equal(error.field, 'destination[0].receiver');
    assert.ok(error instanceof SamspilError);
  });
});

describe('type guards', () => {
  it('recognise instances', () => {
    const parse = new ParseError('p');
    const validation = new ValidationError('v', []);
    const rule = new RuleError('r', 'f');
    const base = new SamspilError('s');
    for (const e of [parse, validation, rule, base]) assert.ok(isSamspilError(e));
    assert.deepEqual(
      [parse, validation, rule, base].map((e) => [isParseError(e), isValidationError(e), isRuleError(e)]),
      [
        [true, false, false],
        [false, true, false],
        [false, false, true],
        [false, false, false],
      ],
    );
  });

  it('recognise errors from another copy of the SDK by name and brand', () => {
    // Simulates a second bundled copy: a different class, same name and registered brand.
    class ForeignValidationError extends Error {
      override name = 'ValidationError';
      get [Symbol.for('@samspil/sdk/error')](): true {
        return true;
      }
    }
    const foreign = new ForeignValidationError('v');
    assert.ok(isValidationError(foreign));
    assert.ok(isSamspilError(foreign));
    assert.ok(!isParseError(foreign));
  });

  it('reject same-named errors from other libraries and non-errors', () => {
    class ValidationError extends Error {
      override name = 'ValidationError';
    }
    for (const value of [
      new ValidationError('other library'),
      new Error('plain'),
      { name: 'ParseError', message: 'x', [Symbol.for('@samspil/sdk/error')]: true },
      'ParseError',
      null,
      undefined,
    ]) {
      assert.ok(!isSamspilError(value));
      assert.ok(!isParseError(value));
      assert.ok(!isValidationError(value));
      assert.ok(!isRuleError(value));
    }
  });
});
