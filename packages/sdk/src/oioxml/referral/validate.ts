// SPDX-License-Identifier: MIT
import type * as z from 'zod/mini';
import { RuleError } from '../../errors/index.js';
import { redactCpr } from '../../identifiers/redact.js';
import { FormattedText, formattedTextToPlain, writeFormattedText } from '../text/index.js';
import { FORMATTED_TEXT_FIELDS, ReferralInput, type ReferralFieldRule } from './input.js';

/**
 * One reason a {@link ReferralInput} cannot be written: the field as a dotted path (`patient.surname`,
 * `additionalDiagnoses[2].text`), the rule it breaks and a message for the form. Messages never hold the value.
 *
 * @example
 * ```ts
 * const issue: ReferralFieldIssue = { field: 'patient.surname', rule: 'maxLength', message: 'At most 70 characters' };
 * ```
 * @category OIOXML
 */
export interface ReferralFieldIssue {
  readonly field: string;
  readonly rule: ReferralFieldRule;
  readonly message: string;
}

/**
 * Checks a referral form's input against everything XH0130R requires: each field's limits (see
 * {@link ReferralInput}), a CPR number or alternative identifier for the patient (not both), exactly one target
 * per reference, and the XSD's nesting rules for formatted text. Before checking, strings are trimmed, empty
 * strings count as absent, and formatted texts without visible content are left out, as a form's empty fields.
 *
 * @param input - The form's values.
 * @returns `{ ok: true, input }` with the cleaned input, or `{ ok: false, issues }` with every field issue found.
 * @example
 * ```ts
 * const checked = validateReferralInput({ ...input, patient: { surname: '' } });
 * if (!checked.ok) checked.issues; // [{ field: 'patient.surname', rule: 'required', … }, { field: 'patient.cpr', … }]
 * ```
 * @category OIOXML
 */
export function validateReferralInput(
  input: unknown,
): { ok: true; input: ReferralInput } | { ok: false; issues: ReferralFieldIssue[] } {
  const cleaned = clean(input, true);
  const parsed = ReferralInput.safeParse(cleaned);
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((found) => fromZod(found, cleaned));
  const flagged = new Set(issues.map((found) => found.field.split(/[.[]/)[0]));
  issues.push(...crossFieldIssues(cleaned, flagged));
  if (issues.length > 0 || !parsed.success) {
    return { ok: false, issues: issues.map((found) => ({ ...found, message: redactCpr(found.message) })) };
  }
  return { ok: true, input: parsed.data };
}

const FT_FIELDS: readonly string[] = FORMATTED_TEXT_FIELDS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trims strings and drops empty ones, at every level but inside formatted text (whose spaces are content). */
function clean(value: unknown, top = false): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) return value.map((item) => clean(item));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = top && FT_FIELDS.includes(key) ? cleanText(item) : clean(item);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

function cleanText(value: unknown): unknown {
  const parsed = FormattedText.safeParse(value);
  return parsed.success && formattedTextToPlain(parsed.data).trim() === '' ? undefined : value;
}

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function fromZod(found: z.core.$ZodIssue, input: unknown): ReferralFieldIssue[] {
  const field = dotted(found.path);
  if (typeof found.path[0] === 'string' && FT_FIELDS.includes(found.path[0])) {
    return [{ field, rule: 'formattedText', message: found.message }];
  }
  switch (found.code) {
    case 'custom':
      return [
        { field, rule: (found.params?.['rule'] as ReferralFieldRule | undefined) ?? 'type', message: found.message },
      ];
    case 'invalid_type':
      return valueAt(input, found.path) === undefined
        ? [{ field, rule: 'required', message: 'Required' }]
        : [{ field, rule: 'type', message: `Expected ${found.expected}` }];
    case 'invalid_value':
      return valueAt(input, found.path) === undefined
        ? [{ field, rule: 'required', message: 'Required' }]
        : [{ field, rule: 'enumeration', message: `One of: ${found.values.map(String).join(', ')}` }];
    case 'too_big':
      return found.origin === 'array'
        ? [{ field, rule: 'maxItems', message: `At most ${String(found.maximum)}` }]
        : [{ field, rule: 'maxLength', message: `At most ${String(found.maximum)} characters` }];
    case 'unrecognized_keys':
      return found.keys.map((key) => ({
        field: dotted([...found.path, key]),
        rule: 'unknown' as const,
        message: 'Not a field of an XH0130R referral',
      }));
    default:
      return [{ field, rule: 'type', message: found.message }];
  }
}

function crossFieldIssues(input: unknown, flagged: ReadonlySet<string | undefined>): ReferralFieldIssue[] {
  if (!isRecord(input)) return [];
  const issues: ReferralFieldIssue[] = [];
  const patient = input['patient'];
  if (isRecord(patient)) {
    const hasCpr = patient['cpr'] !== undefined;
    const hasAlternative = patient['alternativeIdentifier'] !== undefined;
    if (!hasCpr && !hasAlternative) {
      issues.push({
        field: 'patient.cpr',
        rule: 'required',
        message: 'Give a CPR number or an alternative identifier',
      });
    } else if (hasCpr && hasAlternative) {
      issues.push({
        field: 'patient.alternativeIdentifier',
        rule: 'choice',
        message: 'Give a CPR number or an alternative identifier, not both',
      });
    }
  }
  const references = input['references'];
  if (Array.isArray(references)) {
    references.forEach((reference: unknown, i) => {
      if (!isRecord(reference)) return;
      const targets = [
        reference['url'] !== undefined,
        reference['sentSeparately'] === true,
        isRecord(reference['binary']),
      ];
      const count = targets.filter(Boolean).length;
      if (count !== 1) {
        issues.push({
          field: `references[${i}]`,
          rule: 'choice',
          message: 'Give exactly one of a URL, "sent separately" or a binary attachment',
        });
      }
    });
  }
  for (const name of FT_FIELDS) {
    const ft = input[name];
    // A text zod already faulted would only fail again here.
    if (ft === undefined || flagged.has(name)) continue;
    try {
      writeFormattedText(ft as FormattedText, name);
    } catch (error) {
      const field = error instanceof RuleError ? error.field : name;
      const message = error instanceof Error ? error.message : 'Not formatted text';
      issues.push({ field, rule: 'formattedText', message });
    }
  }
  return issues;
}
