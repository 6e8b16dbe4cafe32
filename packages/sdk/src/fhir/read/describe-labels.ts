// SPDX-License-Identifier: MIT
// Display labels for the codes a message summary shows. English labels follow the MedCom terminology package
// (2.0.2) displays; Danish ones are its `da` designations where it has them (HospitalNotification activities,
// CareCommunication categories). The package has none for the generic activities, so those are written here.

/**
 * A Danish and an English label for one code.
 *
 * @example
 * ```ts
 * const label: MessageLabel = { da: 'Svar', en: 'Reply' };
 * ```
 * @category Reading
 */
export interface MessageLabel {
  readonly da: string;
  readonly en: string;
}

/**
 * What a message is, from `MessageHeader.eventCoding.code`.
 *
 * @example
 * ```ts
 * const kind: MessageKind = 'care-communication';
 * ```
 * @category Reading
 */
export type MessageKind =
  'hospital-notification' | 'care-communication' | 'acknowledgement' | 'home-care-observation' | 'empty';

/**
 * Each MedCom message event code, with the kind it means and the standard's name.
 *
 * @internal
 */
export const KINDS: Readonly<Record<string, { readonly kind: MessageKind; readonly label: MessageLabel }>> = {
  'hospital-notification-message': {
    kind: 'hospital-notification',
    label: { da: 'Advis om sygehusophold', en: 'HospitalNotification' },
  },
  'care-communication-message': {
    kind: 'care-communication',
    label: { da: 'Korrespondancemeddelelse', en: 'CareCommunication' },
  },
  'acknowledgement-message': { kind: 'acknowledgement', label: { da: 'Kvittering', en: 'Acknowledgement' } },
  'homecareobservation-message': {
    kind: 'home-care-observation',
    label: { da: 'Kommunale prøvesvar', en: 'HomeCareObservation' },
  },
  'empty-message': { kind: 'empty', label: { da: 'Tom meddelelse', en: 'Empty message' } },
};

const GENERIC_ACTIVITIES: Readonly<Record<string, MessageLabel>> = {
  'new-message': { da: 'Ny meddelelse', en: 'New message' },
  'reply-message': { da: 'Svar', en: 'Reply' },
  'forward-message': { da: 'Videresendt meddelelse', en: 'Forwarded message' },
  'modified-message': { da: 'Rettet meddelelse', en: 'Modified message' },
  'retract-message': { da: 'Tilbagekaldt meddelelse', en: 'Retracted message' },
  'carboncopy-message': { da: 'Kopi', en: 'Carbon copy' },
  acknowledgement: { da: 'Kvittering', en: 'Acknowledgement' },
};

// The 18 HospitalNotification codes are six events, each also as `revise-` and `cancel-`; the package's labels
// follow the same pattern ("Rettelse …"/"Update …", "Annullering …"/"Cancellation …").
const HOSPITAL_EVENTS: Readonly<Record<string, MessageLabel>> = {
  'admit-emergency': { da: 'Start sygehusophold - akut ambulant', en: 'Start hospital stay - acute ambulant' },
  'admit-inpatient': { da: 'Start sygehusophold - indlagt', en: 'Start hospital stay - admitted' },
  'start-leave-inpatient': { da: 'Start orlov', en: 'Start leave' },
  'end-leave-inpatient': { da: 'Slut orlov', en: 'End leave' },
  'discharge-emergency-home': {
    da: 'Slut sygehusophold - afsluttet til hjemmet/primær sektor',
    en: 'End hospital stay - patient completed to home/primary sector',
  },
  'discharge-inpatient-home': {
    da: 'Slut sygehusophold - afsluttet til hjemmet/primær sektor',
    en: 'End hospital stay - patient completed to home/primary sector',
  },
};

/**
 * The Danish abbreviations HospitalNotification users know the events by (STIN, SLHJ, …).
 *
 * @internal
 */
export const HOSPITAL_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'admit-inpatient': 'STIN',
  'admit-emergency': 'STAA',
  'start-leave-inpatient': 'STOR',
  'end-leave-inpatient': 'SLOR',
  'discharge-inpatient-home': 'SLHJ',
  'discharge-emergency-home': 'SLHJ',
};

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * The Danish and English label of a MedCom Provenance activity code (§2.2 and the 18 HospitalNotification codes).
 *
 * @param code - `Provenance.activity.coding.code`.
 * @returns The label, or `undefined` for a code MedCom does not define.
 * @example
 * ```ts
 * activityLabel('reply-message'); // { da: 'Svar', en: 'Reply' }
 * activityLabel('cancel-start-leave-inpatient'); // { da: 'Annullering Start orlov', en: 'Cancellation Start leave' }
 * ```
 * @category Reading
 */
export function activityLabel(code: string): MessageLabel | undefined {
  const generic = own(GENERIC_ACTIVITIES, code);
  if (generic) return generic;
  const [, change, event = ''] = /^(revise-|cancel-)?(.*)$/.exec(code) ?? [];
  const base = own(HOSPITAL_EVENTS, event);
  if (!base) return undefined;
  if (change === 'revise-') return { da: `Rettelse ${base.da}`, en: `Update ${base.en}` };
  if (change === 'cancel-') return { da: `Annullering ${base.da}`, en: `Cancellation ${base.en}` };
  return base;
}

const CATEGORIES: Readonly<Record<string, MessageLabel>> = {
  'alcohol-and-drug-treatment': { da: 'Rusmiddelbehandling', en: 'Alcohol and drug treatment' },
  'assistive-devices': { da: 'Hjælpemidler', en: 'Assistive technology' },
  carecoordination: { da: 'Forløbskoordinering', en: 'Care Coordination' },
  decease: { da: 'Dødsfald', en: 'Decease' },
  discharge: { da: 'Udskrivelse', en: 'Discharge' },
  'examination-results': { da: 'Undersøgelsessvar', en: 'Examination Results' },
  healthcare: { da: 'Sundhedspleje', en: 'Healthcare' },
  'home-care-assessment': { da: 'Visitation', en: 'Home care assessment' },
  medicine: { da: 'Medicin', en: 'Medicine' },
  nursing: { da: 'Sygepleje', en: 'Nursing' },
  outpatient: { da: 'Ambulant', en: 'Outpatient' },
  'psychiatry-social-disability': { da: 'Psykiatri, social, handicap', en: 'Psychiatry, Social, Disability' },
  'regarding-referral': { da: 'Vedr. henvisning', en: 'Regarding Referral' },
  telemedicine: { da: 'Telemedicin', en: 'Telemedicine' },
  training: { da: 'Træning', en: 'Training' },
  'acute-ambulant': { da: 'Akut ambulant', en: 'Acute ambulant' },
  'extended-care-responsibility': { da: 'Udvidet behandlingsansvar', en: 'Extended care responsibility' },
  other: { da: 'Andet', en: 'Other' },
};

/**
 * The Danish and English label of a CareCommunication category code.
 *
 * @param code - `Communication.category.coding.code`.
 * @returns The label, or `undefined` for an unknown code.
 * @example
 * ```ts
 * categoryLabel('regarding-referral'); // { da: 'Vedr. henvisning', en: 'Regarding Referral' }
 * ```
 * @category Reading
 */
export function categoryLabel(code: string): MessageLabel | undefined {
  return own(CATEGORIES, code);
}
