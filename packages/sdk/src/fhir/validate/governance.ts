// SPDX-License-Identifier: MIT
// Message-level rules of MedCom's governance for FHIR messaging that the profiles cannot express, or express
// with invariants that can never fail (../shared/docs/medcom.md §2 and §9). Each rule has a stable id.
import { GLN_SYSTEM_ALTERNATES, SOR_SYSTEM } from '../../identifiers/systems.js';
import { parseGln } from '../../identifiers/gln.js';
import type { ValidationRun } from './run.js';
import type { FhirResource } from './types.js';

interface Entry {
  fullUrl?: unknown;
  resource?: FhirResource;
}

const DEFINITION_URL: Readonly<Record<string, RegExp>> = {
  carecommunication:
    /^http:\/\/medcomfhir\.dk\/ig\/messagedefinitions\/MessageDefinition\/MedComCareCommunicationMessageDefinition\|5\.[0-9]{1,2}$/,
  homecareobservation:
    /^http:\/\/medcomfhir\.dk\/ig\/messagedefinitions\/MessageDefinition\/MedComHomeCareObservationMessageDefinition\|1\.[0-9]{1,2}$/,
};

const HOSPITAL_NOTIFICATION_ACTIVITIES =
  'http://medcomfhir.dk/ig/terminology/ValueSet/medcom-hospitalNotification-messageActivities';
const DESTINATION_USE =
  'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension';
// The R4 narrative-status codes but `empty`: MedCom requires a real narrative in every resource.
const NARRATIVE_STATUSES: readonly string[] = ['generated', 'extensions', 'additional'];
const FOCUS_TYPES: Readonly<Record<string, string>> = {
  hospitalnotification: 'Encounter',
  carecommunication: 'Communication',
  homecareobservation: 'DiagnosticReport',
};

const references = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((r) =>
    typeof r === 'object' && r !== null && typeof (r as { reference?: unknown }).reference === 'string'
      ? [(r as { reference: string }).reference]
      : [],
  );

/** Checks the governance rules on the entries of a message Bundle. */
export function checkGovernance(run: ValidationRun, entries: readonly Entry[]): void {
  const standard = run.standard.definition.id;
  const at = (i: number) => `Bundle.entry[${i}].resource`;
  const indexed = entries.map((entry, index) => ({ resource: entry.resource, index }));
  const ofType = (type: string) => indexed.filter((e) => e.resource?.resourceType === type);

  const headers = ofType('MessageHeader');
  if (entries[0]?.resource?.resourceType !== 'MessageHeader') {
    run.error(
      'governance',
      'Bundle.entry[0].resource',
      'The MessageHeader must be the first entry',
      'medcom-header-first',
    );
  }
  if (headers.length !== 1) {
    run.error(
      'governance',
      'Bundle.entry',
      `Exactly one MessageHeader expected, found ${headers.length}`,
      'medcom-one-header',
    );
  }
  const header = headers[0]?.resource;
  const headerPath = headers[0] ? at(headers[0].index) : 'Bundle.entry[0].resource';

  const clinical = standard in FOCUS_TYPES;
  const patients = ofType('Patient');
  if (clinical && patients.length !== 1) {
    run.error(
      'governance',
      'Bundle.entry',
      `Exactly one Patient expected, found ${patients.length}`,
      'medcom-one-patient',
    );
  }

  // The parties: the sender and every receiver. Other Organizations (e.g. an Encounter's serviceProvider)
  // follow their own profiles.
  const partyRefs = header
    ? [
        ...references(header['sender']),
        ...(Array.isArray(header['destination']) ? header['destination'] : []).flatMap((d) =>
          references((d as Record<string, unknown>)['receiver']),
        ),
      ]
    : [];
  const parties = new Set(
    partyRefs.flatMap((ref) => {
      const target = run.resolve(ref, header);
      const index = indexed.find((e) => e.resource === target)?.index;
      return target?.resourceType === 'Organization' && index !== undefined ? [index] : [];
    }),
  );
  if (header && parties.size < 2) {
    run.error(
      'governance',
      `${headerPath}.sender`,
      `A sender and at least one receiver Organization must be bundled; found ${parties.size}`,
      'medcom-two-organizations',
    );
  }
  for (const index of parties) {
    const resource = entries[index]?.resource;
    const identifiers = (Array.isArray(resource?.['identifier']) ? resource['identifier'] : []) as Record<
      string,
      unknown
    >[];
    if (!identifiers.some((i) => i['system'] === SOR_SYSTEM && typeof i['value'] === 'string')) {
      run.error(
        'governance',
        `${at(index)}.identifier`,
        'A sending or receiving Organization needs a SOR identifier',
        'medcom-organization-sor',
      );
    }
    const glns = identifiers.filter((i) => GLN_SYSTEM_ALTERNATES.includes(String(i['system'])));
    if (!glns.some((i) => typeof i['value'] === 'string' && parseGln(i['value']).valid)) {
      run.error(
        'governance',
        `${at(index)}.identifier`,
        'A sending or receiving Organization needs a valid EAN/GLN identifier (13 digits, GS1 check digit)',
        'medcom-organization-gln',
      );
    }
  }

  const provenances = ofType('Provenance');
  const current = provenances.filter(({ resource }) =>
    references(resource?.['target']).some((ref) => {
      const target = run.resolve(ref, resource);
      return target !== undefined && target === header;
    }),
  );
  if (header && current.length === 0) {
    // The empty message exists for connection tests; MedCom's own example of it copies another message's
    // Provenance, so there the rule only warns.
    run.add(
      clinical || standard === 'acknowledgement' ? 'error' : 'warning',
      'governance',
      'Bundle.entry',
      "No Provenance targets this message's MessageHeader",
      'medcom-provenance-target',
    );
  }

  for (const { resource, index } of indexed) {
    // Something that is not a resource has been reported by the walk already.
    if (typeof resource?.resourceType !== 'string') continue;
    const text = resource['text'] as { status?: unknown; div?: unknown } | undefined;
    if (!text || typeof text.div !== 'string' || text.div.trim() === '') {
      run.error('narrative', `${at(index)}.text`, `The ${resource.resourceType} has no narrative`, 'medcom-narrative');
    } else if (typeof text.status === 'string' && !NARRATIVE_STATUSES.includes(text.status)) {
      run.error(
        'narrative',
        `${at(index)}.text.status`,
        `The narrative status must be one of ${NARRATIVE_STATUSES.join(', ')}; found ${JSON.stringify(text.status)}`,
        'medcom-narrative',
      );
    }
  }

  if (header) {
    const focus = references(header['focus']);
    const expected = FOCUS_TYPES[standard];
    if (expected) {
      if (focus.length !== 1) {
        run.error(
          'governance',
          `${headerPath}.focus`,
          `Exactly one focus expected, found ${focus.length}`,
          'medcom-one-focus',
        );
      } else if (run.resolve(focus[0] ?? '', header)?.resourceType !== expected) {
        run.error('governance', `${headerPath}.focus`, `The focus must be a bundled ${expected}`, 'medcom-one-focus');
      }
    }

    const destinations = (Array.isArray(header['destination']) ? header['destination'] : []) as Record<
      string,
      unknown
    >[];
    const uses = destinations.map((d) => {
      const extension = (Array.isArray(d['extension']) ? d['extension'] : []) as Record<string, unknown>[];
      const use = extension.find((e) => e['url'] === DESTINATION_USE)?.['valueCoding'] as
        { code?: unknown } | undefined;
      return { use: use?.code, receiver: references(d['receiver'])[0] };
    });
    const primaries = uses.filter((u) => u.use === 'primary');
    if (primaries.length !== 1) {
      run.error(
        'governance',
        `${headerPath}.destination`,
        'Exactly one primary destination expected',
        'medcom-primary-destination',
      );
    }
    uses.forEach((u, i) => {
      if (u.use === 'cc' && primaries.some((p) => p.receiver !== undefined && p.receiver === u.receiver)) {
        run.error(
          'governance',
          `${headerPath}.destination[${i}]`,
          'The same Organization cannot be both primary and cc receiver',
          'medcom-cc-not-primary',
        );
      }
    });

    const definitionRule = DEFINITION_URL[standard];
    const definition = header['definition'];
    if (definitionRule && typeof definition === 'string' && !definitionRule.test(definition)) {
      run.error(
        'governance',
        `${headerPath}.definition`,
        `MessageHeader.definition must name the ${run.standard.definition.name} ${run.standard.definition.version.split('.')[0]}.x MessageDefinition with a version after '|'`,
        'medcom-definition-url',
      );
    }
  }

  if (standard === 'hospitalnotification') {
    for (const { resource, index } of current) {
      const activity = (resource?.['activity'] as { coding?: unknown } | undefined) ?? undefined;
      if (activity && !run.memberOf(activity, HOSPITAL_NOTIFICATION_ACTIVITIES)) {
        run.error(
          'governance',
          `${at(index)}.activity`,
          'The activity is not a HospitalNotification activity',
          'medcom-hospitalNotification-activity',
        );
      }
    }
  }
}
