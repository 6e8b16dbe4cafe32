// SPDX-License-Identifier: MIT

export {
  FormattedText,
  FormattedTextNode,
  FormattedTextStyle,
  formattedTextLength,
  formattedTextToPlain,
  normalizeFormattedText,
  plainToFormattedText,
  readFormattedText,
  writeFormattedText,
} from './formatted-text.js';
