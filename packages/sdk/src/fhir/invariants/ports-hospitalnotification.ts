// SPDX-License-Identifier: MIT
// Invariants of MedCom HospitalNotification 3.0.2 (and medcom-careCommunication-2, which has the same expression as
// medcom-hospitalNotification-2).
import {
  OPEN_TYPES,
  all,
  choice,
  equals,
  exists,
  isResourceType,
  nav,
  notEquals,
  ofResourceType,
  or,
  path,
  where,
  type Tri,
} from './fhirpath-lite.js';
import { conformsTo, memberOf, self, typePrefix, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

// medcom-hospitalNotification-1: entry.ofType(MessageHeader).all(resource.conformsTo('…'))
// medcom-hospitalNotification-3: entry.ofType(Provenance).all(resource.activity.memberOf('…'))
//
// As in medcom-messaging-1/-3 of messaging 2.1.0, `entry` is never a MessageHeader or a Provenance, so these
// cannot fail as written (and they name the older `http://medcomfhir.dk/fhir/…` canonicals).
function hospitalNotification1(scope: InvariantScope): Tri {
  const url =
    'http://medcomfhir.dk/fhir/hospitalnotification/StructureDefinition/medcom-hospitalNotification-messageHeader';
  const headers = ofResourceType(nav(self(scope), 'entry'), 'MessageHeader');
  return all(headers, (entry) => conformsTo(scope, nav([entry], 'resource'), url));
}

function hospitalNotification3(scope: InvariantScope): Tri {
  const url = 'http://medcomfhir.dk/fhir/dk-medcom-terminology/ValueSet/medcom-hospitalNotification-messageActivities';
  const provenances = ofResourceType(nav(self(scope), 'entry'), 'Provenance');
  return all(provenances, (entry) => memberOf(scope, path([entry], 'resource', 'activity'), url));
}

// medcom-hospitalNotification-2, medcom-careCommunication-2: entry.where(resource.is(Patient)).count() = 1
function onePatient(scope: InvariantScope): Tri {
  const patients = where(nav(self(scope), 'entry'), (entry) => isResourceType(nav([entry], 'resource'), 'Patient'));
  return equals([patients.length], [1]);
}

// medcom-hospitalNotification-4: entry.resource.ofType(Patient).identifier.system = 'urn:oid:1.2.208.176.1.2'
function hospitalNotification4(scope: InvariantScope): Tri {
  const patients = ofResourceType(path(self(scope), 'entry', 'resource'), 'Patient');
  return equals(path(patients, 'identifier', 'system'), ['urn:oid:1.2.208.176.1.2']);
}

// medcom-hospitalNotification-5:
// Bundle.entry.resource.ofType(MessageHeader).destination.extension.value.code = 'primary'
function hospitalNotification5(scope: InvariantScope): Tri {
  const headers = ofResourceType(path(typePrefix(scope, 'Bundle'), 'entry', 'resource'), 'MessageHeader');
  const values = choice(path(headers, 'destination', 'extension'), 'value', OPEN_TYPES);
  return equals(nav(values, 'code'), ['primary']);
}

// medcom-hospitalNotification-6 (on Encounter):
// where(status = 'onleave').extension.value.start.exists() or status != 'onleave'
function hospitalNotification6(scope: InvariantScope): Tri {
  const node = self(scope);
  const onLeave = where(node, (encounter) => equals(nav([encounter], 'status'), ['onleave']));
  const starts = nav(choice(nav(onLeave, 'extension'), 'value', OPEN_TYPES), 'start');
  return or(exists(starts), notEquals(nav(node, 'status'), ['onleave']));
}

/** Ports of the HospitalNotification invariants. */
export const HOSPITALNOTIFICATION_PORTS: readonly Port[] = [
  {
    keys: ['medcom-hospitalNotification-1'],
    expression:
      "entry.ofType(MessageHeader).all(resource.conformsTo('http://medcomfhir.dk/fhir/hospitalnotification/StructureDefinition/medcom-hospitalNotification-messageHeader'))",
    evaluate: hospitalNotification1,
  },
  {
    keys: ['medcom-hospitalNotification-2', 'medcom-careCommunication-2'],
    expression: 'entry.where(resource.is(Patient)).count() = 1',
    evaluate: onePatient,
  },
  {
    keys: ['medcom-hospitalNotification-3'],
    expression:
      "entry.ofType(Provenance).all(resource.activity.memberOf('http://medcomfhir.dk/fhir/dk-medcom-terminology/ValueSet/medcom-hospitalNotification-messageActivities'))",
    evaluate: hospitalNotification3,
  },
  {
    keys: ['medcom-hospitalNotification-4'],
    expression: "entry.resource.ofType(Patient).identifier.system = 'urn:oid:1.2.208.176.1.2'",
    evaluate: hospitalNotification4,
  },
  {
    keys: ['medcom-hospitalNotification-5'],
    expression: "Bundle.entry.resource.ofType(MessageHeader).destination.extension.value.code = 'primary'",
    evaluate: hospitalNotification5,
  },
  {
    keys: ['medcom-hospitalNotification-6'],
    expression: "where(status = 'onleave').extension.value.start.exists() or status != 'onleave'",
    evaluate: hospitalNotification6,
  },
];
