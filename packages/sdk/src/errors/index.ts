// SPDX-License-Identifier: MIT

export {
  HttpError,
  InputError,
  NetworkError,
  ParseError,
  RuleError,
  SamspilError,
  TimeoutError,
  TransportError,
  ValidationError,
} from './errors.js';
export type { InputIssue, SamspilErrorOptions, ValidationIssue } from './errors.js';

export {
  isInputError,
  isParseError,
  isRuleError,
  isSamspilError,
  isTransportError,
  isValidationError,
} from './guards.js';
