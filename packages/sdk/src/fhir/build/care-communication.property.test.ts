// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Bundle, Communication, MessageHeader, Provenance } from '@medplum/fhirtypes';
import { threadOf } from '../read/thread.js';
import { validateMessage } from '../validate/index.js';
import { organizationInput, patientInput, text } from './arbitraries.test-support.js';
import { CARE_COMMUNICATION_CATEGORIES, ENCOUNTER_CLASSES, ENCOUNTER_STATUSES } from './care-communication-codes.js';
import { ATTACHMENT_CONTENT_TYPES, PRACTITIONER_ROLE_CODES } from './terminology.js';
import { buildCareCommunication, forwardCareCommunication, replyToCareCommunication } from './care-communication.js';
import type {
  AttachmentInput,
  CareCommunicationInput,
  PersonInput,
  TextPayloadInput,
} from './care-communication-input.js';

const person: fc.Arbitrary<PersonInput> = fc
  .tuple(
    text(35),
    fc.array(text(20), { maxLength: 2 }),
    fc.oneof(
      fc.constantFrom(...PRACTITIONER_ROLE_CODES).map((role) => ({ role })),
      text(30).map((roleText) => ({ roleText })),
    ),
  )
  .map(([family, given, role]) => ({ family, ...(given.length > 0 ? { given } : {}), ...role }));

const phone = fc.stringMatching(/^\+?[0-9]{8,12}$/);

const textPayload: fc.Arbitrary<TextPayloadInput> = fc.record({
  text: fc.oneof(
    text(200),
    fc.array(text(60), { minLength: 2, maxLength: 4 }).map((lines) => lines.join('\n')),
  ),
  author: person,
  phone,
});

const dateTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => `${d.toISOString().slice(0, 19)}+01:00`);

const attachment: fc.Arbitrary<AttachmentInput> = fc.oneof(
  fc.record(
    {
      title: text(60),
      contentType: fc.constantFrom(...ATTACHMENT_CONTENT_TYPES),
      data: fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      creation: dateTime,
      author: person,
      phone,
    },
    { requiredKeys: ['title', 'contentType', 'data'] },
  ),
  fc.record(
    {
      title: text(60),
      url: fc.webUrl({ withQueryParameters: true }).filter((u) => /^https?:\/\/\S+$/.test(u) && URL.canParse(u)),
      creation: dateTime,
    },
    { requiredKeys: ['title', 'url'] },
  ),
);

/** The parts every send may carry, with the category rules kept. */
const parts = fc
  .record(
    {
      category: fc.constantFrom(...CARE_COMMUNICATION_CATEGORIES),
      topic: text(80),
      asap: fc.boolean(),
      encounter: fc.record({
        episodeOfCareId: fc.uuid({ version: 4 }),
        status: fc.constantFrom(...ENCOUNTER_STATUSES),
        class: fc.constantFrom(...ENCOUNTER_CLASSES),
      }),
      recipient: fc.oneof(
        text(40).map((careTeam) => ({ careTeam })),
        person.map((practitioner) => ({ practitioner })),
      ),
      texts: fc.array(textPayload, { minLength: 1, maxLength: 3 }),
      attachments: fc.array(attachment, { maxLength: 3 }),
    },
    { requiredKeys: ['category', 'asap', 'texts'] },
  )
  .map(({ asap, ...p }) => ({
    ...p,
    ...(p.category === 'other' && p.topic === undefined ? { topic: 'Andet' } : {}),
    ...(asap && p.category === 'regarding-referral' ? { priority: 'asap' as const } : {}),
  }));

const distinctParties = fc
  .tuple(organizationInput, organizationInput, organizationInput)
  .filter(([a, b, c]) => a.sor !== b.sor && b.sor !== c.sor && a.sor !== c.sor);

const newMessage = fc
  .record(
    {
      parties: distinctParties,
      patient: patientInput,
      parts,
      letter: fc.record({
        locationNumber: fc.constant('5790000121526'),
        letterId: fc.stringMatching(/^[A-Z0-9]{1,14}$/),
      }),
    },
    { requiredKeys: ['parties', 'patient', 'parts'] },
  )
  .map(
    ({ parties: [sender, receiver, third], patient: p, parts: m, letter }) =>
      [
        { sender, receiver, patient: p, ...m, ...(letter === undefined ? {} : { continuesLetter: letter }) },
        third,
      ] as const,
  );

/** A reply or forward; a step may leave the category to the thread or change it. */
const step = fc.record({
  kind: fc.constantFrom('reply', 'forward'),
  parts: parts.map((p) => ({ ...p, category: undefined })),
  category: fc.option(fc.constantFrom(...CARE_COMMUNICATION_CATEGORIES), { nil: undefined }),
});

const header = (bundle: Bundle) => bundle.entry?.[0]?.resource as MessageHeader & { id: string };
const communication = (bundle: Bundle) =>
  bundle.entry?.find((e) => e.resource?.resourceType === 'Communication')?.resource as Communication;
const provenances = (bundle: Bundle) =>
  (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === 'Provenance' ? [e.resource as Provenance] : []));

/** Build options for the n-th message: a clock a minute later each time, ids that never repeat. */
function optionsFor(n: number) {
  let id = 0;
  const prefix = (n + 1).toString(16).padStart(8, '0');
  return {
    now: () => new Date(Date.UTC(2026, 10, 25, 9, 30 + n)),
    newId: () => `${prefix}-0000-4000-8000-${(++id).toString(16).padStart(12, '0')}`,
  };
}

function assertValid(bundle: Bundle): void {
  assert.deepEqual(
    validateMessage(bundle).issues.map((i) => `${i.severity} ${i.path} ${i.message}`),
    [],
  );
}

describe('CareCommunication builders (property)', () => {
  it('any valid new message, and any chain of replies and forwards on it, validates with zero issues', () => {
    fc.assert(
      fc.property(newMessage, fc.array(step, { maxLength: 4 }), ([input, third], steps) => {
        const chain: Bundle[] = [buildCareCommunication(input as CareCommunicationInput, optionsFor(0))];
        assertValid(chain[0] as Bundle);
        let parties = [input.sender, input.receiver];
        steps.forEach((s, i) => {
          const previous = chain.at(-1) as Bundle;
          const [from, to] = parties as [typeof input.sender, typeof input.sender];
          const category = s.category;
          const thread = communication(previous);
          const threadCategory = category ?? thread.category?.[0]?.coding?.[0]?.code;
          const topic =
            s.parts.topic ?? (threadCategory === 'other' && thread.topic === undefined ? 'Andet' : undefined);
          const m = {
            ...s.parts,
            ...(category === undefined ? {} : { category }),
            ...(topic === undefined ? {} : { topic }),
            ...(threadCategory === 'regarding-referral' ? {} : { priority: undefined }),
          };
          let next: Bundle;
          if (s.kind === 'reply') {
            // The receiver answers the sender.
            next = replyToCareCommunication(previous, { ...m, sender: to, receiver: from }, optionsFor(i + 1));
            parties = [to, from];
          } else {
            // The receiver passes it on to whichever party did not send it.
            const target = [input.sender, input.receiver, third].find((p) => p.sor !== to.sor && p.sor !== from.sor);
            next = forwardCareCommunication(
              previous,
              { ...m, sender: to, receiver: target ?? third },
              { ...optionsFor(i + 1), earlier: chain },
            );
            parties = [to, target ?? third];
          }
          assertValid(next);
          const own = provenances(next).filter((p) => p.target[0]?.reference === `MessageHeader/${header(next).id}`);
          assert.equal(own.length, 1);
          assert.equal(own[0]?.entity?.[0]?.what.reference, `MessageHeader/${header(previous).id}`);
          assert.equal(provenances(next).length, provenances(previous).length + 1);
          const sameThread =
            communication(next).identifier?.[0]?.value === communication(previous).identifier?.[0]?.value;
          assert.equal(sameThread, s.kind === 'reply');
          if (s.kind === 'forward') {
            assert.ok(
              communication(next).payload?.every(
                (p) =>
                  p.contentAttachment?.url !== undefined ||
                  p.contentAttachment === undefined ||
                  p.contentAttachment.data !== undefined,
              ),
            );
          } else {
            const carried = communication(next).payload?.slice(0, communication(previous).payload?.length);
            assert.ok(carried?.every((p) => p.contentAttachment?.data === undefined));
          }
          chain.push(next);
        });
        // The thread reads back in the order it was built, from any order of the messages.
        const expected = chain.map((b) => header(b).id);
        const shuffled = [...chain].reverse();
        assert.deepEqual(
          threadOf(shuffled).entries.map((e) => e.messageHeaderId),
          expected,
        );
      }),
      { numRuns: 200 },
    );
  });
});
