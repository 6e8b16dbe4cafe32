// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { summarizePatient, type PatientLike, type PatientSummary, type Sex } from '@samspil/sdk';
import { SamspilElement } from '../internal/samspil-element.js';
import type { Strings } from '../i18n/strings.js';
import { patientBannerStyles } from './patient-banner.styles.js';

/**
 * @summary Shows who a message is about: name, CPR number, age and sex.
 *
 * @description Give it a FHIR `Patient` through the `patient` property, or loose values through
 * attributes (which win over the resource). Age and sex are derived from the CPR number when the
 * resource does not give them. An invalid CPR number is shown as written, marked invalid.
 *
 * @csspart base - The banner's outer box (a labelled region).
 * @csspart name - The patient's name.
 * @csspart facts - The list of CPR number, age and sex.
 * @csspart cpr - The CPR number (or eCPR) and its label.
 * @csspart age - The age and its label.
 * @csspart sex - The sex and its label.
 *
 * @cssprop [--samspil-font-family=inherit] - Font family.
 * @cssprop [--samspil-banner-color=#1b2733] - Text colour.
 * @cssprop [--samspil-banner-label-color=#3d4d5e] - Colour of the labels.
 * @cssprop [--samspil-banner-warning-color=#9b1c1c] - Colour of the invalid-CPR marker.
 * @cssprop [--samspil-banner-background=#eef3f8] - Background.
 * @cssprop [--samspil-banner-border-color=#8a9bb0] - Border colour.
 * @cssprop [--samspil-banner-radius=0.25rem] - Corner radius.
 * @cssprop [--samspil-banner-padding=0.75rem 1rem] - Inner spacing.
 * @cssprop [--samspil-banner-gap=0.5rem 1.5rem] - Space between name and facts.
 * @cssprop [--samspil-banner-name-font-size=1.25rem] - Size of the name.
 *
 * @since 0.1.0
 * @status stable
 */
export class SamspilPatientBanner extends SamspilElement {
  /** Shadow-root styles; nothing leaks into the page. */
  static override styles = patientBannerStyles;

  @state() private summary: PatientSummary = summarizePatient({});

  /** A FHIR R4 `Patient` resource (property only). */
  @property({ attribute: false }) patient: PatientLike | undefined;

  /** The display name; overrides the resource's name. */
  @property() name = '';

  /** CPR number with or without hyphen, or an eCPR; overrides the resource's identifier. */
  @property() cpr = '';

  /** Birth date `YYYY-MM-DD`, for patients whose identifier does not give one (eCPR). */
  @property({ attribute: 'birth-date' }) birthDate = '';

  /** Administrative sex; derived from the CPR number when empty. */
  @property() sex: Sex | '' = '';

  /** The day the age is counted to, `YYYY-MM-DD`; today when empty. */
  @property({ attribute: 'reference-date' }) referenceDate = '';

  /** The heading level of the name (`0` renders a plain span, for hosts with their own headings). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['patient', 'name', 'cpr', 'birthDate', 'sex', 'referenceDate'] as const;
    if (inputs.some((key) => changed.has(key))) {
      this.summary = summarizePatient({
        patient: this.patient,
        name: this.name || undefined,
        cpr: this.cpr || undefined,
        birthDate: this.birthDate || undefined,
        sex: this.sex || undefined,
        on: this.referenceDate ? new Date(`${this.referenceDate}T12:00:00`) : undefined,
      });
    }
  }

  private sexLabel(sex: Sex, t: Strings): string {
    return { male: t.sexMale, female: t.sexFemale, other: t.sexOther, unknown: t.sexUnknown }[sex];
  }

  private renderName(t: Strings) {
    const { name } = this.summary;
    const classes = classMap({ banner__name: true, 'banner__name--unknown': !name });
    const text = name ?? t.unknownName;
    return this.headingLevel > 0
      ? html`<div part="name" class=${classes} role="heading" aria-level=${this.headingLevel}>${text}</div>`
      : html`<span part="name" class=${classes}>${text}</span>`;
  }

  private renderIdentifier(t: Strings) {
    const { identifier, identifierKind, identifierValid } = this.summary;
    const label = identifierKind === 'ecpr' ? t.ecprLabel : t.cprLabel;
    return html`<div part="cpr" class="banner__fact">
      <dt>${label}</dt>
      <dd>
        ${identifier ?? t.noIdentifier}
        ${identifierValid ? nothing : html`<span class="banner__warning">(${t.invalidCpr})</span>`}
      </dd>
    </div>`;
  }

  override render() {
    const t = this.localize.strings;
    const { age, sex } = this.summary;
    return html`<section part="base" class="banner" aria-label=${t.patientLabel} lang=${this.localize.locale}>
      ${this.renderName(t)}
      <dl part="facts" class="banner__facts">
        ${this.renderIdentifier(t)}
        ${
          age === undefined
            ? nothing
            : html`<div part="age" class="banner__fact">
                <dt>${t.ageLabel}</dt>
                <dd>${t.age(age)}</dd>
              </div>`
        }
        ${
          sex === undefined
            ? nothing
            : html`<div part="sex" class="banner__fact">
                <dt>${t.sexLabel}</dt>
                <dd>${this.sexLabel(sex, t)}</dd>
              </div>`
        }
      </dl>
    </section>`;
  }
}
