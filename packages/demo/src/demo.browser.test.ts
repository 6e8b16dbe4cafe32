// SPDX-License-Identifier: MIT
// The demo in a real (headless) Chromium against the real demo server: the GP's referral reaches the hospital and
// is acknowledged, the municipality's reply reaches the hospital's thread, the three pages log no errors and pass
// axe, and a page fits 320 px. Needs the built packages (the pages import their dist) and a Chromium
// ($CHROME_PATH, else /usr/bin/chromium); no browser is downloaded.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from './server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DIST = ['sdk', 'components'].map((name) => join(ROOT, 'packages', name, 'dist'));
const WAIT = 30_000;
/** Polled on a timer: the default (animation frames) stops in a tab that is not in front. */
const POLL = { polling: 250, timeout: WAIT };
const PARTIES = ['gp', 'hospital', 'municipality'] as const;
type Party = (typeof PARTIES)[number];

describe('the demo in a browser', { timeout: 120_000 }, () => {
  let dir: string;
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  const pages = {} as Record<Party, Page>;
  const problems = {} as Record<Party, string[]>;

  /**
   * An expression for all text under `selector`, open shadow roots included (the components render into them).
   * Written as a string: tsx would wrap a named function inside an evaluated callback in `__name`, unknown in the page.
   */
  const deepText = (selector: string) => `(() => {
    const collect = (node) => {
      let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
      if (node instanceof Element && node.shadowRoot) text += collect(node.shadowRoot);
      for (const child of node.childNodes) text += collect(child);
      return text;
    };
    const root = document.querySelector(${JSON.stringify(selector)});
    return root ? collect(root) : '';
  })()`;

  /** Names a wait that timed out, with what the page showed. */
  const step = async <T>(label: string, page: Page, waiting: Promise<T>): Promise<T> => {
    try {
      return await waiting;
    } catch (error) {
      const shown = await page.evaluate(() => document.querySelector('main')?.innerText.slice(0, 3000)).catch(() => '');
      throw new Error(`${label}: ${error instanceof Error ? error.message : error}\n${shown}`, { cause: error });
    }
  };

  const letterKeys = (page: Page) =>
    page.$$eval('[data-testid=inbox-item][data-kind=letter]', (items) =>
      items.map((item) => (item as HTMLElement).dataset.key ?? ''),
    );

  before(async () => {
    for (const dist of DIST) {
      assert.ok(existsSync(dist), `${dist} is missing: build first (npm run build), the demo pages import it`);
    }
    assert.ok(existsSync(CHROME), `no Chromium at ${CHROME}: set CHROME_PATH`);
    dir = mkdtempSync(join(tmpdir(), 'samspil-demo-browser-'));
    mkdirSync(join(dir, 'storybook'));
    writeFileSync(join(dir, 'storybook', 'index.html'), '<!doctype html><title>Storybook</title>');
    demo = await startDemoServer({
      port: 0,
      dataDir: join(dir, 'data'),
      storybookDir: join(dir, 'storybook'),
      hubLog: () => undefined,
    });
    browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Three tabs poll at once: keep the ones behind the front tab running at full speed.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ],
    });
    for (const party of PARTIES) {
      const page = await browser.newPage();
      page.setDefaultTimeout(WAIT);
      const seen: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') seen.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => seen.push(`pageerror: ${error instanceof Error ? error.message : error}`));
      problems[party] = seen;
      pages[party] = page;
      await page.goto(new URL(`/${party}.html`, demo.url).href, { waitUntil: 'domcontentloaded' });
    }
    for (const party of PARTIES) {
      await pages[party].waitForSelector('#session-status[data-state=ready]', { timeout: WAIT });
    }
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the GP refers a patient: the hospital receives it and the GP sees it acknowledged', async () => {
    const { gp, hospital } = pages;
    // The seeded referral is already in the hospital's inbox; wait for it, so the new one can be told apart.
    await hospital.waitForSelector('[data-testid=inbox-item][data-kind=letter]');
    const before = new Set(await letterKeys(hospital));
    const sentBefore = await gp.$$eval('[data-testid=sent-item]', (items) =>
      items.map((item) => (item as HTMLElement).dataset.key),
    );

    await gp.bringToFront();
    // The form is prefilled with MedCom's example referral (complete); wait until it holds it.
    await step(
      'the referral form is prefilled',
      gp,
      gp.waitForFunction(() => {
        const form = document.querySelector('#referral-form') as (HTMLElement & { value?: unknown }) | null;
        return form?.value !== undefined;
      }, POLL),
    );
    // Clicked through the DOM, not at a point: the page still moves as the seeded mail comes in.
    await gp.$eval('#referral-form >>> button[type="submit"]', (button) => (button as HTMLButtonElement).click());
    await step(
      'the referral is sent',
      gp,
      gp.waitForFunction(
        () =>
          /sent to the hospital|Not sent|errors/.test(document.querySelector('#referral-status')?.textContent ?? ''),
        POLL,
      ),
    );
    const status = await gp.$eval('#referral-status', (p) => p.textContent ?? '');
    assert.match(status, /sent to the hospital/);

    const key = await step(
      'the referral is listed as sent',
      gp,
      gp.waitForFunction(
        (known: (string | undefined)[]) =>
          [...document.querySelectorAll<HTMLElement>('[data-testid=sent-item][data-format=oioxml]')]
            .map((item) => item.dataset.key)
            .find((key) => !known.includes(key)),
        POLL,
        sentBefore,
      ),
    );
    const sentKey = (await key.jsonValue()) as string;

    await step(
      'the hospital receives the referral',
      hospital,
      hospital.waitForFunction(
        (known: string[]) =>
          [...document.querySelectorAll<HTMLElement>('[data-testid=inbox-item][data-kind=letter]')].some(
            (item) => !known.includes(item.dataset.key ?? '') && (item.textContent ?? '').includes('Referral'),
          ),
        POLL,
        [...before],
      ),
    );
    await step(
      'the referral is acknowledged',
      gp,
      gp.waitForSelector(`[data-testid=sent-item][data-key="${sentKey}"][data-state=acknowledged]`),
    );
  });

  it('the municipality answers a CareCommunication from the hospital: the hospital sees the reply', async () => {
    const { municipality, hospital } = pages;
    await municipality.bringToFront();
    await municipality.waitForSelector('[data-testid=inbox-item][data-kind=thread]');
    const threads = await municipality.$$eval('[data-testid=inbox-item][data-kind=thread]', (items) =>
      items.map((item) => ({ key: (item as HTMLElement).dataset.key ?? '', text: item.textContent ?? '' })),
    );
    const thread = threads.find(({ text }) => /hospital/i.test(text)) ?? threads[0];
    assert.ok(thread, 'the municipality has a CareCommunication thread');
    await municipality.$eval(`[data-testid=inbox-item][data-key="${thread.key}"]`, (button) =>
      (button as HTMLElement).click(),
    );
    await municipality.waitForSelector(`#inbox-detail[data-key="${thread.key}"] [data-testid=message-composer]`);

    const reply = `Reply from the browser test ${Date.now()}`;
    const text = await municipality.waitForSelector('[data-testid=message-composer] >>> textarea#mc-text');
    assert.ok(text);
    await text.type(reply);
    await municipality.$eval('[data-testid=message-composer] >>> button[type="submit"]', (button) =>
      (button as HTMLButtonElement).click(),
    );
    await step(
      'the reply is sent',
      municipality,
      municipality.waitForFunction(
        () => /^(Sent|Not sent)/.test(document.querySelector('[data-testid=composer-status]')?.textContent ?? ''),
        POLL,
      ),
    );
    assert.match(await municipality.$eval('[data-testid=composer-status]', (p) => p.textContent ?? ''), /^Sent/);

    await hospital.bringToFront();
    const item = `[data-testid=inbox-item][data-key="${thread.key}"]`;
    await hospital.waitForSelector(item);
    await hospital.$eval(item, (button) => (button as HTMLElement).click());
    await hospital.waitForSelector(`#inbox-detail[data-key="${thread.key}"] [data-testid=message-thread]`);
    await step(
      "the hospital's thread shows the reply",
      hospital,
      hospital.waitForFunction(`${deepText('[data-testid=message-thread]')}.includes(${JSON.stringify(reply)})`, POLL),
    );
    assert.ok(((await hospital.evaluate(deepText('#inbox-detail'))) as string).includes(reply));
  });

  it('each page has no console errors and no axe violations', async () => {
    for (const party of PARTIES) {
      const page = pages[party];
      await page.bringToFront();
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        };
        const result = await axe.run(document);
        return result.violations.map(({ id, nodes }) => `${id}: ${JSON.stringify(nodes.map((n) => n.target))}`);
      });
      assert.deepEqual(violations, [], `${party}: axe violations`);
      assert.deepEqual(problems[party], [], `${party}: console errors`);
    }
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const page = pages.hospital;
    await page.bringToFront();
    await page.setViewport({ width: 320, height: 800 });
    await page.waitForSelector('#session-status[data-state=ready]');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `scrollWidth ${width} > 320`);
  });
});
