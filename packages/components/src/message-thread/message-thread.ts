// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Attachment, Bundle, Communication, Patient } from '@medplum/fhirtypes';
import {
  ATTACHMENT_CONTENT_TYPES,
  formatCpr,
  redactCpr,
  summarizePatient,
  threadOf,
  type PatientLike,
  type Thread,
  type ThreadAuthor,
  type ThreadEntry,
  type ThreadParty,
  type ThreadPayload,
} from '@samspil/sdk';
import type { Locale } from '../i18n/strings.js';
import { heading } from '../internal/heading.js';
import { messagesTask, MessageLoadError, type MessageSource } from '../internal/message-loader.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { viewerStyles } from '../styles/viewer.styles.js';
import { visuallyHiddenStyles } from '../styles/visually-hidden.styles.js';
import type { SamspilMessageComposer } from '../message-composer/message-composer.js';
import { categoryText, formatInstant, isWebUrl, telHref } from './message-format.js';
import { messageThreadStyles } from './message-thread.styles.js';
import { daStrings, enStrings, type MessageThreadStrings } from './message-thread.strings.js';

const IDENTIFIER_EXTENSION = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-identifier-extension';
/** Types a browser shows inline; the others (TIFF) are offered for download only. */
const PREVIEWABLE: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp']);
const LONG_TEXT_CHARS = 600;
const LONG_TEXT_LINES = 8;

/** What the viewer knows beyond the thread itself, read from the received Bundles. */
interface ThreadView {
  /** The Bundles the view was made from (the task's value). */
  readonly source: readonly Bundle[];
  readonly thread: Thread;
  /** Received messages by MessageHeader id. */
  readonly byHeader: ReadonlyMap<string, { bundle: Bundle; communication: Communication | undefined }>;
  /** Attachments with file data, by payload identifier (and by title and type, for payloads without one). */
  readonly files: ReadonlyMap<string, Attachment>;
  readonly patient: Patient | undefined;
  /** Whether the messages name more than one patient (a host mixing threads up): shown as a warning. */
  readonly patientsDiffer: boolean;
  /** The newest received message: what a reply answers. */
  readonly newest: Bundle | undefined;
}

function communicationOf(bundle: Bundle): Communication | undefined {
  for (const entry of bundle.entry ?? []) {
    if (entry.resource?.resourceType === 'Communication') return entry.resource;
  }
  return undefined;
}

function patientOf(bundle: Bundle | undefined): Patient | undefined {
  for (const entry of bundle?.entry ?? []) {
    if (entry.resource?.resourceType === 'Patient') return entry.resource;
  }
  return undefined;
}

const fileKey = (title: string | undefined, contentType: string | undefined) => `~${title ?? ''}|${contentType ?? ''}`;

function viewOf(source: readonly Bundle[]): ThreadView {
  const thread = threadOf(source);
  const byHeader = new Map<string, { bundle: Bundle; communication: Communication | undefined }>();
  const files = new Map<string, Attachment>();
  for (const bundle of source) {
    const header = bundle.entry?.[0]?.resource;
    const communication = communicationOf(bundle);
    if (header?.resourceType === 'MessageHeader' && header.id !== undefined && !byHeader.has(header.id)) {
      byHeader.set(header.id, { bundle, communication });
    }
    for (const payload of communication?.payload ?? []) {
      const file = payload.contentAttachment;
      if (typeof file?.data !== 'string') continue;
      const id = payload.extension?.find((e) => e.url === IDENTIFIER_EXTENSION)?.valueIdentifier?.value;
      for (const key of [id, fileKey(file.title, file.contentType)]) {
        if (key !== undefined && !files.has(key)) files.set(key, file);
      }
    }
  }
  const received = thread.entries.filter((entry) => entry.received);
  const newest = byHeader.get(received[received.length - 1]?.messageHeaderId ?? '')?.bundle;
  const patients = new Set(
    source.map((bundle) => {
      const patient = patientOf(bundle);
      return patient?.identifier?.[0]?.value ?? JSON.stringify(patient?.name ?? null);
    }),
  );
  return { source, thread, byHeader, files, patient: patientOf(newest), patientsDiffer: patients.size > 1, newest };
}

/** The size of base64 data once decoded. */
function decodedSize(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

function isLong(text: string): boolean {
  return text.length > LONG_TEXT_CHARS || text.split('\n').length > LONG_TEXT_LINES;
}

const sameAuthor = (a: ThreadAuthor | undefined, b: ThreadAuthor | undefined) =>
  a?.name === b?.name && a?.role === b?.role;

/**
 * @summary Shows a MedCom CareCommunication (korrespondancemeddelelse) conversation: every message in order, with
 * its texts, attachments and the thread's gaps.
 *
 * @description The thread is rebuilt with the SDK's `threadOf` from the messages' Provenance history, so the
 * messages may come in any order and repeat. Each message shows who sent it (author, role, organisation), to
 * whom, when (in the reader's time zone), its category and topic, a prominent "asap" priority, every text with its
 * line breaks, and its attachments: images previewed, files offered to open or download (from `blob:` URLs made
 * from the message's own data, revoked when the element leaves the page), links only for http and https.
 * Messages known only from a later message's history are shown as gaps ("Ikke modtaget"), and messages that were
 * later forwarded are marked. Give the messages as `messages` (Bundles, or FHIR JSON/XML text or bytes) or as `src`
 * URLs; FHIR XML is read once the host imports `@samspil/components/fhir-xml.js`.
 *
 * Composition is left to the host, with help: put a `<samspil-message-composer slot="composer">` inside the
 * thread and it is shown under the newest message, its `previous` set to the newest received message and its
 * `earlier` to every message of the thread whenever they load. The host sends what it emits (`samspil-send`) and
 * adds the sent message to `messages`. The thread itself never loads the builders, so it stays small.
 *
 * @slot composer - A `<samspil-message-composer>` (or any reply UI) shown under the thread; hidden in print and
 * while there is no thread.
 *
 * @fires samspil-load - The messages were read; `detail.model` is the SDK's `Thread`.
 * @fires samspil-error - The messages could not be loaded or are no CareCommunication; `detail.message` never
 * contains a CPR number.
 *
 * @csspart base - The thread's outer box (an article).
 * @csspart print-header - Patient name and CPR number, repeated at the top of every printed page (print only).
 * @csspart patient-warning - Shown when the messages name more than one patient.
 * @csspart title - The thread title.
 * @csspart thread - The ordered list of messages.
 * @csspart entry - One message (a list item); gaps also have `gap`, forwarded ones `forwarded`, urgent ones `asap`.
 * @csspart gap - A message known only from the history.
 * @csspart badge - The asap, forwarded and not-received markers.
 * @csspart text - A message text.
 * @csspart attachment - An attachment.
 * @csspart preview - An image attachment's preview.
 * @csspart composer - The box around the `composer` slot.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop [--samspil-font-family=system-ui, …] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Labels and secondary text (dark theme `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark theme `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Background of texts and gaps (dark theme `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Message borders (dark theme `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Headings, links and the message edge (dark theme `#8ab4f8`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Background of the asap marker.
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Text of the asap marker.
 * @cssprop [--samspil-color-danger=#9b1c1c] - The error state (dark theme `#ff9b9b`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 * @cssprop [--samspil-message-thread-preview-max-height=16rem] - Maximum height of an image preview.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilMessageThread extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [tokens, letterStyles, visuallyHiddenStyles, viewerStyles, messageThreadStyles];

  private readonly task = messagesTask(this, {
    onLoad: (messages) => this.handleLoad(messages),
    onError: (error) => this.handleError(error),
  });

  /** The thread as read from the task's latest value. */
  private view: ThreadView | undefined;
  /** Why the task's latest value is no thread. */
  private viewError: MessageLoadError | undefined;
  /** `blob:` URLs made for attachment data (`null`: the data could not be decoded); revoked on disconnect. */
  private readonly blobs = new Map<Attachment, string | null>();
  /** Whether anything is in the `composer` slot (its box is hidden when empty). */
  private hasComposer = false;

  /** The messages of the thread (property only): Bundles, or FHIR JSON/XML text or bytes; any order. */
  @property({ attribute: false }) messages: readonly MessageSource[] | undefined;

  /** URLs of the messages to fetch, separated by white space. */
  @property() src = '';

  /** The level of the thread's title heading; each message's heading is one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 | 5 = 2;

  /** Shows the thread as it prints: the print header on top, long texts expanded, no composer. */
  @property({ type: Boolean, reflect: true, attribute: 'print-preview' }) printPreview = false;

  private get t(): MessageThreadStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private get locale(): Locale {
    return this.localize.locale;
  }

  private handleLoad(messages: readonly Bundle[]): void {
    this.revokeBlobs();
    try {
      this.view = viewOf(messages);
      this.viewError = undefined;
      this.emit('samspil-load', { model: this.view.thread });
    } catch (error) {
      this.view = undefined;
      this.viewError = new MessageLoadError((error as Error).message);
      this.handleError(this.viewError);
    }
    this.requestUpdate();
  }

  private handleError(error: MessageLoadError): void {
    this.emit('samspil-error', { message: error.message, issues: [] });
  }

  private readonly handleSlotChange = (event: Event): void => {
    const filled = (event.target as HTMLSlotElement).assignedElements().length > 0;
    if (filled !== this.hasComposer) {
      this.hasComposer = filled;
      this.requestUpdate();
    }
    this.bindComposers();
  };

  /** Gives slotted composers the message to answer and the thread's messages (for a forward's attachments). */
  private bindComposers(): void {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="composer"]');
    const view = this.view;
    if (!slot || !view) return;
    for (const element of slot.assignedElements({ flatten: true })) {
      if (element.localName !== 'samspil-message-composer') continue;
      const composer = element as SamspilMessageComposer;
      if (composer.previous !== view.newest) composer.previous = view.newest;
      if (composer.earlier !== view.source) composer.earlier = view.source;
    }
  }

  private readonly handleBeforePrint = (): void => {
    for (const details of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
      details.dataset['closedForPrint'] = '';
      details.open = true;
    }
  };

  private readonly handleAfterPrint = (): void => {
    for (const details of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details[data-closed-for-print]')) {
      delete details.dataset['closedForPrint'];
      details.open = false;
    }
  };

  private revokeBlobs(): void {
    for (const url of this.blobs.values()) if (url) URL.revokeObjectURL(url);
    this.blobs.clear();
  }

  /** A `blob:` URL for an attachment's data, typed with its MIME type when that is one MedCom allows. */
  private blobUrl(file: Attachment): string | undefined {
    const cached = this.blobs.get(file);
    if (cached !== undefined) return cached ?? undefined;
    let url: string | null;
    try {
      const binary = atob(file.data ?? '');
      const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
      // Any other type (text/html, image/svg+xml) could run script in this page's origin when opened: never used.
      const allowed = (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(file.contentType ?? '');
      url = URL.createObjectURL(
        new Blob([bytes], { type: allowed ? (file.contentType as string) : 'application/octet-stream' }),
      );
    } catch {
      url = null;
    }
    this.blobs.set(file, url);
    return url ?? undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('afterprint', this.handleAfterPrint);
    // Back on the page after a disconnect revoked the attachments' URLs: render them again.
    if (this.view) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('afterprint', this.handleAfterPrint);
    this.revokeBlobs();
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.bindComposers();
  }

  private heading(offset: number, content: unknown, className: string, id?: string, part?: string) {
    return heading(content, { base: this.headingLevel, offset, className, id, part });
  }

  private time(value: string | undefined) {
    if (value === undefined) return nothing;
    return html`<time datetime=${value}>${formatInstant(value, this.locale)}</time>`;
  }

  private fact(label: string, value: unknown) {
    return html`<div class="fact">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  private party(party: ThreadParty | undefined) {
    if (!party) return nothing;
    const ids = [party.sor ? `SOR ${party.sor}` : '', party.gln ? `GLN ${party.gln}` : ''].filter(Boolean);
    return html`<span>${party.name ?? ''}</span>${
        ids.length > 0 ? html` <span class="muted ids">(${ids.join(', ')})</span>` : nothing
      }`;
  }

  private author(author: ThreadAuthor | undefined): string {
    if (!author) return '';
    return [author.name, author.role].filter(Boolean).join(', ');
  }

  private phone(number: string | undefined) {
    if (number === undefined) return nothing;
    const href = telHref(number);
    return html`<span class="meta__item"
      >${this.t.mtPhone} ${href ? html`<a href=${href}>${number}</a>` : number}</span
    >`;
  }

  private renderText(payload: ThreadPayload, index: string) {
    const text = payload.text ?? '';
    const body = html`<div class="payload__text" part="text" lang="da">${text || this.t.mtNoContent}</div>`;
    if (!isLong(text) || this.printPreview) return body;
    return html`<details class="payload__long" open>
      <summary id=${`mt-long-${index}`}>${text.slice(0, 60).split('\n')[0]} …</summary>
      ${body}
    </details>`;
  }

  private renderFile(payload: ThreadPayload, file: Attachment | undefined) {
    const t = this.t;
    const meta = payload.attachment;
    const title = meta?.title || t.mtUntitled;
    const contentType = meta?.contentType;
    if (meta?.url !== undefined) {
      return isWebUrl(meta.url)
        ? html`<a class="attachment__link" href=${meta.url.trim()} target="_blank" rel="noopener noreferrer"
              >${title}</a
            >
            <span class="muted url">${meta.url}</span>`
        : html`<span class="attachment__title">${title}</span>
            <span class="muted url">${meta.url}</span>
            <p class="muted">${t.mtUnsafeUrl}</p>`;
    }
    if (!file) {
      return html`<span class="attachment__title">${title}</span>
        <p class="muted">${t.mtNoData}</p>`;
    }
    const href = this.blobUrl(file);
    if (!href) {
      return html`<span class="attachment__title">${title}</span>
        <p class="muted">${t.mtBadData}</p>`;
    }
    const type = contentType ?? file.contentType;
    const preview = type !== undefined && PREVIEWABLE.has(type);
    const openable = preview || type === 'application/pdf';
    const hidden = html`<span class="visually-hidden"> ${title}</span>`;
    return html`<span class="attachment__title">${title}</span>
      ${preview ? html`<img class="attachment__preview" part="preview" src=${href} alt=${title} />` : nothing}
      <span class="attachment__actions">
        ${
          openable
            ? html`<a href=${href} type=${ifDefined(type)} target="_blank" rel="noopener">${t.mtOpen}${hidden}</a>`
            : nothing
        }
        <a href=${href} download=${title} type=${ifDefined(type)}>${t.mtDownload}${hidden}</a>
      </span>`;
  }

  private renderPayload(entry: ThreadEntry, payload: ThreadPayload, index: string, view: ThreadView) {
    const t = this.t;
    const author = sameAuthor(payload.author, entry.author) ? '' : this.author(payload.author);
    const meta = html`<p class="payload__meta muted">
      ${author ? html`<span class="meta__item">${author}</span>` : nothing} ${this.phone(payload.authorContact)}
      ${payload.date ? html`<span class="meta__item">${t.mtWritten} ${this.time(payload.date)}</span>` : nothing}
    </p>`;
    if (payload.kind === 'text') {
      return html`<li class="payload payload--text">${meta} ${this.renderText(payload, index)}</li>`;
    }
    const attachment = payload.attachment;
    const file =
      attachment?.url === undefined
        ? ((payload.identifier === undefined ? undefined : view.files.get(payload.identifier)) ??
          view.files.get(fileKey(attachment?.title, attachment?.contentType)))
        : undefined;
    const type = attachment?.contentType ?? file?.contentType;
    const details = [
      attachment?.url === undefined ? (type ?? t.mtUnknownType) : '',
      file?.data === undefined ? '' : t.mtBytes(decodedSize(file.data)),
    ].filter(Boolean);
    return html`<li class="payload payload--attachment" part="attachment">
      <p class="attachment__kind">
        ${attachment?.url === undefined ? t.mtAttachment : t.mtLinkAttachment}${
          details.length > 0 ? html` <span class="muted">(${details.join(', ')})</span>` : nothing
        }
      </p>
      ${this.renderFile(payload, file)}
      ${attachment?.creation ? html`<p class="muted">${t.mtCreated} ${this.time(attachment.creation)}</p>` : nothing}
      ${meta}
    </li>`;
  }

  private renderEntry(entry: ThreadEntry, i: number, view: ThreadView, numbers: ReadonlyMap<string, number>) {
    const t = this.t;
    const n = i + 1;
    const received = view.byHeader.get(entry.messageHeaderId);
    const priority = received?.communication?.priority;
    const asap = priority === 'asap';
    const gap = !entry.received;
    const activity = entry.activity ? t.mtActivity[entry.activity] : t.mtActivityUnknown;
    const sender = entry.sender?.name ?? (entry.sender?.sor ? `SOR ${entry.sender.sor}` : t.mtUnknownSender);
    const title = `${n}. ${t.mtEntryTitle(activity, sender)}`;
    const previous = entry.previousMessageHeaderId && numbers.get(entry.previousMessageHeaderId);
    const earlierThreadId = view.thread.entries
      .slice(0, i)
      .reverse()
      .find((e) => e.threadId !== undefined)?.threadId;
    const parts = ['entry', gap ? 'gap' : '', entry.forwarded ? 'forwarded' : '', asap ? 'asap' : ''];
    const classes = classMap({
      entry: true,
      'entry--gap': gap,
      'entry--forwarded': entry.forwarded,
      'entry--asap': asap,
      [`entry--${entry.activity ?? 'unknown'}`]: true,
    });
    return html`<li
      class=${classes}
      part=${parts.filter(Boolean).join(' ')}
      data-message-header-id=${entry.messageHeaderId}
    >
      <article class="entry__body" aria-labelledby=${`mt-entry-${n}`}>
        <header class="entry__header">
          ${this.heading(1, title, 'entry__title', `mt-entry-${n}`)}
          <p class="entry__when">${this.time(entry.time)}</p>
          ${
            asap || gap || entry.forwarded
              ? html`<p class="badges">
                  ${asap ? html`<strong class="badge badge--asap" part="badge">${t.mtAsap}</strong>` : nothing}
                  ${gap ? html`<span class="badge badge--gap" part="badge">${t.mtGap}</span>` : nothing}
                  ${
                    entry.forwarded
                      ? html`<span class="badge badge--forwarded" part="badge">${t.mtForwarded}</span>`
                      : nothing
                  }
                </p>`
              : nothing
          }
        </header>
        ${gap ? html`<p class="note">${t.mtGapNote}</p>` : nothing}
        ${entry.forwarded ? html`<p class="note">${t.mtForwardedNote}</p>` : nothing}
        ${asap ? html`<p class="note note--asap">${t.mtAsapNote}</p>` : nothing}
        <dl class="facts">
          ${this.fact(t.mtFrom, this.party(entry.sender))}
          ${entry.author ? this.fact(t.mtAuthor, this.author(entry.author)) : nothing}
          ${entry.receiver ? this.fact(t.mtTo, this.party(entry.receiver)) : nothing}
          ${
            entry.category
              ? this.fact(
                  t.mtCategory,
                  html`${categoryText(entry.category, this.locale)} <span class="code">(${entry.category})</span>`,
                )
              : nothing
          }
          ${entry.topic ? this.fact(t.mtTopic, html`<span lang="da">${entry.topic}</span>`) : nothing}
          ${priority ? this.fact(t.mtPriority, asap ? t.mtAsap : priority) : nothing}
          ${
            previous
              ? this.fact(entry.activity === 'forward' ? t.mtForwards : t.mtAnswers, t.mtMessageNumber(previous))
              : nothing
          }
          ${entry.previousLetter ? this.fact(t.mtPreviousLetter, entry.previousLetter) : nothing}
          ${
            entry.threadId && entry.threadId !== earlierThreadId
              ? this.fact(t.mtThreadId, html`<span class="ids">${entry.threadId}</span>`)
              : nothing
          }
        </dl>
        ${
          entry.payloads.length > 0
            ? html`<ul class="payloads">
                ${entry.payloads.map((payload, j) => this.renderPayload(entry, payload, `${n}-${j}`, view))}
              </ul>`
            : gap
              ? html`<p class="muted">${t.mtGapEmpty}</p>`
              : nothing
        }
      </article>
    </li>`;
  }

  private renderThread(view: ThreadView) {
    const t = this.t;
    const shared = this.localize.strings;
    const summary = summarizePatient({ patient: view.patient as PatientLike | undefined });
    const name = summary.name ?? '';
    const cpr = summary.identifier ?? '';
    const cprLabel = summary.identifierKind === 'ecpr' ? shared.ecprLabel : shared.cprLabel;
    const entries = view.thread.entries;
    const numbers = new Map(entries.map((entry, i) => [entry.messageHeaderId, i + 1]));
    return html`<article class="letter base" part="base" aria-labelledby="mt-title" lang=${this.locale}>
      <div class="print-header" part="print-header">
        <span>${name || shared.unknownName}</span>
        <span
          >${cpr ? `${cprLabel} ${summary.identifierKind === 'cpr' ? formatCpr(cpr) : cpr}` : shared.noIdentifier}</span
        >
      </div>
      <samspil-patient-banner .patient=${view.patient} lang=${this.locale} theme=${this.theme}></samspil-patient-banner>
      ${view.patientsDiffer ? html`<p class="banner" part="patient-warning">${t.mtPatientsDiffer}</p>` : nothing}
      <header class="thread__header">
        ${this.heading(0, t.mtTitle, 'letter__title', 'mt-title', 'title')}
        <p class="letter__meta">${t.mtCount(entries.length)} · ${t.mtTimeZone}</p>
      </header>
      <ol class="thread" part="thread" aria-label=${t.mtListLabel}>
        ${entries.map((entry, i) => this.renderEntry(entry, i, view, numbers))}
      </ol>
      <div
        class=${classMap({ composer: true, 'no-print': true, 'composer--empty': !this.hasComposer })}
        part="composer"
        ?hidden=${this.printPreview}
      >
        <slot name="composer" @slotchange=${this.handleSlotChange}></slot>
      </div>
    </article>`;
  }

  private renderState(kind: 'loading' | 'empty') {
    const t = this.t;
    return kind === 'loading'
      ? html`<p class="state state--loading" part="state" role="status" aria-busy="true" lang=${this.locale}>
          ${t.mtLoading}
        </p>`
      : html`<p class="state" part="state" lang=${this.locale}>${t.mtEmpty}</p>`;
  }

  private renderError(error: unknown) {
    // Loader errors are redacted already; anything else (an abort, a bug) is redacted here.
    const message = redactCpr(String((error as Error | undefined)?.message ?? ''));
    return html`<div class="state state--error" part="state" role="alert" lang=${this.locale}>
      <p class="state__title">${this.t.mtError}</p>
      ${message ? html`<p class="state__detail" lang="en">${message}</p>` : nothing}
    </div>`;
  }

  override render() {
    return this.task.render({
      initial: () => this.renderState('empty'),
      pending: () => this.renderState('loading'),
      complete: (messages) => {
        if (!messages || messages.length === 0) return this.renderState('empty');
        if (this.view?.source === messages) return this.renderThread(this.view);
        if (this.viewError) return this.renderError(this.viewError);
        return this.renderState('loading');
      },
      error: (error) => this.renderError(error),
    });
  }
}
