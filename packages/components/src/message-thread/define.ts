// SPDX-License-Identifier: MIT
import '../patient-banner/define.js';
import { SamspilMessageThread } from './message-thread.js';

export { SamspilMessageThread };

if (!customElements.get('samspil-message-thread')) {
  customElements.define('samspil-message-thread', SamspilMessageThread);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-message-thread': SamspilMessageThread;
  }
}
