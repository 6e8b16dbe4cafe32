// SPDX-License-Identifier: MIT
// `@samspil/sdk/examples`: a complete synthetic MedCom message set made by the builders.
export { exampleMessages } from './generate.js';
export type { ExampleMessage } from './generate.js';
export { EXAMPLE_PARTIES, EXAMPLE_PATIENTS } from './parties.js';
