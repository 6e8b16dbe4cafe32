// SPDX-License-Identifier: MIT
import {
  InputError,
  ParseError,
  RuleError,
  TransportError,
  SAMSPIL_ERROR_BRAND,
  SamspilError,
  ValidationError,
} from './errors.js';

// Falls back to name plus brand so errors from a duplicate copy of the SDK are still recognised,
// while same-named errors from other libraries (e.g. another `ValidationError`) are not.
function matches(error: unknown, names: readonly string[]): boolean {
  return (
    error instanceof Error &&
    names.includes(error.name) &&
    (error as Partial<Record<typeof SAMSPIL_ERROR_BRAND, unknown>>)[SAMSPIL_ERROR_BRAND] === true
  );
}

/**
 * Whether `error` is any error thrown by the SDK.
 *
 * @param error - Anything caught.
 * @returns `true` for {@link SamspilError} and its subclasses.
 * @example
 * ```ts
 * if (isSamspilError(e)) console.error(e.message);
 * ```
 * @category Errors
 */
export function isSamspilError(error: unknown): error is SamspilError {
  return (
    error instanceof SamspilError ||
    matches(error, [
      'SamspilError',
      'ParseError',
      'ValidationError',
      'RuleError',
      'InputError',
      'TransportError',
      'HttpError',
      'TimeoutError',
      'NetworkError',
    ])
  );
}

/**
 * Whether `error` is a {@link ParseError}.
 *
 * @param error - Anything caught.
 * @returns `true` for a parse error.
 * @example
 * ```ts
 * if (isParseError(e)) showUnreadable(e.message);
 * ```
 * @category Errors
 */
export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError || matches(error, ['ParseError']);
}

/**
 * Whether `error` is a {@link ValidationError}.
 *
 * @param error - Anything caught.
 * @returns `true` for a validation error, which carries `issues`.
 * @example
 * ```ts
 * if (isValidationError(e)) for (const issue of e.issues) console.warn(issue.message);
 * ```
 * @category Errors
 */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError || matches(error, ['ValidationError']);
}

/**
 * Whether `error` is a {@link RuleError}.
 *
 * @param error - Anything caught.
 * @returns `true` for a rule error, which names its `field`.
 * @example
 * ```ts
 * if (isRuleError(e)) highlight(e.field);
 * ```
 * @category Errors
 */
export function isRuleError(error: unknown): error is RuleError {
  return error instanceof RuleError || matches(error, ['RuleError', 'InputError']);
}

/**
 * Whether `error` is an {@link InputError}: a builder refused its input.
 *
 * @param error - Anything caught.
 * @returns `true` for an input error, which names its `field` and lists all `issues`.
 * @example
 * ```ts
 * if (isInputError(e)) for (const issue of e.issues) form.showError(issue.field, issue.message);
 * ```
 * @category Errors
 */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || matches(error, ['InputError']);
}

/**
 * Whether `error` is a {@link TransportError} (or its `HttpError`, `TimeoutError`, `NetworkError`).
 *
 * @param error - Anything caught.
 * @returns `true` for a transport error, which says whether it is `retryable`.
 * @example
 * ```ts
 * if (isTransportError(e) && e.retryable) scheduleRetry();
 * ```
 * @category Errors
 */
export function isTransportError(error: unknown): error is TransportError {
  return (
    error instanceof TransportError || matches(error, ['TransportError', 'HttpError', 'TimeoutError', 'NetworkError'])
  );
}
