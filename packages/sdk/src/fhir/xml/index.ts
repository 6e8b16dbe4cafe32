// SPDX-License-Identifier: MIT

export { parseFhirXml } from './parse.js';
export type { ParseFhirXmlOptions, ParseFhirXmlResult } from './parse.js';
export type { XmlIssue, XmlIssueCode } from './common.js';
export { serializeFhirXml } from './serialize.js';
export type { SerializeFhirXmlOptions } from './serialize.js';
