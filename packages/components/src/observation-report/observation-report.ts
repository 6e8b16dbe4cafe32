// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import { ATTACHMENT_CONTENT_TYPES, formatCpr, type PartyDescription } from '@samspil/sdk';
import { heading } from '../internal/heading.js';
import { messagesTask, type MessageSource } from '../internal/message-loader.js';
import { PrintDetailsController } from '../internal/print-details.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { errorState, loadState } from '../internal/states.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { collapsibleViewerStyles, viewerDetailStyles, viewerStyles } from '../styles/viewer.styles.js';
import type { Locale } from '../i18n/strings.js';
import {
  firstOfKind,
  formatBytes,
  formatInstant,
  formatNumber,
  isMachineTime,
  WrongMessageError,
} from '../internal/format.js';
import { telHref } from '../internal/links.js';
import { icon } from '../internal/icons.js';
import {
  codeSystemName,
  readObservationReport,
  type CodingView,
  type MediaView,
  type ObservationReport,
  type ObservationView,
  type QuantityView,
  type ReferenceRangeView,
} from './observations.js';
import { observationReportStyles } from './observation-report.styles.js';
import { daStrings, enStrings, type ObservationReportStrings } from './observation-report.strings.js';

type Content = TemplateResult | string | typeof nothing | readonly Content[];
type ReadResult = { readonly report: ObservationReport } | { readonly error: WrongMessageError };

const UCUM = 'http://unitsofmeasure.org';
/** Image types every browser can show; TIFF is not among them, so it is offered as a download. */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp']);
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
};
const LONG_TABLE_ROWS = 8;
const LONG_TEXT_CHARS = 600;
const LONG_TEXT_LINES = 8;
const EMAIL = /^[^\s@<>"'()[\]\\,;:]+@[^\s@<>"'()[\]\\,;:]+\.[^\s@<>"'()[\]\\,;:]+$/;

function decodeBase64(data: string): Uint8Array | undefined {
  try {
    const binary = atob(data.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** A file name for a download: the title (which MedCom sends without extension) plus the MIME type's extension. */
function fileName(title: string, contentType: string | undefined): string {
  const safe = title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || 'bilag';
  const extension = contentType === undefined ? undefined : EXTENSIONS[contentType];
  return extension === undefined || safe.toLowerCase().endsWith(`.${extension}`) ? safe : `${safe}.${extension}`;
}

const isLongText = (text: string): boolean =>
  text.length > LONG_TEXT_CHARS || text.split('\n').length > LONG_TEXT_LINES;

const joined = (values: readonly (string | undefined)[], separator = ', '): string =>
  values.filter((value): value is string => value !== undefined && value.trim() !== '').join(separator);

/**
 * @summary Shows a MedCom HomeCareObservation message (kommunale prøvesvar): the municipal acute care team's
 * observations, sent to the patient's GP.
 *
 * @description The observations are a table: what was measured (code display, code and code system), the result
 * with its unit (and UCUM code), when (in the reader's time zone), the reference range, the interpretation (always
 * "not interpreted", NI, in this standard) and the comment on each result. A result outside its reference range is
 * marked with text and an icon, never colour alone. Then the clinical comment, the attachments (images previewed,
 * other files as downloads), who made the observations (the producing team, with ProducentID, and the nurse with
 * role and phone) and the receiving GP practice (ydernummer, contact initials). A refused consent (security label
 * `R`) and a modification or retraction of an earlier message are shown at the top. Give the message through
 * `messages` (Bundles, or FHIR JSON text or bytes) or `src`; FHIR XML is read too once the page has imported
 * `@samspil/components/fhir-xml.js`. The first HomeCareObservation among the messages is shown, and any other kind
 * is an error. Attachment content is shown through `blob:` URLs, revoked when the element
 * leaves the page or gets another message.
 *
 * @fires samspil-load - The message was read; `detail.model` is the `ObservationReport`.
 * @fires samspil-error - The message could not be loaded or is not a HomeCareObservation; `detail.message` (never a
 *   CPR number) and `issues`.
 *
 * @csspart base - The report's outer box (an article).
 * @csspart print-header - Patient name and CPR number, repeated at the top of every printed page (print only).
 * @csspart title - The report title.
 * @csspart consent - The "consent refused" banner.
 * @csspart correction - The banner of a modified or retracted message.
 * @csspart observations - The results section.
 * @csspart table - The results table.
 * @csspart observation - Each result row.
 * @csspart flag - The above/below-range mark of a result.
 * @csspart conclusion - The clinical comment.
 * @csspart media - The attachments section.
 * @csspart media-image - Each previewed image.
 * @csspart performer - The producing team and the health professional.
 * @csspart requester - The receiving GP practice.
 * @csspart message - The message details (standard, activity, ids).
 * @csspart other - The collapsed list of content the viewer does not know.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop [--samspil-font-family=system-ui, …] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Labels and secondary text (dark theme `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark theme `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Table header background (dark theme `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Section and table borders (dark theme `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Headings and links (dark theme `#8ab4f8`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Background of the consent and correction banners.
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Text on the warning background.
 * @cssprop [--samspil-color-danger=#9b1c1c] - Out-of-range marks, a retraction and the error state (dark `#ff9b9b`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 * @cssprop [--samspil-observation-report-image-max-height=20rem] - Height limit of a previewed image.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilObservationReport extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [
    tokens,
    letterStyles,
    viewerStyles,
    viewerDetailStyles,
    collapsibleViewerStyles,
    observationReportStyles,
  ];

  private readonly task = messagesTask(this, {
    onLoad: (bundles) => {
      if (bundles.length === 0) return;
      const result = this.read(bundles);
      if ('report' in result) this.emit('samspil-load', { model: result.report });
      else this.emit('samspil-error', { message: result.error.message, issues: [] });
    },
    onError: (error) => this.emit('samspil-error', { message: error.message, issues: [] }),
  });

  /** The messages (property only): Bundles, or FHIR JSON text or bytes (XML with `fhir-xml.js`). Wins over `src`. */
  @property({ attribute: false }) messages: readonly MessageSource[] | undefined;

  /** URLs of messages to fetch, separated by white space. */
  @property() src = '';

  /** The level of the report's title heading; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 = 2;

  /** Shows the report as it prints: the print header on top, every section expanded. */
  @property({ type: Boolean, reflect: true, attribute: 'print-preview' }) printPreview = false;

  private cache: { readonly bundles: readonly Bundle[]; readonly result: ReadResult } | undefined;
  /** Object URLs of attachment content by attachment; `null` when the content could not be decoded. */
  private readonly urls = new Map<MediaView, string | null>();
  /** Opens closed details for printing and closes them again afterwards. */
  private readonly printDetails = new PrintDetailsController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the attachments' URLs were revoked on the way out, so render them anew.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    // Attachment content can be large and is clinical data: let it go with the element. Reconnecting recreates it.
    this.revokeUrls();
    super.disconnectedCallback();
  }

  private get t(): ObservationReportStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private get locale(): Locale {
    return this.localize.locale;
  }

  /** The report of the first HomeCareObservation among the messages, read once per set of messages. */
  private read(bundles: readonly Bundle[]): ReadResult {
    if (this.cache?.bundles === bundles) return this.cache.result;
    this.revokeUrls();
    let result: ReadResult;
    try {
      const { bundle, description } = firstOfKind(bundles, 'home-care-observation', 'HomeCareObservation');
      result = { report: readObservationReport(bundle, description) };
    } catch (error) {
      result = {
        error: error instanceof WrongMessageError ? error : new WrongMessageError(String((error as Error)?.message)),
      };
    }
    this.cache = { bundles, result };
    return result;
  }

  private revokeUrls(): void {
    for (const url of this.urls.values()) if (url) URL.revokeObjectURL(url);
    this.urls.clear();
  }

  /** The `blob:` URL of an attachment's inline content, made on first use; `null` when it cannot be decoded. */
  private contentUrl(media: MediaView): string | null | undefined {
    if (media.data === undefined) return undefined;
    if (!this.urls.has(media)) {
      const bytes = decodeBase64(media.data);
      const declared = media.attachment.contentType;
      // Only MedCom's attachment types keep their type: a blob is same-origin, so text/html or SVG content opened
      // from it could run script. Anything else is an opaque download.
      const type =
        declared !== undefined && (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(declared)
          ? declared
          : 'application/octet-stream';
      this.urls.set(media, bytes ? URL.createObjectURL(new Blob([bytes as BlobPart], { type })) : null);
    }
    return this.urls.get(media);
  }

  private heading(offset: number, content: Content, className: string, id?: string, part?: string) {
    return heading(content, { base: this.headingLevel, offset, className, id, part });
  }

  /** A section, or — when long and not printing — a `<details open>` that the reader can fold away. */
  private section(part: string, id: string, title: Content, body: Content, collapsible = false) {
    const titleHeading = this.heading(1, title, 'section__heading', id);
    if (collapsible && !this.printPreview) {
      return html`<details class="section section--collapsible" part=${part} open>
        <summary>${titleHeading}</summary>
        ${body}
      </details>`;
    }
    return html`<section class="section" part=${part} aria-labelledby=${id}>${titleHeading} ${body}</section>`;
  }

  private fact(label: Content, value: Content) {
    return html`<div class="fact">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  private time(value: string | undefined) {
    if (value === undefined) return nothing;
    return html`<time datetime=${ifDefined(isMachineTime(value) ? value : undefined)}
      >${formatInstant(value, this.locale)}</time
    >`;
  }

  private label(table: Readonly<Record<string, string>>, code: string | undefined, display?: string): string {
    if (code === undefined) return display ?? '';
    const known = Object.hasOwn(table, code) ? table[code] : undefined;
    return `${known ?? display ?? code} (${code})`;
  }

  private codeLine(coding: CodingView) {
    const system = codeSystemName(coding.system) ?? coding.system;
    return html`<span class="line code-line"
      >${coding.code === undefined ? nothing : html`<code class="code">${coding.code}</code>`}
      <span class="muted">${system ?? ''}</span></span
    >`;
  }

  private quantity(q: QuantityView | undefined, withComparator = true): string {
    if (q?.value === undefined) return '';
    // UCUM's `1` is a pure number (a count or score): nothing to show beside it.
    const unit = q.unit ?? (q.system === UCUM && q.code !== '1' ? q.code : undefined);
    const comparator = withComparator ? (q.comparator ?? '') : '';
    return joined([`${comparator}${formatNumber(q.value, this.locale)}`, unit], ' ');
  }

  private renderValue(o: ObservationView) {
    const t = this.t;
    const value = o.value;
    if (value === undefined) return html`<span class="muted">${t.obsNoValue}</span>`;
    if (value.kind === 'absent') {
      return html`<span class="muted">${joined([t.obsNoValue, value.reason], ': ')}</span>`;
    }
    if (value.kind === 'text') {
      return html`<span class="value">${value.text}</span
        >${value.code?.code !== undefined && value.code.code !== value.text ? html` <code class="code">${value.code.code}</code>` : nothing}`;
    }
    const q = value.quantity;
    const ucum = q.system === UCUM && q.code !== undefined && q.code !== q.unit ? q.code : undefined;
    return html`<span class="value">${this.quantity(q)}</span>
      ${ucum === undefined ? nothing : html`<span class="line muted unit-code">UCUM: <code>${ucum}</code></span>`}`;
  }

  private renderFlag(o: ObservationView) {
    if (o.range !== 'above' && o.range !== 'below') return nothing;
    const above = o.range === 'above';
    return html`<span class="flag flag--${o.range}" part="flag"
      >${icon(above ? 'up' : 'down')}<span>${above ? this.t.obsAbove : this.t.obsBelow}</span></span
    >`;
  }

  private renderRange(range: ReferenceRangeView) {
    const low = this.quantity(range.low, false);
    const high = this.quantity(range.high, false);
    // One unit after both limits when they share it, as a reader writes a range: 36,5–37,5 °C.
    const lowValue = range.low?.value;
    const shortLow =
      lowValue !== undefined && range.low?.unit === range.high?.unit ? formatNumber(lowValue, this.locale) : low;
    const limits = low && high ? `${shortLow}–${high}` : low ? `≥ ${low}` : high ? `≤ ${high}` : '';
    return html`<span class="line">${joined([limits, range.text], '; ')}</span>`;
  }

  private renderInterpretation(o: ObservationView) {
    const t = this.t;
    if (o.interpretations.length === 0 && o.interpretationText === undefined) return nothing;
    return html`${o.interpretations.map(
      (coding) => html`<span class="line">${this.label(t.obsInterpretations, coding.code, coding.display)}</span>`,
    )}${o.interpretationText ? html`<span class="line">${o.interpretationText}</span>` : nothing}`;
  }

  private renderNotes(o: ObservationView) {
    return o.notes.map(
      (note) =>
        html`<p class="note-text">${note.text}</p>
          ${
            note.author || note.time
              ? html`<span class="line muted"
                  >${joined([note.author, formatInstant(note.time, this.locale)], ', ')}</span
                >`
              : nothing
          }`,
    );
  }

  private cell(label: string, content: Content) {
    // An empty cell stays empty, so the narrow (card) layout can leave it out.
    if (content === nothing || (Array.isArray(content) && content.length === 0)) return html`<td></td>`;
    return html`<td><span class="cell-label" aria-hidden="true">${label}</span>${content}</td>`;
  }

  private renderRow(o: ObservationView) {
    const t = this.t;
    const first = o.codes[0];
    // A code without a display is shown once, in the code line, rather than repeated as its own name.
    const name = first?.display ?? o.codeText;
    const classes = classMap({ obs: true, [`obs--${o.range}`]: o.range === 'above' || o.range === 'below' });
    const effective = o.effective;
    return html`<tr class=${classes} part="observation" data-range=${o.range}>
      <th scope="row">
        ${name === undefined ? nothing : html`<span class="obs__name">${name}</span>`}
        ${o.codes.map((coding) => this.codeLine(coding))}
        ${o.codeText && o.codeText !== name ? html`<span class="line">${o.codeText}</span>` : nothing}
        ${
          o.status === undefined
            ? nothing
            : html`<span class="line muted">${t.obsStatus}: ${this.label(t.obsStatuses, o.status)}</span>`
        }
        ${o.inReport ? nothing : html`<span class="line tag">${t.obsNotInReport}</span>`}
      </th>
      ${this.cell(t.obsColResult, html`${this.renderValue(o)} ${this.renderFlag(o)}`)}
      ${this.cell(
        t.obsColTime,
        effective
          ? html`${this.time(effective.start)}${effective.end ? html` – ${this.time(effective.end)}` : nothing}`
          : nothing,
      )}
      ${this.cell(
        t.obsColRange,
        o.referenceRanges.map((range) => this.renderRange(range)),
      )}
      ${this.cell(t.obsColInterpretation, this.renderInterpretation(o))} ${this.cell(t.obsColNote, this.renderNotes(o))}
    </tr>`;
  }

  private renderObservations(report: ObservationReport) {
    const t = this.t;
    const rows = report.observations;
    const flagged = rows.some((o) => o.range === 'above' || o.range === 'below');
    const body =
      rows.length === 0
        ? html`<p class="muted">${t.obsNoObservations}</p>`
        : html`<div class="table-wrap">
              <table part="table" aria-labelledby="obs-results">
                <thead>
                  <tr>
                    <th scope="col">${t.obsColObservation}</th>
                    <th scope="col">${t.obsColResult}</th>
                    <th scope="col">${t.obsColTime}</th>
                    <th scope="col">${t.obsColRange}</th>
                    <th scope="col">${t.obsColInterpretation}</th>
                    <th scope="col">${t.obsColNote}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((o) => this.renderRow(o))}
                </tbody>
              </table>
            </div>
            ${flagged ? html`<p class="range-note muted">${t.obsRangeNote}</p>` : nothing}`;
    const missing =
      report.missingResults.length === 0
        ? nothing
        : html`<ul class="missing">
            ${report.missingResults.map((reference) => html`<li>${t.obsMissingResult}: <code>${reference}</code></li>`)}
          </ul>`;
    return this.section(
      'observations',
      'obs-results',
      t.obsObservationsHeading(rows.length),
      html`${body}${missing}`,
      rows.length > LONG_TABLE_ROWS,
    );
  }

  private renderBanners(report: ObservationReport) {
    const t = this.t;
    const consent = report.consentRefused
      ? html`<div class="alert alert--consent" part="consent">
          ${icon('lock')}
          <p>
            <strong class="alert__title">${t.obsConsentTitle}</strong>
            <span
              >${t.obsConsentText}
              (${joined(report.security.filter((s) => s.code === 'R').map((s) => joined([s.code, s.display], ' – ')))}).</span
            >
          </p>
        </div>`
      : nothing;
    const correction = report.correction;
    const retracted = correction?.kind === 'retracted';
    const id = correction?.messageHeaderId ?? t.obsUnknownId;
    const change = correction
      ? html`<div
          class=${classMap({ alert: true, 'alert--correction': true, 'alert--retracted': retracted })}
          part="correction"
          data-kind=${correction.kind}
        >
          ${icon('warning')}
          <p>
            <strong class="alert__title">${retracted ? t.obsRetractedTitle : t.obsModifiedTitle}</strong>
            <span>${retracted ? t.obsRetractedText(id) : t.obsModifiedText(id)}</span>
          </p>
        </div>`
      : nothing;
    return html`${consent}${change}`;
  }

  private renderConclusion(report: ObservationReport) {
    const text = report.conclusion;
    if (text === undefined) return nothing;
    return this.section(
      'conclusion',
      'obs-conclusion',
      this.t.obsConclusionHeading,
      html`<p class="text text--pre">${text}</p>`,
      isLongText(text),
    );
  }

  private renderMediaItem(media: MediaView) {
    const t = this.t;
    const a = media.attachment;
    const title = a.title ?? t.obsMediaUntitled;
    const url = this.contentUrl(media);
    const preview = url && a.contentType !== undefined && PREVIEWABLE.has(a.contentType);
    const external =
      url === undefined && a.url !== undefined && /^https?:\/\//i.test(a.url.trim()) ? a.url.trim() : undefined;
    const meta = joined([
      a.contentType,
      a.size === undefined ? undefined : formatBytes(a.size, this.locale),
      a.creation === undefined ? undefined : `${t.obsMediaCreated} ${formatInstant(a.creation, this.locale)}`,
      a.author?.name === undefined ? undefined : `${t.obsMediaBy} ${joined([a.author.name, a.author.role])}`,
    ]);
    const link = url
      ? html`<a href=${url} download=${fileName(title, a.contentType)} type=${ifDefined(a.contentType)}
          >${t.obsMediaDownload(title)}</a
        >`
      : external
        ? html`<a href=${external} rel="noreferrer">${t.obsMediaDownload(title)}</a>`
        : html`<span class="muted">${url === null ? t.obsMediaUnreadable : t.obsMediaNoData}</span>`;
    return html`<li class="media__item">
      <figure class="media__figure">
        ${preview ? html`<img class="media__image" part="media-image" src=${url} alt=${title} />` : nothing}
        <figcaption>
          <strong class="line">${title}</strong>
          <span class="line muted">${meta}</span>
          ${a.identifier ? html`<span class="line muted">${t.obsMediaId}: ${a.identifier}</span>` : nothing} ${link}
        </figcaption>
      </figure>
    </li>`;
  }

  private renderMedia(report: ObservationReport) {
    if (report.media.length === 0) return nothing;
    return this.section(
      'media',
      'obs-media',
      this.t.obsMediaHeading(report.media.length),
      html`<ul class="media">
        ${report.media.map((media) => this.renderMediaItem(media))}
      </ul>`,
    );
  }

  private phone(number: string) {
    const href = telHref(number);
    return html`<span class="line">${href ? html`<a href=${href}>${number}</a>` : number}</span>`;
  }

  private email(address: string) {
    const trimmed = address.trim();
    return html`<span class="line"
      >${EMAIL.test(trimmed) ? html`<a href=${`mailto:${trimmed}`}>${trimmed}</a>` : address}</span
    >`;
  }

  private party(party: PartyDescription | undefined, extra: Content = nothing) {
    const t = this.t;
    if (!party) return nothing;
    return html`<span class="line party__name">${party.name ?? ''}</span>
      ${party.sor ? html`<span class="line muted">${t.obsSor}: ${party.sor}</span>` : nothing}
      ${party.gln ? html`<span class="line muted">${t.obsGln}: ${party.gln}</span>` : nothing} ${extra}
      ${party.endpoint ? html`<span class="line muted endpoint">${t.obsEndpoint}: ${party.endpoint}</span>` : nothing}`;
  }

  private renderPerformer(report: ObservationReport) {
    const t = this.t;
    const { producer, performer } = report;
    if (!producer && !performer) return nothing;
    const producentId = producer?.producentId;
    return this.section(
      'performer',
      'obs-performer',
      t.obsPerformedHeading,
      html`<dl class="facts">
        ${
          producer
            ? this.fact(
                t.obsProducer,
                this.party(
                  producer,
                  producentId
                    ? html`<span class="line muted"
                        >${t.obsProducentId}: ${this.label(t.obsProducentIds, producentId)}</span
                      >`
                    : nothing,
                ),
              )
            : nothing
        }
        ${
          performer
            ? html`${this.fact(t.obsPerformer, html`<span class="line party__name">${performer.name ?? ''}</span>`)}
              ${
                performer.roles.length > 0 || performer.roleTexts.length > 0
                  ? this.fact(
                      t.obsRole,
                      html`${performer.roles.map((role) => html`<span class="line">${this.label(t.obsRoles, role.code, role.display)}</span>`)}
                      ${performer.roleTexts.map((text) => html`<span class="line">${text}</span>`)}`,
                    )
                  : nothing
              }
              ${
                performer.phones.length > 0
                  ? this.fact(
                      t.obsPhone,
                      performer.phones.map((n) => this.phone(n)),
                    )
                  : nothing
              }
              ${
                performer.emails.length > 0
                  ? this.fact(
                      t.obsEmail,
                      performer.emails.map((e) => this.email(e)),
                    )
                  : nothing
              }
              ${performer.organization ? this.fact(t.obsOrganisation, performer.organization) : nothing}`
            : nothing
        }
      </dl>`,
    );
  }

  private renderRequester(report: ObservationReport) {
    const t = this.t;
    const gp = report.requester;
    if (!gp) return nothing;
    return this.section(
      'requester',
      'obs-requester',
      t.obsRequesterHeading,
      html`<dl class="facts">
        ${this.fact(t.obsName, gp.name ?? '')} ${gp.ydernummer ? this.fact(t.obsYdernummer, gp.ydernummer) : nothing}
        ${
          gp.contacts.length > 0
            ? this.fact(
                t.obsContact,
                gp.contacts.map(
                  (contact) =>
                    html`<span class="line"
                      >${
                        contact.initials !== undefined
                          ? joined([contact.initials, contact.name], ' – ')
                          : contact.absentReason !== undefined
                            ? t.obsContactAbsent(contact.absentReason)
                            : (contact.name ?? '')
                      }</span
                    >`,
                ),
              )
            : nothing
        }
        ${gp.sor ? this.fact(t.obsSor, gp.sor) : nothing} ${gp.gln ? this.fact(t.obsGln, gp.gln) : nothing}
        ${gp.endpoint ? this.fact(t.obsEndpoint, html`<span class="endpoint">${gp.endpoint}</span>`) : nothing}
      </dl>`,
    );
  }

  private renderMessage(report: ObservationReport) {
    const t = this.t;
    const d = report.description;
    const event = d.event;
    const locale = this.locale;
    const differs = (a: PartyDescription | undefined, b: PartyDescription | undefined) =>
      a !== undefined && (a.sor !== b?.sor || a.name !== b?.name);
    const body = html`<dl class="facts">
      ${this.fact(t.obsStandard, d.standard[locale])}
      ${
        event
          ? this.fact(
              t.obsActivity,
              event.code === undefined ? '' : `${event.label?.[locale] ?? event.code} (${event.code})`,
            )
          : nothing
      }
      ${event?.occurred ? this.fact(t.obsSent, this.time(event.occurred)) : nothing}
      ${report.issued ? this.fact(t.obsIssued, this.time(report.issued)) : nothing}
      ${differs(d.sender, report.producer) ? this.fact(t.obsSender, this.party(d.sender)) : nothing}
      ${differs(d.receiver, report.requester) ? this.fact(t.obsReceiver, this.party(d.receiver)) : nothing}
      ${
        report.code.length > 0
          ? this.fact(
              t.obsReportCode,
              report.code.map(
                (c) => html`<span class="line">${this.label(t.obsReportCodes, c.code, c.display)}</span>`,
              ),
            )
          : nothing
      }
      ${report.status ? this.fact(t.obsReportStatus, this.label(t.obsStatuses, report.status)) : nothing}
      ${
        report.security.length > 0
          ? this.fact(
              t.obsSecurity,
              report.security.map((s) => html`<span class="line">${joined([s.code, s.display], ' – ')}</span>`),
            )
          : nothing
      }
      ${report.correction ? this.fact(t.obsPrevious, report.correction.messageHeaderId ?? t.obsUnknownId) : nothing}
      ${d.messageHeaderId ? this.fact(t.obsMessageId, d.messageHeaderId) : nothing}
      ${d.bundleId ? this.fact(t.obsEnvelopeId, d.bundleId) : nothing}
      ${d.definition ? this.fact(t.obsDefinition, html`<span class="endpoint">${d.definition}</span>`) : nothing}
    </dl>`;
    return this.section('message', 'obs-message', t.obsMessageHeading, body, true);
  }

  private renderOther(report: ObservationReport) {
    if (report.other.length === 0) return nothing;
    const t = this.t;
    return html`<details class="section other" part="other" ?open=${this.printPreview}>
      <summary>${this.heading(1, `${t.obsOtherHeading} (${report.other.length})`, 'section__heading')}</summary>
      <p class="muted">${t.obsOtherHint}</p>
      <dl class="facts other__list">
        ${report.other.map((element) => this.fact(html`<code class="path">${element.path}</code>`, html`<code class="json">${element.text}</code>`))}
      </dl>
    </details>`;
  }

  private renderReport(report: ObservationReport) {
    const t = this.t;
    const shared = this.localize.strings;
    const patient = report.description.patient;
    const id = patient?.identifier;
    const name = patient?.name ?? '';
    const cprLabel = id?.kind === 'cpr' ? shared.cprLabel : shared.ecprLabel;
    const meta = joined(
      [
        report.issued ? `${t.obsIssued} ${formatInstant(report.issued, this.locale)}` : undefined,
        joined([report.producer?.name, report.requester?.name], ' → '),
      ],
      ' · ',
    );
    return html`<article
      class=${classMap({ letter: true, base: true, 'base--retracted': report.correction?.kind === 'retracted' })}
      part="base"
      aria-label=${t.obsTitle}
      lang=${this.locale}
    >
      <div class="print-header" part="print-header">
        <span>${name || shared.unknownName}</span>
        <span>${id ? `${cprLabel} ${id.kind === 'cpr' ? formatCpr(id.value) : id.value}` : shared.noIdentifier}</span>
      </div>
      <samspil-patient-banner
        name=${name}
        cpr=${id?.value ?? ''}
        birth-date=${patient?.birthDate ?? ''}
        lang=${this.locale}
        theme=${this.theme}
      ></samspil-patient-banner>
      <header class="report__header">
        ${this.heading(0, t.obsTitle, 'letter__title', undefined, 'title')}
        ${meta ? html`<p class="letter__meta">${meta}</p>` : nothing}
      </header>
      ${this.renderBanners(report)} ${this.renderObservations(report)} ${this.renderConclusion(report)}
      ${this.renderMedia(report)} ${this.renderPerformer(report)} ${this.renderRequester(report)}
      ${this.renderMessage(report)} ${this.renderOther(report)}
    </article>`;
  }

  private renderState(kind: 'loading' | 'empty') {
    return loadState(kind, kind === 'loading' ? this.t.obsLoading : this.t.obsEmpty, this.locale);
  }

  private renderError(error: unknown) {
    const found = error instanceof WrongMessageError ? error.found : undefined;
    const title = found ? this.t.obsWrongKind(found.standard[this.locale]) : this.t.obsError;
    return errorState(title, error, this.locale, found === undefined);
  }

  override render() {
    return this.task.render({
      initial: () => this.renderState('empty'),
      pending: () => this.renderState('loading'),
      complete: (bundles) => {
        if (!bundles || bundles.length === 0) return this.renderState('empty');
        const result = this.read(bundles);
        return 'report' in result ? this.renderReport(result.report) : this.renderError(result.error);
      },
      error: (error) => this.renderError(error),
    });
  }
}
