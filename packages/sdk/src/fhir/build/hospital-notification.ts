// SPDX-License-Identifier: MIT
// HospitalNotification (advis om sygehusophold) 3.0.2: the hospital tells the patient's home municipality that
// the patient was admitted, went on leave, came back, was discharged or died, or corrects or cancels such a message.
import type { Bundle, Extension, Identifier, MessageHeader, Organization, ProvenanceEntity } from '@medplum/fhirtypes';
import { buildContext, instant, type BuildContext, type BuildOptions } from './options.js';
import { endpointOf, messageBundle, messageHeader, organization, patient, provenance } from './resources.js';
import { profileUrl } from './urls.js';
import type { CheckedOrganization } from './inputs.js';
import {
  hospitalNotificationEncounter,
  LPR3_SYSTEM,
  serviceProviderOrganization,
} from './hospital-notification-encounter.js';
import { planHospitalNotification, type HospitalNotificationInput } from './hospital-notification-input.js';

export {
  HOSPITAL_NOTIFICATION_ACTIVITIES,
  HOSPITAL_NOTIFICATION_ACTIVITY_CODES,
} from './hospital-notification-activities.js';
export type {
  HospitalNotificationActivity,
  HospitalNotificationActivityCode,
  HospitalNotificationClass,
  HospitalNotificationEncounterStatus,
} from './hospital-notification-activities.js';
export {
  EpisodeOfCareInput,
  HospitalNotificationEncounterInput,
  HospitalNotificationInput,
  NotificationExchange,
  PreviousNotificationInput,
} from './hospital-notification-input.js';
export type { CheckedHospitalNotificationInput } from './hospital-notification-input.js';
export { LEAVE_PERIOD_EXTENSION, LPR3_SYSTEM } from './hospital-notification-encounter.js';
export { previousNotification, type PreviousNotification } from './hospital-notification-previous.js';

const IG = 'hospitalnotification';
const REPORT_OF_ADMISSION = profileUrl(IG, 'medcom-messaging-reportOfAdmissionExtension');
const REPORT_OF_ADMISSION_RECIPIENT = profileUrl(IG, 'medcom-messaging-reportOfAdmissionRecipientExtension');

type Party = Organization & { id: string };

/** The MessageHeader an earlier exchange targets; only its id is written (in `MessageHeader/<id>`). */
const earlierHeader = (id: string) => ({ resourceType: 'MessageHeader', id }) as MessageHeader & { id: string };

const entityFor = (role: 'revision' | 'removal', messageHeaderId: string): ProvenanceEntity => ({
  role,
  what: { reference: `MessageHeader/${messageHeaderId}` },
});

/** The sender, receiver, and a report recipient or service provider only when they are other units. */
function parties(
  ctx: BuildContext,
  sender: CheckedOrganization,
  receiver: CheckedOrganization,
): { sender: Party; receiver: Party; bySor: (sor: string) => Party | undefined } {
  const senderOrg = organization(ctx, sender);
  const receiverOrg = organization(ctx, receiver);
  const bySor = (sor: string) => (sor === sender.sor ? senderOrg : sor === receiver.sor ? receiverOrg : undefined);
  return { sender: senderOrg, receiver: receiverOrg, bySor };
}

/**
 * Builds a MedCom HospitalNotification (3.0.2) message Bundle: MessageHeader (primary receiver only), Patient,
 * Encounter, the organisations and Provenances (the history carried forward plus this message's own), each with a
 * generated Danish narrative.
 *
 * The activity decides the Encounter (MedCom's code overview): admission `in-progress` with class `IMP` or `EMER`;
 * leave `onleave` with the leave period's start, back from leave `in-progress` with start and end; discharge
 * `finished` with `period.end`; death `finished` with `period.end` = time of death and `Patient.deceasedBoolean`
 * true, under the current activity (MedCom has no death code). A correction (`revise-…`) writes the corrected
 * values with Provenance entity role `revision`; a cancellation (`cancel-…`) has role `removal` and the status
 * before the cancelled event (`entered-in-error` when the admission itself is cancelled). Every activity but an
 * admission points at `previous`.
 *
 * @param input - The activity, parties, patient and stay; see {@link HospitalNotificationInput}.
 * @param options - Clock and id source; inject both for deterministic output.
 * @returns The message Bundle, ready to validate and send.
 * @throws {@link InputError} naming the field and rule of every problem, e.g. `cc`/`no-cc`, `patient.ecpr`/`no-ecpr`,
 *   `encounter.end`/`required` (discharge or death without its time), `previous`/`required`.
 *
 * @example
 * ```ts
 * const admission = buildHospitalNotification({
 *   activity: 'admit-inpatient',
 *   sender: { name: 'Hjerteafdelingen', sor: '265161000016000', gln: '5790000209354' },
 *   receiver: { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' },
 *   patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
 *   encounter: { start: '2026-11-20T08:15:00+01:00' },
 *   episodeOfCare: { local: 'bd481c38-a921-11ed-afa1-0242ac120002' },
 *   reportOfAdmission: true,
 * });
 * const discharge = buildHospitalNotification({
 *   ...sameStay,
 *   activity: 'discharge-inpatient-home',
 *   encounter: { start: '2026-11-20T08:15:00+01:00', end: '2026-11-27T11:00:00+01:00' },
 *   previous: previousNotification(admission),
 * });
 * ```
 * @category Builders
 */
export function buildHospitalNotification(input: HospitalNotificationInput, options?: BuildOptions): Bundle {
  const plan = planHospitalNotification(input);
  const { input: checked } = plan;
  const ctx = buildContext(options);
  const now = instant(ctx.now());

  const { sender, receiver, bySor } = parties(ctx, checked.sender, checked.receiver);
  const extra: Party[] = [];
  const added = (org: Party) => {
    extra.push(org);
    return org;
  };
  const provider = checked.encounter.serviceProvider;
  const serviceProvider =
    provider === undefined ? sender : (bySor(provider.sor) ?? added(serviceProviderOrganization(ctx, provider)));
  const report = checked.reportOfAdmission;
  const reportRecipient =
    report === undefined || report === false
      ? undefined
      : report === true
        ? sender
        : (bySor(report.recipient.sor) ?? added(organization(ctx, report.recipient)));

  const thePatient = patient(ctx, {
    ...checked.patient,
    ...(plan.deceased === undefined ? {} : { deceased: plan.deceased }),
  });
  const senderEndpoint = endpointOf(checked.sender);
  const episodeOfCare: Identifier[] = [
    ...(checked.episodeOfCare.lpr3 === undefined ? [] : [{ system: LPR3_SYSTEM, value: checked.episodeOfCare.lpr3 }]),
    ...(checked.episodeOfCare.local === undefined
      ? []
      : [{ system: senderEndpoint, value: checked.episodeOfCare.local }]),
  ];
  const encounter = hospitalNotificationEncounter({
    id: checked.encounter.id ?? ctx.newId(),
    status: plan.status,
    class: plan.class,
    start: checked.encounter.start,
    end: checked.encounter.end,
    leave: checked.encounter.leave,
    episodeOfCare,
    patient: thePatient,
    serviceProvider,
  });

  const extension: Extension[] | undefined =
    report === undefined
      ? undefined
      : [
          { url: REPORT_OF_ADMISSION, valueBoolean: reportRecipient !== undefined },
          ...(reportRecipient === undefined
            ? []
            : [
                {
                  url: REPORT_OF_ADMISSION_RECIPIENT,
                  valueReference: { reference: `Organization/${reportRecipient.id}` },
                },
              ]),
        ];
  const header = messageHeader(ctx, {
    profile: profileUrl(IG, 'medcom-hospitalNotification-messageHeader'),
    eventCode: 'hospital-notification-message',
    sender,
    senderEndpoint,
    destinations: [{ use: 'primary', organization: receiver, endpoint: endpointOf(checked.receiver) }],
    focus: [encounter],
    ...(extension === undefined ? {} : { extension }),
  });

  const previous = checked.previous;
  const history = (previous?.history ?? [])
    .filter((h, i, all) => all.findIndex((o) => o.messageHeaderId === h.messageHeaderId) === i)
    .map((h) =>
      provenance(ctx, {
        target: earlierHeader(h.messageHeaderId),
        activity: h.activity,
        agent: sender,
        time: h.time,
        ...(h.entity === undefined ? {} : { entity: [entityFor(h.entity.role, h.entity.messageHeaderId)] }),
      }),
    );
  // An admission may continue a thread too (e.g. acute ambulant becoming inpatient); it then points back.
  const role = plan.rule.entityRole ?? 'revision';
  const current = provenance(ctx, {
    target: header,
    activity: plan.activity,
    agent: sender,
    time: now,
    ...(previous === undefined ? {} : { entity: [entityFor(role, previous.messageHeaderId)] }),
  });

  return messageBundle(ctx, {
    ig: IG,
    profile: profileUrl(IG, 'medcom-hospitalNotification-message'),
    header,
    resources: [thePatient, encounter, sender, receiver, ...extra, ...history, current],
    timestamp: now,
  });
}
