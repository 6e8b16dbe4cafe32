// SPDX-License-Identifier: MIT
import { SamspilMessage } from './message.js';

export { SamspilMessage };

if (!customElements.get('samspil-message')) {
  customElements.define('samspil-message', SamspilMessage);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-message': SamspilMessage;
  }
}
