// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '@samspil/fixtures';
import { DIAGNOSE_DESCRIPTION_LABELS, DIAGNOSE_TYPE_LABELS, labelOf } from '../common/labels.js';
import { DISCHARGE_SUMMARY_VARIANT_LABELS, STAY_END_LABELS, STAY_START_LABELS } from './labels.js';
import { DischargeSummaryVariant } from './model.js';

const VALUE_LISTS = join(sharedDir(), 'medcom', 'oioxml', 'schemas', '2005-08-07', 'ValueLists.xsd');

/** The enumeration values of one simple type in MedCom's ValueLists.xsd. */
function enumeration(xsd: string, type: string): string[] {
  const start = xsd.indexOf(`<xs:simpleType name="${type}"`);
  assert.ok(start >= 0, `${type} is in ValueLists.xsd`);
  const body = xsd.slice(start, xsd.indexOf('</xs:simpleType>', start));
  return [...body.matchAll(/<xs:enumeration value="([^"]+)"/g)].map((match) => match[1]!);
}

describe('discharge-summary labels', () => {
  const xsd = readFileSync(VALUE_LISTS, 'utf8');

  for (const [type, labels] of [
    ['DiagnoseDescriptionCodeType', DIAGNOSE_DESCRIPTION_LABELS],
    ['DiagnoseTypeCodeType', DIAGNOSE_TYPE_LABELS],
  ] as const) {
    it(`label every ${type} value of the 2005/08/07 schema`, () => {
      const values = enumeration(xsd, type);
      assert.ok(values.length > 0);
      for (const value of values) assert.ok(Object.hasOwn(labels, value), `${type} ${value} has a label`);
    });
  }

  it('label grundmorbus, which MedCom’s converter emits beyond the list', () => {
    assert.equal(labelOf(DIAGNOSE_DESCRIPTION_LABELS, 'grundmorbus', 'da'), 'Grundmorbus');
  });

  it('label every variant, its start and its end', () => {
    for (const labels of [DISCHARGE_SUMMARY_VARIANT_LABELS, STAY_START_LABELS, STAY_END_LABELS]) {
      assert.deepEqual(Object.keys(labels).sort(), [...DischargeSummaryVariant.options].sort());
    }
    assert.equal(labelOf(STAY_START_LABELS, 'inpatient', 'da'), 'Indlæggelse');
    assert.equal(labelOf(STAY_END_LABELS, 'outpatient', 'en'), 'Last visit');
  });

  it('have a non-empty Danish and English label everywhere', () => {
    const all = [
      DIAGNOSE_DESCRIPTION_LABELS,
      DIAGNOSE_TYPE_LABELS,
      DISCHARGE_SUMMARY_VARIANT_LABELS,
      STAY_START_LABELS,
      STAY_END_LABELS,
    ];
    for (const labels of all) {
      for (const [code, label] of Object.entries(labels)) {
        assert.ok(label.da.trim() !== '' && label.en.trim() !== '', code);
      }
    }
  });

  it('fall back to the raw code for values the lists do not have', () => {
    assert.equal(labelOf(DIAGNOSE_DESCRIPTION_LABELS, 'ny_kode_2030', 'en'), 'ny_kode_2030');
  });
});
