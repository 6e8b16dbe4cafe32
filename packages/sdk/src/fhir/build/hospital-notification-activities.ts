// SPDX-License-Identifier: MIT
// What each HospitalNotification activity writes: Encounter status and class, Provenance activity and entity role,
// and which times it needs. Sources: the ValueSet medcom-hospitalNotification-messageActivities (terminology 1.1.1)
// and MedCom's "Overview of HospitalNotification codes and HL7 FHIR resources" (dk-medcom-hospitalnotification).

/**
 * The 18 Provenance activity codes of the ValueSet `medcom-hospitalNotification-messageActivities`.
 *
 * @example
 * ```ts
 * HOSPITAL_NOTIFICATION_ACTIVITY_CODES.includes('admit-inpatient'); // true
 * ```
 * @category Builders
 */
export const HOSPITAL_NOTIFICATION_ACTIVITY_CODES = [
  'admit-inpatient',
  'revise-admit-inpatient',
  'cancel-admit-inpatient',
  'admit-emergency',
  'revise-admit-emergency',
  'cancel-admit-emergency',
  'start-leave-inpatient',
  'revise-start-leave-inpatient',
  'cancel-start-leave-inpatient',
  'end-leave-inpatient',
  'revise-end-leave-inpatient',
  'cancel-end-leave-inpatient',
  'discharge-inpatient-home',
  'revise-discharge-inpatient-home',
  'cancel-discharge-inpatient-home',
  'discharge-emergency-home',
  'revise-discharge-emergency-home',
  'cancel-discharge-emergency-home',
] as const;

/**
 * A Provenance activity code of a HospitalNotification.
 *
 * @example
 * ```ts
 * const code: HospitalNotificationActivityCode = 'start-leave-inpatient';
 * ```
 * @category Builders
 */
export type HospitalNotificationActivityCode = (typeof HOSPITAL_NOTIFICATION_ACTIVITY_CODES)[number];

/**
 * What a HospitalNotification reports: one of the 18 activity codes, or a death (MORS), its correction (RE_MORS)
 * or its cancellation (AN_MORS). MedCom has no activity code for death: the message keeps the current activity
 * and says `Patient.deceasedBoolean = true` with the Encounter finished at the time of death.
 *
 * @example
 * ```ts
 * const activities: HospitalNotificationActivity[] = ['admit-inpatient', 'death', 'cancel-death'];
 * ```
 * @category Builders
 */
export type HospitalNotificationActivity = (typeof HOSPITAL_NOTIFICATION_ACTIVITIES)[number];

/**
 * Every {@link HospitalNotificationActivity} the builder accepts.
 *
 * @example
 * ```ts
 * for (const activity of HOSPITAL_NOTIFICATION_ACTIVITIES) console.log(activity);
 * ```
 * @category Builders
 */
export const HOSPITAL_NOTIFICATION_ACTIVITIES = [
  ...HOSPITAL_NOTIFICATION_ACTIVITY_CODES,
  'death',
  'revise-death',
  'cancel-death',
] as const;

/**
 * The Encounter statuses a HospitalNotification may carry.
 *
 * @example
 * ```ts
 * const status: HospitalNotificationEncounterStatus = 'onleave';
 * ```
 * @category Builders
 */
export type HospitalNotificationEncounterStatus = 'in-progress' | 'onleave' | 'finished' | 'entered-in-error';

/**
 * The Encounter classes a HospitalNotification may carry (v3 ActCode): inpatient or acute ambulant.
 *
 * @example
 * ```ts
 * const acuteAmbulant: HospitalNotificationClass = 'EMER';
 * ```
 * @category Builders
 */
export type HospitalNotificationClass = 'IMP' | 'EMER';

/** The event an activity reports, revises or cancels. */
export type ActivityEvent = 'admit' | 'start-leave' | 'end-leave' | 'discharge' | 'death';

/** What the activity does to the event: report it, correct it or cancel it. */
export type ActivityAction = 'report' | 'revise' | 'cancel';

/** How one activity is written. */
export interface ActivityRule {
  readonly event: ActivityEvent;
  readonly action: ActivityAction;
  /** The class the code implies; undefined for death, whose class is the stay's. */
  readonly class: HospitalNotificationClass | undefined;
  /** The Encounter status; `previous` for a cancelled death, which restores the status before it. */
  readonly status: HospitalNotificationEncounterStatus | 'previous';
  /** The Provenance entity role, when the message continues, revises or cancels an earlier one. */
  readonly entityRole: 'revision' | 'removal' | undefined;
}

const split = (activity: HospitalNotificationActivity): { action: ActivityAction; base: string } =>
  activity.startsWith('revise-')
    ? { action: 'revise', base: activity.slice('revise-'.length) }
    : activity.startsWith('cancel-')
      ? { action: 'cancel', base: activity.slice('cancel-'.length) }
      : { action: 'report', base: activity };

const eventOf = (base: string): ActivityEvent =>
  base.startsWith('admit-')
    ? 'admit'
    : base.startsWith('start-leave-')
      ? 'start-leave'
      : base.startsWith('end-leave-')
        ? 'end-leave'
        : base.startsWith('discharge-')
          ? 'discharge'
          : 'death';

/** The class an activity code names (`…-inpatient…` or `…-emergency…`). */
export function classOfCode(code: HospitalNotificationActivityCode): HospitalNotificationClass {
  return code.includes('-emergency') ? 'EMER' : 'IMP';
}

// MedCom's overview: a cancellation restores the status before the cancelled event (entered-in-error only when
// the admission itself is cancelled); a report or correction has the event's own status.
const STATUS: Readonly<Record<ActivityEvent, Readonly<Record<ActivityAction, ActivityRule['status']>>>> = {
  admit: { report: 'in-progress', revise: 'in-progress', cancel: 'entered-in-error' },
  'start-leave': { report: 'onleave', revise: 'onleave', cancel: 'in-progress' },
  'end-leave': { report: 'in-progress', revise: 'in-progress', cancel: 'onleave' },
  discharge: { report: 'finished', revise: 'finished', cancel: 'in-progress' },
  death: { report: 'finished', revise: 'finished', cancel: 'previous' },
};

/** How `activity` is written. */
export function activityRule(activity: HospitalNotificationActivity): ActivityRule {
  const { action, base } = split(activity);
  const event = eventOf(base);
  return {
    event,
    action,
    class: event === 'death' ? undefined : classOfCode(base as HospitalNotificationActivityCode),
    status: STATUS[event][action],
    // The first admission starts the thread; everything after it points back at the message it follows.
    entityRole: action === 'cancel' ? 'removal' : action === 'revise' || event !== 'admit' ? 'revision' : undefined,
  };
}
