// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelOf } from '../common/labels.js';
import { REHAB_PLAN_CODE_LABELS, REHAB_PLAN_SECTIONS } from './labels.js';

describe('rehab plan labels', () => {
  it('labels the code values GGOP uses, and falls back to the raw code', () => {
    const { identifierCode, relationCode, rehabilitationType, consent, telephoneCode, codeSystem } =
      REHAB_PLAN_CODE_LABELS;
    assert.equal(labelOf(relationCode, 'aegtefaelle', 'da'), 'Ægtefælle');
    assert.equal(labelOf(identifierCode, 'region', 'en'), 'Region');
    assert.equal(labelOf(identifierCode, 'amt', 'da'), 'Amt');
    assert.equal(labelOf(identifierCode, 'kommunenummer', 'en'), 'Municipality number');
    assert.equal(labelOf(rehabilitationType, 'specialiseret', 'da'), 'Specialiseret genoptræning');
    assert.equal(labelOf(consent, 'ja', 'en'), 'Yes');
    assert.equal(labelOf(telephoneCode, 'fastnet', 'en'), 'Landline');
    assert.equal(labelOf(codeSystem, 'ICFKode', 'da'), 'ICF');
    assert.equal(labelOf(rehabilitationType, 'vedligeholdelse', 'da'), 'vedligeholdelse');
  });

  it('has non-empty Danish and English labels everywhere', () => {
    for (const [table, labels] of Object.entries(REHAB_PLAN_CODE_LABELS)) {
      for (const [code, label] of Object.entries(labels)) {
        assert.ok(label.da.trim() !== '' && label.en.trim() !== '', `${table}.${code}`);
      }
    }
  });

  it('lists the sections once each, in the converter’s order, references last', () => {
    const ids = REHAB_PLAN_SECTIONS.map((section) => section.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids.slice(0, 4), ['copy-receivers', 'signers', 'patient-details', 'relatives']);
    assert.equal(ids.at(-1), 'references');
    assert.ok(ids.indexOf('diagnoses') < ids.indexOf('icf-codes'));
    assert.ok(ids.indexOf('region-contact') < ids.indexOf('municipality-contact'));
    assert.equal(REHAB_PLAN_SECTIONS[7]?.da, 'Tidsfrist for start af genoptræning');
  });
});
