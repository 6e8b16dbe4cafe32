// SPDX-License-Identifier: MIT

/** FHIR `fixed[x]`: the value must be exactly the fixed value (no extra properties, same array lengths). */
export function equalsFixed(value: unknown, fixed: unknown): boolean {
  if (value === fixed) return true;
  if (Array.isArray(fixed)) {
    return Array.isArray(value) && value.length === fixed.length && fixed.every((f, i) => equalsFixed(value[i], f));
  }
  if (typeof fixed === 'object' && fixed !== null && typeof value === 'object' && value !== null) {
    const keys = Object.keys(fixed);
    return (
      keys.length === Object.keys(value).length &&
      keys.every((k) => equalsFixed((value as Record<string, unknown>)[k], (fixed as Record<string, unknown>)[k]))
    );
  }
  return false;
}

/**
 * FHIR `pattern[x]`: every property in the pattern must be present with the same value; arrays in the
 * pattern must each find a matching item in the value's array.
 */
export function matchesPattern(value: unknown, pattern: unknown): boolean {
  if (value === pattern) return true;
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && pattern.every((p) => value.some((v) => matchesPattern(v, p)));
  }
  if (typeof pattern === 'object' && pattern !== null && typeof value === 'object' && value !== null) {
    return Object.entries(pattern).every(([k, p]) => matchesPattern((value as Record<string, unknown>)[k], p));
  }
  return false;
}
