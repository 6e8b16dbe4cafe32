// SPDX-License-Identifier: MIT
export type { OioIssue, OioIssueCode } from './issues.js';
export type { LetterInfo, LetterKind, ReadLetter, ReadOioXmlOptions } from './read.js';
export { readOioXml } from './read.js';
export { readOioXmlDocument, treeFromDom } from './dom.js';
export type { XmlElement } from './tree.js';
export { at, child, children, isElement, text, textContent } from './tree.js';
