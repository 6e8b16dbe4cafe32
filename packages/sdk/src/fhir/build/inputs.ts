// SPDX-License-Identifier: MIT
// The typed facts a builder needs about the parties and the patient, checked with the identifiers module.
import * as z from 'zod/mini';
import { parseCpr } from '../../identifiers/cpr.js';
import { parseEcpr } from '../../identifiers/ecpr.js';
import { parseGln } from '../../identifiers/gln.js';
import { parseSor } from '../../identifiers/sor.js';
import { rule } from './check.js';

/** An identifier checked by its parser and written in its normal form (e.g. a CPR number without the dash). */
function identifier(parse: (v: string) => { valid: boolean; value?: string }, name: string, message: string) {
  return z.pipe(
    z.string().check(/* @__PURE__ */ z.refine((v: string) => parse(v).valid, rule(name, message))),
    z.transform((v: string) => parse(v).value ?? v),
  );
}

const text = () =>
  z.string().check(/* @__PURE__ */ z.refine((v: string) => v.trim() !== '', rule('required', 'Must not be blank')));

/**
 * A MedCom organisation (sender or receiver): its SOR id and its GLN (EAN location number), both required; a name
 * when known; and the SOR endpoint URL, derived from the SOR id when left out.
 *
 * @example
 * ```ts
 * const sender: OrganizationInput = { name: 'Hjerteafdelingen, Herlev', sor: '265161000016000', gln: '5790000209354' };
 * ```
 * @category Builders
 */
export const OrganizationInput = /* @__PURE__ */ z.strictObject({
  name: z.optional(text()),
  sor: identifier(parseSor, 'sor', 'Not a SOR id (digits, at least 11)'),
  gln: identifier(parseGln, 'gln', 'Not a GLN (13 digits with a valid check digit)'),
  endpoint: z.optional(z.url()),
});
/** @category Builders */
export type OrganizationInput = z.input<typeof OrganizationInput>;
/** An {@link OrganizationInput} after checking: identifiers in normal form. */
export type CheckedOrganization = z.output<typeof OrganizationInput>;

/**
 * The patient: a CPR number, or (where the standard allows it) a replacement CPR (eCPR), never both; the family
 * name (required by MedCom) and given names when known. CPR numbers are checked for date and form; modulus 11 is
 * not enforced, as MedCom says.
 *
 * @example
 * ```ts
 * const patient: PatientInput = { cpr: '2509479989', family: 'Elmer', given: ['Bruno', 'Test'] };
 * ```
 * @category Builders
 */
export const PatientInput = /* @__PURE__ */ z
  .strictObject({
    cpr: z.optional(identifier(parseCpr, 'cpr', 'Not a valid CPR number')),
    ecpr: z.optional(identifier(parseEcpr, 'ecpr', 'Not a valid replacement CPR number')),
    family: text(),
    given: z.optional(z.array(text())),
    deceased: z.optional(z.boolean()),
  })
  .check(
    /* @__PURE__ */ z.refine((p) => (p.cpr === undefined) !== (p.ecpr === undefined), {
      ...rule('cpr-or-ecpr', 'Give a CPR number or a replacement CPR number (one of them)'),
      path: ['cpr'],
    }),
  );
/** @category Builders */
export type PatientInput = z.input<typeof PatientInput>;
/** A {@link PatientInput} after checking. */
export type CheckedPatient = z.output<typeof PatientInput>;
