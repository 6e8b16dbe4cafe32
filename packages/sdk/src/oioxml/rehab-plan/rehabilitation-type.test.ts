// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { REHAB_LEVEL_LABELS } from './labels.js';
import { RehabLevel } from './model.js';
import { normaliseRehabilitationType } from './rehabilitation-type.js';

describe('normaliseRehabilitationType', () => {
  it('recognises the guidance’s values, their long forms, ASCII spellings and KL’s codes', () => {
    const cases: [string, RehabLevel][] = [
      ['specialiseret', 'specialised'],
      ['Specialiseret genoptræning', 'specialised'],
      ['almen', 'general'],
      ['ALMEN', 'general'],
      ['almen_basal', 'general-basic'],
      ['Almen genoptræning på avanceret niveau', 'general-advanced'],
      ['almen genoptraening paa basalt niveau', 'general-basic'],
      ['avanceret', 'general-advanced'],
      ['rehabilitering', 'specialised-rehabilitation'],
      ['Rehabilitering på specialiseret niveau', 'specialised-rehabilitation'],
      ['ffd81f78-352e-4589-a195-5350dd1df2a4', 'general'],
      ['0c8e2bfc-1350-45d1-90da-c07e2645d073', 'specialised'],
      ['83C89857-8FB8-4163-97B1-EB1A56345C29', 'specialised-rehabilitation'],
      ['8b962281-2ab6-4b10-9c91-4bac592d6d49', 'general-basic'],
      ['b679c454-2da2-46dd-9425-0e52d4aa2bf3', 'general-advanced'],
      ['vedligeholdelsestræning', 'unknown'],
      ['ikke specialiseret', 'unknown'],
      ['constructor', 'unknown'],
    ];
    for (const [code, level] of cases) assert.deepEqual(normaliseRehabilitationType(code), { code, level }, code);
  });

  it('keeps any code as written, gives a known level and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const type = normaliseRehabilitationType(code);
        return type.code === code && RehabLevel.safeParse(type.level).success;
      }),
    );
  });

  it('has a label for every level', () => {
    for (const level of RehabLevel.options) assert.ok(Object.hasOwn(REHAB_LEVEL_LABELS, level), level);
  });
});
