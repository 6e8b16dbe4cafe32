// SPDX-License-Identifier: MIT
// What every ReliableStore must do, written once and run against each backend: by node:test for the memory and
// SQLite stores, by mocha in Chromium for IndexedDB. Plain code with its own small checks, so it runs in both.
import { isSamspilError } from '../../errors/index.js';
import type { IncomingRecord, OutgoingRecord, ReliableStore } from './records.js';

/** One conformance case; run it against a fresh, empty store (it may close the store itself). */
export interface StoreConformanceCase {
  readonly name: string;
  run(store: ReliableStore): Promise<void>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

function equal(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

async function rejects(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (isSamspilError(error)) return;
    throw new Error(`${what}: rejected, but not with a SamspilError`, { cause: error });
  }
  throw new Error(`${what}: resolved, expected a rejection`);
}

/** An outgoing record with every field set; `key` follows the `<MessageHeader.id>|<GLN>` convention. */
export function outgoingRecord(overrides: Partial<OutgoingRecord> = {}): OutgoingRecord {
  const messageHeaderId = overrides.messageHeaderId ?? 'mh-1';
  const receiverGln = overrides.receiverGln ?? '5790000123456';
  return {
    key: `${messageHeaderId}|${receiverGln}`,
    messageHeaderId,
    senderGln: '5790001382445',
    receiverGln,
    isAcknowledgement: false,
    state: 'sent',
    message: JSON.stringify({ resourceType: 'Bundle', id: 'b-1', note: 'Æblegrød – "citat" \\ \n ny linje 😀' }),
    format: 'json',
    bundleId: 'b-1',
    envelopeId: 'env-1',
    sends: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:01.000Z',
    sentAt: '2026-03-01T10:00:01.000Z',
    dueAt: '2026-03-01T11:00:00.000Z',
    acknowledgement: {
      code: 'transient-error',
      bundleId: 'ack-1',
      receivedAt: '2026-03-01T10:30:00.000Z',
      issues: ['Modtager er midlertidigt utilgængelig', 'second'],
    },
    error: 'Network refused: 503',
    ...overrides,
  };
}

/** An incoming record; pass `bundleIds` to set the Bundle.ids it arrived with. */
export function incomingRecord(overrides: Partial<IncomingRecord> = {}): IncomingRecord {
  return {
    messageHeaderId: 'in-1',
    senderGln: '5790000123456',
    bundleIds: ['bundle-1'],
    state: 'handled',
    ackCode: 'ok',
    acknowledgement: JSON.stringify({ resourceType: 'Bundle', id: 'ack-in-1', type: 'message' }),
    firstSeenAt: '2026-03-01T10:00:00.000Z',
    lastSeenAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** An outgoing record without the optional fields (sentAt, dueAt, acknowledgement, error) unless given. */
function minimalOutgoing(overrides: Partial<OutgoingRecord>): OutgoingRecord {
  const optional = new Set(['sentAt', 'dueAt', 'acknowledgement', 'error']);
  const fields = Object.entries(outgoingRecord(overrides)).filter(([k]) => !optional.has(k) || k in overrides);
  return Object.fromEntries(fields) as unknown as OutgoingRecord;
}

const keys = (records: readonly OutgoingRecord[]) => records.map((r) => r.key);

/**
 * The ReliableStore conformance cases. Each gets a fresh store; callers close it afterwards (closing twice is part
 * of the contract).
 *
 * @example
 * ```ts
 * for (const c of storeConformanceCases()) it(c.name, () => withStore(c.run));
 * ```
 */
export function storeConformanceCases(): StoreConformanceCase[] {
  return [
    {
      name: 'puts and gets an outgoing record, handing out copies',
      async run(store) {
        const record = outgoingRecord();
        const input = structuredClone(record) as Mutable<OutgoingRecord>;
        await store.putOutgoing(input);
        input.state = 'failed';
        const got = (await store.getOutgoing(record.key)) as Mutable<OutgoingRecord>;
        equal(got, record, 'round trip');
        got.state = 'acknowledged';
        (got.acknowledgement?.issues as string[]).push('tampered');
        equal(await store.getOutgoing(record.key), record, 'after mutating a returned record');
        const [listed] = (await store.listOutgoing()) as Mutable<OutgoingRecord>[];
        if (listed) listed.message = 'tampered';
        equal(await store.getOutgoing(record.key), record, 'after mutating a listed record');
        equal(await store.getOutgoing('mh-1|0000000000000'), undefined, 'unknown key');
        const minimal = minimalOutgoing({ messageHeaderId: 'mh-2', format: 'xml', isAcknowledgement: true });
        await store.putOutgoing(minimal);
        equal(await store.getOutgoing(minimal.key), minimal, 'minimal record round trip');
      },
    },
    {
      name: 'replaces an outgoing record by key, indexes included',
      async run(store) {
        const first = outgoingRecord({ state: 'queued', dueAt: '2026-03-01T10:05:00Z' });
        const second = minimalOutgoing({ state: 'acknowledged', sends: 2, updatedAt: '2026-03-01T12:00:00Z' });
        await store.putOutgoing(first);
        await store.putOutgoing(second);
        equal(await store.getOutgoing(first.key), second, 'replaced record');
        equal(keys(await store.listOutgoing()), [first.key], 'one record');
        equal(keys(await store.listOutgoing({ states: ['queued'] })), [], 'old state gone from the index');
        equal(keys(await store.listOutgoing({ states: ['acknowledged'] })), [first.key], 'new state indexed');
        equal(keys(await store.listOutgoing({ dueBy: '2026-12-31T00:00:00Z' })), [], 'dropped dueAt gone');
      },
    },
    {
      name: 'lists outgoing oldest createdAt first, whatever the fraction digits, ties by key',
      async run(store) {
        const at = (receiverGln: string, createdAt: string) =>
          outgoingRecord({ messageHeaderId: 'mh', receiverGln, createdAt });
        const records = [
          at('5', '2026-03-01T10:00:01Z'),
          at('4', '2026-03-01T10:00:00.5Z'),
          at('1', '2026-03-01T09:59:59.999999Z'),
          at('3', '2026-03-01T10:00:00Z'),
          at('2', '2026-03-01T10:00:00.000Z'),
          at('0', '2025-12-31T23:00:00+00:00'),
          // 11:00 at +02:00 is 09:00 UTC.
          at('6', '2026-03-01T11:00:00+02:00'),
        ];
        for (const record of records) await store.putOutgoing(record);
        equal(keys(await store.listOutgoing()), ['mh|0', 'mh|6', 'mh|1', 'mh|2', 'mh|3', 'mh|4', 'mh|5'], 'order');
        const listed = await store.listOutgoing();
        equal(listed.find((r) => r.key === 'mh|4')?.createdAt, '2026-03-01T10:00:00.5Z', 'times kept as given');
      },
    },
    {
      name: 'filters outgoing by states',
      async run(store) {
        const states = ['queued', 'sent', 'acknowledged', 'failed-transient', 'failed-fatal', 'failed'] as const;
        for (const [i, state] of states.entries()) {
          await store.putOutgoing(
            outgoingRecord({ messageHeaderId: `mh-${i}`, state, createdAt: `2026-03-0${i + 1}T00:00:00Z` }),
          );
        }
        const listed = async (wanted: readonly (typeof states)[number][]) =>
          (await store.listOutgoing({ states: wanted })).map((r) => r.state);
        equal(await listed(['failed', 'queued']), ['queued', 'failed'], 'two states, in createdAt order');
        equal(await listed(['sent']), ['sent'], 'one state');
        equal(await listed([]), [], 'no states: nothing');
        equal((await store.listOutgoing({})).length, 6, 'no filter: everything');
      },
    },
    {
      name: 'filters outgoing by dueBy, inclusive, leaving out records with no dueAt',
      async run(store) {
        const due = (id: string, dueAt: string | undefined, createdAt: string) =>
          dueAt === undefined
            ? minimalOutgoing({ messageHeaderId: id, createdAt })
            : outgoingRecord({ messageHeaderId: id, dueAt, createdAt });
        await store.putOutgoing(due('late', '2026-03-01T12:00:00.001Z', '2026-03-01T00:00:01Z'));
        await store.putOutgoing(due('exact', '2026-03-01T12:00:00Z', '2026-03-01T00:00:02Z'));
        await store.putOutgoing(due('early', '2026-03-01T11:59:59.999Z', '2026-03-01T00:00:03Z'));
        await store.putOutgoing(due('never', undefined, '2026-03-01T00:00:00Z'));
        await store.putOutgoing(due('offset', '2026-03-01T12:30:00+01:00', '2026-03-01T00:00:04Z'));
        const ids = async (dueBy: string) => (await store.listOutgoing({ dueBy })).map((r) => r.messageHeaderId);
        equal(await ids('2026-03-01T12:00:00Z'), ['exact', 'early', 'offset'], 'due at or before noon');
        equal(await ids('2026-03-01T12:00:00.000000Z'), ['exact', 'early', 'offset'], 'same instant, more digits');
        equal(await ids('2026-03-01T11:59:59.9999Z'), ['early', 'offset'], 'just before noon');
        equal(await ids('2026-03-01T13:00:00.001+01:00'), ['late', 'exact', 'early', 'offset'], 'offset limit');
        equal(await ids('2020-01-01T00:00:00Z'), [], 'nothing due');
      },
    },
    {
      name: 'filters outgoing by messageHeaderId, and combines filters',
      async run(store) {
        const put = (messageHeaderId: string, receiverGln: string, state: OutgoingRecord['state'], dueAt: string) =>
          store.putOutgoing(
            outgoingRecord({
              messageHeaderId,
              receiverGln,
              state,
              dueAt,
              createdAt: `2026-03-01T10:00:0${receiverGln}Z`,
            }),
          );
        await put('a', '3', 'sent', '2026-03-02T00:00:00Z');
        await put('a', '1', 'queued', '2026-03-01T00:00:00Z');
        await put('a', '2', 'sent', '2026-03-01T00:00:00Z');
        await put('b', '4', 'sent', '2026-03-01T00:00:00Z');
        equal(keys(await store.listOutgoing({ messageHeaderId: 'a' })), ['a|1', 'a|2', 'a|3'], 'by message');
        equal(keys(await store.listOutgoing({ messageHeaderId: 'c' })), [], 'unknown message');
        equal(
          keys(await store.listOutgoing({ messageHeaderId: 'a', states: ['sent'] })),
          ['a|2', 'a|3'],
          'message and state',
        );
        equal(
          keys(await store.listOutgoing({ messageHeaderId: 'a', states: ['sent'], dueBy: '2026-03-01T12:00:00Z' })),
          ['a|2'],
          'message, state and dueBy',
        );
        equal(
          keys(await store.listOutgoing({ states: ['sent'], dueBy: '2026-03-01T12:00:00Z' })),
          ['a|2', 'b|4'],
          'state and dueBy',
        );
      },
    },
    {
      name: 'puts and gets an incoming record, handing out copies',
      async run(store) {
        const record = incomingRecord({ bundleIds: ['b-1', 'b-2'], state: 'failed', ackCode: 'transient-error' });
        const input = structuredClone(record) as Mutable<IncomingRecord>;
        await store.putIncoming(input);
        (input.bundleIds as string[]).push('b-3');
        const got = (await store.getIncoming(record.messageHeaderId)) as Mutable<IncomingRecord>;
        equal(got, record, 'round trip');
        (got.bundleIds as string[]).push('b-4');
        equal(await store.getIncoming(record.messageHeaderId), record, 'after mutating a returned record');
        equal(await store.findIncomingByBundleId('b-3'), undefined, 'bundle id added to the input after put');
        equal(await store.getIncoming('unknown'), undefined, 'unknown id');
      },
    },
    {
      name: 'finds an incoming record by any of its bundle ids',
      async run(store) {
        const one = incomingRecord({ messageHeaderId: 'm-1', bundleIds: ['x-1', 'x-2', 'x-3'] });
        const two = incomingRecord({ messageHeaderId: 'm-2', bundleIds: ['y-1'] });
        await store.putIncoming(one);
        await store.putIncoming(two);
        for (const id of one.bundleIds) equal(await store.findIncomingByBundleId(id), one, `by ${id}`);
        equal(await store.findIncomingByBundleId('y-1'), two, 'the other record');
        equal(await store.findIncomingByBundleId('m-1'), undefined, 'a message id is not a bundle id');
        equal(await store.findIncomingByBundleId('unknown'), undefined, 'unknown bundle id');
      },
    },
    {
      name: 'keeps bundle ids in step when an incoming record is replaced',
      async run(store) {
        const first = incomingRecord({ bundleIds: ['b-1'], state: 'failed', ackCode: 'transient-error' });
        const again = incomingRecord({
          bundleIds: ['b-1', 'b-2'],
          lastSeenAt: '2026-03-02T10:00:00Z',
          acknowledgement: '{"id":"ack-2"}',
        });
        await store.putIncoming(first);
        await store.putIncoming(again);
        equal(await store.getIncoming(first.messageHeaderId), again, 'replaced');
        equal(await store.findIncomingByBundleId('b-1'), again, 'old bundle id');
        equal(await store.findIncomingByBundleId('b-2'), again, 'new bundle id');
        // The index mirrors the record: a bundle id the record no longer lists is no longer found.
        const trimmed = incomingRecord({ bundleIds: ['b-2', 'b-3'], lastSeenAt: '2026-03-03T10:00:00Z' });
        await store.putIncoming(trimmed);
        equal(await store.findIncomingByBundleId('b-1'), undefined, 'dropped bundle id');
        equal(await store.findIncomingByBundleId('b-3'), trimmed, 'added bundle id');
      },
    },
    {
      name: 'refuses a bundle id that belongs to another message, changing nothing',
      async run(store) {
        const owner = incomingRecord({ messageHeaderId: 'm-1', bundleIds: ['shared'] });
        await store.putIncoming(owner);
        const intruder = incomingRecord({ messageHeaderId: 'm-2', bundleIds: ['own', 'shared'] });
        await rejects(store.putIncoming(intruder), 'second owner');
        equal(await store.getIncoming('m-2'), undefined, 'intruder not stored');
        equal(await store.findIncomingByBundleId('own'), undefined, 'its other bundle id not indexed');
        equal(await store.findIncomingByBundleId('shared'), owner, 'first owner kept');
      },
    },
    {
      name: 'prunes incoming records last seen before the limit, bundle ids included',
      async run(store) {
        const seen = (id: string, lastSeenAt: string) =>
          incomingRecord({ messageHeaderId: id, bundleIds: [`${id}-a`, `${id}-b`], lastSeenAt });
        await store.putIncoming(seen('old', '2026-01-01T00:00:00Z'));
        await store.putIncoming(seen('older', '2025-06-01T00:00:00.123456Z'));
        await store.putIncoming(seen('edge', '2026-02-01T00:00:00.000Z'));
        await store.putIncoming(seen('new', '2026-03-01T00:00:00Z'));
        equal(await store.pruneIncoming('2026-02-01T00:00:00Z'), 2, 'pruned count');
        for (const id of ['old', 'older']) {
          equal(await store.getIncoming(id), undefined, `${id} gone`);
          equal(await store.findIncomingByBundleId(`${id}-a`), undefined, `${id} bundle ids gone`);
        }
        equal((await store.getIncoming('edge'))?.messageHeaderId, 'edge', 'last seen at the limit is kept');
        equal((await store.findIncomingByBundleId('new-b'))?.messageHeaderId, 'new', 'newer kept, with bundle ids');
        equal(await store.pruneIncoming('2026-02-01T00:00:00Z'), 0, 'nothing more to prune');
        // A pruned message's bundle id is free again.
        await store.putIncoming(seen('old', '2026-03-05T00:00:00Z'));
        equal((await store.findIncomingByBundleId('old-a'))?.lastSeenAt, '2026-03-05T00:00:00Z', 'seen anew');
      },
    },
    {
      name: 'refuses times that are not FHIR instants',
      async run(store) {
        await rejects(store.putOutgoing(outgoingRecord({ createdAt: '2026-03-01' })), 'date for createdAt');
        await rejects(store.putOutgoing(outgoingRecord({ dueAt: 'soon' })), 'text for dueAt');
        await rejects(store.putIncoming(incomingRecord({ lastSeenAt: '2026-03-01T10:00Z' })), 'no seconds');
        await rejects(store.listOutgoing({ dueBy: '1 March' }), 'dueBy');
        await rejects(store.pruneIncoming('2026-03-01T10:00:00'), 'no zone');
        equal(await store.listOutgoing(), [], 'nothing stored');
        equal(await store.getIncoming('in-1'), undefined, 'no incoming stored');
      },
    },
    {
      name: 'closes: twice is harmless, later calls reject',
      async run(store) {
        await store.putOutgoing(outgoingRecord());
        await store.close();
        await store.close();
        await rejects(store.putOutgoing(outgoingRecord()), 'putOutgoing');
        await rejects(store.getOutgoing('mh-1|5790000123456'), 'getOutgoing');
        await rejects(store.listOutgoing(), 'listOutgoing');
        await rejects(store.putIncoming(incomingRecord()), 'putIncoming');
        await rejects(store.getIncoming('in-1'), 'getIncoming');
        await rejects(store.findIncomingByBundleId('bundle-1'), 'findIncomingByBundleId');
        await rejects(store.pruneIncoming('2026-03-01T00:00:00Z'), 'pruneIncoming');
      },
    },
  ];
}
