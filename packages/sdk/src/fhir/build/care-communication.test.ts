// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { officialExamples, readJson } from '@samspil/fixtures';
import type {
  Bundle,
  CareTeam,
  Communication,
  CommunicationPayload,
  Encounter,
  MessageHeader,
  Organization,
  Practitioner,
  PractitionerRole,
  Provenance,
  Resource,
} from '@medplum/fhirtypes';
import { isInputError } from '../../errors/index.js';
import { validateMessage } from '../validate/index.js';
import { fixedOptions } from './arbitraries.test-support.js';
import {
  buildCareCommunication,
  forwardCareCommunication,
  replyToCareCommunication,
  type CareCommunicationForwardOptions,
} from './care-communication.js';
import type {
  CareCommunicationForwardInput,
  CareCommunicationInput,
  CareCommunicationReplyInput,
  PersonInput,
} from './care-communication-input.js';
import { sorEndpoint } from './urls.js';

const A = { name: 'Hjerteafdelingen, Herlev', sor: '265161000016000', gln: '5790000209354' };
const B = { name: 'Plejecenter Herlev', sor: '953741000016009', gln: '5790001348120' };
const C = { sor: '1042981000016003', gln: '5790001348120' };
const CPR = '2509479989';
const MICHAEL: PersonInput = { family: 'Burns', given: ['Michael'], role: 'sygeplejerske' };
const EMMA: PersonInput = { family: 'Waters', given: ['Emma'], role: 'sygeplejerske' };
const ANN: PersonInput = { family: 'Wounds', given: ['Ann', 'Marie'], roleText: 'Visitator' };
const PDF = 'JVBERi0xLjcNCiW1tbW1DQo='; // the first bytes of a PDF
const DEFINITION =
  'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0';
const EXT = (id: string) => `http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-${id}-extension`;

const NEW: CareCommunicationInput = {
  sender: A,
  receiver: B,
  patient: { cpr: CPR, family: 'Elmer', given: ['Bruno'] },
  category: 'regarding-referral',
  priority: 'asap',
  topic: 'Forespørgsel <om> henvisning & svar',
  encounter: { episodeOfCareId: 'fc60e762-b13b-4773-865e-67f3907bdcc7', status: 'in-progress', class: 'IMP' },
  recipient: { careTeam: 'Team 1' },
  texts: [{ text: 'Hej\nVi ønsker <b>svar</b> & resultater.', author: MICHAEL, phone: '38 68 38 68' }],
  attachments: [
    {
      title: 'Blodprøveresultater',
      contentType: 'application/pdf',
      data: PDF,
      creation: '2026-11-24T08:00:00+01:00',
    },
    { title: 'Vejledning', url: 'https://medcom.dk/' },
  ],
};

/** Build options for one message of a thread: its own clock and ids that never repeat across the thread. */
function clock(at: string, prefix: string) {
  let n = 0;
  return {
    now: () => new Date(at),
    newId: () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  };
}

const resources = (bundle: Bundle): Resource[] => (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
const ofType = <T extends Resource['resourceType']>(bundle: Bundle, type: T) =>
  resources(bundle).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);
const header = (bundle: Bundle) => bundle.entry?.[0]?.resource as MessageHeader & { id: string };
const communicationOf = (bundle: Bundle) => ofType(bundle, 'Communication')[0] as Communication;
const resolve = (bundle: Bundle, reference: string | undefined) =>
  resources(bundle).find((r) => `${r.resourceType}/${r.id}` === reference);
const ownProvenance = (bundle: Bundle) =>
  ofType(bundle, 'Provenance').find(
    (p) => p.target[0]?.reference === `MessageHeader/${header(bundle).id}`,
  ) as Provenance;
const extension = (payload: CommunicationPayload | undefined, id: string) =>
  payload?.extension?.find((e) => e.url === EXT(id));
const payloadId = (payload: CommunicationPayload | undefined) =>
  extension(payload, 'identifier')?.valueIdentifier?.value;
const sorOf = (organization: Resource | undefined) =>
  (organization as Organization | undefined)?.identifier?.find((i) => i.system === 'urn:oid:1.2.208.176.1.1')?.value;

function assertValid(bundle: Bundle): void {
  const result = validateMessage(bundle);
  assert.deepEqual(
    result.issues.map((i) => `${i.severity} ${i.path} ${i.message}`),
    [],
  );
  assert.equal(result.standard, 'CareCommunication');
}

function assertRefused(build: () => unknown, field: string, rule: string): void {
  assert.throws(build, (error: unknown) => {
    assert.ok(isInputError(error), String(error));
    assert.ok(
      error.issues.some((issue) => issue.field === field && issue.rule === rule),
      JSON.stringify(error.issues),
    );
    return true;
  });
}

const first = buildCareCommunication(NEW, clock('2026-11-25T09:30:00Z', '11111111'));
const reply = replyToCareCommunication(
  first,
  { texts: [{ text: 'Svar med resultater', author: EMMA, phone: '44527000' }] },
  clock('2026-11-26T10:00:00Z', '22222222'),
);
const forwardInput: CareCommunicationForwardInput = {
  receiver: C,
  texts: [{ text: 'Videresendes til jer', author: EMMA, phone: '44527000' }],
  attachments: [{ title: 'Billede', contentType: 'image/png', data: 'iVBORw0KGgo=' }],
};
const forward = forwardCareCommunication(reply, forwardInput, {
  ...clock('2026-11-27T11:00:00Z', '33333333'),
  earlier: [first],
});

describe('buildCareCommunication', () => {
  it('builds a valid new message', () => {
    assertValid(first);
  });

  it('writes the MessageHeader with the 5.0 definition, one primary receiver and the Communication as focus', () => {
    const h = header(first);
    assert.equal(h.eventCoding?.code, 'care-communication-message');
    assert.equal(h.definition, DEFINITION);
    assert.equal(h.destination?.length, 1);
    assert.equal(h.destination?.[0]?.extension?.[0]?.valueCoding?.code, 'primary');
    assert.equal(h.destination?.[0]?.endpoint, sorEndpoint(B.sor));
    assert.equal(sorOf(resolve(first, h.destination?.[0]?.receiver?.reference)), B.sor);
    assert.equal(sorOf(resolve(first, h.sender?.reference)), A.sor);
    assert.equal(h.source?.endpoint, sorEndpoint(A.sor));
    assert.equal(resolve(first, h.focus?.[0]?.reference)?.resourceType, 'Communication');
  });

  it('writes the Communication: thread id, category, priority, topic, encounter, recipient', () => {
    const c = communicationOf(first);
    assert.match(c.identifier?.[0]?.value ?? '', /^urn:uuid:11111111-0000-4000-8000-[0-9a-f]{12}$/);
    assert.equal(c.status, 'unknown');
    assert.equal(c.category?.[0]?.coding?.[0]?.code, 'regarding-referral');
    assert.equal(c.priority, 'asap');
    assert.equal(c.topic?.text, NEW.topic);
    const encounter = resolve(first, c.encounter?.reference) as Encounter;
    assert.deepEqual(encounter.episodeOfCare?.[0]?.identifier, {
      system: sorEndpoint(A.sor),
      value: 'fc60e762-b13b-4773-865e-67f3907bdcc7',
    });
    assert.equal(encounter.class.code, 'IMP');
    const team = resolve(first, c.recipient?.[0]?.reference) as CareTeam;
    assert.equal(team.name, 'Team 1');
    assert.equal(team.managingOrganization?.[0]?.reference, header(first).destination?.[0]?.receiver?.reference);
  });

  it('signs each payload: date now, a new identifier assigned by the sender, author and phone', () => {
    const [text, file, link] = communicationOf(first).payload ?? [];
    assert.equal(extension(text, 'datetime')?.valueDateTime, '2026-11-25T09:30:00Z');
    assert.match(payloadId(text) ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(extension(text, 'identifier')?.valueIdentifier?.assigner?.reference, header(first).sender?.reference);
    assert.equal(extension(text, 'contact')?.valueContactPoint?.value, '38683868');
    const role = resolve(first, extension(text, 'practitioner')?.valueReference?.reference) as PractitionerRole;
    assert.equal(role.code?.[0]?.coding?.[0]?.code, 'sygeplejerske');
    assert.equal(role.organization?.reference, header(first).sender?.reference);
    const who = resolve(first, role.practitioner?.reference) as Practitioner;
    assert.deepEqual(who.name, [{ family: 'Burns', given: ['Michael'] }]);
    assert.equal(text?.contentString, NEW.texts[0]?.text);
    assert.deepEqual(file?.contentAttachment, {
      contentType: 'application/pdf',
      data: PDF,
      title: 'Blodprøveresultater',
      creation: '2026-11-24T08:00:00+01:00',
    });
    assert.deepEqual(link?.contentAttachment, { url: 'https://medcom.dk/', title: 'Vejledning' });
    assert.equal(extension(file, 'datetime')?.valueDateTime, '2026-11-25T09:30:00Z');
  });

  it('shows the texts escaped in the Communication narrative, never the attachment data', () => {
    const div = communicationOf(first).text?.div ?? '';
    assert.equal(communicationOf(first).text?.status, 'extensions');
    assert.ok(div.includes('Hej<br/>Vi ønsker &#60;b&#62;svar&#60;/b&#62; &#38; resultater.'), div);
    assert.ok(div.includes('Forespørgsel &#60;om&#62; henvisning &#38; svar'));
    assert.ok(div.includes('Blodprøveresultater') && div.includes('https://medcom.dk/'));
    assert.ok(div.includes('Michael Burns, sygeplejerske') && div.includes('38683868'));
    assert.ok(!div.includes(PDF));
  });

  it('writes one Provenance new-message with a source entity per payload and no revision', () => {
    const provenances = ofType(first, 'Provenance');
    assert.equal(provenances.length, 1);
    const own = ownProvenance(first);
    assert.equal(own.activity?.coding?.[0]?.code, 'new-message');
    assert.equal(own.occurredDateTime, '2026-11-25T09:30:00Z');
    assert.deepEqual(
      own.entity?.map((e) => [e.role, e.what.identifier?.value]),
      communicationOf(first).payload?.map((p) => ['source', payloadId(p)]),
    );
    assert.equal(first.timestamp, '2026-11-25T09:30:00Z');
  });

  it('is deterministic with injected clock and ids', () => {
    assert.deepEqual(buildCareCommunication(NEW, fixedOptions()), buildCareCommunication(NEW, fixedOptions()));
  });

  it('continues an OIOXML letter as a reply-message naming lokationsnummer#brevid', () => {
    const bundle = buildCareCommunication(
      {
        ...NEW,
        priority: undefined,
        category: 'carecoordination',
        continuesLetter: { locationNumber: '5790000121526', letterId: 'B300720181623' },
      },
      fixedOptions(),
    );
    assertValid(bundle);
    const own = ownProvenance(bundle);
    assert.equal(own.activity?.coding?.[0]?.code, 'reply-message');
    assert.deepEqual(own.entity?.[0], {
      role: 'revision',
      what: { identifier: { value: '5790000121526#B300720181623' } },
    });
  });

  it('takes a practitioner as recipient, a role text and a replacement CPR', () => {
    const bundle = buildCareCommunication(
      {
        sender: A,
        receiver: B,
        patient: { ecpr: '0703921VJ4', family: 'Elmer' },
        category: 'other',
        topic: 'Andet',
        recipient: { practitioner: { family: 'Hansen', roleText: 'Visitator' } },
        texts: [{ text: 'Hej', author: ANN, phone: '+4548456523' }],
      },
      fixedOptions(),
    );
    assertValid(bundle);
    const c = communicationOf(bundle);
    const recipient = resolve(bundle, c.recipient?.[0]?.reference) as PractitionerRole;
    assert.equal(recipient.organization?.reference, header(bundle).destination?.[0]?.receiver?.reference);
    const author = resolve(bundle, extension(c.payload?.[0], 'practitioner')?.valueReference?.reference);
    assert.deepEqual((author as PractitionerRole).code, [{ text: 'Visitator' }]);
  });
});

describe('replyToCareCommunication', () => {
  it('builds a valid reply', () => {
    assertValid(reply);
  });

  it('keeps the thread id and patient and swaps the parties', () => {
    assert.equal(communicationOf(reply).identifier?.[0]?.value, communicationOf(first).identifier?.[0]?.value);
    assert.deepEqual(ofType(reply, 'Patient'), ofType(first, 'Patient'));
    assert.equal(sorOf(resolve(reply, header(reply).sender?.reference)), B.sor);
    assert.equal(sorOf(resolve(reply, header(reply).destination?.[0]?.receiver?.reference)), A.sor);
    assert.equal(header(reply).destination?.[0]?.endpoint, sorEndpoint(A.sor));
    // The parties keep their ids, so the copied history still points to them.
    assert.equal(header(reply).sender?.reference, header(first).destination?.[0]?.receiver?.reference);
  });

  it('carries the history and adds its own Provenance: revision to the previous MessageHeader, new payload as source', () => {
    const provenances = ofType(reply, 'Provenance');
    assert.equal(provenances.length, 2);
    assert.deepEqual(provenances[0], ownProvenance(first));
    const own = ownProvenance(reply);
    assert.equal(own.activity?.coding?.[0]?.code, 'reply-message');
    assert.equal(own.agent[0]?.who?.reference, header(reply).sender?.reference);
    const added = communicationOf(reply).payload?.at(-1);
    assert.deepEqual(own.entity, [
      { role: 'revision', what: { reference: `MessageHeader/${header(first).id}` } },
      { role: 'source', what: { identifier: { value: payloadId(added) } } },
    ]);
  });

  it('carries earlier payloads, attachments without their data', () => {
    const before = communicationOf(first).payload ?? [];
    const after = communicationOf(reply).payload ?? [];
    assert.equal(after.length, before.length + 1);
    assert.deepEqual(after[0], before[0]);
    assert.equal(after[1]?.contentAttachment?.data, undefined);
    assert.deepEqual(after[1]?.extension, before[1]?.extension);
    assert.deepEqual(after[1]?.contentAttachment, {
      contentType: 'application/pdf',
      title: 'Blodprøveresultater',
      creation: '2026-11-24T08:00:00+01:00',
    });
    assert.deepEqual(after[2], before[2]);
    assert.equal(extension(after[3], 'datetime')?.valueDateTime, '2026-11-26T10:00:00Z');
  });

  it('carries the encounter and the earlier authors, not the old recipient or priority', () => {
    const c = communicationOf(reply);
    assert.equal(c.encounter?.reference, communicationOf(first).encounter?.reference);
    assert.equal(c.recipient, undefined);
    assert.equal(c.priority, undefined);
    assert.equal(c.category?.[0]?.coding?.[0]?.code, 'regarding-referral');
    assert.equal(c.topic?.text, NEW.topic);
    assert.equal(ofType(reply, 'CareTeam').length, 0);
    assert.equal(ofType(reply, 'PractitionerRole').length, 2);
  });

  it('is deterministic and leaves the previous message unchanged', () => {
    const before = structuredClone(first);
    const input: CareCommunicationReplyInput = { texts: [{ text: 'Svar', author: EMMA, phone: '44527000' }] };
    assert.deepEqual(
      replyToCareCommunication(first, input, fixedOptions()),
      replyToCareCommunication(first, input, fixedOptions()),
    );
    assert.deepEqual(first, before);
  });

  it('reuses a carried author of the sender organisation', () => {
    const again = replyToCareCommunication(
      reply,
      { texts: [{ text: 'Tak', author: MICHAEL, phone: '38683868' }] },
      clock('2026-11-26T12:00:00Z', '44444444'),
    );
    assertValid(again);
    const authors = (communicationOf(again).payload ?? []).map(
      (p) => extension(p, 'practitioner')?.valueReference?.reference,
    );
    assert.equal(authors.at(-1), authors[0]);
    assert.equal(ofType(again, 'PractitionerRole').length, 2);
    assert.equal(ofType(again, 'Provenance').length, 3);
  });
});

describe('forwardCareCommunication', () => {
  it('builds a valid forward', () => {
    assertValid(forward);
  });

  it('starts a new thread id and names the forwarded MessageHeader', () => {
    const id = communicationOf(forward).identifier?.[0]?.value;
    assert.notEqual(id, communicationOf(reply).identifier?.[0]?.value);
    assert.match(id ?? '', /^urn:uuid:33333333-/);
    const own = ownProvenance(forward);
    assert.equal(own.activity?.coding?.[0]?.code, 'forward-message');
    assert.deepEqual(own.entity?.[0], { role: 'revision', what: { reference: `MessageHeader/${header(reply).id}` } });
    assert.deepEqual(
      own.entity?.slice(1).map((e) => e.what.identifier?.value),
      communicationOf(forward).payload?.slice(-2).map(payloadId),
    );
  });

  it('carries the whole history: one Provenance per exchange', () => {
    const targets = ofType(forward, 'Provenance').map((p) => p.target[0]?.reference);
    assert.deepEqual(
      targets,
      [header(first), header(reply), header(forward)].map((h) => `MessageHeader/${h.id}`),
    );
  });

  it('carries attachments in full, restoring data the reply left out', () => {
    const payload = communicationOf(forward).payload ?? [];
    assert.equal(payload[1]?.contentAttachment?.data, PDF);
    assert.equal(payload.at(-1)?.contentAttachment?.data, 'iVBORw0KGgo=');
    assert.equal(sorOf(resolve(forward, header(forward).destination?.[0]?.receiver?.reference)), C.sor);
    // The forward comes from the receiver of the reply.
    assert.equal(sorOf(resolve(forward, header(forward).sender?.reference)), A.sor);
    // Every party of the history stays bundled.
    assert.deepEqual(ofType(forward, 'Organization').map(sorOf).sort(), [A.sor, B.sor, C.sor].sort());
  });

  it('refuses when data to restore is not among the earlier messages', () => {
    assertRefused(
      () => forwardCareCommunication(reply, forwardInput, fixedOptions()),
      'earlier',
      'attachment-data-missing',
    );
  });

  it('forwards a first message without earlier messages', () => {
    const direct = forwardCareCommunication(
      first,
      { ...forwardInput, sender: B },
      fixedOptions() as CareCommunicationForwardOptions,
    );
    assertValid(direct);
    assert.equal(communicationOf(direct).payload?.[1]?.contentAttachment?.data, PDF);
  });
});

describe('the official CareCommunication examples', () => {
  const examples = officialExamples().filter((e) => e.folder === 'carecommunication');
  const all = examples.map((e) => readJson<Bundle>(e.json));
  const answer: CareCommunicationReplyInput = {
    texts: [{ text: 'Tak for beskeden', author: ANN, phone: '48456523' }],
  };

  it('are all there', () => {
    assert.equal(examples.length, 8);
  });

  for (const example of examples) {
    it(`replies to ${example.name}`, () => {
      const previous = readJson<Bundle>(example.json);
      const bundle = replyToCareCommunication(previous, answer, fixedOptions());
      assertValid(bundle);
      assert.equal(communicationOf(bundle).identifier?.[0]?.value, communicationOf(previous).identifier?.[0]?.value);
      assert.equal(ofType(bundle, 'Provenance').length, ofType(previous, 'Provenance').length + 1);
      assert.equal(ownProvenance(bundle).entity?.[0]?.what.reference, `MessageHeader/${header(previous).id}`);
      assert.equal(communicationOf(bundle).payload?.length, (communicationOf(previous).payload?.length ?? 0) + 1);
      assert.ok(communicationOf(bundle).payload?.every((p) => p.contentAttachment?.data === undefined));
      // The reply goes back to the sender of the message.
      assert.equal(
        sorOf(resolve(bundle, header(bundle).destination?.[0]?.receiver?.reference)),
        sorOf(resolve(previous, header(previous).sender?.reference)),
      );
      assert.deepEqual(previous, readJson<Bundle>(example.json), 'the input is not changed');
    });

    it(`forwards ${example.name}`, () => {
      const previous = readJson<Bundle>(example.json);
      const receiver = { sor: '123456789012', gln: '5790000121526' };
      const bundle = forwardCareCommunication(
        previous,
        { receiver, texts: [{ text: 'Til orientering', author: ANN, phone: '48456523' }] },
        { ...fixedOptions(), earlier: all },
      );
      assertValid(bundle);
      assert.notEqual(communicationOf(bundle).identifier?.[0]?.value, communicationOf(previous).identifier?.[0]?.value);
      const files = (communicationOf(bundle).payload ?? []).filter((p) => p.contentAttachment?.url === undefined);
      assert.ok(files.every((p) => p.contentAttachment === undefined || p.contentAttachment.data !== undefined));
    });
  }
});

describe('refusals', () => {
  const options = fixedOptions();
  const cases: [string, () => unknown, string, string][] = [
    [
      'asap with another category than regarding-referral',
      () => buildCareCommunication({ ...NEW, category: 'carecoordination' }, options),
      'priority',
      'asap-only-with-regarding-referral',
    ],
    [
      'other without a topic',
      () => buildCareCommunication({ ...NEW, priority: undefined, category: 'other', topic: undefined }, options),
      'topic',
      'topic-required-for-other',
    ],
    [
      'a MIME type outside the ValueSet',
      () =>
        buildCareCommunication(
          { ...NEW, attachments: [{ title: 'x', contentType: 'text/plain' as never, data: PDF }] },
          options,
        ),
      'attachments[0].contentType',
      'enumeration',
    ],
    [
      'an attachment with neither data nor url',
      () => buildCareCommunication({ ...NEW, attachments: [{ title: 'x', contentType: 'application/pdf' }] }, options),
      'attachments[0]',
      'data-or-url',
    ],
    [
      'an attachment with both data and url',
      () =>
        buildCareCommunication(
          { ...NEW, attachments: [{ title: 'x', contentType: 'image/png', data: PDF, url: 'https://medcom.dk/' }] },
          options,
        ),
      'attachments[0]',
      'data-or-url',
    ],
    [
      'file data without content type',
      () => buildCareCommunication({ ...NEW, attachments: [{ title: 'x', data: PDF }] }, options),
      'attachments[0].contentType',
      'required',
    ],
    [
      'data that is not base64',
      () =>
        buildCareCommunication(
          { ...NEW, attachments: [{ title: 'x', contentType: 'application/pdf', data: 'not base64!' }] },
          options,
        ),
      'attachments[0].data',
      'base64',
    ],
    [
      'a link that is not http(s)',
      () => buildCareCommunication({ ...NEW, attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }, options),
      'attachments[0].url',
      'format',
    ],
    [
      'a creation time without zone',
      () =>
        buildCareCommunication(
          { ...NEW, attachments: [{ title: 'x', url: 'https://medcom.dk/', creation: '2026-11-24T08:00:00' }] },
          options,
        ),
      'attachments[0].creation',
      'date-time',
    ],
    [
      'a blank title',
      () => buildCareCommunication({ ...NEW, attachments: [{ title: ' ', url: 'https://medcom.dk/' }] }, options),
      'attachments[0].title',
      'required',
    ],
    ['a cc receiver', () => buildCareCommunication({ ...NEW, cc: [C] } as never, options), 'cc', 'cc-not-allowed'],
    [
      'a cc receiver on a reply',
      () => replyToCareCommunication(first, { ...NEW, cc: C } as never, options),
      'cc',
      'cc-not-allowed',
    ],
    ['no text', () => buildCareCommunication({ ...NEW, texts: [] }, options), 'texts', 'minItems'],
    [
      'an author with both role code and role text',
      () =>
        buildCareCommunication(
          { ...NEW, texts: [{ text: 'x', author: { ...MICHAEL, roleText: 'Sygeplejerske' }, phone: '12345678' }] },
          options,
        ),
      'texts[0].author.role',
      'role-or-role-text',
    ],
    [
      'an author without a role',
      () =>
        buildCareCommunication({ ...NEW, texts: [{ text: 'x', author: { family: 'X' }, phone: '12345678' }] }, options),
      'texts[0].author.role',
      'role-or-role-text',
    ],
    [
      'a role outside the code system',
      () =>
        buildCareCommunication(
          { ...NEW, texts: [{ text: 'x', author: { family: 'X', role: 'doctor' as never }, phone: '12345678' }] },
          options,
        ),
      'texts[0].author.role',
      'enumeration',
    ],
    [
      'a telephone number with letters',
      () => buildCareCommunication({ ...NEW, texts: [{ text: 'x', author: MICHAEL, phone: 'call me' }] }, options),
      'texts[0].phone',
      'phone',
    ],
    [
      'text a FHIR string cannot carry',
      () =>
        buildCareCommunication({ ...NEW, texts: [{ text: 'a\u0001b', author: MICHAEL, phone: '12345678' }] }, options),
      'texts[0].text',
      'characters',
    ],
    [
      'a recipient that is both care team and practitioner',
      () => buildCareCommunication({ ...NEW, recipient: { careTeam: 'T', practitioner: { family: 'X' } } }, options),
      'recipient',
      'care-team-or-practitioner',
    ],
    [
      'an encounter class outside the ValueSet',
      () =>
        buildCareCommunication(
          { ...NEW, encounter: { episodeOfCareId: 'x', status: 'in-progress', class: 'XYZ' as never } },
          options,
        ),
      'encounter.class',
      'enumeration',
    ],
    [
      'a letter whose location number is not a GLN',
      () =>
        buildCareCommunication(
          { ...NEW, continuesLetter: { locationNumber: '5790000121527', letterId: 'B1' } },
          options,
        ),
      'continuesLetter.locationNumber',
      'gln',
    ],
    [
      'the same organisation as sender and receiver',
      () => buildCareCommunication({ ...NEW, receiver: A }, options),
      'receiver',
      'receiver-is-sender',
    ],
    [
      'a field CareCommunication does not have',
      () => buildCareCommunication({ ...NEW, note: 'x' } as never, options),
      'note',
      'unknown',
    ],
    [
      'a reply to a HospitalNotification',
      () => {
        const notification = officialExamples().find((e) => e.folder === 'hospitalnotification');
        assert.ok(notification);
        return replyToCareCommunication(readJson<Bundle>(notification.json), { texts: NEW.texts }, options);
      },
      'previous',
      'not-care-communication',
    ],
    [
      'a forward of something that is not a Bundle',
      () => forwardCareCommunication({} as Bundle, { receiver: C, texts: NEW.texts }, options),
      'previous',
      'not-care-communication',
    ],
    [
      'a reply to a message without its Communication',
      () => replyToCareCommunication({ ...first, entry: first.entry?.slice(0, 1) }, { texts: NEW.texts }, options),
      'previous',
      'incomplete-care-communication',
    ],
    [
      'a reply asking asap in a thread that is not about a referral',
      () =>
        replyToCareCommunication(
          buildCareCommunication({ ...NEW, category: 'nursing', priority: undefined }, fixedOptions()),
          { priority: 'asap', texts: NEW.texts },
          options,
        ),
      'priority',
      'asap-only-with-regarding-referral',
    ],
    [
      'a reply changing the category to other without a topic in the thread',
      () =>
        replyToCareCommunication(
          buildCareCommunication({ ...NEW, priority: undefined, topic: undefined }, fixedOptions()),
          { category: 'other', texts: NEW.texts },
          options,
        ),
      'topic',
      'topic-required-for-other',
    ],
    [
      'a forward back to its own sender',
      () => forwardCareCommunication(first, { receiver: B, texts: NEW.texts }, options),
      'receiver',
      'receiver-is-sender',
    ],
  ];
  for (const [name, build, field, rule] of cases) {
    it(`${name}: ${field} / ${rule}`, () => assertRefused(build, field, rule));
  }

  it('never puts the CPR number or other input values in the message', () => {
    try {
      buildCareCommunication({ ...NEW, patient: { cpr: '2509479989x', family: 'Elmer' } }, options);
      assert.fail('not refused');
    } catch (error) {
      assert.ok(isInputError(error));
      assert.equal(error.issues[0]?.field, 'patient.cpr');
      assert.doesNotMatch(JSON.stringify(error.issues) + error.message, /2509479989/);
    }
    try {
      buildCareCommunication({ ...NEW, attachments: [{ title: 'x', contentType: 'text/secret' as never, data: PDF }] });
      assert.fail('not refused');
    } catch (error) {
      assert.ok(isInputError(error));
      assert.doesNotMatch(JSON.stringify(error.issues) + error.message, /secret/);
    }
  });
});
