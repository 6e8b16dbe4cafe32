// SPDX-License-Identifier: MIT
// Invariants of the FHIR R4 base specification that the MedCom snapshots carry: elements, extensions, domain
// resources, narrative, and the resources MedCom profiles (Organization, Patient, ContactPoint, Observation,
// MessageDefinition, CareTeam). Bundle invariants are in ports-bundle.ts.
import {
  NoValue,
  OBSERVATION_VALUE_TYPES,
  OPEN_TYPES,
  and,
  choice,
  descendants,
  empty,
  equals,
  exists,
  fhirRegex,
  iif,
  implies,
  intersect,
  isIn,
  isPrimitive,
  matches,
  namedChildren,
  nav,
  not,
  ofResourceType,
  or,
  path,
  singletonString,
  toInteger,
  where,
  type Tri,
} from './fhirpath-lite.js';
import { htmlChecks } from './html-checks.js';
import { resolve, self, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

// ele-1: hasValue() or (children().count() > id.count())
function ele1(scope: InvariantScope): Tri {
  if (isPrimitive(scope.node)) return true;
  const item = self(scope)[0];
  const children = namedChildren(item);
  const ids = children.filter((entry) => entry.name === 'id').length;
  return children.length > ids;
}

// ext-1: extension.exists() != value.exists()
function ext1(scope: InvariantScope): Tri {
  const node = self(scope);
  return exists(nav(node, 'extension')) !== exists(choice(node, 'value', OPEN_TYPES));
}

// dom-2: contained.contained.empty()
function dom2(scope: InvariantScope): Tri {
  return empty(path(self(scope), 'contained', 'contained'));
}

// The names of the elements typed uri, url, canonical, oid or uuid (uri and its specialisations) anywhere in R4,
// and of those typed canonical. FHIRPath types a node by its element definition; without a model the name stands in
// for it, which over-approximates where a name has several types (`code` is a uri only in ElementDefinition.type):
// a contained resource's `#id` written into such an element of another type counts as a reference. The equivalence
// test checks both lists against fhirpath.js's R4 model and pins that approximation down.
export const URI_ELEMENT_NAMES: ReadonlySet<string> = new Set([
  'address',
  'answerValueSet',
  'authority',
  'authorizationUrl',
  'base',
  'baseDefinition',
  'capabilities',
  'code',
  'compartment',
  'contentReference',
  'defaultValueCanonical',
  'defaultValueOid',
  'defaultValueUri',
  'defaultValueUrl',
  'defaultValueUuid',
  'definition',
  'definitionCanonical',
  'definitionUri',
  'derivedFrom',
  'derivedFromUri',
  'detail',
  'endpoint',
  'eventUri',
  'exampleCanonical',
  'fixedCanonical',
  'fixedOid',
  'fixedUri',
  'fixedUrl',
  'fixedUuid',
  'fullUrl',
  'graph',
  'identifier',
  'implementationGuide',
  'implicitRules',
  'import',
  'imports',
  'inputProfile',
  'instantiates',
  'instantiatesCanonical',
  'instantiatesUri',
  'issuer',
  'jurisdiction',
  'library',
  'link',
  'location',
  'measure',
  'message',
  'moduleCanonical',
  'moduleUri',
  'nameUrl',
  'onlineInformation',
  'outputProfile',
  'parent',
  'partOf',
  'patternCanonical',
  'patternOid',
  'patternUri',
  'patternUrl',
  'patternUuid',
  'policy',
  'profile',
  'property',
  'protocol',
  'questionnaire',
  'reference',
  'relativePath',
  'rendering',
  'replaces',
  'resource',
  'source',
  'sourceCanonical',
  'sourceUri',
  'supplements',
  'supportedProfile',
  'system',
  'target',
  'targetCanonical',
  'targetProfile',
  'targetUri',
  'transform',
  'type',
  'uri',
  'url',
  'valueCanonical',
  'valueOid',
  'valueSet',
  'valueUri',
  'valueUrl',
  'valueUuid',
  'workflow',
]);

export const CANONICAL_ELEMENT_NAMES: ReadonlySet<string> = new Set([
  'answerValueSet',
  'base',
  'baseDefinition',
  'capabilities',
  'compartment',
  'defaultValueCanonical',
  'definition',
  'definitionCanonical',
  'derivedFrom',
  'exampleCanonical',
  'fixedCanonical',
  'graph',
  'implementationGuide',
  'import',
  'imports',
  'inputProfile',
  'instantiates',
  'instantiatesCanonical',
  'library',
  'measure',
  'message',
  'moduleCanonical',
  'outputProfile',
  'parent',
  'partOf',
  'patternCanonical',
  'profile',
  'questionnaire',
  'replaces',
  'resource',
  'source',
  'sourceCanonical',
  'supplements',
  'supportedProfile',
  'system',
  'targetCanonical',
  'targetProfile',
  'transform',
  'uri',
  'url',
  'valueCanonical',
  'valueSet',
  'workflow',
]);

// dom-3: contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) |
// %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists()
// or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not())
// .trace('unmatched', id).empty()
//
// `as()` filters, as in the HL7 Java engine (fhirpath.js raises an error for `as()` on several items). `as(uri)`
// takes url and canonical as well, so the union is every reference plus every uri-typed value.
function dom3(scope: InvariantScope): Tri {
  const contained = nav(self(scope), 'contained');
  // Nothing contained, nothing to match: skip walking the whole resource.
  if (contained.length === 0) return true;
  const everything = descendants(scope.resource);
  const targets = [
    ...everything.flatMap((entry) => nav([entry.value], 'reference')),
    ...everything.filter((entry) => URI_ELEMENT_NAMES.has(entry.name)).map((entry) => entry.value),
  ];
  const unmatched = where(contained, (candidate) => {
    const id = singletonString(nav([candidate], 'id'));
    const referenced = id === undefined ? undefined : isIn([`#${id}`], targets);
    const inner = descendants(candidate);
    const selfReference = inner.some((entry) => equals(nav([entry.value], 'reference'), ['#']) === true);
    const selfCanonical = inner.some((entry) => CANONICAL_ELEMENT_NAMES.has(entry.name) && entry.value === '#');
    return not(or(referenced, selfReference, selfCanonical, selfCanonical));
  });
  return empty(unmatched);
}

// dom-4: contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()
function dom4(scope: InvariantScope): Tri {
  const meta = path(self(scope), 'contained', 'meta');
  return and(empty(nav(meta, 'versionId')), empty(nav(meta, 'lastUpdated')));
}

// dom-5: contained.meta.security.empty()
function dom5(scope: InvariantScope): Tri {
  return empty(path(self(scope), 'contained', 'meta', 'security'));
}

// dom-6: text.`div`.exists()
function dom6(scope: InvariantScope): Tri {
  return exists(path(self(scope), 'text', 'div'));
}

// txt-1, txt-2: htmlChecks()
function txt(scope: InvariantScope): Tri {
  const node = self(scope);
  if (node.length !== 1 || node[0] instanceof NoValue) return undefined;
  return htmlChecks(node[0]);
}

// org-1: (identifier.count() + name.count()) > 0
function org1(scope: InvariantScope): Tri {
  const node = self(scope);
  return nav(node, 'identifier').length + nav(node, 'name').length > 0;
}

// org-2, org-3: where(use = 'home').empty()
function org2(scope: InvariantScope): Tri {
  return empty(where(self(scope), (item) => equals(nav([item], 'use'), ['home'])));
}

// pat-1: name.exists() or telecom.exists() or address.exists() or organization.exists()
function pat1(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(...['name', 'telecom', 'address', 'organization'].map((name) => exists(nav(node, name))));
}

// cpt-2: value.empty() or system.exists()
function cpt2(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(empty(nav(node, 'value')), exists(nav(node, 'system')));
}

// obs-3: low.exists() or high.exists() or text.exists()
function obs3(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(exists(nav(node, 'low')), exists(nav(node, 'high')), exists(nav(node, 'text')));
}

// obs-6: dataAbsentReason.empty() or value.empty()
function obs6(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(empty(nav(node, 'dataAbsentReason')), empty(choice(node, 'value', OBSERVATION_VALUE_TYPES)));
}

// obs-7: value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()
function obs7(scope: InvariantScope): Tri {
  const node = self(scope);
  const codings = path([scope.resource], 'code', 'coding');
  const clashing = where(path(node, 'component', 'code'), (code) => exists(intersect(nav([code], 'coding'), codings)));
  return or(empty(choice(node, 'value', OBSERVATION_VALUE_TYPES)), empty(clashing));
}

// md-1: max='*' or (max.toInteger() > 0)
function md1(scope: InvariantScope): Tri {
  const max = nav(self(scope), 'max');
  const integer = toInteger(max);
  return or(equals(max, ['*']), integer === undefined ? undefined : integer > 0);
}

// msd-0: name.matches('[A-Z]([A-Za-z0-9_]){0,254}')
const MSD_0 = fhirRegex('[A-Z]([A-Za-z0-9_]){0,254}');
function msd0(scope: InvariantScope): Tri {
  return matches(nav(self(scope), 'name'), MSD_0);
}

// ctm-1: onBehalfOf.exists() implies (member.resolve().iif(empty(), true, ofType(Practitioner).exists()))
function ctm1(scope: InvariantScope): Tri {
  const node = self(scope);
  const members = resolve(scope, nav(node, 'member'));
  return implies(
    exists(nav(node, 'onBehalfOf')),
    iif(
      empty(members),
      () => true,
      () => exists(ofResourceType(members, 'Practitioner')),
    ),
  );
}

/** Ports of the FHIR R4 base invariants (except Bundle's). */
export const BASE_PORTS: readonly Port[] = [
  { keys: ['ele-1'], expression: 'hasValue() or (children().count() > id.count())', evaluate: ele1 },
  { keys: ['ext-1'], expression: 'extension.exists() != value.exists()', evaluate: ext1 },
  { keys: ['dom-2'], expression: 'contained.contained.empty()', evaluate: dom2 },
  {
    keys: ['dom-3'],
    expression:
      "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()",
    evaluate: dom3,
  },
  {
    keys: ['dom-4'],
    expression: 'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()',
    evaluate: dom4,
  },
  { keys: ['dom-5'], expression: 'contained.meta.security.empty()', evaluate: dom5 },
  { keys: ['dom-6'], expression: 'text.`div`.exists()', evaluate: dom6 },
  { keys: ['txt-1', 'txt-2'], expression: 'htmlChecks()', evaluate: txt },
  { keys: ['org-1'], expression: '(identifier.count() + name.count()) > 0', evaluate: org1 },
  { keys: ['org-2', 'org-3'], expression: "where(use = 'home').empty()", evaluate: org2 },
  {
    keys: ['pat-1'],
    expression: 'name.exists() or telecom.exists() or address.exists() or organization.exists()',
    evaluate: pat1,
  },
  { keys: ['cpt-2'], expression: 'value.empty() or system.exists()', evaluate: cpt2 },
  { keys: ['obs-3'], expression: 'low.exists() or high.exists() or text.exists()', evaluate: obs3 },
  { keys: ['obs-6'], expression: 'dataAbsentReason.empty() or value.empty()', evaluate: obs6 },
  {
    keys: ['obs-7'],
    expression: 'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()',
    evaluate: obs7,
  },
  { keys: ['md-1'], expression: "max='*' or (max.toInteger() > 0)", evaluate: md1 },
  { keys: ['msd-0'], expression: "name.matches('[A-Z]([A-Za-z0-9_]){0,254}')", evaluate: msd0 },
  {
    keys: ['ctm-1'],
    expression: 'onBehalfOf.exists() implies (member.resolve().iif(empty(), true, ofType(Practitioner).exists()))',
    evaluate: ctm1,
  },
];
