// SPDX-License-Identifier: MIT
import { EvaluationError } from './fhirpath-lite.js';
import type { Port } from './port.js';
import { ACKNOWLEDGEMENT_PORTS } from './ports-acknowledgement.js';
import { BASE_PORTS } from './ports-base.js';
import { BUNDLE_PORTS } from './ports-bundle.js';
import { CARECOMMUNICATION_PORTS } from './ports-carecommunication.js';
import { CORE_PORTS } from './ports-core.js';
import { HOMECAREOBSERVATION_PORTS } from './ports-homecareobservation.js';
import { HOSPITALNOTIFICATION_PORTS } from './ports-hospitalnotification.js';
import { MESSAGING_PORTS } from './ports-messaging.js';
import type { Invariant } from './scope.js';

/**
 * A ported constraint expression.
 *
 * @category Validation
 */
export interface PortedInvariant {
  /** The first key the expression is published under (`org-2` for `org-2`/`org-3`). */
  readonly key: string;
  /** Every key the expression is published under in the MedCom packages. */
  readonly keys: readonly string[];
  /** The expression as published, with whitespace runs made single spaces. */
  readonly expression: string;
  readonly evaluate: Invariant;
}

/**
 * The lookup form of a constraint expression: every run of whitespace becomes one space, and the ends are trimmed
 * (some published expressions span several lines).
 *
 * @category Validation
 */
export function normalizeExpression(expression: string): string {
  return expression.replace(/\s+/g, ' ').trim();
}

function toInvariant(port: Port): Invariant {
  return (scope) => {
    try {
      return port.evaluate(scope) === true;
    } catch (error) {
      // A FHIRPath run-time error fails the constraint; anything else is a bug and must surface.
      if (error instanceof EvaluationError) return false;
      throw error;
    }
  };
}

const ALL_PORTS: readonly Port[] = [
  ...BASE_PORTS,
  ...BUNDLE_PORTS,
  ...CORE_PORTS,
  ...MESSAGING_PORTS,
  ...HOSPITALNOTIFICATION_PORTS,
  ...CARECOMMUNICATION_PORTS,
  ...ACKNOWLEDGEMENT_PORTS,
  ...HOMECAREOBSERVATION_PORTS,
];

/**
 * Every ported constraint expression of the MedCom packages, keyed by its normalised text
 * ({@link normalizeExpression}).
 *
 * @category Validation
 */
export const PORTED_EXPRESSIONS: ReadonlyMap<string, PortedInvariant> = new Map(
  ALL_PORTS.map((port) => {
    const expression = normalizeExpression(port.expression);
    const [key = ''] = port.keys;
    return [expression, { key, keys: port.keys, expression, evaluate: toInvariant(port) }];
  }),
);

/**
 * The TypeScript port of a constraint, or `undefined` when the expression has none.
 *
 * Ports are found by expression: MedCom publishes different expressions under one key (`medcom-messaging-1`,
 * `medcom-uuidv4`, `uuidv5`), and HL7 one expression under several keys (`org-2`/`org-3`, `txt-1`/`txt-2`), and the
 * same text always means the same thing.
 *
 * @param key - The constraint's key (`ele-1`, `medcom-messaging-1`, …). Not needed to pick the port; it is part of the
 *   signature so that a key-specific port can be added without changing callers.
 * @param expression - The constraint's FHIRPath expression, as published (whitespace is normalised).
 * @category Validation
 */
export function findInvariant(key: string, expression: string): Invariant | undefined {
  return PORTED_EXPRESSIONS.get(normalizeExpression(expression))?.evaluate;
}
