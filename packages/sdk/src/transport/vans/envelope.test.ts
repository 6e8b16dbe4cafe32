// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { officialExamples, readJson } from '@samspil/fixtures';
import fc from 'fast-check';
import { isInputError, isParseError } from '../../errors/guards.js';
import { wrapVansEnvelope, type WrapVansEnvelopeOptions } from './envelope.js';
import { VANS_MAX_BYTES, type VansMessageEnvelope } from './types.js';
import { unwrapVansEnvelope } from './unwrap.js';
import { fixedOptions, OIOXML_EXAMPLES, RECEIVER, SENDER, skipXmllint, xmllintErrors } from './xmllint.test-support.js';

type Json = Record<string, unknown> & { entry: { resource: Record<string, unknown> }[] };

const EXAMPLES = officialExamples();
const TEST_CPR = '2509479989';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const options = (extra: Partial<WrapVansEnvelopeOptions> = {}): WrapVansEnvelopeOptions => ({
  sender: SENDER,
  receiver: RECEIVER,
  ...fixedOptions(),
  ...extra,
});

/** The Document/Name each wrappable official example gets (by Bundle file name). */
const NAMES: Readonly<Record<string, string>> = {
  'Bundle-a8c041b8-c65a-4fde-a90f-962076918834': 'MCM:FCTL#ok',
  'Bundle-bc9535ef-ed94-4060-a928-7baddec7ee71': 'MCM:FCTL#fatal-error',
  'Bundle-c9c2b2f6-0807-11ed-861d-0242ac120002': 'MCM:FCTL#transient-error',
  'Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c': 'MCM:FDIS91#examination-results',
  'Bundle-3dcb5618-3055-406a-9034-1b8fc8de0fea': 'MCM:FDIS91#examination-results',
  'Bundle-add5e7e2-0c0f-4a4a-bfff-f6f984fa7e3c': 'MCM:FDIS91#examination-results',
  'Bundle-b56549f7-ed10-422d-8088-f7222b686e46': 'MCM:FDIS91#examination-results',
  'Bundle-c0426e3e-978f-46e8-a366-a30f27854b0a': 'MCM:FDIS91#examination-results',
  'Bundle-d11968f5-4bdf-4b50-b146-a8e1cc890fc3': 'MCM:FDIS91#examination-results',
  'Bundle-gfd00bc2-9c26-4174-934e-f6e4360845de': 'MCM:FDIS91#regarding-referral',
  'Bundle-k7bfbc0c-553d-11ed-bdc3-0242ac120002': 'MCM:FDIS91#carecoordination',
  'Bundle-a5e5b880-c087-4055-b9ec-99108695f81d': 'MCM:FDIS20#AdmissionInpatient',
  'Bundle-bfab3e80-9584-11ec-b909-0242ac120002': 'MCM:FDIS20#AdmissionInpatient',
  'Bundle-c83671a4-9584-11ec-b909-0242ac120002': 'MCM:FDIS20#AdmissionInpatient',
  'Bundle-d3128d9b-cede-4c7f-8904-809eab322d7d': 'MCM:FDIS20#OnLeave',
  'Bundle-e94de8ee-bd94-475e-b454-b8fbbef8a685': 'MCM:FDIS20#EndOfLeave',
  'Bundle-n73ccf30-80b9-4bd2-bf50-1ac1914498f0': 'MCM:FDIS20#AdmissionInpatient',
};
const VERSIONS: Readonly<Record<string, string>> = { FCTL: '2.0.0', FDIS91: '5.0', FDIS20: '3.0.0' };

/** Why an official example cannot be wrapped, judged from the example itself, or `undefined` when it can. */
function expectedRefusal(bundle: Json): 'vans-name' | 'uuid' | undefined {
  const header = bundle.entry[0]?.resource ?? {};
  const event = (header['eventCoding'] as { code?: string } | undefined)?.code;
  if (event === 'homecareobservation-message' || event === 'empty-message') return 'vans-name';
  return UUID.test(String(header['id'])) ? undefined : 'uuid';
}

function message(xml: string): VansMessageEnvelope['message'] {
  const envelope = unwrapVansEnvelope(xml);
  assert.equal(envelope.kind, 'message');
  return (envelope as VansMessageEnvelope).message;
}

describe('wrapVansEnvelope: the official FHIR examples', () => {
  const bundles = EXAMPLES.filter((e) => e.folder !== 'core');

  it(
    'wraps each one (JSON and XML) so that xmllint accepts it and it unwraps to the same bytes',
    { skip: skipXmllint },
    () => {
      const envelopes: string[] = [];
      let wrapped = 0;
      let refused = 0;
      for (const example of bundles) {
        const bundle = readJson<Json>(example.json);
        const header = bundle.entry[0]?.resource ?? {};
        const refusal = expectedRefusal(bundle);
        for (const [file, mime] of [
          [example.json, 'application/fhir+json'],
          [example.xml, 'application/fhir+xml'],
        ] as const) {
          if (file === undefined) continue;
          const bytes = new Uint8Array(readFileSync(file));
          if (refusal) {
            assert.throws(
              () => wrapVansEnvelope(bytes, options()),
              (e) => isInputError(e) && e.rule === refusal,
              `${example.folder}/${example.name} should be refused (${refusal})`,
            );
            refused++;
            continue;
          }
          const xml = wrapVansEnvelope(bytes, options());
          envelopes.push(xml);
          wrapped++;
          const read = unwrapVansEnvelope(xml);
          assert.equal(read.kind, 'message');
          assert.equal(read.senderId, SENDER);
          assert.equal(read.receiverId, RECEIVER);
          assert.equal(read.senderIdType, 'EAN');
          assert.equal(read.envelopeId, '00000000-0000-4000-8000-000000000001');
          assert.equal(read.sentDateTime, '2026-03-01T09:30:00Z');
          const { message: m } = read as VansMessageEnvelope;
          assert.deepEqual(m.bytes, bytes, `${example.name}: the bytes`);
          assert.equal(m.text(), readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
          assert.equal(m.identifier, header['id']);
          const name = NAMES[example.name];
          assert.ok(name, `${example.folder}/${example.name} has no expected name`);
          assert.equal(m.name, name);
          assert.equal(m.version, VERSIONS[name.slice(4, name.indexOf('#'))]);
          assert.equal(m.format, 'HL7');
          assert.equal(m.sizeInBytes, bytes.byteLength);
          assert.equal(m.mime, mime);
          assert.equal(m.transportType, 'reliable');
          assert.equal(m.transformMessage, false);
          assert.deepEqual(m.serviceTags, [{ name: 'MCM:MIME', value: mime }]);
        }
      }
      // 17 examples in each serialisation can be wrapped; HomeCareObservation, the empty message and HospitalNotification
      // examples whose MessageHeader.id is not a UUID cannot.
      assert.equal(wrapped, 2 * Object.keys(NAMES).length);
      assert.ok(refused >= 20, `only ${refused} refusals`);
      assert.deepEqual(xmllintErrors(envelopes), []);
    },
  );

  it('wraps a Bundle object as JSON by default and as FHIR XML on request', { skip: skipXmllint }, () => {
    const example = EXAMPLES.find((e) => e.name === 'Bundle-a5e5b880-c087-4055-b9ec-99108695f81d');
    assert.ok(example);
    const bundle = readJson<Json>(example.json);
    const json = message(wrapVansEnvelope(bundle, options()));
    assert.equal(json.mime, 'application/fhir+json');
    assert.deepEqual(JSON.parse(json.text()), bundle);
    const xmlEnvelope = wrapVansEnvelope(bundle, options({ format: 'xml' }));
    const xml = message(xmlEnvelope);
    assert.equal(xml.mime, 'application/fhir+xml');
    assert.match(xml.text(), /^<\?xml version="1\.0" encoding="UTF-8"\?><Bundle xmlns="http:\/\/hl7\.org\/fhir">/);
    assert.equal(xml.name, 'MCM:FDIS20#AdmissionInpatient');
    assert.deepEqual(xmllintErrors([xmlEnvelope]), []);
  });

  it('takes the envelope id, clock and ids from the options, and a new UUID per envelope by default', () => {
    const bytes = readFileSync(EXAMPLES.find((e) => e.folder === 'carecommunication')?.json ?? '');
    const given = unwrapVansEnvelope(
      wrapVansEnvelope(bytes, options({ envelopeId: '11111111-2222-4333-8444-555555555555' })),
    );
    assert.equal(given.envelopeId, '11111111-2222-4333-8444-555555555555');
    const a = unwrapVansEnvelope(wrapVansEnvelope(bytes, { sender: SENDER, receiver: RECEIVER }));
    const b = unwrapVansEnvelope(wrapVansEnvelope(bytes, { sender: SENDER, receiver: RECEIVER }));
    assert.match(a.envelopeId, UUID);
    assert.notEqual(a.envelopeId, b.envelopeId);
    assert.match(a.sentDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // A resend is a new envelope around the same message identifier.
    assert.equal((a as VansMessageEnvelope).message.identifier, (b as VansMessageEnvelope).message.identifier);
  });
});

describe('wrapVansEnvelope: OIOXML letters', () => {
  const letters = [
    {
      file: join(OIOXML_EXAMPLES, 'xdis01', 'DIS01_1.xml'),
      name: 'MCM:XDIS01',
      version: 'XD0133L',
      encoding: 'windows-1252',
    },
    {
      file: join(OIOXML_EXAMPLES, 'xref01', 'REF01_1.xml'),
      name: 'MCM:XREF01',
      version: 'XH0130R',
      encoding: 'windows-1252',
    },
    { file: join(OIOXML_EXAMPLES, 'ggop', 'ggop.xml'), name: 'MCM:GGOP2', version: 'GGOP100', encoding: 'utf-8' },
  ];

  it(
    'wraps each example letter byte for byte as Format XML, and xmllint accepts the envelopes',
    { skip: skipXmllint },
    () => {
      const envelopes: string[] = [];
      for (const letter of letters) {
        const bytes = new Uint8Array(readFileSync(letter.file));
        const xml = wrapVansEnvelope(bytes, options());
        envelopes.push(xml);
        const m = message(xml);
        assert.deepEqual(m.bytes, bytes);
        assert.equal(m.format, 'XML');
        assert.equal(m.name, letter.name);
        assert.equal(m.version, letter.version);
        assert.equal(m.mime, undefined);
        assert.deepEqual(m.serviceTags, []);
        assert.equal(m.transportType, 'reliable');
        // The letter ids are not UUIDs, so the message gets a new one (the second id, after the envelope's).
        assert.equal(m.identifier, '00000000-0000-4000-8000-000000000002');
        assert.equal(m.text(), new TextDecoder(letter.encoding).decode(bytes).replace(/^\uFEFF/, ''));
      }
      assert.deepEqual(xmllintErrors(envelopes), []);
    },
  );

  it('wraps a UTF-8 letter given as text, and asks for the bytes of a letter in another encoding', () => {
    const ggop = letters[2];
    const dis01 = letters[0];
    assert.ok(ggop && dis01);
    const text = readFileSync(ggop.file, 'utf8');
    assert.deepEqual(message(wrapVansEnvelope(text, options())).bytes, new TextEncoder().encode(text));
    const latin = new TextDecoder('windows-1252').decode(readFileSync(dis01.file));
    assert.throws(
      () => wrapVansEnvelope(latin, options()),
      (e) => isInputError(e) && e.rule === 'letter-encoding',
    );
  });

  it('refuses a format for a letter', () => {
    const bytes = readFileSync(letters[1]?.file ?? '');
    assert.throws(
      () => wrapVansEnvelope(bytes, options({ format: 'xml' })),
      (e) => isInputError(e) && e.rule === 'format-mismatch',
    );
  });
});

describe('wrapVansEnvelope: refusals', () => {
  const example = EXAMPLES.find((e) => e.folder === 'carecommunication');
  assert.ok(example?.xml);
  const json = readFileSync(example.json, 'utf8');

  it('refuses sender and receiver ids that are not GLNs, never quoting them', () => {
    for (const bad of [TEST_CPR, '5790001382446', ' 5790001382445', '579000138244X', '']) {
      for (const field of ['sender', 'receiver'] as const) {
        assert.throws(
          () => wrapVansEnvelope(json, options({ [field]: bad })),
          (e) => isInputError(e) && e.rule === 'gln' && e.field === field && !e.message.includes(TEST_CPR),
          `${field} ${bad}`,
        );
      }
    }
  });

  it('refuses a format that does not match the text given', () => {
    assert.throws(
      () => wrapVansEnvelope(json, options({ format: 'xml' })),
      (e) => isInputError(e) && e.rule === 'format-mismatch',
    );
    assert.throws(
      () => wrapVansEnvelope(readFileSync(example.xml ?? ''), options({ format: 'json' })),
      (e) => isInputError(e) && e.rule === 'format-mismatch',
    );
  });

  it('refuses an envelope id or new id that is not a UUID', () => {
    assert.throws(
      () => wrapVansEnvelope(json, options({ envelopeId: 'envelope-1' })),
      (e) => isInputError(e) && e.rule === 'uuid' && e.field === 'envelopeId',
    );
    assert.throws(
      () => wrapVansEnvelope(json, options({ newId: () => '42' })),
      (e) => isInputError(e) && e.rule === 'uuid',
    );
  });

  it('refuses an invalid clock', () => {
    assert.throws(
      () => wrapVansEnvelope(json, options({ now: () => new Date(Number.NaN) })),
      (e) => isInputError(e) && e.field === 'now',
    );
  });

  it('gives a ParseError, without quoting it, for input that is no MedCom message', () => {
    for (const input of [
      `CPR ${TEST_CPR} is not a message`,
      `{"resourceType":"Patient","id":"${TEST_CPR}"}`,
      `{"cpr":"${TEST_CPR}"`,
      `<Patient xmlns="http://hl7.org/fhir"><id value="${TEST_CPR}"/></Patient>`,
      `<!DOCTYPE x [<!ENTITY e "${TEST_CPR}">]><Bundle xmlns="http://hl7.org/fhir">&e;</Bundle>`,
      `<Emessage xmlns="urn:x"><Letter>${TEST_CPR}</Letter>`,
      new Uint8Array([0x7b, 0xff, 0xfe, 0x00]),
    ]) {
      assert.throws(
        () => wrapVansEnvelope(input, options()),
        (e) => isParseError(e) && !e.message.includes(TEST_CPR),
        String(input),
      );
    }
  });

  it('refuses a letter with neither StatisticalCode nor TypeCode, as the envelope cannot be named', () => {
    assert.throws(
      () =>
        wrapVansEnvelope(
          `<Emessage><Letter><Letter><Identifier>${TEST_CPR}</Identifier></Letter></Letter></Emessage>`,
          options(),
        ),
      (e) => isInputError(e) && e.rule === 'vans-name' && !e.message.includes(TEST_CPR),
    );
  });

  it('refuses a MessageHeader.id that is not a UUID, as the envelope identifier must be one', () => {
    const bundle = JSON.parse(json) as Json;
    const header = bundle.entry[0]?.resource;
    assert.ok(header);
    header['id'] = TEST_CPR;
    assert.throws(
      () => wrapVansEnvelope(bundle, options()),
      (e) => isInputError(e) && e.rule === 'uuid' && e.field === 'MessageHeader.id' && !e.message.includes(TEST_CPR),
    );
  });
});

describe('wrapVansEnvelope: size', () => {
  const example = EXAMPLES.find((e) => e.name === 'Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c');
  assert.ok(example);

  function withAttachment(dataLength: number): Json {
    const bundle = readJson<Json>(example?.json ?? '');
    const communication = bundle.entry.find((e) => e.resource['resourceType'] === 'Communication')?.resource;
    assert.ok(communication);
    (communication['payload'] as unknown[]).push({
      contentAttachment: { contentType: 'application/pdf', title: 'Scanning', data: 'A'.repeat(dataLength) },
    });
    return bundle;
  }

  it('refuses bytes whose envelope would exceed 100 MB before reading them', () => {
    const started = Date.now();
    assert.throws(
      () => wrapVansEnvelope(new Uint8Array(Math.ceil((VANS_MAX_BYTES * 3) / 4) + 1), options()),
      (e) => isInputError(e) && e.rule === 'too-large' && e.field === 'message',
    );
    assert.ok(Date.now() - started < 2000);
  });

  it('counts the envelope in the limit: a payload under 100 MB can still be too large', () => {
    // 76 MB of payload is about 101 MB of base64.
    assert.throws(
      () => wrapVansEnvelope(withAttachment(76 * 1024 * 1024), options()),
      (e) => isInputError(e) && e.rule === 'too-large' && /would be \d+ bytes/.test(e.message),
    );
  });

  it('wraps and unwraps a message just under the limit', () => {
    const bundle = withAttachment(74 * 1024 * 1024);
    const xml = wrapVansEnvelope(bundle, options());
    assert.ok(xml.length <= VANS_MAX_BYTES && xml.length > 0.95 * VANS_MAX_BYTES);
    const m = message(xml);
    assert.equal(m.sizeInBytes, m.bytes.byteLength);
    assert.equal(m.identifier, bundle.entry[0]?.resource['id']);
  });
});

describe('wrapVansEnvelope: large FHIR XML', () => {
  it('names a FHIR XML message with a 40 MB attachment and keeps its bytes', () => {
    const example = EXAMPLES.find((e) => e.name === 'Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c');
    assert.ok(example);
    const bundle = readJson<Json>(example.json);
    const communication = bundle.entry.find((e) => e.resource['resourceType'] === 'Communication')?.resource;
    (communication?.['payload'] as unknown[]).push({
      contentAttachment: { contentType: 'application/pdf', title: 'Scanning', data: 'QUJD'.repeat(10 * 1024 * 1024) },
    });
    const text = message(wrapVansEnvelope(bundle, options({ format: 'xml' }))).text();
    const m = message(wrapVansEnvelope(text, options()));
    assert.equal(m.name, 'MCM:FDIS91#examination-results');
    assert.equal(m.identifier, '025bdfdd-397b-43e2-9e8c-272664a6e471');
    assert.equal(m.mime, 'application/fhir+xml');
    assert.equal(m.text(), text);
  });
});

describe('wrapVansEnvelope: properties', () => {
  const example = EXAMPLES.find((e) => e.name === 'Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c');
  assert.ok(example);
  const base = readJson<Json>(example.json);

  it('round-trips any text the message carries, in JSON and XML', { skip: skipXmllint }, () => {
    const envelopes: string[] = [];
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom('json' as const, 'xml' as const),
        (text, format) => {
          const bundle = structuredClone(base);
          const communication = bundle.entry.find((e) => e.resource['resourceType'] === 'Communication')?.resource;
          const payload = (communication?.['payload'] as { contentString?: string }[] | undefined)?.[0];
          assert.ok(payload);
          // FHIR strings have no leading/trailing whitespace and some content; XML cannot carry control characters.
          payload.contentString = `«${text.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, '')}»`;
          const xml = wrapVansEnvelope(bundle, options({ format }));
          if (envelopes.length < 40) envelopes.push(xml);
          const m = message(xml);
          const sent = format === 'json' ? JSON.stringify(bundle) : m.text();
          assert.equal(m.text(), sent);
          if (format === 'json') assert.deepEqual(JSON.parse(m.text()), bundle);
          assert.equal(m.sizeInBytes, new TextEncoder().encode(sent).byteLength);
        },
      ),
      { numRuns: 60 },
    );
    assert.deepEqual(xmllintErrors(envelopes), []);
  });
});
