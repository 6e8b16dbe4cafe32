// SPDX-License-Identifier: MIT
// The reader in a real browser: TextDecoder's legacy encodings and the XML parser without Node.
import { expect } from '@open-wc/testing';
import { readOioXmlDocument } from './dom.js';
import { readOioXml } from './read.js';
import { text } from './tree.js';

const letter = (encoding: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><Emessage xmlns="http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/"><Envelope/><DischargeLetter><Letter><VersionCode>XD0133L</VersionCode></Letter><Sender><OrganisationName>HILLERØD SYGEHUS – Ærø</OrganisationName></Sender></DischargeLetter></Emessage>`;

// windows-1252 bytes: Latin-1 for Ø/Æ, 0x96 for the en dash.
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0))));
}

describe('readOioXml in the browser', () => {
  it('decodes windows-1252 as declared', () => {
    const read = readOioXml(windows1252(letter('windows-1252')));
    expect(read.ok).to.equal(true);
    if (read.ok) expect(text(read.letter, 'Sender', 'OrganisationName')).to.equal('HILLERØD SYGEHUS – Ærø');
  });

  it('decodes ISO-8859-1 and UTF-8 with a BOM', () => {
    const latin1 = readOioXml(windows1252(letter('ISO-8859-1').replace('–', '-')));
    const utf8 = readOioXml(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(letter('UTF-8'))]));
    expect(latin1.ok && text(latin1.letter, 'Sender', 'OrganisationName')).to.equal('HILLERØD SYGEHUS - Ærø');
    expect(utf8.ok && text(utf8.letter, 'Sender', 'OrganisationName')).to.equal('HILLERØD SYGEHUS – Ærø');
  });

  it('refuses entity declarations', () => {
    const read = readOioXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><Emessage>&e;</Emessage>');
    expect(read.ok).to.equal(false);
    if (!read.ok) expect(read.issues[0]?.code).to.equal('xml-entity');
  });

  it("builds the same tree with the browser's DOMParser as with fast-xml-parser", () => {
    const source = letter('UTF-8').replace('<Letter>', '<Letter>a &amp; b<Break/>c<![CDATA[<d>]]>');
    const viaParser = readOioXml(source);
    const viaDom = readOioXmlDocument(source);
    const viaDocument = readOioXmlDocument(new DOMParser().parseFromString(source, 'application/xml'));
    expect(viaParser.ok && viaDom.ok && viaDocument.ok).to.equal(true);
    if (viaParser.ok && viaDom.ok && viaDocument.ok) {
      expect(viaDom.letter).to.deep.equal(viaParser.letter);
      expect(viaDocument.letter).to.deep.equal(viaParser.letter);
      expect(viaDom.info).to.deep.equal(viaParser.info);
    }
  });

  it('refuses entity declarations and malformed XML through DOMParser too', () => {
    const entity = readOioXmlDocument('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><Emessage>&e;</Emessage>');
    const broken = readOioXmlDocument('<Emessage><Envelope></Emessage>');
    expect(!entity.ok && entity.issues[0]?.code).to.equal('xml-entity');
    expect(!broken.ok && broken.issues[0]?.code).to.equal('xml-syntax');
  });
});
