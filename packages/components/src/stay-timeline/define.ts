// SPDX-License-Identifier: MIT
import '../patient-banner/define.js';
import { SamspilStayTimeline } from './stay-timeline.js';

export { SamspilStayTimeline };

if (!customElements.get('samspil-stay-timeline')) {
  customElements.define('samspil-stay-timeline', SamspilStayTimeline);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-stay-timeline': SamspilStayTimeline;
  }
}
