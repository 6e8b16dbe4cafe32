// SPDX-License-Identifier: MIT

export { InputError, ParseError, RuleError, SamspilError, ValidationError } from './errors.js';
export type { InputIssue, SamspilErrorOptions, ValidationIssue } from './errors.js';

export { isInputError, isParseError, isRuleError, isSamspilError, isValidationError } from './guards.js';
