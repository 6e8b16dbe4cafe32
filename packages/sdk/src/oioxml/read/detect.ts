// SPDX-License-Identifier: MIT
import { redactCpr } from '../../identifiers/redact.js';
import type { OioIssue, OioIssueCode } from './issues.js';
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

/** A failed read with one issue. */
export function failure(code: OioIssueCode, message: string, path = ''): { ok: false; issues: OioIssue[] } {
  return { ok: false, issues: [{ severity: 'error', code, path, message: redactCpr(message) }] };
}

/**
 * Tells which letter an `Emessage` tree holds, by the local name of its letter element and its header, whatever
 * the parser that built the tree.
 */
export function detectLetter(root: XmlElement, encoding: string): ReadLetter | { ok: false; issues: OioIssue[] } {
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
