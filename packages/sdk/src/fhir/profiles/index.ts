// SPDX-License-Identifier: MIT
export type {
  CodeDisplays,
  ConstraintRow,
  ElementRow,
  ExpandedValueSet,
  ProfileTable,
  SlicingRule,
  StandardDefinition,
} from './types.js';
export {
  STANDARDS,
  acknowledgement,
  careCommunication,
  homeCareObservation,
  hospitalNotification,
  messaging,
} from './standards.js';
