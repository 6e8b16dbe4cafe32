// SPDX-License-Identifier: MIT
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
// Aliased so the template minifier (which cannot read a dynamic tag name) leaves this template alone.
import { html as withDynamicTag, literal } from 'lit/static-html.js';
import type { Bundle, MessageHeader, Organization } from '@medplum/fhirtypes';
import { redactCpr } from '@samspil/sdk';
import { heading } from '../internal/heading.js';
import { MessageLoadError, type MessageSource } from '../internal/message-loader.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { letterStyles } from '../styles/letter.styles.js';
import { tokens } from '../styles/tokens.styles.js';
import { classify, type Classified } from './classify.js';
import { messageStyles } from './message.styles.js';
import { daStrings, enStrings, type MessageStrings } from './message.strings.js';

/** What the element was given: a FHIR message (Bundle, JSON or XML text or bytes) or an OIOXML letter. */
export type AnyMessageSource = MessageSource | Document;

/** The viewer each kind is shown by, loaded when first needed so the dispatcher stays small. */
const VIEWERS = {
  'hospital-notification': () => import('../stay-timeline/define.js'),
  'care-communication': () => import('../message-thread/define.js'),
  'home-care-observation': () => import('../observation-report/define.js'),
  acknowledgement: () => import('../acknowledgement/define.js'),
  'discharge-summary': () => import('../discharge-summary/define.js'),
  'rehab-plan': () => import('../rehab-plan/define.js'),
  referral: () => import('../referral-form/define.js'),
} as const;

type Shown = Classified & { readonly referral?: unknown };

/** The element each kind is shown by. */
const TAGS = {
  'hospital-notification': literal`samspil-stay-timeline`,
  'care-communication': literal`samspil-message-thread`,
  'home-care-observation': literal`samspil-observation-report`,
  acknowledgement: literal`samspil-acknowledgement`,
  'discharge-summary': literal`samspil-discharge-summary`,
  'rehab-plan': literal`samspil-rehab-plan`,
  referral: literal`samspil-referral-form`,
} as const;

async function fetchBytes(url: string, signal: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new MessageLoadError(`The message could not be fetched: ${(error as Error).message}`);
  }
  if (!response.ok) throw new MessageLoadError(`The message could not be fetched: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * @summary Shows any MedCom message or letter by handing it to the right viewer, so a host inbox needs one element.
 *
 * @description A HospitalNotification is shown by `<samspil-stay-timeline>`, a CareCommunication by
 * `<samspil-message-thread>`, a HomeCareObservation by `<samspil-observation-report>`, an Acknowledgement by
 * `<samspil-acknowledgement>`, an OIOXML discharge summary by `<samspil-discharge-summary>`, a rehabilitation plan by
 * `<samspil-rehab-plan>` and a referral by a read-only `<samspil-referral-form>`; the empty test message gets a
 * short note. Each viewer is loaded the first time a message of its kind arrives. Give the message as `message`
 * (a Bundle, FHIR JSON or XML text or bytes, or a letter's bytes, text or Document) or as a `src` URL. FHIR XML needs
 * `@samspil/components/fhir-xml.js` imported once. The viewer's own `samspil-load` and `samspil-error` events bubble
 * out of this element; loading problems of its own are reported with `samspil-error` too.
 *
 * @fires samspil-error - The message could not be loaded or is of a kind no viewer shows; `detail.message`.
 *
 * @csspart viewer - The viewer element the message is shown by.
 * @csspart state - The loading, empty and error messages.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilMessage extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [tokens, letterStyles, messageStyles];

  /** The message or letter (property only); wins over `src`. */
  @property({ attribute: false }) message: AnyMessageSource | undefined;

  /** URL of a message or letter to fetch and show. */
  @property() src = '';

  /** Heading level of the viewer's title; passed on. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 = 2;

  /** The day stay timelines and rehabilitation plans count from (`YYYY-MM-DD`); today when empty. Passed on. */
  @property({ attribute: 'reference-date' }) referenceDate = '';

  /** Shows the printed layout on screen; passed on. */
  @property({ type: Boolean, reflect: true, attribute: 'print-preview' }) printPreview = false;

  private readonly task = new Task(this, {
    args: () => [this.message, this.src] as [AnyMessageSource | undefined, string],
    task: async ([message, src], { signal }): Promise<Shown | undefined> => {
      const source = message ?? (src ? await fetchBytes(src, signal) : undefined);
      if (source === undefined) return undefined;
      const shown = await classify(source);
      if (shown.kind !== 'empty') await VIEWERS[shown.kind]();
      if (shown.type === 'letter' && shown.kind === 'referral') {
        // A received referral is shown in the form it was written with, read-only.
        const { readOioXmlDocument, readReferral } = await import('@samspil/sdk/oioxml');
        const read = readOioXmlDocument(shown.bytes);
        const referral = read.ok ? readReferral(read) : read;
        if (!referral.ok) throw new MessageLoadError(referral.issues[0]?.message ?? 'The referral could not be read');
        return { ...shown, referral: referral.model };
      }
      return shown;
    },
    onError: (error) => {
      const message = redactCpr(String((error as Error | undefined)?.message ?? error));
      this.emit('samspil-error', { message, issues: [] });
    },
  });

  private get t(): MessageStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private renderViewer(shown: Shown): TemplateResult {
    if (shown.kind === 'empty') return this.renderEmptyMessage(shown.bundle);
    const tag = TAGS[shown.kind];
    // Each viewer reads the input it knows (`messages`, `letter` or `value`) and ignores the others.
    return withDynamicTag`<${tag}
      part="viewer"
      .messages=${shown.type === 'fhir' ? [shown.bundle] : undefined}
      .letter=${shown.type === 'letter' && shown.kind !== 'referral' ? shown.bytes : undefined}
      .value=${shown.referral}
      ?disabled=${shown.kind === 'referral'}
      lang=${this.localize.locale}
      theme=${this.theme}
      heading-level=${this.headingLevel}
      reference-date=${this.referenceDate || nothing}
      ?print-preview=${this.printPreview}
    ></${tag}>`;
  }

  /** The empty test message: who sent it to whom, and when. */
  private renderEmptyMessage(bundle: Bundle): TemplateResult {
    const t = this.t;
    const resources = (bundle.entry ?? []).map((entry) => entry.resource);
    const header = resources[0] as MessageHeader | undefined;
    const organisation = (reference: string | undefined) => {
      const found = resources.find(
        (r): r is Organization => r?.resourceType === 'Organization' && `Organization/${r.id ?? ''}` === reference,
      );
      return found?.name ?? reference ?? '';
    };
    return html`<section class="empty-message" part="viewer" lang=${this.localize.locale}>
      ${heading(t.msgEmptyMessageTitle, { base: this.headingLevel, offset: 0, className: 'section__heading' })}
      <p>${t.msgEmptyMessageHint}</p>
      <dl class="facts">
        <div class="fact">
          <dt>${t.msgSender}</dt>
          <dd>${organisation(header?.sender?.reference)}</dd>
        </div>
        ${(header?.destination ?? []).map(
          (d) =>
            html`<div class="fact">
              <dt>${t.msgReceiver}</dt>
              <dd>${organisation(d.receiver?.reference)}</dd>
            </div>`,
        )}
        <div class="fact">
          <dt>${t.msgMessageId}</dt>
          <dd>${header?.id ?? ''}</dd>
        </div>
        <div class="fact">
          <dt>${t.msgSent}</dt>
          <dd><time datetime=${ifDefined(bundle.timestamp)}>${bundle.timestamp ?? ''}</time></dd>
        </div>
      </dl>
    </section>`;
  }

  override render() {
    const t = this.t;
    const lang = this.localize.locale;
    return this.task.render({
      initial: () => html`<p class="state" part="state" lang=${lang}>${t.msgEmpty}</p>`,
      pending: () => html`<p class="state" part="state" role="status" lang=${lang}>${t.msgLoading}</p>`,
      complete: (shown) =>
        shown ? this.renderViewer(shown) : html`<p class="state" part="state" lang=${lang}>${t.msgEmpty}</p>`,
      error: (error) =>
        html`<div class="state state--error" part="state" role="alert" lang=${lang}>
          <p class="state__title">${t.msgError}</p>
          <p class="state__detail" lang="en">${redactCpr(String((error as Error | undefined)?.message ?? ''))}</p>
        </div>`,
    });
  }
}
