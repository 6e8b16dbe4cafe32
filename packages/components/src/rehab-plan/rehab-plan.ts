// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatCpr, redactCpr } from '@samspil/sdk';
import {
  abilitySections,
  FREE_CHOICE_DAYS,
  formattedTextToPlain,
  freeChoiceStartBy,
  labelOf,
  REHAB_PLAN_CODE_LABELS,
  REHAB_PLAN_FIELD_LABELS,
  REHAB_PLAN_SECTIONS,
  readRehabPlan,
  STATUS_CODE_LABELS,
  type FormattedText,
  type LetterDateTime,
  type LetterReference,
  type Party,
  type PartyPerson,
  type RehabAbilitySection,
  type RehabCode,
  type RehabContact,
  type RehabJournalExcerpt,
  type RehabPerson,
  type RehabPlan,
  type RehabPlanSectionId,
  type RehabRelative,
  type Telephone,
} from '@samspil/sdk/oioxml';
import { heading } from '../internal/heading.js';
import { formatDateTime } from '../internal/dates.js';
import { renderFormattedText } from '../internal/formatted-text.js';
import { letterTask, type LetterLoadError, type LetterSource } from '../internal/letter-loader.js';
import { mailtoHref, telHref } from '../internal/links.js';
import { PrintDetailsController } from '../internal/print-details.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { collapsibleViewerStyles, viewerDetailStyles, viewerStyles } from '../styles/viewer.styles.js';
import type { Locale } from '../i18n/strings.js';
import { rehabPlanStyles } from './rehab-plan.styles.js';
import { daStrings, enStrings, type RehabPlanStrings } from './rehab-plan.strings.js';

type Content = TemplateResult | string | typeof nothing | readonly Content[];

/**
 * Where the 7-day free-choice deadline stands on a reference date: days `left` (≥ 1), due `today`, `overdue`
 * by some days, or `unknown` (no expected discharge date in the plan, or no valid reference date).
 */
export type FreeChoiceStatus =
  | { readonly kind: 'left' | 'today' | 'overdue'; readonly days: number; readonly startBy: string }
  | {
      readonly kind: 'unknown';
      readonly reason: 'no-discharge-date' | 'bad-reference-date';
      readonly startBy?: string;
    };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date, in UTC so no DST shift moves it; else `undefined`. */
function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(0);
  value.setUTCFullYear(year, month - 1, day);
  const valid = value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === day;
  return valid ? Math.round(value.getTime() / DAY_MS) : undefined;
}

/** Today in the user's time zone, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The free-choice status of a plan on `referenceDate` (`YYYY-MM-DD`; today when empty). The last day training
 * can start is the expected discharge date plus {@link FREE_CHOICE_DAYS} calendar days: on the discharge day 7
 * days are left, on day 7 the deadline is today, and from day 8 it is overdue.
 */
export function freeChoiceStatus(plan: RehabPlan, referenceDate = ''): FreeChoiceStatus {
  const discharge = plan.currentHospitalContact?.expectedEnd?.date;
  const startBy = plan.freeChoice?.startBy ?? (discharge === undefined ? undefined : freeChoiceStartBy(discharge));
  const end = startBy === undefined ? undefined : dayNumber(startBy);
  if (startBy === undefined || end === undefined) return { kind: 'unknown', reason: 'no-discharge-date' };
  const reference = dayNumber(referenceDate || today());
  if (reference === undefined) return { kind: 'unknown', reason: 'bad-reference-date', startBy };
  const days = end - reference;
  if (days > 0) return { kind: 'left', days, startBy };
  if (days === 0) return { kind: 'today', days: 0, startBy };
  return { kind: 'overdue', days: -days, startBy };
}

/** The letter sections shown in the deadlines panel at the top rather than in the section order. */
const IN_DATES_PANEL: ReadonlySet<RehabPlanSectionId> = new Set([
  'rehabilitation-deadline',
  'current-hospital-contact',
  'control-and-follow-up',
]);

/** Sections that are long by nature; they collapse (open by default). Long free text collapses too. */
const LONG_SECTIONS: ReadonlySet<RehabPlanSectionId> = new Set([
  'relatives',
  'ability-at-discharge-extended',
  'journal-excerpts',
  'team',
]);
const LONG_TEXT_CHARS = 600;
const LONG_TEXT_LINES = 8;

function isBlank(ft: FormattedText | undefined): boolean {
  return ft === undefined || formattedTextToPlain(ft).trim() === '';
}

function isLong(ft: FormattedText | undefined): boolean {
  if (!ft) return false;
  const plain = formattedTextToPlain(ft);
  return plain.length > LONG_TEXT_CHARS || plain.split('\n').length > LONG_TEXT_LINES;
}

function joined(values: readonly (string | undefined)[], separator = ', '): string {
  return values.filter((value): value is string => value !== undefined && value.trim() !== '').join(separator);
}

function addressOf(place: {
  streetName?: string;
  suburbName?: string;
  postCodeIdentifier?: string;
  districtName?: string;
}): string {
  return joined([place.streetName, place.suburbName, joined([place.postCodeIdentifier, place.districtName], ' ')]);
}

function personName(person: { givenName?: string; surname?: string }): string {
  return joined([person.givenName, person.surname], ' ');
}

/** The text before the first italic line: a lead a clinician wrote above the template's sub-headings. */
function leadText(section: RehabAbilitySection): FormattedText {
  const first = section.text.findIndex((node) => node.kind === 'italic');
  const lead = first < 0 ? section.text : section.text.slice(0, first);
  return isBlank(lead) ? [] : lead;
}

/**
 * @summary Shows a MedCom GGOP genoptræningsplan (rehabilitation plan) to the municipal therapist who receives it.
 *
 * @description The type of rehabilitation (who trains the patient) is shown first and prominently, with the
 * deadlines: the sender's deadline, the expected discharge, the last day training can start under the 7-day
 * free-choice rule and the days left to it on `reference-date`. Then the informed consent, sender and receiver,
 * and every section of the plan in the order of `REHAB_PLAN_SECTIONS`. Long sections collapse (open by default);
 * elements the reader does not know are listed, collapsed, under "Øvrigt indhold". Give the plan as a `model`,
 * as a `letter` (text, Document or bytes) or as a `src` URL.
 *
 * @fires samspil-load - The plan was read; `detail.model` is the `RehabPlan`.
 * @fires samspil-error - The plan could not be loaded or read; `detail` has `message` (never a CPR number) and `issues`.
 *
 * @csspart base - The plan's outer box (an article).
 * @csspart print-header - Patient name and CPR number, repeated at the top of every printed page (print only).
 * @csspart title - The letter title.
 * @csspart type - The type-of-rehabilitation banner.
 * @csspart type-label - The type's label.
 * @csspart type-code - The type as written in the plan.
 * @csspart consent - The informed-consent line.
 * @csspart dates - The deadlines and dates panel.
 * @csspart days-left - The days left to (or past) the free-choice deadline.
 * @csspart letter - Sender, receiver and letter details.
 * @csspart section - Each section of the plan.
 * @csspart other - The collapsed list of unknown elements.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop [--samspil-font-family=system-ui, …] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Labels and secondary text (dark theme `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark theme `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Background of the type banner (dark theme `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Section borders (dark theme `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Headings, links and the type banner's edge (dark theme `#8ab4f8`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Background of "deadline today" and an unknown type.
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Text on the warning background.
 * @cssprop [--samspil-color-danger=#9b1c1c] - An overdue deadline and the error state (dark theme `#ff9b9b`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 * @cssprop [--samspil-rehab-plan-type-font-size=1.5rem] - Size of the type's label.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilRehabPlan extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [
    tokens,
    letterStyles,
    viewerStyles,
    viewerDetailStyles,
    collapsibleViewerStyles,
    rehabPlanStyles,
  ];

  private readonly task = letterTask<RehabPlan>(this, readRehabPlan, {
    onLoad: (model) => this.emit('samspil-load', { model }),
    onError: (error) => this.emit('samspil-error', { message: error.message, issues: error.issues }),
  });

  /** The plan as a domain model (property only); wins over `letter` and `src`. */
  @property({ attribute: false }) model: RehabPlan | undefined;

  /** URL of a GGOP letter to fetch and show. */
  @property() src = '';

  /** The letter itself (property only): its text, a parsed `Document`, or its bytes. */
  @property({ attribute: false }) letter: LetterSource | undefined;

  /** The day the free-choice days are counted to, `YYYY-MM-DD`; today when empty. */
  @property({ attribute: 'reference-date' }) referenceDate = '';

  /** The level of the plan's title heading; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 = 2;

  /** Shows the plan as it prints: the print header on top, every section expanded, no collapsing. */
  @property({ type: Boolean, reflect: true, attribute: 'print-preview' }) printPreview = false;

  /** Opens closed details for printing and closes them again afterwards. */
  private readonly printDetails = new PrintDetailsController(this);

  private get t(): RehabPlanStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private get locale(): Locale {
    return this.localize.locale;
  }

  private sectionHeading(id: RehabPlanSectionId): string {
    const section = REHAB_PLAN_SECTIONS.find((candidate) => candidate.id === id);
    return section ? section[this.locale] : id;
  }

  private field(key: keyof typeof REHAB_PLAN_FIELD_LABELS): string {
    return REHAB_PLAN_FIELD_LABELS[key][this.locale];
  }

  private heading(offset: number, content: Content, className: string, id?: string, part?: string) {
    return heading(content, { base: this.headingLevel, offset, className, id, part });
  }

  private section(id: string, heading: Content, body: Content, collapsible = false) {
    const title = this.heading(1, heading, 'section__heading');
    if (collapsible && !this.printPreview) {
      return html`<details class="section section--collapsible" part="section" data-section=${id} open>
        <summary>${title}</summary>
        <div class="section__body">${body}</div>
      </details>`;
    }
    return html`<section class="section" part="section" data-section=${id}>
      ${title}
      <div class="section__body">${body}</div>
    </section>`;
  }

  private text(ft: FormattedText | undefined) {
    return html`<div class="text" lang="da">${renderFormattedText(ft)}</div>`;
  }

  private date(value: LetterDateTime | undefined) {
    if (!value) return nothing;
    const datetime = dayNumber(value.date) === undefined ? undefined : joined([value.date, value.time], 'T');
    return html`<time datetime=${ifDefined(datetime)}>${formatDateTime(value, this.locale)}</time>`;
  }

  private notStated() {
    return html`<span class="muted">${this.t.rehabPlanNotStated}</span>`;
  }

  private fact(label: Content, value: Content) {
    return html`<div class="fact">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  private code(labels: Parameters<typeof labelOf>[0], code: string | undefined) {
    return code === undefined ? nothing : labelOf(labels, code, this.locale);
  }

  private phone(phone: Telephone) {
    const href = telHref(phone.number);
    const kind =
      phone.code === undefined ? '' : ` (${labelOf(REHAB_PLAN_CODE_LABELS.telephoneCode, phone.code, this.locale)})`;
    return html`<span class="line"
      >${this.field('telephone')}${kind}: ${href ? html`<a href=${href}>${phone.number}</a>` : phone.number}</span
    >`;
  }

  private email(email: string | undefined) {
    if (email === undefined) return nothing;
    const href = mailtoHref(email);
    return html`<span class="line">${this.field('email')}: ${href ? html`<a href=${href}>${email}</a>` : email}</span>`;
  }

  private reach(who: {
    telephones?: readonly Telephone[];
    telephone?: string;
    email?: string;
    noTelephoneReason?: string;
  }) {
    return html`${(who.telephones ?? []).map((phone) => this.phone(phone))}
    ${who.telephone === undefined ? nothing : this.phone({ number: who.telephone })} ${this.email(who.email)}
    ${
      who.noTelephoneReason === undefined
        ? nothing
        : html`<span class="line">${this.field('noTelephone')}: ${who.noTelephoneReason}</span>`
    }`;
  }

  private identifier(identifier: string | undefined, code: string | undefined) {
    if (identifier === undefined && code === undefined) return nothing;
    const label = code === undefined ? '' : `${labelOf(REHAB_PLAN_CODE_LABELS.identifierCode, code, this.locale)}: `;
    return html`<span class="line muted">${label}${identifier ?? ''}</span>`;
  }

  private partyPerson(label: string, person: PartyPerson | undefined) {
    if (!person) return nothing;
    const name = joined([
      person.personName,
      person.personTitle,
      person.organisationName,
      person.departmentName,
      person.unitName,
    ]);
    return html`<span class="line">${label}: ${name}</span
      >${this.identifier(person.identifier, person.identifierCode)}`;
  }

  private party(party: Party | RehabContact | undefined) {
    if (!party) return this.notStated();
    const address = addressOf(party);
    const ean = party.eanIdentifier;
    const speciality = 'medicalSpecialityCode' in party ? party.medicalSpecialityCode : undefined;
    return html`<div class="party">
      <span class="line party__name"
        >${joined([party.organisationName, party.departmentName, party.unitName]) || nothing}</span
      >
      ${address ? html`<span class="line">${address}</span>` : nothing} ${this.reach(party)}
      ${this.identifier(party.identifier, party.identifierCode)}
      ${ean === undefined ? nothing : html`<span class="line muted">${this.t.rehabPlanEan}: ${ean}</span>`}
      ${speciality === undefined ? nothing : html`<span class="line">${this.t.rehabPlanSpeciality}: ${speciality}</span>`}
      ${'contact' in party ? this.partyPerson(this.t.rehabPlanContact, party.contact) : nothing}
      ${'referrer' in party ? this.partyPerson(this.t.rehabPlanReferrer, party.referrer) : nothing}
    </div>`;
  }

  private person(person: RehabPerson, role?: string) {
    const name = personName(person);
    return html`<div class="person">
      <span class="line"
        >${role ? html`<span class="muted">${role}:</span>${' '}` : nothing}<strong>${name || nothing}</strong>${
          person.title ? `, ${person.title}` : nothing
        }</span
      >
      ${
        joined([person.organisationName, person.departmentName, person.unitName])
          ? html`<span class="line">${joined([person.organisationName, person.departmentName, person.unitName])}</span>`
          : nothing
      }
      ${this.identifier(person.identifier, person.identifierCode)} ${this.reach(person)}
    </div>`;
  }

  private list<T>(items: readonly T[], render: (item: T) => Content, className = 'people') {
    return html`<ul class=${className}>
      ${items.map((item) => html`<li>${render(item)}</li>`)}
    </ul>`;
  }

  private renderTypeBanner(plan: RehabPlan) {
    const t = this.t;
    const type = plan.rehabilitationType;
    const level = type?.level;
    const classes = classMap({
      type: true,
      [`type--${level ?? 'missing'}`]: true,
      'type--warning': level === undefined || level === 'unknown',
    });
    return html`<section class=${classes} part="type" aria-labelledby="rehab-plan-type">
      ${this.heading(1, t.rehabPlanTypeHeading, 'type__heading', 'rehab-plan-type')}
      ${
        type
          ? html`<p class="type__label" part="type-label">
                ${labelOf(REHAB_PLAN_CODE_LABELS.level, type.level, this.locale)}
              </p>
              <p class="type__meta">
                ${t.rehabPlanTypeCode}: <code class="code" part="type-code" lang="da">${type.code}</code>
              </p>
              <p class="type__who">${t.rehabPlanWho[type.level]}</p>`
          : html`<p class="type__label" part="type-label">${t.rehabPlanNotStated}</p>
              <p class="type__who">${t.rehabPlanTypeMissing}</p>`
      }
    </section>`;
  }

  private renderConsent(plan: RehabPlan) {
    const consent = plan.consent;
    const t = this.t;
    const state =
      consent === undefined ? 'missing' : consent.informed === undefined ? 'unknown' : consent.informed ? 'yes' : 'no';
    const value =
      consent === undefined
        ? t.rehabPlanNotStated
        : consent.informed === undefined
          ? t.rehabPlanConsentUnknown
          : labelOf(REHAB_PLAN_CODE_LABELS.consent, consent.informed ? 'ja' : 'nej', this.locale);
    return html`<p class="consent consent--${state}" part="consent" data-consent=${state}>
      <span class="consent__label">${this.field('consent')}:</span>
      <strong class="consent__value">${value}</strong>
      ${consent ? html`<span class="muted">(${t.rehabPlanWrittenAs(consent.code)})</span>` : nothing}
    </p>`;
  }

  private renderDaysLeft(plan: RehabPlan) {
    const t = this.t;
    const status = freeChoiceStatus(plan, this.referenceDate);
    const reference = this.referenceDate || today();
    if (status.kind === 'unknown') {
      const reason = status.reason === 'no-discharge-date' ? t.rehabPlanNoDischargeDate : t.rehabPlanBadReferenceDate;
      return html`<span class="days days--unknown" part="days-left" data-status="unknown"
        >${t.rehabPlanCannotCompute}: ${reason}</span
      >`;
    }
    const text =
      status.kind === 'left'
        ? t.rehabPlanDaysLeft(status.days)
        : status.kind === 'today'
          ? t.rehabPlanDueToday
          : t.rehabPlanOverdue(status.days);
    return html`<span class="days days--${status.kind}" part="days-left" data-status=${status.kind}>${text}</span>
      <span class="muted">(${t.rehabPlanAsOf(formatDateTime({ date: reference }, this.locale))})</span>`;
  }

  private renderDates(plan: RehabPlan) {
    const t = this.t;
    const stay = plan.currentHospitalContact;
    const control = plan.ambulatoryControl;
    const status = freeChoiceStatus(plan, this.referenceDate);
    const startBy = status.startBy;
    const endText = stay?.expectedEndText;
    const controlText = control?.expectedStartText;
    return html`<section class="section dates" part="dates" aria-labelledby="rehab-plan-dates">
      ${this.heading(1, t.rehabPlanDatesHeading, 'section__heading', 'rehab-plan-dates')}
      <dl class="facts">
        ${this.fact(t.rehabPlanDaysLeftLabel, this.renderDaysLeft(plan))}
        ${this.fact(this.field('freeChoiceStartBy'), startBy ? this.date({ date: startBy }) : this.notStated())}
        ${this.fact(
          this.field('expectedEnd'),
          stay?.expectedEnd || endText
            ? html`${this.date(stay?.expectedEnd)}
              ${endText ? html`<span class="line" lang="da">${endText}</span>` : nothing}`
            : this.notStated(),
        )}
        ${this.fact(
          this.sectionHeading('rehabilitation-deadline'),
          isBlank(plan.rehabilitationDeadline) ? this.notStated() : this.text(plan.rehabilitationDeadline),
        )}
        ${
          stay?.start
            ? this.fact(
                `${this.sectionHeading('current-hospital-contact')}: ${this.field('start')}`,
                this.date(stay.start),
              )
            : nothing
        }
        ${
          control
            ? html`${this.fact(
                this.field('controlDate'),
                control.expectedStart || controlText
                  ? html`${this.date(control.expectedStart)}
                    ${controlText ? html`<span class="line" lang="da">${controlText}</span>` : nothing}`
                  : this.notStated(),
              )}
              ${control.location ? this.fact(this.field('location'), this.party(control.location)) : nothing}`
            : nothing
        }
      </dl>
      <p class="rule muted">${t.rehabPlanFreeChoiceRule(FREE_CHOICE_DAYS)}</p>
    </section>`;
  }

  private renderLetterDetails(plan: RehabPlan) {
    const t = this.t;
    const header = plan.header;
    const sender = plan.sender;
    const codes = joined([header.typeCode, header.versionCode, header.statisticalCode], ' · ');
    return html`<section class="section" part="letter" data-section="letter">
      ${this.heading(1, t.rehabPlanLetterHeading, 'section__heading')}
      <dl class="facts">
        ${this.fact(t.rehabPlanSender, this.party(sender))} ${this.fact(t.rehabPlanReceiver, this.party(plan.receiver))}
        ${header.sent ? this.fact(t.rehabPlanSent, this.date(header.sent)) : nothing}
        ${header.authorisation ? this.fact(t.rehabPlanAuthorised, this.date(header.authorisation)) : nothing}
        ${header.episodeOfCareIdentifier ? this.fact(t.rehabPlanEpisode, header.episodeOfCareIdentifier) : nothing}
        ${
          header.statusCode
            ? this.fact(t.rehabPlanStatus, labelOf(STATUS_CODE_LABELS, header.statusCode, this.locale))
            : nothing
        }
        ${header.identifier ? this.fact(t.rehabPlanLetterId, header.identifier) : nothing}
        ${header.envelopeIdentifier ? this.fact(t.rehabPlanEnvelopeId, header.envelopeIdentifier) : nothing}
        ${codes ? this.fact(t.rehabPlanLetterCodes, codes) : nothing}
        ${header.acknowledgementCode ? this.fact(t.rehabPlanAcknowledgement, header.acknowledgementCode) : nothing}
      </dl>
    </section>`;
  }

  private renderCopyReceivers(plan: RehabPlan) {
    const gp = plan.gpCopy;
    if (!gp && plan.ccReceivers.length === 0) return nothing;
    const gpValue =
      gp === undefined
        ? nothing
        : gp.kind === 'receiver'
          ? this.party(gp.receiver)
          : html`<strong>${labelOf(REHAB_PLAN_CODE_LABELS.gpCopy, 'deselected', this.locale)}</strong>
              ${gp.text ? html`<span class="line" lang="da">${gp.text}</span>` : nothing}`;
    return html`<dl class="facts">
      ${gp ? this.fact(this.field('gpCopy'), gpValue) : nothing}
      ${plan.ccReceivers.map((party) => this.fact(this.field('ccReceiver'), this.party(party)))}
    </dl>`;
  }

  private renderSigners(plan: RehabPlan) {
    const signers = [
      ...(plan.sender?.signedBy ?? []).map((person) => [this.field('signedBy'), person] as const),
      ...(plan.sender?.coWriters ?? []).map((person) => [this.field('coWriter'), person] as const),
    ];
    if (signers.length === 0) return nothing;
    return this.list(signers, ([role, person]) => this.person(person, role));
  }

  private renderPatientDetails(plan: RehabPlan) {
    const patient = plan.patient;
    if (!patient) return nothing;
    const t = this.t;
    const address = addressOf(patient);
    const co = patient.coAddress;
    const coText = co ? joined([personName(co), addressOf(co)]) : '';
    const reach =
      patient.telephones.length > 0 || patient.email !== undefined || patient.noTelephoneReason !== undefined;
    if (!address && !patient.occupancy && !patient.episodeOfCareStatus && !patient.title && !reach && !coText)
      return nothing;
    return html`<dl class="facts">
      ${address ? this.fact(t.rehabPlanAddress, address) : nothing}
      ${coText ? this.fact(this.field('coAddress'), coText) : nothing}
      ${patient.title ? this.fact(t.rehabPlanName, joined([personName(patient), patient.title])) : nothing}
      ${patient.occupancy ? this.fact(this.field('occupation'), patient.occupancy) : nothing}
      ${
        patient.episodeOfCareStatus
          ? this.fact(
              t.rehabPlanStatus,
              this.code(REHAB_PLAN_CODE_LABELS.episodeOfCareStatus, patient.episodeOfCareStatus),
            )
          : nothing
      }
      ${reach ? this.fact(this.t.rehabPlanContact, this.reach(patient)) : nothing}
    </dl>`;
  }

  private relative(relative: RehabRelative) {
    const t = this.t;
    const address = addressOf(relative);
    return html`<div class="person">
      <span class="line"
        ><strong>${personName(relative) || nothing}</strong>${
          relative.relationCode
            ? html`, <span>${labelOf(REHAB_PLAN_CODE_LABELS.relationCode, relative.relationCode, this.locale)}</span>`
            : nothing
        }</span
      >
      ${address ? html`<span class="line">${address}</span>` : nothing}
      ${
        relative.personIdentifier
          ? html`<span class="line muted"
              >${t.rehabPlanPersonIdentifier}: ${formatCpr(relative.personIdentifier)}</span
            >`
          : nothing
      }
      ${this.reach(relative)}
    </div>`;
  }

  private renderAbilityExtended(plan: RehabPlan) {
    const ability = plan.abilityAtDischarge;
    if (!ability || isBlank(ability.extended)) return nothing;
    const sections = ability.sections.length > 0 ? ability.sections : abilitySections(ability.extended ?? []);
    if (sections.length === 0) return this.text(ability.extended);
    return sections.map((section) => {
      const lead = section.subsections.length > 0 ? leadText(section) : section.text;
      return html`<div class="ability">
        ${section.code || section.heading ? this.heading(2, this.abilityHeading(section), 'ability__heading') : nothing}
        ${lead.length > 0 ? this.text(lead) : nothing}
        ${
          section.subsections.length > 0
            ? html`<dl class="ability__items">
                ${section.subsections.map(
                  (sub) =>
                    html`<div class="fact">
                      <dt lang="da">${sub.heading}</dt>
                      <dd>
                        ${isBlank(sub.text) ? html`<span class="muted">${this.t.rehabPlanNotFilledIn}</span>` : this.text(sub.text)}
                      </dd>
                    </div>`,
                )}
              </dl>`
            : nothing
        }
      </div>`;
    });
  }

  private abilityHeading(section: RehabAbilitySection): string {
    const { code, heading } = section;
    if (code === undefined) return heading ?? '';
    const labels = REHAB_PLAN_CODE_LABELS.abilitySection;
    if (!Object.hasOwn(labels, code)) return joined([`${code}.`, heading], ' ');
    const label = labelOf(labels, code, this.locale);
    // The heading as written is the letter's; show it too when it says more than the template's label.
    const written =
      heading !== undefined && heading.toLowerCase() !== labels[code]?.da.toLowerCase() ? ` (${heading})` : '';
    return `${code}. ${label}${written}`;
  }

  private codedValue(value: RehabCode | undefined, role: string) {
    if (!value) return nothing;
    const system = value.typeCode ? labelOf(REHAB_PLAN_CODE_LABELS.codeSystem, value.typeCode, this.locale) : undefined;
    return html`${value.code ? html`<span class="code">${value.code}</span>` : nothing}<span lang="da"
        >${value.text ?? ''}</span
      >
      <span class="tag">${joined([role, system], ' · ')}</span>`;
  }

  private renderDiagnoses(plan: RehabPlan) {
    if (plan.diagnoses.length === 0 && isBlank(plan.diagnosesText)) return nothing;
    const items = plan.diagnoses.flatMap((group) => [
      ...(group.primary ? [[group.primary, this.field('primaryDiagnosis')] as const] : []),
      ...group.secondary.map((secondary) => [secondary, this.field('secondaryDiagnosis')] as const),
    ]);
    return html`${items.length > 0 ? this.list(items, ([value, role]) => this.codedValue(value, role), 'codes') : nothing}
    ${
      isBlank(plan.diagnosesText)
        ? nothing
        : html`<dl class="facts">${this.fact(this.t.rehabPlanDiagnosesNote, this.text(plan.diagnosesText))}</dl>`
    }`;
  }

  private renderIcf(plan: RehabPlan) {
    if (plan.icfClassifications.length === 0) return nothing;
    return this.list(
      plan.icfClassifications,
      (icf) => {
        const gradient = icf.gradient;
        const qualifier =
          gradient?.code !== undefined && Object.hasOwn(REHAB_PLAN_CODE_LABELS.icfQualifier, gradient.code)
            ? labelOf(REHAB_PLAN_CODE_LABELS.icfQualifier, gradient.code, this.locale)
            : undefined;
        return html`<div>${this.codedValue(icf.code, this.field('icfCode'))}</div>
          ${
            gradient
              ? html`<div class="icf__gradient">
                  <span class="muted">${this.field('icfGradient')}:</span>
                  ${gradient.code ? html`<span class="code">${gradient.code}</span>` : nothing}
                  ${qualifier ? html`<strong>${qualifier}</strong>` : nothing}
                  <span lang="da">${gradient.text ?? ''}</span>
                </div>`
              : nothing
          }`;
      },
      'codes',
    );
  }

  private renderExcerpt(excerpt: RehabJournalExcerpt, index: number) {
    const heading = joined([this.sectionHeading('journal-excerpts'), excerpt.type], ': ');
    const body = html`${
      excerpt.signedBy.length > 0 || excerpt.signedAt
        ? html`<dl class="facts">
            ${excerpt.signedBy.map((person) => this.fact(this.field('signedBy'), this.person(person)))}
            ${excerpt.signedAt ? this.fact(this.field('signedAt'), this.date(excerpt.signedAt)) : nothing}
          </dl>`
        : nothing
    }
    ${isBlank(excerpt.comment) ? nothing : this.text(excerpt.comment)}`;
    return this.section(`journal-excerpts-${index}`, heading, body, true);
  }

  private renderReference(reference: LetterReference) {
    const t = this.t;
    const url = reference.url;
    const safe = url !== undefined && /^https?:\/\//i.test(url.trim());
    const description = reference.description ?? url ?? '';
    const binary = reference.binary;
    return html`${safe ? html`<a href=${url.trim()} rel="noreferrer">${description}</a>` : html`<span lang="da">${description}</span>`}
    ${url !== undefined && (!safe || url !== description) ? html`<span class="line muted">${url}</span>` : nothing}
    ${reference.sentSeparately ? html`<span class="muted">(${t.rehabPlanSentSeparately})</span>` : nothing}
    ${
      binary
        ? html`<span class="line muted"
            >${t.rehabPlanAttachment}:
            ${joined([
              binary.objectCode
                ? labelOf(REHAB_PLAN_CODE_LABELS.objectCode, binary.objectCode, this.locale)
                : undefined,
              binary.objectExtensionCode,
              binary.objectIdentifier,
              binary.originalObjectSize,
            ])}</span
          >`
        : nothing
    }`;
  }

  /** The body of a section of the plan, or `nothing` when the plan has nothing for it. */
  private sectionBody(id: RehabPlanSectionId, plan: RehabPlan): Content {
    const ft = (value: FormattedText | undefined) => (isBlank(value) ? nothing : this.text(value));
    switch (id) {
      case 'copy-receivers':
        return this.renderCopyReceivers(plan);
      case 'signers':
        return this.renderSigners(plan);
      case 'patient-details':
        return this.renderPatientDetails(plan);
      case 'relatives':
        return plan.relatives.length > 0 ? this.list(plan.relatives, (relative) => this.relative(relative)) : nothing;
      case 'information-for-patient-and-relatives':
        return ft(plan.informationForPatientAndRelatives);
      case 'practical-information':
        return ft(plan.practicalInformation);
      case 'patient-safety':
        return ft(plan.patientSafetyAspects);
      case 'health-summary':
        return ft(plan.healthSummary);
      case 'ability-at-discharge-summary':
        return ft(plan.abilityAtDischarge?.summary);
      case 'ability-at-discharge-extended':
        return this.renderAbilityExtended(plan);
      case 'need-and-potential':
        return ft(plan.needAndPotential);
      case 'diagnoses':
        return this.renderDiagnoses(plan);
      case 'icf-codes':
        return this.renderIcf(plan);
      case 'region-contact':
        return plan.contacts.region ? this.party(plan.contacts.region) : nothing;
      case 'municipality-contact':
        return plan.contacts.municipality ? this.party(plan.contacts.municipality) : nothing;
      case 'team':
        return plan.team.length > 0 ? this.list(plan.team, (person) => this.person(person)) : nothing;
      case 'final-result-receivers':
        return plan.finalResultReceivers.length > 0
          ? this.list(plan.finalResultReceivers, (party) => this.party(party))
          : nothing;
      case 'references':
        return plan.references.length > 0
          ? this.list(plan.references, (reference) => this.renderReference(reference), 'references')
          : nothing;
      default:
        return nothing;
    }
  }

  private longText(id: RehabPlanSectionId, plan: RehabPlan): boolean {
    const texts: Partial<Record<RehabPlanSectionId, FormattedText | undefined>> = {
      'information-for-patient-and-relatives': plan.informationForPatientAndRelatives,
      'practical-information': plan.practicalInformation,
      'patient-safety': plan.patientSafetyAspects,
      'health-summary': plan.healthSummary,
      'ability-at-discharge-summary': plan.abilityAtDischarge?.summary,
      'need-and-potential': plan.needAndPotential,
    };
    return isLong(texts[id]);
  }

  private renderSections(plan: RehabPlan) {
    return REHAB_PLAN_SECTIONS.map(({ id }) => {
      if (IN_DATES_PANEL.has(id)) return nothing;
      if (id === 'journal-excerpts') return plan.journalExcerpts.map((excerpt, i) => this.renderExcerpt(excerpt, i));
      const body = this.sectionBody(id, plan);
      if (body === nothing) return nothing;
      return this.section(id, this.sectionHeading(id), body, LONG_SECTIONS.has(id) || this.longText(id, plan));
    });
  }

  private renderOther(plan: RehabPlan) {
    if (plan.unknown.length === 0) return nothing;
    const t = this.t;
    return html`<details class="section other" part="other" ?open=${this.printPreview}>
      <summary>${this.heading(1, `${t.rehabPlanOtherContent} (${plan.unknown.length})`, 'section__heading')}</summary>
      <p class="muted">${t.rehabPlanOtherContentHint}</p>
      <dl class="facts other__list">
        ${plan.unknown.map((element) => this.fact(html`<code class="path">${element.path}</code>`, html`<span lang="da">${element.text}</span>`))}
      </dl>
    </details>`;
  }

  private renderPlan(plan: RehabPlan) {
    const patient = plan.patient;
    const name = patient ? personName(patient) : '';
    const cpr = patient?.cpr ?? patient?.alternativeIdentifier ?? '';
    const shared = this.localize.strings;
    const cprLabel = patient?.cpr !== undefined ? shared.cprLabel : shared.ecprLabel;
    const title = this.field('title');
    return html`<article class="letter base" part="base" aria-label=${title} lang=${this.locale}>
      <div class="print-header" part="print-header">
        <span>${name || shared.unknownName}</span>
        <span>${cpr ? `${cprLabel} ${formatCpr(cpr)}` : shared.noIdentifier}</span>
      </div>
      <samspil-patient-banner
        name=${name}
        cpr=${cpr}
        reference-date=${this.referenceDate}
        lang=${this.locale}
        theme=${this.theme}
      ></samspil-patient-banner>
      ${this.heading(0, title, 'letter__title', undefined, 'title')}
      <div class="overview">${this.renderTypeBanner(plan)} ${this.renderConsent(plan)} ${this.renderDates(plan)}</div>
      ${this.renderLetterDetails(plan)} ${this.renderSections(plan)} ${this.renderOther(plan)}
    </article>`;
  }

  private renderState(kind: 'loading' | 'empty') {
    const t = this.t;
    return kind === 'loading'
      ? html`<p class="state" part="state" role="status" lang=${this.locale}>${t.rehabPlanLoading}</p>`
      : html`<p class="state" part="state" lang=${this.locale}>${t.rehabPlanEmpty}</p>`;
  }

  private renderError(error: unknown) {
    // LetterLoadError messages are redacted already; anything else (an abort, a bug) is redacted here.
    const message = redactCpr(String((error as LetterLoadError | undefined)?.message ?? ''));
    return html`<div class="state state--error" part="state" role="alert" lang=${this.locale}>
      <p class="state__title">${this.t.rehabPlanError}</p>
      ${message ? html`<p class="state__detail" lang="en">${message}</p>` : nothing}
    </div>`;
  }

  override render() {
    return this.task.render({
      initial: () => this.renderState('empty'),
      pending: () => this.renderState('loading'),
      complete: (model) => (model ? this.renderPlan(model) : this.renderState('empty')),
      error: (error) => this.renderError(error),
    });
  }
}
