// SPDX-License-Identifier: MIT
import {
  CPR_SYSTEM,
  CVR_SYSTEM,
  D_ECPR_SYSTEM,
  GLN_SYSTEM_ALTERNATES,
  SOR_SYSTEM,
  X_ECPR_SYSTEM,
} from '../../identifiers/systems.js';
import type { CompiledProfile } from '../profiles/compiled.js';
import type { ElementRow } from '../profiles/types.js';

// dk-core is not among the pinned packages, but MedCom's slices point at its identifier profiles: their
// fixed systems are facts of dk-core (../shared/docs/medcom.md §2.2, §5).
const DK_CORE = 'http://hl7.dk/fhir/core/StructureDefinition/';
const IDENTIFIER_PROFILE_SYSTEMS: Readonly<Record<string, readonly string[]>> = {
  [`${DK_CORE}dk-core-gln-identifier`]: GLN_SYSTEM_ALTERNATES,
  [`${DK_CORE}dk-core-sor-identifier`]: [SOR_SYSTEM],
  [`${DK_CORE}dk-core-cpr-identifier`]: [CPR_SYSTEM],
  [`${DK_CORE}dk-core-cvr-identifier`]: [CVR_SYSTEM],
  [`${DK_CORE}dk-core-x-ecpr-identifier`]: [X_ECPR_SYSTEM],
  [`${DK_CORE}dk-core-d-ecpr-identifier`]: [D_ECPR_SYSTEM],
  [`${DK_CORE}dk-core-kombit-org-identifier`]: ['https://kombit.dk/sts/organisation'],
  [`${DK_CORE}dk-core-authorization-identifier`]: ['https://autregweb.sst.dk'],
  [`${DK_CORE}dk-core-producent-id`]: ['http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID'],
};

/** What a slice expects at a discriminator path. */
export type Expectation =
  | { readonly kind: 'fixed' | 'pattern'; readonly value: unknown }
  | { readonly kind: 'one-of'; readonly values: readonly string[] }
  | { readonly kind: 'type'; readonly types: readonly string[] };

type Segment = { readonly name: string; readonly url?: string };

function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.match(/extension\('[^']*'\)|[^.]+/g) ?? []) {
    if (part === '$this') continue;
    const url = /^extension\('([^']*)'\)$/.exec(part)?.[1];
    segments.push(url === undefined ? { name: part } : { name: 'extension', url });
  }
  return segments;
}

const elementName = (segment: Segment) => (segment.name === 'value' ? 'value[x]' : segment.name);

/** Values at a discriminator path, as a collection (FHIRPath-style: arrays flatten, missing is empty). */
export function valuesAt(item: unknown, path: string, resolve: (reference: string) => unknown): unknown[] {
  let current: unknown[] = [item];
  for (const segment of parsePath(path)) {
    const next: unknown[] = [];
    for (const node of current) {
      if (segment.name === 'resolve()') {
        const target = typeof node === 'object' && node ? (node as { reference?: unknown }).reference : undefined;
        if (typeof target === 'string') next.push(resolve(target));
        continue;
      }
      if (typeof node !== 'object' || node === null) continue;
      const record = node as Record<string, unknown>;
      const keys = segment.name === 'value' ? Object.keys(record).filter((k) => /^value[A-Z]/.test(k)) : [segment.name];
      for (const key of keys) {
        const value = record[key];
        for (const v of Array.isArray(value) ? value : [value]) {
          if (v === undefined) continue;
          if (segment.url !== undefined && (v as { url?: unknown })?.url !== segment.url) continue;
          next.push(v);
        }
      }
    }
    current = next.filter((v) => v !== undefined);
  }
  return current;
}

/** The row below `sliceId` that sits at `path` and carries a fixed or pattern value. */
function rowAt(profile: CompiledProfile, sliceId: string, segments: Segment[]): ElementRow | undefined {
  const wanted = segments.map(elementName).join('.');
  if (wanted === '') return profile.rows.get(sliceId);
  const prefix = `${sliceId}.`;
  for (const row of profile.table.elements) {
    if (!row.id.startsWith(prefix)) continue;
    if (row.id.slice(prefix.length).replace(/:[^.]+/g, '') !== wanted) continue;
    if (row.fixed !== undefined || row.pattern !== undefined) return row;
  }
  return undefined;
}

/**
 * The row that the type profile of an element on the discriminator path has at the rest of the path, when it
 * carries a fixed or pattern value: e.g. the system `lpr3-Identifier` fixes for a slice on `identifier.system`.
 */
function rowInTypeProfile(
  profile: CompiledProfile,
  sliceId: string,
  segments: Segment[],
  profileOf: (url: string) => CompiledProfile | undefined,
): ElementRow | undefined {
  for (let split = segments.length - 1; split >= 0; split--) {
    const head = segments.slice(0, split).map(elementName).join('.');
    const holder = profile.rows.get(head === '' ? sliceId : `${sliceId}.${head}`);
    const rest = segments.slice(split).map(elementName).join('.');
    for (const url of holder?.profiles ?? []) {
      const typeProfile = profileOf(url.split('|')[0] ?? url);
      const row = typeProfile?.rows.get(`${typeProfile.table.type}.${rest}`);
      if (row?.fixed !== undefined || row?.pattern !== undefined) return row;
    }
  }
  return undefined;
}

const expectations = new WeakMap<ElementRow, Map<string, Expectation | null>>();

/**
 * What `slice` expects at the discriminator `[type, path]`, or `undefined` when the profile does not say.
 * `profileOf` finds the standard's profiles, for values that a type profile on the path fixes.
 */
export function expectationFor(
  profile: CompiledProfile,
  slice: ElementRow,
  type: string,
  path: string,
  profileOf: (url: string) => CompiledProfile | undefined,
): Expectation | undefined {
  // Slices are matched for every repeat of every sliced element: work each expectation out once.
  let bySlice = expectations.get(slice);
  if (!bySlice) {
    bySlice = new Map();
    expectations.set(slice, bySlice);
  }
  const key = `${type} ${path}`;
  let expectation = bySlice.get(key);
  if (expectation === undefined) {
    expectation = computeExpectation(profile, slice, type, path, profileOf) ?? null;
    bySlice.set(key, expectation);
  }
  return expectation ?? undefined;
}

function computeExpectation(
  profile: CompiledProfile,
  slice: ElementRow,
  type: string,
  path: string,
  profileOf: (url: string) => CompiledProfile | undefined,
): Expectation | undefined {
  const segments = parsePath(path);
  if (type === 'type') {
    const id = `${slice.id}.${segments.map(elementName).join('.')}`;
    const row = segments.length === 0 ? slice : (profile.rows.get(id) ?? profile.rows.get(`${id}[x]`));
    const types = row?.types ?? slice.types;
    return types ? { kind: 'type', types } : undefined;
  }
  if (type === 'profile') {
    return slice.targets ? { kind: 'one-of', values: slice.targets } : undefined;
  }
  const row = rowAt(profile, slice.id, segments) ?? rowInTypeProfile(profile, slice.id, segments, profileOf);
  if (row?.fixed !== undefined) return { kind: 'fixed', value: row.fixed };
  if (row?.pattern !== undefined) return { kind: 'pattern', value: row.pattern };
  const last = segments.at(-1)?.name;
  // An extension slice's url is the extension profile it names.
  if (last === 'url' && segments.length === 1 && slice.profiles) {
    return { kind: 'one-of', values: slice.profiles.map((url) => url.split('|')[0] ?? url) };
  }
  if (last === 'system') {
    const holder = segments.length === 1 ? slice : profile.rows.get(`${slice.id}.${segments[0]?.name ?? ''}`);
    const systems = holder?.profiles?.flatMap((p) => IDENTIFIER_PROFILE_SYSTEMS[p.split('|')[0] ?? p] ?? []) ?? [];
    if (systems.length > 0) return { kind: 'one-of', values: systems };
  }
  return undefined;
}
