// SPDX-License-Identifier: MIT
// Invariants of MedCom HomeCareObservation 1.2.1, and the report-author rules of MedCom core's DiagnosticReport and
// Media that HomeCareObservation builds on.
import {
  all,
  equals,
  exists,
  fhirRegex,
  matches,
  nav,
  ofResourceType,
  path,
  where,
  type Tri,
} from './fhirpath-lite.js';
import { conformsTo, memberOf, resolve, self, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

// medcom-homecareObsMessage-1:
// entry[0].resource.conformsTo('http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-messageheader')
function homecareObsMessage1(scope: InvariantScope): Tri {
  const first = nav(nav(self(scope), 'entry').slice(0, 1), 'resource');
  return conformsTo(
    scope,
    first,
    'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-messageheader',
  );
}

// medcom-homecareObsMessage-2: entry.resource.ofType(Provenance)
// .all(activity.memberOf('http://medcomfhir.dk/ig/terminology/ValueSet/medcom-HomeCareObservation-messagingActivities'))
function homecareObsMessage2(scope: InvariantScope): Tri {
  const provenances = ofResourceType(path(self(scope), 'entry', 'resource'), 'Provenance');
  return all(provenances, (provenance) =>
    memberOf(
      scope,
      nav([provenance], 'activity'),
      'http://medcomfhir.dk/ig/terminology/ValueSet/medcom-HomeCareObservation-messagingActivities',
    ),
  );
}

// medcom-homecareReport-3 (on DiagnosticReport.performer):
// reference.resolve().practitioner.resolve().telecom.where(system = 'phone').exists()
function homecareReport3(scope: InvariantScope): Tri {
  const practitioners = resolve(scope, nav(resolve(scope, nav(self(scope), 'reference')), 'practitioner'));
  return exists(where(nav(practitioners, 'telecom'), (telecom) => equals(nav([telecom], 'system'), ['phone'])));
}

// medcom-homecareReport-1, medcom-homecareReport-5 (on DiagnosticReport.performer, Media.operator):
// reference.resolve().code.coding.code.exists()
function authorRoleCode(scope: InvariantScope): Tri {
  return exists(path(resolve(scope, nav(self(scope), 'reference')), 'code', 'coding', 'code'));
}

// medcom-homecareReport-2, medcom-homecareReport-6 (on DiagnosticReport.performer, Media.operator):
// reference.resolve().practitioner.resolve().name.exists()
function authorName(scope: InvariantScope): Tri {
  const practitioners = resolve(scope, nav(resolve(scope, nav(self(scope), 'reference')), 'practitioner'));
  return exists(nav(practitioners, 'name'));
}

// medcom-hcobs-definition-url (on MessageHeader.definition): as medcom-carecommunication-definition-url, the `|` is
// not escaped, so either alternative matches (medcom.md §9).
const HOMECAREOBSERVATION_DEFINITION = fhirRegex(
  '^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1[.][0-9]{1,2}$',
);

/** Ports of the HomeCareObservation invariants. */
export const HOMECAREOBSERVATION_PORTS: readonly Port[] = [
  {
    keys: ['medcom-homecareObsMessage-1'],
    expression:
      "entry[0].resource.conformsTo('http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-messageheader')",
    evaluate: homecareObsMessage1,
  },
  {
    keys: ['medcom-homecareObsMessage-2'],
    expression:
      "entry.resource.ofType(Provenance).all(activity.memberOf('http://medcomfhir.dk/ig/terminology/ValueSet/medcom-HomeCareObservation-messagingActivities'))",
    evaluate: homecareObsMessage2,
  },
  {
    keys: ['medcom-homecareReport-3'],
    expression: "reference.resolve().practitioner.resolve().telecom.where(system = 'phone').exists()",
    evaluate: homecareReport3,
  },
  {
    keys: ['medcom-homecareReport-1', 'medcom-homecareReport-5'],
    expression: 'reference.resolve().code.coding.code.exists()',
    evaluate: authorRoleCode,
  },
  {
    keys: ['medcom-homecareReport-2', 'medcom-homecareReport-6'],
    expression: 'reference.resolve().practitioner.resolve().name.exists()',
    evaluate: authorName,
  },
  {
    keys: ['medcom-hcobs-definition-url'],
    expression:
      "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1[.][0-9]{1,2}$')",
    evaluate: (scope) => matches(self(scope), HOMECAREOBSERVATION_DEFINITION),
  },
];
