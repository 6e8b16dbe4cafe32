// SPDX-License-Identifier: MIT
// A patient's hospital stays rebuilt from received HospitalNotifications: a timeline per episode of care, whatever
// order the messages arrived in, with duplicates shown once, corrections applied to the event they correct and
// cancelled events kept (marked). Received messages are untrusted JSON: nothing here throws on a bad shape.
import type { Bundle } from '@medplum/fhirtypes';

/**
 * What happened: admitted (inpatient or acute ambulant), leave started or ended, discharged, or died.
 *
 * @category Reading
 */
export type StayEventKind =
  'admitted-inpatient' | 'admitted-emergency' | 'leave-started' | 'leave-ended' | 'discharged' | 'died';

/**
 * `current`: as first reported; `revised`: corrected by a later message (the event shows the latest values);
 * `cancelled`: the hospital cancelled it (kept in the timeline, not deleted).
 *
 * @category Reading
 */
export type StayEventStatus = 'current' | 'revised' | 'cancelled';

/**
 * Where the patient is now, after the latest event that is not cancelled. `deceased` wins over any later event;
 * `cancelled` means every event of the episode was cancelled.
 *
 * @category Reading
 */
export type StayState = 'admitted' | 'on-leave' | 'discharged' | 'deceased' | 'cancelled';

/**
 * An organisation as a timeline shows it.
 *
 * @category Reading
 */
export interface StayParty {
  readonly name?: string;
  readonly sor?: string;
}

/**
 * One message's account of an event: the first report or a correction.
 *
 * @category Reading
 */
export interface StayEventVersion {
  readonly messageHeaderId: string;
  /** The Provenance activity code, e.g. `revise-start-leave-inpatient`. */
  readonly activity: string;
  /** When the message was sent (its current Provenance's `occurredDateTime`). */
  readonly sentAt: string;
  readonly sender: StayParty;
  /** When the event happened, by this message. */
  readonly time: string;
  readonly class?: 'inpatient' | 'emergency';
  readonly period: { readonly start?: string; readonly end?: string };
  readonly leave?: { readonly start?: string; readonly end?: string };
}

/**
 * One event of a stay. Who reported it (`messageHeaderId`, `activity`, `sentAt`, `sender`) comes from the first
 * report; what happened (`time`, `class`, `period`, `leave`) from the latest version.
 *
 * @category Reading
 */
export interface StayEvent extends StayEventVersion {
  readonly kind: StayEventKind;
  readonly status: StayEventStatus;
  /** Every version, first report first; the last one is shown. */
  readonly versions: readonly StayEventVersion[];
  /** The message that cancelled the event. */
  readonly cancellation?: {
    readonly messageHeaderId: string;
    readonly activity: string;
    readonly sentAt: string;
    readonly sender: StayParty;
  };
  /** The MessageHeader.id a correction or cancellation points at, when that message is not among those given. */
  readonly unresolved?: string;
}

/**
 * An episode-of-care id (forløbsid): the LPR3 id or the hospital's local UUID, as first written.
 *
 * @category Reading
 */
export interface EpisodeOfCareId {
  readonly kind: 'lpr3' | 'local';
  readonly system: string;
  readonly value: string;
}

/**
 * The patient, from the newest message of the episode.
 *
 * @category Reading
 */
export interface StayPatient {
  readonly cpr?: string;
  readonly family?: string;
  readonly given?: readonly string[];
}

/**
 * The timeline of one episode of care.
 *
 * @category Reading
 */
export interface StayEpisode {
  readonly episodeOfCare: readonly EpisodeOfCareId[];
  readonly patient: StayPatient;
  /** Oldest first, by event time. */
  readonly events: readonly StayEvent[];
  readonly state: StayState;
  /** The time of the event that set the state. */
  readonly since?: string;
  /** The class of the latest admission that is not cancelled. */
  readonly class?: 'inpatient' | 'emergency';
  /** The MessageHeader ids of the episode's messages, sorted. */
  readonly messageHeaderIds: readonly string[];
}

/**
 * The hospital stays in a set of HospitalNotifications.
 *
 * @category Reading
 */
export interface Stay {
  /** One per episode of care, oldest first. */
  readonly episodes: readonly StayEpisode[];
  /** The state of the newest episode. */
  readonly state?: StayState;
  /** The newest episode's episode-of-care ids. */
  readonly episodeOfCare: readonly EpisodeOfCareId[];
  /** MessageHeader ids that came more than once (each shown once). */
  readonly duplicates: readonly string[];
  /** Messages that could not be read as HospitalNotifications, and why. */
  readonly skipped: readonly { readonly bundleId?: string; readonly reason: string }[];
}

type Json = Record<string, unknown>;

const ACTIVITY_SYSTEM = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';
const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
const SOR_SYSTEM = 'urn:oid:1.2.208.176.1.1';
const LEAVE_URL =
  'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalnotifiation-leave-period-extension';
// MedCom core fixes the first; some documents spell it with a genitive s, so both are read as LPR3.
const LPR3_SYSTEMS = [
  'https://www.esundhed.dk/Registre/Landspatientregisteret',
  'https://www.esundhed.dk/Registre/Landspatientsregisteret',
];
const BASE_KINDS: Readonly<Record<string, StayEventKind>> = {
  'admit-inpatient': 'admitted-inpatient',
  'admit-emergency': 'admitted-emergency',
  'start-leave-inpatient': 'leave-started',
  'end-leave-inpatient': 'leave-ended',
  'discharge-inpatient-home': 'discharged',
  'discharge-emergency-home': 'discharged',
};
const KIND_ORDER: readonly StayEventKind[] = [
  'admitted-emergency',
  'admitted-inpatient',
  'leave-started',
  'leave-ended',
  'discharged',
  'died',
];

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const jsons = (v: unknown): Json[] => list(v).filter(isJson);
const ms = (t: string | undefined): number => {
  const value = t === undefined ? Number.NaN : Date.parse(t);
  return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
};
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const baseOf = (code: string) => code.replace(/^(revise|cancel)-/, '');
const bareUuid = (v: string) => v.replace(/^urn:uuid:/i, '').toLowerCase();

/** One received HospitalNotification, read. */
interface Notice {
  readonly bundleId: string | undefined;
  readonly bundleTimestamp: string;
  readonly headerId: string;
  readonly activity: string;
  readonly sentAt: string;
  readonly sender: StayParty;
  readonly entity: { readonly role: 'revision' | 'removal'; readonly target: string } | undefined;
  /** MessageHeader ids of the thread's earlier exchanges (history stack and entity). */
  readonly linked: readonly string[];
  readonly status: string | undefined;
  readonly class: 'inpatient' | 'emergency' | undefined;
  readonly period: { readonly start?: string; readonly end?: string };
  readonly leave: { readonly start?: string; readonly end?: string } | undefined;
  readonly deceased: boolean;
  readonly episodeOfCare: ReadonlyMap<string, EpisodeOfCareId>;
  readonly patient: StayPatient;
}

/** The id of a `Type/id` reference or full URL ending so. */
function refId(reference: unknown, type: string): string | undefined {
  const text = isJson(reference) ? str(reference['reference']) : undefined;
  const match = text === undefined ? null : new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})$`).exec(text);
  return match?.[1];
}

function resolver(bundle: Json) {
  const entries = jsons(bundle['entry']).flatMap((e) =>
    isJson(e['resource']) ? [{ fullUrl: str(e['fullUrl']), resource: e['resource'] }] : [],
  );
  const ofType = (type: string) => entries.filter((e) => e.resource['resourceType'] === type).map((e) => e.resource);
  const resolve = (reference: unknown, type: string): Json | undefined => {
    const text = isJson(reference) ? str(reference['reference']) : undefined;
    const id = refId(reference, type);
    return entries.find(
      (e) =>
        e.resource['resourceType'] === type &&
        ((id !== undefined && e.resource['id'] === id) || (text !== undefined && e.fullUrl === text)),
    )?.resource;
  };
  return { ofType, resolve };
}

function party(org: Json | undefined): StayParty {
  const sor = jsons(org?.['identifier']).find((i) => i['system'] === SOR_SYSTEM);
  const name = str(org?.['name']);
  const sorValue = str(sor?.['value']);
  return { ...(name === undefined ? {} : { name }), ...(sorValue === undefined ? {} : { sor: sorValue }) };
}

function period(value: unknown): { start?: string; end?: string } {
  const p = isJson(value) ? value : {};
  const start = str(p['start']);
  const end = str(p['end']);
  return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
}

function episodeIds(encounter: Json | undefined): Map<string, EpisodeOfCareId> {
  const ids = new Map<string, EpisodeOfCareId>();
  for (const eoc of jsons(encounter?.['episodeOfCare'])) {
    const identifier = isJson(eoc['identifier']) ? eoc['identifier'] : {};
    const system = str(identifier['system']);
    const value = str(identifier['value']);
    if (system === undefined || value === undefined) continue;
    const lpr3 = LPR3_SYSTEMS.includes(system);
    // The same id is written with and without `urn:uuid:` across messages.
    const key = lpr3 ? `lpr3|${bareUuid(value)}` : `${system}|${bareUuid(value)}`;
    if (!ids.has(key)) ids.set(key, { kind: lpr3 ? 'lpr3' : 'local', system, value });
  }
  return ids;
}

function patientOf(resource: Json | undefined): StayPatient {
  const cpr = str(jsons(resource?.['identifier']).find((i) => i['system'] === CPR_SYSTEM)?.['value']);
  const names = jsons(resource?.['name']);
  const name = names.find((n) => n['use'] === 'official') ?? names[0];
  const family = str(name?.['family']);
  const given = list(name?.['given']).filter((g): g is string => typeof g === 'string');
  return {
    ...(cpr === undefined ? {} : { cpr }),
    ...(family === undefined ? {} : { family }),
    ...(given.length === 0 ? {} : { given }),
  };
}

/** Reads one Bundle, or says why it is not a HospitalNotification this reader can place. */
function readNotice(bundle: unknown): Notice | string {
  if (!isJson(bundle) || bundle['resourceType'] !== 'Bundle') return 'Not a Bundle';
  const { ofType, resolve } = resolver(bundle);
  const header = ofType('MessageHeader')[0];
  const headerId = str(header?.['id']);
  if (header === undefined || headerId === undefined) return 'No MessageHeader with an id';
  const event = isJson(header['eventCoding']) ? header['eventCoding']['code'] : undefined;
  if (event !== 'hospital-notification-message') return 'Not a HospitalNotification';

  // The current exchange is the Provenance that targets this MessageHeader; the others are history.
  const provenances = ofType('Provenance');
  const current = provenances
    .filter((p) => list(p['target']).some((t) => refId(t, 'MessageHeader') === headerId))
    .sort((a, b) => ms(str(b['occurredDateTime'])) - ms(str(a['occurredDateTime'])))[0];
  const coding = jsons(isJson(current?.['activity']) ? current['activity']['coding'] : undefined).find(
    (c) => c['system'] === ACTIVITY_SYSTEM && typeof c['code'] === 'string' && baseOf(c['code']) in BASE_KINDS,
  );
  const activity = str(coding?.['code']);
  if (current === undefined || activity === undefined)
    return 'No current Provenance with a HospitalNotification activity';
  const entityJson = jsons(current['entity']).find((e) => e['role'] === 'revision' || e['role'] === 'removal');
  const entityTarget = refId(entityJson?.['what'], 'MessageHeader');
  const entity =
    entityJson === undefined || entityTarget === undefined
      ? undefined
      : { role: entityJson['role'] as 'revision' | 'removal', target: entityTarget };
  const linked = provenances
    .flatMap((p) => list(p['target']).map((t) => refId(t, 'MessageHeader')))
    .filter((id): id is string => id !== undefined && id !== headerId);

  const focus = list(header['focus'])[0];
  const encounter = resolve(focus, 'Encounter') ?? ofType('Encounter')[0];
  if (encounter === undefined) return 'No Encounter';
  const patient = resolve(encounter['subject'], 'Patient') ?? ofType('Patient')[0];
  const classCode = isJson(encounter['class']) ? encounter['class']['code'] : undefined;
  const leaveExtension = jsons(encounter['extension']).find((x) => x['url'] === LEAVE_URL);
  const leave = leaveExtension === undefined ? undefined : period(leaveExtension['valuePeriod']);
  return {
    bundleId: str(bundle['id']),
    bundleTimestamp: str(bundle['timestamp']) ?? '',
    headerId,
    activity,
    sentAt: str(current['occurredDateTime']) ?? str(current['recorded']) ?? str(bundle['timestamp']) ?? '',
    sender: party(resolve(header['sender'], 'Organization')),
    entity,
    linked: entity === undefined ? linked : [...linked, entity.target],
    status: str(encounter['status']),
    class: classCode === 'IMP' ? 'inpatient' : classCode === 'EMER' ? 'emergency' : undefined,
    period: period(encounter['period']),
    leave,
    deceased: patient?.['deceasedBoolean'] === true,
    episodeOfCare: episodeIds(encounter),
    patient: patientOf(patient),
  };
}

const isDeath = (n: Notice) => n.deceased && n.status === 'finished';

/** The event a notice reports (for a cancellation: the event it cancels). */
function kindOf(n: Notice): StayEventKind {
  if (isDeath(n)) return 'died';
  // A cancelled death keeps the current activity code and carries role removal.
  if (n.entity?.role === 'removal' && !n.activity.startsWith('cancel-')) return 'died';
  return BASE_KINDS[baseOf(n.activity)] ?? 'admitted-inpatient';
}

function versionOf(n: Notice, kind: StayEventKind): StayEventVersion {
  const byKind: Record<StayEventKind, string | undefined> = {
    'admitted-inpatient': n.period.start,
    'admitted-emergency': n.period.start,
    'leave-started': n.leave?.start,
    'leave-ended': n.leave?.end,
    discharged: n.period.end,
    died: n.period.end,
  };
  return {
    messageHeaderId: n.headerId,
    activity: n.activity,
    sentAt: n.sentAt,
    sender: n.sender,
    time: byKind[kind] ?? n.sentAt,
    ...(n.class === undefined ? {} : { class: n.class }),
    period: n.period,
    ...(n.leave === undefined ? {} : { leave: n.leave }),
  };
}

const bySent = (a: { sentAt: string; messageHeaderId: string }, b: { sentAt: string; messageHeaderId: string }) =>
  ms(a.sentAt) - ms(b.sentAt) || byText(a.sentAt, b.sentAt) || byText(a.messageHeaderId, b.messageHeaderId);

interface Draft {
  kind: StayEventKind;
  versions: StayEventVersion[];
  cancellations: NonNullable<StayEvent['cancellation']>[];
  unresolved?: string;
}

type Role = 'report' | 'revise' | 'cancel';

/** The events of one episode's notices. */
function eventsOf(notices: readonly Notice[]): StayEvent[] {
  const byId = new Map(notices.map((n) => [n.headerId, n]));
  const roleOf = (n: Notice): Role => {
    // A death repeats the current activity, whatever it is: it corrects a death when it points at one.
    if (isDeath(n)) {
      const target = n.entity === undefined ? undefined : byId.get(n.entity.target);
      return n.entity?.role === 'revision' && target !== undefined && isDeath(target) ? 'revise' : 'report';
    }
    if (n.entity?.role === 'removal' || n.activity.startsWith('cancel-')) return 'cancel';
    return n.activity.startsWith('revise-') ? 'revise' : 'report';
  };

  const drafts = new Map<string, Draft>();
  const standalone = (n: Notice, unresolved?: string): Draft => {
    const kind = kindOf(n);
    const draft: Draft = {
      kind,
      versions: [versionOf(n, kind)],
      cancellations: [],
      ...(unresolved === undefined ? {} : { unresolved }),
    };
    drafts.set(n.headerId, draft);
    return draft;
  };
  // The event a revision or cancellation belongs to, following chains of corrections.
  const eventFor = (id: string, seen: Set<string>): Draft | undefined => {
    const known = drafts.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    if (n === undefined || seen.has(id)) return undefined;
    seen.add(id);
    const role = roleOf(n);
    if (role === 'report') return standalone(n);
    if (role === 'cancel') return undefined;
    const target = n.entity === undefined ? undefined : eventFor(n.entity.target, seen);
    if (target === undefined || target.kind !== kindOf(n)) {
      return standalone(
        n,
        target === undefined && n.entity !== undefined && !byId.has(n.entity.target) ? n.entity.target : undefined,
      );
    }
    target.versions.push(versionOf(n, target.kind));
    drafts.set(n.headerId, target);
    return target;
  };

  for (const n of notices) if (roleOf(n) !== 'cancel') eventFor(n.headerId, new Set());
  for (const n of notices.filter((x) => roleOf(x) === 'cancel')) {
    const target = n.entity === undefined ? undefined : eventFor(n.entity.target, new Set());
    const cancellation = { messageHeaderId: n.headerId, activity: n.activity, sentAt: n.sentAt, sender: n.sender };
    if (target !== undefined) target.cancellations.push(cancellation);
    else
      standalone(
        n,
        n.entity !== undefined && !byId.has(n.entity.target) ? n.entity.target : undefined,
      ).cancellations.push(cancellation);
  }

  const unique = [...new Set(drafts.values())];
  return unique
    .map((d): StayEvent => {
      const versions = [...d.versions].sort(bySent);
      const first = versions[0] as StayEventVersion;
      const shown = versions[versions.length - 1] ?? first;
      const cancellation = [...d.cancellations].sort(bySent)[0];
      return {
        messageHeaderId: first.messageHeaderId,
        activity: first.activity,
        sentAt: first.sentAt,
        sender: first.sender,
        time: shown.time,
        ...(shown.class === undefined ? {} : { class: shown.class }),
        period: shown.period,
        ...(shown.leave === undefined ? {} : { leave: shown.leave }),
        kind: d.kind,
        status: cancellation !== undefined ? 'cancelled' : versions.length > 1 ? 'revised' : 'current',
        versions,
        ...(cancellation === undefined ? {} : { cancellation }),
        ...(d.unresolved === undefined ? {} : { unresolved: d.unresolved }),
      };
    })
    .sort(
      (a, b) =>
        ms(a.time) - ms(b.time) ||
        byText(a.time, b.time) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        bySent(a, b),
    );
}

const STATE: Readonly<Record<StayEventKind, StayState>> = {
  'admitted-inpatient': 'admitted',
  'admitted-emergency': 'admitted',
  'leave-started': 'on-leave',
  'leave-ended': 'admitted',
  discharged: 'discharged',
  died: 'deceased',
};

function episodeOf(notices: readonly Notice[]): StayEpisode {
  const events = eventsOf(notices);
  const live = events.filter((e) => e.status !== 'cancelled');
  const death = live.find((e) => e.kind === 'died');
  const last = death ?? live[live.length - 1];
  const admission = [...live].reverse().find((e) => e.kind.startsWith('admitted-'));
  const ids = new Map<string, EpisodeOfCareId>();
  for (const n of notices) for (const [key, id] of n.episodeOfCare) if (!ids.has(key)) ids.set(key, id);
  const newest = [...notices].sort((a, b) =>
    bySent({ ...a, messageHeaderId: a.headerId }, { ...b, messageHeaderId: b.headerId }),
  );
  return {
    episodeOfCare: [...ids.entries()]
      .sort(([ka, a], [kb, b]) => byText(a.kind, b.kind) || byText(ka, kb))
      .map(([, id]) => id),
    patient: newest[newest.length - 1]?.patient ?? {},
    events,
    state: last === undefined ? 'cancelled' : STATE[last.kind],
    ...(last === undefined ? {} : { since: last.time }),
    ...(admission === undefined ? {} : { class: admission.kind === 'admitted-inpatient' ? 'inpatient' : 'emergency' }),
    messageHeaderIds: notices.map((n) => n.headerId).sort(byText),
  };
}

/** Groups notices that share an episode-of-care id or belong to one thread (union–find). */
function groups(notices: readonly Notice[]): Notice[][] {
  const parent = notices.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const owner = new Map<string, number>();
  const index = new Map(notices.map((n, i) => [n.headerId, i]));
  notices.forEach((n, i) => {
    for (const key of n.episodeOfCare.keys()) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else union(first, i);
    }
    for (const id of n.linked) {
      const other = index.get(id);
      if (other !== undefined) union(other, i);
    }
  });
  const out = new Map<number, Notice[]>();
  notices.forEach((n, i) => out.set(find(i), [...(out.get(find(i)) ?? []), n]));
  return [...out.values()];
}

/**
 * Rebuilds a patient's hospital stays from the HospitalNotifications received about them, as a timeline per
 * episode of care (messages sharing an episode-of-care id, or linked by their Provenances, are one episode).
 *
 * Each message's activity is read from its current Provenance (the one whose target is its own MessageHeader),
 * never from the order of the Provenances. Arrival order does not matter: events are sorted by the time they
 * happened (the Encounter's start, leave or end time), ties by kind and then by send time. A MessageHeader.id seen
 * twice is one message. A correction (`revise-…`, or a death repeating the current activity and pointing at a
 * death) becomes a new version of the event it corrects; a cancellation (entity role `removal`) marks the event
 * cancelled. Bundles that are not HospitalNotifications are listed in `skipped`.
 *
 * @param messages - Received HospitalNotification Bundles, in any order.
 * @returns The episodes, oldest first, with the newest one's state.
 * @example
 * ```ts
 * const stay = stayOf(received);
 * for (const event of stay.episodes.at(-1)?.events ?? []) console.log(event.time, event.kind, event.status);
 * stay.state; // 'on-leave'
 * ```
 * @category Reading
 */
export function stayOf(messages: readonly Bundle[]): Stay {
  const skipped: { bundleId?: string; reason: string }[] = [];
  const notices: Notice[] = [];
  for (const message of messages) {
    const read = readNotice(message);
    if (typeof read !== 'string') notices.push(read);
    else {
      const bundleId = isJson(message) ? str(message['id']) : undefined;
      skipped.push({ ...(bundleId === undefined ? {} : { bundleId }), reason: read });
    }
  }
  // A fixed order first, so that which copy of a duplicate is kept does not depend on arrival.
  notices.sort(
    (a, b) =>
      byText(a.headerId, b.headerId) ||
      ms(a.bundleTimestamp) - ms(b.bundleTimestamp) ||
      byText(a.bundleId ?? '', b.bundleId ?? ''),
  );
  const unique = notices.filter((n, i) => i === 0 || notices[i - 1]?.headerId !== n.headerId);
  const duplicates = [
    ...new Set(notices.filter((n, i) => notices[i - 1]?.headerId === n.headerId).map((n) => n.headerId)),
  ];

  const episodes = groups(unique)
    .map(episodeOf)
    .sort((a, b) => {
      const first = (e: StayEpisode) => e.events[0]?.time;
      return ms(first(a)) - ms(first(b)) || byText(a.messageHeaderIds[0] ?? '', b.messageHeaderIds[0] ?? '');
    });
  // The newest episode is the one whose latest event is latest; on a tie, the later in order.
  const lastTime = (e: StayEpisode) =>
    Math.max(-Infinity, ...e.events.map((ev) => ms(ev.time)).filter(Number.isFinite));
  const newest = episodes.reduce<StayEpisode | undefined>(
    (best, e) => (best === undefined || lastTime(e) >= lastTime(best) ? e : best),
    undefined,
  );
  return {
    episodes,
    ...(newest === undefined ? {} : { state: newest.state }),
    episodeOfCare: newest?.episodeOfCare ?? [],
    duplicates,
    skipped,
  };
}
