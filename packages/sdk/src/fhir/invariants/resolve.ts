// SPDX-License-Identifier: MIT
import type { FhirResource } from './scope.js';

/**
 * Options for {@link bundleResolver}.
 *
 * @category Validation
 */
export interface BundleResolverOptions {
  /**
   * The resource whose references are resolved: `#id` looks in its `contained`, and relative references start from
   * the base of its entry's `fullUrl`. Defaults to the Bundle itself.
   */
  readonly container?: FhirResource | undefined;
}

interface Entry {
  readonly fullUrl: string | undefined;
  readonly resource: FhirResource;
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// A RESTful fullUrl: [base]/[Type]/[id], optionally version-specific.
const RESTFUL = /^(.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

function isResource(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

function entriesOf(bundle: FhirResource): Entry[] {
  const entries = Array.isArray(bundle['entry']) ? (bundle['entry'] as unknown[]) : [];
  const out: Entry[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { fullUrl, resource } = entry as { fullUrl?: unknown; resource?: unknown };
    if (isResource(resource)) out.push({ fullUrl: typeof fullUrl === 'string' ? fullUrl : undefined, resource });
  }
  return out;
}

function withoutHistory(url: string): string {
  const at = url.indexOf('/_history/');
  return at === -1 ? url : url.slice(0, at);
}

/**
 * A `resolve()` for the references inside a Bundle, following the FHIR rules for resolving references in Bundles
 * (https://hl7.org/fhir/R4/bundle.html#references):
 *
 * - `#id` is a resource contained in the container (`#` alone is the container itself);
 * - an absolute reference (`http…`, `urn:uuid:…`, `urn:oid:…`) matches an entry's `fullUrl`;
 * - a relative `Type/id` is appended to the base of the container's RESTful `fullUrl`; failing that (the container
 *   has no RESTful fullUrl, or the reference is made from the Bundle itself), it matches the entry whose RESTful
 *   fullUrl ends in `/Type/id`, or whose resource has that type and id.
 *
 * A version-specific reference (`…/_history/n`) resolves to the entry without regard to the version.
 *
 * @category Validation
 */
export function bundleResolver(
  bundle: FhirResource,
  options: BundleResolverOptions = {},
): (reference: string) => FhirResource | undefined {
  const entries = entriesOf(bundle);
  const container = options.container ?? bundle;
  const containerUrl = entries.find((entry) => entry.resource === container)?.fullUrl;
  const base = containerUrl === undefined ? undefined : RESTFUL.exec(containerUrl)?.[1];

  return (reference: string): FhirResource | undefined => {
    if (reference.startsWith('#')) {
      const id = reference.slice(1);
      if (id === '') return container;
      const contained = Array.isArray(container['contained']) ? (container['contained'] as unknown[]) : [];
      return contained.find((resource): resource is FhirResource => isResource(resource) && resource['id'] === id);
    }
    const target = withoutHistory(reference);
    if (ABSOLUTE.test(target)) return entries.find((entry) => entry.fullUrl === target)?.resource;
    if (base !== undefined) {
      const found = entries.find((entry) => entry.fullUrl === base + target);
      if (found !== undefined) return found.resource;
    }
    const [type, id, ...rest] = target.split('/');
    if (type === undefined || id === undefined || rest.length > 0) return undefined;
    return entries.find(
      (entry) =>
        entry.fullUrl?.endsWith(`/${target}`) === true ||
        (entry.resource.resourceType === type && entry.resource['id'] === id),
    )?.resource;
  };
}
