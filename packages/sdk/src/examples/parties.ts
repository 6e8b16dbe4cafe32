// SPDX-License-Identifier: MIT
// Invented parties and MedCom's test patients for the synthetic example set. The GLNs carry valid check digits;
// the SOR ids have the right shape but are not registered anywhere.
import type { PatientInput } from '../fhir/build/inputs.js';

/**
 * The four invented parties of the example set: a hospital department, the municipality's home care, a GP clinic
 * and the municipality's acute team (which sends HomeCareObservation to the GP).
 *
 * @example
 * ```ts
 * EXAMPLE_PARTIES.hospital.gln; // '5790000130016'
 * ```
 * @category Examples
 */
export const EXAMPLE_PARTIES = {
  hospital: { name: 'Medicinsk Afdeling M1, Testhospitalet Nord', sor: '1200000000011', gln: '5790000130016' },
  municipality: { name: 'Hjemmeplejen, Testkommune', sor: '1200000000028', gln: '5790000130023' },
  gp: { name: 'Lægehuset i Testby', sor: '1200000000035', gln: '5790000130030', ydernummer: '012345' },
  acuteTeam: { name: 'Akutteamet, Testkommune', sor: '1200000000042', gln: '5790000130047' },
} as const;

/**
 * MedCom's test patients (CPR numbers MedCom publishes for testing; some fail modulus 11 on purpose).
 *
 * @example
 * ```ts
 * EXAMPLE_PATIENTS.bruno.family; // 'Elmer'
 * ```
 * @category Examples
 */
export const EXAMPLE_PATIENTS = {
  bruno: { cpr: '2509479989', family: 'Elmer', given: ['Bruno', 'Test'] },
  karin: { cpr: '1509819996', family: 'Berggren', given: ['Karin'] },
  soeren: { cpr: '2311143995', family: 'Østergård', given: ['Søren'] },
} satisfies Record<string, PatientInput>;
