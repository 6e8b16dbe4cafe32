// SPDX-License-Identifier: MIT
import type { OioIssue } from './read/issues.js';
import { readOioXml, type LetterInfo, type ReadOioXmlOptions } from './read/read.js';
import { readDischargeSummary, type DischargeSummary } from './discharge-summary/index.js';
import { readReferral, type Referral } from './referral/index.js';
import { readRehabPlan, type RehabPlan } from './rehab-plan/index.js';

/**
 * Any OIOXML letter the SDK has a model for.
 * @category OIOXML
 */
export type Letter = DischargeSummary | Referral | RehabPlan;

/**
 * The result of {@link parseLetter}.
 * @category OIOXML
 */
export type ParseLetterResult =
  | { readonly ok: true; readonly info: LetterInfo; readonly model: Letter; readonly issues: readonly OioIssue[] }
  | { readonly ok: false; readonly info?: LetterInfo; readonly issues: readonly OioIssue[] };

/**
 * Reads any supported MedCom OIOXML letter — discharge summaries (XDIS01/02/03), referrals (XREF01/06/07/15)
 * and rehab plans (GGOP) — into its domain model. Never throws.
 *
 * @param input - The letter's bytes (their declared encoding is honoured) or text.
 * @param options - `maxBytes`, default 20 MB.
 * @returns `{ ok: true, info, model, issues }` or `{ ok: false, issues }`.
 * @example
 * ```ts
 * const letter = parseLetter(bytes);
 * if (letter.ok && letter.model.kind === 'rehab-plan') console.log(letter.model.rehabilitationType);
 * ```
 * @category OIOXML
 */
export function parseLetter(input: string | Uint8Array, options: ReadOioXmlOptions = {}): ParseLetterResult {
  const read = readOioXml(input, options);
  if (!read.ok) return read;
  const result =
    read.info.kind === 'discharge-summary'
      ? readDischargeSummary(read)
      : read.info.kind === 'referral'
        ? readReferral(read)
        : read.info.kind === 'rehab-plan'
          ? readRehabPlan(read)
          : undefined;
  if (!result) {
    return {
      ok: false,
      info: read.info,
      issues: read.issues.map((issue) => ({ ...issue, severity: 'error' as const })),
    };
  }
  return result.ok
    ? { ok: true, info: read.info, model: result.model, issues: [...read.issues, ...result.issues] }
    : { ok: false, info: read.info, issues: result.issues };
}
