// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bundle, Communication } from '@medplum/fhirtypes';
import { HOSPITAL_NOTIFICATION_ACTIVITIES } from '../fhir/build/hospital-notification.js';
import { describeMessage } from '../fhir/read/describe.js';
import { stayOf } from '../fhir/read/stay.js';
import { threadOf } from '../fhir/read/thread.js';
import { validateMessage } from '../fhir/validate/index.js';
import { exampleMessages } from './index.js';

const set = exampleMessages();
const named = (name: string): Bundle => {
  const found = set.find((m) => m.name === name);
  assert.ok(found, name);
  return found.bundle;
};
const threadId = (bundle: Bundle) =>
  (bundle.entry?.find((e) => e.resource?.resourceType === 'Communication')?.resource as Communication | undefined)
    ?.identifier?.[0]?.value;

describe('exampleMessages', () => {
  it('validates every message with no errors and no warnings', () => {
    for (const { name, bundle } of set) {
      const result = validateMessage(bundle);
      assert.deepEqual(
        result.issues.map((i) => `${i.severity} ${i.path} ${i.message}`),
        [],
        name,
      );
      assert.equal(result.ok, true, name);
    }
  });

  it('is the same set every time, with unique, file-safe names', () => {
    assert.deepEqual(exampleMessages(), set);
    const names = set.map((m) => m.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z0-9-]+$/);
    const ids = set.map((m) => m.bundle.id);
    assert.equal(new Set(ids).size, ids.length, 'every Bundle.id is new');
  });

  it('holds every HospitalNotification activity', () => {
    const activities = set
      .filter((m) => m.name.startsWith('hospital-notification-'))
      .map((m) => /^hospital-notification-[a-f]-\d\d-(.+)$/.exec(m.name)?.[1]);
    assert.deepEqual(new Set(activities), new Set(HOSPITAL_NOTIFICATION_ACTIVITIES));
  });

  it('names each HospitalNotification after what it says', () => {
    for (const { name, bundle } of set.filter((m) => m.name.startsWith('hospital-notification-'))) {
      const description = describeMessage(bundle);
      assert.equal(description.kind, 'hospital-notification', name);
      const activity = name.replace(/^hospital-notification-[a-f]-\d\d-/, '');
      if (!activity.endsWith('death')) assert.equal(description.event?.code, activity, name);
    }
  });

  it('tells six coherent stays', () => {
    const byStay = (letter: string) =>
      stayOf(set.filter((m) => m.name.startsWith(`hospital-notification-${letter}-`)).map((m) => m.bundle));
    assert.equal(byStay('a').state, 'discharged');
    assert.equal(byStay('b').state, 'admitted');
    assert.equal(byStay('f').state, 'admitted');
    for (const letter of ['a', 'b', 'c', 'd', 'e', 'f']) assert.equal(byStay(letter).episodes.length, 1, letter);
  });

  it('holds a CareCommunication thread new → reply → forward with the attachment only where it travels in full', () => {
    const first = named('care-communication-thread-1-new');
    const reply = named('care-communication-thread-2-reply');
    const forward = named('care-communication-thread-3-forward-with-attachment');
    assert.equal(threadId(reply), threadId(first), 'a reply keeps the thread id');
    assert.notEqual(threadId(forward), threadId(first), 'a forward gets a new one');
    const thread = threadOf([forward, first, reply]);
    assert.deepEqual(
      thread.entries.map((e) => e.activity),
      ['new', 'reply', 'forward'],
    );
    const attachments = describeMessage(forward).attachments;
    assert.deepEqual(
      attachments.map((a) => [a.title, a.contentType]),
      [['Medicinliste ved udskrivelse', 'application/pdf']],
    );
    assert.ok((attachments[0]?.size ?? 0) > 0);
  });

  it('holds a regarding-referral message with priority asap', () => {
    const description = describeMessage(named('care-communication-regarding-referral-asap'));
    assert.equal(description.kind, 'care-communication');
    if (description.kind !== 'care-communication') return;
    assert.equal(description.details.category, 'regarding-referral');
    assert.equal(description.details.priority, 'asap');
  });

  it('holds an acknowledgement of each code and a HomeCareObservation', () => {
    for (const code of ['ok', 'transient-error', 'fatal-error']) {
      const description = describeMessage(named(`acknowledgement-${code}`));
      assert.equal(description.kind, 'acknowledgement');
      if (description.kind === 'acknowledgement') assert.equal(description.details.responseCode, code);
    }
    const observation = describeMessage(named('home-care-observation'));
    assert.equal(observation.kind, 'home-care-observation');
    if (observation.kind === 'home-care-observation') assert.equal(observation.details.observationCount, 3);
  });
});
