// SPDX-License-Identifier: MIT
// Turns zod's findings into the SDK's InputError: dotted field paths, a rule name, and messages without values.
import type * as z from 'zod/mini';
import { InputError, type InputIssue } from '../../errors/index.js';

/** A zod check whose failure names `rule`. */
export function rule(name: string, message: string) {
  return { message, params: { rule: name } };
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

function issueOf(found: z.core.$ZodIssue, input: unknown, prefix: readonly PropertyKey[]): InputIssue[] {
  const path = [...prefix, ...found.path];
  const field = dotted(path);
  const missing = valueAt(input, found.path) === undefined;
  switch (found.code) {
    case 'custom':
      return [{ field, rule: String(found.params?.['rule'] ?? 'invalid'), message: found.message }];
    case 'invalid_type':
      return [
        missing
          ? { field, rule: 'required', message: 'Required' }
          : { field, rule: 'type', message: `Expected ${found.expected}` },
      ];
    case 'invalid_value':
      return [
        missing
          ? { field, rule: 'required', message: 'Required' }
          : { field, rule: 'enumeration', message: `One of: ${found.values.map(String).join(', ')}` },
      ];
    case 'invalid_union':
      return [
        missing ? { field, rule: 'required', message: 'Required' } : { field, rule: 'type', message: found.message },
      ];
    case 'too_small':
      return [{ field, rule: found.origin === 'array' ? 'minItems' : 'minLength', message: found.message }];
    case 'too_big':
      return [{ field, rule: found.origin === 'array' ? 'maxItems' : 'maxLength', message: found.message }];
    case 'invalid_format':
      return [{ field, rule: 'format', message: found.message }];
    case 'unrecognized_keys':
      return found.keys.map((key) => ({
        field: dotted([...path, key]),
        rule: 'unknown',
        message: 'Not a known field',
      }));
    default:
      return [{ field, rule: 'invalid', message: found.message }];
  }
}

/**
 * Parses `input` with `schema` or throws an {@link InputError} listing every issue, fields given as dotted paths
 * under `prefix`.
 */
export function parseInput<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues.flatMap((found) => issueOf(found, input, prefix)));
}

/** Throws an {@link InputError} for one broken rule. */
export function refuse(field: string, ruleName: string, message: string): never {
  throw new InputError([{ field, rule: ruleName, message }]);
}
