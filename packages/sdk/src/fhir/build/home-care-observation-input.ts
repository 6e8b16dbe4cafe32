// SPDX-License-Identifier: MIT
// What a HomeCareObservation message says, checked before anything is built: the parties, the patient, the nurse
// who measured, the observations and their attachments.
import * as z from 'zod/mini';
import { ATTACHMENT_CONTENT_TYPES, PRACTITIONER_ROLE_CODES } from './terminology.js';
import { parseYdernummer } from '../../identifiers/ydernummer.js';
import { rule } from './check.js';
import { OrganizationInput, PatientInput } from './inputs.js';

const text = () =>
  z.string().check(/* @__PURE__ */ z.refine((v: string) => v.trim() !== '', rule('required', 'Must not be blank')));

// FHIR dateTime with seconds; MedCom requires a time zone on every time.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const isDateTime = (v: string) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v.replace(/:60(?=\D)/, ':59')));
const isCalendarDay = (v: string) => {
  const [year, month, day] = v.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
};

/** A point in time: a Date, or a FHIR dateTime string with seconds and a time zone. */
const moment = () =>
  z.union(
    [
      z.date(),
      z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            (v: string) => isDateTime(v) && isCalendarDay(v),
            rule('datetime', 'Not a date and time with seconds and a time zone, e.g. 2026-11-25T09:30:00+01:00'),
          ),
        ),
    ],
    { error: 'A Date or a date-time text' },
  );

// UCUM's case-sensitive syntax: printable ASCII without spaces, with balanced brackets and braces.
function isUcum(code: string): boolean {
  if (!/^[!-~]+$/.test(code)) return false;
  let square = 0;
  let curly = 0;
  let round = 0;
  for (const c of code) {
    if (c === '[') square++;
    else if (c === ']') square--;
    else if (c === '{') curly++;
    else if (c === '}') curly--;
    else if (c === '(') round++;
    else if (c === ')') round--;
    if (square < 0 || curly < 0 || round < 0 || square > 1 || curly > 1) return false;
  }
  return square === 0 && curly === 0 && round === 0;
}

/**
 * The code systems an observation code may come from, as the HomeCareObservation profile slices them.
 *
 * @example
 * ```ts
 * OBSERVATION_CODE_SYSTEMS.npu; // 'urn:oid:1.2.208.176.2.1'
 * ```
 * @category Builders
 */
export const OBSERVATION_CODE_SYSTEMS = {
  npu: 'urn:oid:1.2.208.176.2.1',
  medcom: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-observation-codes',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ieee: 'urn:iso:std:iso:11073:10101',
  sks: 'urn:oid:1.2.208.176.2.4',
} as const;

const SYSTEM_KEYS = ['npu', 'medcom', 'loinc', 'snomed', 'ieee', 'sks'] as const;

/**
 * The receiving GP practice (`medcom-requesterorganization`): an {@link OrganizationInput} with its ydernummer
 * and, when known, the initials of the GP who asked for the observations.
 *
 * @example
 * ```ts
 * const gp: RequesterOrganizationInput = {
 *   name: 'Skødstrup Lægepraksis', sor: '52581000016005', gln: '5790000127092', ydernummer: '061654', contactInitials: 'OKM',
 * };
 * ```
 * @category Builders
 */
export const RequesterOrganizationInput = /* @__PURE__ */ z.extend(OrganizationInput, {
  ydernummer: z.pipe(
    z
      .string()
      .check(
        /* @__PURE__ */ z.refine(
          (v: string) => parseYdernummer(v).valid,
          rule('ydernummer', 'Not a ydernummer (6 digits)'),
        ),
      ),
    z.transform((v: string) => {
      const parsed = parseYdernummer(v);
      return parsed.valid ? parsed.value : v;
    }),
  ),
  contactInitials: z.optional(text()),
});
/** @category Builders */
export type RequesterOrganizationInput = z.input<typeof RequesterOrganizationInput>;

/**
 * The nurse (or other professional) of the municipal acute care team who made the observations: a name (given
 * names, family name or both), a phone number and an SKS administrative role, all required by the profile.
 *
 * @example
 * ```ts
 * const nurse: PerformerInput = { given: ['Mia'], phone: '+45 05577668', role: 'sygeplejerske' };
 * ```
 * @category Builders
 */
export const PerformerInput = /* @__PURE__ */ z
  .strictObject({
    given: z.optional(z.array(text())),
    family: z.optional(text()),
    phone: z
      .string()
      .check(
        /* @__PURE__ */ z.refine(
          (v: string) => /^\+?\d[\d -]*\d$/.test(v.trim()) && v.replace(/\D/g, '').length >= 3,
          rule('phone', 'Not a phone number (digits, spaces, hyphens, an optional leading +)'),
        ),
      ),
    role: z.enum(PRACTITIONER_ROLE_CODES),
  })
  .check(
    /* @__PURE__ */ z.refine((p) => (p.given?.length ?? 0) > 0 || p.family !== undefined, {
      ...rule('name-required', 'Give the given names, the family name or both'),
      path: ['given'],
    }),
  );
/** @category Builders */
export type PerformerInput = z.input<typeof PerformerInput>;

/**
 * One observation: a code, a value (a number with its unit, or text), the time it was made, and optionally a
 * reference range and a comment. A number needs a unit: free text (`unit`), a UCUM code (`ucum`) or both, as in
 * MedCom's examples (`{ value: 38.7, unit: '°C' }`, `{ value: 3, ucum: '1' }`). The reference range takes the
 * value's unit. The interpretation is always "not interpreted" (`NI`): the profile fixes it.
 *
 * @example
 * ```ts
 * const temperature: ObservationInput = {
 *   code: { system: 'npu', code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
 *   value: 38.7,
 *   unit: '°C',
 *   effective: '2026-11-25T09:24:12+01:00',
 *   referenceRange: { low: 36.5, high: 37.5 },
 *   note: 'Målt rektalt',
 * };
 * ```
 * @category Builders
 */
export const ObservationInput = /* @__PURE__ */ z
  .strictObject({
    code: z.strictObject({
      system: z.enum(SYSTEM_KEYS),
      code: z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            (v: string) => /^\S+( \S+)*$/.test(v),
            rule('code', 'Not a code (no leading, trailing or double spaces)'),
          ),
        ),
      display: z.optional(text()),
    }),
    value: z.union([z.number(), text()], { error: 'A finite number or text' }),
    unit: z.optional(text()),
    ucum: z.optional(
      z.string().check(/* @__PURE__ */ z.refine(isUcum, rule('ucum', 'Not a UCUM unit code (e.g. mmol/L, 10*9/L, %)'))),
    ),
    comparator: z.optional(z.enum(['<', '<=', '>=', '>'])),
    effective: moment(),
    referenceRange: z.optional(
      z.strictObject({ low: z.optional(z.number()), high: z.optional(z.number()), text: z.optional(text()) }),
    ),
    note: z.optional(text()),
  })
  .check(
    /* @__PURE__ */ z.refine((o) => typeof o.value !== 'number' || o.unit !== undefined || o.ucum !== undefined, {
      ...rule('unit-required', 'A numeric value needs a unit or a UCUM code'),
      path: ['unit'],
    }),
    /* @__PURE__ */ z.refine(
      (o) =>
        typeof o.value === 'number' || (o.unit === undefined && o.ucum === undefined && o.comparator === undefined),
      { ...rule('quantity-only', 'Only a numeric value has a unit or comparator'), path: ['value'] },
    ),
    /* @__PURE__ */ z.refine(
      (o) =>
        o.referenceRange === undefined ||
        o.referenceRange.low !== undefined ||
        o.referenceRange.high !== undefined ||
        o.referenceRange.text !== undefined,
      { ...rule('required', 'Give a low or high limit or a text'), path: ['referenceRange'] },
    ),
    /* @__PURE__ */ z.refine(
      (o) =>
        typeof o.value === 'number' || (o.referenceRange?.low === undefined && o.referenceRange?.high === undefined),
      { ...rule('quantity-only', 'Only a numeric value has numeric limits; use text'), path: ['referenceRange'] },
    ),
    /* @__PURE__ */ z.refine((o) => (o.referenceRange?.low ?? -Infinity) <= (o.referenceRange?.high ?? Infinity), {
      ...rule('low-above-high', 'The low limit is above the high limit'),
      path: ['referenceRange', 'low'],
    }),
  );
/** @category Builders */
export type ObservationInput = z.input<typeof ObservationInput>;

/**
 * An attachment to the report (`medcom-core-media`): a title, a MIME type MedCom allows, the base64 content and
 * when it was made.
 *
 * @example
 * ```ts
 * const ecg: MediaInput = { title: 'EKG', contentType: 'image/png', data: 'iVBORw0KGgo=', creation: '2026-11-25T09:08:08Z' };
 * ```
 * @category Builders
 */
export const MediaInput = /* @__PURE__ */ z.strictObject({
  title: text(),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
  data: z
    .string()
    .check(
      /* @__PURE__ */ z.refine(
        (v: string) => v.length > 0 && v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v),
        rule('base64', 'Not base64 content'),
      ),
    ),
  creation: moment(),
});
/** @category Builders */
export type MediaInput = z.input<typeof MediaInput>;

/**
 * A HomeCareObservation message (kommunale prøvesvar): the municipal acute care team (`sender`, a producer
 * organisation, ProducentID KAF) sends a GP practice (`receiver`) the observations its nurse (`performer`) made on a
 * patient, with an optional clinical comment (`conclusion`, "klinisk kommentar") and attachments. `consentRefused`
 * marks the report restricted (the patient refused consent). `correction` makes the message a modification or
 * retraction of an earlier one, named by its MessageHeader.id.
 *
 * @example
 * ```ts
 * const input: HomeCareObservationInput = {
 *   sender: { name: 'Pleje og Rehabilitering', sor: '1144561000016002', gln: '5790000123117' },
 *   receiver: { name: 'Skødstrup Lægepraksis', sor: '52581000016005', gln: '5790000127092', ydernummer: '061654' },
 *   patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
 *   performer: { given: ['Mia'], phone: '+45 05577668', role: 'sygeplejerske' },
 *   observations: [{ code: { system: 'medcom', code: 'MCS88122' }, value: 19, unit: '1/min', effective: new Date() }],
 * };
 * ```
 * @category Builders
 */
export const HomeCareObservationInput = /* @__PURE__ */ z.strictObject({
  sender: OrganizationInput,
  receiver: RequesterOrganizationInput,
  patient: PatientInput,
  performer: PerformerInput,
  observations: z.array(ObservationInput).check(/* @__PURE__ */ z.minLength(1, 'Give at least one observation')),
  conclusion: z.optional(text()),
  media: z.optional(z.array(MediaInput)),
  issued: z.optional(moment()),
  consentRefused: z.optional(z.boolean()),
  correction: z.optional(
    z.strictObject({
      of: z
        .string()
        .check(/* @__PURE__ */ z.refine((v: string) => /^[A-Za-z0-9\-.]{1,64}$/.test(v), rule('id', 'Not a FHIR id'))),
      kind: z.enum(['modify', 'retract']),
    }),
  ),
});
/** @category Builders */
export type HomeCareObservationInput = z.input<typeof HomeCareObservationInput>;
