// SPDX-License-Identifier: MIT
import type { ReadContext } from '../common/context.js';
import { readDateTimeChild } from '../common/date-time.js';
import { child, children, text, type XmlElement } from '../read/tree.js';
import { readFormattedText, type FormattedText } from '../text/index.js';
import { required } from './limits.js';
import type { ClinicalNote } from './model.js';

/** Reads one `ClinicalInformation` block: `Signed` and the formatted `Text01`. */
export function readClinicalNote(element: XmlElement, path: string, context: ReadContext): ClinicalNote {
  context.keepUnknown(element, path, ['Signed', 'Text01']);
  const body = child(element, 'Text01');
  required(body, `${path}/Text01`, context);
  const note: ClinicalNote = { text: body ? readFormattedText(body) : [] };
  const signed = readDateTimeChild(element, 'Signed', path, context);
  if (signed) note.signed = signed;
  return note;
}

/** The `ActionPriorityCode` values of every XD0134L `ActionPriority` block, in order. */
export function readActionPriorities(letter: XmlElement, path: string, context: ReadContext): string[] {
  return children(letter, 'ActionPriority').flatMap((block) => {
    context.keepUnknown(block, `${path}/ActionPriority`, ['ActionPriorityCode']);
    return children(block, 'ActionPriorityCode').flatMap((code) => text(code) ?? []);
  });
}

/** The `Recommendation` texts of every XD0134L `RecommendedAction` block, in order. */
export function readRecommendations(letter: XmlElement, path: string, context: ReadContext): FormattedText[] {
  return children(letter, 'RecommendedAction').flatMap((block) => {
    context.keepUnknown(block, `${path}/RecommendedAction`, ['Recommendation']);
    return children(block, 'Recommendation').map((recommendation) => readFormattedText(recommendation));
  });
}
