// SPDX-License-Identifier: MIT
// No XSD lists the values of TypeOfRehabilitationPlan: MedCom's example writes `specialiseret`, and the
// guidance names almen (basal or avanceret), specialiseret and rehabilitering på specialiseret niveau. Senders
// may write the short word, the full phrase, ASCII spellings, or KL's temporary code for it.
import type { RehabilitationType, RehabLevel } from './model.js';

const PHRASES: Readonly<Record<string, RehabLevel>> = {
  almen: 'general',
  'almen genoptraening': 'general',
  basal: 'general-basic',
  basalt: 'general-basic',
  'almen basal': 'general-basic',
  'almen basalt': 'general-basic',
  'almen genoptraening paa basalt niveau': 'general-basic',
  'almen genoptraening basalt niveau': 'general-basic',
  avanceret: 'general-advanced',
  'almen avanceret': 'general-advanced',
  'almen genoptraening paa avanceret niveau': 'general-advanced',
  'almen genoptraening avanceret niveau': 'general-advanced',
  specialiseret: 'specialised',
  'specialiseret genoptraening': 'specialised',
  rehabilitering: 'specialised-rehabilitation',
  'rehabilitering paa specialiseret niveau': 'specialised-rehabilitation',
  'rehabilitering specialiseret niveau': 'specialised-rehabilitation',
  // KL gateway-rehab's temporary copies of MedCom's codes.
  'ffd81f78 352e 4589 a195 5350dd1df2a4': 'general',
  '8b962281 2ab6 4b10 9c91 4bac592d6d49': 'general-basic',
  'b679c454 2da2 46dd 9425 0e52d4aa2bf3': 'general-advanced',
  '0c8e2bfc 1350 45d1 90da c07e2645d073': 'specialised',
  '83c89857 8fb8 4163 97b1 eb1a56345c29': 'specialised-rehabilitation',
};

function normalise(code: string): string {
  return code
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[\s_.,:;()-]+/g, ' ')
    .trim();
}

/**
 * Normalises a `TypeOfRehabilitationPlan` value to a {@link RehabLevel}, keeping the code as written. Case,
 * Danish letters spelled in ASCII, underscores and hyphens do not matter; a value it does not recognise is
 * `unknown`, never an error.
 *
 * @param code - The value as written in the letter.
 * @returns `{ code, level }`.
 * @example
 * ```ts
 * normaliseRehabilitationType('specialiseret'); // { code: 'specialiseret', level: 'specialised' }
 * normaliseRehabilitationType('Rehabilitering på specialiseret niveau').level; // 'specialised-rehabilitation'
 * ```
 * @category OIOXML
 */
export function normaliseRehabilitationType(code: string): RehabilitationType {
  const key = normalise(code);
  return { code, level: Object.hasOwn(PHRASES, key) ? (PHRASES[key] ?? 'unknown') : 'unknown' };
}
