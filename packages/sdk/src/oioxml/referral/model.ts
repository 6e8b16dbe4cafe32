// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { LetterDiagnosis } from '../common/diagnosis.js';
import { LetterHeader } from '../common/header.js';
import { Party } from '../common/party.js';
import { LetterPatient, Relative } from '../common/patient.js';
import { LetterReference } from '../common/reference.js';
import { FormattedText } from '../text/index.js';

/**
 * Which referral a letter is, from its letter element: `hospital` (`HospitalReferral`, XREF01
 * sygehushenvisning), `private-specialist` (`PrivateSpecialistReferral`, XREF06), `physiotherapy`
 * (`PhysiotherapyReferral`, XREF07) or `municipality` (`MunicipalityReferral`, XREF15 henvisning til kommunal
 * forebyggelse). They share one skeleton.
 *
 * @example
 * ```ts
 * ReferralType.options; // ['hospital', 'private-specialist', 'physiotherapy', 'municipality']
 * ```
 * @category OIOXML
 */
export const ReferralType = /* @__PURE__ */ z.enum(['hospital', 'private-specialist', 'physiotherapy', 'municipality']);
export type ReferralType = z.infer<typeof ReferralType>;

/**
 * One visitation note the receiver adds to a referral (`HospitalVisitation`, `MunicipalityVisitation`):
 * `informationCode` as written (`visitering`, `indkaldt`, `egen_laege`, …) and the note itself.
 *
 * @example
 * ```ts
 * const note: ReferralVisitation = { informationCode: 'indkaldt', information: plainToFormattedText('1/3 kl. 9') };
 * ```
 * @category OIOXML
 */
export const ReferralVisitation = /* @__PURE__ */ z.object({
  informationCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  information: FormattedText,
});
export type ReferralVisitation = z.infer<typeof ReferralVisitation>;

// The same shape as the common UnknownElement, as a schema, so a model can be checked as a whole.
const UnknownElement = /* @__PURE__ */ z.object({ path: /* @__PURE__ */ z.string(), text: /* @__PURE__ */ z.string() });

/**
 * A MedCom referral (XREF01 and its siblings, see {@link ReferralType}) as the SDK models it, in any of MedCom's
 * namespaces. Code values (`priority`, `referralStatus`, `transport`, `hospitalChoice`, diagnosis codes) are kept
 * as written, since the lists drift between namespaces.
 *
 * `diagnosis` is the referral diagnosis (`Referral/Refer`, "Hoveddiagnose" in MedCom's display);
 * `additionalDiagnoses` are the `ReferralAdditional` ones, each with its role in `descriptionCode`.
 * `visitations` are filled in by the receiver. `unknown` holds the elements no field claims.
 *
 * @example
 * ```ts
 * const read = parseReferral(bytes);
 * if (read.ok) {
 *   read.model.priority; // 'elektiv'
 *   formattedTextToPlain(read.model.clinicalReason ?? []);
 * }
 * ```
 * @category OIOXML
 */
export const Referral = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.literal('referral'),
  referralType: ReferralType,
  /** The namespace the letter was written in, e.g. `…/2005/08/07/`; tells XH0130R from later versions. */
  namespace: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  header: LetterHeader,
  /** The referring party, with the referring clinician in `sender.referrer`. */
  sender: Party,
  receiver: Party,
  /** Who gets a copy of the reply (`AnswerCCReceiver`). */
  answerCcReceiver: /* @__PURE__ */ z.optional(Party),
  ccReceiver: /* @__PURE__ */ z.optional(Party),
  patient: LetterPatient,
  relatives: /* @__PURE__ */ z.array(Relative),
  /** `elektiv`, `akut`, `saerlige_forhold`, as written. */
  priority: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `ambulant`, `indlaeggelse`, `hjemmet` (later namespaces), as written. */
  referralStatus: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** XH0131R (2017/05/01) "Frit sygehusvalg", as written; its values are not published. */
  hospitalChoice: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** `ingen`, `liggende`, `siddende`, as written. */
  transport: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** "Andet": practical remarks. */
  supplementary: /* @__PURE__ */ z.optional(FormattedText),
  /** "Ønsket undersøgelse/behandling/problemstilling": what the referrer asks for. */
  clinicalReason: /* @__PURE__ */ z.optional(FormattedText),
  diagnosis: /* @__PURE__ */ z.optional(LetterDiagnosis),
  additionalDiagnoses: /* @__PURE__ */ z.array(LetterDiagnosis),
  cave: /* @__PURE__ */ z.optional(FormattedText),
  anamnesis: /* @__PURE__ */ z.optional(FormattedText),
  examination: /* @__PURE__ */ z.optional(FormattedText),
  actualMedicine: /* @__PURE__ */ z.optional(FormattedText),
  references: /* @__PURE__ */ z.array(LetterReference),
  visitations: /* @__PURE__ */ z.array(ReferralVisitation),
  unknown: /* @__PURE__ */ z.array(UnknownElement),
});
export type Referral = z.infer<typeof Referral>;
