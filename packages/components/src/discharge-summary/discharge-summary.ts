// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatCpr, redactCpr } from '@samspil/sdk';
import {
  DIAGNOSE_DESCRIPTION_LABELS,
  DIAGNOSE_TYPE_LABELS,
  DISCHARGE_SUMMARY_VARIANT_LABELS,
  EPISODE_OF_CARE_STATUS_LABELS,
  IDENTIFIER_CODE_LABELS,
  OBJECT_CODE_LABELS,
  RELATION_CODE_LABELS,
  STATUS_CODE_LABELS,
  STAY_END_LABELS,
  STAY_START_LABELS,
  labelOf,
  readDischargeSummary,
  type ClinicalNote,
  type CodeLabels,
  type DischargeSummary,
  type LetterDateTime,
  type LetterDiagnosis,
  type LetterPatient,
  type LetterReference,
  type OriginatingReferral,
  type Party,
  type PartyPerson,
  type Relative,
} from '@samspil/sdk/oioxml';
import type { Locale } from '../i18n/strings.js';
import { heading } from '../internal/heading.js';
import { formatDateTime } from '../internal/dates.js';
import { renderFormattedText } from '../internal/formatted-text.js';
import { letterTask, type LetterSource } from '../internal/letter-loader.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { visuallyHiddenStyles } from '../styles/visually-hidden.styles.js';
import { dischargeSummaryStyles } from './discharge-summary.styles.js';
import { daStrings, enStrings } from './discharge-summary.strings.js';

type Text = typeof daStrings;
type Content = TemplateResult | string | typeof nothing | readonly unknown[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The `datetime` attribute of a letter date, or `undefined` when the letter's value is not a valid date. */
function isoDateTime(value: LetterDateTime): string | undefined {
  if (!DATE.test(value.date)) return undefined;
  if (value.time === undefined) return value.date;
  return TIME.test(value.time) ? `${value.date}T${value.time}` : value.date;
}

/** Only web links open; `javascript:`, `data:` and anything else a letter may carry stay text. */
function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function telHref(number: string): string | undefined {
  const dial = number.replace(/[^\d+]/g, '');
  return /\d{3,}/.test(dial) ? `tel:${dial}` : undefined;
}

function mailHref(address: string): string | undefined {
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address.trim()) ? `mailto:${address.trim()}` : undefined;
}

function joinName(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part && part.trim()).join(' ');
}

interface Address {
  streetName?: string | undefined;
  suburbName?: string | undefined;
  districtName?: string | undefined;
  postCodeIdentifier?: string | undefined;
}

function formatAddress(address: Address): string {
  const town = joinName(address.postCodeIdentifier, address.districtName);
  return [address.streetName, address.suburbName, town].filter((part) => part && part.trim()).join(', ');
}

/**
 * @summary Shows a MedCom epikrise (XDIS01 udskrivningsepikrise, XDIS02 ambulantepikrise, XDIS03
 * skadestueepikrise; XD0133L and XD0134L) as a readable, printable letter.
 *
 * @description Give it the letter as a `model` (from `readDischargeSummary`), as `letter` (text, `Document` or
 * bytes), or as a `src` URL to fetch. It shows, in MedCom's display order: the title by variant with the send
 * time, the stay (admission and discharge, or first and last visit), a banner when the letter corrects an
 * earlier one (`rettetbrev`), the patient, diagnoses by role with codes, priority and recommended follow-up
 * (XD0134L), the epikrise texts with their signed dates, the originating referral (which MedCom's own display
 * leaves out), references, patient details and relatives, the parties and the letter header. Elements the
 * viewer does not know are listed, collapsed, under "Øvrigt indhold". Letter text is only ever rendered as
 * text; links open only for http(s) addresses.
 *
 * @fires samspil-load - The letter was read; `detail.model` is the `DischargeSummary`.
 * @fires samspil-error - The letter could not be fetched or read; `detail.message` (never with a CPR number)
 *   and `detail.issues`.
 *
 * @csspart base - The letter (an `article`).
 * @csspart print-header - Patient name and CPR number; shown only in print (fixed on every page) or with
 *   `print-preview`.
 * @csspart header - Title, send time and episode-of-care number.
 * @csspart title - The letter's title.
 * @csspart correction - The banner of a corrected (`rettetbrev`) or cancelled (`annulleretbrev`) letter.
 * @csspart patient-banner - The `samspil-patient-banner`.
 * @csspart stay - Admission and discharge (or first and last visit).
 * @csspart diagnoses - The diagnoses section.
 * @csspart priority - The priority section (XD0134L).
 * @csspart recommendations - The recommended follow-up section (XD0134L).
 * @csspart clinical - The epikrise section.
 * @csspart note - One epikrise text block (a `details` element).
 * @csspart referral - The originating referral section.
 * @csspart references - The references section.
 * @csspart patient - Patient details and relatives.
 * @csspart parties - Sender, receiver and copy receiver.
 * @csspart letter-details - Letter and envelope identifiers, codes and status.
 * @csspart unknown - The collapsed "Other content" section.
 * @csspart state - The empty, loading and error messages.
 *
 * @cssprop [--samspil-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Labels and secondary text (dark `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Background of the stay and recommendations (dark `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Borders (dark `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Headings and links (dark `#8ab4f8`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Corrected-letter banner background (dark `#3d2e00`).
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Corrected-letter banner text (dark `#ffe08a`).
 * @cssprop [--samspil-color-danger=#9b1c1c] - Error text (dark `#ff9b9b`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring (dark `#8ab4f8`).
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilDischargeSummary extends SamspilElement {
  /** Shadow-root styles only; nothing is added to the page. */
  static override styles = [tokens, letterStyles, visuallyHiddenStyles, dischargeSummaryStyles];

  private readonly task = letterTask<DischargeSummary>(this, readDischargeSummary, {
    onLoad: (model) => this.emit('samspil-load', { model }),
    onError: (error) => this.emit('samspil-error', { message: error.message, issues: error.issues }),
  });

  /** The epikrise as the SDK models it (property only); wins over `letter` and `src`. */
  @property({ attribute: false }) model: DischargeSummary | undefined;

  /** URL of the letter's XML, fetched when neither `model` nor `letter` is given. */
  @property() src = '';

  /** The letter as text, a parsed `Document` or its bytes (property only); wins over `src`. */
  @property({ attribute: false }) letter: LetterSource | undefined;

  /** Level of the title heading (sections use the next level); for hosts with their own outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 | 5 = 2;

  /** Shows the printed layout on screen: the patient header on top and collapsed sections open. */
  @property({ type: Boolean, reflect: true, attribute: 'print-preview' }) printPreview = false;

  private get text(): Text {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private heading(offset: number, id: string, content: Content, className = 'section__heading') {
    return heading(content, {
      base: this.headingLevel,
      offset,
      className,
      id,
      part: offset === 0 ? 'title' : undefined,
    });
  }

  private dateTime(value: LetterDateTime | undefined, locale: Locale) {
    if (!value) return nothing;
    return html`<time datetime=${ifDefined(isoDateTime(value))}>${formatDateTime(value, locale)}</time>`;
  }

  /** A code's label, with the raw code beside it when the label says something else. */
  private coded(labels: CodeLabels, code: string | undefined, locale: Locale) {
    if (code === undefined) return nothing;
    const label = labelOf(labels, code, locale);
    return label.toLocaleLowerCase() === code.toLocaleLowerCase()
      ? label
      : html`${label} <span class="raw-code">(${code})</span>`;
  }

  private fact(label: string, value: Content | undefined) {
    if (value === undefined || value === nothing || value === '') return nothing;
    return html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  }

  private phone(number: string | undefined) {
    if (!number) return undefined;
    const href = telHref(number);
    return href ? html`<a href=${href}>${number}</a>` : number;
  }

  private email(address: string | undefined) {
    if (!address) return undefined;
    const href = mailHref(address);
    return href ? html`<a href=${href}>${address}</a>` : address;
  }

  private renderState(kind: 'empty' | 'loading' | 'error', content: Content) {
    const role = kind === 'error' ? 'alert' : kind === 'loading' ? 'status' : nothing;
    return html`<div part="state" class="state ${kind === 'error' ? 'state--error' : ''}" role=${role}>
      ${content}
    </div>`;
  }

  private renderError(error: unknown, t: Text) {
    const message = redactCpr(error instanceof Error ? error.message : String(error));
    return this.renderState(
      'error',
      html`<p><strong>${t.disErrorTitle}</strong></p>
        <p>${t.disErrorDetail}: ${message}</p>`,
    );
  }

  private renderPrintHeader(patient: LetterPatient | undefined, title: string) {
    const name = joinName(patient?.givenName, patient?.surname);
    const identifier = patient?.cpr ?? patient?.alternativeIdentifier;
    const label = patient?.cpr ? this.localize.strings.cprLabel : this.localize.strings.ecprLabel;
    return html`<div part="print-header" class="print-header">
      <span>${name || this.localize.strings.unknownName}</span>
      <span>${identifier ? `${label} ${formatCpr(identifier)}` : this.localize.strings.noIdentifier}</span>
      <span>${title}</span>
    </div>`;
  }

  private renderHeader(model: DischargeSummary, title: string, t: Text, locale: Locale) {
    const { sent, episodeOfCareIdentifier } = model.header;
    return html`<header part="header" class="letter__header">
      ${this.heading(0, 'title', title, 'letter__title')}
      <p class="letter__meta">
        ${sent ? html`<span>${t.disSent}: ${this.dateTime(sent, locale)}</span>` : nothing}
        ${episodeOfCareIdentifier ? html`<span>${t.disEpisode} ${episodeOfCareIdentifier}</span>` : nothing}
      </p>
    </header>`;
  }

  private renderCorrection(model: DischargeSummary, t: Text) {
    // Status codes are compared loosely: a corrected or cancelled letter must never pass unflagged.
    const status = model.header.statusCode?.trim().toLowerCase();
    if (status !== 'rettetbrev' && status !== 'annulleretbrev') return nothing;
    const cancelled = status === 'annulleretbrev';
    return html`<div part="correction" class="banner correction" role="status">
      <span class="correction__icon" aria-hidden="true">⚠</span>
      <span>
        <strong class="correction__title">${cancelled ? t.disCancelledTitle : t.disCorrectedTitle}</strong>
        <span class="correction__text">${cancelled ? t.disCancelledText : t.disCorrectedText}</span>
      </span>
    </div>`;
  }

  private renderStay(model: DischargeSummary, t: Text, locale: Locale) {
    if (!model.start && !model.end) return nothing;
    const stayFact = (label: string, value: LetterDateTime | undefined) =>
      value
        ? html`<div class="stay__fact">
            <dt>${label}</dt>
            <dd>${this.dateTime(value, locale)}</dd>
          </div>`
        : nothing;
    return html`<dl part="stay" class="stay" aria-label=${t.disStay}>
      ${stayFact(labelOf(STAY_START_LABELS, model.variant, locale), model.start)}
      ${stayFact(labelOf(STAY_END_LABELS, model.variant, locale), model.end)}
    </dl>`;
  }

  private renderDiagnosis(role: Content, diagnosis: LetterDiagnosis, locale: Locale, main = false) {
    const type = diagnosis.typeCode ? labelOf(DIAGNOSE_TYPE_LABELS, diagnosis.typeCode, locale) : undefined;
    const meta = [type ? html`<span>${type}</span>` : nothing];
    if (diagnosis.dateTime) meta.push(html`${type ? ' · ' : ''}${this.dateTime(diagnosis.dateTime, locale)}`);
    return html`<li class="diagnosis ${main ? 'diagnosis--main' : ''}">
      <span class="diagnosis__role">${role}:</span>
      <span class="diagnosis__body">
        ${diagnosis.code ? html`<span class="code">${diagnosis.code}</span>` : nothing}
        <span class="diagnosis__text" lang="da">${diagnosis.text ?? ''}</span>
        ${type || diagnosis.dateTime ? html`<span class="diagnosis__meta">${meta}</span>` : nothing}
      </span>
    </li>`;
  }

  private renderDiagnoses(model: DischargeSummary, t: Text, locale: Locale) {
    const diagnoses = model.diagnoses;
    if (!diagnoses) return nothing;
    return html`<section part="diagnoses" class="section" aria-labelledby="diagnoses">
      ${this.heading(1, 'diagnoses', t.disDiagnoses)}
      <ul class="codes diagnoses">
        ${diagnoses.main ? this.renderDiagnosis(t.disMainDiagnosis, diagnoses.main, locale, true) : nothing}
        ${diagnoses.mainAdditional.map((diagnosis) => this.renderDiagnosis(t.disMainAdditional, diagnosis, locale))}
        ${diagnoses.other.map((diagnosis) =>
          this.renderDiagnosis(
            labelOf(DIAGNOSE_DESCRIPTION_LABELS, diagnosis.descriptionCode ?? '', locale),
            diagnosis,
            locale,
          ),
        )}
      </ul>
    </section>`;
  }

  private renderPriority(model: DischargeSummary, t: Text) {
    if (model.actionPriorities.length === 0) return nothing;
    return html`<section part="priority" class="section" aria-labelledby="priority">
      ${this.heading(1, 'priority', t.disPriority)}
      <ul class="priorities">
        ${model.actionPriorities.map((code) => html`<li class="priority">${code}</li>`)}
      </ul>
    </section>`;
  }

  private renderRecommendations(model: DischargeSummary, t: Text) {
    if (model.recommendations.length === 0) return nothing;
    return html`<section part="recommendations" class="section" aria-labelledby="recommendations">
      ${this.heading(1, 'recommendations', t.disRecommendations)}
      <ul class="recommendations">
        ${model.recommendations.map(
          (recommendation) =>
            html`<li class="recommendation text" lang="da">${renderFormattedText(recommendation)}</li>`,
        )}
      </ul>
    </section>`;
  }

  private renderNote(note: ClinicalNote, index: number, count: number, t: Text, locale: Locale) {
    const name = count > 1 ? t.disNoteOf(index + 1, count) : t.disNoteSingle;
    return html`<li>
      <details part="note" class="note" open>
        <summary>
          ${name}${
            note.signed
              ? html`<span class="note__signed">, ${t.disSigned} ${this.dateTime(note.signed, locale)}</span>`
              : nothing
          }
        </summary>
        <div class="note__text text" lang="da">${renderFormattedText(note.text)}</div>
      </details>
    </li>`;
  }

  private renderClinical(model: DischargeSummary, t: Text, locale: Locale) {
    const notes = model.clinicalInformation;
    if (notes.length === 0) return nothing;
    return html`<section part="clinical" class="section" aria-labelledby="clinical">
      ${this.heading(1, 'clinical', t.disClinical)}
      <ol class="notes">
        ${notes.map((note, index) => this.renderNote(note, index, notes.length, t, locale))}
      </ol>
    </section>`;
  }

  private renderReferral(referral: OriginatingReferral | undefined, t: Text, locale: Locale) {
    if (!referral) return nothing;
    const hasDiagnoses = referral.diagnosis || referral.additional.length > 0;
    return html`<section part="referral" class="section" aria-labelledby="referral">
      ${this.heading(1, 'referral', t.disReferral)}
      <dl class="facts">
        ${this.fact(t.disReferralId, referral.identifier)}
        ${this.fact(t.disReferralReceived, referral.received ? this.dateTime(referral.received, locale) : undefined)}
      </dl>
      ${
        hasDiagnoses
          ? html`<ul class="codes diagnoses referral__diagnoses">
              ${referral.diagnosis ? this.renderDiagnosis(t.disReferralDiagnosis, referral.diagnosis, locale) : nothing}
              ${referral.additional.map((diagnosis) =>
                this.renderDiagnosis(
                  diagnosis.descriptionCode
                    ? labelOf(DIAGNOSE_DESCRIPTION_LABELS, diagnosis.descriptionCode, locale)
                    : t.disReferralAdditional,
                  diagnosis,
                  locale,
                ),
              )}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private renderReference(reference: LetterReference, t: Text, locale: Locale) {
    const description = reference.description ?? reference.url ?? '';
    const href = reference.url ? safeHttpUrl(reference.url) : undefined;
    let body: Content;
    if (reference.url && href) {
      body = html`<a href=${href} target="_blank" rel="noopener noreferrer"
          >${description}<span class="visually-hidden"> ${t.disOpensNewTab}</span></a
        >
        <span class="reference__url">${reference.url}</span>`;
    } else if (reference.url) {
      body = html`<span>${description}</span>
        <span class="reference__url">${reference.url}</span>
        <span class="reference__detail raw-code">${t.disUnsafeUrl}</span>`;
    } else {
      body = html`<span>${description}</span>`;
    }
    const binary = reference.binary;
    return html`<li class="reference">
      ${body}
      ${
        reference.sentSeparately
          ? html`<span class="reference__detail">${t.disSentSeparately} <span class="raw-code">(SUP)</span></span>`
          : nothing
      }
      ${
        binary
          ? html`<span class="reference__detail">
              ${t.disBinary}:
              ${[
                binary.objectCode ? this.coded(OBJECT_CODE_LABELS, binary.objectCode, locale) : nothing,
                binary.objectExtensionCode ? `, ${binary.objectExtensionCode}` : nothing,
                binary.originalObjectSize ? `, ${t.disSize} ${binary.originalObjectSize}` : nothing,
                binary.objectIdentifier ? `, ${t.disObjectId} ${binary.objectIdentifier}` : nothing,
              ]}
            </span>`
          : nothing
      }
    </li>`;
  }

  private renderReferences(model: DischargeSummary, t: Text, locale: Locale) {
    if (model.references.length === 0) return nothing;
    return html`<section part="references" class="section" aria-labelledby="references">
      ${this.heading(1, 'references', t.disReferences)}
      <ul class="references">
        ${model.references.map((reference) => this.renderReference(reference, t, locale))}
      </ul>
    </section>`;
  }

  private renderPatientFacts(patient: LetterPatient, t: Text, locale: Locale) {
    const strings = this.localize.strings;
    return html`<dl class="facts">
      ${this.fact(t.disName, joinName(patient.givenName, patient.surname) || undefined)}
      ${this.fact(strings.cprLabel, patient.cpr ? formatCpr(patient.cpr) : undefined)}
      ${this.fact(strings.ecprLabel, patient.alternativeIdentifier)} ${this.fact(t.disPersonTitle, patient.title)}
      ${this.fact(t.disAddress, formatAddress(patient) || undefined)} ${this.fact(t.disOccupancy, patient.occupancy)}
      ${this.fact(
        t.disStatus,
        patient.episodeOfCareStatus
          ? this.coded(EPISODE_OF_CARE_STATUS_LABELS, patient.episodeOfCareStatus, locale)
          : undefined,
      )}
      ${patient.telephones.map((phone) =>
        this.fact(phone.code ? `${t.disPhone} (${phone.code})` : t.disPhone, this.phone(phone.number)),
      )}
      ${this.fact(t.disEmail, this.email(patient.email))}
    </dl>`;
  }

  private renderRelative(relative: Relative, t: Text, locale: Locale) {
    return html`<dl class="facts">
      ${this.fact(
        t.disRelation,
        relative.relationCode ? this.coded(RELATION_CODE_LABELS, relative.relationCode, locale) : undefined,
      )}
      ${this.fact(t.disName, joinName(relative.givenName, relative.surname) || undefined)}
      ${this.fact(t.disIdentifier, relative.personIdentifier ? formatCpr(relative.personIdentifier) : undefined)}
      ${this.fact(t.disAddress, formatAddress(relative) || undefined)}
      ${this.fact(t.disPhone, this.phone(relative.telephone))}
    </dl>`;
  }

  private renderPatient(model: DischargeSummary, t: Text, locale: Locale) {
    const { patient, relatives } = model;
    if (!patient && relatives.length === 0) return nothing;
    return html`<div part="patient" class="columns">
      ${
        patient
          ? html`<section class="section" aria-labelledby="patient-details">
              ${this.heading(1, 'patient-details', t.disPatientDetails)} ${this.renderPatientFacts(patient, t, locale)}
            </section>`
          : nothing
      }
      ${
        relatives.length > 0
          ? html`<section class="section" aria-labelledby="relatives">
              ${this.heading(1, 'relatives', t.disRelatives)}
              <div class="relatives">${relatives.map((relative) => this.renderRelative(relative, t, locale))}</div>
            </section>`
          : nothing
      }
    </div>`;
  }

  private renderPerson(person: PartyPerson, t: Text, locale: Locale) {
    const name = joinName(person.personName, person.personTitle ? `(${person.personTitle})` : undefined);
    return html`<dl class="facts party__contact">
      ${this.fact(t.disName, name || undefined)} ${this.fact(t.disOrganisation, person.organisationName)}
      ${this.fact(t.disDepartment, person.departmentName)} ${this.fact(t.disUnit, person.unitName)}
      ${
        person.identifier
          ? this.fact(
              person.identifierCode ? labelOf(IDENTIFIER_CODE_LABELS, person.identifierCode, locale) : t.disIdentifier,
              person.identifier,
            )
          : nothing
      }
    </dl>`;
  }

  private renderParty(id: string, title: string, party: Party | undefined, t: Text, locale: Locale) {
    if (!party) return nothing;
    return html`<div class="party">
      ${this.heading(2, id, title, 'subheading')}
      <dl class="facts">
        ${this.fact(t.disOrganisation, party.organisationName)} ${this.fact(t.disDepartment, party.departmentName)}
        ${this.fact(t.disUnit, party.unitName)} ${this.fact(t.disAddress, formatAddress(party) || undefined)}
        ${this.fact(t.disPhone, this.phone(party.telephone))}
        ${
          party.identifier
            ? this.fact(
                party.identifierCode ? labelOf(IDENTIFIER_CODE_LABELS, party.identifierCode, locale) : t.disIdentifier,
                party.identifier,
              )
            : nothing
        }
        ${this.fact(t.disEan, party.eanIdentifier)} ${this.fact(t.disSpeciality, party.medicalSpecialityCode)}
      </dl>
      ${
        party.contact
          ? html`<p class="subheading party__contact">${t.disContact}</p>
              ${this.renderPerson(party.contact, t, locale)}`
          : nothing
      }
      ${party.referrer ? this.renderPerson(party.referrer, t, locale) : nothing}
    </div>`;
  }

  private renderParties(model: DischargeSummary, t: Text, locale: Locale) {
    if (!model.sender && !model.receiver && !model.ccReceiver) return nothing;
    return html`<section part="parties" class="section" aria-labelledby="parties">
      ${this.heading(1, 'parties', t.disParties)}
      <div class="parties">
        ${this.renderParty('sender', t.disSender, model.sender, t, locale)}
        ${this.renderParty('receiver', t.disReceiver, model.receiver, t, locale)}
        ${this.renderParty('cc-receiver', t.disCcReceiver, model.ccReceiver, t, locale)}
      </div>
    </section>`;
  }

  private renderLetterDetails(model: DischargeSummary, t: Text, locale: Locale) {
    const header = model.header;
    return html`<section part="letter-details" class="section" aria-labelledby="letter-details">
      ${this.heading(1, 'letter-details', t.disLetterDetails)}
      <dl class="facts">
        ${this.fact(
          t.disLetterStatus,
          header.statusCode ? this.coded(STATUS_CODE_LABELS, header.statusCode, locale) : undefined,
        )}
        ${this.fact(t.disLetterId, header.identifier)}
        ${this.fact(t.disAuthorised, header.authorisation ? this.dateTime(header.authorisation, locale) : undefined)}
        ${this.fact(t.disTypeCode, header.typeCode)} ${this.fact(t.disVersion, header.versionCode)}
        ${this.fact(t.disStatisticalCode, header.statisticalCode)}
        ${this.fact(t.disEpisode, header.episodeOfCareIdentifier)}
        ${this.fact(t.disEnvelopeId, header.envelopeIdentifier)}
        ${this.fact(t.disAcknowledgement, header.acknowledgementCode)} ${this.fact(t.disNamespace, model.namespace)}
      </dl>
    </section>`;
  }

  private renderUnknown(model: DischargeSummary, t: Text) {
    if (model.unknown.length === 0) return nothing;
    return html`<details part="unknown" class="section unknown">
      <summary>${t.disUnknown} (${model.unknown.length})</summary>
      <p class="unknown__hint">${t.disUnknownHint}</p>
      <ul class="unknown__list">
        ${model.unknown.map(
          (element) =>
            html`<li>
              <span class="unknown__path">${element.path}</span>
              <span class="unknown__text" lang="da">${element.text}</span>
            </li>`,
        )}
      </ul>
    </details>`;
  }

  private renderLetter(model: DischargeSummary, t: Text) {
    const locale = this.localize.locale;
    const title = labelOf(DISCHARGE_SUMMARY_VARIANT_LABELS, model.variant, locale);
    const patient = model.patient;
    return html`<article part="base" class="letter" aria-labelledby="title" lang=${locale}>
      ${this.renderPrintHeader(patient, title)} ${this.renderHeader(model, title, t, locale)}
      ${this.renderCorrection(model, t)}
      ${
        patient
          ? html`<samspil-patient-banner
              part="patient-banner"
              name=${joinName(patient.givenName, patient.surname)}
              cpr=${patient.cpr ?? patient.alternativeIdentifier ?? ''}
              lang=${locale}
              theme=${this.theme}
            ></samspil-patient-banner>`
          : nothing
      }
      ${this.renderStay(model, t, locale)} ${this.renderDiagnoses(model, t, locale)} ${this.renderPriority(model, t)}
      ${this.renderRecommendations(model, t)} ${this.renderClinical(model, t, locale)}
      ${this.renderReferral(model.referral, t, locale)} ${this.renderReferences(model, t, locale)}
      ${this.renderPatient(model, t, locale)} ${this.renderParties(model, t, locale)}
      ${this.renderLetterDetails(model, t, locale)} ${this.renderUnknown(model, t)}
    </article>`;
  }

  override render() {
    const t = this.text;
    return this.task.render({
      initial: () => this.renderState('empty', t.disEmpty),
      pending: () => this.renderState('loading', t.disLoading),
      complete: (model) => (model ? this.renderLetter(model, t) : this.renderState('empty', t.disEmpty)),
      error: (error) => this.renderError(error, t),
    });
  }
}
