// SPDX-License-Identifier: MIT
// Mutation tests: each case breaks one rule in a deep copy of an official MedCom example and expects the validator
// to report an error at the exact FHIRPath-style location of the broken element. The examples are read at run time
// and never copied into the repository.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officialExamples, readJson } from '@samspil/fixtures';
import type { FhirIssue, IssueCode } from './issue.js';
import type { ValidationResult } from './validate-bundle.js';
import { validateMessage } from './validate-message.js';

type JsonObject = { [key: string]: unknown };
type Folder = 'hospitalnotification' | 'carecommunication' | 'acknowledgement' | 'homecareobservation' | 'messaging';

interface MutationCase {
  readonly name: string;
  /** The base example: its folder and the start of its Bundle id. */
  readonly example: { readonly folder: Folder; readonly name: string };
  /** Breaks one rule in a deep copy of the example. */
  readonly mutate: (bundle: JsonObject) => void;
  /** An error the validator must report: its exact path, and its code and rule. */
  readonly expect: { readonly path: string; readonly code: IssueCode; readonly rule?: string };
}

// ------------------------------------------------------------------------------------------------------------
// JSON paths like `entry[2].resource.identifier[0].value`, the FHIRPath of the element without `Bundle.`.

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function segments(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`Bad path ${path}`);
    const indexes = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return [...(match[1] ? [match[1]] : []), ...indexes];
  });
}

function child(node: unknown, key: string | number, path: string): unknown {
  const value =
    typeof key === 'number' ? (Array.isArray(node) ? node[key] : undefined) : isObject(node) ? node[key] : undefined;
  // A mutation that silently does nothing would make its case pass for the wrong reason.
  if (value === undefined) throw new Error(`The example has nothing at ${path}`);
  return value;
}

/** The value at `path`; throws when there is none. */
function get(root: unknown, path: string): unknown {
  return segments(path).reduce<unknown>((node, key) => child(node, key, path), root);
}

function parent(root: unknown, path: string): [container: unknown, key: string | number] {
  const keys = segments(path);
  const last = keys.pop();
  if (last === undefined) throw new Error(`Bad path ${path}`);
  return [keys.reduce<unknown>((node, key) => child(node, key, path), root), last];
}

/** Sets (or adds) the element at `path`. */
function set(root: unknown, path: string, value: unknown): void {
  const [container, key] = parent(root, path);
  if (typeof key === 'number' && Array.isArray(container)) container[key] = value;
  else if (typeof key === 'string' && isObject(container)) container[key] = value;
  else throw new Error(`Cannot set ${path}`);
}

/** Removes the element at `path`, which must exist; an array item is spliced out. */
function remove(root: unknown, path: string): void {
  get(root, path);
  const [container, key] = parent(root, path);
  if (typeof key === 'number' && Array.isArray(container)) container.splice(key, 1);
  else if (typeof key === 'string' && isObject(container)) Reflect.deleteProperty(container, key);
}

/** Appends to the array at `path`. */
function push(root: unknown, path: string, ...values: unknown[]): void {
  const list = get(root, path);
  if (!Array.isArray(list)) throw new Error(`${path} is not an array`);
  list.push(...values);
}

/** A deep copy of the value at `path`. */
const copy = (root: unknown, path: string): unknown => structuredClone(get(root, path));

/** `Type/id` of the resource in entry `index`, as the examples reference it. */
function ref(bundle: unknown, index: number): string {
  const resource = get(bundle, `entry[${index}].resource`) as JsonObject;
  return `${String(resource['resourceType'])}/${String(resource['id'])}`;
}

// ------------------------------------------------------------------------------------------------------------
// Base examples (see medcom.md §6). Entry indexes in the comments are the ones the cases use.

/** STIN: 0 MessageHeader, 1 Patient, 2 Encounter, 3 receiver Organization, 4 sender Organization, 5 Provenance. */
const HN = { folder: 'hospitalnotification', name: 'a5e5b880' } as const;
/** STOR (start of leave): 2 Encounter with the leave-period extension. */
const HN_LEAVE = { folder: 'hospitalnotification', name: 'd3128d9b' } as const;
/** RE_STIN: 5 the current Provenance, with an entity. */
const HN_REVISE = { folder: 'hospitalnotification', name: 'bfab3e80' } as const;
/** X-eCPR patient: 0 MessageHeader, 1 Patient, 2 Communication, 3 PractitionerRole, 4 Practitioner,
 * 5 receiver Organization, 6 sender Organization, 7 Provenance. */
const CC = { folder: 'carecommunication', name: '0d5b3c18' } as const;
/** All optional content: 2 Communication (payload 0 string, 1 and 2 attachments), 3 Encounter,
 * 4 PractitionerRole, 5 Practitioner, 6 CareTeam, 7 receiver Organization, 8 sender Organization, 9 Provenance. */
const CC_FULL = { folder: 'carecommunication', name: 'gfd00bc2' } as const;
/** response `ok`, no OperationOutcome. */
const ACK_OK = { folder: 'acknowledgement', name: 'a8c041b8' } as const;
/** response `fatal-error`: 0 MessageHeader, 1-2 Provenance, 3-4 Organization, 5 OperationOutcome. */
const ACK_FATAL = { folder: 'acknowledgement', name: 'bc9535ef' } as const;
/** 0 MessageHeader, 1 Patient, 2 DiagnosticReport, 3 PractitionerRole, 4 Practitioner, 5 requester (receiver)
 * Organization, 6 producer (sender) Organization, 7 Provenance, 8-13 Observation. */
const HCO = { folder: 'homecareobservation', name: '401cbc36' } as const;
/** With Media: 18 Media. */
const HCO_MEDIA = { folder: 'homecareobservation', name: 'add5e7e2' } as const;
/** The empty message: 0 MessageHeader, 1 Provenance, 2-3 Organization. */
const MSG = { folder: 'messaging', name: 'eb26be85' } as const;

const ACTIVITY_CODES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';
const CATEGORY_CODES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-careCommunication-categoryCodes';
const LPR3 = 'https://www.esundhed.dk/Registre/Landspatientregisteret';
const GLN = 'https://www.gs1.org/gln';

/** A copy of the first destination, turned into a `cc` destination. */
function ccDestination(bundle: JsonObject): unknown {
  const destination = copy(bundle, 'entry[0].resource.destination[0]');
  set(destination, 'extension[0].valueCoding.code', 'cc');
  return destination;
}

/** Adds a second Patient (a copy of entry 1, with another id) after the first. */
function addSecondPatient(bundle: JsonObject): void {
  const entry = copy(bundle, 'entry[1]') as JsonObject;
  set(entry, 'resource.id', 'b0b0b0b0-0000-4000-8000-000000000001');
  set(entry, 'fullUrl', String(entry['fullUrl']).replace(/[^/]+$/, 'b0b0b0b0-0000-4000-8000-000000000001'));
  (bundle['entry'] as unknown[]).splice(2, 0, entry);
}

const cases: readonly MutationCase[] = [
  // ---- Bundle and message governance ----------------------------------------------------------------------
  {
    name: 'the MessageHeader is not the first entry',
    example: HN,
    mutate: (b) => push(b, 'entry', (b['entry'] as unknown[]).shift()),
    expect: { path: 'Bundle.entry[0].resource', code: 'governance', rule: 'medcom-header-first' },
  },
  {
    name: 'a message Bundle whose first entry is not the MessageHeader (bdl-12)',
    example: CC,
    mutate: (b) => push(b, 'entry', (b['entry'] as unknown[]).shift()),
    expect: { path: 'Bundle', code: 'invariant', rule: 'bdl-12' },
  },
  {
    name: 'Bundle.type is not message',
    example: HN,
    mutate: (b) => set(b, 'type', 'collection'),
    expect: { path: 'Bundle.type', code: 'pattern' },
  },
  {
    name: 'Bundle.timestamp is missing',
    example: HN,
    mutate: (b) => remove(b, 'timestamp'),
    expect: { path: 'Bundle.timestamp', code: 'cardinality' },
  },
  {
    name: 'Bundle.id is missing',
    example: CC,
    mutate: (b) => remove(b, 'id'),
    expect: { path: 'Bundle.id', code: 'cardinality' },
  },
  {
    name: 'Bundle.timestamp without a time zone',
    example: HN,
    mutate: (b) => set(b, 'timestamp', '2022-12-07T12:00:01'),
    expect: { path: 'Bundle.timestamp', code: 'value' },
  },
  {
    name: 'two entries with the same fullUrl (bdl-7)',
    example: HN,
    mutate: (b) => set(b, 'entry[4].fullUrl', get(b, 'entry[3].fullUrl')),
    expect: { path: 'Bundle', code: 'invariant', rule: 'bdl-7' },
  },
  {
    name: 'a fullUrl with a version (bdl-8)',
    example: HN,
    mutate: (b) => set(b, 'entry[2].fullUrl', `${String(get(b, 'entry[2].fullUrl'))}/_history/1`),
    expect: { path: 'Bundle.entry[2]', code: 'invariant', rule: 'bdl-8' },
  },
  {
    name: 'Bundle.total in a message (bdl-1)',
    example: HN,
    mutate: (b) => set(b, 'total', 6),
    expect: { path: 'Bundle', code: 'invariant', rule: 'bdl-1' },
  },
  {
    name: 'an entry with a request in a message (bdl-3)',
    example: HN,
    mutate: (b) => set(b, 'entry[2].request', { method: 'PUT', url: ref(b, 2) }),
    expect: { path: 'Bundle', code: 'invariant', rule: 'bdl-3' },
  },
  {
    name: 'an entry without a resource',
    example: CC,
    mutate: (b) => push(b, 'entry', { fullUrl: 'https://medcomfhir.dk/ig/carecommunication/Basic/x' }),
    expect: { path: 'Bundle.entry[8].resource', code: 'cardinality' },
  },
  {
    name: 'a fullUrl urn:uuid that is not a UUID',
    example: HN,
    mutate: (b) => set(b, 'entry[2].fullUrl', 'urn:uuid:not-a-uuid'),
    expect: { path: 'Bundle.entry[2].fullUrl', code: 'value' },
  },
  {
    name: 'a fullUrl that disagrees with the resource id',
    example: HN,
    mutate: (b) =>
      set(
        b,
        'entry[2].fullUrl',
        String(get(b, 'entry[2].fullUrl')).replace(/[^/]+$/, '1d2c3b4a-0000-4000-8000-000000000000'),
      ),
    expect: { path: 'Bundle.entry[2].fullUrl', code: 'reference', rule: 'bundle-fullurl-id' },
  },
  {
    name: 'two MessageHeaders',
    example: HN,
    mutate: (b) => {
      const entry = copy(b, 'entry[0]') as JsonObject;
      set(entry, 'resource.id', 'c0c0c0c0-0000-4000-8000-000000000001');
      set(entry, 'fullUrl', String(entry['fullUrl']).replace(/[^/]+$/, 'c0c0c0c0-0000-4000-8000-000000000001'));
      push(b, 'entry', entry);
    },
    expect: { path: 'Bundle.entry', code: 'governance', rule: 'medcom-one-header' },
  },
  {
    name: 'no Patient',
    example: HN,
    mutate: (b) => remove(b, 'entry[1]'),
    expect: { path: 'Bundle.entry', code: 'governance', rule: 'medcom-one-patient' },
  },
  {
    name: 'two Patients in a HospitalNotification (medcom-hospitalNotification-2)',
    example: HN,
    mutate: addSecondPatient,
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-hospitalNotification-2' },
  },
  {
    name: 'two Patients in a CareCommunication (medcom-careCommunication-2)',
    example: CC,
    mutate: addSecondPatient,
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-2' },
  },
  {
    name: 'a HospitalNotification Patient with an eCPR instead of a CPR (medcom-hospitalNotification-4)',
    example: HN,
    mutate: (b) =>
      set(b, 'entry[1].resource.identifier[0]', {
        use: 'temp',
        system: 'urn:oid:1.2.208.176.1.6.1.1',
        value: '0703921VJ4',
      }),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-hospitalNotification-4' },
  },
  {
    name: 'no Provenance (medcom-messaging-2)',
    example: HN,
    mutate: (b) => remove(b, 'entry[5]'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-messaging-2' },
  },
  {
    name: 'no Provenance targets the MessageHeader',
    example: HN,
    mutate: (b) =>
      set(b, 'entry[5].resource.target[0].reference', 'MessageHeader/d0d0d0d0-0000-4000-8000-000000000001'),
    expect: { path: 'Bundle.entry', code: 'governance', rule: 'medcom-provenance-target' },
  },
  {
    name: 'a MessageHeader.sender that is not bundled',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.sender.reference', 'Organization/e0e0e0e0-0000-4000-8000-000000000001'),
    expect: { path: 'Bundle.entry[0].resource.sender.reference', code: 'reference' },
  },
  {
    name: 'sender and receiver are the same Organization',
    example: MSG,
    mutate: (b) => set(b, 'entry[0].resource.destination[0].receiver', copy(b, 'entry[0].resource.sender')),
    expect: { path: 'Bundle.entry[0].resource.sender', code: 'governance', rule: 'medcom-two-organizations' },
  },
  {
    name: 'an entry resource given as an array',
    example: HN,
    mutate: (b) => set(b, 'entry[3].resource', [get(b, 'entry[3].resource')]),
    expect: { path: 'Bundle.entry[3].resource', code: 'structure' },
  },
  {
    name: 'an unknown resource type',
    example: HN,
    mutate: (b) =>
      push(b, 'entry', {
        fullUrl: 'https://example.org/Spaceship/1',
        resource: { resourceType: 'Spaceship', id: '1' },
      }),
    expect: { path: 'Bundle.entry[6].resource', code: 'structure' },
  },

  // ---- MessageHeader ------------------------------------------------------------------------------------
  {
    name: 'the eventCoding of another standard',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.eventCoding.code', 'care-communication-message'),
    expect: { path: 'Bundle.entry[0].resource.eventCoding.code', code: 'profile', rule: 'medcom-event-profile' },
  },
  {
    name: 'an event code no MedCom standard has',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.eventCoding.code', 'discharge-letter-message'),
    expect: { path: 'Bundle.entry[0].resource.eventCoding.code', code: 'input' },
  },
  {
    name: 'an eventCoding with another code system',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.eventCoding.system', 'http://example.org/events'),
    expect: { path: 'Bundle.entry[0].resource.eventCoding', code: 'pattern' },
  },
  {
    name: 'an eventCoding without a system',
    example: CC,
    mutate: (b) => remove(b, 'entry[0].resource.eventCoding.system'),
    expect: { path: 'Bundle.entry[0].resource.eventCoding.system', code: 'cardinality' },
  },
  {
    name: 'a cc destination in a HospitalNotification',
    example: HN,
    mutate: (b) => push(b, 'entry[0].resource.destination', ccDestination(b)),
    expect: { path: 'Bundle.entry[0].resource.destination', code: 'slicing' },
  },
  {
    name: 'a HospitalNotification destination that is not primary (medcom-hospitalNotification-5)',
    example: HN,
    mutate: (b) => push(b, 'entry[0].resource.destination', ccDestination(b)),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-hospitalNotification-5' },
  },
  {
    name: 'a cc receiver that is also the primary receiver',
    example: MSG,
    mutate: (b) => push(b, 'entry[0].resource.destination', ccDestination(b)),
    expect: { path: 'Bundle.entry[0].resource.destination[1]', code: 'governance', rule: 'medcom-cc-not-primary' },
  },
  {
    name: 'a destination with an unknown use code (closed slicing)',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.destination[0].extension[0].valueCoding.code', 'bcc'),
    expect: { path: 'Bundle.entry[0].resource.destination[0]', code: 'slicing' },
  },
  {
    name: 'two primary destinations',
    example: CC,
    mutate: (b) => push(b, 'entry[0].resource.destination', copy(b, 'entry[0].resource.destination[0]')),
    expect: { path: 'Bundle.entry[0].resource.destination', code: 'governance', rule: 'medcom-primary-destination' },
  },
  {
    name: 'a destination without a receiver',
    example: HN,
    mutate: (b) => remove(b, 'entry[0].resource.destination[0].receiver'),
    expect: { path: 'Bundle.entry[0].resource.destination[0].receiver', code: 'cardinality' },
  },
  {
    name: 'a destination use extension with another code system',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.destination[0].extension[0].valueCoding.system', 'http://example.org/use'),
    expect: { path: 'Bundle.entry[0].resource.destination[0].extension[0].valueCoding.system', code: 'pattern' },
  },
  {
    name: 'MessageHeader.sender is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[0].resource.sender'),
    expect: { path: 'Bundle.entry[0].resource.sender', code: 'cardinality' },
  },
  {
    name: 'MessageHeader.source.endpoint is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[0].resource.source.endpoint'),
    expect: { path: 'Bundle.entry[0].resource.source.endpoint', code: 'cardinality' },
  },
  {
    name: 'MessageHeader.id is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[0].resource.id'),
    expect: { path: 'Bundle.entry[0].resource.id', code: 'cardinality' },
  },
  {
    name: 'the focus is not an Encounter',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.focus[0].reference', ref(b, 1)),
    expect: { path: 'Bundle.entry[0].resource.focus[0].reference', code: 'reference' },
  },
  {
    name: 'the focus is a bundled resource of the wrong type',
    example: HCO,
    mutate: (b) => set(b, 'entry[0].resource.focus[0].reference', ref(b, 8)),
    expect: { path: 'Bundle.entry[0].resource.focus', code: 'governance', rule: 'medcom-one-focus' },
  },
  {
    name: 'two focus references',
    example: HN,
    mutate: (b) => push(b, 'entry[0].resource.focus', copy(b, 'entry[0].resource.focus[0]')),
    expect: { path: 'Bundle.entry[0].resource.focus', code: 'cardinality' },
  },
  {
    name: 'a CareCommunication definition of version 4.0',
    example: CC,
    mutate: (b) =>
      set(b, 'entry[0].resource.definition', String(get(b, 'entry[0].resource.definition')).replace('|5.0', '|4.0')),
    expect: { path: 'Bundle.entry[0].resource.definition', code: 'governance', rule: 'medcom-definition-url' },
  },
  {
    name: "a CareCommunication definition without the '|' before the version",
    example: CC,
    mutate: (b) =>
      set(b, 'entry[0].resource.definition', String(get(b, 'entry[0].resource.definition')).replace('|5.0', '5.0')),
    expect: { path: 'Bundle.entry[0].resource.definition', code: 'governance', rule: 'medcom-definition-url' },
  },
  {
    name: 'a CareCommunication definition that is not the MessageDefinition',
    example: CC,
    mutate: (b) => set(b, 'entry[0].resource.definition', 'http://example.org/MessageDefinition/x'),
    expect: {
      path: 'Bundle.entry[0].resource.definition',
      code: 'invariant',
      rule: 'medcom-carecommunication-definition-url',
    },
  },
  {
    name: 'a CareCommunication without definition',
    example: CC,
    mutate: (b) => remove(b, 'entry[0].resource.definition'),
    expect: { path: 'Bundle.entry[0].resource.definition', code: 'cardinality' },
  },
  {
    name: 'a HomeCareObservation definition of version 2.0',
    example: HCO,
    mutate: (b) =>
      set(b, 'entry[0].resource.definition', String(get(b, 'entry[0].resource.definition')).replace('|1.1', '|2.0')),
    expect: { path: 'Bundle.entry[0].resource.definition', code: 'governance', rule: 'medcom-definition-url' },
  },
  {
    name: 'a CareCommunication MessageHeader without its profile (medcom-careCommunication-1)',
    example: CC,
    mutate: (b) =>
      set(b, 'entry[0].resource.meta.profile', [
        'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader',
      ]),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-1' },
  },
  {
    name: 'an extension with both a value and nested extensions (ext-1)',
    example: HN,
    mutate: (b) =>
      set(b, 'entry[0].resource.extension[0].extension', [{ url: 'http://example.org/x', valueString: 'y' }]),
    expect: { path: 'Bundle.entry[0].resource.extension[0]', code: 'invariant', rule: 'ext-1' },
  },
  {
    name: 'an extension without url',
    example: HN,
    mutate: (b) => remove(b, 'entry[0].resource.extension[0].url'),
    expect: { path: 'Bundle.entry[0].resource.extension[0].url', code: 'cardinality' },
  },
  {
    name: 'a boolean given as a string',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.extension[0].valueBoolean', 'true'),
    expect: { path: 'Bundle.entry[0].resource.extension[0].valueBoolean', code: 'value' },
  },
  {
    name: 'a reportOfAdmission extension with a string value',
    example: HN,
    mutate: (b) => {
      remove(b, 'entry[0].resource.extension[0].valueBoolean');
      set(b, 'entry[0].resource.extension[0].valueString', 'yes');
    },
    expect: { path: 'Bundle.entry[0].resource.extension[0].valueString', code: 'structure' },
  },
  {
    name: 'a single object where FHIR JSON needs an array',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.focus', get(b, 'entry[0].resource.focus[0]')),
    expect: { path: 'Bundle.entry[0].resource.focus', code: 'structure' },
  },
  {
    name: 'a url with a space',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.source.endpoint', 'https://sor2.sum.dsdn.dk/#id=2651 61000016000'),
    expect: { path: 'Bundle.entry[0].resource.source.endpoint', code: 'value' },
  },
  {
    name: 'a Coding.version given as a number',
    example: HN,
    mutate: (b) => set(b, 'entry[0].resource.destination[0].extension[0].valueCoding.version', 5),
    expect: { path: 'Bundle.entry[0].resource.destination[0].extension[0].valueCoding.version', code: 'value' },
  },
  {
    name: 'meta.profile that is not an array',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.meta.profile', get(b, 'entry[2].resource.meta.profile[0]')),
    expect: { path: 'Bundle.entry[2].resource.meta.profile', code: 'structure' },
  },

  // ---- Narrative --------------------------------------------------------------------------------------------
  {
    name: 'a resource without narrative',
    example: HN,
    mutate: (b) => remove(b, 'entry[2].resource.text'),
    expect: { path: 'Bundle.entry[2].resource.text', code: 'narrative', rule: 'medcom-narrative' },
  },
  {
    name: 'a narrative with status empty',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.text.status', 'empty'),
    expect: { path: 'Bundle.entry[2].resource.text.status', code: 'narrative', rule: 'medcom-narrative' },
  },
  {
    name: 'a narrative status that is not a narrative-status code',
    example: ACK_FATAL,
    mutate: (b) => set(b, 'entry[5].resource.text.status', 'pending'),
    expect: { path: 'Bundle.entry[5].resource.text.status', code: 'narrative', rule: 'medcom-narrative' },
  },
  {
    name: 'a narrative div without content (txt-2)',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.text.div', '<div xmlns="http://www.w3.org/1999/xhtml"> </div>'),
    expect: { path: 'Bundle.entry[1].resource.text.div', code: 'invariant', rule: 'txt-2' },
  },
  {
    name: 'a script in the narrative (txt-1)',
    example: HCO,
    mutate: (b) =>
      set(
        b,
        'entry[2].resource.text.div',
        '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script>Report</div>',
      ),
    expect: { path: 'Bundle.entry[2].resource.text.div', code: 'invariant', rule: 'txt-1' },
  },
  {
    name: 'a narrative that is not a div',
    example: ACK_OK,
    mutate: (b) => set(b, 'entry[0].resource.text.div', '<p>Acknowledgement</p>'),
    expect: { path: 'Bundle.entry[0].resource.text.div', code: 'value' },
  },

  // ---- HospitalNotification Encounter -----------------------------------------------------------------------
  {
    name: 'Encounter.class is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[2].resource.class'),
    expect: { path: 'Bundle.entry[2].resource.class', code: 'cardinality' },
  },
  {
    name: 'Encounter.class is ambulatory',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.class.code', 'AMB'),
    expect: { path: 'Bundle.entry[2].resource.class', code: 'binding' },
  },
  {
    name: 'Encounter.status planned',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.status', 'planned'),
    expect: { path: 'Bundle.entry[2].resource.status', code: 'binding' },
  },
  {
    name: 'Encounter.status is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[2].resource.status'),
    expect: { path: 'Bundle.entry[2].resource.status', code: 'cardinality' },
  },
  {
    name: 'Encounter.type in a HospitalNotification',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.type', [{ text: 'Indlæggelse' }]),
    expect: { path: 'Bundle.entry[2].resource.type', code: 'cardinality' },
  },
  {
    name: 'Encounter.diagnosis in a HospitalNotification',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.diagnosis', [{ condition: { display: 'Hjerteinfarkt' } }]),
    expect: { path: 'Bundle.entry[2].resource.diagnosis', code: 'cardinality' },
  },
  {
    name: 'Encounter.hospitalization in a HospitalNotification',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.hospitalization', { admitSource: { text: 'Akut' } }),
    expect: { path: 'Bundle.entry[2].resource.hospitalization', code: 'cardinality' },
  },
  {
    name: 'Encounter.period.start is missing',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.period', { end: '2022-12-08T12:00:00+02:00' }),
    expect: { path: 'Bundle.entry[2].resource.period.start', code: 'cardinality' },
  },
  {
    name: 'Encounter.serviceProvider is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[2].resource.serviceProvider'),
    expect: { path: 'Bundle.entry[2].resource.serviceProvider', code: 'cardinality' },
  },
  {
    name: 'Encounter.episodeOfCare is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[2].resource.episodeOfCare'),
    expect: { path: 'Bundle.entry[2].resource.episodeOfCare', code: 'cardinality' },
  },
  {
    name: 'an episodeOfCare reference instead of an identifier',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.episodeOfCare[0].reference', 'EpisodeOfCare/1'),
    expect: { path: 'Bundle.entry[2].resource.episodeOfCare[0].reference', code: 'cardinality' },
  },
  {
    name: 'an LPR3 episode-of-care id that is not a UUID version 5',
    example: HN,
    mutate: (b) =>
      push(b, 'entry[2].resource.episodeOfCare', {
        identifier: { system: LPR3, value: 'urn:uuid:bd481c38-a921-11ed-afa1-0242ac120002' },
      }),
    expect: { path: 'Bundle.entry[2].resource.episodeOfCare[1].identifier.value', code: 'invariant', rule: 'uuidv5' },
  },
  {
    name: 'Encounter.subject is an Organization',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.subject.reference', ref(b, 4)),
    expect: { path: 'Bundle.entry[2].resource.subject.reference', code: 'reference' },
  },
  {
    name: 'status onleave without a leave period',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.status', 'onleave'),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-hospitalNotification-6' },
  },
  {
    name: 'a leave period without start',
    example: HN_LEAVE,
    mutate: (b) => set(b, 'entry[2].resource.extension[0].valuePeriod', { end: '2022-12-14T14:00:10+02:00' }),
    expect: { path: 'Bundle.entry[2].resource.extension[0].valuePeriod.start', code: 'cardinality' },
  },
  {
    name: 'an unknown element',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.colour', 'blue'),
    expect: { path: 'Bundle.entry[2].resource.colour', code: 'structure' },
  },
  {
    name: 'an array where a single value is expected',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.class', [get(b, 'entry[2].resource.class')]),
    expect: { path: 'Bundle.entry[2].resource.class', code: 'structure' },
  },
  {
    name: 'primitive extras beside a complex element',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource._class', { id: 'c1' }),
    expect: { path: 'Bundle.entry[2].resource._class', code: 'structure' },
  },
  {
    name: 'a bad id',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.id', 'bad id!'),
    expect: { path: 'Bundle.entry[2].resource.id', code: 'value' },
  },
  {
    name: 'a meta.lastUpdated that is not an instant',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.meta.lastUpdated', 'yesterday'),
    expect: { path: 'Bundle.entry[2].resource.meta.lastUpdated', code: 'value' },
  },
  {
    name: 'a contained resource nothing refers to (dom-3)',
    example: HN,
    mutate: (b) => set(b, 'entry[2].resource.contained', [{ resourceType: 'Basic', id: 'c1', code: { text: 'x' } }]),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'dom-3' },
  },

  // ---- Patient ------------------------------------------------------------------------------------------------
  {
    name: 'a CPR number with an invalid date',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.identifier[0].value', '3213479989'),
    expect: { path: 'Bundle.entry[1].resource.identifier[0].value', code: 'identifier', rule: 'identifier-date' },
  },
  {
    name: 'a CPR number with 9 digits',
    example: HCO,
    mutate: (b) => set(b, 'entry[1].resource.identifier[0].value', '250947998'),
    expect: { path: 'Bundle.entry[1].resource.identifier[0].value', code: 'identifier', rule: 'identifier-length' },
  },
  {
    name: 'two CPR identifiers',
    example: HN,
    mutate: (b) => push(b, 'entry[1].resource.identifier', copy(b, 'entry[1].resource.identifier[0]')),
    expect: { path: 'Bundle.entry[1].resource.identifier', code: 'slicing' },
  },
  {
    name: 'Patient.name is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[1].resource.name'),
    expect: { path: 'Bundle.entry[1].resource.name', code: 'cardinality' },
  },
  {
    name: 'no official name',
    example: CC,
    mutate: (b) => remove(b, 'entry[1].resource.name[0].use'),
    expect: { path: 'Bundle.entry[1].resource.name', code: 'slicing' },
  },
  {
    name: 'an official name without family',
    example: HN,
    mutate: (b) => remove(b, 'entry[1].resource.name[0].family'),
    expect: { path: 'Bundle.entry[1].resource.name[0].family', code: 'cardinality' },
  },
  {
    name: 'a given name that is null',
    example: CC,
    mutate: (b) => set(b, 'entry[1].resource.name[0].given', [null]),
    expect: { path: 'Bundle.entry[1].resource.name[0].given[0]', code: 'structure', rule: 'ele-1' },
  },
  {
    name: 'a gender outside the value set',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.gender', 'x'),
    expect: { path: 'Bundle.entry[1].resource.gender', code: 'binding' },
  },
  {
    name: 'a birthDate that is not a date (here the CPR number itself)',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.birthDate', get(b, 'entry[1].resource.identifier[0].value')),
    expect: { path: 'Bundle.entry[1].resource.birthDate', code: 'value' },
  },
  {
    name: 'a choice type base FHIR does not allow',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.deceasedString', 'yes'),
    expect: { path: 'Bundle.entry[1].resource.deceasedString', code: 'structure' },
  },
  {
    name: 'two types of one choice element',
    example: HN,
    mutate: (b) => {
      set(b, 'entry[1].resource.deceasedBoolean', true);
      set(b, 'entry[1].resource.deceasedDateTime', '2022-12-07T12:00:00+02:00');
    },
    expect: { path: 'Bundle.entry[1].resource.deceasedDateTime', code: 'structure' },
  },
  {
    name: 'an integer beyond 32 bits',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.multipleBirthInteger', 3_000_000_000),
    expect: { path: 'Bundle.entry[1].resource.multipleBirthInteger', code: 'value' },
  },
  {
    name: 'a telecom value without system (cpt-2)',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.telecom', [{ value: '38683868' }]),
    expect: { path: 'Bundle.entry[1].resource.telecom[0]', code: 'invariant', rule: 'cpt-2' },
  },
  {
    name: 'a Patient contact with no details (pat-1)',
    example: HN,
    mutate: (b) => set(b, 'entry[1].resource.contact', [{ gender: 'female' }]),
    expect: { path: 'Bundle.entry[1].resource.contact[0]', code: 'invariant', rule: 'pat-1' },
  },

  // ---- Organization -------------------------------------------------------------------------------------------
  {
    name: 'a GLN with a bad check digit',
    example: HN,
    mutate: (b) => set(b, 'entry[3].resource.identifier[0].value', '5790001348121'),
    expect: {
      path: 'Bundle.entry[3].resource.identifier[0].value',
      code: 'identifier',
      rule: 'identifier-check-digit',
    },
  },
  {
    name: 'a receiver without a valid GLN',
    example: ACK_OK,
    mutate: (b) => set(b, 'entry[4].resource.identifier[0].value', '5790000209355'),
    expect: { path: 'Bundle.entry[4].resource.identifier', code: 'governance', rule: 'medcom-organization-gln' },
  },
  {
    name: 'an Organization without EAN identifier',
    example: HN,
    mutate: (b) => remove(b, 'entry[3].resource.identifier[0]'),
    expect: { path: 'Bundle.entry[3].resource.identifier', code: 'slicing' },
  },
  {
    name: 'SOR missing on the sender',
    example: HN,
    mutate: (b) => remove(b, 'entry[4].resource.identifier[1]'),
    expect: { path: 'Bundle.entry[4].resource.identifier', code: 'governance', rule: 'medcom-organization-sor' },
  },
  {
    name: 'an Organization with neither SOR nor KOMBIT id (dk-core-organization-mandatory-identifier)',
    example: CC,
    mutate: (b) => set(b, 'entry[5].resource.identifier[1]', { system: 'urn:oid:1.2.208.176.1.4', value: '061654' }),
    expect: { path: 'Bundle.entry[5].resource', code: 'invariant', rule: 'dk-core-organization-mandatory-identifier' },
  },
  {
    name: 'a SOR id that is too short',
    example: HN,
    mutate: (b) => set(b, 'entry[4].resource.identifier[1].value', '2651610'),
    expect: { path: 'Bundle.entry[4].resource.identifier[1].value', code: 'identifier', rule: 'identifier-length' },
  },
  {
    name: 'two EAN identifiers',
    example: HN,
    mutate: (b) => push(b, 'entry[4].resource.identifier', { system: GLN, value: '5790001348120' }),
    expect: { path: 'Bundle.entry[4].resource.identifier', code: 'slicing' },
  },
  {
    name: 'an empty string value',
    example: HN,
    mutate: (b) => set(b, 'entry[3].resource.name', ''),
    expect: { path: 'Bundle.entry[3].resource.name', code: 'value' },
  },
  {
    name: 'an Organization with a home address (org-2)',
    example: HN,
    mutate: (b) => set(b, 'entry[3].resource.address', [{ use: 'home', city: 'Herlev' }]),
    expect: { path: 'Bundle.entry[3].resource.address[0]', code: 'invariant', rule: 'org-2' },
  },
  {
    name: 'an Organization with a home phone (org-3)',
    example: HN,
    mutate: (b) => set(b, 'entry[3].resource.telecom', [{ system: 'phone', value: '38683868', use: 'home' }]),
    expect: { path: 'Bundle.entry[3].resource.telecom[0]', code: 'invariant', rule: 'org-3' },
  },

  // ---- Provenance ---------------------------------------------------------------------------------------------
  {
    name: 'a dateTime without time zone',
    example: HN,
    mutate: (b) => set(b, 'entry[5].resource.occurredDateTime', '2023-01-01T10:00:00'),
    expect: { path: 'Bundle.entry[5].resource.occurredDateTime', code: 'value' },
  },
  {
    name: 'a dateTime on a day the calendar does not have',
    example: HN,
    mutate: (b) => set(b, 'entry[5].resource.occurredDateTime', '2023-02-30T10:00:00+01:00'),
    expect: { path: 'Bundle.entry[5].resource.occurredDateTime', code: 'value' },
  },
  {
    name: 'a ContactPoint.system outside the base R4 required binding',
    example: CC,
    mutate: (b) => set(b, 'entry[1].resource.telecom', [{ system: 'telegraph', value: '38683868' }]),
    expect: { path: 'Bundle.entry[1].resource.telecom[0].system', code: 'binding' },
  },
  {
    name: 'an instant without time zone',
    example: HN,
    mutate: (b) => set(b, 'entry[5].resource.recorded', '2022-12-07T12:00:02'),
    expect: { path: 'Bundle.entry[5].resource.recorded', code: 'value' },
  },
  {
    name: 'Provenance.recorded is missing',
    example: HN,
    mutate: (b) => remove(b, 'entry[5].resource.recorded'),
    expect: { path: 'Bundle.entry[5].resource.recorded', code: 'cardinality' },
  },
  {
    name: 'occurredPeriod instead of occurredDateTime',
    example: HN,
    mutate: (b) => {
      remove(b, 'entry[5].resource.occurredDateTime');
      set(b, 'entry[5].resource.occurredPeriod', { start: '2022-12-07T12:00:02+02:00' });
    },
    expect: { path: 'Bundle.entry[5].resource.occurredPeriod', code: 'slicing' },
  },
  {
    name: 'an unknown activity code',
    example: HN,
    mutate: (b) => set(b, 'entry[5].resource.activity.coding[0].code', 'teleport'),
    expect: { path: 'Bundle.entry[5].resource.activity', code: 'binding' },
  },
  {
    name: 'a HospitalNotification activity from another standard',
    example: HN,
    mutate: (b) => set(b, 'entry[5].resource.activity.coding[0].code', 'new-message'),
    expect: {
      path: 'Bundle.entry[5].resource.activity',
      code: 'governance',
      rule: 'medcom-hospitalNotification-activity',
    },
  },
  {
    name: 'a CareCommunication activity dropped in 5.x',
    example: CC,
    mutate: (b) => set(b, 'entry[7].resource.activity.coding[0].code', 'modified-message'),
    expect: { path: 'Bundle.entry[7].resource.activity', code: 'binding' },
  },
  {
    name: 'a HomeCareObservation activity outside its value set (medcom-homecareObsMessage-2)',
    example: HCO,
    mutate: (b) => set(b, 'entry[7].resource.activity.coding[0].code', 'forward-message'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-homecareObsMessage-2' },
  },
  {
    name: 'two activity codings',
    example: CC,
    mutate: (b) => push(b, 'entry[7].resource.activity.coding', { system: ACTIVITY_CODES, code: 'reply-message' }),
    expect: { path: 'Bundle.entry[7].resource.activity.coding', code: 'cardinality' },
  },
  {
    name: 'two Provenance targets',
    example: HN,
    mutate: (b) => push(b, 'entry[5].resource.target', { reference: ref(b, 2) }),
    expect: { path: 'Bundle.entry[5].resource.target', code: 'cardinality' },
  },
  {
    name: 'a Provenance agent that is the Patient',
    example: HN,
    mutate: (b) => set(b, 'entry[5].resource.agent[0].who.reference', ref(b, 1)),
    expect: { path: 'Bundle.entry[5].resource.agent[0].who.reference', code: 'reference' },
  },
  {
    name: 'a Provenance entity role outside the value set',
    example: HN_REVISE,
    mutate: (b) => set(b, 'entry[5].resource.entity[0].role', 'sideways'),
    expect: { path: 'Bundle.entry[5].resource.entity[0].role', code: 'binding' },
  },
  {
    name: 'a CareCommunication Provenance without entity',
    example: CC,
    mutate: (b) => remove(b, 'entry[7].resource.entity'),
    expect: { path: 'Bundle.entry[7].resource.entity', code: 'cardinality' },
  },
  {
    name: 'a CareCommunication Provenance entity of an unknown role (closed slicing)',
    example: CC,
    mutate: (b) => push(b, 'entry[7].resource.entity', { role: 'derivation', what: { reference: ref(b, 2) } }),
    expect: { path: 'Bundle.entry[7].resource.entity[1]', code: 'slicing' },
  },
  {
    name: 'a CareCommunication Provenance with the messaging profile (medcom-careCommunication-3)',
    example: CC,
    mutate: (b) =>
      set(b, 'entry[7].resource.meta.profile', [
        'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance',
      ]),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-3' },
  },

  // ---- CareCommunication Communication --------------------------------------------------------------------------
  {
    name: 'category other without topic',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.category[0].coding[0].code', 'other'),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-careCommunication-6' },
  },
  {
    name: 'priority asap without regarding-referral',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.priority', 'asap'),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-careCommunication-5' },
  },
  {
    name: 'a priority outside the value set',
    example: CC_FULL,
    mutate: (b) => set(b, 'entry[2].resource.priority', 'stat'),
    expect: { path: 'Bundle.entry[2].resource.priority', code: 'binding' },
  },
  {
    name: 'Communication.status not unknown',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.status', 'completed'),
    expect: { path: 'Bundle.entry[2].resource.status', code: 'pattern' },
  },
  {
    name: 'Communication.category is missing',
    example: CC,
    mutate: (b) => remove(b, 'entry[2].resource.category'),
    expect: { path: 'Bundle.entry[2].resource.category', code: 'cardinality' },
  },
  {
    name: 'a category outside the value set',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.category[0].coding[0].code', 'gossip'),
    expect: { path: 'Bundle.entry[2].resource.category[0]', code: 'binding' },
  },
  {
    name: 'two category codings',
    example: CC,
    mutate: (b) => push(b, 'entry[2].resource.category[0].coding', { system: CATEGORY_CODES, code: 'other' }),
    expect: { path: 'Bundle.entry[2].resource.category[0].coding', code: 'cardinality' },
  },
  {
    name: 'Communication.subject is missing',
    example: CC,
    mutate: (b) => remove(b, 'entry[2].resource.subject'),
    expect: { path: 'Bundle.entry[2].resource.subject', code: 'cardinality' },
  },
  {
    name: 'a Communication identifier that is not a urn:uuid',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.identifier[0].value', 'cefe0dee-13b5-4bec-a843-09b4d58e4fe6'),
    expect: { path: 'Bundle.entry[2].resource.identifier[0]', code: 'invariant', rule: 'medcom-uuidv4' },
  },
  {
    name: 'two Communication identifiers',
    example: CC,
    mutate: (b) => push(b, 'entry[2].resource.identifier', { value: 'urn:uuid:cefe0dee-13b5-4bec-a843-09b4d58e4fe7' }),
    expect: { path: 'Bundle.entry[2].resource.identifier', code: 'cardinality' },
  },
  {
    name: 'a payload without the date extension',
    example: CC,
    mutate: (b) => remove(b, 'entry[2].resource.payload[0].extension[0]'),
    expect: { path: 'Bundle.entry[2].resource.payload[0].extension', code: 'slicing' },
  },
  {
    name: 'a payload date without time zone',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.payload[0].extension[0].valueDateTime', '2024-06-01T13:55:00'),
    expect: { path: 'Bundle.entry[2].resource.payload[0].extension[0].valueDateTime', code: 'value' },
  },
  {
    name: 'a payload identifier that is not a urn:uuid',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.payload[0].extension[1].valueIdentifier.value', '24d01288'),
    expect: {
      path: 'Bundle.entry[2].resource.payload[0].extension[1].valueIdentifier.value',
      code: 'invariant',
      rule: 'medcom-uuidv4',
    },
  },
  {
    name: 'a payload without author extension (medcom-careCommunication-8)',
    example: CC,
    mutate: (b) => remove(b, 'entry[2].resource.payload[0].extension[2]'),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-careCommunication-8' },
  },
  {
    name: 'an author contact that is not a phone',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.payload[0].extension[3].valueContactPoint.system', 'email'),
    expect: { path: 'Bundle.entry[2].resource.payload[0].extension[3].valueContactPoint.system', code: 'pattern' },
  },
  {
    name: 'an empty message text',
    example: CC,
    mutate: (b) => set(b, 'entry[2].resource.payload[0].contentString', ''),
    expect: { path: 'Bundle.entry[2].resource.payload[0].contentString', code: 'value' },
  },
  {
    name: 'no string payload',
    example: CC_FULL,
    mutate: (b) => remove(b, 'entry[2].resource.payload[0]'),
    expect: { path: 'Bundle.entry[2].resource.payload', code: 'slicing' },
  },
  {
    name: 'an attachment contentType outside the MIME value set',
    example: CC_FULL,
    mutate: (b) => set(b, 'entry[2].resource.payload[1].contentAttachment.contentType', 'application/x-msdownload'),
    expect: { path: 'Bundle.entry[2].resource.payload[1].contentAttachment.contentType', code: 'binding' },
  },
  {
    name: 'an attachment without title',
    example: CC_FULL,
    mutate: (b) => remove(b, 'entry[2].resource.payload[1].contentAttachment.title'),
    expect: { path: 'Bundle.entry[2].resource.payload[1].contentAttachment.title', code: 'cardinality' },
  },
  {
    name: 'attachment data that is not base64',
    example: CC_FULL,
    mutate: (b) => set(b, 'entry[2].resource.payload[1].contentAttachment.data', 'not base64!'),
    expect: { path: 'Bundle.entry[2].resource.payload[1].contentAttachment.data', code: 'value' },
  },
  {
    name: 'two recipients',
    example: CC_FULL,
    mutate: (b) => push(b, 'entry[2].resource.recipient', copy(b, 'entry[2].resource.recipient[0]')),
    expect: { path: 'Bundle.entry[2].resource.recipient', code: 'cardinality' },
  },
  {
    name: 'a recipient that does not belong to the receiver (medcom-careCommunication-12)',
    example: CC_FULL,
    mutate: (b) => set(b, 'entry[6].resource.managingOrganization[0].reference', ref(b, 8)),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-12' },
  },
  {
    name: 'a sender extension that does not belong to the sender (medcom-careCommunication-11)',
    example: CC_FULL,
    mutate: (b) => set(b, 'entry[4].resource.organization.reference', ref(b, 7)),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-11' },
  },
  {
    name: 'an Encounter without episode-of-care identifier (medcom-careCommunication-9)',
    example: CC_FULL,
    mutate: (b) => remove(b, 'entry[3].resource.episodeOfCare'),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-careCommunication-9' },
  },
  {
    name: 'a Communication.encounter without reference (medcom-careCommunication-15)',
    example: CC_FULL,
    mutate: (b) => set(b, 'entry[2].resource.encounter', { display: 'Indlæggelse' }),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-careCommunication-15' },
  },
  {
    name: 'an author role with both code and text (medcom-careCommunication-7)',
    example: CC,
    mutate: (b) => set(b, 'entry[3].resource.code[0].text', 'Sygeplejerske'),
    expect: { path: 'Bundle.entry[2].resource', code: 'invariant', rule: 'medcom-careCommunication-7' },
  },
  {
    name: 'a Practitioner without name (medcom-careCommunication-4)',
    example: CC,
    mutate: (b) => remove(b, 'entry[4].resource.name'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-4' },
  },
  {
    name: 'a PractitionerRole without practitioner (medcom-careCommunication-13)',
    example: CC,
    mutate: (b) => remove(b, 'entry[3].resource.practitioner'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-careCommunication-13' },
  },

  // ---- Acknowledgement ------------------------------------------------------------------------------------------
  {
    name: 'a non-ok acknowledgement without OperationOutcome',
    example: ACK_OK,
    mutate: (b) => set(b, 'entry[0].resource.response.code', 'fatal-error'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-acknowledgement-1' },
  },
  {
    name: 'an acknowledgement without response',
    example: ACK_OK,
    mutate: (b) => remove(b, 'entry[0].resource.response'),
    expect: { path: 'Bundle.entry[0].resource.response', code: 'cardinality' },
  },
  {
    name: 'a response code outside the response-code value set',
    example: ACK_FATAL,
    mutate: (b) => set(b, 'entry[0].resource.response.code', 'maybe'),
    expect: { path: 'Bundle.entry[0].resource.response.code', code: 'binding' },
  },
  {
    name: 'an acknowledgement header that does not conform (medcom-acknowledgement-2)',
    example: ACK_FATAL,
    mutate: (b) => remove(b, 'entry[0].resource.response.identifier'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-acknowledgement-2' },
  },
  {
    name: 'an OperationOutcome issue severity outside the value set',
    example: ACK_FATAL,
    mutate: (b) => set(b, 'entry[5].resource.issue[0].severity', 'catastrophic'),
    expect: { path: 'Bundle.entry[5].resource.issue[0].severity', code: 'binding' },
  },
  {
    name: 'an OperationOutcome issue code outside the value set',
    example: ACK_FATAL,
    mutate: (b) => set(b, 'entry[5].resource.issue[0].code', 'oops'),
    expect: { path: 'Bundle.entry[5].resource.issue[0].code', code: 'binding' },
  },
  {
    name: 'an unknown acknowledgement error code',
    example: ACK_FATAL,
    mutate: (b) => set(b, 'entry[5].resource.issue[0].details.coding[0].code', 'MSG_SOMETHING'),
    expect: { path: 'Bundle.entry[5].resource.issue[0].details.coding[0]', code: 'binding' },
  },

  // ---- HomeCareObservation --------------------------------------------------------------------------------------
  {
    name: 'an Observation without code',
    example: HCO,
    mutate: (b) => remove(b, 'entry[8].resource.code'),
    expect: { path: 'Bundle.entry[8].resource.code', code: 'cardinality' },
  },
  {
    name: 'a quantity without unit (dk-core-observation-mandatory-units)',
    example: HCO,
    mutate: (b) => remove(b, 'entry[8].resource.valueQuantity.unit'),
    expect: { path: 'Bundle.entry[8].resource', code: 'invariant', rule: 'dk-core-observation-mandatory-units' },
  },
  {
    name: 'a quantity with a unit system other than UCUM',
    example: HCO,
    mutate: (b) => set(b, 'entry[11].resource.valueQuantity.system', 'http://example.org/units'),
    expect: { path: 'Bundle.entry[11].resource.valueQuantity.system', code: 'pattern' },
  },
  {
    name: 'a quantity value given as a string',
    example: HCO,
    mutate: (b) => set(b, 'entry[8].resource.valueQuantity.value', '19'),
    expect: { path: 'Bundle.entry[8].resource.valueQuantity.value', code: 'value' },
  },
  {
    name: 'an Observation value of a type the closed slicing does not allow',
    example: HCO,
    mutate: (b) => {
      remove(b, 'entry[8].resource.valueQuantity');
      set(b, 'entry[8].resource.valueBoolean', true);
    },
    expect: { path: 'Bundle.entry[8].resource.valueBoolean', code: 'slicing' },
  },
  {
    name: 'an interpretation other than NI',
    example: HCO,
    mutate: (b) => set(b, 'entry[8].resource.interpretation[0].coding[0].code', 'H'),
    expect: { path: 'Bundle.entry[8].resource.interpretation[0].coding[0].code', code: 'pattern' },
  },
  {
    name: 'a LOINC coding without code',
    example: HCO,
    mutate: (b) => push(b, 'entry[8].resource.code.coding', { system: 'http://loinc.org' }),
    expect: { path: 'Bundle.entry[8].resource.code.coding[1].code', code: 'cardinality' },
  },
  {
    name: 'an Observation without subject',
    example: HCO,
    mutate: (b) => remove(b, 'entry[9].resource.subject'),
    expect: { path: 'Bundle.entry[9].resource.subject', code: 'cardinality' },
  },
  {
    name: 'a DiagnosticReport that is not final',
    example: HCO,
    mutate: (b) => set(b, 'entry[2].resource.status', 'preliminary'),
    expect: { path: 'Bundle.entry[2].resource.status', code: 'pattern' },
  },
  {
    name: 'a DiagnosticReport code outside the value set',
    example: HCO,
    mutate: (b) => set(b, 'entry[2].resource.code.coding[0].code', 'Other'),
    expect: { path: 'Bundle.entry[2].resource.code', code: 'binding' },
  },
  {
    name: 'a DiagnosticReport without issued',
    example: HCO,
    mutate: (b) => remove(b, 'entry[2].resource.issued'),
    expect: { path: 'Bundle.entry[2].resource.issued', code: 'cardinality' },
  },
  {
    name: 'a DiagnosticReport with one performer',
    example: HCO,
    mutate: (b) => remove(b, 'entry[2].resource.performer[1]'),
    expect: { path: 'Bundle.entry[2].resource.performer', code: 'cardinality' },
  },
  {
    name: 'a DiagnosticReport result that is not an Observation',
    example: HCO,
    mutate: (b) => set(b, 'entry[2].resource.result[0].reference', ref(b, 1)),
    expect: { path: 'Bundle.entry[2].resource.result[0].reference', code: 'reference' },
  },
  {
    name: 'a DiagnosticReport confidentiality other than restricted',
    example: HCO,
    mutate: (b) =>
      set(b, 'entry[2].resource.meta.security', [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' },
      ]),
    expect: { path: 'Bundle.entry[2].resource.meta.security[0]', code: 'pattern' },
  },
  {
    name: 'a performing PractitionerRole without code (medcom-homecareReport-1)',
    example: HCO,
    mutate: (b) => remove(b, 'entry[3].resource.code'),
    expect: { path: 'Bundle.entry[2].resource.performer[1]', code: 'invariant', rule: 'medcom-homecareReport-1' },
  },
  {
    name: 'a performing Practitioner without name (medcom-homecareReport-2)',
    example: HCO,
    mutate: (b) => remove(b, 'entry[4].resource.name'),
    expect: { path: 'Bundle.entry[2].resource.performer[1]', code: 'invariant', rule: 'medcom-homecareReport-2' },
  },
  {
    name: 'a performing Practitioner without phone (medcom-homecareReport-3)',
    example: HCO,
    mutate: (b) => remove(b, 'entry[4].resource.telecom'),
    expect: { path: 'Bundle.entry[2].resource.performer[1]', code: 'invariant', rule: 'medcom-homecareReport-3' },
  },
  {
    name: 'a requester Organization without Ydernummer',
    example: HCO,
    mutate: (b) => remove(b, 'entry[5].resource.identifier[2]'),
    expect: { path: 'Bundle.entry[5].resource.identifier', code: 'slicing' },
  },
  {
    name: 'a requester Organization without contact',
    example: HCO,
    mutate: (b) => remove(b, 'entry[5].resource.contact'),
    expect: { path: 'Bundle.entry[5].resource.contact', code: 'cardinality' },
  },
  {
    name: 'a producer Organization without ProducentID',
    example: HCO,
    mutate: (b) => remove(b, 'entry[6].resource.identifier[2]'),
    expect: { path: 'Bundle.entry[6].resource.identifier', code: 'cardinality' },
  },
  {
    name: 'a HomeCareObservation header that does not conform (medcom-homecareObsMessage-1)',
    example: HCO,
    mutate: (b) => remove(b, 'entry[0].resource.definition'),
    expect: { path: 'Bundle', code: 'invariant', rule: 'medcom-homecareObsMessage-1' },
  },
  {
    name: 'a Media contentType outside the MIME value set',
    example: HCO_MEDIA,
    mutate: (b) => set(b, 'entry[18].resource.content.contentType', 'application/x-sh'),
    expect: { path: 'Bundle.entry[18].resource.content.contentType', code: 'binding' },
  },
];

// ------------------------------------------------------------------------------------------------------------

const examples = officialExamples();
const baseBundles = new Map<string, JsonObject>();
const baseResults = new Map<string, ValidationResult>();

function baseOf(example: MutationCase['example']): { bundle: JsonObject; result: ValidationResult } {
  const key = `${example.folder}/${example.name}`;
  let bundle = baseBundles.get(key);
  let result = baseResults.get(key);
  if (!bundle || !result) {
    const found = examples.filter((e) => e.folder === example.folder && e.name.startsWith(`Bundle-${example.name}`));
    assert.equal(found.length, 1, `exactly one official example ${key}`);
    bundle = readJson<JsonObject>(found[0]!.json);
    result = validateMessage(structuredClone(bundle));
    baseBundles.set(key, bundle);
    baseResults.set(key, result);
  }
  return { bundle, result };
}

interface Outcome {
  readonly bundle: JsonObject;
  readonly result: ValidationResult;
}
const outcomes = new Map<MutationCase, Outcome>();

function outcomeOf(mutation: MutationCase): Outcome {
  let outcome = outcomes.get(mutation);
  if (!outcome) {
    const bundle = structuredClone(baseOf(mutation.example).bundle);
    mutation.mutate(bundle);
    outcome = { bundle, result: validateMessage(bundle) };
    outcomes.set(mutation, outcome);
  }
  return outcome;
}

/** CPR and eCPR numbers of the Patients in a bundle. */
function patientNumbers(bundle: JsonObject): string[] {
  const entries = Array.isArray(bundle['entry']) ? bundle['entry'] : [];
  return entries.flatMap((entry: unknown) => {
    const resource = isObject(entry) ? entry['resource'] : undefined;
    if (!isObject(resource) || resource['resourceType'] !== 'Patient') return [];
    const identifiers = Array.isArray(resource['identifier']) ? resource['identifier'] : [];
    return identifiers.flatMap((i: unknown) => (isObject(i) && typeof i['value'] === 'string' ? [i['value']] : []));
  });
}

const show = (issues: readonly FhirIssue[]): string =>
  issues.map((i) => `  ${i.severity} ${i.code} ${i.path}${i.rule ? ` [${i.rule}]` : ''}: ${i.message}`).join('\n');

/** The rule an expectation names: its code and rule id, or its code and the element path without indexes. */
function ruleKey(mutation: MutationCase): string {
  const { bundle } = outcomeOf(mutation);
  const { code, rule, path } = mutation.expect;
  if (rule) return `${code} ${rule}`;
  const element = path
    .replace(/^Bundle\.entry\[(\d+)\]\.resource/, (whole, index: string) => {
      const resource = (bundle['entry'] as unknown[])[Number(index)];
      return isObject(resource) && isObject(resource['resource'])
        ? String(resource['resource']['resourceType'])
        : whole;
    })
    .replace(/\[\d+\]/g, '');
  return `${code} ${element}`;
}

describe('validateMessage on mutated official examples', () => {
  it('has distinct case names', () => {
    assert.equal(new Set(cases.map((c) => c.name)).size, cases.length);
  });

  for (const mutation of cases) {
    it(`${mutation.example.folder}: ${mutation.name}`, () => {
      const base = baseOf(mutation.example);
      assert.equal(base.result.ok, true, `the base example is valid:\n${show(base.result.issues)}`);

      const { bundle, result } = outcomeOf(mutation);
      assert.equal(result.ok, false, `the mutation is caught:\n${show(result.issues)}`);
      const { path, code, rule } = mutation.expect;
      const match = result.issues.find(
        (i) => i.severity === 'error' && i.path === path && i.code === code && (rule === undefined || i.rule === rule),
      );
      assert.ok(match, `an error ${code}${rule ? ` [${rule}]` : ''} at ${path}; found:\n${show(result.issues)}`);

      const numbers = [...patientNumbers(base.bundle), ...patientNumbers(bundle)];
      for (const issue of result.issues) {
        for (const number of numbers) assert.ok(!issue.message.includes(number), `no CPR number in: ${issue.message}`);
        assert.ok(
          !/\bundefined\b/.test(`${issue.path} ${issue.message}`),
          `a readable issue: ${issue.path} ${issue.message}`,
        );
      }
    });
  }

  it('covers at least 60 distinct rules', () => {
    const keys = new Set(cases.map(ruleKey));
    assert.ok(keys.size >= 60, `${keys.size} distinct rules`);
  });
});
