// SPDX-License-Identifier: MIT

/** How bad an issue is: `error` makes a message invalid; `warning` and `information` do not. */
export type IssueSeverity = 'error' | 'warning' | 'information';

/** The rule family an issue comes from. */
export type IssueCode =
  | 'input'
  | 'structure'
  | 'value'
  | 'cardinality'
  | 'fixed'
  | 'pattern'
  | 'binding'
  | 'slicing'
  | 'reference'
  | 'profile'
  | 'invariant'
  | 'identifier'
  | 'governance'
  | 'narrative';

/** One finding of {@link validateMessage}. Messages never contain a CPR number. */
export interface FhirIssue {
  readonly severity: IssueSeverity;
  readonly code: IssueCode;
  /** FHIRPath-style location, e.g. `Bundle.entry[2].resource.class`. */
  readonly path: string;
  readonly message: string;
  /** The invariant key or governance rule id, when one applies (e.g. `bdl-7`, `medcom-careCommunication-6`). */
  readonly rule?: string;
}
