// SPDX-License-Identifier: MIT
import type { ElementRow, ProfileTable, StandardDefinition } from './types.js';

const BASE_PREFIX = 'http://hl7.org/fhir/StructureDefinition/';

/** A profile table indexed for the validator: rows by element id, and slices by the sliced element's id. */
export interface CompiledProfile {
  readonly table: ProfileTable;
  readonly rows: ReadonlyMap<string, ElementRow>;
  readonly slices: ReadonlyMap<string, readonly ElementRow[]>;
  /** Element ids that have rows below them, so a walk can skip profile look-ups elsewhere. */
  readonly parents: ReadonlySet<string>;
  /** Rows with `min > 0` by the id of the element they are a direct child of (slices excluded). */
  readonly required: ReadonlyMap<string, readonly ElementRow[]>;
  /** Memo of {@link childId}. */
  readonly children: Map<string, Map<string, string | null>>;
}

/**
 * The id of element `name` below element `id` when the profile says anything at or below it; otherwise
 * `undefined`, so the walk can drop the profile there. Memoised: the walk asks this for every node.
 */
export function childId(profile: CompiledProfile, id: string, name: string): string | undefined {
  let byName = profile.children.get(id);
  if (!byName) {
    byName = new Map();
    profile.children.set(id, byName);
  }
  let child = byName.get(name);
  if (child === undefined) {
    const candidate = `${id}.${name}`;
    child = profile.rows.has(candidate) || profile.parents.has(candidate) ? candidate : null;
    byName.set(name, child);
  }
  return child ?? undefined;
}

/** A standard with its profiles indexed by canonical URL (with or without `|version`). */
export interface CompiledStandard {
  readonly definition: StandardDefinition;
  readonly profiles: ReadonlyMap<string, CompiledProfile>;
  /** The profile a resource of each type is held to when nothing more specific applies. */
  readonly defaultProfiles: ReadonlyMap<string, string>;
  /** Required bindings of base datatypes: type (or datatype backbone path) → element name → value set. */
  readonly datatypeBindings: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function compileProfile(table: ProfileTable): CompiledProfile {
  const rows = new Map<string, ElementRow>();
  const slices = new Map<string, ElementRow[]>();
  const parents = new Set<string>();
  const required = new Map<string, ElementRow[]>();
  for (const row of table.elements) {
    rows.set(row.id, row);
    const dot = row.id.lastIndexOf('.');
    if (!row.sliceName && dot > 0 && (row.min ?? 0) > 0) {
      const parent = row.id.slice(0, dot);
      required.set(parent, [...(required.get(parent) ?? []), row]);
    }
    if (row.sliceName) {
      const sliced = row.id.slice(0, row.id.length - row.sliceName.length - 1);
      slices.set(sliced, [...(slices.get(sliced) ?? []), row]);
    }
    for (let i = row.id.indexOf('.'); i !== -1; i = row.id.indexOf('.', i + 1)) parents.add(row.id.slice(0, i));
    let colon = row.id.lastIndexOf(':');
    while (colon !== -1) {
      parents.add(row.id.slice(0, colon));
      colon = row.id.lastIndexOf(':', colon - 1);
    }
  }
  return { table, rows, slices, parents, required, children: new Map() };
}

// Which package layer a profile comes from decides which profile a bare resource of its type is held to:
// the standard's own profile first, then messaging, then core.
function layer(url: string, standard: StandardDefinition): number {
  const ig = /^http:\/\/medcomfhir\.dk\/ig\/([^/]+)\//.exec(url)?.[1];
  if (ig === standard.id) return 0;
  if (ig === 'messaging') return 1;
  if (ig === 'core') return 2;
  return 3;
}

const cache = new WeakMap<StandardDefinition, CompiledStandard>();

/** Indexes a generated standard definition once; later calls return the same object. */
export function compileStandard(definition: StandardDefinition): CompiledStandard {
  const cached = cache.get(definition);
  if (cached) return cached;
  const profiles = new Map<string, CompiledProfile>();
  const defaults = new Map<string, string>();
  const urls = new Set(definition.profiles.map((p) => p.url));
  for (const table of definition.profiles) {
    const compiled = compileProfile(table);
    profiles.set(table.url, compiled);
    profiles.set(`${table.url}|${table.version}`, compiled);
    if (table.kind !== 'resource') continue;
    const current = defaults.get(table.type);
    const rank = (url: string): number => {
      const own = layer(url, definition);
      const base = profiles.get(url)?.table.base ?? '';
      // Within one layer, prefer the most general profile: the one whose base lies in another layer.
      return own * 2 + (urls.has(base) && layer(base, definition) === own ? 1 : 0);
    };
    const better = current === undefined || rank(table.url) < rank(current);
    if (better) defaults.set(table.type, table.url);
  }
  const datatypeBindings = new Map<string, Map<string, string>>();
  for (const [path, valueSet] of Object.entries(definition.datatypeBindings)) {
    const dot = path.lastIndexOf('.');
    const type = path.slice(0, dot);
    datatypeBindings.set(type, (datatypeBindings.get(type) ?? new Map()).set(path.slice(dot + 1), valueSet));
  }
  const compiled: CompiledStandard = { definition, profiles, defaultProfiles: defaults, datatypeBindings };
  cache.set(definition, compiled);
  return compiled;
}

/** The resource or data type a profile or base definition URL constrains. */
export function typeOfProfile(url: string, standard: CompiledStandard): string | undefined {
  const bare = url.split('|')[0] ?? url;
  const known = standard.profiles.get(bare);
  if (known) return known.table.type;
  if (bare.startsWith(BASE_PREFIX)) return bare.slice(BASE_PREFIX.length);
  return undefined;
}

/** True when `url` is `ancestor` or derives from it through the standard's profiles. */
export function derivesFrom(url: string, ancestor: string, standard: CompiledStandard): boolean {
  let current: string | undefined = url.split('|')[0];
  const target = ancestor.split('|')[0];
  for (let depth = 0; current && depth < 20; depth++) {
    if (current === target) return true;
    current = standard.profiles.get(current)?.table.base;
  }
  return false;
}
