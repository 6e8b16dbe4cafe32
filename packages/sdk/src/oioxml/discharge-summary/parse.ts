// SPDX-License-Identifier: MIT
import { readOioXml, type ReadOioXmlOptions } from '../read/read.js';
import { readDischargeSummary, type DischargeSummaryFailure, type ReadDischargeSummary } from './read.js';

/**
 * Reads an epikrise from its bytes (the declared encoding is honoured) or text: {@link readOioXml} and then
 * {@link readDischargeSummary}, with both readers' issues. Never throws.
 *
 * @param input - The letter's bytes or text.
 * @param options - `maxBytes`, as for `readOioXml`.
 * @returns `{ ok: true, model, issues }` or `{ ok: false, issues }`.
 * @example
 * ```ts
 * const read = parseDischargeSummary(await readFile('DIS01_1.xml'));
 * if (read.ok) read.model.diagnoses?.main; // { code: 'DC249', … }
 * ```
 * @category OIOXML
 */
export function parseDischargeSummary(
  input: string | Uint8Array,
  options: ReadOioXmlOptions = {},
): ReadDischargeSummary | DischargeSummaryFailure {
  const read = readOioXml(input, options);
  if (!read.ok) return read;
  const result = readDischargeSummary(read);
  const earlier = read.issues.filter((found) => found.code !== 'unsupported-letter');
  return result.ok
    ? { ...result, issues: [...earlier, ...result.issues] }
    : { ok: false, issues: [...earlier, ...result.issues] };
}
