// SPDX-License-Identifier: MIT
// Invariants of MedCom Messaging (2.1.0, 3.0.0, 4.0.2) and MedCom MessageDefinitions.
import {
  all,
  exists,
  extension,
  fhirRegex,
  matches,
  nav,
  ofResourceType,
  or,
  path,
  type Tri,
} from './fhirpath-lite.js';
import { conformsTo, self, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

// medcom-messaging-1 (messaging 2.1.0): entry.ofType(MessageHeader).all(resource.conformsTo('…'))
// medcom-messaging-3 (messaging 2.1.0): entry.ofType(Provenance).all(resource.conformsTo('…'))
//
// `entry` holds Bundle.entry elements, which are never a MessageHeader or a Provenance, so in a valid Bundle
// `ofType()` is empty and `all()` of nothing is true: as written, these invariants cannot fail (medcom.md §9).
function messaging1Legacy(scope: InvariantScope): Tri {
  const url = 'http://medcomfhir.dk/fhir/messaging/StructureDefinition/medcom-messaging-messageHeader';
  const headers = ofResourceType(nav(self(scope), 'entry'), 'MessageHeader');
  return all(headers, (entry) => conformsTo(scope, nav([entry], 'resource'), url));
}

function messaging3(scope: InvariantScope): Tri {
  const url = 'http://medcomfhir.dk/fhir/messaging/StructureDefinition/medcom-messaging-provenance';
  const provenances = ofResourceType(nav(self(scope), 'entry'), 'Provenance');
  return all(provenances, (entry) => conformsTo(scope, nav([entry], 'resource'), url));
}

// medcom-messaging-1 (messaging 3.0.0, HomeCareObservation):
// entry[0].resource.conformsTo('http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader')
function messaging1(scope: InvariantScope): Tri {
  const first = nav(nav(self(scope), 'entry').slice(0, 1), 'resource');
  return conformsTo(
    scope,
    first,
    'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader',
  );
}

// medcom-messaging-2: entry.resource.ofType(Provenance).exists()
function messaging2(scope: InvariantScope): Tri {
  return exists(ofResourceType(path(self(scope), 'entry', 'resource'), 'Provenance'));
}

// medcom-homecareObservation-4 (on Organization.contact):
// name.exists() or extension('http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()
function contactName(scope: InvariantScope): Tri {
  const node = self(scope);
  return or(
    exists(nav(node, 'name')),
    exists(extension(node, 'http://hl7.org/fhir/StructureDefinition/data-absent-reason')),
  );
}

// NoSpacesRule (on MessageDefinition.name): matches('^[^\\s]+$'), i.e. the regex ^[^\s]+$. JavaScript's \s, like
// fhirpath.js's, also takes Unicode spaces such as U+00A0; Java's \s (the IG publisher) only ASCII whitespace.
const NO_SPACES = fhirRegex('^[^\\s]+$');

/** Ports of the MedCom Messaging and MessageDefinition invariants. */
export const MESSAGING_PORTS: readonly Port[] = [
  {
    keys: ['medcom-messaging-1'],
    expression:
      "entry.ofType(MessageHeader).all(resource.conformsTo('http://medcomfhir.dk/fhir/messaging/StructureDefinition/medcom-messaging-messageHeader'))",
    evaluate: messaging1Legacy,
  },
  {
    keys: ['medcom-messaging-1'],
    expression:
      "entry[0].resource.conformsTo('http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader')",
    evaluate: messaging1,
  },
  { keys: ['medcom-messaging-2'], expression: 'entry.resource.ofType(Provenance).exists()', evaluate: messaging2 },
  {
    keys: ['medcom-messaging-3'],
    expression:
      "entry.ofType(Provenance).all(resource.conformsTo('http://medcomfhir.dk/fhir/messaging/StructureDefinition/medcom-messaging-provenance'))",
    evaluate: messaging3,
  },
  {
    keys: ['medcom-homecareObservation-4'],
    expression: "name.exists() or extension('http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()",
    evaluate: contactName,
  },
  {
    keys: ['NoSpacesRule'],
    expression: "matches('^[^\\\\s]+$')",
    evaluate: (scope) => matches(self(scope), NO_SPACES),
  },
];
