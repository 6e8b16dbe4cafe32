// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { Bundle } from '@medplum/fhirtypes';
import {
  activityLabel,
  describeMessage,
  formatCpr,
  messageHeaderOf,
  redactCpr,
  resolveReference,
  stayOf,
  type HospitalNotificationDescription,
  type PartyDescription,
  type Stay,
  type StayEpisode,
  type StayEvent,
  type StayParty,
  type StayPatient,
} from '@samspil/sdk';
import { heading } from '../internal/heading.js';
import { messagesTask, type MessageLoadError, type MessageSource } from '../internal/message-loader.js';
import { mailtoHref, telHref } from '../internal/links.js';
import { PrintDetailsController } from '../internal/print-details.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { collapsibleViewerStyles, viewerDetailStyles, viewerStyles } from '../styles/viewer.styles.js';
import { visuallyHiddenStyles } from '../styles/visually-hidden.styles.js';
import { stayTimelineStyles } from './stay-timeline.styles.js';
import { daStrings, enStrings, type StayTimelineStrings } from './stay-timeline.strings.js';

type Content = TemplateResult | string | typeof nothing | readonly Content[];

/** A way to reach the sending department, from its Organization's `telecom`. */
interface Contact {
  readonly system: 'phone' | 'email' | 'other';
  readonly value: string;
}

/** What the timeline shows of one message beyond what `stayOf` keeps. */
interface MessageInfo {
  readonly description: HospitalNotificationDescription | undefined;
  readonly contacts: readonly Contact[];
}

/** The read messages: the stay, and each message by its MessageHeader id (the first copy of a duplicate). */
interface View {
  readonly bundles: readonly Bundle[];
  readonly stay: Stay;
  readonly messages: ReadonlyMap<string, MessageInfo>;
}

/** What an episode shows once for all its messages. */
interface Shared {
  readonly senders: readonly StayParty[];
  readonly receivers: readonly PartyDescription[];
  readonly providers: readonly PartyDescription[];
  /** The episode's episode-of-care ids, space separated. */
  readonly episodeOfCare: string;
}

/** Which part of an event a message reported. */
type Role = 'report' | 'revision' | 'cancellation';

/** What the callout says, by the newest episode's state and the reference day. */
type StatusKind =
  'admitted' | 'admitted-emergency' | 'on-leave' | 'discharged-today' | 'discharged' | 'deceased' | 'cancelled';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The sending Organization's `telecom`, read defensively: received messages are untrusted JSON. */
function senderContacts(bundle: Bundle): Contact[] {
  const organization = resolveReference(bundle, messageHeaderOf(bundle)?.sender, 'Organization');
  const telecom: unknown = organization?.telecom;
  if (!Array.isArray(telecom)) return [];
  return telecom.flatMap((point: unknown): Contact[] => {
    if (typeof point !== 'object' || point === null) return [];
    const { system, value } = point as { system?: unknown; value?: unknown };
    if (typeof value !== 'string' || value.trim() === '') return [];
    return [{ system: system === 'phone' || system === 'email' ? system : 'other', value }];
  });
}

function describe(bundle: Bundle): HospitalNotificationDescription | undefined {
  try {
    const description = describeMessage(bundle);
    return description.kind === 'hospital-notification' ? description : undefined;
  } catch {
    return undefined;
  }
}

/** The calendar day of an instant in a time zone, `YYYY-MM-DD`. */
function dayIn(instant: Date, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function validTimeZone(zone: string): string | undefined {
  if (zone.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function patientName(patient: StayPatient): string {
  return [...(patient.given ?? []), patient.family ?? ''].filter((part) => part.trim() !== '').join(' ');
}

const samePlace = (a: { sor?: string | undefined; name?: string | undefined }, b: typeof a) =>
  a.sor !== undefined && b.sor !== undefined ? a.sor === b.sor : a.name === b.name;

function unique<T extends { sor?: string | undefined; name?: string | undefined }>(parties: readonly T[]): T[] {
  return parties.filter((party, i) => parties.findIndex((other) => samePlace(party, other)) === i);
}

/** Whether the episode shows this party once for all its messages: it is the episode's only one of its kind. */
const isShared = (parties: readonly StayParty[], party: StayParty) =>
  parties.length === 1 && samePlace(parties[0] as StayParty, party);

/** The episode whose latest event is latest (on a tie the later one), as `stayOf` picks the stay's state. */
function newestEpisode(stay: Stay): StayEpisode | undefined {
  const last = (episode: StayEpisode) =>
    Math.max(-Infinity, ...episode.events.map((event) => Date.parse(event.time)).filter(Number.isFinite));
  return stay.episodes.reduce<StayEpisode | undefined>(
    (best, episode) => (best === undefined || last(episode) >= last(best) ? episode : best),
    undefined,
  );
}

/**
 * @summary Shows a patient's hospital stay, rebuilt from the MedCom HospitalNotifications (advis om sygehusophold)
 * a municipality received, so home care knows where the citizen is and what to do.
 *
 * @description A status callout on top says what matters now, counted on `reference-date`: admitted, on leave,
 * discharged (today: "home care must be ready"), died or cancelled. Below it, a timeline per episode of care:
 * admitted (inpatient or acute ambulant), leave started and ended, discharged, died. Corrections show the corrected
 * value and the earlier ones; cancelled events stay in the timeline, struck through and labelled. Every message of
 * the episode is listed with its MustSupport content (activity, encounter status and class, period, leave period,
 * sender, receiver, episode-of-care ids, admission-report request, message id). Messages may arrive in any order;
 * `stayOf` from `@samspil/sdk` places them, and a message received twice is shown once (its id is in the
 * `samspil-load` model's `duplicates`, for the host to log, as MedCom's display rules ask). Times are shown in
 * `time-zone` (the reader's by default). Give the messages as `messages` (Bundles, FHIR JSON or XML text or
 * bytes) or as `src` URLs.
 *
 * @fires samspil-load - The messages were read; `detail.model` is the `Stay` from `stayOf`.
 * @fires samspil-error - The messages could not be loaded, or none is a HospitalNotification; `detail.message`
 *   never contains a CPR number.
 *
 * @csspart base - The timeline's outer box (an article).
 * @csspart print-header - Patient name and CPR number, repeated at the top of every printed page (print only).
 * @csspart title - The title.
 * @csspart status - The status callout for the newest episode.
 * @csspart status-headline - The callout's headline.
 * @csspart warning - The warning shown when the messages concern more than one patient.
 * @csspart episode - Each episode of care.
 * @csspart timeline - An episode's list of events.
 * @csspart event - Each event.
 * @csspart messages - An episode's list of messages.
 * @csspart notes - The time-zone note and skipped messages.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop [--samspil-font-family=system-ui, …] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Labels and secondary text (dark theme `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark theme `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Background of the callout (dark theme `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Borders and the timeline's line (dark theme `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Headings, links, event markers (dark theme `#8ab4f8`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Background of "discharged today" and the patient warning.
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Text on the warning background.
 * @cssprop [--samspil-color-danger=#9b1c1c] - The error state (dark theme `#ff9b9b`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 * @cssprop [--samspil-stay-timeline-headline-font-size=1.5rem] - Size of the callout's headline.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilStayTimeline extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [
    tokens,
    letterStyles,
    visuallyHiddenStyles,
    viewerStyles,
    viewerDetailStyles,
    collapsibleViewerStyles,
    stayTimelineStyles,
  ];

  private readonly task = messagesTask(this, {
    onLoad: (bundles) => {
      const { stay } = this.viewOf(bundles);
      if (stay.episodes.length > 0) this.emit('samspil-load', { model: stay });
      else if (stay.skipped.length > 0) {
        this.emit('samspil-error', {
          message: 'None of the messages is a HospitalNotification',
          issues: stay.skipped.map((skipped, i) => ({
            severity: 'error',
            path: `messages[${i}]`,
            message: redactCpr(skipped.reason),
          })),
        });
      }
    },
    onError: (error) => this.emit('samspil-error', { message: error.message, issues: [] }),
  });

  /** The received HospitalNotifications (property only): Bundles, or FHIR JSON/XML text or bytes. Wins over `src`. */
  @property({ attribute: false }) messages: readonly MessageSource[] | undefined;

  /** URLs of HospitalNotifications to fetch and show, separated by white space. */
  @property() src = '';

  /**
   * The day the status is counted on: `YYYY-MM-DD`, or a date-time (its day in `time-zone`); today when empty.
   */
  @property({ attribute: 'reference-date' }) referenceDate = '';

  /** IANA time zone the times are shown in, e.g. `Europe/Copenhagen`; the reader's own when empty or unknown. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The level of the title heading; the callout and the episodes are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 = 2;

  /** Shows the timeline as it prints: the print header on top, every list expanded, no collapsing. */
  @property({ type: Boolean, reflect: true, attribute: 'print-preview' }) printPreview = false;

  private view: View | undefined;

  /** Date formatters by locale, zone and precision: a render formats dozens of times. */
  private readonly formatters = new Map<string, Intl.DateTimeFormat>();

  /** Opens closed details for printing and closes them again afterwards. */
  private readonly printDetails = new PrintDetailsController(this);

  private get t(): StayTimelineStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  /** The time zone in use: `time-zone` when valid, else the reader's. */
  private get zone(): string | undefined {
    return validTimeZone(this.timeZone);
  }

  /** The reference day, `YYYY-MM-DD`, in the time zone in use. */
  private get referenceDay(): string {
    const value = this.referenceDate.trim();
    if (DAY.test(value)) return value;
    const parsed = value === '' ? Number.NaN : Date.parse(value);
    return dayIn(Number.isNaN(parsed) ? new Date() : new Date(parsed), this.zone);
  }

  /** Reads the messages once per input: the stay, and per message its description and the sender's contacts. */
  private viewOf(bundles: readonly Bundle[]): View {
    if (this.view?.bundles === bundles) return this.view;
    const messages = new Map<string, MessageInfo>();
    for (const bundle of bundles) {
      const id = messageHeaderOf(bundle)?.id;
      if (typeof id !== 'string' || messages.has(id)) continue;
      messages.set(id, { description: describe(bundle), contacts: senderContacts(bundle) });
    }
    this.view = { bundles, stay: stayOf(bundles), messages };
    return this.view;
  }

  /** An instant in the reader's language and the time zone in use (a calendar day: `YYYY-MM-DD`, `dateOnly`). */
  private format(iso: string, dateOnly = false): string | undefined {
    const day = DAY.test(iso);
    const at = Date.parse(day ? `${iso}T12:00:00Z` : iso);
    if (Number.isNaN(at)) return undefined;
    const locale = this.localize.locale === 'da' ? 'da-DK' : 'en-GB';
    // A day is a calendar date, not an instant: shown as written, whatever the zone.
    const timeZone = day ? 'UTC' : this.zone;
    const key = `${locale}|${timeZone ?? ''}|${dateOnly || day}`;
    let formatter = this.formatters.get(key);
    if (formatter === undefined) {
      formatter = new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        ...(dateOnly || day ? {} : { hour: '2-digit', minute: '2-digit' }),
      });
      this.formatters.set(key, formatter);
    }
    return formatter.format(at);
  }

  /** A `<time>` with the message's own value as `datetime`, shown in the reader's time zone and language. */
  private when(iso: string | undefined): Content {
    if (iso === undefined || iso === '') return html`<span class="muted">${this.t.stayNotStated}</span>`;
    const text = this.format(iso);
    return text === undefined ? iso : html`<time datetime=${iso}>${text}</time>`;
  }

  private heading(offset: number, content: Content, className: string, id?: string, part?: string) {
    return heading(content, { base: this.headingLevel, offset, className, id, part });
  }

  private fact(label: Content, value: Content) {
    return html`<div class="fact">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  private contact(contact: Contact) {
    const t = this.t;
    const href =
      contact.system === 'email'
        ? mailtoHref(contact.value)
        : contact.system === 'phone'
          ? telHref(contact.value)
          : undefined;
    const label = contact.system === 'email' ? t.stayEmail : contact.system === 'phone' ? t.stayPhone : '';
    return html`<span class="line"
      >${label ? `${label}: ` : nothing}${href ? html`<a href=${href}>${contact.value}</a>` : contact.value}</span
    >`;
  }

  /** An organisation: name, SOR (and GLN when known), and the contacts the message gives. */
  private party(party: StayParty | PartyDescription, contacts: readonly Contact[] = []) {
    const t = this.t;
    const gln = 'gln' in party ? party.gln : undefined;
    return html`<span class="line party__name">${party.name ?? t.stayNotStated}</span> ${
        party.sor === undefined && gln === undefined
          ? nothing
          : html`<span class="line muted"
              >${party.sor === undefined ? nothing : `${t.staySor} ${party.sor}`}${
                party.sor !== undefined && gln !== undefined ? ' · ' : nothing
              }${gln === undefined ? nothing : `${t.stayGln} ${gln}`}</span
            >`
      }
      ${contacts.map((contact) => this.contact(contact))}`;
  }

  /** The MedCom abbreviation (STIN, RE_SLHJ, MORS …) of a message, unless it contradicts a death. */
  private abbreviation(id: string, died: boolean): string | undefined {
    const abbreviation = this.view?.messages.get(id)?.description?.details.abbreviation;
    return died && !abbreviation?.includes('MORS') ? undefined : abbreviation;
  }

  /** A message's activity as the reader knows it: MedCom's label, or "Died" for MORS (which keeps the admit code). */
  private activity(code: string, role: Role, died: boolean): string {
    const t = this.t;
    if (died) {
      const base = t.stayEvents.died;
      return role === 'report' ? base : `${role === 'revision' ? t.stayRevised : t.stayCancelled}: ${base}`;
    }
    return activityLabel(code)?.[this.localize.locale] ?? code;
  }

  private renderStatus(episode: StayEpisode, position: string | undefined) {
    const t = this.t;
    const live = episode.events.filter((event) => event.status !== 'cancelled');
    const last = live[live.length - 1];
    const admission = [...live].reverse().find((event) => event.kind.startsWith('admitted-'));
    const since = episode.since ?? '';
    const facts: Content[] = [];
    let kind: StatusKind;
    let headline: string;
    let action: string;
    let report = false;
    switch (episode.state) {
      case 'admitted': {
        const emergency = episode.class === 'emergency';
        kind = emergency ? 'admitted-emergency' : 'admitted';
        headline = emergency ? t.stayHeadlineEmergency : t.stayHeadlineAdmitted;
        action = emergency ? t.stayActionEmergency : t.stayActionAdmitted;
        if (admission)
          facts.push(this.fact(emergency ? t.stayEmergencySince : t.stayAdmittedSince, this.when(admission.time)));
        if (last?.kind === 'leave-ended') facts.push(this.fact(t.stayBackFromLeave, this.when(last.time)));
        report =
          admission !== undefined &&
          this.view?.messages.get(admission.messageHeaderId)?.description?.details.reportOfAdmission === true;
        break;
      }
      case 'on-leave':
        kind = 'on-leave';
        headline = t.stayHeadlineOnLeave(this.format(since) ?? since);
        action = t.stayActionOnLeave;
        if (admission) facts.push(this.fact(t.stayAdmittedSince, this.when(admission.time)));
        break;
      case 'discharged': {
        const at = Date.parse(since);
        const days = Number.isNaN(at) ? undefined : daysBetween(this.referenceDay, dayIn(new Date(at), this.zone));
        kind = days === 0 ? 'discharged-today' : 'discharged';
        headline =
          days === 0
            ? t.stayHeadlineDischargedToday
            : days === -1
              ? t.stayHeadlineDischargedYesterday
              : t.stayHeadlineDischarged(this.format(since, true) ?? since);
        action = days === 0 ? t.stayActionDischargedToday : t.stayActionDischarged;
        facts.push(this.fact(t.stayDischargedAt, this.when(since)));
        break;
      }
      case 'deceased':
        kind = 'deceased';
        headline = t.stayHeadlineDeceased;
        action = t.stayActionDeceased;
        facts.push(this.fact(t.stayDiedAt, this.when(since)));
        break;
      default:
        kind = 'cancelled';
        headline = t.stayHeadlineCancelled;
        action = t.stayActionCancelled;
    }
    const reference = this.format(this.referenceDay, true) ?? this.referenceDay;
    return html`<section
      class=${classMap({ status: true, [`status--${kind}`]: true })}
      part="status"
      data-status=${kind}
    >
      <p class="status__label">
        ${t.stayStatusLabel}${position ? ` · ${position}` : nothing}
        <span class="muted">(${t.stayAsOf(reference)})</span>
      </p>
      ${this.heading(1, headline, 'status__headline', undefined, 'status-headline')}
      <p class="status__action">${action}</p>
      ${facts.length > 0 ? html`<dl class="facts status__facts">${facts}</dl>` : nothing}
      ${report ? html`<p class="status__report">${t.stayReportOfAdmissionRequest}</p>` : nothing}
    </section>`;
  }

  private renderEvent(event: StayEvent) {
    const t = this.t;
    const cancelled = event.status === 'cancelled';
    const revised = event.versions.length > 1;
    const died = event.kind === 'died';
    const label = t.stayEvents[event.kind];
    const abbreviation = this.abbreviation(event.messageHeaderId, died);
    const what = html`<span class="event__label">${label}</span> ${this.when(event.time)}`;
    const earlier = event.versions.slice(0, -1);
    return html`<li
      class=${classMap({ event: true, 'event--cancelled': cancelled, 'event--revised': revised })}
      part="event"
      data-kind=${event.kind}
      data-status=${event.status}
    >
      <p class="event__head">
        ${
          cancelled
            ? html`<del class="event__what"><span class="visually-hidden">${t.stayCancelled}: </span>${what}</del>
                <span class="badge badge--cancelled" aria-hidden="true">${t.stayCancelled}</span>`
            : html`<span class="event__what">${what}</span>`
        }
        ${revised ? html`<span class="badge badge--revised">${t.stayRevised}</span>` : nothing}
      </p>
      <p class="event__meta muted">
        ${abbreviation ? html`<span class="code">${abbreviation}</span>` : nothing}
        ${died ? nothing : this.activity(event.activity, 'report', false)}
        ${event.sender.name ? html`<span class="line">${t.stayReportedBy}: ${event.sender.name}</span>` : nothing}
      </p>
      ${
        revised
          ? html`<ul class="event__notes">
              ${earlier.map(
                (version) =>
                  html`<li>
                    ${t.stayEarlier}: ${this.when(version.time)}
                    <span class="muted">(${t.staySent} ${this.when(version.sentAt)})</span>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        event.cancellation
          ? html`<p class="event__notes">
              ${t.stayCancelledAt} ${this.when(event.cancellation.sentAt)}
              ${event.cancellation.sender.name ? html`${t.stayBy} ${event.cancellation.sender.name}` : nothing}
            </p>`
          : nothing
      }
      ${
        event.unresolved
          ? html`<p class="event__notes">
              ${cancelled ? t.stayUnresolvedCancellation : t.stayUnresolvedRevision} (${t.stayMessageId}:
              <code class="id">${event.unresolved}</code>)
            </p>`
          : nothing
      }
    </li>`;
  }

  /** Which event and role each message of an episode reported. */
  private roles(episode: StayEpisode): Map<string, { event: StayEvent; role: Role }> {
    const roles = new Map<string, { event: StayEvent; role: Role }>();
    for (const event of episode.events) {
      event.versions.forEach((version, i) =>
        roles.set(version.messageHeaderId, { event, role: i === 0 ? 'report' : 'revision' }),
      );
      if (event.cancellation) roles.set(event.cancellation.messageHeaderId, { event, role: 'cancellation' });
    }
    return roles;
  }

  private period(period: { start?: string | undefined; end?: string | undefined } | undefined) {
    if (period === undefined || (period.start === undefined && period.end === undefined)) return nothing;
    return html`${this.when(period.start)} –
    ${period.end === undefined ? html`<span class="muted">${this.t.stayOpenEnd}</span>` : this.when(period.end)}`;
  }

  /**
   * One message with its MustSupport content. Parties and episode-of-care ids the episode shows once for all its
   * messages (`shared`) are left out here, so the list shows what differs.
   */
  private renderMessage(id: string, role: { event: StayEvent; role: Role } | undefined, shared: Shared) {
    const t = this.t;
    const info = this.view?.messages.get(id);
    const d = info?.description;
    const details = d?.details;
    const died = role?.event.kind === 'died';
    const code = d?.event?.code ?? '';
    const abbreviation = this.abbreviation(id, died);
    const statusCode = details?.encounterStatus;
    const classCode = details?.encounterClass;
    const previous = d?.thread.previous;
    const serviceProvider = details?.serviceProvider;
    return html`<li class="message" data-message-id=${id}>
      <p class="message__title">
        ${d?.event?.occurred ? this.when(d.event.occurred) : nothing}
        <strong>${code ? this.activity(code, role?.role ?? 'report', died) : t.stayNotStated}</strong>
        ${abbreviation ? html`<span class="code">${abbreviation}</span>` : nothing}
        ${code ? html`<code class="raw">${code}</code>` : nothing}
      </p>
      <dl class="facts facts--compact">
        ${
          statusCode
            ? this.fact(
                t.stayMessageStatus,
                html`${t.stayEncounterStatuses[statusCode] ?? statusCode} <code class="raw">${statusCode}</code>`,
              )
            : nothing
        }
        ${
          classCode
            ? this.fact(
                t.stayMessageClass,
                html`${t.stayClasses[classCode] ?? classCode} <code class="raw">${classCode}</code>`,
              )
            : nothing
        }
        ${details?.period ? this.fact(t.stayMessagePeriod, this.period(details.period)) : nothing}
        ${details?.leavePeriod ? this.fact(t.stayMessageLeave, this.period(details.leavePeriod)) : nothing}
        ${d?.patient?.deceased ? this.fact(t.stayMessageDeceased, t.stayYes) : nothing}
        ${
          details?.reportOfAdmission === undefined
            ? nothing
            : this.fact(
                t.stayMessageReport,
                html`${details.reportOfAdmission ? t.stayYes : t.stayNo}${
                  details.reportOfAdmissionRecipient?.name
                    ? ` (${t.stayMessageReportTo} ${details.reportOfAdmissionRecipient.name})`
                    : nothing
                }`,
              )
        }
        ${
          d?.sender && !isShared(shared.senders, d.sender)
            ? this.fact(t.stayFactDepartment, this.party(d.sender, info?.contacts))
            : nothing
        }
        ${
          serviceProvider &&
          d?.sender &&
          !samePlace(serviceProvider, d.sender) &&
          !isShared(shared.providers, serviceProvider)
            ? this.fact(t.stayFactServiceProvider, this.party(serviceProvider))
            : nothing
        }
        ${d?.receiver && !isShared(shared.receivers, d.receiver) ? this.fact(t.stayFactReceiver, this.party(d.receiver)) : nothing}
        ${
          details && details.episodeOfCareIds.length > 0 && details.episodeOfCareIds.join(' ') !== shared.episodeOfCare
            ? this.fact(
                t.stayFactEpisodeOfCare,
                details.episodeOfCareIds.map((value) => html`<code class="id line">${value}</code>`),
              )
            : nothing
        }
        ${
          previous?.messageHeaderId || previous?.identifier
            ? this.fact(
                previous.role === 'removal' || role?.role === 'cancellation'
                  ? t.stayMessageCancels
                  : role?.role === 'revision' || code.startsWith('revise-')
                    ? t.stayMessageRevises
                    : t.stayMessagePrevious,
                html`<code class="id">${previous.messageHeaderId ?? previous.identifier}</code>`,
              )
            : nothing
        }
        ${this.fact(t.stayMessageId, html`<code class="id">${id}</code>`)}
      </dl>
    </li>`;
  }

  private renderMessages(episode: StayEpisode, shared: Shared) {
    const t = this.t;
    const roles = this.roles(episode);
    const sent = (id: string) => Date.parse(this.view?.messages.get(id)?.description?.event?.occurred ?? '') || 0;
    const ids = [...episode.messageHeaderIds].sort((a, b) => sent(a) - sent(b) || (a < b ? -1 : a > b ? 1 : 0));
    const title = this.heading(2, t.stayMessages(ids.length), 'messages__heading');
    const list = html`<ol class="messages__list">
      ${ids.map((id) => this.renderMessage(id, roles.get(id), shared))}
    </ol>`;
    return this.printPreview
      ? html`<section class="messages" part="messages">${title}${list}</section>`
      : html`<details class="messages" part="messages" open>
          <summary>${title}</summary>
          ${list}
        </details>`;
  }

  private renderEpisode(episode: StayEpisode, index: number, total: number, showPatient: boolean) {
    const t = this.t;
    const infos = episode.messageHeaderIds.flatMap((id) => {
      const info = this.view?.messages.get(id);
      return info ? [info] : [];
    });
    const senders = unique(
      episode.events.flatMap((event) => [
        ...event.versions.map((version) => version.sender),
        ...(event.cancellation ? [event.cancellation.sender] : []),
      ]),
    );
    const contactsOf = (sender: StayParty) =>
      infos.find((info) => info.description?.sender && samePlace(info.description.sender, sender))?.contacts ?? [];
    const receivers = unique(infos.flatMap((info) => (info.description?.receiver ? [info.description.receiver] : [])));
    const providers = unique(
      infos.flatMap((info) =>
        info.description?.details.serviceProvider ? [info.description.details.serviceProvider] : [],
      ),
    ).filter((provider) => !senders.some((sender) => samePlace(sender, provider)));
    const name = patientName(episode.patient);
    return html`<section
      class=${classMap({ section: true, episode: true, [`episode--${episode.state}`]: true })}
      part="episode"
      data-state=${episode.state}
    >
      ${this.heading(1, total > 1 ? t.stayEpisodeOf(index + 1, total) : t.stayEpisode, 'section__heading')}
      <dl class="facts">
        ${this.fact(
          t.stayFactState,
          html`<strong class="state-label"
            >${
              episode.state === 'admitted' && episode.class === 'emergency'
                ? t.stayHeadlineEmergency
                : t.stayStates[episode.state]
            }</strong
          >`,
        )}
        ${
          showPatient
            ? this.fact(
                t.stayFactPatient,
                html`${name || this.localize.strings.unknownName}
                ${episode.patient.cpr ? html`<span class="line">${formatCpr(episode.patient.cpr)}</span>` : nothing}`,
              )
            : nothing
        }
        ${senders.map((sender) => this.fact(t.stayFactDepartment, this.party(sender, contactsOf(sender))))}
        ${providers.map((provider) => this.fact(t.stayFactServiceProvider, this.party(provider)))}
        ${receivers.map((receiver) => this.fact(t.stayFactReceiver, this.party(receiver)))}
        ${
          episode.episodeOfCare.length > 0
            ? this.fact(
                t.stayFactEpisodeOfCare,
                episode.episodeOfCare.map(
                  (eoc) =>
                    html`<span class="line"
                      ><code class="id">${eoc.value}</code>
                      <span class="muted">(${t.stayEpisodeKinds[eoc.kind]})</span></span
                    >`,
                ),
              )
            : nothing
        }
      </dl>
      <ol class="timeline" part="timeline" aria-label=${t.stayTimeline}>
        ${episode.events.map((event) => this.renderEvent(event))}
      </ol>
      ${this.renderMessages(episode, {
        senders,
        receivers,
        providers,
        episodeOfCare: episode.episodeOfCare.map((eoc) => eoc.value).join(' '),
      })}
    </section>`;
  }

  private renderStay(view: View) {
    const t = this.t;
    const shared = this.localize.strings;
    const { stay } = view;
    const newest = newestEpisode(stay) ?? stay.episodes[stay.episodes.length - 1];
    const patient = newest?.patient ?? {};
    const name = patientName(patient);
    const cpr = patient.cpr ?? '';
    const patients = new Set(stay.episodes.map((episode) => episode.patient.cpr ?? patientName(episode.patient)));
    const total = stay.episodes.length;
    const position = newest && total > 1 ? t.stayEpisodeOf(stay.episodes.indexOf(newest) + 1, total) : undefined;
    const zone = this.zone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return html`<article class="letter base" part="base" aria-label=${t.stayTitle} lang=${this.localize.locale}>
      <div class="print-header" part="print-header">
        <span>${name || shared.unknownName}</span>
        <span>${cpr ? `${shared.cprLabel} ${formatCpr(cpr)}` : shared.noIdentifier}</span>
      </div>
      <samspil-patient-banner
        name=${name}
        cpr=${cpr}
        reference-date=${this.referenceDay}
        lang=${this.localize.locale}
        theme=${this.theme}
      ></samspil-patient-banner>
      ${
        patients.size > 1
          ? html`<p class="banner" part="warning" role="note">${t.stayManyPatients(patients.size)}</p>`
          : nothing
      }
      ${this.heading(0, t.stayTitle, 'letter__title', undefined, 'title')}
      ${newest ? this.renderStatus(newest, position) : nothing}
      ${stay.episodes.map((episode, i) => this.renderEpisode(episode, i, total, patients.size > 1))}
      <div class="notes muted" part="notes">
        <p>${t.stayTimeZone(zone)}</p>
        ${stay.skipped.length > 0 ? html`<p>${t.staySkipped(stay.skipped.length)}</p>` : nothing}
      </div>
    </article>`;
  }

  private renderState(kind: 'loading' | 'empty') {
    const t = this.t;
    return kind === 'loading'
      ? html`<p class="state" part="state" role="status" lang=${this.localize.locale}>${t.stayLoading}</p>`
      : html`<p class="state" part="state" lang=${this.localize.locale}>${t.stayEmpty}</p>`;
  }

  private renderError(message: string) {
    return html`<div class="state state--error" part="state" role="alert" lang=${this.localize.locale}>
      <p class="state__title">${this.t.stayError}</p>
      ${message ? html`<p class="state__detail" lang="en">${redactCpr(message)}</p>` : nothing}
    </div>`;
  }

  override render() {
    return this.task.render({
      initial: () => this.renderState('empty'),
      pending: () => this.renderState('loading'),
      complete: (bundles) => {
        if (bundles === undefined) return this.renderState('empty');
        const view = this.viewOf(bundles);
        if (view.stay.episodes.length > 0) return this.renderStay(view);
        return view.stay.skipped.length > 0
          ? this.renderError('None of the messages is a HospitalNotification')
          : this.renderState('empty');
      },
      // MessageLoadError messages are redacted already; anything else (an abort, a bug) is redacted here.
      error: (error) => this.renderError(String((error as MessageLoadError | undefined)?.message ?? '')),
    });
  }
}
