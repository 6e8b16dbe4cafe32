// SPDX-License-Identifier: MIT
// The parts every MedCom message shares: parties, the patient and attachments.
import type { Bundle, MessageHeader, Organization, Reference } from '@medplum/fhirtypes';
import {
  CPR_SYSTEM,
  D_ECPR_SYSTEM,
  GLN_SYSTEM_ALTERNATES,
  SOR_SYSTEM,
  X_ECPR_SYSTEM,
} from '../../identifiers/systems.js';
import { summarizePatient } from '../../patient/patient-summary.js';
import { bundleResources, organizationIdentifiers, resolveReference } from './bundle.js';
import type {
  AttachmentDescription,
  AuthorDescription,
  PartyDescription,
  PatientDescription,
  PersonIdentifierDescription,
  ReceiverDescription,
} from './describe-types.js';
import {
  base64ByteLength,
  bool,
  conceptText,
  extension,
  field,
  humanName,
  isObject,
  objects,
  str,
  strings,
  type JsonObject,
} from './describe-values.js';

/** The organisation a reference points to; a logical reference (identifier only) still gives its SOR or GLN. @internal */
export function describeParty(bundle: Bundle, reference: unknown, endpoint?: unknown): PartyDescription | undefined {
  if (!isObject(reference)) return undefined;
  const organization = resolveReference(bundle, reference as Reference, 'Organization');
  const ids = organizationIdentifiers(organization);
  const logical = field(reference, 'identifier');
  const logicalSystem = str(field(logical, 'system'));
  const logicalValue = str(field(logical, 'value'));
  return {
    name: str(organization?.name) ?? str(reference['display']),
    sor: ids.sor ?? (logicalSystem === SOR_SYSTEM ? logicalValue : undefined),
    gln:
      ids.gln ??
      (logicalSystem !== undefined && GLN_SYSTEM_ALTERNATES.includes(logicalSystem) ? logicalValue : undefined),
    endpoint: str(endpoint),
  };
}

/** Every `MessageHeader.destination` as a receiver, with its destination use. @internal */
export function describeReceivers(bundle: Bundle, header: MessageHeader): ReceiverDescription[] {
  const receivers: ReceiverDescription[] = [];
  for (const destination of objects(header.destination)) {
    const use = field(extension(destination, 'medcom-messaging-destinationUseExtension')?.['valueCoding'], 'code');
    const party = describeParty(bundle, destination['receiver']);
    receivers.push({
      name: party?.name ?? str(destination['name']),
      sor: party?.sor,
      gln: party?.gln,
      endpoint: str(destination['endpoint']),
      use: use === 'cc' ? 'cc' : 'primary',
    });
  }
  return receivers;
}

function personKind(system: string): PersonIdentifierDescription['kind'] | undefined {
  if (system === CPR_SYSTEM) return 'cpr';
  if (system === X_ECPR_SYSTEM) return 'x-ecpr';
  if (system === D_ECPR_SYSTEM || system.startsWith(`${D_ECPR_SYSTEM}.`)) return 'd-ecpr';
  return undefined;
}

// Masks letters and digits rather than matching a CPR pattern, so that even a malformed value never survives.
const mask = (value: string): string => value.replace(/[\p{L}\p{N}]/gu, '*');

/** The message's patient: the focus resource's subject, else the first bundled Patient. @internal */
export function describePatient(bundle: Bundle, focus: JsonObject | undefined): PatientDescription | undefined {
  const subject = resolveReference(bundle, field(focus, 'subject') as Reference | undefined, 'Patient');
  const patient = subject ?? bundleResources(bundle).find((resource) => resource.resourceType === 'Patient');
  if (!isObject(patient)) return undefined;

  // The first CPR or eCPR identifier, chosen by system: its value says nothing about its kind.
  let person: { system: string; value: string; kind: PersonIdentifierDescription['kind'] } | undefined;
  for (const candidate of objects(patient['identifier'])) {
    const system = str(candidate['system']);
    const value = str(candidate['value'])?.trim();
    const kind = system === undefined ? undefined : personKind(system);
    if (system !== undefined && value !== undefined && kind !== undefined) {
      person = { system, value, kind };
      break;
    }
  }

  const names = objects(patient['name']);
  const official = names.find((n) => n['use'] === 'official') ?? names[0];
  const summary = summarizePatient({
    patient: {
      name: names.map((n) => ({
        use: str(n['use']),
        text: str(n['text']),
        family: str(n['family']),
        given: strings(n['given']),
      })),
      gender: str(patient['gender']),
      birthDate: str(patient['birthDate']),
    },
    cpr: person?.value,
  });
  const formatted = summary.identifier ?? person?.value;
  const identifier: PersonIdentifierDescription | undefined =
    person === undefined || formatted === undefined
      ? undefined
      : { ...person, formatted, redacted: mask(formatted), valid: summary.identifierValid, sensitive: true };
  const deceasedDateTime = str(patient['deceasedDateTime']);
  return {
    name: summary.name,
    family: str(official?.['family']),
    given: strings(official?.['given']),
    identifier,
    birthDate: summary.birthDate,
    sex: summary.sex,
    deceased: bool(patient['deceasedBoolean']) ?? (deceasedDateTime === undefined ? undefined : true),
    deceasedDateTime,
  };
}

/** The person behind a PractitionerRole (or a Practitioner) reference. */
function describeAuthor(bundle: Bundle, reference: unknown): AuthorDescription | undefined {
  if (!isObject(reference)) return undefined;
  const target = resolveReference(bundle, reference as Reference);
  if (target?.resourceType === 'Practitioner') {
    return { name: humanName(target.name), role: undefined, organization: undefined };
  }
  if (target?.resourceType !== 'PractitionerRole') {
    const display = str(reference['display']);
    return display === undefined ? undefined : { name: display, role: undefined, organization: undefined };
  }
  const practitioner = resolveReference(bundle, target.practitioner, 'Practitioner');
  const organization: Organization | undefined = resolveReference(bundle, target.organization, 'Organization');
  return {
    name: humanName(practitioner?.name) ?? str(field(target.practitioner, 'display')),
    role: objects(target.code)
      .map(conceptText)
      .find((text) => text !== undefined),
    organization: str(organization?.name),
  };
}

function describeAttachment(
  bundle: Bundle,
  attachment: JsonObject,
  identifier: string | undefined,
  author: unknown,
): AttachmentDescription {
  const data = str(attachment['data']);
  const size = attachment['size'];
  return {
    title: str(attachment['title']),
    contentType: str(attachment['contentType']),
    size: data !== undefined ? base64ByteLength(data) : typeof size === 'number' && size >= 0 ? size : undefined,
    hasData: data !== undefined,
    url: str(attachment['url']),
    creation: str(attachment['creation']),
    identifier,
    author: describeAuthor(bundle, author),
  };
}

/** CareCommunication payload attachments, in payload order. @internal */
export function communicationAttachments(bundle: Bundle, communication: JsonObject): AttachmentDescription[] {
  const out: AttachmentDescription[] = [];
  for (const payload of objects(communication['payload'])) {
    const attachment = payload['contentAttachment'];
    if (!isObject(attachment)) continue;
    const identifier = str(field(extension(payload, 'medcom-core-identifier-extension')?.['valueIdentifier'], 'value'));
    const author = extension(payload, 'medcom-core-practitioner-extension')?.['valueReference'];
    out.push(describeAttachment(bundle, attachment, identifier, author));
  }
  return out;
}

/** The Media content linked from a DiagnosticReport (HomeCareObservation). @internal */
export function reportAttachments(bundle: Bundle, report: JsonObject): AttachmentDescription[] {
  const out: AttachmentDescription[] = [];
  for (const item of objects(report['media'])) {
    const media = resolveReference(bundle, item['link'] as Reference | undefined, 'Media');
    if (!isObject(media) || !isObject(media.content)) continue;
    const identifier = objects(media.identifier)
      .map((id) => str(id['value']))
      .find((value) => value !== undefined);
    out.push(describeAttachment(bundle, media.content, identifier, media.operator));
  }
  return out;
}
