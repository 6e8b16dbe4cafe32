// SPDX-License-Identifier: MIT
import { SamspilMessageComposer } from './message-composer.js';

export { SamspilMessageComposer };

if (!customElements.get('samspil-message-composer')) {
  customElements.define('samspil-message-composer', SamspilMessageComposer);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-message-composer': SamspilMessageComposer;
  }
}
