// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileStandard } from './compiled.js';
import { STANDARDS } from './standards.js';

const GENERATOR = fileURLToPath(new URL('../../../../../scripts/generate/profiles.mjs', import.meta.url));
const COMMITTED = fileURLToPath(new URL('./generated/', import.meta.url));

describe('the generated profile tables', () => {
  const out = mkdtempSync(join(tmpdir(), 'samspil-generate-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('are what the generator writes from the packages today (deterministic, no hand edits)', () => {
    execFileSync(process.execPath, [GENERATOR, out]);
    const files = readdirSync(out).sort();
    assert.deepEqual(files, readdirSync(COMMITTED).sort());
    for (const file of files) {
      assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(COMMITTED, file), 'utf8'), file);
    }
  });

  it('pin the package versions each standard declares', () => {
    const pins = Object.fromEntries(STANDARDS.map((s) => [s.id, s.packages]));
    assert.deepEqual(pins['hospitalnotification']?.slice(0, 4), [
      'medcom.fhir.dk.hospitalnotification@3.0.2',
      'medcom.fhir.dk.core@2.0.0',
      'medcom.fhir.dk.messaging@2.1.0',
      'medcom.fhir.dk.terminology@1.1.1',
    ]);
    assert.ok(pins['carecommunication']?.includes('medcom.fhir.dk.messagedefinitions@1.0.0'));
    assert.ok(pins['homecareobservation']?.includes('medcom.fhir.dk.messaging@3.0.0'));
    assert.ok(pins['acknowledgement']?.includes('medcom.fhir.dk.core@2.0.1'));
  });

  it('carry the facts the validator relies on', () => {
    const hn = compileStandard(STANDARDS[0]!);
    const encounter = hn.profiles.get(
      'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-encounter',
    );
    assert.equal(encounter?.rows.get('Encounter.serviceProvider')?.min, 1);
    assert.equal(encounter?.rows.get('Encounter.type')?.max, '0');
    const status = encounter?.rows.get('Encounter.status')?.binding;
    assert.deepEqual(hn.definition.valueSets[status ?? '']?.['http://hl7.org/fhir/encounter-status'], [
      'entered-in-error',
      'finished',
      'in-progress',
      'onleave',
    ]);
    assert.equal(
      hn.defaultProfiles.get('Organization'),
      'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization',
    );
    assert.equal(hn.definition.eventCode, 'hospital-notification-message');
  });
});
