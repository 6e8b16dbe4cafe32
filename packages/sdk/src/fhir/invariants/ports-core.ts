// SPDX-License-Identifier: MIT
// Invariants of the Danish core profiles (dk-core, inherited by the MedCom snapshots) and of MedCom core: identifier
// formats, units, organisation identifiers, contact points and practitioner roles. The CPR, eCPR and SOR rules only
// appear in medcom.fhir.dk.core 4.0.0, which no pinned standard uses yet.
import {
  OBSERVATION_VALUE_TYPES,
  and,
  choiceTyped,
  empty,
  equals,
  exists,
  fhirRegex,
  implies,
  matches,
  nav,
  ofChoiceType,
  or,
  path,
  where,
  xor,
  type Tri,
} from './fhirpath-lite.js';
import { self, valueOfThis, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

// dk-core-observation-mandatory-units: value.ofType(Quantity).value.exists() implies
// value.ofType(Quantity).unit.exists() or value.ofType(Quantity).code.exists()
function observationUnits(scope: InvariantScope): Tri {
  const quantity = ofChoiceType(choiceTyped(self(scope), 'value', OBSERVATION_VALUE_TYPES), 'Quantity');
  return implies(exists(nav(quantity, 'value')), or(exists(nav(quantity, 'unit')), exists(nav(quantity, 'code'))));
}

// dk-core-organization-mandatory-identifier: identifier.where(system='urn:oid:1.2.208.176.1.1' or
// system='https://kombit.dk/sts/organisation' or system='urn:oid:2.16.840.1.113883.2.24.1.1').exists()
function organizationIdentifier(scope: InvariantScope): Tri {
  const systems = [
    'urn:oid:1.2.208.176.1.1',
    'https://kombit.dk/sts/organisation',
    'urn:oid:2.16.840.1.113883.2.24.1.1',
  ];
  return exists(
    where(nav(self(scope), 'identifier'), (identifier) =>
      or(...systems.map((system) => equals(nav([identifier], 'system'), [system]))),
    ),
  );
}

// marital-status-unknown-usage: maritalStatus.coding.where(code = 'P' and system = '…v3-MaritalStatus').empty() or
// maritalStatus.coding.where(code = 'A' and system = '…v3-MaritalStatus').empty()
function maritalStatusUnknown(scope: InvariantScope): Tri {
  const system = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus';
  const codings = path(self(scope), 'maritalStatus', 'coding');
  const withCode = (code: string): unknown[] =>
    where(codings, (coding) => and(equals(nav([coding], 'code'), [code]), equals(nav([coding], 'system'), [system])));
  return or(empty(withCode('P')), empty(withCode('A')));
}

const DATE_PART =
  '((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))';
const CPR = fhirRegex(`^${DATE_PART}[0-9]{6})$`);
const D_ECPR = fhirRegex(`^${DATE_PART}([0-9]{2})((0|5|6){1})([A-Z]{2})([0-9]{1}))$`);
const X_ECPR = fhirRegex(`^${DATE_PART}([0-9]{2})((1|7){1})([A-Z]{2})([0-9]{1}))$`);
const SOR = fhirRegex('^([0-9]){11,}$');
const CONTACT = fhirRegex('[+]?[-0-9]');
const UUID_V4 = fhirRegex('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}');
const UUID_V5 = fhirRegex(
  'urn:uuid:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[5][a-fA-F0-9]{3}-[89aAbB][a-fA-F0-9]{3}-[a-fA-F0-9]{12}',
);

// medcom-core-practitionerrole-code-xor-text: code.exists() implies
// (code.coding.where(system.exists() and code.exists()).exists() xor code.text.exists())
function practitionerRoleCodeXorText(scope: InvariantScope): Tri {
  const code = nav(self(scope), 'code');
  const coded = where(nav(code, 'coding'), (coding) =>
    and(exists(nav([coding], 'system')), exists(nav([coding], 'code'))),
  );
  return implies(exists(code), xor(exists(coded), exists(nav(code, 'text'))));
}

/** Ports of the dk-core and MedCom core invariants. */
export const CORE_PORTS: readonly Port[] = [
  {
    keys: ['dk-core-observation-mandatory-units'],
    expression:
      'value.ofType(Quantity).value.exists() implies value.ofType(Quantity).unit.exists() or value.ofType(Quantity).code.exists()',
    evaluate: observationUnits,
  },
  {
    keys: ['dk-core-organization-mandatory-identifier'],
    expression:
      "identifier.where(system='urn:oid:1.2.208.176.1.1' or system='https://kombit.dk/sts/organisation' or system='urn:oid:2.16.840.1.113883.2.24.1.1').exists()",
    evaluate: organizationIdentifier,
  },
  {
    keys: ['marital-status-unknown-usage'],
    expression:
      "maritalStatus.coding.where(code = 'P' and system = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus').empty() or maritalStatus.coding.where(code = 'A' and system = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus').empty()",
    evaluate: maritalStatusUnknown,
  },
  {
    keys: ['cpr'],
    expression: `matches('^${DATE_PART}[0-9]{6})$')`,
    evaluate: (scope) => matches(self(scope), CPR),
  },
  {
    keys: ['d-ecpr'],
    expression: `value.matches('^${DATE_PART}([0-9]{2})((0|5|6){1})([A-Z]{2})([0-9]{1}))$')`,
    evaluate: (scope) => matches(valueOfThis(scope), D_ECPR),
  },
  {
    keys: ['x-ecpr'],
    expression: `value.matches('^${DATE_PART}([0-9]{2})((1|7){1})([A-Z]{2})([0-9]{1}))$')`,
    evaluate: (scope) => matches(valueOfThis(scope), X_ECPR),
  },
  { keys: ['min-digits-sor'], expression: "matches('^([0-9]){11,}$')", evaluate: (scope) => matches(self(scope), SOR) },
  {
    keys: ['medcom-core-contact'],
    expression: "matches('[+]?[-0-9]')",
    evaluate: (scope) => matches(self(scope), CONTACT),
  },
  {
    keys: ['medcom-uuidv4'],
    expression: "value.matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
    evaluate: (scope) => matches(valueOfThis(scope), UUID_V4),
  },
  {
    keys: ['medcom-uuidv4'],
    expression: "matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
    evaluate: (scope) => matches(self(scope), UUID_V4),
  },
  {
    keys: ['uuidv5'],
    expression:
      "value.matches('urn:uuid:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[5][a-fA-F0-9]{3}-[89aAbB][a-fA-F0-9]{3}-[a-fA-F0-9]{12}')",
    evaluate: (scope) => matches(valueOfThis(scope), UUID_V5),
  },
  {
    keys: ['uuidv5'],
    expression:
      "matches('urn:uuid:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[5][a-fA-F0-9]{3}-[89aAbB][a-fA-F0-9]{3}-[a-fA-F0-9]{12}')",
    evaluate: (scope) => matches(self(scope), UUID_V5),
  },
  {
    keys: ['medcom-core-practitionerrole-code-xor-text'],
    expression:
      'code.exists() implies (code.coding.where(system.exists() and code.exists()).exists() xor code.text.exists())',
    evaluate: practitionerRoleCodeXorText,
  },
];
