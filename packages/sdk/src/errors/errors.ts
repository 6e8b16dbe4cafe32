// SPDX-License-Identifier: MIT
import { redactCpr } from '../identifiers/redact.js';

/**
 * Marks errors created by this SDK. A registered symbol survives duplicate copies of the package
 * (bundled twice, or loaded as ESM and CJS), where `instanceof` does not.
 *
 * @internal
 */
export const SAMSPIL_ERROR_BRAND: unique symbol = Symbol.for('@samspil/sdk/error');

/**
 * Options accepted by every SDK error.
 *
 * @category Errors
 */
export interface SamspilErrorOptions {
  /** The underlying error, kept as the standard `cause` property. */
  readonly cause?: unknown;
}

/**
 * One finding carried by a {@link ValidationError}. Identifier issues fit this shape.
 *
 * @category Errors
 */
export interface ValidationIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** Where the issue was found, such as a FHIRPath expression. */
  readonly path?: string;
}

/**
 * Base class of every error the SDK throws. The message is always passed through
 * {@link redactCpr}, so CPR numbers never reach logs through an error message or stack.
 *
 * @example
 * ```ts
 * try {
 *   await send(bundle);
 * } catch (e) {
 *   if (isSamspilError(e)) console.error(e.name, e.message);
 * }
 * ```
 * @category Errors
 */
export class SamspilError extends Error {
  override name = 'SamspilError';

  // An accessor lives on the prototype, so the brand does not clutter logged or serialised errors.
  /** @internal */
  get [SAMSPIL_ERROR_BRAND](): true {
    return true;
  }

  /**
   * @param message - Description of what went wrong; CPR numbers in it are masked.
   * @param options - Optional `cause`.
   */
  constructor(message: string, options?: SamspilErrorOptions) {
    super(redactCpr(message), options);
  }
}

/**
 * Input could not be read at all (malformed JSON or XML, unknown format).
 *
 * @example
 * ```ts
 * throw new ParseError('Bundle is not valid JSON', { cause: e });
 * ```
 * @category Errors
 */
export class ParseError extends SamspilError {
  override name = 'ParseError';
}

/**
 * Input was read but broke one or more rules; `issues` lists them all.
 *
 * @example
 * ```ts
 * throw new ValidationError('Patient is invalid', [
 *   { severity: 'error', code: 'check-digit', message: 'GLN check digit is wrong.' },
 * ]);
 * ```
 * @category Errors
 */
export class ValidationError extends SamspilError {
  override name = 'ValidationError';
  /** The findings, with CPR numbers masked in their messages. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param message - Summary of the failure; CPR numbers in it are masked.
   * @param issues - The individual findings.
   * @param options - Optional `cause`.
   */
  constructor(message: string, issues: readonly ValidationIssue[], options?: SamspilErrorOptions) {
    super(message, options);
    // Issues may come from anywhere, so their messages get the same masking as the error's.
    this.issues = Object.freeze(
      (Array.isArray(issues) ? issues : []).map((issue) => ({
        ...issue,
        message: redactCpr(issue.message),
      })),
    );
  }
}

/**
 * A single business rule failed for a named field.
 *
 * @example
 * ```ts
 * throw new RuleError('Receiver must have a GLN', 'destination.receiver');
 * ```
 * @category Errors
 */
export class RuleError extends SamspilError {
  override name = 'RuleError';
  /** The field the rule applies to. */
  readonly field: string;

  /**
   * @param message - Description of the broken rule; CPR numbers in it are masked.
   * @param field - Name or path of the offending field.
   * @param options - Optional `cause`.
   */
  constructor(message: string, field: string, options?: SamspilErrorOptions) {
    super(message, options);
    this.field = field;
  }
}

/**
 * One broken rule in a builder's input: the field as a dotted path, the rule, and a message (never the value).
 *
 * @category Errors
 */
export interface InputIssue {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * A builder's input broke one or more rules. `field` names the first, `issues` lists them all.
 *
 * @example
 * ```ts
 * try {
 *   buildCareCommunication(input);
 * } catch (e) {
 *   if (isInputError(e)) for (const issue of e.issues) form.showError(issue.field, issue.message);
 * }
 * ```
 * @category Errors
 */
export class InputError extends RuleError {
  override name = 'InputError';
  /** Every broken rule, first one first; CPR numbers in messages are masked. */
  readonly issues: readonly InputIssue[];
  /** The rule the first issue breaks, e.g. `required` or `asap-only-with-regarding-referral`. */
  readonly rule: string;

  /**
   * @param issues - The broken rules; at least one.
   * @param options - Optional `cause`.
   */
  constructor(issues: readonly InputIssue[], options?: SamspilErrorOptions) {
    const first = issues[0] ?? { field: '', rule: 'invalid', message: 'Invalid input' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${first.field ? `${first.field}: ` : ''}${first.message}${more}`, first.field, options);
    this.rule = first.rule;
    this.issues = Object.freeze(issues.map((issue) => ({ ...issue, message: redactCpr(issue.message) })));
  }
}

/**
 * A network call failed. `retryable` says whether trying again may help (a timeout, a dropped connection, a 5xx
 * or 429) or not (the network refused the request for good: 400, 403, 409, 413).
 *
 * @example
 * ```ts
 * if (isTransportError(e) && !e.retryable) markFailed(e.message);
 * ```
 * @category Errors
 */
export class TransportError extends SamspilError {
  override name = 'TransportError';
  /** Whether the same request may succeed later. */
  readonly retryable: boolean;

  /**
   * @param message - What failed; CPR numbers in it are masked.
   * @param retryable - Whether trying again may help.
   * @param options - Optional `cause`.
   */
  constructor(message: string, retryable: boolean, options?: SamspilErrorOptions) {
    super(message, options);
    this.retryable = retryable;
  }
}

/**
 * The server answered with an error status; `status` and the server's error `code` (if it sent one) tell why.
 *
 * @example
 * ```ts
 * if (isTransportError(e) && e instanceof HttpError && e.status === 403) signInAgain();
 * ```
 * @category Errors
 */
export class HttpError extends TransportError {
  override name = 'HttpError';
  readonly status: number;
  /** The `error` code of the server's JSON error body, e.g. `not-sender`. */
  readonly code: string | undefined;

  /**
   * @param status - The HTTP status.
   * @param message - The server's message or a description; CPR numbers in it are masked.
   * @param code - The server's error code, if any.
   * @param options - Optional `cause`.
   */
  constructor(status: number, message: string, code?: string, options?: SamspilErrorOptions) {
    super(message, status >= 500 || status === 429 || status === 408, options);
    this.status = status;
    this.code = code;
  }
}

/**
 * No answer in time. Retryable.
 *
 * @example
 * ```ts
 * throw new TimeoutError('The hub did not answer within 10 s');
 * ```
 * @category Errors
 */
export class TimeoutError extends TransportError {
  override name = 'TimeoutError';

  /**
   * @param message - What timed out.
   * @param options - Optional `cause`.
   */
  constructor(message: string, options?: SamspilErrorOptions) {
    super(message, true, options);
  }
}

/**
 * The connection failed or was dropped before an answer. Retryable.
 *
 * @example
 * ```ts
 * throw new NetworkError('Connection reset', { cause: e });
 * ```
 * @category Errors
 */
export class NetworkError extends TransportError {
  override name = 'NetworkError';

  /**
   * @param message - What failed.
   * @param options - Optional `cause`.
   */
  constructor(message: string, options?: SamspilErrorOptions) {
    super(message, true, options);
  }
}
