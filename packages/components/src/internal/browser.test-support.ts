// SPDX-License-Identifier: MIT
// Checks the components' browser tests share: hostile page CSS, no global styles, the fixed print header, Tab walks,
// hostile content that must stay text, and console silence. Test code only: imported by `*.test.ts` files, never by
// a component, so no build, manifest or API document includes it. Each test passes its own element, parts and
// expectations; these helpers only hold the steps and assertions that are the same everywhere.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import { HOSTILE_PAYLOADS } from '@samspil/fixtures/letters';

/** Page CSS that would hide and recolour everything it reaches. */
export const HOSTILE_PAGE_CSS =
  '* { all: unset !important; } div, section, h2 { display: none !important; color: red !important; }';

/** What a node turns if the hostile page CSS reaches it. */
const HOSTILE_COLOUR = 'rgb(255, 0, 0)';

/** Elements and attributes that could run or load something; hostile content must render none of them. */
export const ACTIVE_CONTENT = 'script, img, svg, iframe, object, embed, [onerror], [onload]';

/** Text with white space runs collapsed to one space and trimmed. */
const squash = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/** Asserts the page has the `before` style sheets it had and no adopted ones: the element added no global styles. */
export function expectNoGlobalStyles(before: number): void {
  expect(document.styleSheets.length).to.equal(before);
  expect(document.adoptedStyleSheets.length).to.equal(0);
}

/** Asserts a node is displayed and has an area. `label` names it in a failure. */
export function expectLaidOut(node: Element, label?: string): void {
  expect(getComputedStyle(node).display, label).not.to.equal('none');
  const box = node.getBoundingClientRect();
  expect(box.width * box.height, label).to.be.greaterThan(0);
}

/** Asserts the hostile page CSS's colour did not reach a node. */
export function expectNotRecoloured(node: Element, label?: string): void {
  expect(getComputedStyle(node).color, label).not.to.equal(HOSTILE_COLOUR);
}

/** Asserts each node is displayed, has an area and kept its own colour under the hostile page CSS. */
export function expectUntouched(nodes: Iterable<Element>): void {
  for (const node of nodes) {
    expectLaidOut(node);
    expectNotRecoloured(node);
  }
}

/**
 * Puts `el` (created and set up by the caller) straight in `<body>` (the hostile `div { display: none }` would hide a
 * fixture's wrapper div, which no component can prevent), waits for `rendered`, asserts the element added no styles
 * to the page, then adds the hostile page CSS, waits for the element's next update and runs `check`. Removes the CSS
 * and the element afterwards, whatever happened.
 */
export async function underHostilePageCss<E extends HTMLElement>(
  el: E,
  rendered: () => Promise<unknown>,
  check: () => void | Promise<void>,
): Promise<void> {
  const before = document.styleSheets.length;
  document.body.append(el);
  try {
    await rendered();
    expectNoGlobalStyles(before);
    const style = document.createElement('style');
    style.textContent = HOSTILE_PAGE_CSS;
    document.head.append(style);
    try {
      await (el as { updateComplete?: Promise<unknown> }).updateComplete;
      await check();
    } finally {
      style.remove();
    }
  } finally {
    el.remove();
  }
}

/** Runs `check` with the page emulating print media, and back on screen media afterwards, whatever happened. */
export async function whilePrinting(check: () => void | Promise<void>): Promise<void> {
  await emulateMedia({ media: 'print' });
  try {
    await check();
  } finally {
    await emulateMedia({ media: 'screen' });
  }
}

/**
 * Asserts the print header is hidden on screen and, in print, shown and fixed (so every printed page repeats it);
 * `inPrint` checks more while the page prints, given the header's text squashed.
 */
export async function expectFixedPrintHeader(
  header: HTMLElement,
  inPrint: (text: string) => void | Promise<void>,
): Promise<void> {
  expect(getComputedStyle(header).display).to.equal('none');
  await whilePrinting(async () => {
    expect(getComputedStyle(header).display).not.to.equal('none');
    expect(getComputedStyle(header).position).to.equal('fixed');
    await inPrint(squash(header.textContent));
  });
}

/** Renders `template` between a "before" and an "after" button and returns its element matching `selector`. */
export async function betweenButtons<E extends Element>(template: TemplateResult, selector: string): Promise<E> {
  const wrapper = await fixture(html`<div><button>before</button>${template}<button>after</button></div>`);
  const el = wrapper.querySelector<E>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

/**
 * Presses Tab at most `limit` times, until focus leaves `el`'s shadow root, asserting every element reached inside
 * shows a focus ring (an outline other than `none`, or exactly `outline` when given); returns them in order.
 */
export async function tabThrough(el: Element, limit: number, outline?: string): Promise<Element[]> {
  const reached: Element[] = [];
  for (let i = 0; i < limit; i++) {
    await sendKeys({ press: 'Tab' });
    const active = el.shadowRoot?.activeElement;
    if (!active) break;
    reached.push(active);
    const style = getComputedStyle(active).outlineStyle;
    const where = active.outerHTML.slice(0, 60);
    if (outline === undefined) expect(style, where).not.to.equal('none');
    else expect(style, where).to.equal(outline);
  }
  return reached;
}

/** Focuses the "before" button of an element rendered by {@link betweenButtons}. */
export function focusBefore(el: Element): void {
  const before = el.previousElementSibling;
  if (!(before instanceof HTMLButtonElement)) throw new Error('the element is not right after the "before" button');
  before.focus();
}

/**
 * For an element rendered by {@link betweenButtons}: asserts Tab from the "before" button stops at exactly
 * `expected`, in order, each with a focus ring, and then moves on to the "after" button. `spare` more presses than
 * `expected` has are allowed, to catch stops past the expected ones.
 */
export async function expectTabOrder(el: Element, expected: readonly Element[], spare: number): Promise<void> {
  focusBefore(el);
  const reached = await tabThrough(el, expected.length + spare);
  expect(reached).to.deep.equal(expected);
  expect(document.activeElement?.textContent).to.equal('after');
}

/** Asserts Enter on an open `<details>`' summary closes it and, unless `space` is false, Space opens it again. */
export async function expectSummaryToggles(summary: HTMLElement, { space = true } = {}): Promise<void> {
  const details = summary.parentElement as HTMLDetailsElement;
  summary.focus();
  await sendKeys({ press: 'Enter' });
  expect(details.open).to.equal(false);
  if (!space) return;
  await sendKeys({ press: 'Space' });
  expect(details.open).to.equal(true);
}

/**
 * Waits a moment for anything hostile content might have started, then asserts it ran nothing: the flag its scripts
 * would set is unset, `root` holds nothing matching `forbidden` and, when `safeHref` is given, every link's `href`
 * matches it.
 */
export async function expectInert(root: ParentNode, forbidden: string, safeHref?: RegExp): Promise<void> {
  await aTimeout(50);
  expect((window as { __samspilPwned?: boolean }).__samspilPwned).to.equal(undefined);
  expect(root.querySelectorAll(forbidden)).to.have.length(0);
  if (!safeHref) return;
  const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
  expect(hrefs.filter((href) => !safeHref.test(href))).to.deep.equal([]);
}

/** Asserts `root` shows every one of `payloads` (by default every hostile payload) as text. */
export function expectShownAsText(root: Node, payloads: readonly string[] = HOSTILE_PAYLOADS): void {
  const shown = root.textContent ?? '';
  for (const payload of payloads) expect(shown).to.contain(payload);
}

/** Runs `body` and asserts it logged no console error and, unless `warnings` is false, no console warning. */
export async function withoutConsoleErrors(body: () => Promise<void>, { warnings = true } = {}): Promise<void> {
  const errors = sinon.spy(console, 'error');
  const warns = warnings ? sinon.spy(console, 'warn') : undefined;
  try {
    await body();
    expect(errors.callCount, String(errors.firstCall?.args)).to.equal(0);
    if (warns) expect(warns.callCount, String(warns.firstCall?.args)).to.equal(0);
  } finally {
    errors.restore();
    warns?.restore();
  }
}
