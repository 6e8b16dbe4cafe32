// SPDX-License-Identifier: MIT
// Classes only: importing this entry defines no elements. Define one with its own entry, e.g.
// `import '@samspil/components/patient-banner.js'`.

export { SamspilPatientBanner } from './patient-banner/patient-banner.js';

export type { Locale, Strings } from './i18n/strings.js';
export { da, en } from './i18n/strings.js';
export { DEFAULT_LOCALE, getStrings, resetStrings, setStrings } from './i18n/localize.js';
