// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedDir } from '@samspil/fixtures';
import { readOioXml } from './read.js';
import { child, text, textContent } from './tree.js';

const example = (path: string) => readFileSync(join(sharedDir(), 'medcom/oioxml/examples', path));
const LETTER = (body: string, encoding = 'UTF-8') =>
  `<?xml version="1.0" encoding="${encoding}"?>\n<Emessage xmlns="http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/"><Envelope><Identifier>K1</Identifier></Envelope>${body}</Emessage>`;

describe('readOioXml on the official examples', () => {
  it('detects the discharge summary (windows-1252) and decodes its Danish letters', () => {
    const read = readOioXml(example('xdis01/DIS01_1.xml'));
    assert.ok(read.ok);
    assert.deepEqual(read.info, {
      kind: 'discharge-summary',
      element: 'DischargeLetter',
      namespace: 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/',
      versionCode: 'XD0133L',
      typeCode: 'XDIS01',
    });
    assert.equal(read.encoding, 'windows-1252');
    assert.equal(text(read.letter, 'Sender', 'OrganisationName'), 'HILLERØD SYGEHUS');
    assert.deepEqual(read.issues, []);
  });

  it('detects the referral', () => {
    const read = readOioXml(example('xref01/REF01_1.xml'));
    assert.ok(read.ok);
    assert.equal(read.info.kind, 'referral');
    assert.equal(read.info.versionCode, 'XH0130R');
  });

  it('detects the rehab plan (UTF-8 with BOM, mixed namespaces) by local names', () => {
    const read = readOioXml(example('ggop/ggop.xml'));
    assert.ok(read.ok);
    assert.equal(read.info.kind, 'rehab-plan');
    assert.equal(read.info.versionCode, 'GGOP100');
    assert.equal(read.encoding, 'utf-8');
    const envelope = child(read.root, 'Envelope');
    assert.equal(envelope?.namespace, 'urn:oio:medcom:municipality:1.0.0');
  });

  it('reads the same letter from text as from bytes', () => {
    const bytes = example('xref01/REF01_1.xml');
    const fromText = readOioXml(new TextDecoder('windows-1252').decode(bytes));
    const fromBytes = readOioXml(bytes);
    assert.ok(fromText.ok && fromBytes.ok);
    assert.deepEqual(fromText.letter, fromBytes.letter);
  });
});

describe('readOioXml encodings', () => {
  const body =
    '<DischargeLetter><Letter><VersionCode>XD0133L</VersionCode></Letter><Patient><PersonSurnameName>Ærø Øst Åen</PersonSurnameName></Patient></DischargeLetter>';
  for (const [label, encode] of [
    ['UTF-8', (s: string) => new TextEncoder().encode(s)],
    ['UTF-8 with BOM', (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)])],
    ['ISO-8859-1', (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)))],
    ['windows-1252', (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)))],
  ] as const) {
    it(`honours ${label}`, () => {
      const declared = label === 'UTF-8 with BOM' ? 'UTF-8' : label;
      const read = readOioXml(encode(LETTER(body, declared)));
      assert.ok(read.ok, JSON.stringify(!read.ok && read.issues));
      assert.equal(text(read.letter, 'Patient', 'PersonSurnameName'), 'Ærø Øst Åen');
    });
  }

  it('refuses bytes that are not in the declared encoding', () => {
    const latin1 = Uint8Array.from([...LETTER(body, 'UTF-8')].map((c) => c.charCodeAt(0)));
    const read = readOioXml(latin1);
    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.issues[0]?.code, 'encoding');
  });

  it('refuses an encoding it does not know', () => {
    const read = readOioXml(new TextEncoder().encode(LETTER(body, 'EBCDIC-DK')));
    assert.equal(!read.ok && read.issues[0]?.code, 'encoding');
  });
});

describe('readOioXml on bad and hostile input', () => {
  const cases: [string, string | Uint8Array, string][] = [
    [
      'XXE',
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Emessage>&e;</Emessage>`,
      'xml-entity',
    ],
    [
      'billion laughs',
      `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Emessage>&c;</Emessage>`,
      'xml-entity',
    ],
    ['an HTML entity', LETTER('<DischargeLetter><Letter>&nbsp;</Letter></DischargeLetter>'), 'xml-syntax'],
    ['truncated XML', LETTER('<DischargeLetter><Letter>').slice(0, -20), 'xml-syntax'],
    ['corrupt XML', LETTER('<DischargeLetter><Letter></Patient></DischargeLetter>'), 'xml-syntax'],
    ['not XML', 'CPR 2509479989 is not a letter', 'xml-syntax'],
    ['another root', '<Bundle xmlns="http://hl7.org/fhir"/>', 'not-a-letter'],
    ['an empty Emessage', LETTER(''), 'not-a-letter'],
  ];
  for (const [name, input, code] of cases) {
    it(`gives a typed issue for ${name}`, () => {
      const read = readOioXml(input);
      assert.equal(read.ok, false);
      assert.equal(!read.ok && read.issues[0]?.code, code);
      assert.ok(!read.ok && !read.issues.some((i) => i.message.includes('2509479989')));
    });
  }

  it('refuses 50 MB without reading it, quickly', () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    const started = performance.now();
    const read = readOioXml(huge);
    assert.equal(!read.ok && read.issues[0]?.code, 'too-large');
    assert.ok(performance.now() - started < 1000);
    const hugeText = readOioXml('x'.repeat(21 * 1024 * 1024));
    assert.equal(!hugeText.ok && hugeText.issues[0]?.code, 'too-large');
  });

  it('reads a letter it has no model for, with a warning', () => {
    const read = readOioXml(
      LETTER('<LaboratoryReport><Letter><VersionCode>XR0131K</VersionCode></Letter></LaboratoryReport>'),
    );
    assert.ok(read.ok);
    assert.equal(read.info.kind, undefined);
    assert.equal(read.issues[0]?.code, 'unsupported-letter');
  });

  it('keeps mixed content, CDATA and character references', () => {
    const read = readOioXml(
      LETTER('<DischargeLetter><Letter>a &amp; b<Break/>c<![CDATA[<d>]]>&#233;</Letter></DischargeLetter>'),
    );
    assert.ok(read.ok);
    assert.equal(textContent(child(read.letter, 'Letter')), 'a & bc<d>é');
  });
});
