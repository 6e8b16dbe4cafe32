// SPDX-License-Identifier: MIT
// Reads what a follow-up HospitalNotification needs from the message it follows: its MessageHeader.id, its current
// activity and its Provenance history stack.
import type { Bundle, MessageHeader, Provenance, Resource } from '@medplum/fhirtypes';
import { refuse } from './check.js';
import {
  HOSPITAL_NOTIFICATION_ACTIVITY_CODES,
  type HospitalNotificationActivityCode,
} from './hospital-notification-activities.js';
import { SYSTEMS } from './urls.js';

/**
 * The earlier message as {@link buildHospitalNotification} takes it in `previous`: what
 * {@link previousNotification} reads.
 *
 * @example
 * ```ts
 * const previous: PreviousNotification = { messageHeaderId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404', history: [] };
 * ```
 * @category Builders
 */
export interface PreviousNotification {
  readonly messageHeaderId: string;
  readonly activity?: HospitalNotificationActivityCode;
  readonly history: {
    readonly messageHeaderId: string;
    readonly activity: HospitalNotificationActivityCode;
    readonly time: string;
    readonly entity?: { readonly role: 'revision' | 'removal'; readonly messageHeaderId: string };
  }[];
}

const isActivity = (code: unknown): code is HospitalNotificationActivityCode =>
  (HOSPITAL_NOTIFICATION_ACTIVITY_CODES as readonly unknown[]).includes(code);

/** The MessageHeader id a reference names: `MessageHeader/<id>` or a full URL ending so. */
function headerId(reference: string | undefined): string | undefined {
  const match = /(?:^|\/)MessageHeader\/([A-Za-z0-9\-.]{1,64})$/.exec(reference ?? '');
  return match?.[1];
}

function activityOf(provenance: Provenance): HospitalNotificationActivityCode | undefined {
  const codings = provenance.activity?.coding;
  const coding = (Array.isArray(codings) ? codings : []).find(
    (c) => c.system === SYSTEMS.activityCodes && isActivity(c.code),
  );
  return coding?.code as HospitalNotificationActivityCode | undefined;
}

/**
 * Reads the `previous` of a follow-up message from the HospitalNotification it follows: its MessageHeader.id,
 * every exchange of its Provenance history (oldest first) so that the new message carries the history forward,
 * and the stay's current activity (the latest reported activity not cancelled; a correction counts as what it
 * corrects), which a death message repeats.
 *
 * @example
 * ```ts
 * const leave = buildHospitalNotification({ ...stay, activity: 'start-leave-inpatient', previous: previousNotification(admission) });
 * ```
 * @category Builders
 */
export function previousNotification(message: Bundle): PreviousNotification {
  // A received message is untrusted JSON: read only what has the expected shape.
  const entries: unknown = message.entry;
  const resources = (Array.isArray(entries) ? (entries as unknown[]) : []).flatMap((e) => {
    const resource = (e as { resource?: unknown } | null)?.resource as Resource | undefined;
    return typeof resource?.resourceType === 'string' ? [resource] : [];
  });
  const header = resources.find((r): r is MessageHeader => r.resourceType === 'MessageHeader');
  if (header?.id === undefined) refuse('previous', 'hospital-notification', 'Not a message: it has no MessageHeader');
  const id = header.id;
  const provenances = resources.filter((r): r is Provenance => r.resourceType === 'Provenance');
  const history = provenances
    .flatMap((p) => {
      const target = Array.isArray(p.target) ? headerId(p.target[0]?.reference) : undefined;
      const activity = activityOf(p);
      const time = p.occurredDateTime ?? p.recorded;
      if (typeof time !== 'string') return [];
      if (target === undefined || activity === undefined) return [];
      const entity = (Array.isArray(p.entity) ? p.entity : []).find(
        (e) => e.role === 'revision' || e.role === 'removal',
      );
      const entityId = headerId(entity?.what?.reference);
      return [
        {
          messageHeaderId: target,
          activity,
          time,
          ...(entity !== undefined && entityId !== undefined
            ? { entity: { role: entity.role as 'revision' | 'removal', messageHeaderId: entityId } }
            : {}),
        },
      ];
    })
    .filter((h, i, all) => all.findIndex((o) => o.messageHeaderId === h.messageHeaderId) === i)
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.messageHeaderId.localeCompare(b.messageHeaderId));
  const activity = currentActivity(history);
  return { messageHeaderId: id, ...(activity === undefined ? {} : { activity }), history };
}

/**
 * The stay's current activity: the latest reported activity that is not cancelled, a correction counting as what
 * it corrects (MedCom's "current activity", which a death message repeats).
 */
function currentActivity(history: PreviousNotification['history']): HospitalNotificationActivityCode | undefined {
  const eventOf = new Map<string, string>();
  const reported = new Map<string, HospitalNotificationActivityCode>();
  for (const h of history) {
    const target = h.entity === undefined ? undefined : eventOf.get(h.entity.messageHeaderId);
    if (h.entity?.role === 'removal' || h.activity.startsWith('cancel-')) {
      if (target !== undefined) reported.delete(target);
    } else if (h.activity.startsWith('revise-') && target !== undefined) {
      eventOf.set(h.messageHeaderId, target);
    } else {
      eventOf.set(h.messageHeaderId, h.messageHeaderId);
      reported.delete(h.messageHeaderId);
      reported.set(h.messageHeaderId, h.activity.replace(/^revise-/, '') as HospitalNotificationActivityCode);
    }
  }
  return [...reported.values()].pop();
}
