// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { children, text, type XmlElement } from '../read/tree.js';
import type { ReadContext } from './context.js';
import { readFields } from './party.js';

/**
 * A telephone number of the patient and its kind (`mobil`, `arbejde`, `fastnet`).
 * @category OIOXML
 */
export const Telephone = /* @__PURE__ */ z.object({
  number: /* @__PURE__ */ z.string(),
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type Telephone = z.infer<typeof Telephone>;

/**
 * The patient of a letter. `cpr` is the civil registration number (10 digits as written); letters for people
 * without one carry `alternativeIdentifier` instead.
 * @category OIOXML
 */
export const LetterPatient = /* @__PURE__ */ z.object({
  cpr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  alternativeIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  surname: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  givenName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  title: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  streetName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  suburbName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  districtName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  postCodeIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  occupancy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `inaktiv`, `indlagt`, `ambulant`, `doed`, `ambulant_roentgen`, as written. */
  episodeOfCareStatus: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  telephones: /* @__PURE__ */ z.array(Telephone),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type LetterPatient = z.infer<typeof LetterPatient>;

/**
 * A relative of the patient (`Relative`): the relation code as written (`mor`, `far`, `aegtefaelle`, …).
 * @category OIOXML
 */
export const Relative = /* @__PURE__ */ z.object({
  relationCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  personIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  surname: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  givenName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  streetName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  suburbName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  districtName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  postCodeIdentifier: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  telephone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type Relative = z.infer<typeof Relative>;

const ADDRESS = {
  streetName: 'StreetName',
  suburbName: 'SuburbName',
  districtName: 'DistrictName',
  postCodeIdentifier: 'PostCodeIdentifier',
} as const;

const PATIENT_FIELDS = {
  cpr: 'CivilRegistrationNumber',
  alternativeIdentifier: 'AlternativeIdentifier',
  surname: 'PersonSurnameName',
  givenName: 'PersonGivenName',
  title: 'PersonTitle',
  ...ADDRESS,
  occupancy: 'OccupancyText',
  episodeOfCareStatus: 'EpisodeOfCareStatusCode',
  email: 'EmailIdentifier',
} as const;

const RELATIVE_FIELDS = {
  relationCode: 'RelationCode',
  personIdentifier: 'PersonIdentifier',
  surname: 'PersonSurnameName',
  givenName: 'PersonGivenName',
  ...ADDRESS,
  telephone: 'TelephoneSubscriberIdentifier',
} as const;

/** Reads the `Patient` element. */
export function readPatient(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): LetterPatient | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, [...Object.values(PATIENT_FIELDS), 'TelephoneSubscriber']);
  const telephones = children(element, 'TelephoneSubscriber').flatMap((phone) => {
    const number = text(phone, 'TelephoneSubscriberIdentifier');
    const code = text(phone, 'TelephoneSubscriberCode');
    if (number === undefined) return [];
    return [code === undefined ? { number } : { number, code }];
  });
  return { ...readFields(element, PATIENT_FIELDS), telephones };
}

/** Reads a `Relative` element. */
export function readRelative(element: XmlElement, path: string, context: ReadContext): Relative {
  context.keepUnknown(element, path, Object.values(RELATIVE_FIELDS));
  return readFields(element, RELATIVE_FIELDS);
}
