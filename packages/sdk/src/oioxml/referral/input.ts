// SPDX-License-Identifier: MIT
// What a sender's form provides for an XREF01 (XH0130R), with every limit of the 2005/08/07 XSDs that applies.
// Lengths count Unicode code points, as XSD length facets do.
import * as z from 'zod/mini';
import { isValidDate } from '../../identifiers/dates.js';
import { hasIllegalXmlChar } from '../../fhir/xml/common.js';
import { FormattedText } from '../text/index.js';
import { XREF01_CODES } from './codes.js';

/**
 * The rule a {@link ReferralFieldIssue} names: `required` (absent or blank), `minLength`/`maxLength`/`length`
 * (characters), `pattern` (CPR number, object size), `enumeration` (not in the XH0130R list), `maxItems`,
 * `date` (`YYYY-MM-DD`), `time` (`HH:MM`), `choice` (CPR or alternative identifier; one reference target),
 * `characters` (a character XML cannot carry), `formattedText` (nesting or text FormattedText.xsd refuses),
 * `unknown` (a field XH0130R does not have) and `type`.
 *
 * @example
 * ```ts
 * const rule: ReferralFieldRule = 'maxLength';
 * ```
 * @category OIOXML
 */
export type ReferralFieldRule =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'length'
  | 'pattern'
  | 'enumeration'
  | 'maxItems'
  | 'date'
  | 'time'
  | 'choice'
  | 'characters'
  | 'formattedText'
  | 'unknown'
  | 'type';

function rule(name: ReferralFieldRule, message: string) {
  return { message, params: { rule: name } };
}

const codePoints = (value: string): number => [...value].length;

/** A string of 1 to `max` characters XML can carry (GeneralTypes.xsd String_1_<max>). */
function text(max: number) {
  return z.string().check(
    /* @__PURE__ */ z.refine((value: string) => value.length > 0, rule('minLength', 'Must not be empty')),
    /* @__PURE__ */ z.refine(
      (value: string) => codePoints(value) <= max,
      rule('maxLength', `At most ${max} characters`),
    ),
    /* @__PURE__ */ z.refine(
      (value: string) => !hasIllegalXmlChar(value),
      rule('characters', 'Contains a character XML cannot carry'),
    ),
  );
}

function pattern(regex: RegExp, message: string) {
  return z.string().check(/* @__PURE__ */ z.refine((value: string) => regex.test(value), rule('pattern', message)));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isXsdDate(value: string): boolean {
  const match = DATE.exec(value);
  // xs:date has no year 0000.
  return match !== null && Number(match[1]) > 0 && isValidDate(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** A `DateTimeType`: both parts are required by the XSD. */
const DateTimeInput = /* @__PURE__ */ z.strictObject({
  date: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.refine(isXsdDate, rule('date', 'A calendar date as YYYY-MM-DD'))),
  time: z
    .string()
    .check(
      /* @__PURE__ */ z.refine(
        (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
        rule('time', 'A time of day as HH:MM'),
      ),
    ),
});

const list = <T extends z.core.$ZodType>(item: T, max: number) =>
  /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(item).check(/* @__PURE__ */ z.maxLength(max)));

const ADDRESS = {
  streetName: /* @__PURE__ */ z.optional(text(35)),
  suburbName: /* @__PURE__ */ z.optional(text(35)),
  districtName: /* @__PURE__ */ z.optional(text(35)),
  postCodeIdentifier: /* @__PURE__ */ z.optional(text(9)),
};

const Header = /* @__PURE__ */ z.strictObject({
  /** Envelope id (kuvert-id). Default: `identifier`. */
  envelopeIdentifier: /* @__PURE__ */ z.optional(text(14)),
  /** Default: now, Danish time. */
  sent: /* @__PURE__ */ z.optional(DateTimeInput),
  /** Default: `pluspositivkvitt`. */
  acknowledgementCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.acknowledgementCode)),
  /** Letter id (brev-id). Default: 14 random characters. */
  identifier: /* @__PURE__ */ z.optional(text(14)),
  /** Default: `XREF01`. */
  statisticalCode: /* @__PURE__ */ z.optional(text(8)),
  /** Default: `sent`. */
  authorisation: /* @__PURE__ */ z.optional(DateTimeInput),
  /** Default: `nytbrev`. */
  statusCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.statusCode)),
  episodeOfCareIdentifier: /* @__PURE__ */ z.optional(text(35)),
});

const Referrer = /* @__PURE__ */ z.strictObject({
  identifier: /* @__PURE__ */ z.optional(text(17)),
  identifierCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.identifierCode)),
  personName: text(35),
  personTitle: /* @__PURE__ */ z.optional(text(35)),
});

const Sender = /* @__PURE__ */ z.strictObject({
  eanIdentifier: text(35),
  identifier: text(17),
  identifierCode: /* @__PURE__ */ z.enum(XREF01_CODES.identifierCode),
  organisationName: text(35),
  departmentName: /* @__PURE__ */ z.optional(text(35)),
  unitName: /* @__PURE__ */ z.optional(text(35)),
  ...ADDRESS,
  telephone: /* @__PURE__ */ z.optional(text(25)),
  medicalSpecialityCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.medicalSpecialityCode)),
  referrer: Referrer,
});

const Receiver = /* @__PURE__ */ z.strictObject({
  eanIdentifier: text(35),
  identifier: text(17),
  identifierCode: /* @__PURE__ */ z.enum(XREF01_CODES.identifierCode),
  organisationName: /* @__PURE__ */ z.optional(text(35)),
  departmentName: /* @__PURE__ */ z.optional(text(35)),
  unitName: /* @__PURE__ */ z.optional(text(35)),
  ...ADDRESS,
});

const AnswerCcReceiver = /* @__PURE__ */ z.strictObject({
  identifier: text(17),
  identifierCode: /* @__PURE__ */ z.enum(XREF01_CODES.identifierCode),
  organisationName: /* @__PURE__ */ z.optional(text(35)),
  departmentName: /* @__PURE__ */ z.optional(text(35)),
  unitName: /* @__PURE__ */ z.optional(text(35)),
  ...ADDRESS,
  telephone: /* @__PURE__ */ z.optional(text(25)),
});

const Telephone = /* @__PURE__ */ z.strictObject({
  number: text(25),
  code: /* @__PURE__ */ z.enum(XREF01_CODES.telephoneSubscriberCode),
});

const Patient = /* @__PURE__ */ z.strictObject({
  /** CPR number, 10 digits. Give this or `alternativeIdentifier`. */
  cpr: /* @__PURE__ */ z.optional(pattern(/^[0-9]{10}$/, 'A CPR number is 10 digits')),
  /** Erstatnings-CPR, exactly 10 characters. */
  alternativeIdentifier: /* @__PURE__ */ z.optional(
    text(10).check(
      /* @__PURE__ */ z.refine((value: string) => codePoints(value) === 10, rule('length', 'Exactly 10 characters')),
    ),
  ),
  surname: text(70),
  givenName: /* @__PURE__ */ z.optional(text(70)),
  title: /* @__PURE__ */ z.optional(text(35)),
  ...ADDRESS,
  telephones: list(Telephone, 3),
  email: /* @__PURE__ */ z.optional(text(70)),
});

const Relative = /* @__PURE__ */ z.strictObject({
  relationCode: /* @__PURE__ */ z.enum(XREF01_CODES.relationCode),
  personIdentifier: /* @__PURE__ */ z.optional(text(10)),
  surname: text(70),
  givenName: /* @__PURE__ */ z.optional(text(70)),
});

const Diagnosis = /* @__PURE__ */ z.strictObject({
  code: /* @__PURE__ */ z.optional(text(17)),
  typeCode: /* @__PURE__ */ z.enum(XREF01_CODES.diagnoseTypeCode),
  text: text(70),
});

const AdditionalDiagnosis = /* @__PURE__ */ z.strictObject({
  descriptionCode: /* @__PURE__ */ z.enum(XREF01_CODES.diagnoseDescriptionCode),
  code: /* @__PURE__ */ z.optional(text(17)),
  typeCode: /* @__PURE__ */ z.enum(XREF01_CODES.diagnoseTypeCode),
  text: text(70),
});

const Reference = /* @__PURE__ */ z.strictObject({
  description: text(70),
  /** Give exactly one of `url`, `sentSeparately` and `binary`. */
  url: /* @__PURE__ */ z.optional(text(350)),
  sentSeparately: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  binary: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.strictObject({
      objectIdentifier: text(35),
      objectCode: /* @__PURE__ */ z.enum(XREF01_CODES.objectCode),
      objectExtensionCode: /* @__PURE__ */ z.enum(XREF01_CODES.objectExtensionCode),
      originalObjectSize: pattern(/^\+?0*[1-9][0-9]*$/, 'A whole number of bytes, at least 1'),
    }),
  ),
});

/**
 * What a sender's form provides for an XREF01 sygehushenvisning (XH0130R): parties, patient, relative,
 * priority and transport, the free texts as formatted text, diagnoses and references, plus optional envelope and
 * letter ids and times (see {@link writeXref01} for their defaults). Receiver-filled visitation notes are not
 * part of it.
 *
 * The schema checks every field on its own: lengths in characters, value lists ({@link XREF01_CODES}), CPR
 * pattern, dates (`YYYY-MM-DD`) and times (`HH:MM`), list sizes (3 telephones, 1 relative, 5 additional
 * diagnoses, 10 references) and unknown keys. {@link validateReferralInput} adds the rules across fields (CPR or
 * alternative identifier, one reference target, formatted-text nesting).
 *
 * @example
 * ```ts
 * const input: ReferralInput = {
 *   sender: { eanIdentifier: '5790000121526', identifier: '079741', identifierCode: 'ydernummer',
 *     organisationName: 'Lægehuset', referrer: { personName: 'Hans Jensen' } },
 *   receiver: { eanIdentifier: '5790000201389', identifier: '2001060', identifierCode: 'sygehusafdelingsnummer' },
 *   patient: { cpr: '2406444917', surname: 'Berggren' },
 *   priority: 'elektiv',
 *   clinicalReason: plainToFormattedText('Hypertensionsudredning'),
 * };
 * ```
 * @category OIOXML
 */
export const ReferralInput = /* @__PURE__ */ z.strictObject({
  header: /* @__PURE__ */ z.optional(Header),
  sender: Sender,
  receiver: Receiver,
  answerCcReceiver: /* @__PURE__ */ z.optional(AnswerCcReceiver),
  patient: Patient,
  /** At most one (the XSD allows a single `Relative`). */
  relatives: list(Relative, 1),
  priority: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.priority)),
  referralStatus: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.referralStatus)),
  transport: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(XREF01_CODES.transport)),
  supplementary: /* @__PURE__ */ z.optional(FormattedText),
  clinicalReason: /* @__PURE__ */ z.optional(FormattedText),
  diagnosis: /* @__PURE__ */ z.optional(Diagnosis),
  additionalDiagnoses: list(AdditionalDiagnosis, 5),
  cave: /* @__PURE__ */ z.optional(FormattedText),
  anamnesis: /* @__PURE__ */ z.optional(FormattedText),
  examination: /* @__PURE__ */ z.optional(FormattedText),
  actualMedicine: /* @__PURE__ */ z.optional(FormattedText),
  references: list(Reference, 10),
});
export type ReferralInput = z.infer<typeof ReferralInput>;

/** The formatted-text fields of {@link ReferralInput}, in XSD order. */
export const FORMATTED_TEXT_FIELDS = [
  'supplementary',
  'clinicalReason',
  'cave',
  'anamnesis',
  'examination',
  'actualMedicine',
] as const;
