// SPDX-License-Identifier: MIT
// `@samspil/sdk/oioxml`: MedCom's OIOXML letters — reader, domain models, labels and the XREF01 writer.
export * from './read/index.js';
export * from './common/index.js';
export * from './text/index.js';
export * from './discharge-summary/index.js';
export * from './referral/index.js';
export * from './rehab-plan/index.js';
export type { Letter, ParseLetterResult } from './letter.js';
export { parseLetter } from './letter.js';
