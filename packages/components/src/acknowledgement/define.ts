// SPDX-License-Identifier: MIT
import { SamspilAcknowledgement } from './acknowledgement.js';

export { SamspilAcknowledgement };

if (!customElements.get('samspil-acknowledgement')) {
  customElements.define('samspil-acknowledgement', SamspilAcknowledgement);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-acknowledgement': SamspilAcknowledgement;
  }
}
