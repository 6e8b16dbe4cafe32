// SPDX-License-Identifier: MIT
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { da, en, type Locale, type Strings } from './strings.js';

const shipped: Record<Locale, Strings> = { da, en };
/** Host overrides, by locale: keys of the shared table or of any component's own table. */
export type StringOverrides = Partial<Strings> & Readonly<Record<string, unknown>>;

const overrides: Record<Locale, StringOverrides> = { da: {}, en: {} };
const connected = new Set<LocalizeController>();

/** The locale used when neither the element nor the page names a supported one. */
export const DEFAULT_LOCALE: Locale = 'da';

/**
 * Overrides some of the components' strings for one locale, at runtime. Every connected component
 * re-renders with the new strings.
 *
 * @param locale - `da` or `en`.
 * @param strings - The strings to replace, from the shared table or a component's own (e.g. `rehabPlanTitle`);
 *   the rest keep their shipped text.
 * @example
 * ```ts
 * import { setStrings } from '@samspil/components';
 * setStrings('da', { cprLabel: 'Personnummer' });
 * ```
 * @category Localisation
 */
export function setStrings(locale: Locale, strings: StringOverrides): void {
  overrides[locale] = { ...overrides[locale], ...strings };
  for (const controller of connected) controller.host.requestUpdate();
}

/**
 * Removes every override set with {@link setStrings}.
 * @category Localisation
 */
export function resetStrings(): void {
  overrides.da = {};
  overrides.en = {};
  for (const controller of connected) controller.host.requestUpdate();
}

/**
 * The strings for a locale: the shipped table with the host's overrides on top.
 * @category Localisation
 */
export function getStrings(locale: Locale): Strings {
  return { ...shipped[locale], ...overrides[locale] };
}

/** Maps a BCP 47 tag (`en-GB`, `da-DK`, `nb`) to a supported locale, or `undefined`. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return primary === 'da' || primary === 'en' ? primary : undefined;
}

// One observer for the whole page: a change of <html lang> re-renders every component that inherits it.
let documentObserver: MutationObserver | undefined;
function observeDocumentLang(): void {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => {
    for (const controller of connected) controller.host.requestUpdate();
  });
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Gives a component its locale and strings. The locale comes from the element's own `lang`, else the
 * nearest ancestor's, else the page's, else Danish.
 */
export class LocalizeController implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    observeDocumentLang();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** The locale this element renders in now. */
  get locale(): Locale {
    const inherited = this.host.closest('[lang]')?.getAttribute('lang');
    return toLocale(this.host.lang) ?? toLocale(inherited) ?? toLocale(document.documentElement.lang) ?? DEFAULT_LOCALE;
  }

  /** The strings for {@link locale}, overrides included. */
  get strings(): Strings {
    return getStrings(this.locale);
  }

  /** A component's own string table for {@link locale}, with the host's overrides of its keys on top. */
  table<T extends object>(tables: Readonly<Record<Locale, T>>): T {
    const locale = this.locale;
    const own = tables[locale];
    const extra = overrides[locale];
    const merged: Record<string, unknown> = { ...(own as Record<string, unknown>) };
    for (const key of Object.keys(own)) if (Object.hasOwn(extra, key)) merged[key] = extra[key];
    return merged as T;
  }
}
