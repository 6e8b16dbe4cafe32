// SPDX-License-Identifier: MIT
import '../patient-banner/define.js';
import { SamspilObservationReport } from './observation-report.js';

export { SamspilObservationReport };

if (!customElements.get('samspil-observation-report')) {
  customElements.define('samspil-observation-report', SamspilObservationReport);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-observation-report': SamspilObservationReport;
  }
}
