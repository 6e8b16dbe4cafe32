// SPDX-License-Identifier: MIT
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/localize.js';

/** What every Samspil element shares: a reactive `lang` and the localisation controller. */
export class SamspilElement extends LitElement {
  protected readonly localize = new LocalizeController(this);

  /** The language to render in (`da` or `en`); inherited from the page when empty. */
  @property() override lang = '';
}
