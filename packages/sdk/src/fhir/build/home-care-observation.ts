// SPDX-License-Identifier: MIT
// HomeCareObservation 1.2.1 (kommunale prøvesvar): a municipal acute care team's observations, sent to a GP.
import type {
  Bundle,
  DiagnosticReport,
  Media,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Quantity,
} from '@medplum/fhirtypes';
import type * as z from 'zod/mini';
import { YDERNUMMER_SYSTEM } from '../../identifiers/systems.js';
import { parseInput } from './check.js';
import { HomeCareObservationInput, OBSERVATION_CODE_SYSTEMS } from './home-care-observation-input.js';
import type { CheckedOrganization } from './inputs.js';
import { narrative, type NarrativeRow } from './narrative.js';
import { buildContext, instant, type BuildContext, type BuildOptions } from './options.js';
import {
  endpointOf,
  messageBundle,
  messageHeader,
  organization,
  patient,
  provenance,
  referenceTo,
} from './resources.js';
import { profileUrl } from './urls.js';

const TERMINOLOGY = 'http://medcomfhir.dk/ig/terminology/CodeSystem';
const PRODUCENT_ID_SYSTEM = `${TERMINOLOGY}/MedComProducentID`;
const DEFINITION =
  'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1.1';
const UCUM = 'http://unitsofmeasure.org';
const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

type Checked = z.output<typeof HomeCareObservationInput>;
type CheckedObservation = Checked['observations'][number];
type CheckedMedia = NonNullable<Checked['media']>[number];
type Identified<T> = T & { id: string };

/**
 * The input with every odd space (no-break, line separator, vertical tab, …) made a plain space: a FHIR string
 * allows no whitespace but space, tab, CR and LF, and text pasted from word processors is full of them.
 */
function plainSpaces<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[^\S \t\r\n]/g, ' ') as T;
  if (Array.isArray(value)) return value.map(plainSpaces) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainSpaces(v)])) as T;
  }
  return value;
}

const when = (moment: Date | string): string => (typeof moment === 'string' ? moment : instant(moment));
// Danish writes a decimal comma.
const danishNumber = (value: number): string => String(value).replace('.', ',');

function producer(ctx: BuildContext, input: CheckedOrganization): Identified<Organization> {
  const resource = organization(ctx, input, {
    profile: profileUrl('messaging', 'medcom-producer-organization'),
    extraIdentifiers: [{ system: PRODUCENT_ID_SYSTEM, value: 'KAF' }],
  });
  return {
    ...resource,
    text: narrative('Producent', [
      ['Id', resource.id],
      ['Navn', input.name],
      ['SOR', input.sor],
      ['EAN/GLN', input.gln],
      ['ProducentID', 'KAF (Kommunal akutfunktion)'],
    ]),
  };
}

function requester(ctx: BuildContext, input: Checked['receiver']): Identified<Organization> {
  const { ydernummer, contactInitials, ...party } = input;
  const resource = organization(ctx, party, {
    profile: profileUrl('messaging', 'medcom-requesterorganization'),
    extraIdentifiers: [{ system: YDERNUMMER_SYSTEM, value: ydernummer }],
  });
  return {
    ...resource,
    text: narrative('Rekvirent', [
      ['Id', resource.id],
      ['Navn', party.name],
      ['SOR', party.sor],
      ['EAN/GLN', party.gln],
      ['Ydernummer', ydernummer],
      ['Kontaktperson (initialer)', contactInitials ?? 'Ukendt'],
    ]),
    // The profile requires a contact: the requesting GP's initials, or why they are missing.
    contact: [
      contactInitials === undefined
        ? { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'unknown' }] }
        : { name: { given: [contactInitials] } },
    ],
  };
}

function performer(
  ctx: BuildContext,
  input: Checked['performer'],
): { practitioner: Identified<Practitioner>; role: Identified<PractitionerRole> } {
  const id = ctx.newId();
  const given = input.given ?? [];
  const practitioner: Identified<Practitioner> = {
    resourceType: 'Practitioner',
    id,
    meta: { profile: [profileUrl('core', 'medcom-core-practitioner')] },
    text: narrative('Behandler', [
      ['Id', id],
      ['Fornavne', given],
      ['Efternavn', input.family],
      ['Telefon', input.phone],
    ]),
    name: [{ ...(input.family === undefined ? {} : { family: input.family }), ...(given.length > 0 ? { given } : {}) }],
    telecom: [{ system: 'phone', value: input.phone }],
  };
  const roleId = ctx.newId();
  const role: Identified<PractitionerRole> = {
    resourceType: 'PractitionerRole',
    id: roleId,
    meta: { profile: [profileUrl('core', 'medcom-core-practitionerrole')] },
    text: narrative('Behandlerrolle', [
      ['Id', roleId],
      ['Behandler', referenceTo(practitioner).reference],
      ['Rolle', input.role],
    ]),
    practitioner: referenceTo(practitioner),
    code: [{ coding: [{ system: `${TERMINOLOGY}/medcom-core-PractitionerRolesSKSadministrativ`, code: input.role }] }],
  };
  return { practitioner, role };
}

function quantity(o: CheckedObservation, value: number, comparator: boolean): Quantity {
  return {
    value,
    ...(comparator && o.comparator !== undefined ? { comparator: o.comparator } : {}),
    ...(o.unit === undefined ? {} : { unit: o.unit }),
    ...(o.ucum === undefined ? {} : { system: UCUM, code: o.ucum }),
  };
}

/** The unit as a reader sees it; UCUM's `1` means a plain count or score. */
const shownUnit = (o: CheckedObservation): string => o.unit ?? (o.ucum === '1' ? '' : (o.ucum ?? ''));

/** The value as a reader sees it: comparator, number with a decimal comma, unit. */
function shownValue(o: CheckedObservation): string {
  if (typeof o.value === 'string') return o.value;
  return `${o.comparator ?? ''}${danishNumber(o.value)} ${shownUnit(o)}`.trim();
}

function observation(ctx: BuildContext, o: CheckedObservation, subject: Identified<Patient>): Identified<Observation> {
  const id = ctx.newId();
  const range = o.referenceRange;
  const shownRange =
    range === undefined
      ? undefined
      : [
          range.low === undefined && range.high === undefined
            ? undefined
            : `${range.low === undefined ? '' : danishNumber(range.low)}–${range.high === undefined ? '' : danishNumber(range.high)} ${shownUnit(o)}`.trim(),
          range.text,
        ]
          .filter((v) => v !== undefined)
          .join('; ');
  const coding = { system: OBSERVATION_CODE_SYSTEMS[o.code.system], code: o.code.code };
  return {
    resourceType: 'Observation',
    id,
    meta: { profile: [profileUrl('homecareobservation', 'medcom-homecare-observation')] },
    text: narrative('Observation', [
      ['Id', id],
      ['Status', 'Endelig (final)'],
      ['Kode', `${o.code.display === undefined ? '' : `${o.code.display} `}(${coding.system}#${coding.code})`],
      ['Patient', referenceTo(subject).reference],
      ['Tidspunkt', when(o.effective)],
      ['Værdi', shownValue(o)],
      ['Referenceinterval', shownRange],
      ['Fortolkning', 'Ikke fortolket (NI)'],
      ['Kommentar', o.note],
    ]),
    status: 'final',
    code: { coding: [{ ...coding, ...(o.code.display === undefined ? {} : { display: o.code.display }) }] },
    subject: referenceTo(subject),
    effectiveDateTime: when(o.effective),
    ...(typeof o.value === 'number' ? { valueQuantity: quantity(o, o.value, true) } : { valueString: o.value }),
    // The profile fixes the interpretation: the acute care team does not interpret its measurements.
    interpretation: [
      {
        coding: [{ system: `${TERMINOLOGY}/medcom-core-interpretation-codes`, code: 'NI', display: 'Not Interpreted' }],
      },
    ],
    ...(o.note === undefined ? {} : { note: [{ text: o.note }] }),
    ...(range === undefined
      ? {}
      : {
          referenceRange: [
            {
              ...(range.low === undefined ? {} : { low: quantity(o, range.low, false) }),
              ...(range.high === undefined ? {} : { high: quantity(o, range.high, false) }),
              ...(range.text === undefined ? {} : { text: range.text }),
            },
          ],
        }),
  };
}

function media(
  ctx: BuildContext,
  m: CheckedMedia,
  assigner: Identified<Organization>,
  operator: Identified<PractitionerRole>,
): Identified<Media> {
  const id = ctx.newId();
  // medcom-assigned-identifier requires a lowercase urn:uuid.
  const identifier = `urn:uuid:${ctx.newId().toLowerCase()}`;
  return {
    resourceType: 'Media',
    id,
    meta: { profile: [profileUrl('core', 'medcom-core-media')] },
    // Never the base64 content: MedCom keeps attachments out of the narrative.
    text: narrative('Bilag', [
      ['Id', id],
      ['Titel', m.title],
      ['Type', m.contentType],
      ['Oprettet', when(m.creation)],
      ['Identifikator', identifier],
    ]),
    identifier: [{ value: identifier, assigner: referenceTo(assigner) }],
    status: 'completed',
    operator: referenceTo(operator),
    content: { contentType: m.contentType, data: m.data, title: m.title, creation: when(m.creation) },
  };
}

function report(
  ctx: BuildContext,
  input: Checked,
  parts: {
    subject: Identified<Patient>;
    producer: Identified<Organization>;
    role: Identified<PractitionerRole>;
    results: readonly Identified<Observation>[];
    media: readonly Identified<Media>[];
    issued: string;
  },
): Identified<DiagnosticReport> {
  const id = ctx.newId();
  const rows: NarrativeRow[] = [
    ['Id', id],
    ['Rapport', 'Kommunale prøvesvar (HomeCareReport)'],
    ['Status', 'Endelig (final)'],
    ['Patient', referenceTo(parts.subject).reference],
    ['Udstedt', parts.issued],
    ['Udført af', [parts.producer.name, referenceTo(parts.producer).reference, referenceTo(parts.role).reference]],
    ['Resultater', input.observations.map((o) => `${o.code.display ?? o.code.code}: ${shownValue(o)}`)],
    ['Bilag', parts.media.map((m) => m.content.title)],
    ['Klinisk kommentar', input.conclusion],
    ['Fortrolighed', input.consentRefused === true ? 'Begrænset (R): patienten har ikke givet samtykke' : undefined],
  ];
  return {
    resourceType: 'DiagnosticReport',
    id,
    meta: {
      profile: [profileUrl('homecareobservation', 'medcom-homecareobservation-diagnosticreport')],
      ...(input.consentRefused === true
        ? {
            security: [
              { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'Restricted' },
            ],
          }
        : {}),
    },
    text: narrative('Kommunale prøvesvar', rows),
    status: 'final',
    code: { coding: [{ system: `${TERMINOLOGY}/MedComDiagnosticReportCodes`, code: 'HomeCareReport' }] },
    subject: referenceTo(parts.subject),
    issued: parts.issued,
    performer: [referenceTo(parts.producer), referenceTo(parts.role)],
    result: parts.results.map(referenceTo),
    ...(parts.media.length > 0 ? { media: parts.media.map((m) => ({ link: referenceTo(m) })) } : {}),
    ...(input.conclusion === undefined ? {} : { conclusion: input.conclusion }),
  };
}

/**
 * Builds a HomeCareObservation message (HomeCareObservation 1.2.1): a DiagnosticReport (`HomeCareReport`, status
 * final) with one Observation per input observation and a Media per attachment, performed by the sending acute care
 * team (`medcom-producer-organization` with ProducentID KAF) and its nurse (PractitionerRole with an SKS role and a
 * Practitioner with name and phone), for the receiving GP practice (`medcom-requesterorganization` with ydernummer
 * and contact). The MessageHeader names the HomeCareObservation MessageDefinition 1.1; the Provenance says
 * `new-message`, or `modified-message` / `retract-message` with the corrected message as entity when `correction`
 * is given. Bundle, MessageHeader and Provenance times are the clock's now; the report's `issued` too unless given.
 *
 * @param input - The message content, checked first.
 * @param options - Clock and ids.
 * @returns The message Bundle.
 * @throws InputError listing every broken rule with its dotted field, e.g. `observations` (rule `minItems`) or
 *   `observations[0].ucum` (rule `ucum`).
 * @example
 * ```ts
 * const bundle = buildHomeCareObservation({
 *   sender: { name: 'Pleje og Rehabilitering', sor: '1144561000016002', gln: '5790000123117' },
 *   receiver: { name: 'Skødstrup Lægepraksis', sor: '52581000016005', gln: '5790000127092', ydernummer: '061654' },
 *   patient: { cpr: '2509479989', family: 'Elmer' },
 *   performer: { given: ['Mia'], phone: '+45 05577668', role: 'sygeplejerske' },
 *   observations: [
 *     { code: { system: 'npu', code: 'NPU08676' }, value: 38.7, unit: '°C', effective: '2026-11-25T09:24:12+01:00' },
 *   ],
 * });
 * validateMessage(bundle).ok; // true
 * ```
 * @category Builders
 */
export function buildHomeCareObservation(input: HomeCareObservationInput, options: BuildOptions = {}): Bundle {
  const checked = plainSpaces(parseInput(HomeCareObservationInput, input));
  const ctx = buildContext(options);
  const time = instant(ctx.now());

  const subject = patient(ctx, checked.patient);
  const sender = producer(ctx, checked.sender);
  const receiver = requester(ctx, checked.receiver);
  const { practitioner, role } = performer(ctx, checked.performer);
  const results = checked.observations.map((o) => observation(ctx, o, subject));
  const attachments = (checked.media ?? []).map((m) => media(ctx, m, sender, role));
  const diagnosticReport = report(ctx, checked, {
    subject,
    producer: sender,
    role,
    results,
    media: attachments,
    issued: checked.issued === undefined ? time : when(checked.issued),
  });
  const header = messageHeader(ctx, {
    profile: profileUrl('homecareobservation', 'medcom-homecareobservation-messageheader'),
    eventCode: 'homecareobservation-message',
    sender,
    senderEndpoint: endpointOf(checked.sender),
    destinations: [{ use: 'primary', organization: receiver, endpoint: endpointOf(checked.receiver) }],
    focus: [diagnosticReport],
    definition: DEFINITION,
  });
  const correction = checked.correction;
  const history = provenance(ctx, {
    target: header,
    activity:
      correction === undefined ? 'new-message' : correction.kind === 'modify' ? 'modified-message' : 'retract-message',
    agent: sender,
    time,
    ...(correction === undefined
      ? {}
      : {
          entity: [
            {
              role: correction.kind === 'modify' ? 'revision' : 'removal',
              what: { reference: `MessageHeader/${correction.of}` },
            },
          ],
        }),
  });
  return messageBundle(ctx, {
    ig: 'homecareobservation',
    profile: profileUrl('homecareobservation', 'medcom-homecareobservation-message'),
    header,
    resources: [subject, diagnosticReport, role, practitioner, receiver, sender, history, ...results, ...attachments],
    timestamp: time,
  });
}
