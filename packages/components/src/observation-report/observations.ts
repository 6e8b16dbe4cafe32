// SPDX-License-Identifier: MIT
// Reads what <samspil-observation-report> shows from a HomeCareObservation message: the DiagnosticReport's
// Observations and Media, the producing team and its nurse, and the receiving GP practice. `describeMessage` gives
// the parties, the patient, the activity and the attachments; this adds the report's own content, read from the
// Bundle with `resolveReference`. Received messages are untrusted JSON: every value is shape-checked as it is read,
// so a malformed message gives missing fields, never a TypeError.
import type { Bundle, Reference, Resource } from '@medplum/fhirtypes';
import {
  messageHeaderOf,
  organizationIdentifiers,
  resolveReference,
  YDERNUMMER_SYSTEM,
  type AttachmentDescription,
  type HomeCareObservationDescription,
  type PartyDescription,
} from '@samspil/sdk';

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => str(item) !== undefined) : [];
const field = (value: unknown, name: string): unknown =>
  isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
const resolve = (bundle: Bundle, reference: unknown): Resource | undefined =>
  isObject(reference) ? resolveReference(bundle, reference as Reference) : undefined;

const UCUM = 'http://unitsofmeasure.org';
const PRODUCENT_ID_SYSTEM = 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID';
const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** One coding of a code: its system, code and display as written. */
export interface CodingView {
  readonly system: string | undefined;
  readonly code: string | undefined;
  readonly display: string | undefined;
}

/** A FHIR Quantity as written: the number, its comparator, its unit text and its (UCUM) code. */
export interface QuantityView {
  readonly value: number | undefined;
  readonly comparator: string | undefined;
  /** The human-readable unit (`Quantity.unit`). */
  readonly unit: string | undefined;
  readonly system: string | undefined;
  /** The coded unit; a UCUM code when `system` is UCUM. */
  readonly code: string | undefined;
}

/** An observation's result: a quantity, a text (string, coded, boolean, integer …), or no value and why. */
export type ObservationValue =
  | { readonly kind: 'quantity'; readonly quantity: QuantityView }
  | { readonly kind: 'text'; readonly text: string; readonly code?: CodingView | undefined }
  | { readonly kind: 'absent'; readonly reason: string | undefined };

/** A reference range: a low and/or high limit and/or a text. */
export interface ReferenceRangeView {
  readonly low: QuantityView | undefined;
  readonly high: QuantityView | undefined;
  readonly text: string | undefined;
}

/**
 * Where a numeric result lies against its reference range: `below` or `above` it, `within` it, or `unknown`
 * (no range, no number, units that differ, or a comparator that leaves it open).
 */
export type RangeStatus = 'below' | 'above' | 'within' | 'unknown';

/** An element the viewer has no place for, shown as written in "Other content". */
export interface OtherElement {
  /** Where it is: resource type, id and element, e.g. `Observation/7fcb76a7-….bodySite`. */
  readonly path: string;
  /** The element as compact JSON, cut at 500 characters. */
  readonly text: string;
}

/** One Observation of the report. */
export interface ObservationView {
  readonly id: string | undefined;
  readonly status: string | undefined;
  readonly codes: readonly CodingView[];
  readonly codeText: string | undefined;
  readonly value: ObservationValue | undefined;
  /** `effectiveDateTime` (as `start`), an `effectivePeriod`, or `effectiveInstant`. */
  readonly effective: { readonly start: string | undefined; readonly end: string | undefined } | undefined;
  readonly referenceRanges: readonly ReferenceRangeView[];
  readonly range: RangeStatus;
  readonly interpretations: readonly CodingView[];
  readonly interpretationText: string | undefined;
  readonly notes: readonly {
    readonly text: string;
    readonly author: string | undefined;
    readonly time: string | undefined;
  }[];
  /** `false` for an Observation in the Bundle that the report's `result` does not name. */
  readonly inReport: boolean;
}

/** One attachment (Media) of the report, with its content. */
export interface MediaView {
  readonly id: string | undefined;
  readonly status: string | undefined;
  /** The SDK's description: title, MIME type, decoded size, creation, identifier and author. */
  readonly attachment: AttachmentDescription;
  /** The base64 content, when inline. */
  readonly data: string | undefined;
}

/** The producing organisation (the municipal acute team): a party with its ProducentID (`KAF`). */
export interface ProducerView extends PartyDescription {
  readonly producentId: string | undefined;
}

/** The person who made the observations: name, SKS roles and how to reach them. */
export interface PerformerView {
  readonly name: string | undefined;
  readonly roles: readonly CodingView[];
  readonly roleTexts: readonly string[];
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly organization: string | undefined;
}

/** A contact at the requesting GP practice: the GP's initials, or why they are missing. */
export interface RequesterContact {
  readonly initials: string | undefined;
  /** A name or text given beside the initials. */
  readonly name: string | undefined;
  /** The data-absent-reason code when the initials are not known (e.g. `unknown`). */
  readonly absentReason: string | undefined;
}

/** The receiving GP practice (`medcom-requesterorganization`). */
export interface RequesterView extends PartyDescription {
  readonly ydernummer: string | undefined;
  readonly contacts: readonly RequesterContact[];
}

/** What <samspil-observation-report> shows: the `samspil-load` model. */
export interface ObservationReport {
  readonly kind: 'observation-report';
  /** `describeMessage` of the message: parties, patient, activity, thread and attachments. */
  readonly description: HomeCareObservationDescription;
  readonly status: string | undefined;
  readonly code: readonly CodingView[];
  readonly issued: string | undefined;
  /** The clinical comment (klinisk kommentar), as written. */
  readonly conclusion: string | undefined;
  /** Security labels of the report (and the Bundle); `R` means the patient refused consent. */
  readonly security: readonly CodingView[];
  readonly consentRefused: boolean;
  readonly observations: readonly ObservationView[];
  /** `result` references that name nothing in the Bundle. */
  readonly missingResults: readonly string[];
  readonly media: readonly MediaView[];
  readonly producer: ProducerView | undefined;
  readonly performer: PerformerView | undefined;
  readonly requester: RequesterView | undefined;
  /** Set when the message modifies or retracts an earlier one. */
  readonly correction:
    { readonly kind: 'modified' | 'retracted'; readonly messageHeaderId: string | undefined } | undefined;
  readonly other: readonly OtherElement[];
}

function coding(value: unknown): CodingView {
  return {
    system: str(field(value, 'system')),
    code: str(field(value, 'code')),
    display: str(field(value, 'display')),
  };
}

const codings = (concept: unknown): CodingView[] => objects(field(concept, 'coding')).map(coding);

function quantity(value: unknown): QuantityView | undefined {
  if (!isObject(value)) return undefined;
  return {
    value: num(value['value']),
    comparator: str(value['comparator']),
    unit: str(value['unit']),
    system: str(value['system']),
    code: str(value['code']),
  };
}

function humanName(value: unknown): string | undefined {
  const names = objects(value);
  const name = names.find((n) => n['use'] === 'official') ?? names[0];
  if (!name) return undefined;
  const parts = [...strings(name['given']), str(name['family'])].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : str(name['text']);
}

function observationValue(o: Json): ObservationValue | undefined {
  const q = quantity(o['valueQuantity']);
  if (q) return { kind: 'quantity', quantity: q };
  const text = str(o['valueString']);
  if (text !== undefined) return { kind: 'text', text };
  const concept = o['valueCodeableConcept'];
  if (isObject(concept)) {
    const first = codings(concept)[0];
    return { kind: 'text', text: str(concept['text']) ?? first?.display ?? first?.code ?? '', code: first };
  }
  for (const key of ['valueBoolean', 'valueInteger', 'valueDateTime', 'valueTime']) {
    const primitive = o[key];
    if (typeof primitive === 'boolean' || typeof primitive === 'number' || typeof primitive === 'string') {
      return { kind: 'text', text: String(primitive) };
    }
  }
  const absent = o['dataAbsentReason'];
  if (isObject(absent)) return { kind: 'absent', reason: str(absent['text']) ?? codings(absent)[0]?.code };
  return undefined;
}

/** Whether two quantities are in the same unit as far as the message says (a missing unit is taken as the same). */
function sameUnit(a: QuantityView, b: QuantityView): boolean {
  if (a.code !== undefined && b.code !== undefined) return a.code === b.code && a.system === b.system;
  if (a.unit !== undefined && b.unit !== undefined) return a.unit === b.unit;
  return true;
}

/**
 * Where a numeric value lies against a reference range. A comparator narrows what can be said: `<5` is below a
 * range starting at 5, but may or may not be within one starting at 3.
 */
export function rangeStatus(value: ObservationValue | undefined, range: ReferenceRangeView | undefined): RangeStatus {
  if (value?.kind !== 'quantity' || range === undefined) return 'unknown';
  const { value: v, comparator } = value.quantity;
  const low = range.low?.value === undefined || !sameUnit(value.quantity, range.low) ? undefined : range.low.value;
  const high = range.high?.value === undefined || !sameUnit(value.quantity, range.high) ? undefined : range.high.value;
  if (v === undefined || (low === undefined && high === undefined)) return 'unknown';
  if (comparator === '<' || comparator === '<=') {
    if (low !== undefined && (comparator === '<' ? v <= low : v < low)) return 'below';
    return high !== undefined && low === undefined && v <= high ? 'within' : 'unknown';
  }
  if (comparator === '>' || comparator === '>=') {
    if (high !== undefined && (comparator === '>' ? v >= high : v > high)) return 'above';
    return low !== undefined && high === undefined && v >= low ? 'within' : 'unknown';
  }
  if (low !== undefined && v < low) return 'below';
  if (high !== undefined && v > high) return 'above';
  return 'within';
}

// The elements the viewer shows, per resource type; anything else goes to "Other content".
const SHOWN: Readonly<Record<string, readonly string[]>> = {
  Observation: [
    'resourceType',
    'id',
    'meta',
    'text',
    'status',
    'code',
    'subject',
    'effectiveDateTime',
    'effectivePeriod',
    'effectiveInstant',
    'valueQuantity',
    'valueString',
    'valueCodeableConcept',
    'valueBoolean',
    'valueInteger',
    'valueDateTime',
    'valueTime',
    'dataAbsentReason',
    'interpretation',
    'note',
    'referenceRange',
  ],
  DiagnosticReport: [
    'resourceType',
    'id',
    'meta',
    'text',
    'status',
    'code',
    'subject',
    'issued',
    'performer',
    'result',
    'media',
    'conclusion',
  ],
  Media: ['resourceType', 'id', 'meta', 'text', 'identifier', 'status', 'operator', 'content'],
};
// Resource types the viewer shows (in part through `describeMessage`); others are listed whole.
const SHOWN_TYPES = new Set([
  'MessageHeader',
  'Patient',
  'DiagnosticReport',
  'Observation',
  'Media',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Provenance',
]);

function compact(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

function unknownElements(resource: Json, path: string): OtherElement[] {
  const known = SHOWN[str(resource['resourceType']) ?? ''] ?? [];
  return Object.keys(resource)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${path}.${key}`, text: compact(resource[key]) }));
}

function readObservation(o: Json, inReport: boolean): ObservationView {
  const value = observationValue(o);
  const referenceRanges = objects(o['referenceRange']).map((range) => ({
    low: quantity(range['low']),
    high: quantity(range['high']),
    text: str(range['text']),
  }));
  const period = o['effectivePeriod'];
  const start = str(o['effectiveDateTime']) ?? str(o['effectiveInstant']) ?? str(field(period, 'start'));
  const end = str(field(period, 'end'));
  const interpretation = objects(o['interpretation']);
  return {
    id: str(o['id']),
    status: str(o['status']),
    codes: codings(o['code']),
    codeText: str(field(o['code'], 'text')),
    value,
    effective: start === undefined && end === undefined ? undefined : { start, end },
    referenceRanges,
    range: rangeStatus(value, referenceRanges[0]),
    interpretations: interpretation.flatMap(codings),
    interpretationText: interpretation.map((concept) => str(concept['text'])).find((text) => text !== undefined),
    notes: objects(o['note'])
      .map((note) => ({
        text: str(note['text']) ?? '',
        author: str(note['authorString']) ?? str(field(note['authorReference'], 'display')),
        time: str(note['time']),
      }))
      .filter((note) => note.text !== ''),
    inReport,
  };
}

function readPerformer(bundle: Bundle, role: Json): PerformerView {
  const practitioner = resolve(bundle, role['practitioner']) as Json | undefined;
  const organization = resolve(bundle, role['organization']) as Json | undefined;
  const telecom = [...objects(practitioner?.['telecom']), ...objects(role['telecom'])];
  const values = (system: string) =>
    telecom.filter((t) => t['system'] === system).flatMap((t) => strings([t['value']]));
  const concepts = objects(role['code']);
  return {
    name: humanName(practitioner?.['name']) ?? str(field(role['practitioner'], 'display')),
    roles: concepts.flatMap(codings),
    roleTexts: concepts.flatMap((concept) => strings([concept['text']])),
    phones: values('phone'),
    emails: values('email'),
    organization: str(organization?.['name']) ?? str(field(role['organization'], 'display')),
  };
}

function partyOf(organization: Json | undefined, endpoint: string | undefined): PartyDescription {
  const ids = organizationIdentifiers(organization as Parameters<typeof organizationIdentifiers>[0]);
  return { name: str(organization?.['name']), sor: ids.sor, gln: ids.gln, endpoint };
}

function identifierValue(organization: Json | undefined, system: string): string | undefined {
  return objects(organization?.['identifier'])
    .filter((identifier) => identifier['system'] === system)
    .map((identifier) => str(identifier['value']))
    .find((value) => value !== undefined);
}

function readRequester(bundle: Bundle, description: HomeCareObservationDescription): RequesterView | undefined {
  const header = messageHeaderOf(bundle);
  const destinations = objects(header?.destination);
  // The primary destination: the one whose destination use is not `cc` (HomeCareObservation allows no cc).
  const isCc = (destination: Json) =>
    objects(destination['extension']).some(
      (ext) =>
        str(ext['url'])?.endsWith('medcom-messaging-destinationUseExtension') &&
        field(ext['valueCoding'], 'code') === 'cc',
    );
  const primary = destinations.find((destination) => !isCc(destination)) ?? destinations[0];
  const organization = resolve(bundle, primary?.['receiver']) as Json | undefined;
  const receiver = description.receiver;
  if (!organization && !receiver) return undefined;
  const party = organization ? partyOf(organization, receiver?.endpoint) : receiver;
  return {
    name: party?.name ?? receiver?.name,
    sor: party?.sor ?? receiver?.sor,
    gln: party?.gln ?? receiver?.gln,
    endpoint: receiver?.endpoint,
    ydernummer: identifierValue(organization, YDERNUMMER_SYSTEM),
    contacts: objects(organization?.['contact']).map((contact) => {
      const name = field(contact, 'name');
      const absent = objects(contact['extension']).find((ext) => ext['url'] === DATA_ABSENT_REASON);
      const given = strings(field(name, 'given')).join(' ');
      const other = str(field(name, 'text')) ?? str(field(name, 'family'));
      return {
        initials: given === '' ? undefined : given,
        name: other,
        absentReason: absent ? (str(absent['valueCode']) ?? 'unknown') : undefined,
      };
    }),
  };
}

const isRestricted = (security: readonly CodingView[]): boolean =>
  security.some(
    (label) => label.code === 'R' && (label.system === undefined || label.system.endsWith('v3-Confidentiality')),
  );

/**
 * Reads a HomeCareObservation message for display.
 *
 * @param bundle - The message, already found to be a HomeCareObservation.
 * @param description - `describeMessage(bundle)`.
 * @returns The report's content in the order the viewer shows it.
 */
export function readObservationReport(bundle: Bundle, description: HomeCareObservationDescription): ObservationReport {
  const resources = objects(field(bundle, 'entry'))
    .map((entry) => entry['resource'])
    .filter((resource): resource is Json => isObject(resource) && typeof resource['resourceType'] === 'string');
  const header = messageHeaderOf(bundle);
  const focus = objects(header?.focus)
    .map((reference) => resolve(bundle, reference))
    .find((resource) => resource?.resourceType === 'DiagnosticReport');
  const report = (focus ?? resources.find((r) => r['resourceType'] === 'DiagnosticReport')) as Json | undefined;

  // Observations in `result` order, then any the report does not name (nothing in the message is hidden).
  const listed: Json[] = [];
  const missingResults: string[] = [];
  for (const reference of objects(report?.['result'])) {
    const resource = resolve(bundle, reference) as Json | undefined;
    if (resource?.['resourceType'] === 'Observation') {
      if (!listed.includes(resource)) listed.push(resource);
    } else missingResults.push(str(reference['reference']) ?? compact(reference));
  }
  const unlisted = resources.filter((r) => r['resourceType'] === 'Observation' && !listed.includes(r));
  const observations = [
    ...listed.map((o) => readObservation(o, true)),
    ...unlisted.map((o) => readObservation(o, false)),
  ];

  // Media in the order `reportAttachments` describes them, so each lines up with its description.
  const media: MediaView[] = [];
  for (const item of objects(report?.['media'])) {
    const resource = resolve(bundle, item['link']) as Json | undefined;
    if (resource?.['resourceType'] !== 'Media' || !isObject(resource['content'])) continue;
    const attachment = description.attachments[media.length];
    if (!attachment) break;
    media.push({
      id: str(resource['id']),
      status: str(resource['status']),
      attachment,
      data: str(resource['content']['data']),
    });
  }

  let producer: ProducerView | undefined;
  let performer: PerformerView | undefined;
  for (const reference of objects(report?.['performer'])) {
    const resource = resolve(bundle, reference) as Json | undefined;
    if (resource?.['resourceType'] === 'Organization' && !producer) {
      const endpoint = description.sender?.endpoint;
      producer = { ...partyOf(resource, endpoint), producentId: identifierValue(resource, PRODUCENT_ID_SYSTEM) };
    } else if (resource?.['resourceType'] === 'PractitionerRole' && !performer) {
      performer = readPerformer(bundle, resource);
    }
  }
  if (!producer && description.sender) producer = { ...description.sender, producentId: undefined };

  const security = [...objects(field(report?.['meta'], 'security')), ...objects(field(bundle.meta, 'security'))].map(
    coding,
  );
  const event = description.event;
  const correction =
    event?.code === 'modified-message' || event?.code === 'retract-message'
      ? {
          kind: event.code === 'modified-message' ? ('modified' as const) : ('retracted' as const),
          messageHeaderId: event.predecessors[0]?.messageHeaderId ?? event.predecessors[0]?.identifier,
        }
      : undefined;

  const other: OtherElement[] = [];
  if (report) other.push(...unknownElements(report, `DiagnosticReport/${str(report['id']) ?? '?'}`));
  for (const resource of resources) {
    const type = str(resource['resourceType']) ?? 'Resource';
    const path = `${type}/${str(resource['id']) ?? '?'}`;
    // Media content is never repeated as text (it is `content`, which is shown as the attachment itself).
    if (type === 'Observation' || type === 'Media') other.push(...unknownElements(resource, path));
    else if (!SHOWN_TYPES.has(type)) other.push({ path, text: compact(resource) });
  }
  return {
    kind: 'observation-report',
    description,
    status: str(report?.['status']),
    code: codings(report?.['code']),
    issued: str(report?.['issued']),
    conclusion: str(report?.['conclusion']),
    security,
    consentRefused: isRestricted(security),
    observations,
    missingResults,
    media,
    producer,
    performer,
    requester: readRequester(bundle, description),
    correction,
    other,
  };
}

// The code systems the HomeCareObservation profile slices `Observation.code` on, by short name: the SDK's
// `OBSERVATION_CODE_SYSTEMS`, written out because that constant lives beside the builder's input schemas and
// importing it would bring the schema library (zod, ~8 KB gz) into the viewer's bundle.
const CODE_SYSTEM_NAMES: Readonly<Record<string, string>> = {
  'urn:oid:1.2.208.176.2.1': 'NPU',
  'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-observation-codes': 'MedCom',
  'http://loinc.org': 'LOINC',
  'http://snomed.info/sct': 'SNOMED CT',
  'urn:iso:std:iso:11073:10101': 'IEEE 11073',
  'urn:oid:1.2.208.176.2.4': 'SKS',
  [UCUM]: 'UCUM',
};

/** The short name of an observation code system (`NPU`, `MedCom`, …), or `undefined` for one MedCom does not list. */
export function codeSystemName(system: string | undefined): string | undefined {
  return system !== undefined && Object.hasOwn(CODE_SYSTEM_NAMES, system) ? CODE_SYSTEM_NAMES[system] : undefined;
}
