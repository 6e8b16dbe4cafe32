// SPDX-License-Identifier: MIT
export type { ReferralDraft, SamspilDraftDetail } from './samspil-draft.js';
export type { SamspilErrorDetail } from './samspil-error.js';
export type { SamspilInvalidDetail } from './samspil-invalid.js';
export type { SamspilLoadDetail } from './samspil-load.js';
export type { SamspilSubmitDetail } from './samspil-submit.js';
export type { SamspilSendDetail } from './samspil-send.js';
