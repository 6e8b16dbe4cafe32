// SPDX-License-Identifier: MIT
import '../patient-banner/define.js';
import { SamspilDischargeSummary } from './discharge-summary.js';

export { SamspilDischargeSummary };

if (!customElements.get('samspil-discharge-summary')) {
  customElements.define('samspil-discharge-summary', SamspilDischargeSummary);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-discharge-summary': SamspilDischargeSummary;
  }
}
