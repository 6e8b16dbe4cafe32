// SPDX-License-Identifier: MIT
export type { HumanNameLike, PatientLike, PatientSummary, PatientSummaryInput, Sex } from './patient-summary.js';
export { summarizePatient } from './patient-summary.js';
