// SPDX-License-Identifier: MIT

/**
 * Why an OIOXML letter could not be read, or what in it is off.
 *
 * - `encoding`: the bytes do not match the declared (or detected) encoding, or the encoding is unsupported.
 * - `xml-syntax`: not well-formed XML. `xml-entity`: a DOCTYPE or ENTITY declaration (refused: XXE and entity
 *   expansion), or an entity XML does not predefine.
 * - `too-large`: over the size limit. `not-a-letter`: well-formed, but no MedCom `Emessage` with a letter.
 * - `unsupported-letter`: a MedCom letter this SDK has no model for. `value`: a field that cannot be read as its
 *   type (a date that is no date); the letter is still read.
 *
 * @category OIOXML
 */
export type OioIssueCode =
  'encoding' | 'xml-syntax' | 'xml-entity' | 'too-large' | 'not-a-letter' | 'unsupported-letter' | 'value';

/**
 * One finding while reading a letter. `path` is a slash path of local names (`/Emessage/DischargeLetter/Letter`).
 * Messages never contain a CPR number.
 *
 * @category OIOXML
 */
export interface OioIssue {
  readonly severity: 'error' | 'warning';
  readonly code: OioIssueCode;
  readonly path: string;
  readonly message: string;
}
