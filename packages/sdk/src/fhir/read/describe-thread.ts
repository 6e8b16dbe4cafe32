// SPDX-License-Identifier: MIT
// The Provenance history stack as a thread: every exchange, and where this message stands.
import type { Bundle, Provenance, Reference } from '@medplum/fhirtypes';
import { glnCheckDigit } from '../../identifiers/gln.js';
import { currentProvenance, provenanceHistory, referenceId, resolveReference } from './bundle.js';
import { activityLabel } from './describe-labels.js';
import { describeParty } from './describe-parts.js';
import type { ActivityDescription, PredecessorReference, ThreadPosition } from './describe-types.js';
import { conceptCode, field, objects, str } from './describe-values.js';

const isGln = (value: string): boolean =>
  /^\d{13}$/.test(value) && glnCheckDigit(value.slice(0, 12)) === Number(value[12]);

// MedCom documents `lokationsnummer#brevid`, but its own example (CareCommunication k7bfbc0c…) writes
// `brevid#lokationsnummer`, so the half that is a valid GLN decides; the documented order is the fallback.
function splitLegacyId(value: string | undefined): Pick<PredecessorReference, 'lokationsnummer' | 'brevid'> {
  const parts = value?.split('#');
  if (parts?.length !== 2) return { lokationsnummer: undefined, brevid: undefined };
  const [first = '', second = ''] = parts.map((part) => part.trim());
  const [lokationsnummer, brevid] = !isGln(first) && isGln(second) ? [second, first] : [first, second];
  return { lokationsnummer: lokationsnummer || undefined, brevid: brevid || undefined };
}

function predecessors(provenance: Provenance): PredecessorReference[] {
  const out: PredecessorReference[] = [];
  for (const entity of objects(provenance.entity)) {
    const role = entity['role'];
    if (role !== 'revision' && role !== 'removal') continue;
    const what = entity['what'];
    const identifier = str(field(field(what, 'identifier'), 'value'));
    out.push({
      role,
      messageHeaderId: referenceId(what as Reference | undefined, 'MessageHeader'),
      identifier,
      ...splitLegacyId(identifier),
    });
  }
  return out;
}

function targetHeaderId(bundle: Bundle, provenance: Provenance): string | undefined {
  for (const target of objects(provenance.target)) {
    const id =
      referenceId(target as Reference, 'MessageHeader') ??
      str(resolveReference(bundle, target as Reference, 'MessageHeader')?.id);
    if (id !== undefined) return id;
  }
  return undefined;
}

function describeActivity(bundle: Bundle, provenance: Provenance, current: boolean): ActivityDescription {
  const code = conceptCode(provenance.activity);
  return {
    code,
    label: code === undefined ? undefined : activityLabel(code),
    occurred: str(provenance.occurredDateTime),
    recorded: str(provenance.recorded),
    messageHeaderId: targetHeaderId(bundle, provenance),
    current,
    by: objects(provenance.agent)
      .map((agent) => describeParty(bundle, agent['who']))
      .find((party) => party !== undefined),
    predecessors: predecessors(provenance),
    payloadIds: objects(provenance.entity)
      .filter((entity) => entity['role'] === 'source')
      .map((entity) => str(field(field(entity['what'], 'identifier'), 'value')))
      .filter((id) => id !== undefined),
  };
}

/** The current activity and the thread position of a message. @internal */
export function describeThread(bundle: Bundle): { event: ActivityDescription | undefined; thread: ThreadPosition } {
  const current = currentProvenance(bundle);
  const history = provenanceHistory(bundle).map((provenance) =>
    describeActivity(bundle, provenance, provenance === current),
  );
  const event = history.find((step) => step.current);
  return {
    event,
    thread: {
      history,
      previous: event?.predecessors[0],
      isReply: event?.code === 'reply-message',
      isForward: event?.code === 'forward-message',
    },
  };
}
