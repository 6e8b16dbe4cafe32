// SPDX-License-Identifier: MIT
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/localize.js';

/** Events whose detail is required, by name (filled in by `src/events/*.ts`). */
type DetailOf<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** What every Samspil element shares: a reactive `lang` and `theme`, localisation, and typed events. */
export class SamspilElement extends LitElement {
  protected readonly localize = new LocalizeController(this);

  /** The language to render in (`da` or `en`); inherited from the page when empty. */
  @property() override lang = '';

  /** Colour theme: `light` (default) or `dark`. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';

  /**
   * Dispatches a typed `samspil-*` event that bubbles out of the shadow root.
   * @returns `false` when a listener called `preventDefault()`.
   */
  protected emit<K extends keyof GlobalEventHandlersEventMap & `samspil-${string}`>(
    name: K,
    detail: DetailOf<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail }),
    );
  }
}
