// SPDX-License-Identifier: MIT
import '../patient-banner/define.js';
import { SamspilRehabPlan } from './rehab-plan.js';

export { SamspilRehabPlan };

if (!customElements.get('samspil-rehab-plan')) {
  customElements.define('samspil-rehab-plan', SamspilRehabPlan);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-rehab-plan': SamspilRehabPlan;
  }
}
