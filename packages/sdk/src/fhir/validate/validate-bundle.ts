// SPDX-License-Identifier: MIT
import { redactCpr } from '../../identifiers/redact.js';
import { compileStandard, type CompiledProfile, type CompiledStandard } from '../profiles/compiled.js';
import type { StandardDefinition } from '../profiles/types.js';
import { checkGovernance } from './governance.js';
import type { FhirIssue } from './issue.js';
import { BundleResolver } from './resolve.js';
import { ValidationRun } from './run.js';
import type { FhirResource } from './types.js';
import { Walker } from './walker.js';

/**
 * The outcome of validating one message. `ok` is false when any issue is an error.
 * @category Validation
 */
export interface ValidationResult {
  readonly ok: boolean;
  /** The standard's name, e.g. `HospitalNotification`, when it could be told. */
  readonly standard: string | undefined;
  /** The standard version validated against, e.g. `3.0.2`. */
  readonly version: string | undefined;
  readonly messageHeaderId: string | undefined;
  readonly issues: readonly FhirIssue[];
}

/** A validation result that failed before any profile could apply. */
export function failed(issues: readonly FhirIssue[]): ValidationResult {
  const redacted = issues.map((issue) => ({ ...issue, message: redactCpr(issue.message) }));
  return { ok: false, standard: undefined, version: undefined, messageHeaderId: undefined, issues: redacted };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function eventCodeOf(header: FhirResource | undefined): unknown {
  return isObject(header?.['eventCoding']) ? header['eventCoding']['code'] : undefined;
}

function profilesFor(
  resource: FhirResource,
  standard: CompiledStandard,
  run: ValidationRun,
  path: string,
  root?: string,
) {
  const urls = new Set<string>();
  if (root) urls.add(root);
  const meta = isObject(resource['meta']) ? resource['meta'] : {};
  for (const claim of Array.isArray(meta['profile']) ? meta['profile'] : []) {
    if (typeof claim !== 'string') continue;
    const profile = standard.profiles.get(claim);
    if (profile?.table.type === resource.resourceType) urls.add(profile.table.url);
    else if (!profile) {
      run.add(
        'warning',
        'profile',
        `${path}.meta.profile`,
        `Claims ${claim}, which is not among the profiles of ${standard.definition.name} ${standard.definition.version}`,
        'medcom-unknown-profile',
      );
    }
  }
  // A resource claiming none of the standard's profiles is held to the standard's profile for its type.
  const fallback = standard.defaultProfiles.get(resource.resourceType);
  if (urls.size === 0 && fallback) urls.add(fallback);
  return [...urls].flatMap((url) => standard.profiles.get(url) ?? []) as CompiledProfile[];
}

/**
 * Validates a parsed message Bundle against the MedCom standard its MessageHeader names, among `standards`.
 */
export function validateBundleWith(bundle: unknown, standards: readonly StandardDefinition[]): ValidationResult {
  if (!isObject(bundle)) {
    return failed([{ severity: 'error', code: 'input', path: 'Bundle', message: 'A message must be a JSON object' }]);
  }
  if (bundle['resourceType'] !== 'Bundle') {
    return failed([
      {
        severity: 'error',
        code: 'input',
        path: String(bundle['resourceType'] ?? '(root)'),
        message: `A MedCom message is a Bundle, not ${JSON.stringify(bundle['resourceType'] ?? 'an object without resourceType')}`,
      },
    ]);
  }
  const entries = (Array.isArray(bundle['entry']) ? bundle['entry'] : []).filter(isObject) as {
    fullUrl?: unknown;
    resource?: FhirResource;
  }[];
  const header = entries.map((e) => e.resource).find((r) => isObject(r) && r.resourceType === 'MessageHeader');
  const code = eventCodeOf(header);
  const definition = standards.find((s) => s.eventCode === code) ?? (standards.length === 1 ? standards[0] : undefined);
  if (!definition) {
    return failed([
      {
        severity: 'error',
        code: 'input',
        path: 'Bundle.entry[0].resource.eventCoding.code',
        message: `Not a MedCom message this validator knows: event ${JSON.stringify(code ?? null)}; expected one of ${standards.map((s) => s.eventCode).join(', ')}`,
      },
    ]);
  }

  const standard = compileStandard(definition);
  const resolver = new BundleResolver(entries);
  const conformance = new Map<FhirResource, Map<string, boolean>>();
  const run = new ValidationRun(standard, resolver, conformance);
  // Each resource is walked once in its own run; its verdict then answers every reference to it, so
  // reference-target checks wait until all are walked instead of walking targets a second time.
  const walks: ValidationRun[] = [];
  const walk = (resource: FhirResource, profiles: readonly CompiledProfile[], path: string) => {
    const own = new ValidationRun(standard, resolver, conformance, true);
    new Walker(own).resource(resource, profiles, path);
    run.issues.push(...own.issues);
    const urls = profiles.map((p) => p.table.url);
    run.recordConformance(resource, urls, !own.issues.some((i) => i.severity === 'error'));
    walks.push(own);
  };
  const root = bundle as FhirResource;
  entries.forEach((entry, index) => {
    const resource = entry.resource;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') return;
    const path = `Bundle.entry[${index}].resource`;
    walk(resource, profilesFor(resource, standard, run, path), path);
    checkFullUrl(run, entry.fullUrl, resource, index);
  });
  // The Bundle last: its invariants ask whether entries conform (conformsTo), which the entries' walks answer.
  walk(root, profilesFor(root, standard, run, 'Bundle', definition.bundleProfile), 'Bundle');
  run.settleReferences(walks);
  const headerIndex = entries.findIndex((e) => e.resource === header);
  checkClaimedStandard(run, standards, [root, header], `Bundle.entry[${Math.max(headerIndex, 0)}].resource`);
  checkGovernance(run, entries);

  const issues = dedupe(run.issues);
  return {
    ok: !issues.some((i) => i.severity === 'error'),
    standard: definition.name,
    version: definition.version,
    messageHeaderId: typeof header?.id === 'string' ? header.id : undefined,
    issues,
  };
}

/**
 * R4 Bundle.entry.fullUrl "SHALL NOT disagree with the id in the resource": unless it is a `urn:uuid:` or
 * `urn:oid:`, it ends in the resource's type and id. Otherwise a reference could resolve to different
 * resources by fullUrl and by type and id.
 */
function checkFullUrl(run: ValidationRun, fullUrl: unknown, resource: FhirResource, index: number): void {
  if (typeof fullUrl !== 'string' || typeof resource.id !== 'string' || /^urn:(uuid|oid):/.test(fullUrl)) return;
  const typeAndId = `${resource.resourceType}/${resource.id}`;
  if (fullUrl === typeAndId || fullUrl.endsWith(`/${typeAndId}`)) return;
  run.error(
    'reference',
    `Bundle.entry[${index}].fullUrl`,
    `The fullUrl does not end in ${typeAndId}, the type and id of the entry's resource`,
    'bundle-fullurl-id',
  );
}

/**
 * The event code picks the standard. A Bundle or MessageHeader claiming another standard's message or header
 * profile contradicts it: those profiles belong to their own event (and fix its code).
 */
function checkClaimedStandard(
  run: ValidationRun,
  standards: readonly StandardDefinition[],
  claimants: readonly (FhirResource | undefined)[],
  headerPath: string,
): void {
  const own = run.standard.definition;
  for (const resource of claimants) {
    const meta = isObject(resource?.['meta']) ? resource['meta'] : {};
    for (const claim of Array.isArray(meta['profile']) ? meta['profile'] : []) {
      if (typeof claim !== 'string') continue;
      const url = claim.split('|')[0] ?? claim;
      if (run.standard.profiles.has(url)) continue;
      const other = standards.find((s) => s !== own && (s.bundleProfile === url || s.headerProfile === url));
      if (!other) continue;
      run.error(
        'profile',
        `${headerPath}.eventCoding.code`,
        `The event ${JSON.stringify(own.eventCode)} names ${own.name}, but the message claims the ${other.name} profile ${url} (event ${JSON.stringify(other.eventCode)})`,
        'medcom-event-profile',
      );
      return;
    }
  }
}

/** Several profiles can state the same rule about the same element; report it once. */
function dedupe(issues: readonly FhirIssue[]): FhirIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.severity}|${issue.code}|${issue.path}|${issue.rule ?? ''}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A validator for the given standards only, for browser bundles that need one standard.
 *
 * @param standards - Generated standard definitions, e.g. `[hospitalNotification]`.
 * @returns A function validating a parsed Bundle or its JSON text.
 * @example
 * ```ts
 * import { createValidator, hospitalNotification } from '@samspil/sdk';
 * const validate = createValidator([hospitalNotification]);
 * const { ok, issues } = validate(bundle);
 * ```
 * @category Validation
 */
export function createValidator(standards: readonly StandardDefinition[]): (input: unknown) => ValidationResult {
  return (input) => {
    if (typeof input === 'string') {
      try {
        return validateBundleWith(JSON.parse(input) as unknown, standards);
      } catch (error) {
        return failed([
          { severity: 'error', code: 'input', path: 'Bundle', message: `Not valid JSON: ${(error as Error).message}` },
        ]);
      }
    }
    return validateBundleWith(input, standards);
  };
}
