// SPDX-License-Identifier: MIT
// fast-check arbitraries shared by the builders' property tests: valid parties, patients, free text and clocks.
import fc from 'fast-check';
import { glnCheckDigit } from '../../identifiers/gln.js';
import { hasIllegalXmlChar } from '../xml/common.js';
import type { BuildOptions } from './options.js';
import type { OrganizationInput, PatientInput } from './inputs.js';

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });

/** A GLN with a valid check digit. */
export const gln = digits(12).map((first12) => `${first12}${String(glnCheckDigit(first12))}`);

/** A SOR id (11 to 18 digits, no leading zero). */
export const sor = fc
  .tuple(
    fc.constantFrom(...'123456789'.split('')),
    fc.integer({ min: 10, max: 17 }).chain((n) => digits(n)),
  )
  .map(([first, rest]) => first + rest);

/** Characters a writer must escape, Danish letters, and anything else Unicode has. */
const friendly = fc.constantFrom(...'abcxyzÆØÅæøåé019 <>&"\'-.,/]'.split(''));

/** Free text of 1 to `max` characters, trimmed, that XML can carry. */
export const text = (max = 40) =>
  fc
    .oneof(
      fc.string({ unit: friendly, minLength: 1, maxLength: max }),
      fc.string({
        unit: fc.oneof(friendly, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
        minLength: 1,
        maxLength: max,
      }),
    )
    .map((value) => value.trim())
    .filter((value) => value !== '' && !hasIllegalXmlChar(value));

/** An organisation with valid SOR and GLN and, usually, a name. */
export const organizationInput: fc.Arbitrary<OrganizationInput> = fc.record(
  { name: text(60), sor, gln },
  { requiredKeys: ['sor', 'gln'] },
);

/** A valid CPR number for someone born 1937–1999 (7th digit 0–3 keeps the century unambiguous). */
export const cpr = fc
  .tuple(
    fc.date({ min: new Date('1937-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('0', '1', '2', '3'),
    digits(3),
  )
  .map(([birth, seventh, rest]) => {
    const iso = birth.toISOString();
    return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}${seventh}${rest}`;
  });

/** A patient with a CPR number. */
export const patientInput: fc.Arbitrary<PatientInput> = fc.record(
  { cpr, family: text(35), given: fc.array(text(20), { maxLength: 3 }) },
  { requiredKeys: ['cpr', 'family'] },
);

/** Deterministic build options: a fixed clock and counting UUIDs (version 4 form). */
export function fixedOptions(now = new Date('2026-11-25T09:30:00Z')): BuildOptions & { readonly count: () => number } {
  let n = 0;
  return {
    now: () => now,
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    count: () => n,
  };
}
