// SPDX-License-Identifier: MIT
// The React wrappers at run time, in React 19's development build (served as ES modules by the test runner's
// config) so React's own warnings would show up as console errors.
import { expect, waitUntil } from '@open-wc/testing';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import sinon from 'sinon';
import { LETTERS, TEST_SHARED_PREFIX } from '@samspil/fixtures/letters';
import type { DischargeSummary as DischargeSummaryModel, RehabPlan as RehabPlanModel } from '@samspil/sdk/oioxml';
import type { SamspilErrorDetail } from '../events/samspil-error.js';
import type { SamspilInvalidDetail } from '../events/samspil-invalid.js';
import type { SamspilLoadDetail } from '../events/samspil-load.js';
import { SamspilPatientBanner } from '../patient-banner/patient-banner.js';
import { SamspilReferralForm } from '../referral-form/referral-form.js';
import { SamspilRehabPlan } from '../rehab-plan/rehab-plan.js';
import { DischargeSummary, PatientBanner, ReferralForm, RehabPlan } from './index.js';

const SRC = TEST_SHARED_PREFIX + LETTERS.rehabPlan;
const DISCHARGE_SRC = TEST_SHARED_PREFIX + LETTERS.dischargeSummary;

// Tells React that `act` is in use here, or it warns about it.
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

const squash = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('React wrappers (@samspil/components/react.js)', () => {
  let container: HTMLElement;
  let root: Root;
  let errors: sinon.SinonSpy;
  let warnings: sinon.SinonSpy;

  /** Renders into the test's root and lets React commit, effects included. */
  const render = (element: ReactElement) => act(() => root.render(element));

  /** What React or the elements reported on the console, for tests to assert is nothing. */
  const consoleOutput = () => [...errors.args, ...warnings.args].map((args) => args.map(String).join(' '));

  before(() => {
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  });

  after(() => {
    delete actEnvironment.IS_REACT_ACT_ENVIRONMENT;
  });

  beforeEach(() => {
    // Spies, not stubs: anything reported still reaches the test runner's log.
    errors = sinon.spy(console, 'error');
    warnings = sinon.spy(console, 'warn');
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    await act(() => root.unmount());
    container.remove();
    sinon.restore();
  });

  it('runs one React: the wrappers render through the same React as react-dom/client', async () => {
    // Two React copies would fail here with "Invalid hook call" (the wrappers use hooks).
    await render(createElement(PatientBanner, { name: 'Bruno Test Elmer' }));
    expect(container.querySelector('samspil-patient-banner')).to.be.instanceOf(SamspilPatientBanner);
    expect(consoleOutput()).to.deep.equal([]);
  });

  it('PatientBanner sets name and cpr as properties and the banner shows them', async () => {
    await render(createElement(PatientBanner, { name: 'Bruno Test Elmer', cpr: '2509479989' }));
    const el = container.querySelector('samspil-patient-banner');
    expect(el).to.be.instanceOf(SamspilPatientBanner);
    const banner = el as SamspilPatientBanner;
    expect(banner.name).to.equal('Bruno Test Elmer');
    expect(banner.cpr).to.equal('2509479989');
    // Properties, not attributes: React would otherwise have written them as attributes.
    expect(banner.hasAttribute('name')).to.equal(false);
    expect(banner.hasAttribute('cpr')).to.equal(false);
    await banner.updateComplete;
    expect(squash(part(banner, 'name'))).to.equal('Bruno Test Elmer');
    expect(squash(part(banner, 'cpr'))).to.equal('CPR-nr. 250947-9989');

    // A re-render with a new prop reaches the same element.
    await render(createElement(PatientBanner, { name: 'Karin Test', cpr: '2509479989' }));
    expect(container.querySelector('samspil-patient-banner')).to.equal(banner);
    await banner.updateComplete;
    expect(squash(part(banner, 'name'))).to.equal('Karin Test');
    expect(consoleOutput()).to.deep.equal([]);
  });

  it('RehabPlan calls onSamspilLoad with the model read from src, and onSamspilError for a bad letter', async () => {
    const onLoad = sinon.spy((_event: CustomEvent<SamspilLoadDetail>) => undefined);
    const onError = sinon.spy((_event: CustomEvent<SamspilErrorDetail>) => undefined);
    await render(createElement(RehabPlan, { src: SRC, onSamspilLoad: onLoad, onSamspilError: onError }));
    const el = container.querySelector('samspil-rehab-plan');
    expect(el).to.be.instanceOf(SamspilRehabPlan);
    await waitUntil(() => onLoad.called, 'onSamspilLoad was not called');
    expect(onLoad.callCount).to.equal(1);
    const event = onLoad.firstCall.args[0];
    expect(event.type).to.equal('samspil-load');
    const model = event.detail.model as RehabPlanModel;
    expect(model.kind).to.equal('rehab-plan');
    expect(model.rehabilitationType).to.deep.equal({ code: 'specialiseret', level: 'specialised' });
    expect(onError.called).to.equal(false);

    // A letter that is not XML, given as a prop on re-render: the letter wins over src, and reading it fails.
    await render(
      createElement(RehabPlan, { src: SRC, letter: '<not-a-letter', onSamspilLoad: onLoad, onSamspilError: onError }),
    );
    expect(container.querySelector('samspil-rehab-plan')).to.equal(el);
    await waitUntil(() => onError.called, 'onSamspilError was not called');
    expect(onError.callCount).to.equal(1);
    const error = onError.firstCall.args[0];
    expect(error.type).to.equal('samspil-error');
    expect(error.detail.message).to.be.a('string').and.not.equal('');
    expect(error.detail.issues).to.have.length.greaterThan(0);
    expect(onLoad.callCount).to.equal(1);
    expect(consoleOutput()).to.deep.equal([]);
  });

  it('ReferralForm passes sender to the element as the same object, never as an attribute', async () => {
    const sender = {
      eanIdentifier: '5790000121526',
      identifier: '079741',
      identifierCode: 'ydernummer' as const,
      organisationName: 'Lægehuset',
      referrer: { personName: 'Hans Jensen' },
    };
    const onInvalid = sinon.spy((_event: CustomEvent<SamspilInvalidDetail>) => undefined);
    await render(createElement(ReferralForm, { sender, onSamspilInvalid: onInvalid }));
    const el = container.querySelector('samspil-referral-form');
    expect(el).to.be.instanceOf(SamspilReferralForm);
    const form = el as SamspilReferralForm;
    expect(form.sender).to.equal(sender);
    expect(form.hasAttribute('sender')).to.equal(false);
    await form.updateComplete;
    const field = (name: string) =>
      form.shadowRoot!.querySelector<HTMLInputElement>(`#f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`);
    expect(field('sender.organisationName')!.value).to.equal('Lægehuset');
    expect(field('sender.referrer.personName')!.value).to.equal('Hans Jensen');

    // Submitting the otherwise empty form reaches onSamspilInvalid; the sender fields are not among the issues.
    expect(form.submit()).to.equal(false);
    expect(onInvalid.callCount).to.equal(1);
    const fields = onInvalid.firstCall.args[0].detail.issues.map((issue) => issue.field);
    expect(fields).to.include('patient.cpr');
    expect(fields).not.to.include('sender.organisationName');
    expect(fields).not.to.include('sender.referrer.personName');
    await form.updateComplete;
    expect(consoleOutput()).to.deep.equal([]);
  });

  it('unmounts cleanly: the elements leave the page and nothing is reported', async () => {
    const onPlan = sinon.spy();
    const onDischarge = sinon.spy((_event: CustomEvent<SamspilLoadDetail>) => undefined);
    await render(
      createElement(
        'div',
        null,
        createElement(PatientBanner, { name: 'Bruno Test Elmer', cpr: '2509479989' }),
        createElement(RehabPlan, { src: SRC, onSamspilLoad: onPlan }),
        createElement(DischargeSummary, { src: DISCHARGE_SRC, onSamspilLoad: onDischarge }),
        createElement(ReferralForm, { name: 'referral' }),
      ),
    );
    await waitUntil(() => onPlan.called && onDischarge.called, 'onSamspilLoad was not called');
    const discharge = onDischarge.firstCall.args[0].detail.model as DischargeSummaryModel;
    expect(discharge.kind).to.equal('discharge-summary');
    expect(discharge.diagnoses?.main?.code).to.equal('DC249');
    const tags = 'samspil-patient-banner, samspil-rehab-plan, samspil-discharge-summary, samspil-referral-form';
    expect(container.querySelectorAll(tags)).to.have.length(4);
    await act(() => root.unmount());
    expect(container.childElementCount).to.equal(0);
    expect(consoleOutput()).to.deep.equal([]);
    // The afterEach unmount must not throw on an unmounted root: give it a fresh one.
    root = createRoot(container);
  });
});
