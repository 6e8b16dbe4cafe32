// SPDX-License-Identifier: MIT
import { SamspilReferralForm } from './referral-form.js';

export { SamspilReferralForm };
export type { ReferralDraftStorage } from './referral-form.js';

if (!customElements.get('samspil-referral-form')) {
  customElements.define('samspil-referral-form', SamspilReferralForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'samspil-referral-form': SamspilReferralForm;
  }
}
