// SPDX-License-Identifier: MIT
// Generic readers for MedCom message Bundles. Received messages are untrusted JSON, so every helper checks the
// shape of what it reads and answers `undefined` (or an empty list) instead of throwing.
import type {
  Bundle,
  ExtractResource,
  MessageHeader,
  Organization,
  Provenance,
  Reference,
  Resource,
  ResourceType,
} from '@medplum/fhirtypes';
import { GLN_SYSTEM_ALTERNATES, SOR_SYSTEM } from '../../identifiers/systems.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isResource = (value: unknown): value is Resource => isRecord(value) && typeof value['resourceType'] === 'string';

const stringOrUndefined = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

// [base/]Type/id[/_history/version]: the tail of a RESTful reference or fullUrl.
const RESTFUL_TAIL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/;

function referenceString(reference: Reference | string | undefined): string | undefined {
  if (typeof reference === 'string') return stringOrUndefined(reference);
  return isRecord(reference) ? stringOrUndefined(reference.reference) : undefined;
}

function withoutHistory(url: string): string {
  const at = url.indexOf('/_history/');
  return at === -1 ? url : url.slice(0, at);
}

/**
 * The resources of a Bundle's entries, in entry order. Entries without a resource are skipped.
 *
 * @param bundle - Any Bundle; a malformed `entry` gives an empty list.
 * @returns The entry resources.
 * @example
 * ```ts
 * const patients = bundleResources(bundle).filter((r) => r.resourceType === 'Patient');
 * ```
 * @category Reading
 */
export function bundleResources(bundle: Bundle): Resource[] {
  const entries: unknown = isRecord(bundle) ? bundle.entry : undefined;
  if (!Array.isArray(entries)) return [];
  const out: Resource[] = [];
  for (const entry of entries) {
    if (isRecord(entry) && isResource(entry['resource'])) out.push(entry['resource']);
  }
  return out;
}

/**
 * The id in a reference to a resource of the given type: `MessageHeader/abc`, `https://…/MessageHeader/abc` and
 * `…/MessageHeader/abc/_history/2` all give `abc`. References that are not RESTful (`urn:uuid:…`, `#id`) or point
 * to another type give `undefined`; use {@link resolveReference} for those.
 *
 * @param reference - A `Reference`, or its `reference` string.
 * @param resourceType - The type the reference must point to.
 * @returns The id, or `undefined`.
 * @example
 * ```ts
 * referenceId({ reference: 'MessageHeader/42cb9200' }, 'MessageHeader'); // '42cb9200'
 * referenceId('Organization/1', 'MessageHeader'); // undefined
 * ```
 * @category Reading
 */
export function referenceId(reference: Reference | string | undefined, resourceType: ResourceType): string | undefined {
  const text = referenceString(reference);
  const match = text === undefined ? null : RESTFUL_TAIL.exec(text);
  return match?.[1] === resourceType ? match[2] : undefined;
}

/**
 * Finds the bundled resource a reference points to, the way a receiver reads a message: an absolute reference
 * (`urn:uuid:…`, `https://…`) matches an entry's `fullUrl`; a relative `Type/id` (or an absolute RESTful URL with no
 * matching `fullUrl`) matches the entry of that type and id. Version suffixes (`/_history/n`) are ignored.
 * Contained (`#id`) and logical (identifier-only) references do not resolve.
 *
 * @param bundle - The message Bundle.
 * @param reference - A `Reference`, or its `reference` string.
 * @param resourceType - When given, only a resource of this type is returned.
 * @returns The resource, or `undefined` when it is not in the Bundle.
 * @example
 * ```ts
 * const header = bundleResources(bundle)[0] as MessageHeader;
 * const sender = resolveReference(bundle, header.sender, 'Organization'); // Organization | undefined
 * ```
 * @category Reading
 */
export function resolveReference<K extends ResourceType>(
  bundle: Bundle,
  reference: Reference | string | undefined,
  resourceType: K,
): ExtractResource<K> | undefined;
export function resolveReference(bundle: Bundle, reference: Reference | string | undefined): Resource | undefined;
export function resolveReference(
  bundle: Bundle,
  reference: Reference | string | undefined,
  resourceType?: ResourceType,
): Resource | undefined {
  const text = referenceString(reference);
  if (text === undefined || text.startsWith('#')) return undefined;
  const wanted = withoutHistory(text);
  const tail = RESTFUL_TAIL.exec(wanted);
  const entries: unknown = isRecord(bundle) ? bundle.entry : undefined;
  if (!Array.isArray(entries)) return undefined;

  let byTypeAndId: Resource | undefined;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const resource = entry['resource'];
    if (!isResource(resource) || (resourceType !== undefined && resource.resourceType !== resourceType)) continue;
    const fullUrl = stringOrUndefined(entry['fullUrl']);
    if (fullUrl !== undefined && withoutHistory(fullUrl) === wanted) return resource;
    if (byTypeAndId !== undefined || !tail || resource.resourceType !== tail[1]) continue;
    const restful = fullUrl === undefined ? undefined : RESTFUL_TAIL.exec(withoutHistory(fullUrl));
    if (resource.id === tail[2] || (restful?.[1] === tail[1] && restful[2] === tail[2])) byTypeAndId = resource;
  }
  return byTypeAndId;
}

/**
 * The message's MessageHeader: `entry[0]` as MedCom requires, or else the first MessageHeader in the Bundle.
 *
 * @param bundle - The message Bundle.
 * @returns The MessageHeader, or `undefined` when there is none.
 * @example
 * ```ts
 * messageHeaderOf(bundle)?.eventCoding?.code; // 'care-communication-message'
 * ```
 * @category Reading
 */
export function messageHeaderOf(bundle: Bundle): MessageHeader | undefined {
  return bundleResources(bundle).find((r): r is MessageHeader => r.resourceType === 'MessageHeader');
}

/**
 * The Provenance resources of a Bundle, in entry order (which carries no meaning; see {@link provenanceHistory}).
 *
 * @param bundle - The message Bundle.
 * @returns Every bundled Provenance.
 * @example
 * ```ts
 * provenancesOf(bundle).length; // 1 for a new message, more further down a thread
 * ```
 * @category Reading
 */
export function provenancesOf(bundle: Bundle): Provenance[] {
  return bundleResources(bundle).filter((r): r is Provenance => r.resourceType === 'Provenance');
}

/**
 * Whether a Provenance describes the given MessageHeader: one of its `target`s resolves to that header, or
 * references a MessageHeader with the header's id.
 *
 * @param bundle - The message Bundle.
 * @param provenance - A Provenance from the Bundle.
 * @param header - The MessageHeader.
 * @returns `true` when the Provenance targets the header.
 * @example
 * ```ts
 * provenancesOf(bundle).filter((p) => targetsMessageHeader(bundle, p, header));
 * ```
 * @category Reading
 */
export function targetsMessageHeader(bundle: Bundle, provenance: Provenance, header: MessageHeader): boolean {
  const targets: unknown = isRecord(provenance) ? provenance.target : undefined;
  if (!Array.isArray(targets)) return false;
  const id = stringOrUndefined(header.id);
  return targets.some(
    (target: unknown) =>
      isRecord(target) &&
      ((id !== undefined && referenceId(target, 'MessageHeader') === id) ||
        resolveReference(bundle, target, 'MessageHeader') === header),
  );
}

/** Milliseconds of `recorded` (machine time), else `occurredDateTime`; `undefined` when neither parses. */
function provenanceTime(provenance: Provenance): number | undefined {
  for (const value of [provenance.recorded, provenance.occurredDateTime]) {
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(time)) return time;
  }
  return undefined;
}

/**
 * The current activity of a message: the Provenance whose `target` is the Bundle's own MessageHeader. Array
 * order is never relied on; if several Provenances target the header, the latest one wins.
 *
 * @param bundle - The message Bundle.
 * @returns The current Provenance, or `undefined` when no Provenance targets the header.
 * @example
 * ```ts
 * currentProvenance(bundle)?.activity?.coding?.[0]?.code; // 'reply-message'
 * ```
 * @category Reading
 */
export function currentProvenance(bundle: Bundle): Provenance | undefined {
  const header = messageHeaderOf(bundle);
  if (!header) return undefined;
  let current: Provenance | undefined;
  for (const provenance of provenancesOf(bundle)) {
    if (!targetsMessageHeader(bundle, provenance, header)) continue;
    if (current === undefined || (provenanceTime(provenance) ?? -Infinity) >= (provenanceTime(current) ?? -Infinity)) {
      current = provenance;
    }
  }
  return current;
}

/** MessageHeader ids a Provenance names as predecessors (`entity` with role `revision` or `removal`). */
function predecessorIds(provenance: Provenance): string[] {
  const entities: unknown = provenance.entity;
  if (!Array.isArray(entities)) return [];
  const ids: string[] = [];
  for (const entity of entities) {
    if (!isRecord(entity) || (entity['role'] !== 'revision' && entity['role'] !== 'removal')) continue;
    const id = referenceId(entity['what'] as Reference | undefined, 'MessageHeader');
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * The Provenance history stack in thread order, oldest first. A Provenance always comes after the Provenances of
 * the messages it revises or cancels (its `entity` references); otherwise the order is by `recorded` (else
 * `occurredDateTime`), with undated ones last and entry order breaking ties. Cyclic or broken links cannot stall
 * the ordering.
 *
 * @param bundle - The message Bundle.
 * @returns Every bundled Provenance, ordered.
 * @example
 * ```ts
 * provenanceHistory(bundle).map((p) => p.activity?.coding?.[0]?.code);
 * // ['new-message', 'reply-message', 'reply-message']
 * ```
 * @category Reading
 */
export function provenanceHistory(bundle: Bundle): Provenance[] {
  const all = provenancesOf(bundle).map((provenance, index) => ({
    provenance,
    index,
    time: provenanceTime(provenance),
  }));
  all.sort((a, b) => {
    if (a.time !== undefined && b.time !== undefined && a.time !== b.time) return a.time - b.time;
    if ((a.time === undefined) !== (b.time === undefined)) return a.time === undefined ? 1 : -1;
    return a.index - b.index;
  });

  const targetIds = all.map(({ provenance }) => {
    const targets: unknown = provenance.target;
    return Array.isArray(targets)
      ? targets.map((t: unknown) => referenceId(t as Reference, 'MessageHeader')).filter((id) => id !== undefined)
      : [];
  });
  // For each Provenance, the positions (in `all`) of the Provenances describing the messages it builds on.
  const parents = all.map(({ provenance }, self) => {
    const wanted = predecessorIds(provenance);
    const found: number[] = [];
    targetIds.forEach((ids, i) => {
      if (i !== self && ids.some((id) => wanted.includes(id))) found.push(i);
    });
    return found;
  });

  const emitted = new Set<number>();
  const ordered: Provenance[] = [];
  while (ordered.length < all.length) {
    let next = all.findIndex((_, i) => !emitted.has(i) && (parents[i] ?? []).every((p) => emitted.has(p)));
    // A cycle: take the earliest remaining rather than loop forever.
    if (next === -1) next = all.findIndex((_, i) => !emitted.has(i));
    emitted.add(next);
    const item = all[next];
    if (item) ordered.push(item.provenance);
  }
  return ordered;
}

/**
 * The SOR and GLN (EAN location number) identifiers of an Organization. Both GLN system URIs are accepted
 * (`https://www.gs1.org/gln` and `http://www.gs1.org/gln`).
 *
 * @example
 * ```ts
 * const { sor, gln }: OrganizationIdentifiers = organizationIdentifiers(sender);
 * ```
 * @category Reading
 */
export interface OrganizationIdentifiers {
  readonly sor: string | undefined;
  readonly gln: string | undefined;
}

/**
 * Reads the SOR id and GLN of an Organization (MedCom requires both on every messaging organisation).
 *
 * @param organization - An Organization, or `undefined`.
 * @returns The first SOR and GLN identifier values; absent ones are `undefined`.
 * @example
 * ```ts
 * organizationIdentifiers(sender); // { sor: '265161000016000', gln: '5790000209354' }
 * ```
 * @category Reading
 */
export function organizationIdentifiers(organization: Organization | undefined): OrganizationIdentifiers {
  const identifiers: unknown = isRecord(organization) ? organization.identifier : undefined;
  let sor: string | undefined;
  let gln: string | undefined;
  if (Array.isArray(identifiers)) {
    for (const identifier of identifiers) {
      if (!isRecord(identifier)) continue;
      const value = stringOrUndefined(identifier['value']);
      const system = identifier['system'];
      if (sor === undefined && system === SOR_SYSTEM) sor = value;
      else if (gln === undefined && typeof system === 'string' && GLN_SYSTEM_ALTERNATES.includes(system)) gln = value;
    }
  }
  return { sor, gln };
}
