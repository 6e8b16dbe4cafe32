// SPDX-License-Identifier: MIT
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { Bundle } from '@medplum/fhirtypes';
import { describeMessage } from '@samspil/sdk';
import { exampleMessages } from '@samspil/sdk/examples';
import { LETTERS, TEST_SHARED_PREFIX } from '@samspil/fixtures/letters';
import type { SamspilMessage } from './message.js';
import './define.js';
import '../fhir-xml/define.js';

const OFFICIAL = `${TEST_SHARED_PREFIX}medcom/examples/`;
const FOLDERS = ['hospitalnotification', 'carecommunication', 'acknowledgement', 'homecareobservation', 'messaging'];
const VIEWER_OF: Record<string, string> = {
  'hospital-notification': 'samspil-stay-timeline',
  'care-communication': 'samspil-message-thread',
  'home-care-observation': 'samspil-observation-report',
  acknowledgement: 'samspil-acknowledgement',
};

/** All text rendered below `root`, through nested shadow roots, in document order. */
function deepText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    const shadow = (node as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out.replace(/\s+/g, ' ');
}

async function show(message: unknown, attrs: { src?: string } = {}): Promise<SamspilMessage> {
  const el = await fixture<SamspilMessage>(
    html`<samspil-message .message=${message} src=${attrs.src ?? ''} reference-date="2026-11-25"></samspil-message>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="viewer"], [part~="state"][role="alert"]'), 'shown', {
    timeout: 5000,
  });
  const viewer = el.shadowRoot?.querySelector('[part~="viewer"]') as
    (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  if (viewer?.updateComplete) {
    await viewer.updateComplete;
    // The viewer has rendered once it shows more than its loading state.
    await waitUntil(
      () =>
        (viewer.shadowRoot?.childElementCount ?? 0) > 0 && !viewer.shadowRoot?.querySelector('[role="status"].state'),
      'viewer',
      { timeout: 5000 },
    );
  }
  return el;
}

async function listing(folder: string): Promise<string[]> {
  return (await (await fetch(`${OFFICIAL}${folder}/index.json`)).json()) as string[];
}

describe('samspil-message', () => {
  let errors: sinon.SinonSpy;
  beforeEach(() => {
    errors = sinon.spy(console, 'error');
  });
  afterEach(() => errors.restore());

  it('is accessible, for a message of each kind', async () => {
    for (const name of [
      'hospital-notification-a-07-discharge-inpatient-home',
      'care-communication-thread-1-new',
      'acknowledgement-ok',
      'home-care-observation',
    ]) {
      const el = await show(exampleMessages().find((m) => m.name === name)?.bundle);
      await expect(el).to.be.accessible();
    }
  });

  it('shows every message of the synthetic example set with the right viewer and its MustSupport values', async () => {
    for (const { name, bundle } of exampleMessages()) {
      const el = await show(bundle);
      const description = describeMessage(bundle);
      const viewer = el.shadowRoot?.querySelector('[part~="viewer"]');
      expect(viewer?.localName, name).to.equal(VIEWER_OF[description.kind]);
      const text = deepText(el);
      expect(text, name).to.contain(description.sender?.name ?? '');
      if (description.patient?.family) expect(text, name).to.contain(description.patient.family);
      expect(el.shadowRoot?.querySelector('[role="alert"]'), name).to.equal(null);
    }
    expect(errors.callCount, 'console errors').to.equal(0);
  });

  it('shows every official example, JSON and XML, with no console errors', async () => {
    let shown = 0;
    for (const folder of FOLDERS) {
      for (const file of await listing(folder)) {
        const bytes = new Uint8Array(await (await fetch(`${OFFICIAL}${folder}/${file}`)).arrayBuffer());
        const el = await show(bytes);
        expect(el.shadowRoot?.querySelector('[role="alert"]'), `${folder}/${file}`).to.equal(null);
        const viewer = el.shadowRoot?.querySelector('[part~="viewer"]');
        expect(viewer, `${folder}/${file}`).to.not.equal(null);
        if (file.endsWith('.json')) {
          const description = describeMessage(JSON.parse(new TextDecoder().decode(bytes)) as Bundle);
          if (description.kind !== 'empty') expect(viewer?.localName).to.equal(VIEWER_OF[description.kind]);
          // A sample of MustSupport values: who sent it, and about whom.
          const text = deepText(el);
          if (description.sender?.name) expect(text, file).to.contain(description.sender?.name);
          if (description.patient?.family) expect(text, file).to.contain(description.patient.family);
        }
        shown++;
      }
    }
    expect(shown).to.be.greaterThan(60);
    expect(errors.callCount, 'console errors').to.equal(0);
  });

  it('shows the OIOXML letters with the letter viewers, a referral read-only', async () => {
    const cases = [
      [LETTERS.dischargeSummary, 'samspil-discharge-summary'],
      [LETTERS.rehabPlan, 'samspil-rehab-plan'],
      [LETTERS.referral, 'samspil-referral-form'],
    ] as const;
    for (const [path, viewer] of cases) {
      const el = await show(undefined, { src: TEST_SHARED_PREFIX + path });
      const shown = el.shadowRoot?.querySelector('[part~="viewer"]');
      expect(shown?.localName, path).to.equal(viewer);
      if (viewer === 'samspil-referral-form') expect(shown?.hasAttribute('disabled')).to.equal(true);
    }
  });

  it('says what went wrong for a missing file and for something that is no message, without a CPR number', async () => {
    const missing = await show(undefined, { src: '/__shared/medcom/examples/nothing-here.json' });
    expect(missing.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('404');
    const other = await show('{"resourceType":"Patient","id":"x","identifier":[{"value":"2509479989"}]}');
    const alert = other.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).to.contain('not a MedCom message');
    expect(alert).to.not.contain('2509479989');
    await expect(other).to.be.accessible();
  });

  it('passes language and theme on to the viewer', async () => {
    const bundle = exampleMessages().find((m) => m.name === 'acknowledgement-ok')?.bundle;
    const el = await fixture<SamspilMessage>(
      html`<samspil-message lang="en" theme="dark" .message=${bundle}></samspil-message>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="viewer"]'));
    const viewer = el.shadowRoot?.querySelector('[part~="viewer"]');
    expect(viewer?.getAttribute('lang')).to.equal('en');
    expect(viewer?.getAttribute('theme')).to.equal('dark');
  });
});
