// SPDX-License-Identifier: MIT
import { redactCpr } from '../../identifiers/redact.js';
import { decodeLetter } from './decode.js';
import type { OioIssue, OioIssueCode } from './issues.js';
import { parseXml } from './parse.js';
import { child, children, text, type XmlElement } from './tree.js';

/**
 * The kinds of OIOXML letter the SDK has models for.
 * @category OIOXML
 */
export type LetterKind = 'discharge-summary' | 'referral' | 'rehab-plan';

// Detection is by the letter element's local name: the same letter exists in several namespaces.
const KINDS: Readonly<Record<string, LetterKind>> = {
  DischargeLetter: 'discharge-summary',
  OutPatientDischargeLetter: 'discharge-summary',
  CasualtyWardLetter: 'discharge-summary',
  HospitalReferral: 'referral',
  PrivateSpecialistReferral: 'referral',
  PhysiotherapyReferral: 'referral',
  MunicipalityReferral: 'referral',
  RehabilitationPlan: 'rehab-plan',
};

/**
 * What kind of letter a document holds, from its letter element and header.
 * @category OIOXML
 */
export interface LetterInfo {
  /** `undefined` for a MedCom letter without a model here (e.g. a lab report). */
  readonly kind: LetterKind | undefined;
  /** The letter element's local name, e.g. `DischargeLetter`. */
  readonly element: string;
  readonly namespace: string | undefined;
  /** `Letter/VersionCode`, e.g. `XD0133L`. */
  readonly versionCode: string | undefined;
  /** `Letter/TypeCode`, e.g. `XDIS01`. */
  readonly typeCode: string | undefined;
}

/**
 * A letter read into an element tree.
 * @category OIOXML
 */
export interface ReadLetter {
  readonly ok: true;
  readonly info: LetterInfo;
  /** The `Emessage` root. */
  readonly root: XmlElement;
  /** The letter element (`DischargeLetter`, `RehabilitationPlan`, …). */
  readonly letter: XmlElement;
  /** The encoding the text was decoded from (`windows-1252`, `utf-8`), or `string` for text input. */
  readonly encoding: string;
  readonly issues: readonly OioIssue[];
}

/**
 * Options for {@link readOioXml}.
 * @category OIOXML
 */
export interface ReadOioXmlOptions {
  /** Refuse larger input before decoding it. Default 20 MB. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function failure(code: OioIssueCode, message: string, path = ''): { ok: false; issues: OioIssue[] } {
  return { ok: false, issues: [{ severity: 'error', code, path, message: redactCpr(message) }] };
}

/**
 * Reads a MedCom OIOXML letter (XDIS01 and siblings, XREF01 and siblings, GGOP) from bytes or text into an
 * element tree and tells which letter it is, by the local name of the letter element and `Letter/VersionCode`
 * in whatever namespace. Bytes are decoded by their BOM or XML declaration (windows-1252, ISO-8859-1,
 * UTF-8). Never throws: over-size input, bad bytes, DOCTYPE/ENTITY declarations (XXE, entity bombs) and
 * malformed XML come back as issues.
 *
 * @param input - The letter's bytes (preferred: the declared encoding is honoured) or its text.
 * @param options - `maxBytes`, default 20 MB.
 * @returns `{ ok: true, info, root, letter, encoding, issues }` or `{ ok: false, issues }`.
 * @example
 * ```ts
 * const read = readOioXml(await readFile('DIS01_1.xml'));
 * if (read.ok) read.info; // { kind: 'discharge-summary', element: 'DischargeLetter', versionCode: 'XD0133L', … }
 * ```
 * @category OIOXML
 */
export function readOioXml(
  input: string | Uint8Array,
  options: ReadOioXmlOptions = {},
): ReadLetter | { readonly ok: false; readonly issues: readonly OioIssue[] } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let source: string;
  let encoding = 'string';
  if (typeof input === 'string') {
    // A string's UTF-16 length bounds its UTF-8 size from below: refuse before anything else is done.
    if (input.length > maxBytes) return failure('too-large', `The letter is larger than ${maxBytes} bytes`);
    source = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return failure('too-large', `The letter is larger than ${maxBytes} bytes`);
    const decoded = decodeLetter(input);
    if (!decoded.ok) return failure('encoding', decoded.message);
    source = decoded.text;
    encoding = decoded.encoding;
  } else {
    return failure('not-a-letter', 'Expected the letter as bytes or text');
  }

  const parsed = parseXml(source);
  if (!parsed.ok) return failure(parsed.code, parsed.message);
  const root = parsed.root;
  if (root.name !== 'Emessage') {
    return failure('not-a-letter', `The root element is ${root.name}, not a MedCom Emessage`, `/${root.name}`);
  }
  const letter = children(root).find((element) => element.name !== 'Envelope' && element.name !== 'Local_Elements');
  if (!letter) return failure('not-a-letter', 'The Emessage holds no letter', '/Emessage');
  const header = child(letter, 'Letter');
  const info: LetterInfo = {
    kind: KINDS[letter.name],
    element: letter.name,
    namespace: letter.namespace,
    versionCode: text(header, 'VersionCode'),
    typeCode: text(header, 'TypeCode'),
  };
  const issues: OioIssue[] = [];
  if (info.kind === undefined) {
    issues.push({
      severity: 'warning',
      code: 'unsupported-letter',
      path: `/Emessage/${letter.name}`,
      message: `${letter.name} (${info.versionCode ?? 'no VersionCode'}) is a letter this SDK has no model for`,
    });
  }
  return { ok: true, info, root, letter, encoding, issues };
}
