// SPDX-License-Identifier: MIT
// What a sender provides for a CareCommunication: the parties, the category, the message texts with their
// authors, attachments, and the optional encounter, recipient and OIOXML predecessor.
import * as z from 'zod/mini';
import { parseGln } from '../../identifiers/gln.js';
import { PRIMITIVE_PATTERNS } from '../model/index.js';
import { hasIllegalXmlChar } from '../xml/common.js';
import { CARE_COMMUNICATION_CATEGORIES, ENCOUNTER_CLASSES, ENCOUNTER_STATUSES } from './care-communication-codes.js';
import { ATTACHMENT_CONTENT_TYPES, PRACTITIONER_ROLE_CODES } from './terminology.js';
import { rule } from './check.js';
import { OrganizationInput, PatientInput } from './inputs.js';

const FHIR_STRING = PRIMITIVE_PATTERNS['string'];

/** Text a FHIR string (JSON and XML) can carry: not blank, no control characters or odd whitespace. */
const text = () =>
  z.string().check(
    /* @__PURE__ */ z.refine((v: string) => v.trim() !== '', rule('required', 'Must not be blank')),
    /* @__PURE__ */ z.refine(
      (v: string) => v === '' || (!hasIllegalXmlChar(v) && FHIR_STRING?.test(v) !== false),
      rule('characters', 'Contains a character a FHIR string cannot carry'),
    ),
  );

function parsesAsUrl(value: string): boolean {
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
// The contact extension's invariant allows + and digits; spaces are taken out before the check.
const PHONE = /^\+?[0-9]{3,15}$/;

/** A telephone number: digits, optionally a leading +; spaces are dropped. */
const phone = () =>
  z.pipe(
    z
      .string()
      .check(
        /* @__PURE__ */ z.refine(
          (v: string) => PHONE.test(v.replace(/\s/g, '')),
          rule('phone', 'A telephone number: 3 to 15 digits, optionally after a +'),
        ),
      ),
    z.transform((v: string) => v.replace(/\s/g, '')),
  );

/**
 * A health professional: family name (required), given names, and a role, either a code from
 * {@link PRACTITIONER_ROLE_CODES} or free text in `roleText` (one of them for an author).
 *
 * @example
 * ```ts
 * const author: PersonInput = { family: 'Burns', given: ['Michael'], role: 'sygeplejerske' };
 * ```
 * @category Builders
 */
export const PersonInput = /* @__PURE__ */ z.strictObject({
  family: text(),
  given: z.optional(z.array(text())),
  role: z.optional(z.enum(PRACTITIONER_ROLE_CODES)),
  roleText: z.optional(text()),
});
/** @category Builders */
export type PersonInput = z.input<typeof PersonInput>;

/** The author of a payload: MedCom requires a role code or a role text, never both (inv. medcom-careCommunication-7). */
const AuthorInput = /* @__PURE__ */ PersonInput.check(
  /* @__PURE__ */ z.refine((p) => (p.role === undefined) !== (p.roleText === undefined), {
    ...rule('role-or-role-text', 'Give a role code or a role text (one of them)'),
    path: ['role'],
  }),
);

/**
 * One message text (Danish: meddelelsestekst) with its author and the author's telephone number. The builder
 * adds the date (now) and a new payload identifier.
 *
 * @example
 * ```ts
 * const text: TextPayloadInput = {
 *   text: 'Vi ønsker information om de seneste undersøgelser.',
 *   author: { family: 'Burns', given: ['Michael'], role: 'sygeplejerske' },
 *   phone: '38683868',
 * };
 * ```
 * @category Builders
 */
export const TextPayloadInput = /* @__PURE__ */ z.strictObject({
  text: text(),
  author: AuthorInput,
  phone: phone(),
});
/** @category Builders */
export type TextPayloadInput = z.input<typeof TextPayloadInput>;

/**
 * An attachment: a file as base64 `data` (with its `contentType`) or a link `url`, exactly one of them. The
 * `title` is shown as given (no file extension is added). `creation` is a dateTime with a time zone.
 *
 * @example
 * ```ts
 * const file: AttachmentInput = { title: 'Blodprøveresultater', contentType: 'application/pdf', data: 'JVBERi0=' };
 * const link: AttachmentInput = { title: 'Vejledning', url: 'https://medcom.dk/' };
 * ```
 * @category Builders
 */
export const AttachmentInput = /* @__PURE__ */ z
  .strictObject({
    title: text(),
    contentType: z.optional(z.enum(ATTACHMENT_CONTENT_TYPES)),
    data: z.optional(
      z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            (v: string) => v !== '' && BASE64.test(v),
            rule('base64', 'Not base64 (RFC 4648, with padding, no line breaks)'),
          ),
        ),
    ),
    url: z.optional(
      z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            (v: string) => /^https?:\/\/\S+$/.test(v) && parsesAsUrl(v),
            rule('format', 'An http or https URL'),
          ),
        ),
    ),
    creation: z.optional(
      z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            (v: string) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
            rule('date-time', 'A dateTime with seconds and a time zone, e.g. 2026-11-25T09:30:00+01:00'),
          ),
        ),
    ),
    author: z.optional(AuthorInput),
    phone: z.optional(phone()),
  })
  .check(
    /* @__PURE__ */ z.refine(
      (a) => (a.data === undefined) !== (a.url === undefined),
      rule('data-or-url', 'Give the file as data or a link as url (one of them)'),
    ),
    /* @__PURE__ */ z.refine((a) => a.data === undefined || a.contentType !== undefined, {
      ...rule('required', 'A file attached as data needs its content type'),
      path: ['contentType'],
    }),
  );
/** @category Builders */
export type AttachmentInput = z.input<typeof AttachmentInput>;

/**
 * The encounter the message concerns: the episode-of-care identifier (Danish: forløbs-id) the sender issued,
 * written with the sender's SOR endpoint as system, and the encounter's status and class.
 *
 * @example
 * ```ts
 * const encounter: EncounterInput = {
 *   episodeOfCareId: 'fc60e762-b13b-5773-865e-67f3907bdcc7',
 *   status: 'in-progress',
 *   class: 'IMP',
 * };
 * ```
 * @category Builders
 */
export const EncounterInput = /* @__PURE__ */ z.strictObject({
  episodeOfCareId: text(),
  status: z.enum(ENCOUNTER_STATUSES),
  class: z.enum(ENCOUNTER_CLASSES),
});
/** @category Builders */
export type EncounterInput = z.input<typeof EncounterInput>;

/**
 * A more specific receiver inside the receiving organisation: a care team by name, or a named practitioner
 * (one of them).
 *
 * @example
 * ```ts
 * const team: RecipientInput = { careTeam: 'Plejecenter Herlev Team 1' };
 * ```
 * @category Builders
 */
export const RecipientInput = /* @__PURE__ */ z
  .strictObject({
    careTeam: z.optional(text()),
    practitioner: z.optional(
      PersonInput.check(
        /* @__PURE__ */ z.refine((p) => p.role === undefined || p.roleText === undefined, {
          ...rule('role-or-role-text', 'Give a role code or a role text, not both'),
          path: ['role'],
        }),
      ),
    ),
  })
  .check(
    /* @__PURE__ */ z.refine(
      (r) => (r.careTeam === undefined) !== (r.practitioner === undefined),
      rule('care-team-or-practitioner', 'Give a care team or a practitioner (one of them)'),
    ),
  );
/** @category Builders */
export type RecipientInput = z.input<typeof RecipientInput>;

/**
 * An OIOXML or EDIFACT letter the message continues: the sender's location number (EAN/GLN) and the letter id.
 * The Provenance names it as `lokationsnummer#brevid`.
 *
 * @example
 * ```ts
 * const letter: LegacyLetterInput = { locationNumber: '5790000121526', letterId: 'B300720181623' };
 * ```
 * @category Builders
 */
export const LegacyLetterInput = /* @__PURE__ */ z.strictObject({
  locationNumber: z
    .string()
    .check(
      /* @__PURE__ */ z.refine(
        (v: string) => parseGln(v).valid,
        rule('gln', 'Not a location number (13 digits with a valid check digit)'),
      ),
    ),
  letterId: text().check(
    /* @__PURE__ */ z.refine((v: string) => !/[#\s]/.test(v), rule('characters', 'No spaces or # in a letter id')),
  ),
});
/** @category Builders */
export type LegacyLetterInput = z.input<typeof LegacyLetterInput>;

/** A refinement that is never met: for fields CareCommunication does not have. */
const absent = (name: string, message: string) =>
  z.optional(z.unknown().check(/* @__PURE__ */ z.refine(() => false, rule(name, message))));

/** The parts every CareCommunication send (new, reply, forward) may carry. */
const messageParts = {
  topic: z.optional(text()),
  priority: z.optional(z.enum(['asap'])),
  encounter: z.optional(EncounterInput),
  recipient: z.optional(RecipientInput),
  texts: z.array(TextPayloadInput).check(z.minLength(1, 'At least one message text')),
  attachments: z.optional(z.array(AttachmentInput)),
  cc: absent('cc-not-allowed', 'CareCommunication has no cc receivers; send a separate message'),
};

// The category rules of inv. medcom-careCommunication-5 (priority only with regarding-referral) and -6 (topic
// for other).
const ASAP = {
  field: 'priority',
  rule: 'asap-only-with-regarding-referral',
  message: "Priority asap is allowed only with category 'regarding-referral'",
} as const;
const TOPIC = { field: 'topic', rule: 'topic-required-for-other', message: "Category 'other' needs a topic" } as const;
const asapAllowed = (category: string, priority: string | undefined) =>
  priority === undefined || category === 'regarding-referral';
const topicGiven = (category: string, topic: string | undefined) => category !== 'other' || topic !== undefined;

/** The category rules, as input issues, for a category known only after merging with a previous message. */
export function categoryIssues(
  category: string,
  priority: string | undefined,
  topic: string | undefined,
): { field: string; rule: string; message: string }[] {
  return [...(asapAllowed(category, priority) ? [] : [ASAP]), ...(topicGiven(category, topic) ? [] : [TOPIC])];
}

/**
 * A new CareCommunication: sender and (primary) receiver organisations, the patient, the category (with a
 * topic for `other`; priority `asap` only for `regarding-referral`), at least one message text, attachments,
 * and optionally an encounter, a specific recipient and the OIOXML letter the message continues.
 *
 * @example
 * ```ts
 * const input: CareCommunicationInput = {
 *   sender: { name: 'Hjerteafdelingen', sor: '265161000016000', gln: '5790000209354' },
 *   receiver: { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' },
 *   patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
 *   category: 'examination-results',
 *   topic: 'Forespørgsel på seneste resultater',
 *   texts: [{ text: 'Hej', author: { family: 'Burns', role: 'sygeplejerske' }, phone: '38683868' }],
 * };
 * ```
 * @category Builders
 */
export const CareCommunicationInput = /* @__PURE__ */ z
  .strictObject({
    sender: OrganizationInput,
    receiver: OrganizationInput,
    patient: PatientInput,
    category: z.enum(CARE_COMMUNICATION_CATEGORIES),
    ...messageParts,
    continuesLetter: z.optional(LegacyLetterInput),
  })
  .check(
    /* @__PURE__ */ z.refine((m) => asapAllowed(m.category, m.priority), {
      ...rule(ASAP.rule, ASAP.message),
      path: [ASAP.field],
    }),
    /* @__PURE__ */ z.refine((m) => topicGiven(m.category, m.topic), {
      ...rule(TOPIC.rule, TOPIC.message),
      path: [TOPIC.field],
    }),
  );
/** @category Builders */
export type CareCommunicationInput = z.input<typeof CareCommunicationInput>;

/**
 * A reply. The patient, thread and history come from the message replied to; the receiver defaults to its
 * sender and the sender to its primary receiver; category and topic default to its own.
 *
 * @example
 * ```ts
 * const reply: CareCommunicationReplyInput = {
 *   texts: [{ text: 'Svar', author: { family: 'Waters', given: ['Emma'], role: 'sygeplejerske' }, phone: '44527000' }],
 * };
 * ```
 * @category Builders
 */
export const CareCommunicationReplyInput = /* @__PURE__ */ z.strictObject({
  sender: z.optional(OrganizationInput),
  receiver: z.optional(OrganizationInput),
  category: z.optional(z.enum(CARE_COMMUNICATION_CATEGORIES)),
  ...messageParts,
});
/** @category Builders */
export type CareCommunicationReplyInput = z.input<typeof CareCommunicationReplyInput>;

/**
 * A forward to a new receiver (required). The patient and history come from the forwarded message; the sender
 * defaults to its primary receiver; category and topic default to its own.
 *
 * @example
 * ```ts
 * const forward: CareCommunicationForwardInput = {
 *   receiver: { sor: '1042981000016003', gln: '5790001348120' },
 *   texts: [{ text: 'Videresendes', author: { family: 'Waters', roleText: 'Visitator' }, phone: '44527000' }],
 * };
 * ```
 * @category Builders
 */
export const CareCommunicationForwardInput = /* @__PURE__ */ z.strictObject({
  sender: z.optional(OrganizationInput),
  receiver: OrganizationInput,
  category: z.optional(z.enum(CARE_COMMUNICATION_CATEGORIES)),
  ...messageParts,
});
/** @category Builders */
export type CareCommunicationForwardInput = z.input<typeof CareCommunicationForwardInput>;

/** Checked message parts, as every builder uses them. */
export type CheckedMessageParts = Omit<
  z.output<typeof CareCommunicationReplyInput>,
  'sender' | 'receiver' | 'category'
>;
/** A checked person (author or recipient practitioner). */
export type CheckedPerson = z.output<typeof PersonInput>;
/** A checked attachment. */
export type CheckedAttachment = z.output<typeof AttachmentInput>;
/** A checked message text. */
export type CheckedText = z.output<typeof TextPayloadInput>;
/** A checked encounter. */
export type CheckedEncounter = z.output<typeof EncounterInput>;
/** A checked recipient. */
export type CheckedRecipient = z.output<typeof RecipientInput>;
