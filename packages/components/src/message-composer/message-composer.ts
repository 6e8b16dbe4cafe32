// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Bundle, Communication, Organization, Patient } from '@medplum/fhirtypes';
import {
  ATTACHMENT_CONTENT_TYPES,
  buildCareCommunication,
  CARE_COMMUNICATION_CATEGORIES,
  formatCpr,
  forwardCareCommunication,
  isInputError,
  messageHeaderOf,
  organizationIdentifiers,
  redactCpr,
  replyToCareCommunication,
  resolveReference,
  summarizePatient,
  type AttachmentContentType,
  type AttachmentInput,
  type BuildOptions,
  type CareCommunicationCategory,
  type InputIssue,
  type OrganizationInput,
  type PatientLike,
  type PatientInput,
  type PersonInput,
} from '@samspil/sdk';
import type { SamspilSendDetail } from '../events/samspil-send.js';
import type { Locale } from '../i18n/strings.js';
import { heading } from '../internal/heading.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { tokens } from '../styles/tokens.styles.js';
import { visuallyHiddenStyles } from '../styles/visually-hidden.styles.js';
import { categoryText } from '../message-thread/message-format.js';
import { messageComposerStyles } from './message-composer.styles.js';
import { daStrings, enStrings, type MessageComposerStrings } from './message-composer.strings.js';

export type { SamspilSendDetail };

/** What the composer builds: a reply to `previous`, a forward of it, or a new message. */
export type ComposerMode = 'reply' | 'forward' | 'new';

/** A form control an error can point at: a fixed field, or an attachment's title (`att-<key>`). */
type ControlKey = 'receiver' | 'category' | 'topic' | 'priority' | 'text' | 'phone' | 'files' | `att-${number}`;

/** One problem to show: at a control (with a link in the summary) or for the whole form. */
interface Problem {
  readonly control?: ControlKey | undefined;
  readonly message: (t: MessageComposerStrings) => string;
}

/** A file the user attached, read as base64. */
interface DraftAttachment {
  readonly key: number;
  readonly name: string;
  title: string;
  readonly contentType: AttachmentContentType;
  readonly data: string;
  readonly size: number;
}

/** A file the composer refused. */
interface RejectedFile {
  readonly name: string;
  readonly type: string;
  readonly unreadable: boolean;
}

/** An organisation of the previous message, as far as it names one. */
interface Party {
  readonly name: string | undefined;
  readonly sor: string | undefined;
  readonly gln: string | undefined;
}

/** What the composer shows about the message it answers or forwards. */
interface PreviousFacts {
  readonly sender: Party;
  /** The previous primary receiver: the sender of a reply or forward unless `sender` is given. */
  readonly receiver: Party;
  readonly category: string | undefined;
  readonly topic: string | undefined;
  readonly lastText: string | undefined;
  readonly files: readonly string[];
  readonly patient: Patient | undefined;
}

const CONTROL_ORDER = ['receiver', 'category', 'topic', 'priority', 'text', 'phone', 'files'] as const;
const isCategory = (code: string | undefined): code is CareCommunicationCategory =>
  (CARE_COMMUNICATION_CATEGORIES as readonly string[]).includes(code ?? '');

function previousFacts(bundle: Bundle | undefined): PreviousFacts | undefined {
  if (!bundle) return undefined;
  const header = messageHeaderOf(bundle);
  const communication = resolveReference(bundle, header?.focus?.[0], 'Communication') as Communication | undefined;
  const primary =
    header?.destination?.find((d) => d.extension?.some((e) => e.valueCoding?.code === 'primary')) ??
    header?.destination?.[0];
  const party = (organization: Organization | undefined): Party => ({
    name: organization?.name,
    ...organizationIdentifiers(organization),
  });
  const payloads = communication?.payload ?? [];
  const texts = payloads.flatMap((p) => (typeof p.contentString === 'string' ? [p.contentString] : []));
  return {
    sender: party(resolveReference(bundle, header?.sender, 'Organization')),
    receiver: party(resolveReference(bundle, primary?.receiver, 'Organization')),
    category: communication?.category?.[0]?.coding?.[0]?.code,
    topic: communication?.topic?.text,
    lastText: texts[texts.length - 1],
    files: payloads.flatMap((p) => (p.contentAttachment ? [p.contentAttachment.title ?? ''] : [])),
    patient: resolveReference(bundle, communication?.subject, 'Patient') as Patient | undefined,
  };
}

/** A file's bytes as base64 (RFC 4648, no line breaks), in chunks so large files do not overflow the stack. */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file name without its extension: MedCom forbids the system to put `.filetype` in an attachment's title. */
export function titleFromFileName(name: string): string {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return stem === '' ? name : stem;
}

const personName = (person: { given?: readonly string[] | undefined; family?: string | undefined } | undefined) =>
  [...(person?.given ?? []), person?.family ?? ''].join(' ').trim();

/**
 * @summary A form that writes a MedCom CareCommunication: a reply to a message, a forward of it, or a new message,
 * built and checked by the SDK's builders.
 *
 * @description Give it the message to answer (`previous`), the signed-in clinician (`author`) and, for a forward
 * or a new message, the organisations to choose the receiver from (`receivers`). The clinician writes the text,
 * chooses the category (the previous message's by default; labels in Danish or English with the code) and, for
 * the category "Andet", a topic; "asap" can only be ticked for "Vedr. henvisning". Files (PDF and images only)
 * are attached as base64 with their MIME type, titled by their file name without the extension. On submit the
 * message is built with `replyToCareCommunication`, `forwardCareCommunication` or `buildCareCommunication`; every
 * problem, the builders' included, is shown at its field and in an error summary with links, and the first
 * field with a problem is focused. A built message is emitted as `samspil-send` and the form is reset (unless a
 * listener cancels the event, e.g. to keep the text while sending fails; call `reset()` later). The element does
 * not send anything itself and is not form-associated.
 *
 * Inside `<samspil-message-thread>`, put it in the thread's `composer` slot: the thread sets `previous` and
 * `earlier` for it.
 *
 * @fires samspil-send - A valid message was built; `detail.message` is the Bundle, `detail.kind` is `new`,
 * `reply` or `forward`. Cancelable: cancelling keeps the form's content.
 *
 * @csspart base - The form.
 * @csspart title - The form's heading.
 * @csspart context - What is answered or forwarded, and for which patient.
 * @csspart error-summary - The list of problems shown after a submit.
 * @csspart field - Each field (label, hint, control and error).
 * @csspart error - A field's error message.
 * @csspart attachments - The list of attached files.
 * @csspart submit - The send button.
 * @csspart status - The line that confirms a built message.
 *
 * @cssprop [--samspil-font-family=system-ui, …] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Hints and secondary text (dark theme `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background and controls (dark theme `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Background of the context box (dark theme `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Borders (dark theme `#3a4a5a`); controls use the text colour.
 * @cssprop [--samspil-color-accent=#0b5394] - The send button and links (dark theme `#8ab4f8`).
 * @cssprop [--samspil-color-accent-text=#ffffff] - Text on the send button (dark theme `#0f1720`).
 * @cssprop [--samspil-color-danger=#9b1c1c] - Errors (dark theme `#ff9b9b`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilMessageComposer extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [tokens, visuallyHiddenStyles, messageComposerStyles];

  @state() private category = '';
  @state() private topic = '';
  @state() private priority = false;
  @state() private text = '';
  @state() private authorPhone = '';
  @state() private receiverSor = '';
  @state() private attachments: readonly DraftAttachment[] = [];
  @state() private rejected: readonly RejectedFile[] = [];
  @state() private problems: readonly Problem[] = [];
  @state() private reading = false;
  @state() private sent = false;

  private facts: PreviousFacts | undefined;
  private nextKey = 0;

  /** The message replied to or forwarded (property only); set by `<samspil-message-thread>` when slotted there. */
  @property({ attribute: false }) previous: Bundle | undefined;

  /** Earlier messages of the thread (property only): a forward takes attachment data a reply left out from them. */
  @property({ attribute: false }) earlier: readonly Bundle[] = [];

  /** What to build: `reply` (default), `forward` or `new`. */
  @property({ reflect: true }) mode: ComposerMode = 'reply';

  /** The signed-in clinician who writes (property only): family and given names and a role code or role text. */
  @property({ attribute: false }) author: PersonInput | undefined;

  /** The author's telephone number, prefilled in the form. */
  @property() phone = '';

  /**
   * The host's own organisation, the sender (property only). Required for a new message. A reply or forward is
   * sent by the previous message's primary receiver unless this is given; give it whenever the previous message
   * may be one's own (in a thread, after a reply was sent), so a follow-up goes to the same receiver.
   */
  @property({ attribute: false }) sender: OrganizationInput | undefined;

  /** The organisations a forward or new message can go to (property only); the sender is left out. */
  @property({ attribute: false }) receivers: readonly OrganizationInput[] = [];

  /** The patient of a new message (property only); a reply or forward keeps the previous message's. */
  @property({ attribute: false }) patient: PatientInput | undefined;

  /** The builders' clock and ids (property only), e.g. fixed ones in tests; the real clock and UUIDs otherwise. */
  @property({ attribute: false }) buildOptions: BuildOptions | undefined;

  /** The level of the form's heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 | 5 | 6 = 2;

  private get t(): MessageComposerStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private get locale(): Locale {
    return this.localize.locale;
  }

  /** The organisation this message is sent from, by SOR id, if known. */
  private get senderSor(): string | undefined {
    return this.sender?.sor ?? (this.mode === 'new' ? undefined : this.facts?.receiver.sor);
  }

  /**
   * Whom a reply goes to: the previous message's sender, unless the host's own organisation (`sender`) sent it,
   * in which case this is a follow-up to the same receiver.
   */
  private get replyReceiver(): Party | undefined {
    const facts = this.facts;
    if (!facts) return undefined;
    const ownMessage = this.sender !== undefined && facts.sender.sor === this.sender.sor;
    return ownMessage ? facts.receiver : facts.sender;
  }

  /** The receivers to choose from: the host's list without the sender. */
  private get choices(): readonly OrganizationInput[] {
    const from = this.senderSor;
    return this.receivers.filter((receiver) => receiver.sor !== from);
  }

  private get needsReceiver(): boolean {
    return this.mode !== 'reply';
  }

  private handleCategory(event: Event): void {
    this.category = (event.target as HTMLSelectElement).value;
    if (this.category !== 'regarding-referral') this.priority = false;
    this.edited();
  }

  private readonly handleFiles = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so choosing the same file again fires another change.
    input.value = '';
    const rejected: RejectedFile[] = [];
    const added: DraftAttachment[] = [];
    this.reading = true;
    for (const file of files) {
      const type = file.type as AttachmentContentType;
      if (!ATTACHMENT_CONTENT_TYPES.includes(type)) {
        rejected.push({ name: file.name, type: file.type, unreadable: false });
        continue;
      }
      try {
        const data = await base64Of(file);
        const title = titleFromFileName(file.name);
        added.push({ key: ++this.nextKey, name: file.name, title, contentType: type, data, size: file.size });
      } catch {
        rejected.push({ name: file.name, type: file.type, unreadable: true });
      }
    }
    this.reading = false;
    this.rejected = rejected;
    this.attachments = [...this.attachments, ...added];
    this.edited();
  };

  private removeAttachment(key: number): void {
    const index = this.attachments.findIndex((a) => a.key === key);
    this.attachments = this.attachments.filter((a) => a.key !== key);
    // Focus the attachment that took its place, else the file input.
    const next = this.attachments[Math.min(index, this.attachments.length - 1)];
    void this.updateComplete.then(() => this.focusControl(next ? `att-${next.key}` : 'files'));
  }

  /** Any change hides the "sent" confirmation; the problems stay until the next submit. */
  private edited(): void {
    this.sent = false;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.reading) return;
    let problems = this.check();
    if (problems.length === 0) {
      try {
        const detail = this.build();
        this.problems = [];
        const proceed = this.emit('samspil-send', detail, { cancelable: true });
        if (proceed) this.reset();
        this.sent = true;
        return;
      } catch (error) {
        problems = isInputError(error)
          ? error.issues.map((issue) => this.problemOf(issue))
          : [{ message: () => redactCpr(String((error as Error)?.message ?? error)) }];
      }
    }
    this.sent = false;
    this.problems = problems;
    void this.updateComplete.then(() => this.focusFirstProblem());
  }

  private handleSummaryLink(event: Event, control: ControlKey): void {
    event.preventDefault();
    this.focusControl(control);
  }

  /** Whether the form can be built at all, and the fields a clinician must fill in, before the builder runs. */
  private check(): Problem[] {
    const e = (pick: (errors: MessageComposerStrings['mcErrors']) => string) => (t: MessageComposerStrings) =>
      pick(t.mcErrors);
    const problems: Problem[] = [];
    if (this.mode !== 'new' && !this.previous) problems.push({ message: e((x) => x.previous) });
    if (!this.author) problems.push({ message: e((x) => x.author) });
    if (this.mode === 'new' && !this.sender) problems.push({ message: e((x) => x.sender) });
    if (this.mode === 'new' && !this.patient) problems.push({ message: e((x) => x.patient) });
    if (this.needsReceiver && !this.choices.some((r) => r.sor === this.receiverSor)) {
      problems.push({ control: 'receiver', message: e((x) => x.receiver) });
    }
    if (!isCategory(this.category)) problems.push({ control: 'category', message: e((x) => x.category) });
    if (this.category === 'other' && this.topic.trim() === '') {
      problems.push({ control: 'topic', message: e((x) => x.topic) });
    }
    if (this.text.trim() === '') problems.push({ control: 'text', message: e((x) => x.text) });
    if (this.authorPhone.trim() === '') problems.push({ control: 'phone', message: e((x) => x.phone) });
    for (const attachment of this.attachments) {
      if (attachment.title.trim() === '') {
        problems.push({ control: `att-${attachment.key}`, message: e((x) => x.attachmentTitle) });
      }
    }
    return problems;
  }

  /** Builds the message with the SDK; throws the builder's InputError. */
  private build(): SamspilSendDetail {
    const author = this.author as PersonInput;
    const phone = this.authorPhone.trim();
    const category = this.category as CareCommunicationCategory;
    const parts = {
      category,
      topic: this.topic.trim() === '' ? undefined : this.topic.trim(),
      priority: this.priority && category === 'regarding-referral' ? ('asap' as const) : undefined,
      texts: [{ text: this.text, author, phone }],
      attachments:
        this.attachments.length === 0
          ? undefined
          : this.attachments.map((a): AttachmentInput => ({
              title: a.title.trim(),
              contentType: a.contentType,
              data: a.data,
              author,
              phone,
            })),
    };
    const options = this.buildOptions;
    const receiver = this.choices.find((r) => r.sor === this.receiverSor) as OrganizationInput;
    const previous = this.previous as Bundle;
    switch (this.mode) {
      case 'new':
        return {
          kind: 'new',
          message: buildCareCommunication(
            {
              ...parts,
              sender: this.sender as OrganizationInput,
              receiver,
              patient: this.patient as PatientInput,
            },
            options,
          ),
        };
      case 'forward':
        return {
          kind: 'forward',
          message: forwardCareCommunication(
            previous,
            { ...parts, receiver, ...(this.sender ? { sender: this.sender } : {}) },
            { ...options, earlier: this.earlier },
          ),
        };
      default: {
        // With the host's own organisation known, the direction is known too (a follow-up to one's own message
        // goes to the same receiver); without it the builder answers the previous sender.
        const to = this.replyReceiver;
        const parties =
          this.sender && to?.sor && to.gln
            ? { sender: this.sender, receiver: { ...(to.name ? { name: to.name } : {}), sor: to.sor, gln: to.gln } }
            : {};
        return { kind: 'reply', message: replyToCareCommunication(previous, { ...parts, ...parties }, options) };
      }
    }
  }

  /** The control a builder's issue names (`texts[0].text` → the text area), if the form has one for it. */
  private controlFor(field: string): ControlKey | undefined {
    if (/^texts\[\d+\]\.text$/.test(field)) return 'text';
    if (/^(texts|attachments)\[\d+\]\.phone$/.test(field)) return 'phone';
    const attachment = /^attachments\[(\d+)\]\.(\w+)/.exec(field);
    if (attachment) {
      const key = this.attachments[Number(attachment[1])]?.key;
      return attachment[2] === 'title' && key !== undefined ? `att-${key}` : 'files';
    }
    if (field === 'topic' || field === 'category' || field === 'priority') return field;
    if (field === 'receiver' || field.startsWith('receiver.')) return this.needsReceiver ? 'receiver' : undefined;
    return undefined;
  }

  private problemOf(issue: InputIssue): Problem {
    const control = this.controlFor(issue.field);
    const errors = (pick: (x: MessageComposerStrings['mcErrors']) => string) => (t: MessageComposerStrings) =>
      pick(t.mcErrors);
    const other = errors((x) => x.other(issue.field, issue.message));
    const byRule: Readonly<Record<string, Problem['message']>> = {
      phone: errors((x) => x.phoneFormat),
      'topic-required-for-other': errors((x) => x.topic),
      'asap-only-with-regarding-referral': errors((x) => x.priority),
      'receiver-is-sender': errors((x) => x.receiverIsSender),
      characters: errors((x) => x.characters),
      'role-or-role-text': errors((x) => x.authorRole),
      'attachment-data-missing': errors((x) => x.attachmentData),
      'not-care-communication': errors((x) => x.previous),
    };
    if (issue.rule === 'required') {
      const byControl: Partial<Record<string, Problem['message']>> = {
        text: errors((x) => x.text),
        phone: errors((x) => x.phone),
        category: errors((x) => x.category),
        topic: errors((x) => x.topic),
        receiver: errors((x) => x.receiver),
      };
      const field = issue.field;
      const message =
        (control?.startsWith('att-') ? errors((x) => x.attachmentTitle) : byControl[control ?? '']) ??
        (field.startsWith('texts[0].author') ? errors((x) => x.author) : undefined) ??
        (field.startsWith('sender') ? errors((x) => x.sender) : undefined) ??
        (field.startsWith('patient') ? errors((x) => x.patient) : undefined) ??
        other;
      return { control, message };
    }
    return { control, message: byRule[issue.rule] ?? other };
  }

  private focusControl(control: ControlKey): void {
    this.renderRoot.querySelector<HTMLElement>(`#mc-${control}`)?.focus();
  }

  private focusFirstProblem(): void {
    const controls = this.problems.flatMap((p) => (p.control ? [p.control] : []));
    const ordered = [...CONTROL_ORDER, ...this.attachments.map((a) => `att-${a.key}` as const)];
    const first = ordered.find((control) => controls.includes(control));
    if (first) this.focusControl(first);
    else this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  /** Sets category and topic to the previous message's (or empty for a new message). */
  private applyDefaults(): void {
    const facts = this.mode === 'new' ? undefined : this.facts;
    this.category = isCategory(facts?.category) ? facts.category : '';
    this.topic = facts?.topic ?? '';
    this.priority = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('previous')) this.facts = previousFacts(this.previous);
    if (changed.has('previous') || changed.has('mode')) {
      this.applyDefaults();
      this.problems = [];
    }
    if (changed.has('phone')) {
      const before = changed.get('phone') ?? '';
      if (this.authorPhone === '' || this.authorPhone === before) this.authorPhone = this.phone;
    }
  }

  /**
   * Submits the form as the send button does: builds the message and emits `samspil-send`, or shows the problems.
   */
  submit(): void {
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  /** Empties the form: text, attachments and problems; category and topic back to the previous message's. */
  reset(): void {
    this.text = '';
    this.attachments = [];
    this.rejected = [];
    this.problems = [];
    this.receiverSor = '';
    this.authorPhone = this.phone;
    this.applyDefaults();
  }

  private errorOf(control: ControlKey): Problem | undefined {
    return this.problems.find((p) => p.control === control);
  }

  private describedBy(control: ControlKey, hint: boolean): string | undefined {
    const ids = [hint ? `mc-${control}-hint` : '', this.errorOf(control) ? `mc-${control}-error` : ''];
    return ids.filter(Boolean).join(' ') || undefined;
  }

  private renderError(control: ControlKey) {
    const problem = this.errorOf(control);
    return problem
      ? html`<p class="field__error" id=${`mc-${control}-error`} part="error">${problem.message(this.t)}</p>`
      : nothing;
  }

  private fieldClasses(control: ControlKey, extra: Record<string, boolean> = {}) {
    return classMap({ field: true, 'field--invalid': this.errorOf(control) !== undefined, ...extra });
  }

  private renderContext() {
    const t = this.t;
    const facts = this.facts;
    const shared = this.localize.strings;
    if (this.mode !== 'new' && !facts) {
      return html`<p class="context context--missing" part="context">${t.mcNoPrevious}</p>`;
    }
    const who = (name: string | undefined) => name || t.mcUnknownParty;
    const lead =
      this.mode === 'reply'
        ? t.mcReplyTo(who(this.replyReceiver?.name ?? (this.replyReceiver?.sor && `SOR ${this.replyReceiver.sor}`)))
        : this.mode === 'forward'
          ? t.mcForwardFrom(who(facts?.sender.name))
          : t.mcNewFrom(who(this.sender?.name));
    let patientName = '';
    let patientId = '';
    if (this.mode === 'new') {
      patientName = personName(this.patient);
      const cpr = this.patient?.cpr;
      patientId = cpr
        ? `${shared.cprLabel} ${formatCpr(cpr)}`
        : this.patient?.ecpr
          ? `${shared.ecprLabel} ${this.patient.ecpr}`
          : '';
    } else if (facts?.patient) {
      const summary = summarizePatient({ patient: facts.patient as PatientLike });
      patientName = summary.name ?? '';
      patientId = summary.identifier
        ? `${summary.identifierKind === 'ecpr' ? shared.ecprLabel : shared.cprLabel} ${summary.identifier}`
        : '';
    }
    const author = this.author;
    const role = author?.role ?? author?.roleText;
    return html`<div class="context" part="context">
      <p class="context__lead">${lead}</p>
      <dl class="context__facts">
        ${
          patientName || patientId
            ? html`<div>
                <dt>${t.mcAbout}</dt>
                <dd>${[patientName, patientId].filter(Boolean).join(', ')}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${t.mcAuthor}</dt>
          <dd>
            ${
              author
                ? `${personName(author)}${role ? ` (${role})` : ''}`
                : html`<span class="warning">${t.mcNoAuthor}</span>`
            }
          </dd>
        </div>
      </dl>
      ${
        this.mode !== 'new' && facts?.lastText
          ? html`<figure class="quote">
              <figcaption>${t.mcPreviousText}</figcaption>
              <blockquote lang="da">${facts.lastText}</blockquote>
            </figure>`
          : nothing
      }
      ${
        this.mode === 'forward' && facts && facts.files.length > 0
          ? html`<p class="context__files">${t.mcForwardedFiles}:</p>
              <ul class="context__list">
                ${facts.files.map((title) => html`<li>${title}</li>`)}
              </ul>`
          : nothing
      }
    </div>`;
  }

  private renderSummary() {
    const problems = this.problems;
    if (problems.length === 0) return nothing;
    const t = this.t;
    return html`<div class="summary" part="error-summary" tabindex="-1" aria-labelledby="mc-summary-title">
      ${heading(t.mcSummaryTitle, { base: this.headingLevel, offset: 1, className: 'summary__title', id: 'mc-summary-title' })}
      <ul>
        ${problems.map((problem) => {
          const control = problem.control;
          return html`<li>
            ${
              control
                ? html`<a href=${`#mc-${control}`} @click=${(event: Event) => this.handleSummaryLink(event, control)}
                    >${problem.message(t)}</a
                  >`
                : problem.message(t)
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderReceiver() {
    if (!this.needsReceiver) return nothing;
    const t = this.t;
    const choices = this.choices;
    return html`<div class=${this.fieldClasses('receiver')} part="field">
      <label for="mc-receiver">${t.mcReceiver} <span class="muted">${t.mcRequired}</span></label>
      ${choices.length === 0 ? html`<p class="hint" id="mc-receiver-hint">${t.mcNoReceivers}</p>` : nothing}
      <select
        id="mc-receiver"
        aria-required="true"
        aria-invalid=${this.errorOf('receiver') ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy('receiver', choices.length === 0))}
        @change=${(event: Event) => {
          this.receiverSor = (event.target as HTMLSelectElement).value;
          this.edited();
        }}
      >
        <option value="" ?selected=${this.receiverSor === ''}>${t.mcChooseReceiver}</option>
        ${choices.map(
          (receiver) =>
            html`<option value=${receiver.sor} ?selected=${receiver.sor === this.receiverSor}>
              ${receiver.name ? `${receiver.name} (SOR ${receiver.sor})` : `SOR ${receiver.sor}`}
            </option>`,
        )}
      </select>
      ${this.renderError('receiver')}
    </div>`;
  }

  private renderClassification() {
    const t = this.t;
    const other = this.category === 'other';
    const referral = this.category === 'regarding-referral';
    return html`<div class="row">
        <div class=${this.fieldClasses('category')} part="field">
          <label for="mc-category">${t.mcCategory} <span class="muted">${t.mcRequired}</span></label>
          <select
            id="mc-category"
            aria-required="true"
            aria-invalid=${this.errorOf('category') ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.describedBy('category', false))}
            @change=${this.handleCategory}
          >
            <option value="" ?selected=${this.category === ''}>${t.mcChooseCategory}</option>
            ${CARE_COMMUNICATION_CATEGORIES.map(
              (code) =>
                html`<option value=${code} ?selected=${code === this.category}>
                  ${categoryText(code, this.locale)} (${code})
                </option>`,
            )}
          </select>
          ${this.renderError('category')}
        </div>
        <div class=${this.fieldClasses('topic')} part="field">
          <label for="mc-topic"
            >${t.mcTopic} <span class="muted">${other ? t.mcTopicRequired : t.mcTopicOptional}</span></label
          >
          <p class="hint" id="mc-topic-hint">${t.mcTopicHint}</p>
          <input
            id="mc-topic"
            type="text"
            autocomplete="off"
            .value=${live(this.topic)}
            aria-required=${other ? 'true' : 'false'}
            aria-invalid=${this.errorOf('topic') ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.describedBy('topic', true))}
            @input=${(event: Event) => {
              this.topic = (event.target as HTMLInputElement).value;
              this.edited();
            }}
          />
          ${this.renderError('topic')}
        </div>
      </div>
      <div class=${this.fieldClasses('priority', { 'field--check': true })} part="field">
        <input
          id="mc-priority"
          type="checkbox"
          .checked=${live(this.priority)}
          ?disabled=${!referral}
          aria-invalid=${this.errorOf('priority') ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('priority', true))}
          @change=${(event: Event) => {
            this.priority = (event.target as HTMLInputElement).checked;
            this.edited();
          }}
        />
        <label for="mc-priority">${t.mcPriority}</label>
        <p class="hint" id="mc-priority-hint">${referral ? t.mcPriorityHint : t.mcPriorityDisabled}</p>
        ${this.renderError('priority')}
      </div>`;
  }

  private renderAttachments() {
    const t = this.t;
    return html`<div class=${this.fieldClasses('files')} part="field">
      <label for="mc-files">${t.mcFiles}</label>
      <p class="hint" id="mc-files-hint">${t.mcFilesHint}</p>
      <input
        id="mc-files"
        type="file"
        multiple
        accept=${ATTACHMENT_CONTENT_TYPES.join(',')}
        aria-invalid=${this.errorOf('files') || this.rejected.length > 0 ? 'true' : 'false'}
        aria-describedby=${[
          'mc-files-hint',
          this.errorOf('files') ? 'mc-files-error' : '',
          this.rejected.length > 0 ? 'mc-files-rejected' : '',
        ]
          .filter(Boolean)
          .join(' ')}
        @change=${this.handleFiles}
      />
      ${this.reading ? html`<p class="hint" role="status">${t.mcReading}</p>` : nothing}
      ${
        this.rejected.length > 0
          ? html`<div class="field__error" id="mc-files-rejected" role="alert" part="error">
              ${this.rejected.map(
                (file) =>
                  html`<p>${file.unreadable ? t.mcFileUnreadable(file.name) : t.mcFileType(file.name, file.type)}</p>`,
              )}
            </div>`
          : nothing
      }
      ${this.renderError('files')}
      ${
        this.attachments.length > 0
          ? html`<ul class="attachments" part="attachments" aria-label=${t.mcAttachments}>
              ${repeat(
                this.attachments,
                (a) => a.key,
                (a) => {
                  const control = `att-${a.key}` as const;
                  return html`<li class=${this.fieldClasses(control, { attachment: true })}>
                    <label for=${`mc-${control}`}>${t.mcAttachmentTitle(a.name)}</label>
                    <p class="hint" id=${`mc-${control}-hint`}>
                      ${a.contentType}, ${Math.max(1, Math.round(a.size / 1024))} kB
                    </p>
                    <div class="attachment__row">
                      <input
                        id=${`mc-${control}`}
                        type="text"
                        autocomplete="off"
                        .value=${live(a.title)}
                        aria-required="true"
                        aria-invalid=${this.errorOf(control) ? 'true' : 'false'}
                        aria-describedby=${ifDefined(this.describedBy(control, true))}
                        @input=${(event: Event) => {
                          a.title = (event.target as HTMLInputElement).value;
                          this.edited();
                        }}
                      />
                      <button type="button" class="secondary" @click=${() => this.removeAttachment(a.key)}>
                        ${t.mcRemoveShort}<span class="visually-hidden"> ${a.name}</span>
                      </button>
                    </div>
                    ${this.renderError(control)}
                  </li>`;
                },
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const t = this.t;
    return html`<form
      class="composer"
      part="base"
      novalidate
      aria-labelledby="mc-title"
      lang=${this.locale}
      @submit=${this.handleSubmit}
    >
      ${heading(t.mcTitle[this.mode] ?? t.mcTitle.reply, { base: this.headingLevel, offset: 0, className: 'composer__title', id: 'mc-title', part: 'title' })}
      ${this.renderContext()} ${this.renderSummary()} ${this.renderReceiver()} ${this.renderClassification()}
      <div class=${this.fieldClasses('text')} part="field">
        <label for="mc-text">${t.mcText} <span class="muted">${t.mcRequired}</span></label>
        <p class="hint" id="mc-text-hint">${t.mcTextHint}</p>
        <textarea
          id="mc-text"
          rows="6"
          .value=${live(this.text)}
          aria-required="true"
          aria-invalid=${this.errorOf('text') ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('text', true))}
          @input=${(event: Event) => {
            this.text = (event.target as HTMLTextAreaElement).value;
            this.edited();
          }}
        ></textarea>
        ${this.renderError('text')}
      </div>
      <div class=${this.fieldClasses('phone')} part="field">
        <label for="mc-phone">${t.mcPhone} <span class="muted">${t.mcRequired}</span></label>
        <p class="hint" id="mc-phone-hint">${t.mcPhoneHint}</p>
        <input
          id="mc-phone"
          type="tel"
          autocomplete="tel"
          .value=${live(this.authorPhone)}
          aria-required="true"
          aria-invalid=${this.errorOf('phone') ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('phone', true))}
          @input=${(event: Event) => {
            this.authorPhone = (event.target as HTMLInputElement).value;
            this.edited();
          }}
        />
        ${this.renderError('phone')}
      </div>
      ${this.renderAttachments()}
      <div class="actions">
        <button type="submit" part="submit" ?disabled=${this.reading}>${t.mcSend}</button>
        <p class="status" role="status" part="status">${this.sent ? t.mcSent : ''}</p>
      </div>
    </form>`;
  }
}
