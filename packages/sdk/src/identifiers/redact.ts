// SPDX-License-Identifier: MIT

// Digit lookarounds keep GLNs, SOR ids and other longer digit runs intact. A space separator is
// masked too because people type CPR numbers that way, even though parsers reject it.
const CPR_PATTERN = /(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}([- ]?)\d{4}(?!\d)/g;
// Lenient on letter case and variant digit: over-masking is the safe failure mode here.
const ECPR_PATTERN = /(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{3}[A-Za-z]{2}\d(?!\d)/g;

/**
 * Masks every CPR-shaped number (`DDMMYYSSSS`, `DDMMYY-SSSS` or `DDMMYY SSSS` with a plausible
 * day and month, not part of a longer digit run) and every eCPR-shaped token in a text, hiding both
 * the birth date and the serial. Use it before logging or displaying free text.
 *
 * @param text - Any text, such as an error message or log line.
 * @returns The text with `**********` (or `******-****` / `****** ****`, keeping the separator) in
 *   place of each match.
 * @example
 * ```ts
 * redactCpr('Patient 250947-9989, GLN 5790001382445');
 * // 'Patient ******-****, GLN 5790001382445'
 * ```
 * @category Identifiers
 */
export function redactCpr(text: string): string {
  // Callers may pass non-strings from untyped code; masking must still apply.
  const input = typeof text === 'string' ? text : String(text);
  return input
    .replace(CPR_PATTERN, (_match, separator: string) => (separator ? `******${separator}****` : '**********'))
    .replace(ECPR_PATTERN, '**********');
}
