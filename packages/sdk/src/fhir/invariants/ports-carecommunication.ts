// SPDX-License-Identifier: MIT
// Invariants of MedCom CareCommunication 5.0.2 (medcom-careCommunication-2 is in ports-hospitalnotification.ts).
import {
  OPEN_TYPES,
  all,
  and,
  choice,
  empty,
  equals,
  exists,
  extension,
  fhirRegex,
  iif,
  matches,
  nav,
  not,
  notEquals,
  ofResourceType,
  or,
  path,
  startsWith,
  where,
  xor,
  type Tri,
} from './fhirpath-lite.js';
import { resolve, self, typePrefix, type Port } from './port.js';
import type { InvariantScope } from './scope.js';

const PRACTITIONER_EXTENSION = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension';

function entryResources(scope: InvariantScope, resourceType: string): unknown[] {
  return ofResourceType(path(self(scope), 'entry', 'resource'), resourceType);
}

// medcom-careCommunication-1: entry[0].resource.ofType(MessageHeader).meta.profile.startsWith('…messageHeader')
function careCommunication1(scope: InvariantScope): Tri {
  const first = ofResourceType(nav(nav(self(scope), 'entry').slice(0, 1), 'resource'), 'MessageHeader');
  return startsWith(
    path(first, 'meta', 'profile'),
    'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader',
  );
}

// medcom-careCommunication-3: entry.resource.ofType(Provenance).all(meta.profile.startsWith('…provenance'))
function careCommunication3(scope: InvariantScope): Tri {
  return all(entryResources(scope, 'Provenance'), (provenance) =>
    startsWith(
      path([provenance], 'meta', 'profile'),
      'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-provenance',
    ),
  );
}

// medcom-careCommunication-4: entry.resource.ofType(Practitioner).name.exists()
function careCommunication4(scope: InvariantScope): Tri {
  return exists(nav(entryResources(scope, 'Practitioner'), 'name'));
}

// medcom-careCommunication-5 (on Communication): where(category.coding.code != 'regarding-referral').priority.empty()
function careCommunication5(scope: InvariantScope): Tri {
  const selected = where(self(scope), (communication) =>
    notEquals(path([communication], 'category', 'coding', 'code'), ['regarding-referral']),
  );
  return empty(nav(selected, 'priority'));
}

// medcom-careCommunication-6 (on Communication):
// iif(category.coding.code != 'other', true, category.coding.code = 'other' and topic.exists())
function careCommunication6(scope: InvariantScope): Tri {
  const node = self(scope);
  const codes = path(node, 'category', 'coding', 'code');
  return iif(
    notEquals(codes, ['other']),
    () => true,
    () => and(equals(codes, ['other']), exists(nav(node, 'topic'))),
  );
}

// medcom-careCommunication-7 (on Communication): payload.extension('…practitioner-extension').value.resolve()
// .all(code.coding.code.exists() xor code.text.exists())
function careCommunication7(scope: InvariantScope): Tri {
  const values = choice(extension(nav(self(scope), 'payload'), PRACTITIONER_EXTENSION), 'value', OPEN_TYPES);
  return all(resolve(scope, values), (resource) => {
    const code = nav([resource], 'code');
    return xor(exists(path(code, 'coding', 'code')), exists(nav(code, 'text')));
  });
}

// medcom-careCommunication-8 (on Communication): payload.where(extension('…practitioner-extension').exists())
// .extension.value.reference.resolve().practitioner.resolve().name.exists()
function careCommunication8(scope: InvariantScope): Tri {
  const payloads = where(nav(self(scope), 'payload'), (payload) =>
    exists(extension([payload], PRACTITIONER_EXTENSION)),
  );
  const references = nav(choice(nav(payloads, 'extension'), 'value', OPEN_TYPES), 'reference');
  const practitioners = resolve(scope, nav(resolve(scope, references), 'practitioner'));
  return exists(nav(practitioners, 'name'));
}

// medcom-careCommunication-9 (on Communication):
// iif(encounter.exists().not(), true, encounter.reference.resolve().episodeOfCare.identifier.exists())
function careCommunication9(scope: InvariantScope): Tri {
  const encounter = nav(self(scope), 'encounter');
  return iif(
    not(exists(encounter)),
    () => true,
    () => exists(path(resolve(scope, nav(encounter, 'reference')), 'episodeOfCare', 'identifier')),
  );
}

// medcom-careCommunication-11:
// Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().managingOrganization.reference
// .resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve()
// or Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().organization.reference.resolve()
// = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve()
// or Bundle.entry.resource.ofType(Communication).extension.exists().not()
function careCommunication11(scope: InvariantScope): Tri {
  const communications = ofResourceType(path(typePrefix(scope, 'Bundle'), 'entry', 'resource'), 'Communication');
  const authors = resolve(scope, nav(choice(nav(communications, 'extension'), 'value', OPEN_TYPES), 'reference'));
  const headers = ofResourceType(path([scope.resource], 'entry', 'resource'), 'MessageHeader');
  const sender = resolve(scope, path(headers, 'sender', 'reference'));
  return or(
    equals(resolve(scope, path(authors, 'managingOrganization', 'reference')), sender),
    equals(resolve(scope, path(authors, 'organization', 'reference')), sender),
    not(exists(nav(communications, 'extension'))),
  );
}

// medcom-careCommunication-12:
// Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().managingOrganization.reference.resolve()
// = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve()
// or Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().organization.reference.resolve()
// = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve()
// or Bundle.entry.resource.ofType(Communication).recipient.exists().not()
function careCommunication12(scope: InvariantScope): Tri {
  const communications = ofResourceType(path(typePrefix(scope, 'Bundle'), 'entry', 'resource'), 'Communication');
  const recipients = resolve(scope, path(communications, 'recipient', 'reference'));
  const headers = ofResourceType(path([scope.resource], 'entry', 'resource'), 'MessageHeader');
  const receiver = resolve(scope, path(headers, 'destination', 'receiver', 'reference'));
  return or(
    equals(resolve(scope, path(recipients, 'managingOrganization', 'reference')), receiver),
    equals(resolve(scope, path(recipients, 'organization', 'reference')), receiver),
    not(exists(nav(communications, 'recipient'))),
  );
}

// medcom-careCommunication-13: Bundle.entry.resource.ofType(PractitionerRole).practitioner.reference.exists()
function careCommunication13(scope: InvariantScope): Tri {
  const roles = ofResourceType(path(typePrefix(scope, 'Bundle'), 'entry', 'resource'), 'PractitionerRole');
  return exists(path(roles, 'practitioner', 'reference'));
}

// medcom-careCommunication-15 (on Communication):
// iif(encounter.exists(), Communication.encounter.reference.exists(), Communication.encounter.exists().not())
function careCommunication15(scope: InvariantScope): Tri {
  const prefixed = nav(typePrefix(scope, 'Communication'), 'encounter');
  return iif(
    exists(nav(self(scope), 'encounter')),
    () => exists(nav(prefixed, 'reference')),
    () => not(exists(prefixed)),
  );
}

// medcom-carecommunication-definition-url (on MessageHeader.definition). The `|` is not escaped, so the pattern is
// either alternative: a URL that starts with the MessageDefinition, or anything that ends in 5.x (medcom.md §9).
const CARECOMMUNICATION_DEFINITION = fhirRegex(
  '^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5[.][0-9]{1,2}$',
);

/** Ports of the CareCommunication invariants. */
export const CARECOMMUNICATION_PORTS: readonly Port[] = [
  {
    keys: ['medcom-careCommunication-1'],
    expression:
      "entry[0].resource.ofType(MessageHeader).meta.profile.startsWith('http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader')",
    evaluate: careCommunication1,
  },
  {
    keys: ['medcom-careCommunication-3'],
    expression:
      "entry.resource.ofType(Provenance).all(meta.profile.startsWith('http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-provenance'))",
    evaluate: careCommunication3,
  },
  {
    keys: ['medcom-careCommunication-4'],
    expression: 'entry.resource.ofType(Practitioner).name.exists()',
    evaluate: careCommunication4,
  },
  {
    keys: ['medcom-careCommunication-5'],
    expression: "where(category.coding.code != 'regarding-referral').priority.empty()",
    evaluate: careCommunication5,
  },
  {
    keys: ['medcom-careCommunication-6'],
    expression: "iif(category.coding.code != 'other', true, category.coding.code = 'other' and topic.exists())",
    evaluate: careCommunication6,
  },
  {
    keys: ['medcom-careCommunication-7'],
    expression: `payload.extension('${PRACTITIONER_EXTENSION}').value.resolve().all(code.coding.code.exists() xor code.text.exists())`,
    evaluate: careCommunication7,
  },
  {
    keys: ['medcom-careCommunication-8'],
    expression: `payload.where(extension('${PRACTITIONER_EXTENSION}').exists()).extension.value.reference.resolve().practitioner.resolve().name.exists()`,
    evaluate: careCommunication8,
  },
  {
    keys: ['medcom-careCommunication-9'],
    expression: 'iif(encounter.exists().not(), true, encounter.reference.resolve().episodeOfCare.identifier.exists())',
    evaluate: careCommunication9,
  },
  {
    keys: ['medcom-careCommunication-11'],
    expression:
      'Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.exists().not()',
    evaluate: careCommunication11,
  },
  {
    keys: ['medcom-careCommunication-12'],
    expression:
      'Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.exists().not()',
    evaluate: careCommunication12,
  },
  {
    keys: ['medcom-careCommunication-13'],
    expression: 'Bundle.entry.resource.ofType(PractitionerRole).practitioner.reference.exists()',
    evaluate: careCommunication13,
  },
  {
    keys: ['medcom-careCommunication-15'],
    expression:
      'iif(encounter.exists(), Communication.encounter.reference.exists(), Communication.encounter.exists().not())',
    evaluate: careCommunication15,
  },
  {
    keys: ['medcom-carecommunication-definition-url'],
    expression:
      "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5[.][0-9]{1,2}$')",
    evaluate: (scope) => matches(self(scope), CARECOMMUNICATION_DEFINITION),
  },
];
