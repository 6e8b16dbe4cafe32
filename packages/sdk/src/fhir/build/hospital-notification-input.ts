// SPDX-License-Identifier: MIT
// The typed input of a HospitalNotification and its checks: shape with zod, then the rules that tie the activity
// to the Encounter's times, the leave period, the patient's death and the earlier message.
import * as z from 'zod/mini';
import { isValidDate } from '../../identifiers/dates.js';
import { parseSor } from '../../identifiers/sor.js';
import { InputError, type InputIssue } from '../../errors/index.js';
import { parseInput, rule } from './check.js';
import { OrganizationInput, PatientInput } from './inputs.js';
import { instant } from './options.js';
import {
  activityRule,
  classOfCode,
  HOSPITAL_NOTIFICATION_ACTIVITIES,
  HOSPITAL_NOTIFICATION_ACTIVITY_CODES,
  type ActivityRule,
  type HospitalNotificationActivityCode,
  type HospitalNotificationClass,
  type HospitalNotificationEncounterStatus,
} from './hospital-notification-activities.js';

// FHIR dateTime with a time: seconds required, and MedCom requires a time zone.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The LPR3 identifier profile (MedCom core) requires a name-based UUID, version 5.
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const bareUuid = (v: string) => (v.toLowerCase().startsWith('urn:uuid:') ? v.slice('urn:uuid:'.length) : v);

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return match !== null && isValidDate(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** A point in time: a `Date`, or a FHIR dateTime with seconds and a time zone (kept as written). */
const dateTime = () =>
  z.pipe(
    z.union([
      z.date(),
      z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            isDateTime,
            rule('datetime', 'A date and time with seconds and a time zone, e.g. 2026-11-25T09:30:00+01:00'),
          ),
        ),
    ]),
    z.transform((v: Date | string) => (typeof v === 'string' ? v : instant(v))),
  );

const fhirId = () =>
  z
    .string()
    .check(
      /* @__PURE__ */ z.refine(
        (v: string) => FHIR_ID.test(v),
        rule('fhir-id', 'Not a FHIR id (1–64 of A–Z a–z 0–9 - .)'),
      ),
    );

const text = () =>
  z.string().check(/* @__PURE__ */ z.refine((v: string) => v.trim() !== '', rule('required', 'Must not be blank')));

const ActivityCode = /* @__PURE__ */ z.enum(HOSPITAL_NOTIFICATION_ACTIVITY_CODES);

/**
 * The Encounter of a HospitalNotification: the hospital stay's times, the current leave period and the unit in
 * charge. `start` is always the start of the stay (also in leave and discharge messages); `end` is the time of
 * discharge or death.
 *
 * @example
 * ```ts
 * const encounter: HospitalNotificationEncounterInput = {
 *   start: '2026-11-20T08:15:00+01:00',
 *   leave: { start: '2026-11-24T10:00:00+01:00', end: '2026-11-25T09:00:00+01:00' },
 * };
 * ```
 * @category Builders
 */
export const HospitalNotificationEncounterInput = /* @__PURE__ */ z.strictObject({
  /** Keep an Encounter id across the messages of a stay; a new UUID by default. */
  id: z.optional(fhirId()),
  /** `IMP` (inpatient) or `EMER` (acute ambulant). The activity code implies it; needed only for a death. */
  class: z.optional(z.enum(['IMP', 'EMER'])),
  start: dateTime(),
  end: z.optional(dateTime()),
  /** The current leave period: `start` when the patient leaves, `start` and `end` once back. */
  leave: z.optional(z.strictObject({ start: z.optional(dateTime()), end: z.optional(dateTime()) })),
  /**
   * The unit in charge of the stay when it is not the sender (e.g. a ward under the sending department), as a
   * MedCom core organisation with a SOR id. Left out, the sender is the service provider.
   */
  serviceProvider: z.optional(
    z.strictObject({
      name: z.optional(text()),
      sor: z.pipe(
        z
          .string()
          .check(
            /* @__PURE__ */ z.refine(
              (v: string) => parseSor(v).valid,
              rule('sor', 'Not a SOR id (digits, at least 11)'),
            ),
          ),
        z.transform((v: string) => {
          const parsed = parseSor(v);
          return parsed.valid ? parsed.value : v;
        }),
      ),
    }),
  ),
});
/** @category Builders */
export type HospitalNotificationEncounterInput = z.input<typeof HospitalNotificationEncounterInput>;

/**
 * The episode of care (forløb) the stay belongs to: a local UUID (written with the sender's SOR endpoint URL as
 * its system), an LPR3 id (a version-5 UUID), or both. `urn:uuid:` prefixes are accepted.
 *
 * @example
 * ```ts
 * const episodeOfCare: EpisodeOfCareInput = { local: 'bd481c38-a921-11ed-afa1-0242ac120002' };
 * ```
 * @category Builders
 */
export const EpisodeOfCareInput = /* @__PURE__ */ z.strictObject({
  local: z.optional(
    z.pipe(
      z.string().check(/* @__PURE__ */ z.refine((v: string) => UUID.test(bareUuid(v)), rule('uuid', 'Not a UUID'))),
      z.transform((v: string) => bareUuid(v).toLowerCase()),
    ),
  ),
  lpr3: z.optional(
    z.pipe(
      z
        .string()
        .check(
          /* @__PURE__ */ z.refine(
            (v: string) => UUID_V5.test(bareUuid(v)),
            rule('uuid-v5', 'An LPR3 episode-of-care id is a version-5 UUID'),
          ),
        ),
      z.transform((v: string) => `urn:uuid:${bareUuid(v).toLowerCase()}`),
    ),
  ),
});
/** @category Builders */
export type EpisodeOfCareInput = z.input<typeof EpisodeOfCareInput>;

/**
 * One earlier exchange of the thread, carried forward as a Provenance (MedCom's history stack).
 *
 * @example
 * ```ts
 * const admitted: NotificationExchange = {
 *   messageHeaderId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404',
 *   activity: 'admit-inpatient',
 *   time: '2026-11-20T08:15:02+01:00',
 * };
 * ```
 * @category Builders
 */
export const NotificationExchange = /* @__PURE__ */ z.strictObject({
  messageHeaderId: fhirId(),
  activity: ActivityCode,
  /** When that message was sent (its Provenance `occurredDateTime`). */
  time: dateTime(),
  /** The message that one continued (`revision`) or cancelled (`removal`). */
  entity: z.optional(z.strictObject({ role: z.enum(['revision', 'removal']), messageHeaderId: fhirId() })),
});
/** @category Builders */
export type NotificationExchange = z.input<typeof NotificationExchange>;

/**
 * The message this one continues, revises or cancels. {@link previousNotification} reads it from that message's Bundle.
 *
 * @example
 * ```ts
 * const previous: PreviousNotificationInput = { messageHeaderId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404' };
 * ```
 * @category Builders
 */
export const PreviousNotificationInput = /* @__PURE__ */ z.strictObject({
  /** Its MessageHeader.id: the Provenance entity becomes `MessageHeader/<id>`. */
  messageHeaderId: fhirId(),
  /**
   * The stay's current activity: an admission or a start or end of leave. A death message (and its correction or
   * cancellation) repeats it, as MedCom requires; left out, a death is written with the admission code of its
   * class. {@link previousNotification} works it out from the history.
   */
  activity: z.optional(ActivityCode),
  /** The thread's exchanges so far, that one included, to carry forward. */
  history: z.optional(z.array(NotificationExchange)),
});
/** @category Builders */
export type PreviousNotificationInput = z.input<typeof PreviousNotificationInput>;

const noCc = () =>
  z.optional(
    z
      .unknown()
      .check(
        /* @__PURE__ */ z.refine(
          (v: unknown) => Array.isArray(v) && v.length === 0,
          rule('no-cc', 'A HospitalNotification has one primary receiver and no cc receivers'),
        ),
      ),
  );

/**
 * The input of {@link buildHospitalNotification}.
 *
 * - `activity`: what happened ({@link HospitalNotificationActivity}).
 * - `sender` (the hospital unit) and `receiver` (the patient's home municipality), each with SOR and GLN. There is
 *   no `cc`: a HospitalNotification has exactly one, primary, receiver.
 * - `patient`: with a real CPR number (an eCPR is refused, as the standard demands).
 * - `encounter`, `episodeOfCare`: the stay ({@link HospitalNotificationEncounterInput}, {@link EpisodeOfCareInput}).
 * - `reportOfAdmission`: on an admission (or its correction), ask the receiver for a report of admission (XDIS16):
 *   `true` sends it to the sender, `{ recipient }` to another unit; `false` writes an explicit "no".
 * - `previous`: the message this one continues, revises or cancels; required for every activity but an admission.
 *
 * @example
 * ```ts
 * const input: HospitalNotificationInput = {
 *   activity: 'admit-inpatient',
 *   sender: { name: 'Hjerteafdelingen', sor: '265161000016000', gln: '5790000209354' },
 *   receiver: { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' },
 *   patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
 *   encounter: { start: '2026-11-20T08:15:00+01:00' },
 *   episodeOfCare: { local: 'bd481c38-a921-11ed-afa1-0242ac120002' },
 *   reportOfAdmission: true,
 * };
 * ```
 * @category Builders
 */
export const HospitalNotificationInput = /* @__PURE__ */ z.strictObject({
  activity: z.enum(HOSPITAL_NOTIFICATION_ACTIVITIES),
  sender: OrganizationInput,
  receiver: OrganizationInput,
  cc: noCc(),
  patient: /* @__PURE__ */ PatientInput.check(
    /* @__PURE__ */ z.refine((p: { ecpr?: string | undefined }) => p.ecpr === undefined, {
      ...rule('no-ecpr', 'A HospitalNotification needs a real CPR number; a replacement CPR is not allowed'),
      path: ['ecpr'],
    }),
  ),
  encounter: HospitalNotificationEncounterInput,
  episodeOfCare: EpisodeOfCareInput,
  reportOfAdmission: z.optional(z.union([z.boolean(), z.strictObject({ recipient: OrganizationInput })])),
  previous: z.optional(PreviousNotificationInput),
});
/** @category Builders */
export type HospitalNotificationInput = z.input<typeof HospitalNotificationInput>;
/**
 * A {@link HospitalNotificationInput} after checking: identifiers in normal form, times as FHIR dateTimes.
 *
 * @category Builders
 */
export type CheckedHospitalNotificationInput = z.output<typeof HospitalNotificationInput>;

/** A checked input with everything the activity decides. */
export interface HospitalNotificationPlan {
  readonly input: CheckedHospitalNotificationInput;
  readonly rule: ActivityRule;
  readonly class: HospitalNotificationClass;
  readonly status: HospitalNotificationEncounterStatus;
  /** The Provenance activity code. */
  readonly activity: HospitalNotificationActivityCode;
  /** `Patient.deceasedBoolean`: true for a death and its correction, false when a death is cancelled. */
  readonly deceased: boolean | undefined;
}

const time = (v: string) => Date.parse(v);
const admitCode = (c: HospitalNotificationClass): HospitalNotificationActivityCode =>
  c === 'IMP' ? 'admit-inpatient' : 'admit-emergency';

/** The rules between fields; each broken one is an issue. */
function crossCheck(
  input: CheckedHospitalNotificationInput,
  ar: ActivityRule,
): {
  issues: InputIssue[];
  class: HospitalNotificationClass | undefined;
  status: HospitalNotificationEncounterStatus;
} {
  const issues: InputIssue[] = [];
  const issue = (field: string, name: string, message: string) => issues.push({ field, rule: name, message });
  const { encounter, previous } = input;
  const leave = encounter.leave;
  const death = ar.event === 'death';

  if (ar.entityRole !== undefined && previous === undefined) {
    issue('previous', 'required', 'Give the MessageHeader.id of the message this one continues, revises or cancels');
  }

  const previousClass = previous?.activity === undefined ? undefined : classOfCode(previous.activity);
  let stayClass = ar.class ?? encounter.class ?? previousClass;
  if (ar.class !== undefined && encounter.class !== undefined && encounter.class !== ar.class) {
    issue('encounter.class', 'class-matches-activity', 'The activity code names the other class (IMP or EMER)');
  }
  if (death) {
    const current = previous?.activity;
    if (current !== undefined && !/^(admit-|start-leave-|end-leave-)/.test(current)) {
      issue('previous.activity', 'current-activity', 'A death repeats the current activity: an admission or leave');
    }
    if (stayClass === undefined) {
      issue('encounter.class', 'required', 'Give the class of the stay (IMP or EMER) for a death');
    } else if (previousClass !== undefined && previousClass !== stayClass) {
      issue('previous.activity', 'class-matches-activity', 'The current activity is of the other class (IMP or EMER)');
      stayClass = undefined;
    }
  }

  if (input.episodeOfCare.local === undefined && input.episodeOfCare.lpr3 === undefined) {
    issue('episodeOfCare', 'required', 'Give a local episode-of-care UUID, an LPR3 id, or both');
  }

  const status: HospitalNotificationEncounterStatus =
    ar.status === 'previous'
      ? leave?.start !== undefined && leave.end === undefined
        ? 'onleave'
        : 'in-progress'
      : ar.status;

  if (ar.event === 'admit' && leave !== undefined) {
    issue('encounter.leave', 'no-leave-on-admission', 'An admission has no leave period');
  }
  const needsLeaveStart = ar.event === 'end-leave' || (ar.event === 'start-leave' && ar.action !== 'cancel');
  if (needsLeaveStart && leave?.start === undefined) {
    issue('encounter.leave.start', 'required', 'Give the time the leave started');
  }
  if (ar.event === 'end-leave' && ar.action !== 'cancel' && leave?.end === undefined) {
    issue('encounter.leave.end', 'required', 'Give the time the patient came back from leave');
  }
  if (status === 'onleave' && leave?.end !== undefined) {
    issue('encounter.leave.end', 'no-leave-end-while-on-leave', 'The patient is on leave: the leave has no end yet');
  }
  if (!needsLeaveStart && leave?.end !== undefined && leave.start === undefined) {
    issue('encounter.leave.start', 'required', 'A leave with an end needs its start');
  }

  if (status === 'finished' && encounter.end === undefined) {
    issue('encounter.end', 'required', death ? 'Give the time of death' : 'Give the time of discharge');
  }
  if ((status === 'in-progress' || status === 'onleave') && encounter.end !== undefined) {
    issue('encounter.end', 'no-end-while-admitted', 'The stay has not ended: leave out its end');
  }

  const start = time(encounter.start);
  if (encounter.end !== undefined && time(encounter.end) < start) {
    issue('encounter.end', 'end-after-start', 'The stay cannot end before it starts');
  }
  if (leave?.start !== undefined && time(leave.start) < start) {
    issue('encounter.leave.start', 'leave-within-stay', 'The leave cannot start before the stay');
  }
  if (leave?.start !== undefined && leave.end !== undefined && time(leave.end) < time(leave.start)) {
    issue('encounter.leave.end', 'end-after-start', 'The leave cannot end before it starts');
  }
  if (leave?.end !== undefined && encounter.end !== undefined && time(leave.end) > time(encounter.end)) {
    issue('encounter.leave.end', 'leave-within-stay', 'The leave cannot end after the stay');
  }

  const deceased = input.patient.deceased;
  if (deceased === true && !(death && ar.action !== 'cancel')) {
    issue(
      'patient.deceased',
      'deceased-only-on-death',
      'Only a death message (or its correction) says the patient died',
    );
  }
  if (deceased === false && death && ar.action !== 'cancel') {
    issue('patient.deceased', 'deceased-on-death', 'A death message says the patient died');
  }

  if (input.reportOfAdmission !== undefined && !(ar.event === 'admit' && ar.action !== 'cancel')) {
    issue('reportOfAdmission', 'admission-only', 'A report of admission is asked for on an admission only');
  }
  return { issues, class: stayClass, status };
}

/**
 * Checks a HospitalNotification input, or throws an {@link InputError} naming every broken rule.
 *
 * @example
 * ```ts
 * const plan = planHospitalNotification(input);
 * plan.status; // 'in-progress'
 * ```
 */
export function planHospitalNotification(raw: unknown): HospitalNotificationPlan {
  const input = parseInput(HospitalNotificationInput, raw);
  const ar = activityRule(input.activity);
  const checked = crossCheck(input, ar);
  if (checked.issues.length > 0 || checked.class === undefined) throw new InputError(checked.issues);
  const stayClass = checked.class;
  const death = ar.event === 'death';
  return {
    input,
    rule: ar,
    class: stayClass,
    status: checked.status,
    activity: death
      ? (input.previous?.activity ?? admitCode(stayClass))
      : (input.activity as HospitalNotificationActivityCode),
    deceased: death ? ar.action !== 'cancel' : input.patient.deceased,
  };
}
