// SPDX-License-Identifier: MIT
// Code lists from MedCom terminology that more than one standard's builder uses.

/**
 * The MIME types an attachment may have (ValueSet `medcom-core-attachmentMimeTypes`).
 *
 * @example
 * ```ts
 * ATTACHMENT_CONTENT_TYPES.includes('application/pdf'); // true
 * ```
 * @category Builders
 */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/gif',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/bmp',
] as const;

/**
 * An allowed attachment MIME type.
 *
 * @example
 * ```ts
 * const type: AttachmentContentType = 'image/png';
 * ```
 * @category Builders
 */
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/**
 * The active codes of CodeSystem `medcom-core-PractitionerRolesSKSadministrativ` (the deprecated misspellings
 * left out). A role outside the list goes in `roleText`.
 *
 * @example
 * ```ts
 * PRACTITIONER_ROLE_CODES.includes('sygeplejerske'); // true
 * ```
 * @category Builders
 */
export const PRACTITIONER_ROLE_CODES = [
  'speciallaege',
  'speciallaegeipraksis',
  'cheflaege',
  'overlaege',
  'afdelingslaege',
  'sygehuslaege',
  'sygeplejerske',
  'sundhedsplejerske',
  'socialogsundhedsassistent',
  'socialogsundhedsmedhjaelper',
  'sygehjaelper',
  'plejer',
  'plejehjemsassistent',
  'tandlaege',
  'klinisktandtekniker',
  'tandplejer',
  'farmaceut',
  'apoteker',
  'psykolog',
  'jordemoder',
  'fysioterapeut',
  'ergoterapeut',
  'bioanalytiker',
  'radiograf',
  'diaetist',
  'diaetistassistent',
  'audilogiassistent',
  'neurofysiologassistent',
  'kiropraktor',
  'zoneterapeut',
  'psykoterapeut',
  'audiologopaed',
  'laegesekretaer',
  'ledendelaegesekretaer',
  'sygeplejesekretaer',
  'fodterapeut',
  'socialraadgiver',
  'ledendesocialraadgiver',
  'laerer',
  'paedagog',
  'beskaeftigelsesvejleder',
  'bandagist',
  'skomager',
  'optiker',
] as const;

/**
 * A practitioner role code from {@link PRACTITIONER_ROLE_CODES}.
 *
 * @example
 * ```ts
 * const role: PractitionerRoleCode = 'afdelingslaege';
 * ```
 * @category Builders
 */
export type PractitionerRoleCode = (typeof PRACTITIONER_ROLE_CODES)[number];
