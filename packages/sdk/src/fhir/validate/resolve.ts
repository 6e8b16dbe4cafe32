// SPDX-License-Identifier: MIT
import type { FhirResource } from './types.js';

/** Finds bundled and contained resources the way a receiver resolves references inside a message. */
export class BundleResolver {
  private readonly byFullUrl = new Map<string, FhirResource>();
  private readonly byTypeAndId = new Map<string, FhirResource>();

  constructor(entries: readonly { fullUrl?: unknown; resource?: unknown }[]) {
    for (const entry of entries) {
      const resource = entry.resource as FhirResource | undefined;
      if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') continue;
      if (typeof entry.fullUrl === 'string') this.byFullUrl.set(entry.fullUrl, resource);
      if (typeof resource.id === 'string') this.byTypeAndId.set(`${resource.resourceType}/${resource.id}`, resource);
    }
  }

  /**
   * Resolves an absolute URL (`urn:uuid:…`, `https://…/Type/id`) by fullUrl, a relative `Type/id` by type and
   * id, and `#id` among the contained resources of `from`.
   */
  resolve(reference: string, from?: FhirResource): FhirResource | undefined {
    if (reference.startsWith('#')) {
      const contained = Array.isArray(from?.['contained']) ? (from['contained'] as FhirResource[]) : [];
      return contained.find((r) => r?.id === reference.slice(1));
    }
    const direct = this.byFullUrl.get(reference);
    if (direct) return direct;
    const relative = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)?.[1];
    return relative ? this.byTypeAndId.get(relative) : undefined;
  }
}
