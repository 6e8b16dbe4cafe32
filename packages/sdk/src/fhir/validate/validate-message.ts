// SPDX-License-Identifier: MIT
import { STANDARDS } from '../profiles/standards.js';
import type { StandardDefinition } from '../profiles/types.js';
import { parseFhirXml } from '../xml/index.js';
import { failed, validateBundleWith, type ValidationResult } from './validate-bundle.js';

/**
 * Options for {@link validateMessage}.
 * @category Validation
 */
export interface ValidateMessageOptions {
  /** Refuse larger input without parsing it. MedCom's limit for a whole message is 100 MB. */
  readonly maxBytes?: number;
  /** The standards to recognise; all four FHIR standards and the empty message by default. */
  readonly standards?: readonly StandardDefinition[];
}

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** `json`, `xml`, or `undefined` for text that is neither. */
export function detectFormat(text: string): 'json' | 'xml' | undefined {
  const first = /\S/.exec(text.replace(/^\uFEFF/, ''))?.[0];
  return first === '{' || first === '[' ? 'json' : first === '<' ? 'xml' : undefined;
}

/**
 * Validates a MedCom FHIR message against the standard its MessageHeader names and the package versions
 * that standard pins: base FHIR structure and primitive formats, cardinalities, fixed and pattern values,
 * required bindings, slices, bundled references and their profiles, every invariant, and MedCom's
 * message-level governance. Never throws on bad input: problems come back as issues.
 *
 * @param input - A parsed Bundle, or FHIR JSON or XML text (detected), or its UTF-8 bytes.
 * @param options - Size limit and the standards to recognise.
 * @returns `{ ok, standard, version, messageHeaderId, issues }`; each issue has a FHIRPath-style `path`.
 * @example
 * ```ts
 * const result = validateMessage(await file.text());
 * if (!result.ok) for (const issue of result.issues) console.log(issue.path, issue.message);
 * ```
 * @category Validation
 */
export function validateMessage(input: unknown, options: ValidateMessageOptions = {}): ValidationResult {
  const standards = options.standards ?? STANDARDS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let text: string | undefined;
  if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return tooLarge(input.byteLength, maxBytes);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return failed([{ severity: 'error', code: 'input', path: 'Bundle', message: 'The message is not valid UTF-8' }]);
    }
  } else if (typeof input === 'string') {
    text = input;
  }
  if (text === undefined) return validateBundleWith(input, standards);

  // A JavaScript string's length undercounts UTF-8 bytes by at most 3x; check the cheap bound first.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && new TextEncoder().encode(text).byteLength > maxBytes)) {
    return tooLarge(new TextEncoder().encode(text).byteLength, maxBytes);
  }
  const format = detectFormat(text);
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return failed([
        { severity: 'error', code: 'input', path: 'Bundle', message: `Not valid JSON: ${(error as Error).message}` },
      ]);
    }
    return validateBundleWith(parsed, standards);
  }
  if (format === 'xml') {
    const parsed = parseFhirXml(text, { maxBytes });
    if (!parsed.ok) {
      return failed(
        parsed.issues.map((issue) => ({
          severity: 'error',
          code: 'input',
          path: issue.path || 'Bundle',
          message: issue.message,
          rule: issue.code,
        })),
      );
    }
    return validateBundleWith(parsed.resource, standards);
  }
  return failed([
    {
      severity: 'error',
      code: 'input',
      path: 'Bundle',
      message: 'Neither FHIR JSON nor FHIR XML: the text starts with neither { nor <',
    },
  ]);
}

function tooLarge(bytes: number, maxBytes: number): ValidationResult {
  return failed([
    {
      severity: 'error',
      code: 'input',
      path: 'Bundle',
      message: `The message is ${bytes} bytes; the limit is ${maxBytes}`,
    },
  ]);
}
