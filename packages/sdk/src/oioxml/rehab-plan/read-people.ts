// SPDX-License-Identifier: MIT
// GGOP's people and parties: the common readers handle the children the rep.oio.dk letters share, and this
// module the ones GGOP adds (SignedBy, CoWriter, structured telephones, EmailAddressIdentifier, CoAddress).
import type { ReadContext } from '../common/context.js';
import { readFields, readParty } from '../common/party.js';
import { readPatient, readRelative, type Telephone } from '../common/patient.js';
import { children, text, type XmlElement } from '../read/tree.js';
import { indexed, single, without } from './elements.js';
import type { RehabContact, RehabGpCopy, RehabPatient, RehabPerson, RehabRelative, RehabSender } from './model.js';

/** Every child name that carries a way to reach someone. */
const REACH = ['TelephoneSubscriberIdentifier', 'TelephoneSubscriber', 'EmailAddressIdentifier', 'NoTelephoneReason'];

const PERSON_FIELDS = {
  identifier: 'Identifier',
  identifierCode: 'IdentifierCode',
  givenName: 'PersonGivenName',
  surname: 'PersonSurnameName',
  title: 'PersonTitle',
  organisationName: 'OrganisationName',
  departmentName: 'DepartmentName',
  unitName: 'UnitName',
} as const;

const CONTACT_FIELDS = {
  eanIdentifier: 'EANIdentifier',
  identifier: 'Identifier',
  identifierCode: 'IdentifierCode',
  organisationName: 'OrganisationName',
  departmentName: 'DepartmentName',
  unitName: 'UnitName',
  streetName: 'StreetName',
  suburbName: 'SuburbName',
  districtName: 'DistrictName',
  postCodeIdentifier: 'PostCodeIdentifier',
} as const;

const CO_ADDRESS_FIELDS = {
  surname: 'PersonSurnameName',
  givenName: 'PersonGivenName',
  streetName: 'StreetName',
  suburbName: 'SuburbName',
  districtName: 'DistrictName',
  postCodeIdentifier: 'PostCodeIdentifier',
} as const;

interface Reach {
  telephones: Telephone[];
  email?: string;
  noTelephoneReason?: string;
}

/** Telephones (bare numbers first, without a code), email and no-telephone reason of `element`. */
function readReach(element: XmlElement, path: string, context: ReadContext): Reach {
  const telephones: Telephone[] = [];
  for (const bare of children(element, 'TelephoneSubscriberIdentifier')) {
    const number = text(bare);
    if (number !== undefined) telephones.push({ number });
  }
  children(element, 'TelephoneSubscriber').forEach((phone, i) => {
    context.keepUnknown(phone, indexed(path, 'TelephoneSubscriber', i), [
      'TelephoneSubscriberIdentifier',
      'TelephoneSubscriberCode',
    ]);
    const number = text(phone, 'TelephoneSubscriberIdentifier');
    const code = text(phone, 'TelephoneSubscriberCode');
    if (number !== undefined) telephones.push(code === undefined ? { number } : { number, code });
  });
  const reach: Reach = { telephones };
  const email = text(single(element, 'EmailAddressIdentifier', path, context));
  const reason = text(single(element, 'NoTelephoneReason', path, context));
  if (email !== undefined) reach.email = email;
  if (reason !== undefined) reach.noTelephoneReason = reason;
  return reach;
}

/** Reads a person (`SignedBy`, `CoWriter`, `Member`). */
export function readPerson(element: XmlElement, path: string, context: ReadContext): RehabPerson {
  context.keepUnknown(element, path, [...Object.values(PERSON_FIELDS), ...REACH]);
  return { ...readFields(element, PERSON_FIELDS), ...readReach(element, path, context) };
}

function readPeople(parent: XmlElement, name: string, path: string, context: ReadContext): RehabPerson[] {
  return children(parent, name).map((person, i) => readPerson(person, indexed(path, name, i), context));
}

/** Reads `Sender` with its signers and co-writers. */
export function readSender(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabSender | undefined {
  if (!element) return undefined;
  const party = readParty(without(element, ['SignedBy', 'CoWriter']), path, context) ?? {};
  return {
    ...party,
    signedBy: readPeople(element, 'SignedBy', path, context),
    coWriters: readPeople(element, 'CoWriter', path, context),
  };
}

/** Reads `GPCCReceiver`: a `CCReceiver` or `Deselected`. */
export function readGpCopy(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabGpCopy | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, ['CCReceiver', 'Deselected']);
  const receiver = single(element, 'CCReceiver', path, context);
  const deselected = single(element, 'Deselected', path, context);
  if (receiver) {
    if (deselected) context.warn(path, 'Both a copy receiver and Deselected: the copy receiver is shown');
    return { kind: 'receiver', receiver: readParty(receiver, `${path}/CCReceiver`, context) ?? {} };
  }
  if (!deselected) return undefined;
  context.keepUnknown(deselected, `${path}/Deselected`, []);
  const note = text(deselected);
  return note === undefined ? { kind: 'deselected' } : { kind: 'deselected', text: note };
}

/** Reads `Patient`, including GGOP's `Occupation`, `EmailAddressIdentifier`, `NoTelephoneReason` and `CoAddress`. */
export function readRehabPatient(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabPatient | undefined {
  if (!element) return undefined;
  const own = ['Occupation', 'CoAddress', ...REACH];
  const patient: RehabPatient = readPatient(without(element, own), path, context) ?? { telephones: [] };
  const reach = readReach(element, path, context);
  const occupation = text(single(element, 'Occupation', path, context));
  if (occupation !== undefined) patient.occupancy ??= occupation;
  if (reach.email !== undefined) patient.email ??= reach.email;
  if (reach.noTelephoneReason !== undefined) patient.noTelephoneReason = reach.noTelephoneReason;
  patient.telephones = reach.telephones;
  const coAddress = single(element, 'CoAddress', path, context);
  if (coAddress) {
    context.keepUnknown(coAddress, `${path}/CoAddress`, Object.values(CO_ADDRESS_FIELDS));
    patient.coAddress = readFields(coAddress, CO_ADDRESS_FIELDS);
  }
  return patient;
}

/** Reads a `Relative`, with all its telephones and its email. */
export function readRehabRelative(element: XmlElement, path: string, context: ReadContext): RehabRelative {
  return { ...readRelative(without(element, REACH), path, context), ...readReach(element, path, context) };
}

/** Reads `ContactCounty` or `ContactMunicipality`. */
export function readContact(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): RehabContact | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, [...Object.values(CONTACT_FIELDS), ...REACH]);
  return { ...readFields(element, CONTACT_FIELDS), ...readReach(element, path, context) };
}
