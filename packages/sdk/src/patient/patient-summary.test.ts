// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizePatient } from './patient-summary.js';

const on = new Date('2026-11-25T12:00:00');

describe('summarizePatient', () => {
  it('derives birth date, age and sex from a CPR number', () => {
    assert.deepEqual(summarizePatient({ name: 'Bruno Test Elmer', cpr: '2509479989', on }), {
      name: 'Bruno Test Elmer',
      identifier: '250947-9989',
      identifierKind: 'cpr',
      identifierValid: true,
      birthDate: '1947-09-25',
      age: 79,
      sex: 'male',
    });
  });

  it('reads a FHIR Patient: the official name, the CPR identifier, gender and birthDate', () => {
    const summary = summarizePatient({
      on,
      patient: {
        resourceType: 'Patient',
        identifier: [
          { system: 'urn:oid:1.2.208.176.1.1', value: '265161000016000' },
          { system: 'urn:oid:1.2.208.176.1.2', value: '1509819996' },
        ],
        name: [
          { use: 'nickname', given: ['Elly'] },
          { use: 'official', family: 'Berggren', given: ['Elly', 'Test'] },
        ],
        gender: 'unknown',
        birthDate: '1981-09-14',
      },
    });
    assert.equal(summary.name, 'Elly Test Berggren');
    assert.equal(summary.identifier, '150981-9996');
    // The resource's own values win over what the CPR number implies.
    assert.equal(summary.sex, 'unknown');
    assert.equal(summary.birthDate, '1981-09-14');
    assert.equal(summary.age, 45);
  });

  it('falls back to HumanName.text and lets loose values override the resource', () => {
    const patient = { name: [{ text: 'B. T. Elmer' }], gender: 'male' };
    assert.equal(summarizePatient({ patient }).name, 'B. T. Elmer');
    assert.equal(summarizePatient({ patient, name: 'Bruno', sex: 'other' }).name, 'Bruno');
    assert.equal(summarizePatient({ patient, sex: 'other' }).sex, 'other');
  });

  it('recognises an eCPR and takes the age from the birth date given', () => {
    const summary = summarizePatient({ cpr: '0703921VJ4', birthDate: '1992-03-07', on });
    assert.equal(summary.identifierKind, 'ecpr');
    assert.equal(summary.identifierValid, true);
    assert.equal(summary.age, 34);
    assert.equal(summary.sex, undefined);
  });

  it('flags an invalid CPR number without deriving anything from it', () => {
    const summary = summarizePatient({ cpr: '3102471234', on });
    assert.equal(summary.identifier, '3102471234');
    assert.equal(summary.identifierKind, 'unknown');
    assert.equal(summary.identifierValid, false);
    assert.equal(summary.birthDate, undefined);
    assert.equal(summary.age, undefined);
  });

  it('summarises nothing as nothing, and ignores unknown gender codes and malformed dates', () => {
    assert.deepEqual(summarizePatient({}), {
      name: undefined,
      identifier: undefined,
      identifierKind: undefined,
      identifierValid: true,
      birthDate: undefined,
      age: undefined,
      sex: undefined,
    });
    const odd = summarizePatient({ patient: { gender: 'mand', birthDate: '1947' } });
    assert.equal(odd.sex, undefined);
    assert.equal(odd.age, undefined);
  });
});
