// SPDX-License-Identifier: MIT
import { fromFhirIdentifier } from '../../identifiers/fhir.js';
import { redactCpr } from '../../identifiers/redact.js';
import { findInvariant, type Invariant } from '../invariants/index.js';
import { derivesFrom, typeOfProfile, type CompiledProfile, type CompiledStandard } from '../profiles/compiled.js';
import type { ConstraintRow } from '../profiles/types.js';
import type { FhirIssue, IssueCode, IssueSeverity } from './issue.js';
import type { BundleResolver } from './resolve.js';
import type { FhirResource } from './types.js';
import { Walker, type Frame } from './walker.js';

/** The state of one validation: the standard, the message's resolver and the issues found so far. */
export class ValidationRun {
  readonly issues: FhirIssue[] = [];
  private readonly conformance: Map<FhirResource, Map<string, boolean>>;

  /** Reference-target checks waiting for {@link settleReferences}, when the run defers them. */
  private readonly pending: { target: FhirResource; profiles: string[]; path: string }[] = [];

  /**
   * @param defer - Collect reference-target profile checks instead of running them at once, so that they can
   *   reuse the main pass's verdict on each bundled resource rather than walking it again.
   */
  constructor(
    readonly standard: CompiledStandard,
    private readonly resolver: BundleResolver,
    conformance?: Map<FhirResource, Map<string, boolean>>,
    private readonly defer = false,
  ) {
    this.conformance = conformance ?? new Map();
  }

  /** Records that `resource` was walked against `profiles` and whether that found errors. */
  recordConformance(resource: FhirResource, profiles: readonly string[], conforms: boolean): void {
    const known = this.conformance.get(resource) ?? new Map<string, boolean>();
    this.conformance.set(resource, known);
    // Errors from a walk against several profiles cannot be pinned on one of them; success holds for all.
    if (conforms || profiles.length === 1) for (const url of profiles) known.set(url, conforms);
  }

  /** Runs the deferred reference-target checks, reporting into this run. */
  settleReferences(from: readonly ValidationRun[]): void {
    for (const run of from) {
      for (const { target, profiles, path } of run.pending) this.requireConformance(target, profiles, path);
    }
  }

  private requireConformance(target: FhirResource, profiles: string[], path: string): void {
    if (!profiles.some((t) => this.conformsTo(target, t))) {
      this.error('profile', path, `The referenced ${target.resourceType} does not conform to ${profiles.join(' or ')}`);
    }
  }

  add(severity: IssueSeverity, code: IssueCode, path: string, message: string, rule?: string): void {
    this.issues.push({ severity, code, path, message: redactCpr(message), ...(rule ? { rule } : {}) });
  }

  error(code: IssueCode, path: string, message: string, rule?: string): void {
    this.add('error', code, path, message, rule);
  }

  profile(url: string): CompiledProfile | undefined {
    return this.standard.profiles.get(url);
  }

  resolve(reference: string, from?: FhirResource): FhirResource | undefined {
    return this.resolver.resolve(reference, from);
  }

  /** Validates `resource` against `profileUrl` on the side (issues not reported) and remembers the answer. */
  conformsTo(resource: FhirResource, profileUrl: string): boolean {
    const url = profileUrl.split('|')[0] ?? profileUrl;
    const known = this.conformance.get(resource) ?? new Map<string, boolean>();
    this.conformance.set(resource, known);
    const cached = known.get(url);
    if (cached !== undefined) return cached;
    // Conforming to a profile means conforming to every profile it derives from.
    for (const [walked, conforms] of known) {
      if (conforms && derivesFrom(walked, url, this.standard)) {
        known.set(url, true);
        return true;
      }
    }
    const profile = this.profile(url);
    if (!profile) {
      // A profile outside the pinned packages can only be judged by what the resource claims.
      const claims = ((resource['meta'] as { profile?: unknown } | undefined)?.profile ?? []) as unknown[];
      const result = claims.some((c) => typeof c === 'string' && derivesFrom(c, url, this.standard));
      known.set(url, result);
      return result;
    }
    known.set(url, true); // guards against reference cycles while the answer is computed
    const side = new ValidationRun(this.standard, this.resolver, this.conformance);
    new Walker(side).resource(resource, [profile], resource.resourceType);
    const result = !side.issues.some((i) => i.severity === 'error');
    known.set(url, result);
    return result;
  }

  /** `memberOf` for invariants and governance: a code, Coding or CodeableConcept in an expanded value set. */
  memberOf(value: unknown, valueSetUrl: string): boolean {
    const codes = this.valueSet(valueSetUrl);
    if (codes === undefined) return false;
    return codingsOf(value).some(({ system, code }) =>
      system === undefined ? Object.values(codes).some((c) => c.includes(code)) : (codes[system] ?? []).includes(code),
    );
  }

  private valueSet(url: string): Readonly<Record<string, readonly string[]>> | undefined {
    const bare = url.split('|')[0] ?? url;
    return this.standard.definition.valueSets[bare] ?? undefined;
  }

  checkBinding(value: unknown, type: string, valueSetUrl: string, path: string): void {
    if (this.valueSet(valueSetUrl) === undefined) return; // not expandable from the pinned packages
    if (codingsOf(value).length === 0 && type !== 'code' && type !== 'Coding' && type !== 'CodeableConcept') return;
    if (!this.memberOf(value, valueSetUrl)) {
      const shown = codingsOf(value)
        .map((c) => (c.system ? `${c.system}#${c.code}` : c.code))
        .join(', ');
      this.error('binding', path, `${shown || 'The value'} is not in the required value set ${valueSetUrl}`);
    }
  }

  checkInvariant(constraint: ConstraintRow, node: unknown, type: string, path: string, resource: FhirResource): void {
    const [key, severity, expression] = constraint;
    const invariant = invariantFor(constraint);
    if (!invariant) {
      this.error('invariant', path, `Invariant ${key} has no implementation in this SDK`, key);
      return;
    }
    let holds: boolean;
    try {
      holds = invariant({
        node,
        type,
        resource,
        resolve: (reference: string) => this.resolve(reference, resource),
        conformsTo: (target: FhirResource, url: string) => this.conformsTo(target, url),
        memberOf: (value: unknown, url: string) => this.memberOf(value, url),
      });
    } catch {
      holds = false;
    }
    if (!holds) {
      this.add(
        severity === 'warning' ? 'warning' : 'error',
        'invariant',
        path,
        `Invariant ${key} fails: ${expression}`,
        key,
      );
    }
  }

  checkReference(reference: Record<string, unknown>, frames: readonly Frame[], path: string, from: FhirResource): void {
    const target = reference['reference'];
    if (typeof target !== 'string') return;
    const resolved = this.resolve(target, from);
    // A Provenance copied forward in the history stack names earlier messages' headers, which are not bundled.
    if (!resolved && from.resourceType === 'Provenance' && /\.(target|entity)\[/.test(path)) return;
    if (!resolved) {
      this.error(
        'reference',
        `${path}.reference`,
        `Reference ${JSON.stringify(target)} does not resolve inside the message`,
      );
      return;
    }
    const targets = frames.flatMap((f) => f.profile.rows.get(f.id)?.targets ?? []);
    if (targets.length === 0) return;
    const types = new Set(targets.map((t) => typeOfProfile(t, this.standard)));
    if (!types.has('Resource') && !types.has(resolved.resourceType)) {
      this.error(
        'reference',
        `${path}.reference`,
        `Reference points to a ${resolved.resourceType}; expected ${[...types].join(' or ')}`,
      );
      return;
    }
    const candidates = targets.filter(
      (t) => typeOfProfile(t, this.standard) === resolved.resourceType && this.profile(t) !== undefined,
    );
    if (candidates.length === 0) return;
    if (this.defer) this.pending.push({ target: resolved, profiles: candidates, path: `${path}.reference` });
    else this.requireConformance(resolved, candidates, `${path}.reference`);
  }

  checkIdentifier(identifier: Record<string, unknown>, path: string): void {
    if (typeof identifier['system'] !== 'string' || typeof identifier['value'] !== 'string') return;
    const result = fromFhirIdentifier(identifier);
    if (result.kind === 'unknown' || result.valid) return;
    for (const issue of result.issues) {
      if (issue.severity === 'error')
        this.error('identifier', `${path}.value`, `${result.kind}: ${issue.message}`, `identifier-${issue.code}`);
    }
  }
}

const invariants = new WeakMap<ConstraintRow, Invariant | null>();
/** {@link findInvariant}, memoised per generated constraint row: the same rows apply to many elements. */
function invariantFor(constraint: ConstraintRow): Invariant | undefined {
  let invariant = invariants.get(constraint);
  if (invariant === undefined) {
    invariant = findInvariant(constraint[0], constraint[2]) ?? null;
    invariants.set(constraint, invariant);
  }
  return invariant ?? undefined;
}

/** The `{system, code}` pairs of a code, Coding or CodeableConcept. */
export function codingsOf(value: unknown): { system?: string; code: string }[] {
  if (typeof value === 'string') return [{ code: value }];
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['coding'])) return record['coding'].flatMap(codingsOf);
  if (typeof record['code'] === 'string') {
    return [{ code: record['code'], ...(typeof record['system'] === 'string' ? { system: record['system'] } : {}) }];
  }
  return [];
}
