// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCpr } from './cpr.js';
import { parseCvr } from './cvr.js';
import { parseEcpr } from './ecpr.js';
import { fromFhirIdentifier, toFhirIdentifier } from './fhir.js';
import { parseGln } from './gln.js';
import { identify } from './identify.js';
import { parseKommunenummer } from './kommunenummer.js';
import { parseSor } from './sor.js';
import {
  CPR_SYSTEM,
  CVR_SYSTEM,
  D_ECPR_REGIONAL_SYSTEMS,
  D_ECPR_SYSTEM,
  GLN_SYSTEM,
  MUNICIPALITY_CODE_SYSTEM,
  SOR_SYSTEM,
  X_ECPR_SYSTEM,
  YDERNUMMER_SYSTEM,
} from './systems.js';
import { parseYdernummer } from './ydernummer.js';

function valid<T extends { valid: boolean }>(result: T): Extract<T, { valid: true }> {
  assert.ok(result.valid);
  return result as Extract<T, { valid: true }>;
}

describe('toFhirIdentifier', () => {
  it('emits CPR as official, without hyphen', () => {
    assert.deepEqual(toFhirIdentifier(valid(parseCpr('250947-9989'))), {
      use: 'official',
      system: CPR_SYSTEM,
      value: '2509479989',
    });
  });

  it('emits eCPR as temp with the variant system', () => {
    assert.deepEqual(toFhirIdentifier(valid(parseEcpr('0703921VJ4'))), {
      use: 'temp',
      system: X_ECPR_SYSTEM,
      value: '0703921VJ4',
    });
    assert.deepEqual(toFhirIdentifier(valid(parseEcpr('0101015AB3'))), {
      use: 'temp',
      system: D_ECPR_SYSTEM,
      value: '0101015AB3',
    });
  });

  it('emits the other kinds with their system', () => {
    assert.deepEqual(toFhirIdentifier(valid(parseGln('5790001382445'))), {
      system: GLN_SYSTEM,
      value: '5790001382445',
    });
    assert.equal(GLN_SYSTEM, 'https://www.gs1.org/gln');
    assert.deepEqual(toFhirIdentifier(valid(parseSor('265161000016000'))), {
      system: SOR_SYSTEM,
      value: '265161000016000',
    });
    assert.deepEqual(toFhirIdentifier(valid(parseCvr('24256790'))), { system: CVR_SYSTEM, value: '24256790' });
    assert.deepEqual(toFhirIdentifier(valid(parseYdernummer('079741'))), {
      system: YDERNUMMER_SYSTEM,
      value: '079741',
    });
    assert.deepEqual(toFhirIdentifier(valid(parseKommunenummer('461'))), {
      system: MUNICIPALITY_CODE_SYSTEM,
      value: '461',
    });
  });

  it('uses the exact system URIs', () => {
    assert.equal(CPR_SYSTEM, 'urn:oid:1.2.208.176.1.2');
    assert.equal(X_ECPR_SYSTEM, 'urn:oid:1.2.208.176.1.6.1.1');
    assert.equal(D_ECPR_SYSTEM, 'urn:oid:1.2.208.176.1.6.1.3');
    assert.equal(SOR_SYSTEM, 'urn:oid:1.2.208.176.1.1');
    assert.equal(YDERNUMMER_SYSTEM, 'urn:oid:1.2.208.176.1.4');
    assert.equal(CVR_SYSTEM, 'http://cvr.dk');
    assert.equal(MUNICIPALITY_CODE_SYSTEM, 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes');
  });
});

describe('fromFhirIdentifier', () => {
  it('parses by system', () => {
    const cpr = fromFhirIdentifier({ use: 'official', system: CPR_SYSTEM, value: '2509479989' });
    assert.ok(cpr.valid && cpr.kind === 'cpr');
    assert.equal(cpr.birthDate, '1947-09-25');
    const sor = fromFhirIdentifier({ system: SOR_SYSTEM, value: '265161000016000' });
    assert.equal(sor.kind, 'sor');
    assert.ok(sor.valid);
    assert.equal(fromFhirIdentifier({ system: YDERNUMMER_SYSTEM, value: '079741' }).kind, 'ydernummer');
    assert.equal(fromFhirIdentifier({ system: CVR_SYSTEM, value: '24256790' }).valid, true);
    assert.equal(fromFhirIdentifier({ system: MUNICIPALITY_CODE_SYSTEM, value: '461' }).valid, true);
  });

  it('accepts both GLN system URIs', () => {
    for (const system of ['https://www.gs1.org/gln', 'http://www.gs1.org/gln']) {
      const result = fromFhirIdentifier({ system, value: '5790001382445' });
      assert.equal(result.kind, 'gln', system);
      assert.ok(result.valid);
    }
    assert.equal(fromFhirIdentifier({ system: GLN_SYSTEM, value: '5790001382446' }).valid, false);
  });

  it('does not guess: the system decides the parser', () => {
    const result = fromFhirIdentifier({ system: SOR_SYSTEM, value: '5790001382445' });
    assert.equal(result.kind, 'sor');
    const gln = fromFhirIdentifier({ system: GLN_SYSTEM, value: '265161000016000' });
    assert.equal(gln.kind, 'gln');
    assert.equal(gln.valid, false);
  });

  it('accepts the regional D-eCPR systems and keeps them', () => {
    for (const system of [D_ECPR_SYSTEM, ...Object.values(D_ECPR_REGIONAL_SYSTEMS)]) {
      const result = fromFhirIdentifier({ use: 'temp', system, value: '0101015AB3' });
      assert.ok(result.valid && result.kind === 'ecpr', system);
      assert.equal(result.system, system);
      assert.equal(toFhirIdentifier(result).system, system);
    }
    assert.equal(D_ECPR_REGIONAL_SYSTEMS.hovedstaden, 'urn:oid:1.2.208.176.1.6.1.3.187');
    assert.equal(D_ECPR_REGIONAL_SYSTEMS.sjaelland, 'urn:oid:1.2.208.176.1.6.1.3.177');
    assert.equal(D_ECPR_REGIONAL_SYSTEMS.nordjylland, 'urn:oid:1.2.208.176.1.6.1.3.179');
    assert.equal(D_ECPR_REGIONAL_SYSTEMS.midtjylland, 'urn:oid:1.2.208.176.1.6.1.3.181');
    assert.equal(D_ECPR_REGIONAL_SYSTEMS.syddanmark, 'urn:oid:1.2.208.176.1.6.1.3.183');
  });

  it('rejects an eCPR whose variant does not match the system', () => {
    const dOnX = fromFhirIdentifier({ system: X_ECPR_SYSTEM, value: '0101015AB3' });
    assert.equal(dOnX.kind, 'ecpr');
    assert.equal(dOnX.valid, false);
    assert.equal(dOnX.issues[0]?.code, 'system');
    const xOnD = fromFhirIdentifier({ system: D_ECPR_REGIONAL_SYSTEMS.syddanmark, value: '0703921VJ4' });
    assert.equal(xOnD.issues[0]?.code, 'system');
  });

  it('reports unknown or missing systems with code "system"', () => {
    for (const identifier of [
      { system: 'urn:oid:1.2.3', value: '2509479989' },
      { system: 'https://www.gs1.org/gln/', value: '5790001382445' },
      { value: '2509479989' },
      { system: '', value: '2509479989' },
    ]) {
      const result = fromFhirIdentifier(identifier);
      assert.equal(result.kind, 'unknown');
      assert.equal(result.valid, false);
      assert.deepEqual(
        result.issues.map((i) => i.code),
        ['system'],
      );
    }
  });

  it('reports a missing or non-string value', () => {
    const missing = fromFhirIdentifier({ system: CPR_SYSTEM });
    assert.equal(missing.kind, 'cpr');
    assert.equal(missing.issues[0]?.code, 'empty');
    const numeric = fromFhirIdentifier({ system: CVR_SYSTEM, value: 24256790 as unknown as string });
    assert.equal(numeric.valid, false);
    assert.equal(numeric.issues[0]?.code, 'format');
  });

  it('never throws on malformed input from untyped callers', () => {
    for (const identifier of [undefined, null, 'urn:oid:1.2.208.176.1.2', {}] as unknown as []) {
      assert.equal(fromFhirIdentifier(identifier).valid, false);
    }
  });

  it('property: valid identifiers round-trip through FHIR', () => {
    const samples = fc.constantFrom(
      '2509479989',
      '250947-9989',
      '0703921VJ4',
      '0101015AB3',
      '5790001382445',
      '265161000016000',
      '24256790',
      '079741',
      '461',
    );
    const generatedGln = fc.stringMatching(/^\d{12}$/).map((first12) => {
      const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
      return `${first12}${(10 - (sum % 10)) % 10}`;
    });
    fc.assert(
      fc.property(fc.oneof(samples, generatedGln), (raw) => {
        const parsed = identify(raw);
        assert.ok(parsed.valid);
        const back = fromFhirIdentifier(toFhirIdentifier(parsed));
        assert.deepEqual(back, parsed);
      }),
    );
  });
});
