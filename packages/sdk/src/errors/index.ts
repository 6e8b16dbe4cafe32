// SPDX-License-Identifier: MIT

export { ParseError, RuleError, SamspilError, ValidationError } from './errors.js';
export type { SamspilErrorOptions, ValidationIssue } from './errors.js';

export { isParseError, isRuleError, isSamspilError, isValidationError } from './guards.js';
