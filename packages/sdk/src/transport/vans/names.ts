// SPDX-License-Identifier: MIT
// Document/Name and Document/Version for a VANSEnvelope. Names are MedCom's statistical codes (CodeSystem
// medcom-messaging-statisticalCodes, terminology 2.0.2): `MCM:<legacy type>#<postfix>`, the legacy type from
// medcom-messaging-sorEdiSystem (FDIS20 HospitalNotification, FDIS91 CareCommunication, FCTL Acknowledgement).
// Versions are the ones MedCom documents for the envelope (see medcom.md §4.1); they differ in form on purpose.
import { InputError } from '../../errors/errors.js';

/** The statistical codes in terminology 2.0.2, every one MedCom defines (`assessment` is deprecated there). */
const STATISTICAL_CODES: ReadonlySet<string> = new Set([
  'MCM:FDIS20#AcuteAmbulant',
  'MCM:FDIS20#AdmissionInpatient',
  'MCM:FDIS20#OnLeave',
  'MCM:FDIS20#EndOfLeave',
  'MCM:FDIS20#EndHospitalStay',
  ...[
    'outpatient',
    'decease',
    'carecoordination',
    'assistive-devices',
    'medicine',
    'psychiatry-social-disability',
    'healthcare',
    'nursing',
    'telemedicine',
    'training',
    'discharge',
    'regarding-referral',
    'assessment',
    'home-care-assessment',
    'examination-results',
    'alcohol-and-drug-treatment',
    'acute-ambulant',
    'extended-care-responsibility',
    'other',
  ].map((category) => `MCM:FDIS91#${category}`),
  'MCM:FCTL#ok',
  'MCM:FCTL#transient-error',
  'MCM:FCTL#fatal-error',
]);

// The five FDIS20 postfixes name the event; a correction (`revise-…`) or cancellation (`cancel-…`) is counted
// under the event it corrects, since the code system has no postfix of its own for them.
const HOSPITAL_NOTIFICATION_POSTFIX: Readonly<Record<string, string>> = {
  'admit-inpatient': 'AdmissionInpatient',
  'admit-emergency': 'AcuteAmbulant',
  'start-leave-inpatient': 'OnLeave',
  'end-leave-inpatient': 'EndOfLeave',
  'discharge-inpatient-home': 'EndHospitalStay',
  'discharge-emergency-home': 'EndHospitalStay',
};

/** `Document/Version` per legacy type. */
const VERSIONS: Readonly<Record<string, string>> = { FDIS91: '5.0', FDIS20: '3.0.0', FCTL: '2.0.0' };

/**
 * What the envelope needs to know about a FHIR message to name it: its kind and the code that picks the postfix.
 *
 * @example
 * ```ts
 * const key: FhirNameKey = { kind: 'care-communication', code: 'training' };
 * ```
 * @internal
 */
export interface FhirNameKey {
  readonly kind: 'hospital-notification' | 'care-communication' | 'acknowledgement' | 'home-care-observation' | 'empty';
  /** HospitalNotification: the current activity; CareCommunication: the category; Acknowledgement: the response. */
  readonly code: string | undefined;
}

/**
 * `Document/Name` and `Document/Version` for a FHIR message.
 *
 * @param key - The message's kind and its activity, category or response code.
 * @returns `{ name, version }`, e.g. `{ name: 'MCM:FDIS91#training', version: '5.0' }`.
 * @throws `InputError` (rule `vans-name`) when MedCom defines no statistical code for the message: a
 *   HomeCareObservation or an empty message, or a code outside the code system.
 * @example
 * ```ts
 * fhirDocumentName({ kind: 'hospital-notification', code: 'revise-admit-inpatient' });
 * // { name: 'MCM:FDIS20#AdmissionInpatient', version: '3.0.0' }
 * ```
 * @internal
 */
export function fhirDocumentName(key: FhirNameKey): { name: string; version: string } {
  const refuse = (field: string, message: string): InputError =>
    new InputError([{ field, rule: 'vans-name', message }]);
  let type: string;
  let postfix: string | undefined;
  switch (key.kind) {
    case 'hospital-notification': {
      const base = key.code?.replace(/^(revise|cancel)-/, '');
      type = 'FDIS20';
      postfix =
        base !== undefined && Object.hasOwn(HOSPITAL_NOTIFICATION_POSTFIX, base)
          ? HOSPITAL_NOTIFICATION_POSTFIX[base]
          : undefined;
      if (postfix === undefined) {
        throw refuse(
          'Provenance.activity',
          'The HospitalNotification has no current activity with a VANS statistical code (MCM:FDIS20#…)',
        );
      }
      break;
    }
    case 'care-communication':
      type = 'FDIS91';
      postfix = key.code;
      if (postfix === undefined || !STATISTICAL_CODES.has(`MCM:FDIS91#${postfix}`)) {
        throw refuse(
          'Communication.category',
          'The CareCommunication category has no VANS statistical code (MCM:FDIS91#…)',
        );
      }
      break;
    case 'acknowledgement':
      type = 'FCTL';
      postfix = key.code;
      if (postfix === undefined || !STATISTICAL_CODES.has(`MCM:FCTL#${postfix}`)) {
        throw refuse(
          'MessageHeader.response.code',
          'The Acknowledgement response code has no VANS statistical code (MCM:FCTL#…)',
        );
      }
      break;
    case 'home-care-observation':
      throw refuse(
        'MessageHeader.eventCoding',
        'MedCom defines no VANS statistical code for HomeCareObservation (terminology 2.0.2), so the envelope ' +
          'cannot be named',
      );
    case 'empty':
      throw refuse('MessageHeader.eventCoding', 'An empty message (test only) has no VANS statistical code');
  }
  return { name: `MCM:${type}#${postfix}`, version: VERSIONS[type] ?? '' };
}

/**
 * `Document/Name` and `Document/Version` for an OIOXML letter, from its own header: `MCM:` and the letter's
 * `StatisticalCode` (the statistical variant, e.g. `XDIS01`, `GGOP2`), else its `TypeCode`; the version is the
 * letter's `VersionCode` (e.g. `XD0133L`, `GGOP100`).
 *
 * @param header - `Letter/StatisticalCode`, `Letter/TypeCode` and `Letter/VersionCode`.
 * @returns `{ name, version }`.
 * @throws `InputError` (rule `vans-name`) when the letter has neither code.
 * @example
 * ```ts
 * letterDocumentName({ statisticalCode: 'GGOP2', typeCode: 'GGOP', versionCode: 'GGOP100' });
 * // { name: 'MCM:GGOP2', version: 'GGOP100' }
 * ```
 * @internal
 */
export function letterDocumentName(header: {
  readonly statisticalCode: string | undefined;
  readonly typeCode: string | undefined;
  readonly versionCode: string | undefined;
}): { name: string; version: string | undefined } {
  const code = header.statisticalCode ?? header.typeCode;
  if (code === undefined) {
    throw new InputError([
      {
        field: 'Letter.StatisticalCode',
        rule: 'vans-name',
        message: 'The letter has neither a StatisticalCode nor a TypeCode to name the envelope by',
      },
    ]);
  }
  return { name: `MCM:${code}`, version: header.versionCode };
}
