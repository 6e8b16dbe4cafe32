// SPDX-License-Identifier: MIT
import { acknowledgement } from './generated/acknowledgement.js';
import { careCommunication } from './generated/carecommunication.js';
import { homeCareObservation } from './generated/homecareobservation.js';
import { hospitalNotification } from './generated/hospitalnotification.js';
import { messaging } from './generated/messaging.js';
import type { StandardDefinition } from './types.js';

export { acknowledgement, careCommunication, homeCareObservation, hospitalNotification, messaging };

/**
 * Every MedCom FHIR messaging standard the SDK validates, each with the package versions it pins.
 * @category Validation
 */
export const STANDARDS: readonly StandardDefinition[] = [
  hospitalNotification,
  careCommunication,
  acknowledgement,
  homeCareObservation,
  messaging,
];
