// SPDX-License-Identifier: MIT
export type { BuildOptions } from './options.js';
export { OrganizationInput, PatientInput } from './inputs.js';
export type { CheckedOrganization, CheckedPatient } from './inputs.js';
