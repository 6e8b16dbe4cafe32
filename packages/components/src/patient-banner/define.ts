// SPDX-License-Identifier: MIT
import { SamspilPatientBanner } from './patient-banner.js';

export { SamspilPatientBanner };

if (!customElements.get('samspil-patient-banner')) {
  customElements.define('samspil-patient-banner', SamspilPatientBanner);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-patient-banner': SamspilPatientBanner;
  }
}
