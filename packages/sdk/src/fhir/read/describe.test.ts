// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import type { Bundle, MessageHeader, Provenance } from '@medplum/fhirtypes';
import { officialExamples, readJson, type OfficialExample } from '@samspil/fixtures';
import fc from 'fast-check';
import { isParseError } from '../../errors/guards.js';
import { parseFhirXml } from '../xml/index.js';
import {
  currentProvenance,
  messageHeaderOf,
  organizationIdentifiers,
  provenanceHistory,
  referenceId,
  resolveReference,
} from './bundle.js';
import { activityLabel, categoryLabel, describeMessage, type MessageDescription } from './describe.js';
import { base64ByteLength } from './describe-values.js';

type Json = Record<string, unknown>;

const EXAMPLES = officialExamples();
const TEST_CPR = '2509479989';

function example(folder: string, prefix: string): OfficialExample {
  const found = EXAMPLES.find((e) => e.folder === folder && e.name.startsWith(`Bundle-${prefix}`));
  assert.ok(found, `official example ${folder}/${prefix} is missing`);
  return found;
}

const load = (folder: string, prefix: string): Json => readJson<Json>(example(folder, prefix).json);
const describeExample = (folder: string, prefix: string): MessageDescription => describeMessage(load(folder, prefix));

const entries = (bundle: Json): Json[] => bundle['entry'] as Json[];
const resources = (bundle: Json): Json[] => entries(bundle).map((entry) => entry['resource'] as Json);
const ofType = (bundle: Json, type: string): Json[] => resources(bundle).filter((r) => r['resourceType'] === type);

/** Asserts a ParseError whose message names `path` and quotes no CPR number. */
function assertParseError(input: unknown, path: string): void {
  assert.throws(
    () => describeMessage(input),
    (error: unknown) => {
      assert.ok(isParseError(error), `expected a ParseError, got ${String(error)}`);
      assert.ok(error.message.includes(path), `"${error.message}" should name ${path}`);
      assert.ok(!/\d{6}-?\d{4}/.test(error.message), `"${error.message}" quotes a CPR-shaped value`);
      return true;
    },
  );
}

const minimalHeader = (eventCoding: unknown): Json => ({
  resourceType: 'Bundle',
  type: 'message',
  entry: [{ resource: { resourceType: 'MessageHeader', id: 'h1', eventCoding } }],
});

describe('describeMessage: every official example', () => {
  assert.ok(EXAMPLES.length >= 30, 'the official examples were not found');

  for (const ex of EXAMPLES) {
    it(`describes ${ex.folder}/${ex.name}`, () => {
      const bundle = readJson<Json>(ex.json);
      const header = resources(bundle)[0] as Json;
      const d = describeMessage(bundle);

      assert.equal(d.eventCode, (header['eventCoding'] as Json)['code']);
      const expectedKind = {
        hospitalnotification: 'hospital-notification',
        carecommunication: 'care-communication',
        acknowledgement: 'acknowledgement',
        homecareobservation: 'home-care-observation',
      }[ex.folder];
      assert.equal(d.kind, d.eventCode === 'empty-message' ? 'empty' : expectedKind);
      assert.ok(d.standard.da && d.standard.en);
      assert.equal(d.bundleId, bundle['id']);
      assert.equal(d.messageHeaderId, header['id']);
      assert.equal(d.timestamp, bundle['timestamp']);

      assert.ok(d.sender?.sor && d.sender.gln && d.sender.endpoint, 'sender SOR, GLN and endpoint');
      assert.ok(d.receiver?.sor && d.receiver.gln, 'primary receiver SOR and GLN');
      assert.equal(d.receiver.use, 'primary');

      assert.equal(d.thread.history.length, ofType(bundle, 'Provenance').length);
      for (const step of d.thread.history) assert.ok(step.label, `label for ${String(step.code)}`);
      if (d.event) {
        assert.equal(d.event.current, true);
        assert.equal(d.event.messageHeaderId, d.messageHeaderId);
        assert.equal(d.thread.history.filter((step) => step.current).length, 1);
      }
      if (d.kind !== 'acknowledgement' && d.kind !== 'empty') {
        assert.ok(d.event, 'a current activity');
        assert.ok(d.patient?.family && d.patient.identifier, 'a patient with a person identifier');
        assert.equal(d.patient.identifier.sensitive, true);
        assert.ok(!/[0-9A-Z]/.test(d.patient.identifier.redacted), 'redacted form hides every character');
      }
    });

    if (ex.xml) {
      const xml = ex.xml;
      it(`describes the XML twin of ${ex.folder}/${ex.name} identically`, () => {
        const parsed = parseFhirXml(readFileSync(xml, 'utf8'));
        assert.ok(parsed.ok, basename(xml));
        assert.deepEqual(describeMessage(parsed.resource), describeMessage(readJson(ex.json)));
      });
    }
  }
});

describe('describeMessage: HospitalNotification', () => {
  it('describes a start of leave (STOR): event, parties, patient and Encounter', () => {
    const d = describeExample('hospitalnotification', 'd3128d9b');
    assert.equal(d.kind, 'hospital-notification');
    assert.deepEqual(d.standard, { da: 'Advis om sygehusophold', en: 'HospitalNotification' });
    assert.equal(d.messageHeaderId, 'e563a2b2-bf92-4b13-bbd2-0a021a95bded');
    assert.equal(d.event?.code, 'start-leave-inpatient');
    assert.deepEqual(d.event.label, { da: 'Start orlov', en: 'Start leave' });
    assert.equal(d.event.recorded, '2022-12-13T14:00:12+02:00');
    assert.deepEqual(d.sender, {
      name: 'Hjerteafdelingen på Herlev og Gentofte hospital',
      sor: '265161000016000',
      gln: '5790000209354',
      endpoint: 'https://sor2.sum.dsdn.dk/#id=265161000016000',
    });
    assert.deepEqual(d.receivers, [
      {
        name: 'Plejecenter Herlev',
        sor: '953741000016009',
        gln: '5790001348120',
        endpoint: 'https://sor2.sum.dsdn.dk/#id=953741000016009',
        use: 'primary',
      },
    ]);
    assert.equal(d.patient?.family, 'Elmer');
    assert.deepEqual(d.patient.identifier, {
      kind: 'cpr',
      system: 'urn:oid:1.2.208.176.1.2',
      value: '2509479989',
      formatted: '250947-9989',
      redacted: '******-****',
      valid: true,
      sensitive: true,
    });
    assert.equal(d.patient.birthDate, '1947-09-25');
    assert.equal(d.details.encounterStatus, 'onleave');
    assert.equal(d.details.encounterClass, 'IMP');
    assert.deepEqual(d.details.period, { start: '2022-12-07T12:00:00+02:00', end: undefined });
    assert.deepEqual(d.details.leavePeriod, { start: '2022-12-13T14:00:10+02:00', end: undefined });
    assert.deepEqual(d.details.episodeOfCareIds, ['bd481c38-a921-11ed-afa1-0242ac120002']);
    assert.equal(d.details.abbreviation, 'STOR');
    assert.equal(d.thread.previous?.messageHeaderId, 'b9b4818e-02de-4cc4-b418-d20cbc7b5404');
    assert.deepEqual(
      d.thread.history.map((step) => step.code),
      ['admit-inpatient', 'start-leave-inpatient'],
    );
    assert.deepEqual(d.attachments, []);
  });

  it('names corrections, cancellations and deaths by their Danish abbreviations', () => {
    const cases: [string, string, string][] = [
      ['a5e5b880', 'admit-inpatient', 'STIN'],
      ['bfab3e80', 'revise-admit-inpatient', 'RE_STIN'],
      ['c83671a4', 'cancel-admit-inpatient', 'AN_STIN'],
      ['e94de8ee', 'end-leave-inpatient', 'SLOR'],
      ['f4aa42a4', 'discharge-inpatient-home', 'SLHJ'],
      ['g099bbf3', 'admit-inpatient', 'MORS'],
      ['h1c8e4a8', 'admit-emergency', 'STAA'],
      ['kcab461b', 'discharge-emergency-home', 'SLHJ'],
      ['ld31e08a', 'admit-emergency', 'MORS'],
    ];
    for (const [prefix, code, abbreviation] of cases) {
      const d = describeExample('hospitalnotification', prefix);
      assert.equal(d.event?.code, code, prefix);
      assert.ok(d.kind === 'hospital-notification');
      assert.equal(d.details.abbreviation, abbreviation, prefix);
    }
    const cancel = describeExample('hospitalnotification', 'c83671a4');
    assert.deepEqual(cancel.event?.label, {
      da: 'Annullering Start sygehusophold - indlagt',
      en: 'Cancellation Start hospital stay - admitted',
    });
    assert.equal(cancel.thread.previous?.role, 'removal');
  });

  it('reports a death, the admission report request and a service provider other than the sender', () => {
    const mors = describeExample('hospitalnotification', 'g099bbf3');
    assert.equal(mors.patient?.deceased, true);
    assert.ok(mors.kind === 'hospital-notification');
    assert.deepEqual(mors.details.period, { start: '2022-12-07T12:00:00+02:00', end: '2022-12-09T09:45:30+02:00' });

    const stin = describeExample('hospitalnotification', 'a5e5b880');
    assert.ok(stin.kind === 'hospital-notification');
    assert.equal(stin.details.reportOfAdmission, true);
    assert.equal(stin.details.reportOfAdmissionRecipient?.sor, '265161000016000');
    assert.equal(stin.patient?.deceased, undefined);

    const other = describeExample('hospitalnotification', 'm908i967');
    assert.ok(other.kind === 'hospital-notification');
    assert.equal(other.details.serviceProvider?.name, 'Hjertemedicinsk sengeafs. S103');
    assert.notEqual(other.details.serviceProvider.sor, other.sender?.sor);
  });
});

describe('describeMessage: CareCommunication', () => {
  // The IG's thread A→B→A→C→B, in order.
  const THREAD = ['add5e7e2', 'b56549f7', '3dcb5618', 'c0426e3e', 'd11968f5'];
  const NEW = '42cb9200-f421-4d08-8391-7d51a2503cb4';
  const REPLY_B = 'd5bd2111-2576-48d3-84d4-8be0297a038d';
  const REPLY_A = '4dff3695-218d-4878-838a-5f23cbba6f82';
  const FORWARD_C = 'aac67161-d0de-4933-a78c-060beafb4814';
  const FORWARD_B = '2654e182-cfee-4537-b744-e36231ebe2f3';

  it('places each message of the thread, from the Provenance stack', () => {
    const expected = [
      { history: [NEW], previous: undefined, reply: false, forward: false },
      { history: [NEW, REPLY_B], previous: NEW, reply: true, forward: false },
      { history: [NEW, REPLY_B, REPLY_A], previous: REPLY_B, reply: true, forward: false },
      { history: [NEW, REPLY_B, REPLY_A, FORWARD_C], previous: REPLY_A, reply: false, forward: true },
      // The IG calls this message a reply, but its own Provenance says forward-message (see medcom.md §2.6).
      { history: [NEW, REPLY_B, REPLY_A, FORWARD_C, FORWARD_B], previous: REPLY_A, reply: false, forward: true },
    ];
    THREAD.forEach((prefix, i) => {
      const d = describeExample('carecommunication', prefix);
      const want = expected[i]!;
      assert.deepEqual(
        d.thread.history.map((step) => step.messageHeaderId),
        want.history,
        prefix,
      );
      assert.equal(d.messageHeaderId, want.history.at(-1), prefix);
      assert.deepEqual(
        d.thread.history.map((step) => step.current),
        want.history.map((_, j) => j === want.history.length - 1),
        prefix,
      );
      assert.equal(d.thread.previous?.messageHeaderId, want.previous, prefix);
      assert.equal(d.thread.isReply, want.reply, prefix);
      assert.equal(d.thread.isForward, want.forward, prefix);
    });
  });

  it('reads the current activity from the target, not from the array order', () => {
    // In 3dcb5618 the newest Provenance is last but the oldest sits in the middle.
    const bundle = load('carecommunication', '3dcb5618');
    const codes = ofType(bundle, 'Provenance').map((p) => ((p['activity'] as Json)['coding'] as Json[])[0]!['code']);
    assert.deepEqual(codes, ['reply-message', 'new-message', 'reply-message']);
    const d = describeMessage(bundle);
    assert.equal(d.event?.code, 'reply-message');
    assert.equal(d.event.messageHeaderId, REPLY_A);
    assert.deepEqual(d.event.label, { da: 'Svar', en: 'Reply' });
    assert.equal(d.event.by?.name, 'Hjerteafdelingen på Herlev og Gentofte hospital');

    // Reversing the entries (header kept first) changes nothing.
    const [first, ...rest] = entries(bundle);
    assert.deepEqual(describeMessage({ ...bundle, entry: [first, ...rest.reverse()] }), d);
  });

  it('keeps the thread id on replies and gets a new one on a forward', () => {
    const ids = THREAD.map((prefix) => {
      const d = describeExample('carecommunication', prefix);
      assert.ok(d.kind === 'care-communication');
      return d.details.threadId;
    });
    assert.equal(new Set(ids.slice(0, 3)).size, 1);
    assert.notEqual(ids[3], ids[0]);
  });

  it('describes the sender, receiver, patient and category of the first message', () => {
    const d = describeExample('carecommunication', 'add5e7e2');
    assert.equal(d.kind, 'care-communication');
    assert.deepEqual(d.standard, { da: 'Korrespondancemeddelelse', en: 'CareCommunication' });
    assert.equal(d.sender?.name, 'Hjerteafdelingen på Herlev og Gentofte hospital');
    assert.equal(d.sender.sor, '265161000016000');
    assert.equal(d.sender.gln, '5790000209354');
    assert.equal(d.receiver?.name, 'Plejecenter Herlev');
    assert.equal(d.patient?.family, 'Elmer');
    assert.equal(
      d.definition,
      'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0',
    );
    assert.ok(d.kind === 'care-communication');
    assert.equal(d.details.category, 'examination-results');
    assert.deepEqual(d.details.categoryLabel, { da: 'Undersøgelsessvar', en: 'Examination Results' });
    assert.equal(d.details.topic, 'Forspørgsel på seneste resultater');
    assert.equal(d.details.priority, undefined);
  });

  it('lists attachments with title, type, decoded size, url, creation and author', () => {
    const bundle = load('carecommunication', 'gfd00bc2');
    const d = describeMessage(bundle);
    assert.ok(d.kind === 'care-communication');
    assert.equal(d.details.category, 'regarding-referral');
    assert.equal(d.details.priority, 'asap');
    assert.equal(d.details.topic, 'Journal notat');

    const communication = ofType(bundle, 'Communication')[0]!;
    const pdf = ((communication['payload'] as Json[])[1]!['contentAttachment'] as Json)['data'] as string;
    assert.deepEqual(
      d.attachments.map((a) => a.title),
      ['Blodprøveresultater', 'medcom.dk'],
    );
    assert.deepEqual(d.attachments[0], {
      title: 'Blodprøveresultater',
      contentType: 'application/pdf',
      size: Buffer.from(pdf, 'base64').length,
      hasData: true,
      url: undefined,
      creation: '2024-04-30T08:00:00+02:00',
      identifier: 'urn:uuid:cd422e42-5bad-11ed-9b6a-0242ac120002',
      author: {
        name: 'Michael Burns',
        role: 'sygeplejerske',
        organization: 'Hjerteafdelingen på Herlev og Gentofte hospital',
      },
    });
    assert.equal(d.attachments[1]?.url, 'https://medcom.dk/');
    assert.equal(d.attachments[1].hasData, false);
    assert.equal(d.attachments[1].size, undefined);
  });

  it('splits a legacy predecessor id into location number and letter id', () => {
    const d = describeExample('carecommunication', 'k7bfbc0c');
    assert.equal(d.thread.isReply, true);
    assert.deepEqual(d.thread.previous, {
      role: 'revision',
      messageHeaderId: undefined,
      identifier: 'B300720181623#5790000121526',
      lokationsnummer: '5790000121526',
      brevid: 'B300720181623',
    });
  });

  it('tells an X-eCPR from a CPR number and masks it', () => {
    const d = describeExample('carecommunication', '0d5b3c18');
    assert.equal(d.patient?.identifier?.kind, 'x-ecpr');
    assert.equal(d.patient.identifier.valid, true);
    assert.equal(d.patient.identifier.redacted, '**********');
    assert.equal(d.patient.family, 'Berggren');
  });
});

describe('describeMessage: Acknowledgement', () => {
  it('describes a negative acknowledgement with its issues', () => {
    const d = describeExample('acknowledgement', 'bc9535ef');
    assert.equal(d.kind, 'acknowledgement');
    assert.deepEqual(d.standard, { da: 'Kvittering', en: 'Acknowledgement' });
    assert.equal(d.event?.code, 'acknowledgement');
    assert.equal(d.thread.previous?.messageHeaderId, '42cb9200-f421-4d08-8391-7d51a2503cb4');
    assert.equal(d.sender?.name, 'Sender Organization');
    assert.equal(d.sender.sor, '953741000016009');
    assert.equal(d.sender.gln, '5790001348120');
    assert.equal(d.patient, undefined);
    assert.ok(d.kind === 'acknowledgement');
    assert.deepEqual(d.details, {
      responseCode: 'fatal-error',
      acknowledgedMessageHeaderId: '53128d9b-cede-4c7f-8904-809eab322d7d',
      issues: [{ severity: 'error', code: 'structure', detailCodes: ['MSG_VALUESET_VALUE_UNKNOWN'], text: undefined }],
    });
  });

  it('describes positive and transient-error acknowledgements', () => {
    const ok = describeExample('acknowledgement', 'a8c041b8');
    assert.ok(ok.kind === 'acknowledgement');
    assert.equal(ok.details.responseCode, 'ok');
    assert.deepEqual(ok.details.issues, []);
    const transient = describeExample('acknowledgement', 'c9c2b2f6');
    assert.ok(transient.kind === 'acknowledgement');
    assert.equal(transient.details.responseCode, 'transient-error');
    assert.deepEqual(transient.details.issues[0]?.detailCodes, ['MSG_Mailbox_Out_Of_Operation']);
  });
});

describe('describeMessage: HomeCareObservation and empty messages', () => {
  it('describes the report and counts its observations', () => {
    const d = describeExample('homecareobservation', '401cbc36');
    assert.equal(d.kind, 'home-care-observation');
    assert.equal(d.event?.code, 'new-message');
    assert.equal(d.sender?.name, 'Pleje og Rehabilitering');
    assert.equal(d.sender.sor, '1144561000016002');
    assert.equal(d.sender.gln, '5790000123117');
    assert.equal(d.receiver?.name, 'Skødstrup Lægepraksis');
    assert.equal(d.patient?.family, 'Elmer');
    assert.ok(d.kind === 'home-care-observation');
    assert.deepEqual(d.details, {
      reportCode: 'HomeCareReport',
      reportStatus: 'final',
      issued: '2023-09-12T12:24:19+02:00',
      observationCount: 6,
    });
  });

  it('lists Media as attachments and reads retractions', () => {
    const bundle = load('homecareobservation', 'add5e7e2');
    const media = ofType(bundle, 'Media')[0]!;
    const data = (media['content'] as Json)['data'] as string;
    const d = describeMessage(bundle);
    assert.equal(d.attachments.length, 1);
    assert.equal(d.attachments[0]?.title, 'EKG');
    assert.equal(d.attachments[0].contentType, 'image/png');
    assert.equal(d.attachments[0].size, Buffer.from(data, 'base64').length);
    assert.equal(d.attachments[0].author?.name, 'Mia');

    const retract = describeExample('homecareobservation', '5f341feb');
    assert.equal(retract.event?.code, 'retract-message');
    assert.equal(retract.thread.previous?.role, 'removal');
  });

  it('describes an empty message, and has no current activity when no Provenance targets the header', () => {
    const empty = describeExample('messaging', 'eb26be85');
    assert.equal(empty.kind, 'empty');
    assert.equal(empty.details, undefined);
    assert.equal(empty.event?.code, 'new-message');

    // The acknowledgement IG's empty message carries only a Provenance for another MessageHeader.
    const foreign = describeExample('acknowledgement', 'eb26be85');
    assert.equal(foreign.event, undefined);
    assert.equal(foreign.thread.history.length, 1);
    assert.equal(foreign.thread.history[0]?.current, false);
    assert.equal(foreign.thread.previous, undefined);
  });
});

describe('describeMessage: input that is not a MedCom message', () => {
  it('throws a ParseError naming the path for non-Bundles', () => {
    for (const input of [null, undefined, 'Bundle', 42, [], true]) assertParseError(input, 'Bundle');
    assertParseError({}, 'Bundle.resourceType');
    assertParseError({ resourceType: 'Patient' }, 'Bundle.resourceType');
    assertParseError({ resourceType: 'Bundle', type: 'document', entry: [{}] }, 'Bundle.type');
    assertParseError({ resourceType: 'Bundle', type: 'message' }, 'Bundle.entry');
    assertParseError({ resourceType: 'Bundle', type: 'message', entry: {} }, 'Bundle.entry');
    assertParseError({ resourceType: 'Bundle', type: 'message', entry: [] }, 'Bundle.entry');
  });

  it('throws a ParseError for a Bundle without a MessageHeader', () => {
    assertParseError(
      { resourceType: 'Bundle', type: 'message', entry: [null, { resource: { resourceType: 'Patient' } }] },
      'Bundle.entry[0].resource',
    );
    const bundle = load('carecommunication', 'add5e7e2');
    assertParseError({ ...bundle, entry: entries(bundle).slice(1) }, 'Bundle.entry[0].resource');
  });

  it('throws a ParseError for a missing, unknown or foreign event', () => {
    assertParseError(minimalHeader(undefined), 'Bundle.entry[0].resource.eventCoding.code');
    assertParseError(minimalHeader({ code: 42 }), 'Bundle.entry[0].resource.eventCoding.code');
    assertParseError(minimalHeader({ code: 'xdis91-message' }), 'Bundle.entry[0].resource.eventCoding.code');
    assertParseError(minimalHeader({ code: 'toString' }), 'Bundle.entry[0].resource.eventCoding.code');
    assertParseError(
      minimalHeader({ system: 'http://example.org/events', code: 'care-communication-message' }),
      'Bundle.entry[0].resource.eventCoding.system',
    );
  });

  it('never quotes a CPR number in an error message', () => {
    const cprs = [TEST_CPR, '250947-9989'];
    const inputs: unknown[] = [
      TEST_CPR,
      { resourceType: TEST_CPR },
      { resourceType: 'Bundle', type: TEST_CPR, entry: [{}] },
      { resourceType: 'Bundle', type: 'message', entry: TEST_CPR },
      { resourceType: 'Bundle', type: 'message', entry: [{ resource: { resourceType: TEST_CPR } }] },
      minimalHeader({ code: TEST_CPR }),
      minimalHeader({ code: '250947-9989' }),
      minimalHeader({ system: TEST_CPR, code: 'empty-message' }),
    ];
    for (const input of inputs) {
      assert.throws(
        () => describeMessage(input),
        (error: unknown) => {
          assert.ok(isParseError(error));
          for (const cpr of cprs) assert.ok(!error.message.includes(cpr), error.message);
          assert.ok(!(error.stack ?? '').includes(TEST_CPR));
          return true;
        },
      );
    }
  });
});

describe('describeMessage: tolerance', () => {
  it('gives undefined fields for missing optional parts', () => {
    const bundle = load('hospitalnotification', 'd3128d9b');
    const header = resources(bundle)[0]!;
    const stripped = {
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'MessageHeader', eventCoding: header['eventCoding'], destination: [{}] } }],
    };
    const d = describeMessage(stripped);
    assert.equal(d.kind, 'hospital-notification');
    assert.equal(d.bundleId, undefined);
    assert.equal(d.messageHeaderId, undefined);
    assert.equal(d.timestamp, undefined);
    assert.equal(d.event, undefined);
    assert.equal(d.sender, undefined);
    assert.deepEqual(d.receivers, [
      { name: undefined, sor: undefined, gln: undefined, endpoint: undefined, use: 'primary' },
    ]);
    assert.equal(d.patient, undefined);
    assert.deepEqual(d.thread, { history: [], previous: undefined, isReply: false, isForward: false });
    assert.ok(d.kind === 'hospital-notification');
    assert.equal(d.details.encounterStatus, undefined);
    assert.equal(d.details.period, undefined);
    assert.deepEqual(d.details.episodeOfCareIds, []);
  });

  it('ignores values of the wrong type instead of failing', () => {
    const bundle = load('carecommunication', 'gfd00bc2');
    const patient = ofType(bundle, 'Patient')[0]!;
    patient['name'] = 42;
    patient['identifier'] = 'not a list';
    const communication = ofType(bundle, 'Communication')[0]!;
    communication['payload'] = [null, { contentAttachment: { title: 7, data: false, size: -1 } }];
    communication['category'] = { coding: 'x' };
    const organization = ofType(bundle, 'Organization')[0]!;
    organization['identifier'] = [null, { system: 'urn:oid:1.2.208.176.1.1', value: 1 }];
    bundle['entry'] = [...entries(bundle), null, 'x', { resource: 5 }];
    const d = describeMessage(bundle);
    assert.ok(d.patient);
    assert.equal(d.patient.name, undefined);
    assert.equal(d.patient.identifier, undefined);
    assert.deepEqual(d.attachments, [
      {
        title: undefined,
        contentType: undefined,
        size: undefined,
        hasData: false,
        url: undefined,
        creation: undefined,
        identifier: undefined,
        author: undefined,
      },
    ]);
    assert.ok(d.kind === 'care-communication');
    assert.equal(d.details.category, undefined);
  });

  it('reads cc receivers, logical references and the http GLN system', () => {
    const bundle = load('homecareobservation', '401cbc36');
    const header = resources(bundle)[0] as Json;
    const destinations = header['destination'] as Json[];
    destinations.push({
      extension: [
        {
          url: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension',
          valueCoding: { code: 'cc' },
        },
      ],
      endpoint: 'https://sor2.sum.dsdn.dk/#id=123456789012345',
      receiver: {
        identifier: { system: 'http://www.gs1.org/gln', value: '5790001382445' },
        display: 'Kopimodtager',
      },
    });
    const d = describeMessage(bundle);
    assert.deepEqual(
      d.receivers.map((r) => [r.use, r.name, r.gln]),
      [
        ['primary', 'Skødstrup Lægepraksis', '5790000127092'],
        ['cc', 'Kopimodtager', '5790001382445'],
      ],
    );
    assert.equal(d.receiver?.name, 'Skødstrup Lægepraksis');
  });

  it('never throws anything but a ParseError on mutated official messages', () => {
    const bundles = [
      'hospitalnotification/a5e5b880',
      'carecommunication/d11968f5',
      'acknowledgement/bc9535ef',
      'homecareobservation/add5e7e2',
    ].map((key) => {
      const [folder = '', prefix = ''] = key.split('/');
      return load(folder, prefix);
    });
    const pathsOf = (value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) => {
      out.push(path);
      if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value))
          if (key !== 'div' && key !== 'data') pathsOf(item, [...path, key], out);
      }
      return out;
    };
    const allPaths = bundles.map((bundle) => pathsOf(bundle).filter((path) => path.length > 0));
    fc.assert(
      fc.property(
        fc.nat(bundles.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(TEST_CPR))), {
          minLength: 1,
          maxLength: 4,
        }),
        (which, mutations) => {
          const copy = structuredClone(bundles[which]) as Json;
          const paths = allPaths[which]!;
          for (const [pick, value] of mutations) {
            const path = paths[pick % paths.length]!;
            let parent: unknown = copy;
            for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | null)?.[key];
            if (parent && typeof parent === 'object')
              (parent as Record<string | number, unknown>)[path.at(-1)!] = value;
          }
          try {
            describeMessage(copy);
          } catch (error) {
            assert.ok(isParseError(error), String(error));
            assert.ok(!error.message.includes(TEST_CPR));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('labels', () => {
  it('labels every MedCom activity code in Danish and English', () => {
    const hospital = ['admit-emergency', 'admit-inpatient', 'start-leave-inpatient', 'end-leave-inpatient'];
    const codes = [
      'new-message',
      'reply-message',
      'forward-message',
      'modified-message',
      'retract-message',
      'carboncopy-message',
      'acknowledgement',
      ...['', 'revise-', 'cancel-'].flatMap((prefix) =>
        [...hospital, 'discharge-emergency-home', 'discharge-inpatient-home'].map((code) => prefix + code),
      ),
    ];
    assert.equal(codes.length, 25);
    for (const code of codes) {
      const label = activityLabel(code);
      assert.ok(label?.da && label.en, code);
    }
    assert.deepEqual(activityLabel('revise-end-leave-inpatient'), {
      da: 'Rettelse Slut orlov',
      en: 'Update End leave',
    });
    assert.equal(activityLabel('cancel-new-message'), undefined);
    assert.equal(activityLabel('constructor'), undefined);
    assert.deepEqual(categoryLabel('other'), { da: 'Andet', en: 'Other' });
    assert.equal(categoryLabel('hasOwnProperty'), undefined);
  });
});

describe('bundle helpers', () => {
  const bundle = load('carecommunication', 'd11968f5') as unknown as Bundle;

  it('resolves relative, absolute, urn:uuid and versioned references', () => {
    const header = messageHeaderOf(bundle)!;
    const sender = resolveReference(bundle, header.sender, 'Organization');
    assert.equal(sender?.id, 'f98ed410-54fe-11ed-bdc3-0242ac120002');
    assert.equal(
      resolveReference(bundle, `https://medcomfhir.dk/ig/carecommunication/Organization/${sender.id}`),
      sender,
    );
    assert.equal(resolveReference(bundle, `Organization/${sender.id}/_history/3`, 'Organization'), sender);
    assert.equal(resolveReference(bundle, header.sender, 'Patient'), undefined);
    assert.equal(resolveReference(bundle, '#contained'), undefined);
    assert.equal(resolveReference(bundle, undefined), undefined);

    const urn: Bundle = {
      resourceType: 'Bundle',
      type: 'message',
      entry: [{ fullUrl: 'urn:uuid:5f0e5ff2-8f2c-4ea4-9d5c-8a5a0e2f4b11', resource: { resourceType: 'Patient' } }],
    };
    assert.equal(
      resolveReference(urn, { reference: 'urn:uuid:5f0e5ff2-8f2c-4ea4-9d5c-8a5a0e2f4b11' })?.resourceType,
      'Patient',
    );
  });

  it('reads reference ids only for the asked type', () => {
    assert.equal(referenceId({ reference: 'MessageHeader/abc' }, 'MessageHeader'), 'abc');
    assert.equal(referenceId('https://x.dk/fhir/MessageHeader/abc/_history/2', 'MessageHeader'), 'abc');
    assert.equal(referenceId('Organization/abc', 'MessageHeader'), undefined);
    assert.equal(referenceId('urn:uuid:abc', 'MessageHeader'), undefined);
  });

  it('finds the current Provenance and orders the history whatever the entry order', () => {
    const current = currentProvenance(bundle);
    assert.equal(current?.target?.[0]?.reference, 'MessageHeader/2654e182-cfee-4537-b744-e36231ebe2f3');
    const [header, ...rest] = bundle.entry ?? [];
    const shuffled: Bundle = { ...bundle, entry: [header!, ...rest.reverse()] };
    assert.equal(currentProvenance(shuffled), current);
    const targets = (b: Bundle) => provenanceHistory(b).map((p) => p.target?.[0]?.reference);
    assert.deepEqual(targets(shuffled), targets(bundle));
  });

  it('puts predecessors first even when the clock says otherwise, and survives cycles', () => {
    const provenance = (id: string, recorded: string, previous?: string): Provenance => ({
      resourceType: 'Provenance',
      target: [{ reference: `MessageHeader/${id}` }],
      recorded,
      agent: [],
      ...(previous ? { entity: [{ role: 'revision', what: { reference: `MessageHeader/${previous}` } }] } : {}),
    });
    const header: MessageHeader = {
      resourceType: 'MessageHeader',
      id: 'b',
      eventCoding: {},
      source: { endpoint: 'x' },
    };
    const skewed: Bundle = {
      resourceType: 'Bundle',
      type: 'message',
      entry: [
        { resource: header },
        { resource: provenance('b', '2024-01-01T10:00:00Z', 'a') },
        { resource: provenance('a', '2024-01-01T11:00:00Z') },
      ],
    };
    assert.deepEqual(
      provenanceHistory(skewed).map((p) => p.target?.[0]?.reference),
      ['MessageHeader/a', 'MessageHeader/b'],
    );
    const cyclic: Bundle = {
      resourceType: 'Bundle',
      type: 'message',
      entry: [
        { resource: header },
        { resource: provenance('b', '2024-01-01T10:00:00Z', 'a') },
        { resource: provenance('a', '2024-01-01T11:00:00Z', 'b') },
      ],
    };
    assert.equal(provenanceHistory(cyclic).length, 2);
  });

  it('reads SOR and GLN with either GLN system URI', () => {
    assert.deepEqual(
      organizationIdentifiers({
        resourceType: 'Organization',
        identifier: [
          { system: 'http://www.gs1.org/gln', value: '5790001382445' },
          { system: 'urn:oid:1.2.208.176.1.1', value: '265161000016000' },
        ],
      }),
      { sor: '265161000016000', gln: '5790001382445' },
    );
    assert.deepEqual(organizationIdentifiers(undefined), { sor: undefined, gln: undefined });
  });
});

describe('base64ByteLength', () => {
  it('matches the decoded length for padded, unpadded and wrapped base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(80), (bytes, wrap) => {
        const encoded = Buffer.from(bytes).toString('base64');
        const wrapped = wrap > 0 ? (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n  ') : encoded;
        assert.equal(base64ByteLength(wrapped), bytes.length);
        assert.equal(base64ByteLength(encoded.replace(/=+$/, '')), bytes.length);
      }),
    );
  });
});
