// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { officialExamples } from '@samspil/fixtures';
import fc from 'fast-check';
import { isParseError } from '../../errors/guards.js';
import { encodeBase64 } from './base64.js';
import { wrapVansEnvelope } from './envelope.js';
import type { VansMessageEnvelope } from './types.js';
import { unwrapVansEnvelope } from './unwrap.js';
import { fixedOptions, RECEIVER, SENDER, skipXmllint, xmllint, xmllintErrors } from './xmllint.test-support.js';

const TEST_CPR = '2509479989';
const example = officialExamples().find((e) => e.name === 'Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c');
assert.ok(example);
const PAYLOAD = new Uint8Array(readFileSync(example.json));
const BASE = wrapVansEnvelope(PAYLOAD, { sender: SENDER, receiver: RECEIVER, ...fixedOptions() });
const DOCUMENT = 'VANSEnvelope/Message/MetaInformation/Document';
const TRANSPORT = 'VANSEnvelope/Message/MetaInformation/Transport';

/** Removes the first element named `name` (with its content), whatever its attributes. */
function without(xml: string, name: string): string {
  const pattern = new RegExp(`\\s*<${name}(\\s[^>]*)?>[\\s\\S]*?</${name}>`);
  assert.ok(pattern.test(xml), `${name} is not in the envelope`);
  return xml.replace(pattern, '');
}

/** Replaces the text of the first element named `name`. */
function withText(xml: string, name: string, text: string): string {
  const pattern = new RegExp(`(<${name}(?:\\s[^>]*)?>)[^<]*(</${name}>)`);
  assert.ok(pattern.test(xml), `${name} is not in the envelope`);
  return xml.replace(pattern, (_m, open: string, close: string) => `${open}${text}${close}`);
}

function read(xml: string | Uint8Array): VansMessageEnvelope {
  const envelope = unwrapVansEnvelope(xml);
  assert.equal(envelope.kind, 'message');
  return envelope as VansMessageEnvelope;
}

function refusal(xml: string | Uint8Array, options?: { maxBytes?: number }): string {
  try {
    unwrapVansEnvelope(xml, options);
  } catch (error) {
    assert.ok(isParseError(error), `expected a ParseError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the envelope was accepted');
}

describe('unwrapVansEnvelope: a valid envelope', () => {
  it('reads the addressing, meta-information and data', () => {
    const envelope = read(BASE);
    assert.deepEqual(
      { ...envelope, message: { ...envelope.message, bytes: undefined, text: undefined } },
      {
        senderId: SENDER,
        senderIdType: 'EAN',
        receiverId: RECEIVER,
        receiverIdType: 'EAN',
        envelopeId: '00000000-0000-4000-8000-000000000001',
        sentDateTime: '2026-03-01T09:30:00Z',
        kind: 'message',
        message: {
          identifier: '025bdfdd-397b-43e2-9e8c-272664a6e471',
          format: 'HL7',
          name: 'MCM:FDIS91#examination-results',
          version: '5.0',
          sizeInBytes: PAYLOAD.byteLength,
          transportType: 'reliable',
          transformMessage: false,
          serviceTags: [{ name: 'MCM:MIME', value: 'application/fhir+json' }],
          mime: 'application/fhir+json',
          bytes: undefined,
          text: undefined,
        },
      },
    );
    assert.deepEqual(envelope.message.bytes, PAYLOAD);
  });

  it('reads the same envelope from UTF-8 bytes, with or without a BOM, and from windows-1252 bytes', () => {
    const utf8 = new TextEncoder().encode(BASE);
    assert.deepEqual(read(utf8).message.bytes, PAYLOAD);
    assert.deepEqual(read(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).message.bytes, PAYLOAD);
    const latin = BASE.replace('encoding="UTF-8"', 'encoding="windows-1252"');
    assert.deepEqual(read(new TextEncoder().encode(latin)).message.bytes, PAYLOAD);
  });

  const data = encodeBase64(PAYLOAD);
  const variants: [string, string][] = [
    [
      'a namespace prefix',
      BASE.replace('<VANSEnvelope xmlns=', '<vans:VANSEnvelope xmlns:vans=').replace(/<(\/?)(?!\?|vans:)/g, '<$1vans:'),
    ],
    ['Data in lines of 76', withText(BASE, 'Data', `\n${data.replace(/.{76}/g, '$&\n')}`)],
    ['Data in CDATA', withText(BASE, 'Data', `<![CDATA[${data}]]>`)],
    ['Data split by a comment', withText(BASE, 'Data', `${data.slice(0, 400)}<!-- x -->${data.slice(400)}`)],
    ['a comment holding a Data element first', BASE.replace('<Message>', '<!-- <Data>AAAA</Data> --><Message>')],
    ['no Version', without(BASE, 'Version')],
    [
      'Processing',
      BASE.replace(
        '</Identifier>\n',
        '</Identifier><Processing><ProviderIdentifier>P</ProviderIdentifier><ServiceIdentifier>S</ServiceIdentifier></Processing>',
      ),
    ],
    ['no Transport', without(BASE, 'Transport')],
    ['no Transport/Type and TransformMessage 1', withText(without(BASE, 'Type'), 'TransformMessage', '1')],
    [
      'a CVR sender with surrounding whitespace',
      BASE.replace(`<SenderID EndPointType="EAN">${SENDER}`, '<SenderID EndPointType="CVR">  12345678 '),
    ],
    ['a time zone offset and fraction', withText(BASE, 'SentDateTime', '2026-03-01T10:30:00.123+01:00')],
  ];

  it('accepts what the schema accepts: prefixes, wrapped or CDATA data, optional parts', () => {
    for (const [name, xml] of variants) {
      const envelope = read(xml);
      assert.deepEqual(envelope.message.bytes, PAYLOAD, name);
    }
    const bare = read(without(BASE, 'Transport')).message;
    assert.equal(bare.transportType, undefined);
    assert.equal(bare.transformMessage, undefined);
    assert.deepEqual(bare.serviceTags, []);
    assert.equal(bare.mime, undefined);
    assert.deepEqual(read(variants[6]?.[1] ?? '').message.processing, {
      providerIdentifier: 'P',
      serviceIdentifier: 'S',
    });
    assert.equal(read(variants[8]?.[1] ?? '').message.transformMessage, true);
    assert.equal(read(variants[9]?.[1] ?? '').senderId, '12345678');
  });

  it('accepts empty Data', () => {
    const empty = withText(withText(BASE, 'Data', ''), 'SizeInBytes', '0');
    assert.equal(read(empty).message.bytes.byteLength, 0);
  });

  it('agrees with xmllint on these variants', { skip: skipXmllint }, () => {
    assert.deepEqual(xmllintErrors(variants.map(([, xml]) => xml)), []);
  });
});

/** Malformed envelopes, the path the error must name, and whether the XSD alone refuses it too. */
const MALFORMED: readonly (readonly [string, string, string, boolean])[] = [
  ['no SenderID', without(BASE, 'SenderID'), 'VANSEnvelope/SenderID: is missing', true],
  ['no ReceiverID', without(BASE, 'ReceiverID'), 'VANSEnvelope/ReceiverID: is missing', true],
  ['no EnvelopeIdentifier', without(BASE, 'EnvelopeIdentifier'), 'VANSEnvelope/EnvelopeIdentifier: is missing', true],
  ['no SentDateTime', without(BASE, 'SentDateTime'), 'VANSEnvelope/SentDateTime: is missing', true],
  ['no Message', without(BASE, 'Message'), 'VANSEnvelope: needs one of Message, Receipt', true],
  ['no MetaInformation', without(BASE, 'MetaInformation'), 'VANSEnvelope/Message/MetaInformation: is missing', true],
  ['no Identifier', without(BASE, 'Identifier'), 'VANSEnvelope/Message/MetaInformation/Identifier: is missing', true],
  ['no Document', without(BASE, 'Document'), 'VANSEnvelope/Message/MetaInformation/Document: is missing', true],
  ['no Format', without(BASE, 'Format'), `${DOCUMENT}/Format: is missing`, true],
  ['no Name', without(BASE, 'Name'), `${DOCUMENT}/Name: is missing`, true],
  ['no SizeInBytes', without(BASE, 'SizeInBytes'), `${DOCUMENT}/SizeInBytes: is missing`, true],
  ['no TransformMessage', without(BASE, 'TransformMessage'), `${TRANSPORT}/TransformMessage: is missing`, true],
  ['no Data', without(BASE, 'Data'), 'VANSEnvelope/Message/Data: is missing', true],
  [
    'a bad EnvelopeIdentifier',
    withText(BASE, 'EnvelopeIdentifier', 'envelope-1'),
    'VANSEnvelope/EnvelopeIdentifier: must be a UUID',
    true,
  ],
  [
    'a UUID with braces',
    withText(BASE, 'EnvelopeIdentifier', '{00000000-0000-4000-8000-000000000001}'),
    'VANSEnvelope/EnvelopeIdentifier: must be a UUID',
    true,
  ],
  [
    'a non-hex message Identifier',
    withText(BASE, 'Identifier', 'g25bdfdd-397b-43e2-9e8c-272664a6e471'),
    'VANSEnvelope/Message/MetaInformation/Identifier: must be a UUID',
    true,
  ],
  [
    'SizeInBytes one too many',
    withText(BASE, 'SizeInBytes', String(PAYLOAD.byteLength + 1)),
    `${DOCUMENT}/SizeInBytes: does not match the ${PAYLOAD.byteLength} bytes in Data`,
    false,
  ],
  [
    'SizeInBytes not a number',
    withText(BASE, 'SizeInBytes', 'ten'),
    `${DOCUMENT}/SizeInBytes: must be an xs:int`,
    true,
  ],
  [
    'SizeInBytes past xs:int',
    withText(BASE, 'SizeInBytes', '2147483648'),
    `${DOCUMENT}/SizeInBytes: must be an xs:int`,
    true,
  ],
  [
    'Data with a stray character',
    withText(BASE, 'Data', 'Zm9v!mFy'),
    'VANSEnvelope/Message/Data: is not well-formed base64',
    true,
  ],
  [
    'Data of the wrong length',
    withText(BASE, 'Data', 'Zm9vY'),
    'VANSEnvelope/Message/Data: is not well-formed base64',
    true,
  ],
  [
    'Data with padding inside',
    withText(BASE, 'Data', 'Zg==Zm9v'),
    'VANSEnvelope/Message/Data: is not well-formed base64',
    true,
  ],
  [
    'Data with an element inside',
    withText(BASE, 'Data', 'Zm9v<b/>YmFy'),
    'VANSEnvelope/Message/Data: must hold text only',
    true,
  ],
  [
    'a DOCTYPE',
    BASE.replace('<VANSEnvelope', '<!DOCTYPE VANSEnvelope>\n<VANSEnvelope'),
    'VANSEnvelope: DOCTYPE declarations are not allowed',
    false,
  ],
  [
    'an ENTITY',
    BASE.replace('<VANSEnvelope', `<!DOCTYPE v [<!ENTITY cpr "${TEST_CPR}">]>\n<VANSEnvelope`).replace(
      '>MCM:',
      '>&cpr;MCM:',
    ),
    'VANSEnvelope: DOCTYPE declarations are not allowed',
    false,
  ],
  [
    'an unknown EndPointType',
    BASE.replace('EndPointType="EAN"', 'EndPointType="GLN"'),
    'VANSEnvelope/SenderID/@EndPointType: must be EAN, CVR or VANS',
    true,
  ],
  [
    'no EndPointType',
    BASE.replace(' EndPointType="EAN"', ''),
    'VANSEnvelope/SenderID/@EndPointType: must be EAN, CVR or VANS',
    true,
  ],
  [
    'a 19-character ReceiverID',
    withText(BASE, 'ReceiverID', '1234567890123456789'),
    'VANSEnvelope/ReceiverID: must be 1 to 18 characters',
    true,
  ],
  [
    'an unknown Format',
    withText(BASE, 'Format', 'JSON'),
    `${DOCUMENT}/Format: must be one of XML, EDIFACT, HL7, Binary, Other`,
    true,
  ],
  ['a padded Format', withText(BASE, 'Format', ' HL7'), `${DOCUMENT}/Format: must be one of`, true],
  ['an empty Name', withText(BASE, 'Name', ''), `${DOCUMENT}/Name: must be 1 to 255 characters`, true],
  [
    'a 256-character Name',
    withText(BASE, 'Name', `MCM:${TEST_CPR}`.padEnd(256, 'x')),
    `${DOCUMENT}/Name: must be 1 to 255 characters`,
    true,
  ],
  [
    'an unknown Transport/Type',
    withText(BASE, 'Type', 'sometimes'),
    `${TRANSPORT}/Type: must be one of reliable, unreliable`,
    true,
  ],
  [
    'a TransformMessage that is no boolean',
    withText(BASE, 'TransformMessage', 'no'),
    `${TRANSPORT}/TransformMessage: must be true or false`,
    true,
  ],
  [
    'six ServiceTags',
    BASE.replace(/<ServiceTag[^\n]*/, (tag) => tag.repeat(6)),
    `${TRANSPORT}/ServiceTag: may occur at most 5 times`,
    true,
  ],
  [
    'a ServiceTag without name',
    BASE.replace(' name="MCM:MIME"', ''),
    `${TRANSPORT}/ServiceTag/@name: must be 1 to 70 characters`,
    true,
  ],
  [
    'a bad SentDateTime',
    withText(BASE, 'SentDateTime', 'yesterday'),
    'VANSEnvelope/SentDateTime: must be an xs:dateTime',
    true,
  ],
  [
    'SentDateTime before EnvelopeIdentifier',
    BASE.replace(
      /(\s*<EnvelopeIdentifier>[^<]*<\/EnvelopeIdentifier>)(\s*<SentDateTime>[^<]*<\/SentDateTime>)/,
      '$2$1',
    ),
    'VANSEnvelope/EnvelopeIdentifier: is out of order',
    true,
  ],
  ['a repeated Name', BASE.replace(/(<Name>[^<]*<\/Name>)/, '$1$1'), `${DOCUMENT}/Name: may occur only once`, true],
  [
    'an unknown element',
    BASE.replace('<SizeInBytes>', '<Extra/><SizeInBytes>'),
    `${DOCUMENT}/Extra: is not allowed here`,
    true,
  ],
  [
    'an element in another namespace',
    BASE.replace('<SizeInBytes>', '<x:Size xmlns:x="urn:x"/><SizeInBytes>'),
    `${DOCUMENT}/Size: is not in the namespace urn:oio:medcom:vans-envelope:1.0.4`,
    true,
  ],
  [
    'text between elements',
    BASE.replace('<Message>', `<Message>${TEST_CPR}`),
    'VANSEnvelope/Message: must hold elements only',
    true,
  ],
  [
    'a message and a receipt',
    BASE.replace('</Message>', '</Message><Receipt/>'),
    'VANSEnvelope/Receipt: cannot follow another of Message, Receipt',
    true,
  ],
  [
    'another namespace',
    BASE.replace('urn:oio:medcom:vans-envelope:1.0.4', 'urn:oio:medcom:vans-envelope:1.0.3'),
    'VANSEnvelope: is not in the namespace',
    true,
  ],
  ['another root', '<Bundle xmlns="http://hl7.org/fhir"/>', 'VANSEnvelope: the root element is not VANSEnvelope', true],
  ['truncated', BASE.slice(0, 600), 'VANSEnvelope: not well-formed XML', true],
  ['not XML', `CPR ${TEST_CPR}`, 'VANSEnvelope: not well-formed XML', true],
];

describe('unwrapVansEnvelope: malformed envelopes', () => {
  for (const [name, xml, expected] of MALFORMED) {
    it(`refuses ${name}, naming the path`, () => {
      const message = refusal(xml);
      assert.ok(message.startsWith(expected), `${message}\n  does not start with\n${expected}`);
      assert.ok(!message.includes(TEST_CPR));
    });
  }

  it('refuses over-size envelopes, as text or bytes, before reading them', () => {
    assert.match(
      refusal(BASE, { maxBytes: 1000 }),
      /^VANSEnvelope: the envelope is larger than the limit of 1000 bytes/,
    );
    assert.match(
      refusal(new TextEncoder().encode(BASE), { maxBytes: 1000 }),
      /^VANSEnvelope: the envelope is \d+ bytes; the limit is 1000/,
    );
    // 'ø' is one UTF-16 unit but two UTF-8 bytes.
    const wide = BASE.replace('<Message>', `<!-- ${'ø'.repeat(BASE.length)} --><Message>`);
    assert.match(refusal(wide, { maxBytes: 2 * BASE.length }), /larger than the limit/);
  });

  it('refuses anything but text or bytes, and bytes that are not valid in their encoding', () => {
    assert.match(refusal(42 as unknown as string), /^VANSEnvelope: expected the envelope as text or bytes/);
    assert.match(refusal(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e, 0xc3])), /^VANSEnvelope: /);
  });

  it('refuses what xmllint refuses: each XSD violation above fails the schema too', { skip: skipXmllint }, () => {
    const cases = MALFORMED.filter(([, , , xsd]) => xsd);
    const results = xmllint(cases.map(([, xml]) => xml));
    results.forEach((result, i) => assert.equal(result.valid, false, cases[i]?.[0]));
  });
});

describe('unwrapVansEnvelope: properties', () => {
  it(
    'returns any payload bytes exactly, and refuses a SizeInBytes that does not match them',
    { skip: skipXmllint },
    () => {
      const samples: string[] = [];
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: -3, max: 3 }), (bytes, delta) => {
          const xml = withText(
            withText(BASE, 'Data', encodeBase64(bytes)),
            'SizeInBytes',
            String(bytes.byteLength + delta),
          );
          if (delta !== 0) {
            assert.match(refusal(xml), /^VANSEnvelope\/Message\/MetaInformation\/Document\/SizeInBytes: /);
            return;
          }
          if (samples.length < 30) samples.push(xml);
          const message = read(xml).message;
          assert.deepEqual(message.bytes, bytes);
          assert.equal(message.sizeInBytes, bytes.byteLength);
        }),
        { numRuns: 200 },
      );
      assert.deepEqual(xmllintErrors(samples), []);
    },
  );

  it('never throws anything but a ParseError, whatever is cut from or inserted into an envelope', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BASE.length }),
        fc.nat({ max: 200 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (at, cut, insert) => {
          const xml = `${BASE.slice(0, at)}${insert}${BASE.slice(at + cut)}`;
          try {
            unwrapVansEnvelope(xml);
          } catch (error) {
            assert.ok(isParseError(error), String(error));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
