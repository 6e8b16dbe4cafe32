// SPDX-License-Identifier: MIT
import type { ReadContext } from '../common/context.js';
import { readDateTimeChild } from '../common/date-time.js';
import { readDiagnosis } from '../common/diagnosis.js';
import { child, text, type XmlElement } from '../read/tree.js';
import { repeated } from './limits.js';
import type { OriginatingReferral } from './model.js';

// MedCom's schemas spell it with one "r"; the correct spelling is accepted too, should a sender fix it.
const ADDITIONAL = ['ReferalAdditional', 'ReferralAdditional'] as const;

/** Reads the `Referral` block of an epikrise. */
export function readOriginatingReferral(
  element: XmlElement | undefined,
  path: string,
  context: ReadContext,
): OriginatingReferral | undefined {
  if (!element) return undefined;
  context.keepUnknown(element, path, ['Identifier', 'Received', 'Refer', ...ADDITIONAL]);
  const referral: OriginatingReferral = {
    additional: repeated(element, ADDITIONAL, 5, path, context).map((item) =>
      readDiagnosis(item, `${path}/${item.name}`, context),
    ),
  };
  const identifier = text(element, 'Identifier');
  const received = readDateTimeChild(element, 'Received', path, context);
  const refer = child(element, 'Refer');
  if (identifier !== undefined) referral.identifier = identifier;
  if (received) referral.received = received;
  if (refer) referral.diagnosis = readDiagnosis(refer, `${path}/Refer`, context);
  return referral;
}
