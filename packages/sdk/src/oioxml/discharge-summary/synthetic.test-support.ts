// SPDX-License-Identifier: MIT
// Test-only builder of small synthetic epikriser (no real patient data). Only tests import this file.

/** The 2005/08/07 namespace of XD0133L. */
export const NS_2005 = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';
/** The 2018/08/06 namespace XD0134L is believed to use. */
export const NS_2018 = 'http://rep.oio.dk/medcom.dk/xml/schemas/2018/08/06/';

/** A fictitious CPR-shaped number, to check that it never reaches an issue message. */
export const TEST_CPR = '0101010000';

export interface SyntheticLetter {
  readonly element?: string;
  readonly versionCode?: string;
  readonly typeCode?: string;
  readonly namespace?: string;
  /** Write every element with this prefix (`m:`) instead of a default namespace. */
  readonly prefix?: string;
  /** Elements between Patient and the end of the letter, in the letter's namespace, unprefixed. */
  readonly body?: string;
  /** Replaces the Sender, Receiver and Patient block. */
  readonly parties?: string;
  /** Elements after the letter, inside Emessage. */
  readonly after?: string;
}

export const PARTIES =
  '<Sender><EANIdentifier>5790000000005</EANIdentifier><Identifier>1234567</Identifier>' +
  '<IdentifierCode>sygehusafdelingsnummer</IdentifierCode><OrganisationName>Testsygehus</OrganisationName></Sender>' +
  '<Receiver><EANIdentifier>5790000000012</EANIdentifier><Identifier>123456</Identifier>' +
  '<IdentifierCode>ydernummer</IdentifierCode><OrganisationName>Testlægerne</OrganisationName></Receiver>' +
  `<Patient><CivilRegistrationNumber>${TEST_CPR}</CivilRegistrationNumber><PersonSurnameName>Testesen</PersonSurnameName>` +
  '<EpisodeOfCareStatusCode>ambulant</EpisodeOfCareStatusCode></Patient>';

/** Adds `prefix` to every element name of an unprefixed XML fragment. */
function prefixed(xml: string, prefix: string): string {
  return prefix === '' ? xml : xml.replace(/<(\/?)([A-Za-z_][\w.-]*)/g, `<$1${prefix}$2`);
}

/** A whole Emessage holding one synthetic epikrise. */
export function syntheticLetter(options: SyntheticLetter = {}): string {
  const element = options.element ?? 'DischargeLetter';
  const prefix = options.prefix ?? '';
  const namespace = options.namespace ?? NS_2005;
  const declaration = prefix === '' ? `xmlns="${namespace}"` : `xmlns:${prefix.slice(0, -1)}="${namespace}"`;
  const inner =
    '<Envelope><Sent><Date>2024-03-01</Date><Time>12:00</Time></Sent><Identifier>ENV0001</Identifier>' +
    '<AcknowledgementCode>pluspositivkvitt</AcknowledgementCode></Envelope>' +
    `<${element}><Letter><Identifier>L0001</Identifier><VersionCode>${options.versionCode ?? 'XD0133L'}</VersionCode>` +
    `<StatisticalCode>XDIS01</StatisticalCode><Authorisation><Date>2024-03-01</Date><Time>11:00</Time></Authorisation>` +
    `<TypeCode>${options.typeCode ?? 'XDIS01'}</TypeCode><StatusCode>nytbrev</StatusCode></Letter>` +
    (options.parties ?? PARTIES) +
    (options.body ?? '') +
    `</${element}>` +
    (options.after ?? '');
  const xml = prefixed(`<Emessage>${inner}</Emessage>`, prefix);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace(/^<([\w:]*Emessage)>/, `<$1 ${declaration}>`)}`;
}

/** Escapes text for element content. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
