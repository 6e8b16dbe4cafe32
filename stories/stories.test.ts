// SPDX-License-Identifier: MIT
// Every story of every component, rendered the way Storybook does (args, loaders, decorators, play) and checked
// with axe: no story state may have an accessibility violation.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as dischargeSummary from './discharge-summary.stories.js';
import * as patientBanner from './patient-banner.stories.js';
import * as referralForm from './referral-form.stories.js';
import * as rehabPlan from './rehab-plan.stories.js';
import * as acknowledgement from './acknowledgement.stories.js';
import * as message from './message.stories.js';
import * as messageComposer from './message-composer.stories.js';
import * as messageThread from './message-thread.stories.js';
import * as observationReport from './observation-report.stories.js';
import * as stayTimeline from './stay-timeline.stories.js';

type Args = Record<string, unknown>;
interface Context {
  args: Args;
  loaded: Record<string, unknown>;
  canvasElement?: HTMLElement;
}
type Render = (args: Args, context: Context) => TemplateResult;
type Decorator = (story: () => TemplateResult, context: Context) => TemplateResult;
interface StoryLike {
  args?: Args;
  loaders?: ((context: Context) => Promise<Record<string, unknown>>)[];
  decorators?: Decorator[];
  render?: Render;
  play?: (context: Context) => Promise<void> | void;
}

const modules = {
  dischargeSummary,
  patientBanner,
  referralForm,
  rehabPlan,
  acknowledgement,
  message,
  messageComposer,
  messageThread,
  observationReport,
  stayTimeline,
} as unknown as Record<string, Record<string, StoryLike & { title?: string }>>;

/** Waits until every Samspil element has rendered and no viewer is still loading its letter. */
async function settled(root: HTMLElement): Promise<void> {
  const elements = () =>
    [...root.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')].filter((el) =>
      el.localName.startsWith('samspil-'),
    );
  await waitUntil(
    () => elements().every((el) => !el.shadowRoot?.querySelector('[aria-busy="true"], .state--loading')),
    'a viewer is still loading',
    { timeout: 5000 },
  ).catch(() => undefined);
  await Promise.all(elements().map((el) => el.updateComplete));
  await aTimeout(50);
}

for (const [moduleName, stories] of Object.entries(modules)) {
  const meta = stories['default'] ?? {};
  describe(`stories: ${meta.title ?? moduleName}`, () => {
    for (const [name, story] of Object.entries(stories)) {
      if (name === 'default') continue;
      it(`${name} has no accessibility violations`, async () => {
        const args: Args = { ...meta.args, ...story.args };
        const context: Context = { args, loaded: {} };
        for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
          Object.assign(context.loaded, await loader(context));
        }
        const render = story.render ?? meta.render;
        if (!render) throw new Error(`${name} has nothing to render`);
        let storyFn = () => render(args, context);
        for (const decorator of [...(story.decorators ?? []), ...(meta.decorators ?? [])]) {
          const inner = storyFn;
          storyFn = () => decorator(inner, context);
        }
        const canvas = await fixture<HTMLElement>(html`<div>${storyFn()}</div>`);
        await settled(canvas);
        if (story.play) {
          await story.play({ ...context, canvasElement: canvas });
          await settled(canvas);
        }
        await expect(canvas).to.be.accessible();
        // Every story shows its content, not an error (its fixtures really load); the Error stories show one.
        const errors = [...canvas.querySelectorAll('*')].flatMap((el) => [
          ...(el.shadowRoot?.querySelectorAll('.state--error, [part~="state"][role="alert"]') ?? []),
        ]);
        if (name === 'Error') expect(errors.length).to.be.greaterThan(0);
        else if (!/Loading|NotAn/.test(name)) expect(errors.map((el) => el.textContent?.trim())).to.deep.equal([]);
      });
    }
  });
}
