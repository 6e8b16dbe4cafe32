// SPDX-License-Identifier: MIT
export type { SamspilErrorDetail } from './samspil-error.js';
export type { SamspilLoadDetail } from './samspil-load.js';
