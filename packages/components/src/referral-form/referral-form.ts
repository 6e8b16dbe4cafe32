// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { parseCpr, parseGln } from '@samspil/sdk';
import {
  DIAGNOSE_DESCRIPTION_LABELS,
  DIAGNOSE_TYPE_LABELS,
  IDENTIFIER_CODE_LABELS,
  PRIORITY_LABELS,
  REFERRAL_HEADINGS,
  REFERRAL_STATUS_LABELS,
  TELEPHONE_SUBSCRIBER_CODE_LABELS,
  TRANSPORT_LABELS,
  XREF01_CODES,
  formattedTextToPlain,
  labelOf,
  plainToFormattedText,
  referralToInput,
  validateReferralInput,
  writeXref01,
  type CodeLabels,
  type FormattedText,
  type Referral,
  type ReferralFieldIssue,
  type ReferralInput,
} from '@samspil/sdk/oioxml';
import type { ReferralDraft, SamspilDraftDetail } from '../events/samspil-draft.js';
import type { SamspilInvalidDetail } from '../events/samspil-invalid.js';
import type { SamspilSubmitDetail } from '../events/samspil-submit.js';
import type { Locale } from '../i18n/strings.js';
import { SamspilElement } from '../internal/samspil-element.js';
import { tokens } from '../styles/tokens.styles.js';
import { visuallyHiddenStyles } from '../styles/visually-hidden.styles.js';
import { referralFormStyles } from './referral-form.styles.js';
import { daStrings, enStrings, type ReferralFormStrings } from './referral-form.strings.js';

export type { ReferralDraft, SamspilDraftDetail, SamspilInvalidDetail, SamspilSubmitDetail };

/** Where a host keeps the form's draft: `load` is called once when the storage is set, `save` on every change. */
export interface ReferralDraftStorage {
  load(): ReferralDraft | undefined;
  save(draft: ReferralDraft): void;
}

type Loose = Record<string, unknown>;
type TextField = (typeof TEXT_FIELDS)[number];

interface PhoneRow {
  number: string;
  code: string;
}

interface DiagnosisRow {
  key: number;
  descriptionCode: string;
  code: string;
  typeCode: string;
  text: string;
}

interface ReferenceRow {
  key: number;
  description: string;
  url: string;
  sentSeparately: boolean;
  /** A binary attachment carried over from a prefilled letter; the form cannot edit it. */
  binary: unknown;
}

/** A field issue; `key` names the form's own message for checks the SDK's validator does not make. */
interface Problem extends ReferralFieldIssue {
  readonly key?: 'rfErrCprFormat' | 'rfErrCprDate' | 'rfErrGlnFormat' | 'rfErrGlnCheck';
}

interface Validation {
  draft: ReferralDraft;
  input: ReferralInput | undefined;
  xml: string | undefined;
  problems: Problem[];
  modulus11Warning: boolean;
}

interface ControlSpec {
  field: string;
  label: string;
  value: string;
  // No type=email: browsers may rewrite what is typed (an IDN domain to punycode) in the value.
  kind: 'text' | 'tel' | 'url' | 'textarea' | 'select';
  required?: boolean;
  options?: readonly string[];
  labels?: CodeLabels;
  blank?: string;
  hint?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'url';
  wide?: boolean;
  warning?: string;
  onInput: (value: string) => void;
}

const PATIENT_FIELDS = [
  'patient.cpr',
  'patient.givenName',
  'patient.surname',
  'patient.streetName',
  'patient.postCodeIdentifier',
  'patient.districtName',
  'patient.email',
] as const;
const PARTY_FIELDS = ['eanIdentifier', 'identifier', 'identifierCode', 'organisationName', 'departmentName'] as const;
const RECEIVER_FIELDS = PARTY_FIELDS.map((name) => `receiver.${name}`);
const SENDER_FIELDS = PARTY_FIELDS.map((name) => `sender.${name}`);
const REFERRER_FIELDS = ['sender.referrer.personName', 'sender.referrer.personTitle'] as const;
const CODE_FIELDS = ['priority', 'referralStatus', 'transport'] as const;
const DIAGNOSIS_FIELDS = ['diagnosis.code', 'diagnosis.typeCode', 'diagnosis.text'] as const;
/** The free texts, written as formatted text (textarea line breaks become `Break`). */
const TEXT_FIELDS = ['clinicalReason', 'supplementary', 'cave', 'anamnesis', 'examination', 'actualMedicine'] as const;
const SIMPLE_FIELDS: readonly string[] = [
  ...PATIENT_FIELDS,
  ...RECEIVER_FIELDS,
  ...SENDER_FIELDS,
  ...REFERRER_FIELDS,
  ...CODE_FIELDS,
  ...DIAGNOSIS_FIELDS,
];
const SENDER_KEYS = [...PARTY_FIELDS, 'referrer.personName', 'referrer.personTitle'] as const;
const PHONE_ROWS = 3;
/** HospitalReferral.xsd: `ReferralAdditional` [0..5], `Reference` [0..10]. */
const MAX_ADDITIONAL_DIAGNOSES = 5;
const MAX_REFERENCES = 10;
const DRAFT_DELAY_MS = 500;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const filled = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

function getPath(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Sets a dotted path, creating objects on the way; `undefined` deletes the key. */
function setPath(root: Loose, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let current = root;
  for (const key of keys) {
    if (!isRecord(current[key])) current[key] = {};
    current = current[key] as Loose;
  }
  if (value === undefined) Reflect.deleteProperty(current, last);
  else current[last] = value;
}

/** The object without its blank strings and undefined values. */
function compact(source: Loose): Loose {
  return Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && !(typeof value === 'string' && !value.trim())),
  );
}

function clone<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value ?? {})) as T;
  }
}

function plainOf(value: unknown): string {
  if (!Array.isArray(value)) return '';
  try {
    return formattedTextToPlain(value as FormattedText);
  } catch {
    return '';
  }
}

/** Every non-empty leaf value under `value`, with its dotted path (`relatives[0].surname`). */
function leaves(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, out);
  else if (value !== undefined && value !== null && String(value).trim() !== '') out.push([path, String(value)]);
  return out;
}

const ROW_FIELD =
  /^(patient\.telephones\[\d+\]\.(number|code)|additionalDiagnoses\[\d+\]\.(descriptionCode|code|typeCode|text)|references\[\d+\]\.(description|url|sentSeparately))$/;

/** The id of a field's control inside the shadow root. */
const controlId = (field: string): string => `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** A letter id as the SDK's writer would make one (14 characters `[0-9A-Z]`), fixed for the form's lifetime. */
function newLetterId(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return Array.from(crypto.getRandomValues(new Uint8Array(14)), (byte) => alphabet[byte % 36]).join('');
}

const isReferral = (value: unknown): value is Referral => isRecord(value) && value['kind'] === 'referral';

/**
 * @summary A form for an XREF01 (XH0130R) hospital referral; it builds the `ReferralInput` and its XML with the SDK.
 *
 * @description Native inputs, selects and textareas in fieldsets, every label bound to its control. Submitting
 * (the form's own button, Enter in a field, or the host `<form>`) checks the input with the SDK's
 * `validateReferralInput`, the CPR number with `parseCpr` and EAN numbers with `parseGln`: errors appear next to
 * their fields (`aria-invalid`, `aria-describedby`) and in an error summary whose links move focus to the fields.
 * A CPR number that fails modulus 11 only gets a warning. A valid form emits `samspil-submit` with the input and
 * its XREF01 XML.
 *
 * It is a form-associated custom element: inside a `<form>`, its value under `name` is the XREF01 XML when the
 * input is valid, an invalid form blocks the host form's submission, and it takes part in reset, disable
 * (`<fieldset disabled>`) and state restore. Prefill it with `value` (a `ReferralInput`, or a read `Referral`);
 * fields the form does not show (header, copy receiver, relative, addresses of the parties) are carried through
 * unchanged. The host's own clinic goes in `sender`. `draft` gets and restores the partial input; every change
 * emits `samspil-draft` (debounced) and saves to `draftStorage` if given.
 *
 * @fires samspil-submit - The input is valid; detail `{ referral, xml }`. Cancelable: cancelling stops the host
 *   `<form>` from being submitted.
 * @fires samspil-invalid - A submit found errors; detail `{ issues }` with dotted `field`, `rule` and the message shown.
 * @fires samspil-draft - The input changed (500 ms debounce); detail `{ draft }`.
 *
 * @csspart form - The inner `<form>`.
 * @csspart title - The form's heading.
 * @csspart error-summary - The list of errors shown after a submit.
 * @csspart section - Each top-level fieldset (patient, receiver, sender, referral, diagnoses, clinical
 *   information, references).
 * @csspart group - Nested fieldsets (referrer, telephone, diagnosis and reference rows).
 * @csspart field - A label, hint, error and control.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart control - Each input, select and textarea.
 * @csspart error - A field's error message.
 * @csspart warning - A field's warning (the CPR number's modulus 11).
 * @csspart add-button - The buttons that add a diagnosis or a reference.
 * @csspart remove-button - The buttons that remove one.
 * @csspart submit-button - The submit button.
 *
 * @cssprop [--samspil-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--samspil-font-size=1rem] - Base font size.
 * @cssprop [--samspil-color-text=#1b2733] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--samspil-color-muted=#4a5b6c] - Hints and required markers (dark `#a9b6c3`).
 * @cssprop [--samspil-color-surface=#ffffff] - Background (dark `#0f1720`).
 * @cssprop [--samspil-color-surface-alt=#f3f6f9] - Background of nested groups (dark `#1a2430`).
 * @cssprop [--samspil-color-border=#c5d0db] - Fieldset borders (dark `#3a4a5a`).
 * @cssprop [--samspil-color-accent=#0b5394] - Legends and buttons (dark `#8ab4f8`).
 * @cssprop [--samspil-color-accent-text=#ffffff] - Text on the submit button (dark `#0f1720`).
 * @cssprop [--samspil-color-danger=#9b1c1c] - Errors (dark `#ff9b9b`).
 * @cssprop [--samspil-color-warning-bg=#fff4d6] - Warning background (dark `#3d2e00`).
 * @cssprop [--samspil-color-warning-text=#5c3d00] - Warning text (dark `#ffe08a`).
 * @cssprop [--samspil-color-focus=#1a73e8] - Focus ring (dark `#8ab4f8`).
 * @cssprop [--samspil-input-border-color=var(--samspil-color-muted)] - Border of inputs (3:1 against the surface).
 * @cssprop [--samspil-input-background=var(--samspil-color-surface)] - Background of inputs.
 * @cssprop [--samspil-radius=0.375rem] - Corner radius.
 * @cssprop [--samspil-space=1rem] - Spacing unit.
 *
 * @since 0.1.0
 * @status experimental
 */
export class SamspilReferralForm extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = [tokens, visuallyHiddenStyles, referralFormStyles];

  /** Delegates focus, so `focus()` and the browser's validation land on the first field. */
  static override shadowRootOptions: ShadowRootInit = { ...SamspilElement.shadowRootOptions, delegatesFocus: true };

  /** Takes part in a host `<form>` (value, validity, reset, disable, state restore). */
  static formAssociated = true;

  protected readonly internals: ElementInternals = this.attachInternals();

  /** After a submit attempt every error shows; before, only non-empty fields the user has left. */
  @state() private showAll = false;

  @state() private formDisabled = false;

  /** The name the XML is submitted under in a host `<form>`. */
  @property({ reflect: true }) name = '';

  /** Disables every field and button; a disabled form is left out of its host form's data. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The heading level of the form's title (`0` renders none, for hosts with their own heading). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 2;

  /**
   * The prefill and reset value: a `ReferralInput`, or a `Referral` read with `parseReferral`/`readReferral`
   * (turned into input with `referralToInput`). Setting it replaces what is typed (property only).
   */
  @property({ attribute: false }) value: ReferralInput | Referral | undefined;

  /** The host's own clinic and referring clinician; fills sender fields the value leaves empty (property only). */
  @property({ attribute: false }) sender: ReferralDraft['sender'] | undefined;

  /** Where to load a draft from (once, when set, if nothing is typed yet) and save it to on every change. */
  @property({ attribute: false }) draftStorage: ReferralDraftStorage | undefined;

  /** The letter as set or restored; the form's fields overwrite what they show, the rest passes through. */
  private base: Loose = {};
  private fields: Record<string, string> = {};
  private phones: PhoneRow[] = [];
  private additional: DiagnosisRow[] = [];
  private references: ReferenceRow[] = [];
  /** Formatted texts as given, kept (with their styles) while their plain text is unchanged. */
  private originalTexts: Partial<Record<TextField, FormattedText>> = {};
  /** For each written `patient.telephones[i]`, the phone row it came from (blank rows are left out). */
  private phoneRowOf: number[] = [];
  private touched = new Set<string>();
  private nextKey = 0;
  private letterId = newLetterId();
  private dirty = false;
  private quietCheck = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private validation: Validation | undefined;

  constructor() {
    super();
    this.load(undefined);
    this.addEventListener('invalid', this.handleInvalid);
  }

  /** The host `<form>` this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The constraint-validation state: `customError` while the input cannot be written. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The first error, as the browser reports it (`"Efternavn: Skal udfyldes"`). */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation (not when disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /**
   * The input as far as it is filled in (not validated): fields as typed, free texts as formatted text, plus what
   * the prefill carried that the form does not show. Set it to restore a draft.
   */
  get draft(): ReferralDraft {
    return this.build();
  }

  set draft(draft: ReferralDraft | undefined) {
    this.load(draft);
    this.dirty = true;
    this.changed(false);
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get t(): ReferralFormStrings {
    return this.localize.table({ da: daStrings, en: enStrings });
  }

  private heading(key: keyof typeof REFERRAL_HEADINGS): string {
    return REFERRAL_HEADINGS[key][this.localize.locale];
  }

  private handleInvalid = (): void => {
    if (this.quietCheck) return;
    this.showAll = true;
    this.emit('samspil-invalid', { issues: this.issues() });
  };

  private handleChange = (event: Event): void => {
    const field = (event.target as HTMLElement).dataset['field'];
    if (field && !this.touched.has(field)) {
      this.touched.add(field);
      this.requestUpdate();
    }
  };

  private handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.submit();
  };

  private handleSummaryLink = (event: MouseEvent): void => {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')?.slice(1) ?? '';
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  };

  private setField(field: string, value: string): void {
    this.fields[field] = value;
    this.changed();
  }

  /** Marks the input changed: validity and form value now, a re-render, and a debounced draft. */
  private changed(byUser = true): void {
    if (byUser) this.dirty = true;
    this.validation = undefined;
    this.sync();
    this.requestUpdate();
    this.scheduleDraft();
  }

  private scheduleDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => {
      this.draftTimer = undefined;
      this.saveDraft(true);
    }, DRAFT_DELAY_MS);
  }

  private saveDraft(announce: boolean): void {
    const draft = this.build();
    try {
      this.draftStorage?.save(draft);
    } catch {
      // A full or unavailable storage must not break typing; the event still carries the draft.
    }
    if (announce) this.emit('samspil-draft', { draft });
  }

  private addAdditional = async (): Promise<void> => {
    if (this.additional.length >= MAX_ADDITIONAL_DIAGNOSES) return;
    this.additional = [
      ...this.additional,
      { key: this.nextKey++, descriptionCode: '', code: '', typeCode: 'SKSdiagnosekode', text: '' },
    ];
    this.changed();
    await this.updateComplete;
    this.focusField(`additionalDiagnoses[${this.additional.length - 1}].descriptionCode`);
  };

  private async removeAdditional(index: number): Promise<void> {
    this.additional = this.additional.filter((_, i) => i !== index);
    this.touched.clear();
    this.changed();
    await this.updateComplete;
    this.focusAfterRemove('additionalDiagnoses', 'descriptionCode', index, this.additional.length, 'add-diagnosis');
  }

  private addReference = async (): Promise<void> => {
    if (this.references.length >= MAX_REFERENCES) return;
    this.references = [
      ...this.references,
      { key: this.nextKey++, description: '', url: '', sentSeparately: false, binary: undefined },
    ];
    this.changed();
    await this.updateComplete;
    this.focusField(`references[${this.references.length - 1}].description`);
  };

  private async removeReference(index: number): Promise<void> {
    this.references = this.references.filter((_, i) => i !== index);
    this.touched.clear();
    this.changed();
    await this.updateComplete;
    this.focusAfterRemove('references', 'description', index, this.references.length, 'add-reference');
  }

  /** After removing a row, focus the row that took its place, else the one before, else the add button. */
  private focusAfterRemove(list: string, first: string, index: number, length: number, addId: string): void {
    if (length > 0) this.focusField(`${list}[${Math.min(index, length - 1)}].${first}`);
    else this.renderRoot.querySelector<HTMLElement>(`#${addId}`)?.focus();
  }

  private focusField(field: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${controlId(field)}`)?.focus();
  }

  /** Replaces every field with what `input` holds (or empties the form). */
  private load(input: ReferralDraft | Loose | undefined): void {
    const base: Loose = isRecord(input) ? clone(input as Loose) : {};
    this.base = base;
    this.fields = Object.fromEntries(SIMPLE_FIELDS.map((field) => [field, str(getPath(base, field))]));
    if (!isRecord(base['diagnosis'])) this.fields['diagnosis.typeCode'] = 'SKSdiagnosekode';
    this.originalTexts = {};
    for (const name of TEXT_FIELDS) {
      const value = base[name];
      this.fields[name] = plainOf(value);
      if (Array.isArray(value)) this.originalTexts[name] = value as FormattedText;
    }
    const telephones = getPath(base, 'patient.telephones');
    const phones = (Array.isArray(telephones) ? telephones : []).slice(0, PHONE_ROWS).map((phone: unknown) => ({
      number: str(getPath(phone, 'number')),
      code: str(getPath(phone, 'code')),
    }));
    while (phones.length < PHONE_ROWS) phones.push({ number: '', code: 'mobil' });
    this.phones = phones;
    const additional = base['additionalDiagnoses'];
    this.additional = (Array.isArray(additional) ? additional : []).map((row: unknown) => ({
      key: this.nextKey++,
      descriptionCode: str(getPath(row, 'descriptionCode')),
      code: str(getPath(row, 'code')),
      typeCode: str(getPath(row, 'typeCode')),
      text: str(getPath(row, 'text')),
    }));
    const references = base['references'];
    this.references = (Array.isArray(references) ? references : []).map((row: unknown) => ({
      key: this.nextKey++,
      description: str(getPath(row, 'description')),
      url: str(getPath(row, 'url')),
      sentSeparately: getPath(row, 'sentSeparately') === true,
      binary: getPath(row, 'binary'),
    }));
    this.touched = new Set();
    this.showAll = false;
    this.dirty = false;
    this.validation = undefined;
    this.applySender();
  }

  /** Fills the sender fields that are empty from the host's `sender`, and carries its other fields through. */
  private applySender(): void {
    const sender = this.sender;
    if (!isRecord(sender)) return;
    for (const key of SENDER_KEYS) {
      const field = `sender.${key}`;
      const given = str(getPath(sender, key));
      if (given && !this.fields[field]?.trim()) this.fields[field] = given;
    }
    const base = isRecord(this.base['sender']) ? this.base['sender'] : {};
    for (const [key, value] of Object.entries(sender)) {
      if (key !== 'referrer' && base[key] === undefined) base[key] = clone(value);
    }
    this.base['sender'] = base;
    this.validation = undefined;
  }

  private initialInput(): ReferralInput | undefined {
    const value = this.value;
    if (!value) return undefined;
    return isReferral(value) ? referralToInput(value) : value;
  }

  /** The input from the fields, on top of what was loaded. Not trimmed or checked: that is the validator's job. */
  private build(): ReferralDraft {
    const out = clone(this.base);
    for (const field of SIMPLE_FIELDS) {
      if (field.startsWith('diagnosis.')) continue;
      setPath(out, field, filled(this.fields[field] ?? ''));
    }
    const cpr = parseCpr(this.fields['patient.cpr'] ?? '');
    if (cpr.valid) setPath(out, 'patient.cpr', cpr.value);
    for (const key of ['sender', 'receiver', 'patient']) if (!isRecord(out[key])) out[key] = {};
    setPath(out, 'sender.referrer', getPath(out, 'sender.referrer') ?? {});

    const diagnosis = compact({
      code: this.fields['diagnosis.code'],
      typeCode: this.fields['diagnosis.typeCode'],
      text: this.fields['diagnosis.text'],
    });
    out['diagnosis'] = diagnosis['code'] || diagnosis['text'] ? diagnosis : undefined;

    this.phoneRowOf = [];
    const phones: Loose[] = [];
    this.phones.forEach((phone, row) => {
      if (!phone.number.trim()) return;
      this.phoneRowOf.push(row);
      phones.push(compact({ number: phone.number, code: phone.code }));
    });
    setPath(out, 'patient.telephones', phones.length > 0 ? phones : undefined);

    out['additionalDiagnoses'] =
      this.additional.length > 0
        ? this.additional.map(({ descriptionCode, code, typeCode, text }) =>
            compact({ descriptionCode, code, typeCode, text }),
          )
        : undefined;
    out['references'] =
      this.references.length > 0
        ? this.references.map(({ description, url, sentSeparately, binary }) =>
            compact({ description, url, sentSeparately: sentSeparately || undefined, binary: clone(binary) }),
          )
        : undefined;

    for (const name of TEXT_FIELDS) {
      const plain = this.fields[name] ?? '';
      const original = this.originalTexts[name];
      out[name] = !plain.trim()
        ? undefined
        : original && formattedTextToPlain(original) === plain
          ? clone(original)
          : plainToFormattedText(plain);
    }

    const header = isRecord(out['header']) ? out['header'] : {};
    out['header'] = { ...header, identifier: header['identifier'] ?? this.letterId };
    return compact(out) as ReferralDraft;
  }

  /** Checks the input: the form's own identifier checks first, then the SDK's validator. */
  private validate(): Validation {
    if (this.validation) return this.validation;
    const draft = this.build();
    const problems: Problem[] = [];
    let modulus11Warning = false;
    const cprText = (this.fields['patient.cpr'] ?? '').trim();
    if (cprText) {
      const cpr = parseCpr(cprText);
      if (!cpr.valid) {
        const date = cpr.issues.some((issue) => issue.code === 'date');
        problems.push({
          field: 'patient.cpr',
          rule: date ? 'date' : 'pattern',
          message: cpr.issues[0]?.message ?? '',
          key: date ? 'rfErrCprDate' : 'rfErrCprFormat',
        });
      } else modulus11Warning = !cpr.modulus11;
    }
    for (const field of ['receiver.eanIdentifier', 'sender.eanIdentifier']) {
      const text = (this.fields[field] ?? '').trim();
      if (!text) continue;
      const gln = parseGln(text);
      if (!gln.valid) {
        const check = gln.issues.some((issue) => issue.code === 'check-digit');
        problems.push({
          field,
          rule: 'pattern',
          message: gln.issues[0]?.message ?? '',
          key: check ? 'rfErrGlnCheck' : 'rfErrGlnFormat',
        });
      }
    }
    const checked = validateReferralInput(draft);
    if (!checked.ok) problems.push(...checked.issues.map((issue) => ({ ...issue, field: this.fieldOf(issue.field) })));
    const seen = new Set<string>();
    const order = this.controlFields();
    const unique = problems
      .filter((problem) => !seen.has(problem.field) && seen.add(problem.field))
      .map((problem, i) => ({ problem, i, at: order.indexOf(this.controlFor(problem.field) ?? '') }))
      .sort((a, b) => (a.at < 0 ? 1e6 : a.at) - (b.at < 0 ? 1e6 : b.at) || a.i - b.i)
      .map(({ problem }) => problem);
    let xml: string | undefined;
    if (checked.ok && unique.length === 0) {
      const written = writeXref01(checked.input);
      if (written.ok) xml = written.xml;
    }
    this.validation = {
      draft,
      input: checked.ok ? checked.input : undefined,
      xml,
      problems: unique,
      modulus11Warning,
    };
    return this.validation;
  }

  /** The issue's field as the form names it: written phone `i` back to its row. */
  private fieldOf(field: string): string {
    return field.replace(/^patient\.telephones\[(\d+)\]/, (whole, index: string) => {
      const row = this.phoneRowOf[Number(index)];
      return row === undefined ? whole : `patient.telephones[${row}]`;
    });
  }

  /** Every control's field, in the order they render. */
  private controlFields(): string[] {
    return [
      ...PATIENT_FIELDS.slice(0, 6),
      ...this.phones.flatMap((_, i) => [`patient.telephones[${i}].number`, `patient.telephones[${i}].code`]),
      'patient.email',
      ...RECEIVER_FIELDS,
      ...SENDER_FIELDS,
      ...REFERRER_FIELDS,
      ...CODE_FIELDS,
      'clinicalReason',
      'supplementary',
      ...DIAGNOSIS_FIELDS,
      ...this.additional.flatMap((_, i) =>
        ['descriptionCode', 'code', 'typeCode', 'text'].map((name) => `additionalDiagnoses[${i}].${name}`),
      ),
      'cave',
      'anamnesis',
      'examination',
      'actualMedicine',
      ...this.references.flatMap((_, i) =>
        ['description', 'url', 'sentSeparately'].map((name) => `references[${i}].${name}`),
      ),
    ];
  }

  /** The control an issue belongs to: the field's own, else the first inside it, else none (a carried field). */
  private controlFor(field: string): string | undefined {
    const fields = this.controlFields();
    if (fields.includes(field)) return field;
    if (field === 'patient.alternativeIdentifier') return 'patient.cpr';
    if (/^references\[\d+\]$/.test(field)) return `${field}.url`;
    if (field === 'diagnosis') return 'diagnosis.text';
    return fields.find((candidate) => candidate.startsWith(`${field}.`) || candidate.startsWith(`${field}[`));
  }

  private messageOf(problem: Problem): string {
    const t = this.t;
    if (problem.key) return t[problem.key];
    const n = Number(/\d+/.exec(problem.message)?.[0] ?? 0);
    switch (problem.rule) {
      case 'required':
      case 'minLength':
        return problem.field === 'patient.cpr' ? t.rfErrCprRequired : t.rfErrRequired;
      case 'maxLength':
        return t.rfErrMaxLength(n);
      case 'length':
        return t.rfErrLength(n);
      case 'maxItems':
        return t.rfErrMaxItems(n);
      case 'enumeration':
        return t.rfErrEnumeration;
      case 'choice':
        return problem.field.startsWith('references') ? t.rfErrChoiceReference : t.rfErrChoicePatient;
      case 'characters':
        return t.rfErrCharacters;
      case 'formattedText':
        return t.rfErrFormattedText;
      case 'unknown':
        return t.rfErrUnknown;
      case 'pattern':
        return problem.field === 'patient.cpr' ? t.rfErrCprFormat : t.rfErrInvalid;
      default:
        return t.rfErrInvalid;
    }
  }

  /** The label of a field as the error summary names it: its group, then its own label. */
  private labelOf(field: string): string {
    const t = this.t;
    const own: Record<string, [string, string]> = {
      'patient.cpr': [this.heading('patient'), t.rfCpr],
      'patient.givenName': [this.heading('patient'), t.rfGivenName],
      'patient.surname': [this.heading('patient'), t.rfSurname],
      'patient.streetName': [this.heading('patient'), t.rfStreet],
      'patient.postCodeIdentifier': [this.heading('patient'), t.rfPostCode],
      'patient.districtName': [this.heading('patient'), t.rfDistrict],
      'patient.email': [this.heading('patient'), this.heading('email')],
      priority: ['', this.heading('priority')],
      referralStatus: ['', this.heading('referralStatus')],
      transport: ['', this.heading('transport')],
      clinicalReason: ['', this.heading('clinicalReason')],
      supplementary: ['', this.heading('supplementary')],
      'diagnosis.code': [this.heading('mainDiagnosis'), t.rfDiagnosisCode],
      'diagnosis.typeCode': [this.heading('mainDiagnosis'), t.rfDiagnosisType],
      'diagnosis.text': [this.heading('mainDiagnosis'), t.rfDiagnosisText],
      cave: ['', this.heading('cave')],
      anamnesis: ['', this.heading('anamnesis')],
      examination: ['', this.heading('examination')],
      actualMedicine: ['', this.heading('actualMedicine')],
      'sender.referrer.personName': [this.heading('referrer'), t.rfReferrerName],
      'sender.referrer.personTitle': [this.heading('referrer'), t.rfReferrerTitle],
    };
    const party: Record<string, string> = {
      eanIdentifier: t.rfEan,
      identifier: t.rfIdentifier,
      identifierCode: t.rfIdentifierCode,
      organisationName: t.rfOrganisation,
      departmentName: t.rfDepartment,
    };
    const rowLabels: Record<string, string> = {
      number: t.rfPhoneNumber,
      code: t.rfPhoneType,
      descriptionCode: t.rfDiagnosisRole,
      typeCode: t.rfDiagnosisType,
      text: t.rfDiagnosisText,
      description: t.rfReferenceDescription,
      url: t.rfReferenceUrl,
      sentSeparately: t.rfReferenceSentSeparately,
    };
    const join = ([group, label]: [string, string]) => (group ? `${group}, ${label}` : label);
    const found = own[field];
    if (found) return join(found);
    const partyMatch = /^(receiver|sender)\.(\w+)$/.exec(field);
    if (partyMatch?.[2] && party[partyMatch[2]]) {
      return join([this.heading(partyMatch[1] === 'sender' ? 'sender' : 'receiver'), party[partyMatch[2]] ?? '']);
    }
    const row = /^(patient\.telephones|additionalDiagnoses|references)\[(\d+)\]\.(\w+)$/.exec(field);
    if (row?.[1] && row[3]) {
      const n = Number(row[2]) + 1;
      const group =
        row[1] === 'patient.telephones'
          ? t.rfPhone(n)
          : row[1] === 'additionalDiagnoses'
            ? t.rfAdditionalDiagnosis(n)
            : t.rfReference(n);
      const label = row[1] === 'additionalDiagnoses' && row[3] === 'code' ? t.rfDiagnosisCode : rowLabels[row[3]];
      return join([group, label ?? row[3]]);
    }
    return field;
  }

  /** The current errors with the messages the form shows. */
  private issues(): ReferralFieldIssue[] {
    return this.validate().problems.map(({ field, rule, ...problem }) => ({
      field,
      rule,
      message: this.messageOf({ field, rule, ...problem }),
    }));
  }

  /** Sets the form value and validity from the current input. */
  private sync(): void {
    const { xml, draft, problems } = this.validate();
    let state: string | undefined;
    try {
      state = JSON.stringify(draft);
    } catch {
      state = undefined;
    }
    this.internals.setFormValue(this.isDisabled ? null : (xml ?? null), state);
    const first = problems[0];
    if (this.isDisabled || !first) {
      this.internals.setValidity({});
      return;
    }
    const control = this.controlFor(first.field);
    const anchor = control ? this.renderRoot?.querySelector<HTMLElement>(`#${controlId(control)}`) : null;
    this.internals.setValidity(
      { customError: true },
      this.t.rfValidity(this.labelOf(first.field), this.messageOf(first)),
      anchor ?? undefined,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.draftTimer !== undefined) {
      clearTimeout(this.draftTimer);
      this.draftTimer = undefined;
      this.saveDraft(false);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.load(this.initialInput());
    if (changed.has('draftStorage') && this.draftStorage && !this.dirty) {
      let stored: ReferralDraft | undefined;
      try {
        stored = this.draftStorage.load();
      } catch {
        stored = undefined;
      }
      if (stored) this.load(stored);
    }
    if (changed.has('sender')) this.applySender();
  }

  protected override updated(): void {
    this.sync();
  }

  /**
   * Checks the input, and if it is valid emits `samspil-submit` (and then submits the host form, unless the event
   * was cancelled). If not, shows every error with the summary focused and emits `samspil-invalid`.
   * @returns Whether the input was valid and the event not cancelled.
   */
  submit(): boolean {
    if (this.isDisabled) return false;
    const { input, xml, problems } = this.validate();
    if (!input || !xml || problems.length > 0) {
      this.showAll = true;
      this.emit('samspil-invalid', { issues: this.issues() });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.summary')?.focus());
      return false;
    }
    const proceed = this.emit('samspil-submit', { referral: input, xml }, { cancelable: true });
    if (proceed) this.internals.form?.requestSubmit();
    return proceed;
  }

  /** Whether the input can be written, without showing anything (fires `invalid` on the element if not). */
  checkValidity(): boolean {
    this.sync();
    this.quietCheck = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.quietCheck = false;
    }
  }

  /** Like {@link checkValidity}, and shows the errors if there are any (emitting `samspil-invalid`). */
  reportValidity(): boolean {
    this.sync();
    return this.internals.reportValidity();
  }

  /** Host form reset: back to `value` (or empty) and `sender`, with a new letter id. */
  formResetCallback(): void {
    this.letterId = newLetterId();
    this.load(this.initialInput());
    this.changed(false);
  }

  /** A disabled ancestor fieldset (or the `disabled` attribute) disables every field. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.validation = undefined;
  }

  /** Session history and autofill restore the draft saved as the form state. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.draft = JSON.parse(state) as ReferralDraft;
    } catch {
      // A state this element did not write is ignored.
    }
  }

  /** What the input carries that no field shows (from `value`, a draft or `sender`): it is sent as it is. */
  private carried(draft: ReferralDraft): [string, string][] {
    const rest: Loose = { ...(draft as Loose) };
    for (const name of TEXT_FIELDS) Reflect.deleteProperty(rest, name);
    const generatedId = getPath(this.base, 'header.identifier') === undefined;
    return leaves(rest, '').filter(
      ([path]) =>
        !SIMPLE_FIELDS.includes(path) && !ROW_FIELD.test(path) && !(generatedId && path === 'header.identifier'),
    );
  }

  /** The button that removes one row (diagnosis, reference). */
  private renderRemoveRow(remove: () => unknown, label: string) {
    return html`<div class="row-actions no-print">
      <button
        type="button"
        class="button"
        part="remove-button"
        ?disabled=${this.isDisabled}
        @click=${() => void remove()}
      >
        ${label}
      </button>
    </div>`;
  }

  /** The button that adds a row (diagnosis, reference), and the note shown once the XSD's limit is reached. */
  private renderAddRow(
    id: string,
    count: number,
    max: number,
    add: () => void,
    label: string,
    limitNote: (max: number) => string,
  ) {
    return html`<div class="row-actions no-print">
      <button
        id=${id}
        type="button"
        class="button"
        part="add-button"
        ?disabled=${this.isDisabled || count >= max}
        @click=${add}
      >
        ${label}
      </button>
      ${count >= max ? html`<p class="note">${limitNote(max)}</p>` : nothing}
    </div>`;
  }

  private renderCarried(draft: ReferralDraft): TemplateResult | typeof nothing {
    const carried = this.carried(draft);
    if (carried.length === 0) return nothing;
    const t = this.t;
    const groups: Record<string, string> = {
      header: t.rfLetter,
      sender: this.heading('sender'),
      receiver: this.heading('receiver'),
      answerCcReceiver: this.heading('answerCcReceiver'),
      patient: this.heading('patient'),
      relatives: this.heading('relative'),
      references: this.heading('references'),
    };
    return html`<details class="carried" part="carried">
      <summary>${t.rfCarried(carried.length)}</summary>
      <p class="field__hint">${t.rfCarriedHint}</p>
      <dl class="carried__list">
        ${carried.map(([path, value]) => {
          const top = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
          const group = groups[top];
          return html`<div class="carried__item">
            <dt><span class="carried__group">${group ?? top}</span> <code>${path}</code></dt>
            <dd>${value}</dd>
          </div>`;
        })}
      </dl>
    </details>`;
  }

  private renderControl(spec: ControlSpec, error: string | undefined): TemplateResult {
    const t = this.t;
    const id = controlId(spec.field);
    const hintId = spec.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const warningId = spec.warning ? `${id}-warning` : undefined;
    const describedBy = [hintId, errorId, warningId].filter(Boolean).join(' ') || undefined;
    const invalid = error ? 'true' : undefined;
    const onInput = (event: Event) => spec.onInput((event.target as HTMLInputElement).value);
    let control: TemplateResult;
    if (spec.kind === 'select') {
      const options = spec.options ?? [];
      const locale: Locale = this.localize.locale;
      control = html`<select
        id=${id}
        class="control"
        part="control"
        data-field=${spec.field}
        ?required=${spec.required ?? false}
        ?disabled=${this.isDisabled}
        aria-invalid=${ifDefined(invalid)}
        aria-describedby=${ifDefined(describedBy)}
        @input=${onInput}
        @change=${this.handleChange}
      >
        <option value="" .selected=${spec.value === ''}>${spec.blank ?? t.rfNotGiven}</option>
        ${options.map(
          (code) =>
            html`<option value=${code} .selected=${code === spec.value}>
              ${spec.labels ? labelOf(spec.labels, code, locale) : code}
            </option>`,
        )}
        ${
          spec.value && !options.includes(spec.value)
            ? html`<option value=${spec.value} .selected=${true}>${spec.value}</option>`
            : nothing
        }
      </select>`;
    } else if (spec.kind === 'textarea') {
      control = html`<textarea
        id=${id}
        class="control"
        part="control"
        data-field=${spec.field}
        rows="4"
        ?required=${spec.required ?? false}
        ?disabled=${this.isDisabled}
        aria-invalid=${ifDefined(invalid)}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(spec.value)}
        @input=${onInput}
        @change=${this.handleChange}
      ></textarea>`;
    } else {
      control = html`<input
        id=${id}
        class="control"
        part="control"
        data-field=${spec.field}
        type=${spec.kind}
        autocomplete="off"
        spellcheck="false"
        inputmode=${ifDefined(spec.inputmode)}
        ?required=${spec.required ?? false}
        ?disabled=${this.isDisabled}
        aria-invalid=${ifDefined(invalid)}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(spec.value)}
        @input=${onInput}
        @change=${this.handleChange}
      />`;
    }
    return html`<div class=${classMap({ field: true, 'field--wide': spec.wide ?? false })} part="field">
      <label class="field__label" part="label" for=${id}
        >${spec.label}${spec.required ? html`${' '}<span class="field__required">(${t.rfRequired})</span>` : nothing}</label
      >
      ${spec.hint ? html`<p class="field__hint" part="hint" id=${ifDefined(hintId)}>${spec.hint}</p>` : nothing}
      ${
        error
          ? html`<p class="field__error" part="error" id=${ifDefined(errorId)}>
              <span class="visually-hidden">${t.rfErrorPrefix}</span> ${error}
            </p>`
          : nothing
      }
      ${control}
      ${
        spec.warning
          ? html`<p class="field__warning" part="warning" id=${ifDefined(warningId)}>
              <span class="visually-hidden">${t.rfWarningPrefix}</span> ${spec.warning}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderSummary(problems: readonly Problem[], level: number): TemplateResult {
    const t = this.t;
    return html`<section class="summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
      <div id="error-summary-title" class="summary__title" role="heading" aria-level=${level}>
        ${t.rfErrorSummaryTitle(problems.length)}
      </div>
      <ul>
        ${problems.map((problem) => {
          const control = this.controlFor(problem.field);
          const text = `${this.labelOf(problem.field)}: ${this.messageOf(problem)}`;
          return html`<li>
            ${control ? html`<a href="#${controlId(control)}" @click=${this.handleSummaryLink}>${text}</a>` : text}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderParty(
    party: 'receiver' | 'sender',
    field: (spec: Omit<ControlSpec, 'value' | 'onInput'>) => TemplateResult,
  ): TemplateResult {
    const t = this.t;
    return html`<div class="grid">
      ${field({
        field: `${party}.eanIdentifier`,
        label: t.rfEan,
        kind: 'text',
        required: true,
        hint: t.rfEanHint,
        inputmode: 'numeric',
      })}
      ${field({ field: `${party}.identifier`, label: t.rfIdentifier, kind: 'text', required: true, hint: t.rfIdentifierHint })}
      ${field({
        field: `${party}.identifierCode`,
        label: t.rfIdentifierCode,
        kind: 'select',
        required: true,
        options: XREF01_CODES.identifierCode,
        labels: IDENTIFIER_CODE_LABELS,
        blank: t.rfChoose,
      })}
      ${field({ field: `${party}.organisationName`, label: t.rfOrganisation, kind: 'text', required: party === 'sender' })}
      ${field({ field: `${party}.departmentName`, label: t.rfDepartment, kind: 'text' })}
    </div>`;
  }

  private renderPhone(phone: PhoneRow, i: number, errors: ReadonlyMap<string, string>): TemplateResult {
    const t = this.t;
    const update = (key: keyof PhoneRow) => (value: string) => {
      this.phones = this.phones.map((row, j) => (j === i ? { ...row, [key]: value } : row));
      this.changed();
    };
    const base = `patient.telephones[${i}]`;
    return html`<fieldset class="group" part="group">
      <legend>${t.rfPhone(i + 1)}</legend>
      <div class="grid">
        ${this.renderControl(
          {
            field: `${base}.number`,
            label: t.rfPhoneNumber,
            value: phone.number,
            kind: 'tel',
            onInput: update('number'),
          },
          errors.get(`${base}.number`),
        )}
        ${this.renderControl(
          {
            field: `${base}.code`,
            label: t.rfPhoneType,
            value: phone.code,
            kind: 'select',
            options: XREF01_CODES.telephoneSubscriberCode,
            labels: TELEPHONE_SUBSCRIBER_CODE_LABELS,
            blank: t.rfChoose,
            onInput: update('code'),
          },
          errors.get(`${base}.code`),
        )}
      </div>
    </fieldset>`;
  }

  private renderAdditional(row: DiagnosisRow, i: number, errors: ReadonlyMap<string, string>): TemplateResult {
    const t = this.t;
    const update = (key: 'descriptionCode' | 'code' | 'typeCode' | 'text') => (value: string) => {
      this.additional = this.additional.map((item) => (item.key === row.key ? { ...item, [key]: value } : item));
      this.changed();
    };
    const base = `additionalDiagnoses[${i}]`;
    const control = (
      spec: Omit<ControlSpec, 'field' | 'onInput'> & { name: 'descriptionCode' | 'code' | 'typeCode' | 'text' },
    ) =>
      this.renderControl(
        { ...spec, field: `${base}.${spec.name}`, onInput: update(spec.name) },
        errors.get(`${base}.${spec.name}`),
      );
    return html`<fieldset class="group" part="group">
      <legend>${t.rfAdditionalDiagnosis(i + 1)}</legend>
      <div class="grid">
        ${control({
          name: 'descriptionCode',
          label: t.rfDiagnosisRole,
          value: row.descriptionCode,
          kind: 'select',
          required: true,
          options: XREF01_CODES.diagnoseDescriptionCode,
          labels: DIAGNOSE_DESCRIPTION_LABELS,
          blank: t.rfChoose,
        })}
        ${control({ name: 'code', label: t.rfDiagnosisCode, value: row.code, kind: 'text' })}
        ${control({
          name: 'typeCode',
          label: t.rfDiagnosisType,
          value: row.typeCode,
          kind: 'select',
          required: true,
          options: XREF01_CODES.diagnoseTypeCode,
          labels: DIAGNOSE_TYPE_LABELS,
          blank: t.rfChoose,
        })}
        ${control({ name: 'text', label: t.rfDiagnosisText, value: row.text, kind: 'text', required: true, wide: true })}
      </div>
      ${this.renderRemoveRow(() => this.removeAdditional(i), t.rfRemoveDiagnosis(i + 1))}
    </fieldset>`;
  }

  private renderReference(row: ReferenceRow, i: number, errors: ReadonlyMap<string, string>): TemplateResult {
    const t = this.t;
    const update = (key: 'description' | 'url') => (value: string) => {
      this.references = this.references.map((item) => (item.key === row.key ? { ...item, [key]: value } : item));
      this.changed();
    };
    const base = `references[${i}]`;
    const checkId = controlId(`${base}.sentSeparately`);
    const binaryId = getPath(row.binary, 'objectIdentifier');
    return html`<fieldset class="group" part="group">
      <legend>${t.rfReference(i + 1)}</legend>
      <div class="grid">
        ${this.renderControl(
          {
            field: `${base}.description`,
            label: t.rfReferenceDescription,
            value: row.description,
            kind: 'text',
            required: true,
            onInput: update('description'),
          },
          errors.get(`${base}.description`),
        )}
        ${this.renderControl(
          { field: `${base}.url`, label: t.rfReferenceUrl, value: row.url, kind: 'url', onInput: update('url') },
          errors.get(`${base}.url`),
        )}
        <div class="field field--check" part="field">
          <input
            id=${checkId}
            type="checkbox"
            data-field="${base}.sentSeparately"
            ?disabled=${this.isDisabled}
            .checked=${live(row.sentSeparately)}
            @change=${(event: Event) => {
              const checked = (event.target as HTMLInputElement).checked;
              this.references = this.references.map((item) =>
                item.key === row.key ? { ...item, sentSeparately: checked } : item,
              );
              this.handleChange(event);
              this.changed();
            }}
          />
          <label class="field__label" part="label" for=${checkId}>${t.rfReferenceSentSeparately}</label>
        </div>
      </div>
      ${row.binary !== undefined ? html`<p class="note">${t.rfReferenceBinary(str(binaryId))}</p>` : nothing}
      ${this.renderRemoveRow(() => this.removeReference(i), t.rfRemoveReference(i + 1))}
    </fieldset>`;
  }

  override render() {
    const t = this.t;
    const locale = this.localize.locale;
    const validation = this.validate();
    const shown = validation.problems.filter(
      (problem) =>
        this.showAll ||
        (problem.rule !== 'required' && problem.rule !== 'minLength' && this.touched.has(problem.field)),
    );
    const errors = new Map<string, string>();
    for (const problem of shown) {
      const control = this.controlFor(problem.field);
      if (control && !errors.has(control)) errors.set(control, this.messageOf(problem));
    }
    const field = (spec: Omit<ControlSpec, 'value' | 'onInput'> & Partial<Pick<ControlSpec, 'onInput'>>) =>
      this.renderControl(
        {
          ...spec,
          value: this.fields[spec.field] ?? '',
          onInput: spec.onInput ?? ((value) => this.setField(spec.field, value)),
        },
        errors.get(spec.field),
      );
    const level = this.headingLevel;
    const sub = Math.min(level > 0 ? level + 1 : 2, 6);

    return html`<form part="form" class="form" novalidate lang=${locale} @submit=${this.handleSubmit}>
      ${
        level > 0
          ? html`<div part="title" class="form__title" role="heading" aria-level=${level}>${t.rfTitle}</div>`
          : nothing
      }
      <p class="form__intro">${t.rfIntro}</p>
      ${this.showAll && validation.problems.length > 0 ? this.renderSummary(validation.problems, sub) : nothing}

      <fieldset class="section" part="section">
        <legend>${this.heading('patient')}</legend>
        <div class="grid">
          ${field({
            field: 'patient.cpr',
            label: t.rfCpr,
            kind: 'text',
            required: true,
            hint: t.rfCprHint,
            inputmode: 'numeric',
            warning: validation.modulus11Warning ? t.rfWarnModulus11 : undefined,
          })}
          ${field({ field: 'patient.givenName', label: t.rfGivenName, kind: 'text' })}
          ${field({ field: 'patient.surname', label: t.rfSurname, kind: 'text', required: true })}
          ${field({ field: 'patient.streetName', label: t.rfStreet, kind: 'text' })}
          ${field({ field: 'patient.postCodeIdentifier', label: t.rfPostCode, kind: 'text', inputmode: 'numeric' })}
          ${field({ field: 'patient.districtName', label: t.rfDistrict, kind: 'text' })}
        </div>
        <div class="phones">${this.phones.map((phone, i) => this.renderPhone(phone, i, errors))}</div>
        <div class="grid">
          ${field({ field: 'patient.email', label: this.heading('email'), kind: 'text', inputmode: 'email' })}
        </div>
      </fieldset>

      <fieldset class="section" part="section">
        <legend>${this.heading('receiver')}</legend>
        ${this.renderParty('receiver', field)}
      </fieldset>

      <fieldset class="section" part="section">
        <legend>${this.heading('sender')}</legend>
        ${this.renderParty('sender', field)}
        <fieldset class="group" part="group">
          <legend>${this.heading('referrer')}</legend>
          <div class="grid">
            ${field({ field: 'sender.referrer.personName', label: t.rfReferrerName, kind: 'text', required: true })}
            ${field({ field: 'sender.referrer.personTitle', label: t.rfReferrerTitle, kind: 'text' })}
          </div>
        </fieldset>
      </fieldset>

      <fieldset class="section" part="section">
        <legend>${t.rfReferral}</legend>
        <div class="grid">
          ${field({
            field: 'priority',
            label: this.heading('priority'),
            kind: 'select',
            options: XREF01_CODES.priority,
            labels: PRIORITY_LABELS,
          })}
          ${field({
            field: 'referralStatus',
            label: this.heading('referralStatus'),
            kind: 'select',
            options: XREF01_CODES.referralStatus,
            labels: REFERRAL_STATUS_LABELS,
          })}
          ${field({
            field: 'transport',
            label: this.heading('transport'),
            kind: 'select',
            options: XREF01_CODES.transport,
            labels: TRANSPORT_LABELS,
          })}
          ${field({
            field: 'clinicalReason',
            label: this.heading('clinicalReason'),
            kind: 'textarea',
            hint: t.rfClinicalReasonHint,
            wide: true,
          })}
          ${field({
            field: 'supplementary',
            label: this.heading('supplementary'),
            kind: 'textarea',
            hint: t.rfSupplementaryHint,
            wide: true,
          })}
        </div>
      </fieldset>

      <fieldset class="section" part="section">
        <legend>${this.heading('diagnoses')}</legend>
        <fieldset class="group" part="group">
          <legend>${this.heading('mainDiagnosis')}</legend>
          <div class="grid">
            ${field({ field: 'diagnosis.code', label: t.rfDiagnosisCode, kind: 'text', hint: t.rfDiagnosisCodeHint })}
            ${field({
              field: 'diagnosis.typeCode',
              label: t.rfDiagnosisType,
              kind: 'select',
              options: XREF01_CODES.diagnoseTypeCode,
              labels: DIAGNOSE_TYPE_LABELS,
              blank: t.rfChoose,
            })}
            ${field({ field: 'diagnosis.text', label: t.rfDiagnosisText, kind: 'text', wide: true })}
          </div>
        </fieldset>
        ${repeat(
          this.additional,
          (row) => row.key,
          (row, i) => this.renderAdditional(row, i, errors),
        )}
        ${this.renderAddRow('add-diagnosis', this.additional.length, MAX_ADDITIONAL_DIAGNOSES, this.addAdditional, t.rfAddDiagnosis, t.rfDiagnosisLimit)}
      </fieldset>

      <fieldset class="section" part="section">
        <legend>${this.heading('clinicalInformation')}</legend>
        <div class="grid">
          ${(['cave', 'anamnesis', 'examination', 'actualMedicine'] as const).map((name) =>
            field({ field: name, label: this.heading(name), kind: 'textarea', wide: true }),
          )}
        </div>
      </fieldset>

      <fieldset class="section" part="section">
        <legend>${this.heading('references')}</legend>
        ${repeat(
          this.references,
          (row) => row.key,
          (row, i) => this.renderReference(row, i, errors),
        )}
        ${this.renderAddRow('add-reference', this.references.length, MAX_REFERENCES, this.addReference, t.rfAddReference, t.rfReferenceLimit)}
      </fieldset>

      ${this.renderCarried(validation.draft)}

      <div class="actions no-print">
        <button type="submit" class="button button--primary" part="submit-button" ?disabled=${this.isDisabled}>
          ${t.rfSubmit}
        </button>
      </div>
    </form>`;
  }
}
