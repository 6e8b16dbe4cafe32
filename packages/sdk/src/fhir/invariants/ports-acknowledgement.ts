// SPDX-License-Identifier: MIT
// Invariants of MedCom Acknowledgement 2.0.3.
import { and, equals, exists, iif, notEquals, ofResourceType, path, type Tri } from './fhirpath-lite.js';
import { conformsTo, self, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

// medcom-acknowledgement-1: iif(entry.resource.ofType(MessageHeader).response.code = 'ok', true,
// entry.resource.ofType(MessageHeader).response.code != 'ok' and entry.resource.ofType(OperationOutcome).exists())
function acknowledgement1(scope: InvariantScope): Tri {
  const resources = path(self(scope), 'entry', 'resource');
  const codes = path(ofResourceType(resources, 'MessageHeader'), 'response', 'code');
  return iif(
    equals(codes, ['ok']),
    () => true,
    () => and(notEquals(codes, ['ok']), exists(ofResourceType(resources, 'OperationOutcome'))),
  );
}

// medcom-acknowledgement-2: entry.resource.ofType(MessageHeader).conformsTo('…medcom-messaging-acknowledgementHeader')
function acknowledgement2(scope: InvariantScope): Tri {
  const headers = ofResourceType(path(self(scope), 'entry', 'resource'), 'MessageHeader');
  return conformsTo(
    scope,
    headers,
    'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader',
  );
}

/** Ports of the Acknowledgement invariants. */
export const ACKNOWLEDGEMENT_PORTS: readonly Port[] = [
  {
    keys: ['medcom-acknowledgement-1'],
    expression:
      "iif(entry.resource.ofType(MessageHeader).response.code = 'ok', true, entry.resource.ofType(MessageHeader).response.code != 'ok' and entry.resource.ofType(OperationOutcome).exists())",
    evaluate: acknowledgement1,
  },
  {
    keys: ['medcom-acknowledgement-2'],
    expression:
      "entry.resource.ofType(MessageHeader).conformsTo('http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader')",
    evaluate: acknowledgement2,
  },
];
