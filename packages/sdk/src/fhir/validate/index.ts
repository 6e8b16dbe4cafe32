// SPDX-License-Identifier: MIT
export type { FhirIssue, IssueCode, IssueSeverity } from './issue.js';
export type { ValidationResult } from './validate-bundle.js';
export { createValidator } from './validate-bundle.js';
export type { ValidateMessageOptions } from './validate-message.js';
export { detectFormat, validateMessage } from './validate-message.js';
