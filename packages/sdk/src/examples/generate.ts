// SPDX-License-Identifier: MIT
import type { Bundle } from '@medplum/fhirtypes';
import { acknowledge } from '../fhir/build/acknowledgement.js';
import {
  buildCareCommunication,
  forwardCareCommunication,
  replyToCareCommunication,
} from '../fhir/build/care-communication.js';
import { buildHomeCareObservation } from '../fhir/build/home-care-observation.js';
import { buildHospitalNotification, previousNotification } from '../fhir/build/hospital-notification.js';
import type { HospitalNotificationInput } from '../fhir/build/hospital-notification.js';
import type { PersonInput } from '../fhir/build/care-communication-input.js';
import type { PatientInput } from '../fhir/build/inputs.js';
import type { BuildOptions } from '../fhir/build/options.js';
import { EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from './parties.js';

/**
 * One message of the synthetic example set.
 *
 * @category Examples
 */
export interface ExampleMessage {
  /** A file-name stem that says what the message is, e.g. `hospital-notification-a-01-admit-inpatient`. */
  readonly name: string;
  /** One line in English on what the message shows. */
  readonly description: string;
  readonly bundle: Bundle;
}

type Activity = HospitalNotificationInput['activity'];
type Encounter = HospitalNotificationInput['encounter'];

/** Deterministic ids and times: message `n` gets ids `0000000n-…` and the clock reading given for it. */
function optionsFor(index: number, at: string): BuildOptions {
  let count = 0;
  const prefix = index.toString(16).padStart(8, '0');
  return {
    now: () => new Date(at),
    newId: () => `${prefix}-0000-4000-8000-${(++count).toString(16).padStart(12, '0')}`,
  };
}

/**
 * The synthetic MedCom example set made by the builders: every HospitalNotification activity (in six stays), a
 * CareCommunication thread new → reply → forward with an attachment, a `regarding-referral` message with priority
 * asap, an acknowledgement of each code and a HomeCareObservation. Invented parties, MedCom's test patients. The
 * same set every time (fixed clock and ids), so it serves as the fixture set of tests, stories and the demo.
 *
 * @returns The messages in the order they were sent.
 * @example
 * ```ts
 * for (const { name, bundle } of exampleMessages()) await writeFile(`${name}.json`, JSON.stringify(bundle));
 * ```
 * @category Examples
 */
export function exampleMessages(): ExampleMessage[] {
  const out: ExampleMessage[] = [];
  const add = (name: string, description: string, build: (options: BuildOptions) => Bundle, at: string) => {
    const bundle = build(optionsFor(out.length + 1, at));
    out.push({ name, description, bundle });
    return bundle;
  };
  const { hospital, municipality, acuteTeam } = EXAMPLE_PARTIES;
  const { ydernummer, ...gp } = EXAMPLE_PARTIES.gp;
  const { bruno, karin, soeren } = EXAMPLE_PATIENTS;

  /** One hospital stay: each step continues (or revises, or cancels) the stay's latest message. */
  const stay = (letter: string, patient: PatientInput, episode: string) => {
    let latest: Bundle | undefined;
    let step = 0;
    return (activity: Activity, encounter: Encounter, at: string, description: string) => {
      step += 1;
      const name = `hospital-notification-${letter}-${String(step).padStart(2, '0')}-${activity}`;
      const previous = latest;
      latest = add(
        name,
        description,
        (options) =>
          buildHospitalNotification(
            {
              activity,
              sender: hospital,
              receiver: municipality,
              patient,
              encounter,
              episodeOfCare: { local: episode },
              ...(activity === 'admit-inpatient' || activity === 'admit-emergency' ? { reportOfAdmission: true } : {}),
              ...(previous === undefined ? {} : { previous: previousNotification(previous) }),
            },
            options,
          ),
        at,
      );
    };
  };

  // Stay A: an inpatient stay with leave, every step corrected once.
  const a = stay('a', bruno, '5a0f6a8e-2a4b-4c51-9a51-0d1c3f6e7a01');
  const startA = '2026-11-02T08:15:00+01:00';
  a('admit-inpatient', { start: startA }, '2026-11-02T07:16:00Z', 'Bruno is admitted (inpatient).');
  a(
    'revise-admit-inpatient',
    { start: '2026-11-02T08:05:00+01:00' },
    '2026-11-02T07:40:00Z',
    'The admission time is corrected.',
  );
  const leaveA = { start: '2026-11-05T10:00:00+01:00' };
  a('start-leave-inpatient', { start: startA, leave: leaveA }, '2026-11-05T09:01:00Z', 'Bruno goes on leave.');
  a(
    'revise-start-leave-inpatient',
    { start: startA, leave: { start: '2026-11-05T09:30:00+01:00' } },
    '2026-11-05T09:20:00Z',
    'The leave start is corrected.',
  );
  const backA = { start: '2026-11-05T09:30:00+01:00', end: '2026-11-06T18:00:00+01:00' };
  a('end-leave-inpatient', { start: startA, leave: backA }, '2026-11-06T17:02:00Z', 'Bruno is back from leave.');
  a(
    'revise-end-leave-inpatient',
    { start: startA, leave: { ...backA, end: '2026-11-06T17:30:00+01:00' } },
    '2026-11-06T17:45:00Z',
    'The return time is corrected.',
  );
  a(
    'discharge-inpatient-home',
    { start: startA, end: '2026-11-09T11:00:00+01:00' },
    '2026-11-09T10:01:00Z',
    'Bruno is discharged home.',
  );
  a(
    'revise-discharge-inpatient-home',
    { start: startA, end: '2026-11-09T12:00:00+01:00' },
    '2026-11-09T11:10:00Z',
    'The discharge time is corrected.',
  );

  // Stay B: leave cancelled, a return cancelled and reported again, a discharge cancelled.
  const b = stay('b', karin, '5a0f6a8e-2a4b-4c51-9a51-0d1c3f6e7a02');
  const startB = '2026-11-10T14:00:00+01:00';
  b('admit-inpatient', { start: startB }, '2026-11-10T13:02:00Z', 'Karin is admitted (inpatient).');
  b(
    'start-leave-inpatient',
    { start: startB, leave: { start: '2026-11-11T09:00:00+01:00' } },
    '2026-11-11T08:01:00Z',
    'Karin goes on leave.',
  );
  b(
    'cancel-start-leave-inpatient',
    { start: startB },
    '2026-11-11T08:30:00Z',
    'The leave was sent in error and is cancelled.',
  );
  const leaveB = { start: '2026-11-12T09:00:00+01:00' };
  b('start-leave-inpatient', { start: startB, leave: leaveB }, '2026-11-12T08:01:00Z', 'Karin goes on leave.');
  b(
    'end-leave-inpatient',
    { start: startB, leave: { ...leaveB, end: '2026-11-12T15:00:00+01:00' } },
    '2026-11-12T14:02:00Z',
    'Karin is back from leave.',
  );
  b(
    'cancel-end-leave-inpatient',
    { start: startB, leave: leaveB },
    '2026-11-12T14:20:00Z',
    'The return was sent in error and is cancelled.',
  );
  b(
    'end-leave-inpatient',
    { start: startB, leave: { ...leaveB, end: '2026-11-12T19:00:00+01:00' } },
    '2026-11-12T18:02:00Z',
    'Karin is back from leave.',
  );
  b(
    'discharge-inpatient-home',
    { start: startB, end: '2026-11-14T10:00:00+01:00' },
    '2026-11-14T09:01:00Z',
    'Karin is discharged home.',
  );
  b(
    'cancel-discharge-inpatient-home',
    { start: startB },
    '2026-11-14T09:30:00Z',
    'The discharge was sent in error and is cancelled.',
  );

  // Stay C: an acute ambulant stay, corrected and discharged; the discharge corrected, then cancelled.
  const c = stay('c', soeren, '5a0f6a8e-2a4b-4c51-9a51-0d1c3f6e7a03');
  const startC = '2026-11-15T22:40:00+01:00';
  c('admit-emergency', { start: startC }, '2026-11-15T21:41:00Z', 'Søren arrives acutely (acute ambulant).');
  c(
    'revise-admit-emergency',
    { start: '2026-11-15T22:30:00+01:00' },
    '2026-11-15T21:55:00Z',
    'The arrival time is corrected.',
  );
  const startC2 = '2026-11-15T22:30:00+01:00';
  c(
    'discharge-emergency-home',
    { start: startC2, end: '2026-11-16T06:00:00+01:00' },
    '2026-11-16T05:01:00Z',
    'Søren goes home.',
  );
  c(
    'revise-discharge-emergency-home',
    { start: startC2, end: '2026-11-16T06:30:00+01:00' },
    '2026-11-16T05:40:00Z',
    'The time he went home is corrected.',
  );
  c(
    'cancel-discharge-emergency-home',
    { start: startC2 },
    '2026-11-16T05:50:00Z',
    'Going home was sent in error and is cancelled.',
  );

  // Stays D and E: admissions sent in error.
  const d = stay('d', soeren, '5a0f6a8e-2a4b-4c51-9a51-0d1c3f6e7a04');
  d('admit-emergency', { start: '2026-11-17T10:00:00+01:00' }, '2026-11-17T09:01:00Z', 'Søren arrives acutely.');
  d(
    'cancel-admit-emergency',
    { start: '2026-11-17T10:00:00+01:00' },
    '2026-11-17T09:10:00Z',
    'The arrival was sent for the wrong patient and is cancelled.',
  );
  const e = stay('e', karin, '5a0f6a8e-2a4b-4c51-9a51-0d1c3f6e7a05');
  e('admit-inpatient', { start: '2026-11-18T10:00:00+01:00' }, '2026-11-18T09:01:00Z', 'Karin is admitted.');
  e(
    'cancel-admit-inpatient',
    { start: '2026-11-18T10:00:00+01:00' },
    '2026-11-18T09:10:00Z',
    'The admission was sent in error and is cancelled.',
  );

  // Stay F: a death, corrected, then cancelled.
  const f = stay('f', bruno, '5a0f6a8e-2a4b-4c51-9a51-0d1c3f6e7a06');
  const startF = '2026-11-19T08:00:00+01:00';
  f('admit-inpatient', { start: startF }, '2026-11-19T07:01:00Z', 'Bruno is admitted.');
  f('death', { start: startF, end: '2026-11-20T03:10:00+01:00' }, '2026-11-20T02:30:00Z', 'Bruno has died.');
  f(
    'revise-death',
    { start: startF, end: '2026-11-20T03:00:00+01:00' },
    '2026-11-20T02:45:00Z',
    'The time of death is corrected.',
  );
  f(
    'cancel-death',
    { start: startF },
    '2026-11-20T03:00:00Z',
    'The death was reported for the wrong patient and is cancelled.',
  );

  // A CareCommunication thread: hospital → home care, home care answers, the hospital forwards to the GP.
  const nurse: PersonInput = { family: 'Hansen', given: ['Mette'], role: 'sygeplejerske' };
  const homeNurse: PersonInput = { family: 'Pedersen', given: ['Jonas'], role: 'sygeplejerske' };
  const doctor: PersonInput = { family: 'Andersen', given: ['Lars'], role: 'afdelingslaege' };
  const first = add(
    'care-communication-thread-1-new',
    'The hospital asks home care about medicine at discharge (a new thread).',
    (options) =>
      buildCareCommunication(
        {
          sender: hospital,
          receiver: municipality,
          patient: bruno,
          category: 'medicine',
          topic: 'Medicin ved udskrivelse',
          texts: [
            {
              text: 'Bruno udskrives mandag.\nKan hjemmeplejen overtage dosisdispenseringen fra tirsdag?',
              author: nurse,
              phone: '+4538683868',
            },
          ],
        },
        options,
      ),
    '2026-11-06T09:30:00Z',
  );
  const reply = add(
    'care-communication-thread-2-reply',
    'Home care replies in the same thread.',
    (options) =>
      replyToCareCommunication(
        first,
        {
          texts: [
            {
              text: 'Ja, vi overtager fra tirsdag. Send gerne medicinlisten.',
              author: homeNurse,
              phone: '+4544527000',
            },
          ],
        },
        options,
      ),
    '2026-11-06T12:05:00Z',
  );
  add(
    'care-communication-thread-3-forward-with-attachment',
    'The hospital forwards the thread to the GP with the medicine list attached (a new thread id).',
    (options) =>
      forwardCareCommunication(
        reply,
        {
          receiver: gp,
          texts: [
            {
              text: 'Til orientering: medicinlisten ved udskrivelse er vedhæftet.',
              author: doctor,
              phone: '+4538683800',
            },
          ],
          attachments: [
            {
              title: 'Medicinliste ved udskrivelse',
              contentType: 'application/pdf',
              data: 'JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK',
              creation: '2026-11-06T13:00:00+01:00',
            },
          ],
        },
        { ...options, earlier: [first] },
      ),
    '2026-11-06T13:10:00Z',
  );
  add(
    'care-communication-regarding-referral-asap',
    'The GP asks the hospital about a referral, priority asap.',
    (options) =>
      buildCareCommunication(
        {
          sender: gp,
          receiver: hospital,
          patient: soeren,
          category: 'regarding-referral',
          priority: 'asap',
          texts: [
            {
              text: 'Vedr. henvisning af 12. november: patienten har fået det værre. Kan undersøgelsen fremrykkes?',
              author: { family: 'Berg', given: ['Anne'], roleText: 'Praktiserende læge' },
              phone: '+4586123456',
            },
          ],
        },
        options,
      ),
    '2026-11-13T08:20:00Z',
  );

  // Acknowledgements of each code, from home care back to the hospital.
  const acknowledged = first;
  add(
    'acknowledgement-ok',
    'Home care acknowledges the new message: ok.',
    (o) => acknowledge(acknowledged, { code: 'ok' }, o),
    '2026-11-06T09:31:00Z',
  );
  add(
    'acknowledgement-transient-error',
    'A receiver that could not store a message answers transient-error.',
    (o) =>
      acknowledge(
        reply,
        {
          code: 'transient-error',
          issues: [{ code: 'MSG_Mailbox_Out_Of_Operation', text: 'Postkassen er midlertidigt lukket' }],
        },
        o,
      ),
    '2026-11-06T12:06:00Z',
  );
  add(
    'acknowledgement-fatal-error',
    'A receiver that found the message invalid answers fatal-error.',
    (o) =>
      acknowledge(
        acknowledged,
        { code: 'fatal-error', issues: [{ code: 'MSG_VALUESET_VALUE_UNKNOWN', text: 'Ukendt kategori' }] },
        o,
      ),
    '2026-11-06T09:32:00Z',
  );

  // HomeCareObservation: the acute team measures at home and reports to the GP.
  add(
    'home-care-observation',
    "The municipality's acute team reports temperature, respiration rate and a urine test to the GP.",
    (options) =>
      buildHomeCareObservation(
        {
          sender: acuteTeam,
          receiver: { ...gp, ydernummer, contactInitials: 'LA' },
          patient: karin,
          performer: { given: ['Mia'], family: 'Lund', phone: '+4587654321', role: 'sygeplejerske' },
          observations: [
            {
              code: { system: 'npu', code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C' },
              value: 38.7,
              unit: '°C',
              effective: '2026-11-21T09:24:00+01:00',
              referenceRange: { low: 36.5, high: 37.5 },
              note: 'Målt rektalt',
            },
            {
              code: { system: 'medcom', code: 'MCS88122' },
              value: 24,
              unit: '1/min',
              effective: '2026-11-21T09:25:00+01:00',
            },
            { code: { system: 'npu', code: 'NPU21578' }, value: 'Negative', effective: '2026-11-21T09:30:00+01:00' },
          ],
        },
        options,
      ),
    '2026-11-21T08:40:00Z',
  );
  return out;
}
