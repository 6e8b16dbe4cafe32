// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { officialExamples, readJson } from '@samspil/fixtures';
import type { Bundle, Encounter, MessageHeader, Organization, Patient, Provenance, Resource } from '@medplum/fhirtypes';
import { isInputError } from '../../errors/index.js';
import { validateMessage } from '../validate/index.js';
import { cpr, fixedOptions, organizationInput, patientInput } from './arbitraries.test-support.js';
import {
  buildHospitalNotification,
  HOSPITAL_NOTIFICATION_ACTIVITIES,
  LPR3_SYSTEM,
  previousNotification,
  type HospitalNotificationActivity,
  type HospitalNotificationInput,
} from './hospital-notification.js';
import { instant } from './options.js';

const SENDER = { name: 'Hjerteafdelingen, Herlev', sor: '265161000016000', gln: '5790000209354' };
const RECEIVER = { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' };
const CPR = '2509479989';
const LOCAL = 'bd481c38-a921-11ed-afa1-0242ac120002';
const LPR3 = 'FC60E762-B13B-5773-865E-67F3907BDCC7';
const START = '2026-11-20T08:15:00+01:00';
const LEAVE_START = '2026-11-22T10:00:00+01:00';
const LEAVE_END = '2026-11-23T18:00:00+01:00';
const END = '2026-11-27T11:00:00+01:00';
const ACTIVITY_CODES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';
const example = (name: string): Bundle => {
  const found = officialExamples().find((e) => e.folder === 'hospitalnotification' && e.name === name);
  assert.ok(found, name);
  return readJson<Bundle>(found.json);
};

const base = {
  sender: SENDER,
  receiver: RECEIVER,
  patient: { cpr: CPR, family: 'Elmer', given: ['Bruno', 'Test'] },
  episodeOfCare: { local: LOCAL },
} satisfies Partial<HospitalNotificationInput>;

/** Build options whose ids differ from fixedOptions()' (earlier messages of a thread have their own ids). */
const earlierOptions = (now: Date, prefix: string) => {
  let n = 0;
  return { now: () => now, newId: () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}` };
};
const admission = buildHospitalNotification(
  { ...base, activity: 'admit-inpatient', encounter: { start: START } },
  earlierOptions(new Date('2026-11-20T07:16:00Z'), '11111111'),
);
const admissionHeaderId = admission.entry?.[0]?.resource?.id ?? '';

/** A valid Encounter for each activity, as the stay would be when it is sent. */
function encounterFor(activity: HospitalNotificationActivity): HospitalNotificationInput['encounter'] {
  switch (activity) {
    case 'start-leave-inpatient':
    case 'revise-start-leave-inpatient':
    case 'cancel-end-leave-inpatient':
      return { start: START, leave: { start: LEAVE_START } };
    case 'end-leave-inpatient':
    case 'revise-end-leave-inpatient':
      return { start: START, leave: { start: LEAVE_START, end: LEAVE_END } };
    case 'discharge-inpatient-home':
    case 'revise-discharge-inpatient-home':
    case 'discharge-emergency-home':
    case 'revise-discharge-emergency-home':
    case 'death':
    case 'revise-death':
      return { start: START, end: END };
    default:
      return { start: START };
  }
}

function inputFor(activity: HospitalNotificationActivity): HospitalNotificationInput {
  const emergency = activity.includes('emergency');
  const previous = previousNotification(admission);
  return {
    ...base,
    activity,
    encounter: encounterFor(activity),
    ...(activity === 'admit-inpatient' || activity === 'admit-emergency'
      ? {}
      : { previous: emergency ? { messageHeaderId: admissionHeaderId } : previous }),
  };
}

const resources = (bundle: Bundle): Resource[] => (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
const one = <T extends Resource['resourceType']>(bundle: Bundle, type: T) =>
  resources(bundle).find((r) => r.resourceType === type) as Extract<Resource, { resourceType: T }>;
const header = (bundle: Bundle) => one(bundle, 'MessageHeader') as MessageHeader;
const encounterOf = (bundle: Bundle) => one(bundle, 'Encounter') as Encounter;
const patientOf = (bundle: Bundle) => one(bundle, 'Patient') as Patient;
const currentProvenance = (bundle: Bundle) =>
  resources(bundle).find(
    (r): r is Provenance =>
      r.resourceType === 'Provenance' && r.target[0]?.reference === `MessageHeader/${header(bundle).id ?? ''}`,
  );

function assertValid(bundle: Bundle): void {
  const result = validateMessage(bundle);
  const problems = result.issues.filter((i) => i.severity === 'error' || i.severity === 'warning');
  assert.deepEqual(
    problems.map((i) => `${i.severity} ${i.path ?? ''} ${i.message}`),
    [],
  );
  assert.equal(result.ok, true);
  assert.equal(result.version, '3.0.2');
}

// The expected result of each activity, written out from MedCom's code overview (status, class, entity role).
const EXPECTED: Record<
  HospitalNotificationActivity,
  { status: string; class: string; code: string; role?: string; deceased?: boolean; end?: boolean; leave?: string }
> = {
  'admit-inpatient': { status: 'in-progress', class: 'IMP', code: 'admit-inpatient' },
  'revise-admit-inpatient': { status: 'in-progress', class: 'IMP', code: 'revise-admit-inpatient', role: 'revision' },
  'cancel-admit-inpatient': {
    status: 'entered-in-error',
    class: 'IMP',
    code: 'cancel-admit-inpatient',
    role: 'removal',
  },
  'admit-emergency': { status: 'in-progress', class: 'EMER', code: 'admit-emergency' },
  'revise-admit-emergency': { status: 'in-progress', class: 'EMER', code: 'revise-admit-emergency', role: 'revision' },
  'cancel-admit-emergency': {
    status: 'entered-in-error',
    class: 'EMER',
    code: 'cancel-admit-emergency',
    role: 'removal',
  },
  'start-leave-inpatient': {
    status: 'onleave',
    class: 'IMP',
    code: 'start-leave-inpatient',
    role: 'revision',
    leave: 'start',
  },
  'revise-start-leave-inpatient': {
    status: 'onleave',
    class: 'IMP',
    code: 'revise-start-leave-inpatient',
    role: 'revision',
    leave: 'start',
  },
  'cancel-start-leave-inpatient': {
    status: 'in-progress',
    class: 'IMP',
    code: 'cancel-start-leave-inpatient',
    role: 'removal',
  },
  'end-leave-inpatient': {
    status: 'in-progress',
    class: 'IMP',
    code: 'end-leave-inpatient',
    role: 'revision',
    leave: 'start+end',
  },
  'revise-end-leave-inpatient': {
    status: 'in-progress',
    class: 'IMP',
    code: 'revise-end-leave-inpatient',
    role: 'revision',
    leave: 'start+end',
  },
  'cancel-end-leave-inpatient': {
    status: 'onleave',
    class: 'IMP',
    code: 'cancel-end-leave-inpatient',
    role: 'removal',
    leave: 'start',
  },
  'discharge-inpatient-home': {
    status: 'finished',
    class: 'IMP',
    code: 'discharge-inpatient-home',
    role: 'revision',
    end: true,
  },
  'revise-discharge-inpatient-home': {
    status: 'finished',
    class: 'IMP',
    code: 'revise-discharge-inpatient-home',
    role: 'revision',
    end: true,
  },
  'cancel-discharge-inpatient-home': {
    status: 'in-progress',
    class: 'IMP',
    code: 'cancel-discharge-inpatient-home',
    role: 'removal',
  },
  'discharge-emergency-home': {
    status: 'finished',
    class: 'EMER',
    code: 'discharge-emergency-home',
    role: 'revision',
    end: true,
  },
  'revise-discharge-emergency-home': {
    status: 'finished',
    class: 'EMER',
    code: 'revise-discharge-emergency-home',
    role: 'revision',
    end: true,
  },
  'cancel-discharge-emergency-home': {
    status: 'in-progress',
    class: 'EMER',
    code: 'cancel-discharge-emergency-home',
    role: 'removal',
  },
  // MORS keeps the current activity (here the admission's), with the patient deceased.
  death: { status: 'finished', class: 'IMP', code: 'admit-inpatient', role: 'revision', deceased: true, end: true },
  'revise-death': {
    status: 'finished',
    class: 'IMP',
    code: 'admit-inpatient',
    role: 'revision',
    deceased: true,
    end: true,
  },
  'cancel-death': { status: 'in-progress', class: 'IMP', code: 'admit-inpatient', role: 'removal', deceased: false },
};

describe('buildHospitalNotification: every activity', () => {
  for (const activity of HOSPITAL_NOTIFICATION_ACTIVITIES) {
    it(`${activity} validates with the expected status, class, times and Provenance`, () => {
      const expected = EXPECTED[activity];
      const bundle = buildHospitalNotification(inputFor(activity), fixedOptions());
      assertValid(bundle);

      const encounter = encounterOf(bundle);
      assert.equal(encounter.status, expected.status);
      assert.deepEqual(encounter.class, {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: expected.class,
      });
      assert.deepEqual(encounter.period, expected.end ? { start: START, end: END } : { start: START });
      assert.deepEqual(
        encounter.extension,
        expected.leave === undefined
          ? undefined
          : [
              {
                url: 'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalnotifiation-leave-period-extension',
                valuePeriod:
                  expected.leave === 'start' ? { start: LEAVE_START } : { start: LEAVE_START, end: LEAVE_END },
              },
            ],
      );
      assert.deepEqual(encounter.episodeOfCare, [
        { identifier: { system: 'https://sor2.sum.dsdn.dk/#id=265161000016000', value: LOCAL } },
      ]);

      const current = currentProvenance(bundle);
      assert.deepEqual(current?.activity, { coding: [{ system: ACTIVITY_CODES, code: expected.code }] });
      assert.deepEqual(
        current?.entity,
        expected.role === undefined
          ? undefined
          : [{ role: expected.role, what: { reference: `MessageHeader/${admissionHeaderId}` } }],
      );
      assert.equal(current?.occurredDateTime, '2026-11-25T09:30:00Z');
      assert.equal(patientOf(bundle).deceasedBoolean, expected.deceased);
      assert.deepEqual(
        header(bundle).destination?.map((d) => d.extension?.[0]?.valueCoding?.code),
        ['primary'],
      );
      for (const resource of resources(bundle)) {
        assert.match(
          (resource as { text?: { div?: string } }).text?.div ?? '',
          /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.+<\/div>$/s,
        );
      }
    });
  }
});

describe('buildHospitalNotification: content', () => {
  it('writes the Encounter narrative in Danish, escaped', () => {
    const bundle = buildHospitalNotification(
      { ...inputFor('end-leave-inpatient'), patient: { cpr: CPR, family: 'Ø<&>' } },
      fixedOptions(),
    );
    const div = encounterOf(bundle).text?.div ?? '';
    for (const text of [
      '<b>Sygehusophold</b>',
      '<dt>Status</dt><dd>igangværende (in-progress)</dd>',
      '<dt>Klasse</dt><dd>indlagt (IMP)</dd>',
      `<dt>Start</dt><dd>${START}</dd>`,
      `<dt>Orlov start</dt><dd>${LEAVE_START}</dd>`,
      `<dt>Orlov slut</dt><dd>${LEAVE_END}</dd>`,
      `<dt>Forløbs-id</dt><dd>${LOCAL} (https://sor2.sum.dsdn.dk/#id=265161000016000)</dd>`,
      '<dt>Patient</dt><dd>Ø&#60;&#38;&#62; (Patient/',
      '<dt>Ansvarlig enhed</dt><dd>Hjerteafdelingen, Herlev (Organization/',
    ]) {
      assert.ok(div.includes(text), `${text} in ${div}`);
    }
    assert.ok(!div.includes('Slut</dt>'));
  });

  it('asks for a report of admission from the sender (true), another unit, or explicitly not', () => {
    const toSender = buildHospitalNotification(
      { ...inputFor('admit-inpatient'), reportOfAdmission: true },
      fixedOptions(),
    );
    const sender = header(toSender).sender?.reference;
    assertValid(toSender);
    assert.deepEqual(header(toSender).extension, [
      {
        url: 'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionExtension',
        valueBoolean: true,
      },
      {
        url: 'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionRecipientExtension',
        valueReference: { reference: sender },
      },
    ]);

    const recipient = { name: 'Visitation', sor: '399841000016000', gln: '5790000121526' };
    const toOther = buildHospitalNotification(
      { ...inputFor('revise-admit-emergency'), reportOfAdmission: { recipient } },
      fixedOptions(),
    );
    assertValid(toOther);
    const reference = header(toOther).extension?.[1]?.valueReference?.reference ?? '';
    const other = resources(toOther).find((r) => `Organization/${r.id ?? ''}` === reference) as Organization;
    assert.equal(other.name, 'Visitation');
    assert.notEqual(reference, header(toOther).sender?.reference);
    assert.equal(resources(toOther).filter((r) => r.resourceType === 'Organization').length, 3);

    const no = buildHospitalNotification({ ...inputFor('admit-inpatient'), reportOfAdmission: false }, fixedOptions());
    assertValid(no);
    assert.deepEqual(header(no).extension, [
      {
        url: 'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionExtension',
        valueBoolean: false,
      },
    ]);
  });

  it('writes an LPR3 id (urn:uuid, the core profile system) beside the local one', () => {
    const bundle = buildHospitalNotification(
      { ...inputFor('admit-inpatient'), episodeOfCare: { local: `urn:uuid:${LOCAL.toUpperCase()}`, lpr3: LPR3 } },
      fixedOptions(),
    );
    assertValid(bundle);
    assert.equal(LPR3_SYSTEM, 'https://www.esundhed.dk/Registre/Landspatientregisteret');
    assert.deepEqual(encounterOf(bundle).episodeOfCare, [
      { identifier: { system: LPR3_SYSTEM, value: `urn:uuid:${LPR3.toLowerCase()}` } },
      { identifier: { system: 'https://sor2.sum.dsdn.dk/#id=265161000016000', value: LOCAL } },
    ]);
    const lpr3Only = buildHospitalNotification(
      { ...inputFor('admit-inpatient'), episodeOfCare: { lpr3: LPR3 } },
      fixedOptions(),
    );
    assertValid(lpr3Only);
    assert.equal(encounterOf(lpr3Only).episodeOfCare?.length, 1);
  });

  it('references a separate service provider (MedCom core organisation) or the sender', () => {
    const ward = buildHospitalNotification(
      {
        ...inputFor('admit-inpatient'),
        encounter: {
          start: START,
          serviceProvider: { name: 'Hjertemedicinsk sengeafs. S103', sor: '399841000016000' },
        },
      },
      fixedOptions(),
    );
    assertValid(ward);
    const provider = resources(ward).find(
      (r) => `Organization/${r.id ?? ''}` === encounterOf(ward).serviceProvider?.reference,
    ) as Organization;
    assert.deepEqual(provider.meta?.profile, [
      'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-organization',
    ]);
    assert.deepEqual(provider.identifier, [{ system: 'urn:oid:1.2.208.176.1.1', value: '399841000016000' }]);
    assert.notEqual(encounterOf(ward).serviceProvider?.reference, header(ward).sender?.reference);

    const same = buildHospitalNotification(
      { ...inputFor('admit-inpatient'), encounter: { start: START, serviceProvider: { sor: SENDER.sor } } },
      fixedOptions(),
    );
    assert.equal(encounterOf(same).serviceProvider?.reference, header(same).sender?.reference);
  });

  it('carries the Provenance history forward and points at the latest message', () => {
    const leave = buildHospitalNotification(
      inputFor('start-leave-inpatient'),
      earlierOptions(new Date('2026-11-22T09:01:00Z'), '22222222'),
    );
    assertValid(leave);
    const back = buildHospitalNotification(
      { ...inputFor('end-leave-inpatient'), previous: previousNotification(leave) },
      fixedOptions(new Date('2026-11-23T17:01:00Z')),
    );
    assertValid(back);
    const leaveId = header(leave).id ?? '';
    const provenances = resources(back).filter((r): r is Provenance => r.resourceType === 'Provenance');
    assert.deepEqual(
      provenances.map((p) => [p.target[0]?.reference, p.activity?.coding?.[0]?.code, p.occurredDateTime, p.entity]),
      [
        [`MessageHeader/${admissionHeaderId}`, 'admit-inpatient', '2026-11-20T07:16:00Z', undefined],
        [
          `MessageHeader/${leaveId}`,
          'start-leave-inpatient',
          '2026-11-22T09:01:00Z',
          [{ role: 'revision', what: { reference: `MessageHeader/${admissionHeaderId}` } }],
        ],
        [
          `MessageHeader/${header(back).id ?? ''}`,
          'end-leave-inpatient',
          '2026-11-23T17:01:00Z',
          [{ role: 'revision', what: { reference: `MessageHeader/${leaveId}` } }],
        ],
      ],
    );
    // Every carried Provenance names this message's sender as agent, so every reference resolves.
    assert.ok(provenances.every((p) => p.agent[0]?.who?.reference === header(back).sender?.reference));
  });

  it('reads the previous message of an official example, history and current activity', () => {
    const previous = previousNotification(example('Bundle-e94de8ee-bd94-475e-b454-b8fbbef8a685'));
    assert.deepEqual(previous, {
      messageHeaderId: 'f47254da-f170-46f0-b624-4778a9c92b1f',
      activity: 'end-leave-inpatient',
      history: [
        {
          messageHeaderId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404',
          activity: 'admit-inpatient',
          time: '2022-12-07T12:00:02+02:00',
        },
        {
          messageHeaderId: 'e563a2b2-bf92-4b13-bbd2-0a021a95bded',
          activity: 'start-leave-inpatient',
          time: '2022-12-13T14:00:12+02:00',
          entity: { role: 'revision', messageHeaderId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404' },
        },
        {
          messageHeaderId: 'f47254da-f170-46f0-b624-4778a9c92b1f',
          activity: 'end-leave-inpatient',
          time: '2022-12-14T15:30:02+02:00',
          entity: { role: 'revision', messageHeaderId: 'e563a2b2-bf92-4b13-bbd2-0a021a95bded' },
        },
      ],
    });
    const discharge = buildHospitalNotification(
      {
        ...base,
        activity: 'discharge-inpatient-home',
        encounter: { start: '2022-12-07T12:00:00+02:00', end: '2022-12-18T09:45:30+02:00' },
        previous,
      },
      fixedOptions(),
    );
    assertValid(discharge);
    assert.equal(resources(discharge).filter((r) => r.resourceType === 'Provenance').length, 4);
  });

  it('works out the current activity a death repeats: the latest report not cancelled', () => {
    const leave = buildHospitalNotification(
      inputFor('start-leave-inpatient'),
      earlierOptions(new Date('2026-11-22T09:01:00Z'), '33333333'),
    );
    assert.equal(previousNotification(leave).activity, 'start-leave-inpatient');
    const leaveFixed = buildHospitalNotification(
      { ...inputFor('revise-start-leave-inpatient'), previous: previousNotification(leave) },
      earlierOptions(new Date('2026-11-22T10:01:00Z'), '44444444'),
    );
    assert.equal(previousNotification(leaveFixed).activity, 'start-leave-inpatient');
    const leaveCancelled = buildHospitalNotification(
      { ...inputFor('cancel-start-leave-inpatient'), previous: previousNotification(leaveFixed) },
      earlierOptions(new Date('2026-11-22T11:01:00Z'), '55555555'),
    );
    assert.equal(previousNotification(leaveCancelled).activity, 'admit-inpatient');
    assert.equal(previousNotification(leaveCancelled).history.length, 4);
  });

  it('writes a death under the current activity, and its cancellation with the status before it', () => {
    const onLeave = { messageHeaderId: admissionHeaderId, activity: 'start-leave-inpatient' } as const;
    const death = buildHospitalNotification(
      { ...inputFor('death'), encounter: { start: START, end: END, leave: { start: LEAVE_START } }, previous: onLeave },
      fixedOptions(),
    );
    assertValid(death);
    assert.equal(currentProvenance(death)?.activity?.coding?.[0]?.code, 'start-leave-inpatient');
    assert.equal(encounterOf(death).status, 'finished');
    assert.equal(patientOf(death).deceasedBoolean, true);
    assert.ok(patientOf(death).text?.div.includes('<dt>Død</dt><dd>Ja</dd>'));

    const cancelled = buildHospitalNotification(
      { ...inputFor('cancel-death'), encounter: { start: START, leave: { start: LEAVE_START } }, previous: onLeave },
      fixedOptions(),
    );
    assertValid(cancelled);
    assert.equal(encounterOf(cancelled).status, 'onleave');
    assert.equal(patientOf(cancelled).deceasedBoolean, false);
    assert.equal(currentProvenance(cancelled)?.entity?.[0]?.role, 'removal');

    const emergency = buildHospitalNotification(
      {
        ...inputFor('death'),
        encounter: { start: START, end: START, class: 'EMER' },
        previous: { messageHeaderId: 'x1' },
      },
      fixedOptions(),
    );
    assertValid(emergency);
    assert.equal(currentProvenance(emergency)?.activity?.coding?.[0]?.code, 'admit-emergency');
    assert.equal(encounterOf(emergency).class?.code, 'EMER');
  });

  it('is deterministic with injected now and newId, and uses both', () => {
    const options = fixedOptions(new Date('2026-11-25T09:30:00Z'));
    const first = buildHospitalNotification(inputFor('end-leave-inpatient'), options);
    const second = buildHospitalNotification(
      inputFor('end-leave-inpatient'),
      fixedOptions(new Date('2026-11-25T09:30:00Z')),
    );
    assert.deepEqual(first, second);
    assert.equal(first.timestamp, '2026-11-25T09:30:00Z');
    const ids = resources(first).map((r) => r.id);
    assert.ok(ids.every((id) => id?.startsWith('00000000-0000-4000-8000-')));
    assert.equal(new Set([...ids, first.id]).size, options.count());
  });
});

/** Runs `build` and returns the InputError it throws. */
function refusal(input: unknown) {
  try {
    buildHospitalNotification(input as HospitalNotificationInput, fixedOptions());
  } catch (error) {
    assert.ok(isInputError(error), String(error));
    return error;
  }
  assert.fail('expected an InputError');
}

describe('buildHospitalNotification: refusals', () => {
  const cases: [string, unknown, string, string][] = [
    ['a cc receiver', { ...inputFor('admit-inpatient'), cc: [RECEIVER] }, 'cc', 'no-cc'],
    [
      'end of leave without its start',
      { ...inputFor('end-leave-inpatient'), encounter: { start: START, leave: { end: LEAVE_END } } },
      'encounter.leave.start',
      'required',
    ],
    [
      'a leave that ends before it starts',
      {
        ...inputFor('end-leave-inpatient'),
        encounter: { start: START, leave: { start: LEAVE_END, end: LEAVE_START } },
      },
      'encounter.leave.end',
      'end-after-start',
    ],
    [
      'a discharge without its time',
      { ...inputFor('discharge-inpatient-home'), encounter: { start: START } },
      'encounter.end',
      'required',
    ],
    ['a death without its time', { ...inputFor('death'), encounter: { start: START } }, 'encounter.end', 'required'],
    [
      'an eCPR patient',
      { ...inputFor('admit-inpatient'), patient: { ecpr: '0703921VJ4', family: 'Elmer' } },
      'patient.ecpr',
      'no-ecpr',
    ],
    [
      'a correction without previous',
      { ...inputFor('admit-inpatient'), activity: 'revise-admit-inpatient' },
      'previous',
      'required',
    ],
    [
      'a cancellation without previous',
      { ...inputFor('admit-inpatient'), activity: 'cancel-admit-emergency' },
      'previous',
      'required',
    ],
    ['a leave without previous', { ...inputFor('start-leave-inpatient'), previous: undefined }, 'previous', 'required'],
    [
      'an activity outside the value set',
      { ...inputFor('admit-inpatient'), activity: 'transfer-inpatient' },
      'activity',
      'enumeration',
    ],
    ['no episode-of-care id', { ...inputFor('admit-inpatient'), episodeOfCare: {} }, 'episodeOfCare', 'required'],
    [
      'an LPR3 id that is not a version-5 UUID',
      { ...inputFor('admit-inpatient'), episodeOfCare: { lpr3: LOCAL } },
      'episodeOfCare.lpr3',
      'uuid-v5',
    ],
    [
      'a local id that is not a UUID',
      { ...inputFor('admit-inpatient'), episodeOfCare: { local: 'forløb-1' } },
      'episodeOfCare.local',
      'uuid',
    ],
    [
      'a time without a time zone',
      { ...inputFor('admit-inpatient'), encounter: { start: '2026-11-20T08:15:00' } },
      'encounter.start',
      'datetime',
    ],
    [
      'a time without seconds',
      { ...inputFor('admit-inpatient'), encounter: { start: '2026-11-20T08:15+01:00' } },
      'encounter.start',
      'datetime',
    ],
    [
      'an impossible date',
      { ...inputFor('admit-inpatient'), encounter: { start: '2026-02-30T08:15:00Z' } },
      'encounter.start',
      'datetime',
    ],
    [
      'a report of admission on a discharge',
      { ...inputFor('discharge-inpatient-home'), reportOfAdmission: true },
      'reportOfAdmission',
      'admission-only',
    ],
    [
      'a class the activity contradicts',
      { ...inputFor('admit-inpatient'), encounter: { start: START, class: 'EMER' } },
      'encounter.class',
      'class-matches-activity',
    ],
    [
      'a death of unknown class',
      { ...inputFor('death'), previous: { messageHeaderId: admissionHeaderId } },
      'encounter.class',
      'required',
    ],
    [
      'a current activity of the other class',
      { ...inputFor('death'), encounter: { start: START, end: END, class: 'EMER' } },
      'previous.activity',
      'class-matches-activity',
    ],
    [
      'a death under a discharge',
      {
        ...inputFor('death'),
        previous: { messageHeaderId: admissionHeaderId, activity: 'discharge-inpatient-home' },
      },
      'previous.activity',
      'current-activity',
    ],
    [
      'a deceased patient on an admission',
      { ...inputFor('admit-inpatient'), patient: { cpr: CPR, family: 'Elmer', deceased: true } },
      'patient.deceased',
      'deceased-only-on-death',
    ],
    [
      'an end on an admission',
      { ...inputFor('admit-inpatient'), encounter: { start: START, end: END } },
      'encounter.end',
      'no-end-while-admitted',
    ],
    [
      'a stay that ends before it starts',
      { ...inputFor('discharge-inpatient-home'), encounter: { start: END, end: START } },
      'encounter.end',
      'end-after-start',
    ],
    [
      'a leave before the stay',
      { ...inputFor('start-leave-inpatient'), encounter: { start: LEAVE_START, leave: { start: START } } },
      'encounter.leave.start',
      'leave-within-stay',
    ],
    [
      'a leave end while on leave',
      {
        ...inputFor('start-leave-inpatient'),
        encounter: { start: START, leave: { start: LEAVE_START, end: LEAVE_END } },
      },
      'encounter.leave.end',
      'no-leave-end-while-on-leave',
    ],
    [
      'a leave on an admission',
      { ...inputFor('admit-inpatient'), encounter: { start: START, leave: { start: LEAVE_START } } },
      'encounter.leave',
      'no-leave-on-admission',
    ],
    [
      'a previous id that is not a FHIR id',
      { ...inputFor('revise-admit-inpatient'), previous: { messageHeaderId: 'not an id' } },
      'previous.messageHeaderId',
      'fhir-id',
    ],
    ['an unknown field', { ...inputFor('admit-inpatient'), priority: 'asap' }, 'priority', 'unknown'],
  ];

  for (const [name, input, field, rule] of cases) {
    it(`refuses ${name} (${field}, ${rule})`, () => {
      const error = refusal(input);
      assert.equal(error.field, field);
      assert.equal(error.rule, rule);
      assert.ok(error.issues.some((i) => i.field === field && i.rule === rule));
      assert.ok(!`${error.message} ${JSON.stringify(error.issues)}`.includes(CPR));
    });
  }

  it('lists every broken rule, not just the first', () => {
    const error = refusal({ ...inputFor('end-leave-inpatient'), encounter: { start: START }, episodeOfCare: {} });
    assert.deepEqual(
      error.issues.map((i) => `${i.field} ${i.rule}`),
      ['episodeOfCare required', 'encounter.leave.start required', 'encounter.leave.end required'],
    );
  });

  it('property: no error message carries the CPR number', () => {
    fc.assert(
      fc.property(cpr, fc.constantFrom(...HOSPITAL_NOTIFICATION_ACTIVITIES), (number, activity) => {
        const error = refusal({
          ...inputFor(activity),
          patient: { cpr: number, family: number, deceased: activity !== 'death' },
          encounter: { start: `${number}` },
        });
        assert.ok(!`${error.message} ${JSON.stringify(error.issues)}`.includes(number));
      }),
      { numRuns: 100 },
    );
  });
});

// A FHIR dateTime of `date` in a random zone, or the Date itself.
const zoned = (date: Date, offsetMinutes: number | 'date') => {
  if (offsetMinutes === 'date') return date;
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return offsetMinutes === 0
    ? `${local}Z`
    : `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

const stayTimes = fc.record({
  start: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
  steps: fc.array(fc.integer({ min: 0, max: 30 * 24 * 3600 }), { minLength: 3, maxLength: 3 }),
  zone: fc.constantFrom<number | 'date'>(0, 60, 120, -300, 'date'),
});

const arbitraryInput = fc
  .record({
    activity: fc.constantFrom(...HOSPITAL_NOTIFICATION_ACTIVITIES),
    sender: organizationInput,
    receiver: organizationInput,
    patient: patientInput,
    times: stayTimes,
    local: fc.option(fc.uuid({ version: 4 }), { nil: undefined }),
    lpr3: fc.option(fc.uuid({ version: 5 }), { nil: undefined }),
    provider: fc.option(fc.record({ sor: fc.constant('399841000016000'), name: fc.constantFrom('S103', 'Afs. <&>') }), {
      nil: undefined,
    }),
    report: fc.constantFrom<HospitalNotificationInput['reportOfAdmission']>(undefined, true, false),
    previous: fc.record({ messageHeaderId: fc.uuid({ version: 4 }), history: fc.boolean() }),
    now: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
  })
  .map((r): { input: HospitalNotificationInput; now: Date } => {
    const { activity, times } = r;
    const at = (n: number) =>
      new Date(times.start.getTime() + times.steps.slice(0, n).reduce((a, b) => a + b * 1000, 0));
    const t = (n: number) => zoned(at(n), times.zone);
    const encounter = encounterFor(activity);
    const dated: HospitalNotificationInput['encounter'] = {
      start: t(0),
      ...(encounter.end === undefined ? {} : { end: t(3) }),
      ...(encounter.leave === undefined
        ? {}
        : { leave: { start: t(1), ...(encounter.leave.end === undefined ? {} : { end: t(2) }) } }),
      ...(activity.includes('death') ? { class: activity.length % 2 === 0 ? 'IMP' : 'EMER' } : {}),
      ...(r.provider === undefined ? {} : { serviceProvider: r.provider }),
    };
    const admit = activity === 'admit-inpatient' || activity === 'admit-emergency';
    const previousHistory = r.previous.history
      ? [{ messageHeaderId: r.previous.messageHeaderId, activity: 'admit-inpatient' as const, time: instant(at(0)) }]
      : undefined;
    return {
      now: r.now,
      input: {
        activity,
        sender: r.sender,
        receiver: r.receiver,
        patient: r.patient,
        encounter: dated,
        episodeOfCare:
          r.local === undefined && r.lpr3 === undefined ? { local: LOCAL } : { local: r.local, lpr3: r.lpr3 },
        ...(activity.startsWith('admit-') || activity.startsWith('revise-admit-')
          ? { reportOfAdmission: r.report }
          : {}),
        ...(admit && r.previous.history
          ? {}
          : {
              previous: {
                messageHeaderId: r.previous.messageHeaderId,
                ...(previousHistory === undefined ? {} : { history: previousHistory }),
              },
            }),
      },
    };
  });

describe('buildHospitalNotification: property', () => {
  it('random valid inputs of every activity validate with no errors or warnings (300 runs)', () => {
    fc.assert(
      fc.property(arbitraryInput, ({ input, now }) => {
        const bundle = buildHospitalNotification(input, fixedOptions(now));
        assertValid(bundle);
        const expected = EXPECTED[input.activity];
        assert.equal(encounterOf(bundle).status, expected.status);
        if (!input.activity.includes('death')) {
          assert.equal(currentProvenance(bundle)?.activity?.coding?.[0]?.code, input.activity);
          assert.equal(encounterOf(bundle).class?.code, expected.class);
        }
        assert.equal(currentProvenance(bundle)?.occurredDateTime, instant(now));
        assert.deepEqual(buildHospitalNotification(input, fixedOptions(now)), bundle);
      }),
      { numRuns: 300 },
    );
  });
});
