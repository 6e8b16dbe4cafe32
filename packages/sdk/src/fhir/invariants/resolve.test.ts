// SPDX-License-Identifier: MIT
// bundleResolver() on hand-built Bundles, and the ports that call resolve() on hand-checked cases of the official
// examples. The equivalence test feeds the same resolver to fhirpath.js (which cannot resolve inside a Bundle), so
// these cases are what pins the resolution itself down.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { officialExamples, readJson } from '@samspil/fixtures';
import { bundleResolver, findInvariant, type FhirResource, type InvariantScope } from './index.js';

const patient = { resourceType: 'Patient', id: 'p1' };
const organization = { resourceType: 'Organization', id: 'o1' };
const practitioner = { resourceType: 'Practitioner', id: 'x1' };
const contained = { resourceType: 'Organization', id: 'c1' };
const communication = { resourceType: 'Communication', id: 'm1', contained: [contained] };
const bundle: FhirResource = {
  resourceType: 'Bundle',
  type: 'message',
  entry: [
    { fullUrl: 'https://example.org/fhir/Communication/m1', resource: communication },
    { fullUrl: 'https://example.org/fhir/Patient/p1', resource: patient },
    { fullUrl: 'urn:uuid:5c8f0a5e-3c53-4a8e-9a77-7a7b4a1c2f10', resource: organization },
    { fullUrl: 'https://other.example.org/Practitioner/x1', resource: practitioner },
  ],
};

describe('bundleResolver', () => {
  const fromCommunication = bundleResolver(bundle, { container: communication });
  const fromBundle = bundleResolver(bundle);

  it('resolves a relative reference against the base of the container', () => {
    assert.equal(fromCommunication('Patient/p1'), patient);
  });

  it('resolves absolute references and urn:uuid by fullUrl', () => {
    assert.equal(fromBundle('https://example.org/fhir/Patient/p1'), patient);
    assert.equal(fromBundle('urn:uuid:5c8f0a5e-3c53-4a8e-9a77-7a7b4a1c2f10'), organization);
    assert.equal(fromBundle('https://example.org/fhir/Patient/p2'), undefined);
  });

  it('ignores the version of a version-specific reference', () => {
    assert.equal(fromCommunication('Patient/p1/_history/3'), patient);
  });

  it('falls back to the entry whose fullUrl ends in, or whose resource is, Type/id', () => {
    // Another server's base: no match on base + reference, but the fullUrl ends in the reference.
    assert.equal(fromCommunication('Practitioner/x1'), practitioner);
    // A urn:uuid fullUrl: matched on the resource's type and id.
    assert.equal(fromCommunication('Organization/o1'), organization);
    // From the Bundle itself there is no base.
    assert.equal(fromBundle('Patient/p1'), patient);
  });

  it("resolves '#id' in the container's contained resources and '#' to the container", () => {
    assert.equal(fromCommunication('#c1'), contained);
    assert.equal(fromCommunication('#'), communication);
    assert.equal(fromCommunication('#c2'), undefined);
    assert.equal(fromBundle('#c1'), undefined);
  });

  it('does not resolve what is not there', () => {
    assert.equal(fromCommunication('Patient/p2'), undefined);
    assert.equal(fromCommunication('Patient'), undefined);
    assert.equal(fromCommunication('a/b/c'), undefined);
    assert.equal(fromCommunication(''), undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The resolve() ports on official examples, with outcomes worked out by reading the examples.

function example(folder: string, id: string): FhirResource {
  const found = officialExamples().find((e) => e.folder === folder && e.name === `Bundle-${id}`);
  assert.ok(found !== undefined, `no example ${folder}/${id}`);
  return readJson<FhirResource>(found.json);
}

function resources(message: FhirResource, type: string): FhirResource[] {
  return (message['entry'] as { resource: FhirResource }[])
    .map((e) => e.resource)
    .filter((r) => r.resourceType === type);
}

function scope(message: FhirResource, node: unknown, resource: FhirResource): InvariantScope {
  return {
    node,
    type: typeof node === 'object' ? 'Element' : 'string',
    resource,
    resolve: bundleResolver(message, { container: resource }),
    conformsTo: () => true,
    memberOf: () => true,
  };
}

function port(key: string, expressionStart: string): (s: InvariantScope) => boolean {
  const invariant = findInvariant(key, expressionStart);
  assert.ok(invariant !== undefined, `no port for ${key}`);
  return invariant;
}

const CC7 =
  "payload.extension('http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension').value.resolve().all(code.coding.code.exists() xor code.text.exists())";
const CC8 =
  "payload.where(extension('http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension').exists()).extension.value.reference.resolve().practitioner.resolve().name.exists()";
const CC9 = 'iif(encounter.exists().not(), true, encounter.reference.resolve().episodeOfCare.identifier.exists())';
const CC11 =
  'Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.exists().not()';
const CC12 =
  'Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.exists().not()';

describe('ports that resolve references, on hand-checked cases', () => {
  // CareCommunication gfd00bc2: the Communication's sender extension and payload author point to PractitionerRole
  // 3b1f…, whose organization is the MessageHeader's sender c39b…; its recipient is CareTeam fb1d…, managed by the
  // receiver 3315…; its Encounter 2a5b… carries an episode-of-care identifier; the role's Practitioner has a name.
  const message = example('carecommunication', 'gfd00bc2-9c26-4174-934e-f6e4360845de');
  const [communication] = resources(message, 'Communication');
  const [role] = resources(message, 'PractitionerRole');
  const [careTeam] = resources(message, 'CareTeam');
  assert.ok(communication !== undefined && role !== undefined && careTeam !== undefined);

  it('medcom-careCommunication-11: the sender role belongs to the sending organisation', () => {
    assert.equal(port('medcom-careCommunication-11', CC11)(scope(message, message, message)), true);
    const moved = structuredClone(message);
    const [movedRole] = resources(moved, 'PractitionerRole');
    movedRole!['organization'] = { reference: 'Organization/33153a8a-97c8-4f55-b7ad-bbedee8bd0e1' };
    assert.equal(port('medcom-careCommunication-11', CC11)(scope(moved, moved, moved)), false);
    movedRole!['organization'] = { reference: 'Organization/not-in-the-message' };
    assert.equal(port('medcom-careCommunication-11', CC11)(scope(moved, moved, moved)), false);
  });

  it('medcom-careCommunication-12: the recipient CareTeam is managed by the receiving organisation', () => {
    assert.equal(port('medcom-careCommunication-12', CC12)(scope(message, message, message)), true);
    const moved = structuredClone(message);
    resources(moved, 'CareTeam')[0]!['managingOrganization'] = [
      { reference: 'Organization/c39b114b-a9c1-46bb-ac30-e3ce71f28c3a' },
    ];
    assert.equal(port('medcom-careCommunication-12', CC12)(scope(moved, moved, moved)), false);
  });

  it('medcom-careCommunication-7, -8 and -9 follow references out of the Communication', () => {
    assert.equal(port('medcom-careCommunication-7', CC7)(scope(message, communication, communication)), true);
    assert.equal(port('medcom-careCommunication-8', CC8)(scope(message, communication, communication)), true);
    assert.equal(port('medcom-careCommunication-9', CC9)(scope(message, communication, communication)), true);
    // An unresolvable author leaves nothing to check for -7, and no name for -8.
    const lost = structuredClone(communication);
    for (const payload of lost['payload'] as { extension?: { valueReference?: unknown }[] }[]) {
      for (const ext of payload.extension ?? []) {
        if (ext.valueReference !== undefined) ext.valueReference = { reference: 'PractitionerRole/gone' };
      }
    }
    assert.equal(port('medcom-careCommunication-7', CC7)(scope(message, lost, lost)), true);
    assert.equal(port('medcom-careCommunication-8', CC8)(scope(message, lost, lost)), false);
    // An encounter that does not resolve has no episode of care.
    const elsewhere = { ...structuredClone(communication), encounter: { reference: 'Encounter/gone' } };
    assert.equal(port('medcom-careCommunication-9', CC9)(scope(message, elsewhere, elsewhere)), false);
  });

  it('ctm-1: a member acting on behalf of an organisation must be a Practitioner, if it resolves', () => {
    const ctm1 = port(
      'ctm-1',
      'onBehalfOf.exists() implies (member.resolve().iif(empty(), true, ofType(Practitioner).exists()))',
    );
    const onBehalfOf = { reference: 'Organization/33153a8a-97c8-4f55-b7ad-bbedee8bd0e1' };
    const check = (member: string): boolean =>
      ctm1(scope(message, { member: { reference: member }, onBehalfOf }, careTeam));
    assert.equal(check('Practitioner/6397c13d-7cb2-4834-871c-47f528bb79cf'), true);
    assert.equal(check('PractitionerRole/3b1f7d8c-540e-474c-b079-89284c2de621'), false);
    assert.equal(check('Practitioner/not-in-the-message'), true);
  });

  it('medcom-homecareReport-1/2/3/5/6 follow the author role to its Practitioner', () => {
    // HomeCareObservation add5e7e2: DiagnosticReport.performer[1] and Media.operator are PractitionerRole 6ff6…,
    // coded 'sygeplejerske', whose Practitioner b567… has a name and a phone.
    const homecare = example('homecareobservation', 'add5e7e2-0c0f-4a4a-bfff-f6f984fa7e3c');
    const [report] = resources(homecare, 'DiagnosticReport');
    const [media] = resources(homecare, 'Media');
    assert.ok(report !== undefined && media !== undefined);
    const [organization, author] = report['performer'] as unknown[];
    const code = port('medcom-homecareReport-1', 'reference.resolve().code.coding.code.exists()');
    const name = port('medcom-homecareReport-2', 'reference.resolve().practitioner.resolve().name.exists()');
    const phone = port(
      'medcom-homecareReport-3',
      "reference.resolve().practitioner.resolve().telecom.where(system = 'phone').exists()",
    );
    for (const check of [code, name, phone]) {
      assert.equal(check(scope(homecare, author, report)), true);
      assert.equal(check(scope(homecare, organization, report)), false);
      assert.equal(check(scope(homecare, media['operator'], media)), true);
    }
  });
});
