// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bundle } from '@medplum/fhirtypes';
import {
  type AcknowledgementDescription,
  type AcknowledgementIssueDescription,
  type ActivityDescription,
  type PartyDescription,
} from '@samspil/sdk';
import { heading } from '../internal/heading.js';
import { messagesTask, type MessageSource } from '../internal/message-loader.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { errorState, loadState } from '../internal/states.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { viewerDetailStyles, viewerStyles } from '../styles/viewer.styles.js';
import type { Locale } from '../i18n/strings.js';
import { firstOfKind, formatInstant, isMachineTime, WrongMessageError } from '../internal/format.js';
import { icon, type IconName } from '../internal/icons.js';
import { acknowledgementStyles } from './acknowledgement.styles.js';
import {
  daStrings,
  enStrings,
  type AcknowledgementOutcome,
  type AcknowledgementStrings,
} from './acknowledgement.strings.js';

type Content = TemplateResult | string | typeof nothing | readonly Content[];
type ReadResult = { readonly description: AcknowledgementDescription } | { readonly error: WrongMessageError };

const OUTCOME_ICONS: Readonly<Record<AcknowledgementOutcome, IconName>> = {
  ok: 'check',
  'transient-error': 'retry',
  'fatal-error': 'cross',
};

// The HL7 v2 / EDIFACT names users know the outcomes by (AA, AR, AE).
const LEGACY_CODES: Readonly<Record<AcknowledgementOutcome, string>> = {
  ok: 'AA',
  'transient-error': 'AR',
  'fatal-error': 'AE',
};

const isOutcome = (code: string | undefined): code is AcknowledgementOutcome =>
  code === 'ok' || code === 'transient-error' || code === 'fatal-error';

const joined = (values: readonly (string | undefined)[], separator = ', '): string =>
  values.filter((value): value is string => value !== undefined && value.trim() !== '').join(separator);

/**
 * @summary A compact view of a MedCom Acknowledgement (kvittering): whether the receiver took the message, which
 * message it answers, who answered and when, and every issue it reports.
 *
 * @description The outcome comes first, as text and icon: `ok` "Modtaget" (received), `transient-error`
 * "Midlertidig fejl – sendes igen" (the receiver failed technically; the message is resent) or `fatal-error`
 * "Afvist" (rejected: the message did not validate). Then the acknowledged message (`MessageHeader.response.identifier`
 * and, when the acknowledgement carries a copy of its Provenance, its activity and send time), the organisation that
 * answered and the one it answered (name, SOR id, GLN) and when, and each OperationOutcome issue with its severity,
 * type, error code (MedCom's acknowledgement error codes labelled in Danish and English) and text. Give the message
 * through `messages` (Bundles, or FHIR JSON text or bytes) or `src`; FHIR XML is read too once the page has imported
 * `@samspil/components/fhir-xml.js`. The first acknowledgement among the messages is shown, and any other kind is
 * an error.
 *
 * An acknowledgement is about a message, not a patient: it carries no Patient, so the view has no patient banner and
 * no print header with a CPR number (nothing to repeat on printed pages).
 *
 * @fires samspil-load - The acknowledgement was read; `detail.model` is the SDK's `AcknowledgementDescription`.
 * @fires samspil-error - The message could not be loaded or is not an acknowledgement; `detail.message` and `issues`.
 *
 * @csspart base - The view's outer box (an article).
 * @csspart title - The heading.
 * @csspart outcome - The outcome banner (icon, label, explanation, response code).
 * @csspart outcome-label - The outcome's label, e.g. "Modtaget".
 * @csspart details - The list of acknowledged message, parties and time.
 * @csspart issues - The issues section.
 * @csspart issue - Each issue.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop [--samspil-font-family=system-ui, …] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Labels and secondary text (dark theme `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark theme `#0f1720`).
 * @cssprop [--samspil-color-border=#c5d0db] - Borders (dark theme `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Headings (dark theme `#8ab4f8`).
 * @cssprop [--samspil-color-success=#1e6b34] - The `ok` outcome (dark theme `#8fd19e`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Background of the `transient-error` outcome.
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Text of the `transient-error` outcome.
 * @cssprop [--samspil-color-danger=#9b1c1c] - The `fatal-error` outcome and error issues (dark theme `#ff9b9b`).
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilAcknowledgement extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [tokens, letterStyles, viewerStyles, viewerDetailStyles, acknowledgementStyles];

  private readonly task = messagesTask(this, {
    onLoad: (bundles) => {
      if (bundles.length === 0) return;
      const result = this.read(bundles);
      if ('description' in result) this.emit('samspil-load', { model: result.description });
      else this.emit('samspil-error', { message: result.error.message, issues: [] });
    },
    onError: (error) => this.emit('samspil-error', { message: error.message, issues: [] }),
  });

  /** The messages (property only): Bundles, or FHIR JSON text or bytes (XML with `fhir-xml.js`). Wins over `src`. */
  @property({ attribute: false }) messages: readonly MessageSource[] | undefined;

  /** URLs of messages to fetch, separated by white space. */
  @property() src = '';

  /** The level of the view's heading; the issues heading is one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 | 5 = 2;

  private cache: { readonly bundles: readonly Bundle[]; readonly result: ReadResult } | undefined;

  private get t(): AcknowledgementStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private get locale(): Locale {
    return this.localize.locale;
  }

  private read(bundles: readonly Bundle[]): ReadResult {
    if (this.cache?.bundles === bundles) return this.cache.result;
    let result: ReadResult;
    try {
      result = { description: firstOfKind(bundles, 'acknowledgement', 'Acknowledgement').description };
    } catch (error) {
      result = {
        error: error instanceof WrongMessageError ? error : new WrongMessageError(String((error as Error)?.message)),
      };
    }
    this.cache = { bundles, result };
    return result;
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

  private time(value: string | undefined) {
    if (value === undefined) return nothing;
    return html`<time datetime=${ifDefined(isMachineTime(value) ? value : undefined)}
      >${formatInstant(value, this.locale)}</time
    >`;
  }

  private label(table: Readonly<Record<string, string>>, code: string | undefined): Content {
    if (code === undefined) return nothing;
    const known = Object.hasOwn(table, code) ? table[code] : undefined;
    return known === undefined
      ? html`<code class="code">${code}</code>`
      : html`${known} <span class="muted">(<code>${code}</code>)</span>`;
  }

  private party(party: PartyDescription | undefined) {
    const t = this.t;
    if (!party) return html`<span class="muted">${t.ackNotStated}</span>`;
    return html`<span class="line party__name">${party.name ?? ''}</span>
      <span class="line muted"
        >${joined([party.sor && `${t.ackSor}: ${party.sor}`, party.gln && `${t.ackGln}: ${party.gln}`], ' · ')}</span
      >
      ${party.endpoint ? html`<span class="line muted endpoint">${t.ackEndpoint}: ${party.endpoint}</span>` : nothing}`;
  }

  /** The acknowledged message's own Provenance, copied into the acknowledgement. */
  private acknowledgedActivity(d: AcknowledgementDescription): ActivityDescription | undefined {
    const id = d.details.acknowledgedMessageHeaderId;
    const copied = d.thread.history.filter((activity) => !activity.current);
    return copied.find((activity) => activity.messageHeaderId === id) ?? copied[copied.length - 1];
  }

  private renderOutcome(d: AcknowledgementDescription) {
    const t = this.t;
    const code = d.details.responseCode;
    const outcome = isOutcome(code) ? code : undefined;
    return html`<div
      class="outcome outcome--${outcome ?? 'unknown'}"
      part="outcome"
      data-outcome=${outcome ?? 'unknown'}
    >
      ${icon(outcome ? OUTCOME_ICONS[outcome] : 'warning')}
      <p class="outcome__text">
        <strong class="outcome__label" part="outcome-label"
          >${outcome ? t.ackOutcomes[outcome] : t.ackUnknownOutcome}</strong
        >
        ${outcome ? html`<span class="line">${t.ackOutcomeHints[outcome]}</span>` : nothing}
        <span class="line outcome__code"
          >${t.ackResponseCode}:
          <code>${code ?? t.ackNotStated}</code>${outcome ? ` (${LEGACY_CODES[outcome]})` : nothing}</span
        >
      </p>
    </div>`;
  }

  private renderDetails(d: AcknowledgementDescription) {
    const t = this.t;
    const acknowledged = d.details.acknowledgedMessageHeaderId;
    const activity = this.acknowledgedActivity(d);
    const when = d.event?.occurred ?? d.timestamp;
    const otherId =
      activity?.messageHeaderId !== undefined && activity.messageHeaderId !== acknowledged
        ? activity.messageHeaderId
        : undefined;
    return html`<dl class="facts" part="details">
      ${this.fact(
        t.ackAcknowledges,
        acknowledged
          ? html`<code class="id">${acknowledged}</code>`
          : html`<span class="muted">${t.ackNotStated}</span>`,
      )}
      ${
        activity?.code
          ? this.fact(
              t.ackActivity,
              html`${activity.label?.[this.locale] ?? activity.code}
                <span class="muted">(<code>${activity.code}</code>)</span>
                ${activity.occurred ? html`<span class="line muted">${t.ackActivitySent(formatInstant(activity.occurred, this.locale))}</span>` : nothing}
                ${otherId ? html`<span class="line muted"><code class="id">${otherId}</code></span>` : nothing}`,
            )
          : nothing
      }
      ${this.fact(t.ackFrom, this.party(d.sender))} ${this.fact(t.ackTo, this.party(d.receiver))}
      ${this.fact(t.ackWhen, when === undefined ? html`<span class="muted">${t.ackNotStated}</span>` : this.time(when))}
      ${d.messageHeaderId ? this.fact(t.ackMessageId, html`<code class="id">${d.messageHeaderId}</code>`) : nothing}
      ${d.bundleId ? this.fact(t.ackEnvelopeId, html`<code class="id">${d.bundleId}</code>`) : nothing}
    </dl>`;
  }

  private renderIssue(issue: AcknowledgementIssueDescription) {
    const t = this.t;
    return html`<li class="issue issue--${issue.severity ?? 'unknown'}" part="issue">
      <dl class="facts">
        ${issue.severity ? this.fact(t.ackSeverity, this.label(t.ackSeverities, issue.severity)) : nothing}
        ${issue.code ? this.fact(t.ackIssueType, this.label(t.ackIssueTypes, issue.code)) : nothing}
        ${issue.detailCodes.map((code) => this.fact(t.ackIssueCode, this.label(t.ackErrorCodes, code)))}
        ${issue.text ? this.fact(t.ackIssueText, html`<span class="issue__text">${issue.text}</span>`) : nothing}
      </dl>
    </li>`;
  }

  private renderIssues(d: AcknowledgementDescription) {
    const issues = d.details.issues;
    if (issues.length === 0) return nothing;
    return html`<section class="issues" part="issues" aria-labelledby="ack-issues">
      ${this.heading(1, this.t.ackIssuesHeading(issues.length), 'section__heading', 'ack-issues')}
      <ul class="issues__list">
        ${issues.map((issue) => this.renderIssue(issue))}
      </ul>
    </section>`;
  }

  private renderAcknowledgement(d: AcknowledgementDescription) {
    const code = d.details.responseCode;
    return html`<article
      class="ack ack--${isOutcome(code) ? code : 'unknown'}"
      part="base"
      aria-label=${this.t.ackTitle}
      lang=${this.locale}
    >
      ${this.heading(0, this.t.ackTitle, 'ack__title', undefined, 'title')} ${this.renderOutcome(d)}
      ${this.renderDetails(d)} ${this.renderIssues(d)}
    </article>`;
  }

  private renderState(kind: 'loading' | 'empty') {
    return loadState(kind, kind === 'loading' ? this.t.ackLoading : this.t.ackEmpty, this.locale);
  }

  private renderError(error: unknown) {
    const found = error instanceof WrongMessageError ? error.found : undefined;
    const title = found ? this.t.ackWrongKind(found.standard[this.locale]) : this.t.ackError;
    return errorState(title, error, this.locale, found === undefined);
  }

  override render() {
    return this.task.render({
      initial: () => this.renderState('empty'),
      pending: () => this.renderState('loading'),
      complete: (bundles) => {
        if (!bundles || bundles.length === 0) return this.renderState('empty');
        const result = this.read(bundles);
        return 'description' in result
          ? this.renderAcknowledgement(result.description)
          : this.renderError(result.error);
      },
      error: (error) => this.renderError(error),
    });
  }
}
