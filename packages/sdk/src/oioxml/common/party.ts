// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { child, text, type XmlElement } from '../read/tree.js';
import type { ReadContext } from './context.js';

/**
 * The person who signs a referral (`Sender/Referrer`) or a contact person of a sender.
 * @category OIOXML
 */
export const PartyPerson = /* @__PURE__ */ z.object({
  identifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  identifierCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  organisationName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  departmentName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  unitName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  personName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  personTitle: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type PartyPerson = z.infer<typeof PartyPerson>;

/**
 * A sender, receiver, copy receiver or answer-copy receiver of a letter. Code values (`identifierCode`,
 * `medicalSpecialityCode`) are kept as written, since MedCom's lists drift between namespaces.
 * @category OIOXML
 */
export const Party = /* @__PURE__ */ z.object({
  /** EAN/GLN location number (`EANIdentifier`). */
  eanIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  identifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `sygehusafdelingsnummer`, `ydernummer`, `lokationsnummer`, `kommunenummer`, `sorkode`, … */
  identifierCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  organisationName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  departmentName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  unitName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  streetName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  suburbName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  districtName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  postCodeIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  telephone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  medicalSpecialityCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  contact: /* @__PURE__ */ z.optional(PartyPerson),
  referrer: /* @__PURE__ */ z.optional(PartyPerson),
});
export type Party = z.infer<typeof Party>;

const PARTY_FIELDS = {
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
  telephone: 'TelephoneSubscriberIdentifier',
  medicalSpecialityCode: 'MedicalSpecialityCode',
} as const;

const PERSON_FIELDS = {
  identifier: 'Identifier',
  identifierCode: 'IdentifierCode',
  organisationName: 'OrganisationName',
  departmentName: 'DepartmentName',
  unitName: 'UnitName',
  personName: 'PersonName',
  personTitle: 'PersonTitle',
} as const;

/** Copies the text of each named child into a plain object, leaving absent ones out. */
export function readFields<K extends string>(
  element: XmlElement | undefined,
  fields: Readonly<Record<K, string>>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, name] of Object.entries(fields) as [K, string][]) {
    const value = text(element, name);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readPerson(element: XmlElement | undefined, path: string, context: ReadContext): PartyPerson | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, Object.values(PERSON_FIELDS));
  return readFields(element, PERSON_FIELDS);
}

/** Reads a party element (`Sender`, `Receiver`, `CCReceiver`, `AnswerCCReceiver`). */
export function readParty(element: XmlElement | undefined, path: string, context: ReadContext): Party | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, [...Object.values(PARTY_FIELDS), 'Contact', 'Referrer']);
  const party: Party = readFields(element, PARTY_FIELDS);
  const contact = readPerson(child(element, 'Contact'), `${path}/Contact`, context);
  const referrer = readPerson(child(element, 'Referrer'), `${path}/Referrer`, context);
  if (contact) party.contact = contact;
  if (referrer) party.referrer = referrer;
  return party;
}
