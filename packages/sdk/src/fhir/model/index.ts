// SPDX-License-Identifier: MIT

export { PRIMITIVE_PATTERNS, elementOf, elementsOf, isPrimitiveType, isResourceType, jsonKindOf } from './model.js';
export type { ElementInfo, ResolvedElement } from './model.js';
