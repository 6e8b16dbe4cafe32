// SPDX-License-Identifier: MIT
// The FHIR R4 Bundle invariants (bdl-*).
import {
  all,
  and,
  concat,
  contains,
  empty,
  equals,
  exists,
  hasValue,
  implies,
  isDistinct,
  isResourceType,
  nav,
  not,
  or,
  path,
  where,
  type Tri,
} from './fhirpath-lite.js';
import { self, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

const typeIs = (node: readonly unknown[], type: string): Tri => equals(nav(node, 'type'), [type]);

// bdl-1: total.empty() or (type = 'searchset') or (type = 'history')
function bdl1(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(empty(nav(node, 'total')), typeIs(node, 'searchset'), typeIs(node, 'history'));
}

// bdl-2: entry.search.empty() or (type = 'searchset')
function bdl2(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(empty(path(node, 'entry', 'search')), typeIs(node, 'searchset'));
}

// bdl-3: entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or
// %resource.type = 'history'))
function bdl3(scope: InvariantScope): Tri {
  const resource = [scope.resource];
  const expected = or(typeIs(resource, 'batch'), typeIs(resource, 'transaction'), typeIs(resource, 'history'));
  return all(nav(self(scope), 'entry'), (entry) =>
    equals([exists(nav([entry], 'request'))], expected === undefined ? [] : [expected]),
  );
}

// bdl-4: entry.all(response.exists() = (%resource.type = 'batch-response' or
// %resource.type = 'transaction-response' or %resource.type = 'history'))
function bdl4(scope: InvariantScope): Tri {
  const resource = [scope.resource];
  const expected = or(
    typeIs(resource, 'batch-response'),
    typeIs(resource, 'transaction-response'),
    typeIs(resource, 'history'),
  );
  return all(nav(self(scope), 'entry'), (entry) =>
    equals([exists(nav([entry], 'response'))], expected === undefined ? [] : [expected]),
  );
}

// bdl-5 (on Bundle.entry): resource.exists() or request.exists() or response.exists()
function bdl5(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(exists(nav(node, 'resource')), exists(nav(node, 'request')), exists(nav(node, 'response')));
}

// bdl-7: (type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()
function bdl7(scope: InvariantScope): Tri {
  const node = self(scope);
  const keys = where(nav(node, 'entry'), (entry) => exists(nav([entry], 'fullUrl'))).map((entry) =>
    concat(nav([entry], 'fullUrl'), path([entry], 'resource', 'meta', 'versionId')),
  );
  return or(typeIs(node, 'history'), isDistinct(keys));
}

// bdl-8 (on Bundle.entry): fullUrl.contains('/_history/').not()
function bdl8(scope: InvariantScope): Tri {
  return not(contains(nav(self(scope), 'fullUrl'), '/_history/'));
}

// bdl-9: type = 'document' implies (identifier.system.exists() and identifier.value.exists())
function bdl9(scope: InvariantScope): Tri {
  const node = self(scope);
  const identifier = nav(node, 'identifier');
  return implies(typeIs(node, 'document'), and(exists(nav(identifier, 'system')), exists(nav(identifier, 'value'))));
}

// bdl-10: type = 'document' implies (timestamp.hasValue())
function bdl10(scope: InvariantScope): Tri {
  const node = self(scope);
  return implies(typeIs(node, 'document'), hasValue(nav(node, 'timestamp')));
}

// bdl-11: type = 'document' implies entry.first().resource.is(Composition)
function bdl11(scope: InvariantScope): Tri {
  const node = self(scope);
  const first = nav(nav(node, 'entry').slice(0, 1), 'resource');
  return implies(typeIs(node, 'document'), isResourceType(first, 'Composition'));
}

// bdl-12: type = 'message' implies entry.first().resource.is(MessageHeader)
function bdl12(scope: InvariantScope): Tri {
  const node = self(scope);
  const first = nav(nav(node, 'entry').slice(0, 1), 'resource');
  return implies(typeIs(node, 'message'), isResourceType(first, 'MessageHeader'));
}

/** Ports of the FHIR R4 Bundle invariants. */
export const BUNDLE_PORTS: readonly Port[] = [
  { keys: ['bdl-1'], expression: "total.empty() or (type = 'searchset') or (type = 'history')", evaluate: bdl1 },
  { keys: ['bdl-2'], expression: "entry.search.empty() or (type = 'searchset')", evaluate: bdl2 },
  {
    keys: ['bdl-3'],
    expression:
      "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))",
    evaluate: bdl3,
  },
  {
    keys: ['bdl-4'],
    expression:
      "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))",
    evaluate: bdl4,
  },
  { keys: ['bdl-5'], expression: 'resource.exists() or request.exists() or response.exists()', evaluate: bdl5 },
  {
    keys: ['bdl-7'],
    expression:
      "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()",
    evaluate: bdl7,
  },
  { keys: ['bdl-8'], expression: "fullUrl.contains('/_history/').not()", evaluate: bdl8 },
  {
    keys: ['bdl-9'],
    expression: "type = 'document' implies (identifier.system.exists() and identifier.value.exists())",
    evaluate: bdl9,
  },
  { keys: ['bdl-10'], expression: "type = 'document' implies (timestamp.hasValue())", evaluate: bdl10 },
  {
    keys: ['bdl-11'],
    expression: "type = 'document' implies entry.first().resource.is(Composition)",
    evaluate: bdl11,
  },
  {
    keys: ['bdl-12'],
    expression: "type = 'message' implies entry.first().resource.is(MessageHeader)",
    evaluate: bdl12,
  },
];
