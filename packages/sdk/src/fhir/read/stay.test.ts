// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Bundle, Provenance } from '@medplum/fhirtypes';
import { officialExamples, readJson } from '@samspil/fixtures';
import {
  buildHospitalNotification,
  previousNotification,
  type HospitalNotificationInput,
} from '../build/hospital-notification.js';
import type { BuildOptions } from '../build/options.js';
import { validateMessage } from '../validate/index.js';
import { stayOf, type Stay, type StayEvent } from './stay.js';

const official = new Map(
  officialExamples()
    .filter((e) => e.folder === 'hospitalnotification')
    .map((e) => [e.name.slice('Bundle-'.length, 'Bundle-'.length + 4), readJson<Bundle>(e.json)]),
);
const ex = (prefix: string): Bundle => {
  const bundle = official.get(prefix);
  assert.ok(bundle, prefix);
  return bundle;
};
const STIN = ex('a5e5');
const RE_STIN = ex('bfab');
const AN_STIN = ex('c836');
const STOR = ex('d312');
const SLOR = ex('e94d');
const SLHJ = ex('f4aa');
const MORS = ex('g099');
const STAA = ex('h1c8');
const SLHJ_AA = ex('kcab');
const MORS_AA = ex('ld31');

const row = (e: StayEvent) => [e.time, e.kind, e.status, e.messageHeaderId];
const rows = (stay: Stay, episode = 0) => stay.episodes[episode]?.events.map(row);

describe('stayOf: the official examples', () => {
  it('finds the examples to be one episode of care (all share the local id bd481c38…)', () => {
    assert.equal(official.size, 12);
    const stay = stayOf([...official.values()]);
    assert.equal(stay.episodes.length, 1);
    assert.deepEqual(stay.duplicates, []);
    assert.deepEqual(stay.skipped, []);
    assert.deepEqual(rows(stay), [
      ['2022-12-01T10:00:04+02:00', 'admitted-emergency', 'current', 'i50fc5fe-2d11-4ef3-acac-2e2e5c6c0029'],
      ['2022-12-02T07:00:00+02:00', 'died', 'current', 'nabb68aa-c97b-4905-a60c-71ff3209fd51'],
      ['2022-12-02T22:00:09+02:00', 'discharged', 'current', 'm9bea09c-e662-4d59-b84f-9af570b57f42'],
      ['2022-12-07T12:00:00+02:00', 'admitted-inpatient', 'current', '1ca19ddf-31bc-4597-8739-968c38dd88f8'],
      ['2022-12-07T12:00:00+02:00', 'admitted-inpatient', 'current', 'o9b4818e-12de-5cc4-c418-d30cbc7b5404'],
      // STIN, corrected to 13:00 (RE_STIN) and then cancelled (AN_STIN): kept, with its history.
      ['2022-12-07T13:00:00+02:00', 'admitted-inpatient', 'cancelled', 'b9b4818e-02de-4cc4-b418-d20cbc7b5404'],
      ['2022-12-09T09:45:30+02:00', 'died', 'current', 'hefc6d95-6161-4493-99c9-f359488dedb8'],
      ['2022-12-13T14:00:10+02:00', 'leave-started', 'current', 'e563a2b2-bf92-4b13-bbd2-0a021a95bded'],
      ['2022-12-14T15:30:00+02:00', 'leave-ended', 'current', 'f47254da-f170-46f0-b624-4778a9c92b1f'],
      ['2022-12-18T09:45:30+02:00', 'discharged', 'current', 'g1affa53-c157-4080-abb0-8e681524f969'],
    ]);
    const episode = stay.episodes[0];
    assert.equal(episode?.state, 'deceased');
    assert.equal(stay.state, 'deceased');
    assert.equal(episode?.since, '2022-12-02T07:00:00+02:00');
    assert.deepEqual(episode?.patient, { cpr: '2509479989', family: 'Elmer' });
    assert.deepEqual(stay.episodeOfCare, [
      {
        kind: 'local',
        system: 'https://sor2.sum.dsdn.dk/#id=265161000016000',
        value: 'urn:uuid:bd481c38-a921-11ed-afa1-0242ac120002',
      },
      {
        kind: 'lpr3',
        system: 'https://www.esundhed.dk/Registre/Landspatientregisteret',
        value: 'urn:uuid:fc60e762-b13b-5773-865e-67f3907bdcc7',
      },
    ]);
    const stin = episode?.events[5];
    assert.deepEqual(
      stin?.versions.map((v) => [v.messageHeaderId, v.activity, v.time, v.sentAt]),
      [
        [
          'b9b4818e-02de-4cc4-b418-d20cbc7b5404',
          'admit-inpatient',
          '2022-12-07T12:00:00+02:00',
          '2022-12-07T12:00:02+02:00',
        ],
        [
          'cc47c1e2-78e6-4291-b071-f423a4f7fbfe',
          'revise-admit-inpatient',
          '2022-12-07T13:00:00+02:00',
          '2022-12-07T14:00:02+02:00',
        ],
      ],
    );
    assert.deepEqual(stin?.cancellation, {
      messageHeaderId: 'd8749b54-1aeb-4089-8941-8d876bdffc51',
      activity: 'cancel-admit-inpatient',
      sentAt: '2022-12-07T15:00:02+02:00',
      sender: { name: 'Hjerteafdelingen på Herlev og Gentofte hospital', sor: '265161000016000' },
    });
  });

  it('gives the same result for any arrival order', () => {
    const all = [...official.values()];
    const expected = stayOf(all);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        assert.deepEqual(stayOf(shuffled), expected);
      }),
      { numRuns: 100 },
    );
  });

  it('follows the inpatient thread step by step', () => {
    assert.equal(stayOf([STIN]).state, 'admitted');
    assert.equal(stayOf([STOR, STIN]).state, 'on-leave');
    assert.equal(stayOf([SLOR, STIN, STOR]).state, 'admitted');
    const discharged = stayOf([SLHJ, SLOR, STOR, STIN]);
    assert.equal(discharged.state, 'discharged');
    assert.equal(discharged.episodes[0]?.since, '2022-12-18T09:45:30+02:00');
    assert.equal(discharged.episodes[0]?.class, 'inpatient');
    assert.deepEqual(
      discharged.episodes[0]?.events.map((e) => [e.kind, e.sender.sor]),
      [
        ['admitted-inpatient', '265161000016000'],
        ['leave-started', '265161000016000'],
        ['leave-ended', '265161000016000'],
        ['discharged', '265161000016000'],
      ],
    );
    assert.deepEqual(discharged.episodes[0]?.events[2]?.leave, {
      start: '2022-12-13T14:00:10+02:00',
      end: '2022-12-14T15:30:00+02:00',
    });
    assert.equal(stayOf([MORS, STIN]).state, 'deceased');
  });

  it('applies a correction to the event it corrects, and keeps a cancelled event', () => {
    const revised = stayOf([RE_STIN, STIN]);
    assert.deepEqual(rows(revised), [
      ['2022-12-07T13:00:00+02:00', 'admitted-inpatient', 'revised', 'b9b4818e-02de-4cc4-b418-d20cbc7b5404'],
    ]);
    const cancelled = stayOf([AN_STIN, STIN]);
    assert.deepEqual(rows(cancelled), [
      ['2022-12-07T12:00:00+02:00', 'admitted-inpatient', 'cancelled', 'b9b4818e-02de-4cc4-b418-d20cbc7b5404'],
    ]);
    assert.equal(cancelled.state, 'cancelled');
  });

  it('shows a cancellation whose target never arrived, naming the missing message', () => {
    const stay = stayOf([AN_STIN]);
    const event = stay.episodes[0]?.events[0];
    assert.deepEqual(row(event as StayEvent), [
      '2022-12-07T12:00:00+02:00',
      'admitted-inpatient',
      'cancelled',
      'd8749b54-1aeb-4089-8941-8d876bdffc51',
    ]);
    assert.equal(event?.unresolved, 'b9b4818e-02de-4cc4-b418-d20cbc7b5404');
  });

  it('reads the acute ambulant thread', () => {
    const stay = stayOf([SLHJ_AA, STAA]);
    assert.equal(stay.state, 'discharged');
    assert.equal(stay.episodes[0]?.class, 'emergency');
    assert.equal(stayOf([MORS_AA, STAA]).episodes[0]?.events[1]?.kind, 'died');
  });

  it("uses each message's own current Provenance, not the order of its Provenances", () => {
    const reversed = structuredClone(SLOR);
    reversed.entry = [reversed.entry?.[0], ...(reversed.entry ?? []).slice(1).reverse()].filter(
      (e): e is NonNullable<typeof e> => e !== undefined,
    );
    assert.deepEqual(stayOf([STIN, STOR, reversed]), stayOf([STIN, STOR, SLOR]));
    // The SLOR message alone still says "leave ended", though it carries the admission's and leave's Provenances.
    assert.deepEqual(
      stayOf([SLOR]).episodes[0]?.events.map((e) => e.kind),
      ['leave-ended'],
    );
  });

  it('lists what it cannot read', () => {
    const headerless = { resourceType: 'Bundle', id: 'b1', type: 'message', entry: [] } as Bundle;
    const other = structuredClone(STIN);
    const header = other.entry?.[0]?.resource as { eventCoding?: { code?: string } };
    header.eventCoding = { code: 'care-communication-message' };
    const noProvenance = structuredClone(STIN);
    noProvenance.entry = noProvenance.entry?.filter((e) => e.resource?.resourceType !== 'Provenance');
    const stay = stayOf([headerless, other, noProvenance, 'junk' as unknown as Bundle]);
    assert.deepEqual(stay.episodes, []);
    assert.equal(stay.state, undefined);
    assert.deepEqual(stay.skipped, [
      { bundleId: 'b1', reason: 'No MessageHeader with an id' },
      { bundleId: 'a5e5b880-c087-4055-b9ec-99108695f81d', reason: 'Not a HospitalNotification' },
      {
        bundleId: 'a5e5b880-c087-4055-b9ec-99108695f81d',
        reason: 'No current Provenance with a HospitalNotification activity',
      },
      { reason: 'Not a Bundle' },
    ]);
  });
});

/** A hospital's sending clock and id source, shared by every message of the scenario. */
function sender() {
  let n = 0;
  let clock = new Date('2026-11-20T07:16:00Z');
  const options: BuildOptions = {
    now: () => clock,
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  };
  return {
    send(input: HospitalNotificationInput, at: string): Bundle {
      clock = new Date(at);
      return buildHospitalNotification(input, options);
    },
  };
}

const headerId = (b: Bundle) => b.entry?.[0]?.resource?.id ?? '';

describe('stayOf: a stay built with buildHospitalNotification', () => {
  const base = {
    sender: { name: 'Hjerteafdelingen', sor: '265161000016000', gln: '5790000209354' },
    receiver: { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' },
    patient: { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] },
    episodeOfCare: { local: '6a0b4f5e-0d6c-4b8e-9b7e-2f1d8e6c1a01', lpr3: 'fc60e762-b13b-5773-865e-67f3907bdcc7' },
  };
  const start = '2026-11-20T08:15:00+01:00';
  const hospital = sender();
  const admit = hospital.send(
    { ...base, activity: 'admit-inpatient', encounter: { start }, reportOfAdmission: true },
    '2026-11-20T07:16:00Z',
  );
  const leave = hospital.send(
    {
      ...base,
      activity: 'start-leave-inpatient',
      encounter: { start, leave: { start: '2026-11-22T10:00:00+01:00' } },
      previous: previousNotification(admit),
    },
    '2026-11-22T09:01:00Z',
  );
  // The leave actually began half an hour earlier.
  const leaveFixed = hospital.send(
    {
      ...base,
      activity: 'revise-start-leave-inpatient',
      encounter: { start, leave: { start: '2026-11-22T09:30:00+01:00' } },
      previous: previousNotification(leave),
    },
    '2026-11-22T11:00:00Z',
  );
  const back = hospital.send(
    {
      ...base,
      activity: 'end-leave-inpatient',
      encounter: { start, leave: { start: '2026-11-22T09:30:00+01:00', end: '2026-11-23T18:00:00+01:00' } },
      previous: previousNotification(leaveFixed),
    },
    '2026-11-23T17:01:00Z',
  );
  const discharge = hospital.send(
    {
      ...base,
      activity: 'discharge-inpatient-home',
      encounter: { start, end: '2026-11-27T11:00:00+01:00' },
      previous: previousNotification(back),
    },
    '2026-11-27T10:01:00Z',
  );
  // The discharge was registered by mistake.
  const undone = hospital.send(
    {
      ...base,
      activity: 'cancel-discharge-inpatient-home',
      encounter: { start },
      previous: previousNotification(discharge),
    },
    '2026-11-27T12:00:00Z',
  );
  // A resend of the end-of-leave message: new Bundle.id, same MessageHeader.id.
  const resent = { ...structuredClone(back), id: '00000000-0000-4000-8000-0000000fffff' };
  const messages = [admit, leave, leaveFixed, back, discharge, undone, resent];

  it('reads messages that validate, six distinct ones and a resend', () => {
    for (const message of messages) {
      assert.deepEqual(
        validateMessage(message).issues.filter((i) => i.severity !== 'information'),
        [],
      );
    }
    assert.equal(new Set(messages.map(headerId)).size, 6);
  });

  it('rebuilds admit → leave (corrected) → back → discharge (cancelled), the resend shown once', () => {
    const stay = stayOf(messages);
    assert.deepEqual(stay.duplicates, [headerId(back)]);
    assert.equal(stay.episodes.length, 1);
    assert.deepEqual(rows(stay), [
      ['2026-11-20T08:15:00+01:00', 'admitted-inpatient', 'current', headerId(admit)],
      ['2026-11-22T09:30:00+01:00', 'leave-started', 'revised', headerId(leave)],
      ['2026-11-23T18:00:00+01:00', 'leave-ended', 'current', headerId(back)],
      ['2026-11-27T11:00:00+01:00', 'discharged', 'cancelled', headerId(discharge)],
    ]);
    const leaveEvent = stay.episodes[0]?.events[1];
    assert.deepEqual(
      leaveEvent?.versions.map((v) => [v.messageHeaderId, v.activity, v.time]),
      [
        [headerId(leave), 'start-leave-inpatient', '2026-11-22T10:00:00+01:00'],
        [headerId(leaveFixed), 'revise-start-leave-inpatient', '2026-11-22T09:30:00+01:00'],
      ],
    );
    assert.equal(stay.episodes[0]?.events[3]?.cancellation?.messageHeaderId, headerId(undone));
    assert.equal(stay.state, 'admitted');
    assert.equal(stay.episodes[0]?.since, '2026-11-23T18:00:00+01:00');
    assert.deepEqual(stay.episodeOfCare, [
      {
        kind: 'local',
        system: 'https://sor2.sum.dsdn.dk/#id=265161000016000',
        value: '6a0b4f5e-0d6c-4b8e-9b7e-2f1d8e6c1a01',
      },
      {
        kind: 'lpr3',
        system: 'https://www.esundhed.dk/Registre/Landspatientregisteret',
        value: 'urn:uuid:fc60e762-b13b-5773-865e-67f3907bdcc7',
      },
    ]);
    assert.deepEqual(stay.episodes[0]?.events[0]?.sender, { name: 'Hjerteafdelingen', sor: '265161000016000' });
    assert.deepEqual(stay.episodes[0]?.patient, { cpr: '2509479989', family: 'Elmer', given: ['Bruno'] });
  });

  it('gives the same stay for any arrival order', () => {
    const expected = stayOf(messages);
    fc.assert(
      fc.property(fc.shuffledSubarray(messages, { minLength: messages.length, maxLength: messages.length }), (m) => {
        assert.deepEqual(stayOf(m), expected);
      }),
      { numRuns: 100 },
    );
  });

  it('is discharged after a second discharge, and deceased after a death until the death is cancelled', () => {
    const finalDischarge = hospital.send(
      {
        ...base,
        activity: 'discharge-inpatient-home',
        encounter: { start, end: '2026-11-28T10:00:00+01:00' },
        previous: previousNotification(undone),
      },
      '2026-11-28T09:01:00Z',
    );
    const discharged = stayOf([...messages, finalDischarge]);
    assert.equal(discharged.state, 'discharged');
    assert.equal(discharged.episodes[0]?.since, '2026-11-28T10:00:00+01:00');

    const death = hospital.send(
      {
        ...base,
        activity: 'death',
        encounter: { start, end: '2026-11-28T03:00:00+01:00' },
        previous: previousNotification(undone),
      },
      '2026-11-28T02:10:00Z',
    );
    const deathFixed = hospital.send(
      {
        ...base,
        activity: 'revise-death',
        encounter: { start, end: '2026-11-28T02:40:00+01:00' },
        previous: previousNotification(death),
      },
      '2026-11-28T04:00:00Z',
    );
    const died = stayOf([...messages, deathFixed, death]);
    assert.equal(died.state, 'deceased');
    const deathEvent = died.episodes[0]?.events.find((e) => e.kind === 'died');
    assert.deepEqual(
      [deathEvent?.status, deathEvent?.time, deathEvent?.messageHeaderId, deathEvent?.activity],
      ['revised', '2026-11-28T02:40:00+01:00', headerId(death), 'end-leave-inpatient'],
    );
    // MedCom's "current activity" after the cancelled discharge: the end of leave.
    assert.equal(previousNotification(undone).activity, 'end-leave-inpatient');

    const deathUndone = hospital.send(
      {
        ...base,
        activity: 'cancel-death',
        encounter: { start },
        previous: previousNotification(deathFixed),
      },
      '2026-11-28T06:00:00Z',
    );
    const alive = stayOf([deathUndone, ...messages, death, deathFixed]);
    assert.equal(alive.state, 'admitted');
    assert.equal(alive.episodes[0]?.events.find((e) => e.kind === 'died')?.status, 'cancelled');
  });

  it('groups several episodes of care, oldest first, and reports the newest one', () => {
    const later = hospital.send(
      {
        ...base,
        activity: 'admit-emergency',
        encounter: { start: '2026-12-05T22:10:00+01:00' },
        episodeOfCare: { local: '7c1e0d2a-3b4f-4a5e-8d6c-9e0f1a2b3c4d' },
      },
      '2026-12-05T21:11:00Z',
    );
    const stay = stayOf([later, ...messages]);
    assert.equal(stay.episodes.length, 2);
    assert.deepEqual(
      stay.episodes.map((e) => [e.state, e.class, e.events.length, e.episodeOfCare.map((id) => id.value)]),
      [
        [
          'admitted',
          'inpatient',
          4,
          ['6a0b4f5e-0d6c-4b8e-9b7e-2f1d8e6c1a01', 'urn:uuid:fc60e762-b13b-5773-865e-67f3907bdcc7'],
        ],
        ['admitted', 'emergency', 1, ['7c1e0d2a-3b4f-4a5e-8d6c-9e0f1a2b3c4d']],
      ],
    );
    assert.deepEqual(stay.episodeOfCare, stay.episodes[1]?.episodeOfCare);
  });

  it('links a correction to its event through the Provenance, even when the episode id was corrected', () => {
    const corrected = hospital.send(
      {
        ...base,
        activity: 'revise-admit-inpatient',
        encounter: { start },
        episodeOfCare: { local: '0f0e0d0c-0b0a-4908-8706-050403020100' },
        previous: previousNotification(admit),
      },
      '2026-11-20T08:00:00Z',
    );
    const stay = stayOf([admit, corrected]);
    assert.equal(stay.episodes.length, 1);
    assert.equal(stay.episodes[0]?.events[0]?.status, 'revised');
  });
});

describe('stayOf: current Provenance', () => {
  it('ignores copied Provenances whatever their position', () => {
    const current = (b: Bundle) =>
      (b.entry ?? [])
        .map((e) => e.resource)
        .filter((r): r is Provenance => r?.resourceType === 'Provenance')
        .findIndex((p) => p.target[0]?.reference === `MessageHeader/${headerId(b)}`);
    // In the examples the current Provenance is sometimes first, sometimes last.
    assert.deepEqual([current(RE_STIN), current(STOR)], [0, 1]);
    assert.deepEqual(
      stayOf([RE_STIN, STOR, STIN]).episodes[0]?.events.map((e) => [e.kind, e.status]),
      [
        ['admitted-inpatient', 'revised'],
        ['leave-started', 'current'],
      ],
    );
  });
});
