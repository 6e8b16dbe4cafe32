// SPDX-License-Identifier: MIT
// The built dist (Lit templates whitespace-collapsed and styles minified by rollup) must render the same visible
// text as the sources: every other browser test exercises only the sources, while consumers get the dist. Each
// component is registered twice, from source under its own tag and from dist under `dist-<tag>`, fed the same
// input and compared by `innerText`, which is the text as rendered (whitespace, line breaks, text-transform).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { redactCpr } from '@samspil/sdk';
import { readOioXmlDocument, readReferral, referralToInput, type Referral } from '@samspil/sdk/oioxml';
import {
  casualtyWard,
  extras,
  longContent,
  newLetter,
  outpatient,
  withoutOptional,
  xd0134l,
} from '@samspil/fixtures/discharge-variants';
import { LETTERS, TEST_SHARED_PREFIX, fetchLetterBytes } from '@samspil/fixtures/letters';
import type { SamspilDischargeSummary } from '../discharge-summary/discharge-summary.js';
import type { SamspilPatientBanner } from '../patient-banner/patient-banner.js';
import type { SamspilReferralForm } from '../referral-form/referral-form.js';
import type { SamspilRehabPlan } from '../rehab-plan/rehab-plan.js';
import '../discharge-summary/define.js';
import '../patient-banner/define.js';
import '../referral-form/define.js';
import '../rehab-plan/define.js';

/** Where web-test-runner (serving the repository root) finds the built components. */
const DIST = '/packages/components/dist/';

/** The dist module of each component's class (not its define file) and the class it exports. */
const DIST_CLASSES = {
  'discharge-summary': ['discharge-summary/discharge-summary.js', 'SamspilDischargeSummary'],
  'patient-banner': ['patient-banner/patient-banner.js', 'SamspilPatientBanner'],
  'referral-form': ['referral-form/referral-form.js', 'SamspilReferralForm'],
  'rehab-plan': ['rehab-plan/rehab-plan.js', 'SamspilRehabPlan'],
} as const;

type Component = keyof typeof DIST_CLASSES;

/**
 * Imports the dist classes and defines them as `dist-samspil-*`; rejects, saying to build, when dist is missing.
 * The specifier is computed, so TypeScript does not resolve it; the test runner resolves the dist's own bare
 * imports (lit, @samspil/sdk) to the same modules the sources use.
 */
async function defineDist(): Promise<void> {
  for (const [component, [path, exported]] of Object.entries(DIST_CLASSES)) {
    const url = DIST + path;
    const response = await fetch(url).catch(() => undefined);
    if (!response?.ok) {
      throw new Error(`${url} is missing (HTTP ${response?.status ?? 'error'}): run npm run build first`);
    }
    const module = (await import(url)) as Record<string, unknown>;
    const element = module[exported];
    if (typeof element !== 'function') {
      throw new Error(`${url} does not export ${exported}: run npm run build first`);
    }
    const tag = `dist-samspil-${component}`;
    if (!customElements.get(tag)) customElements.define(tag, element as CustomElementConstructor);
  }
}

let distDefined: Promise<void> | undefined;
/** Every test awaits this, so a missing dist fails each test with the reason rather than passing or skipping. */
const requireDist = () => (distDefined ??= defineDist());

/** Waits until an element and every Lit element in its shadow tree have rendered. */
async function settled(host: Element): Promise<void> {
  await (host as LitElement).updateComplete;
  for (const node of host.shadowRoot?.querySelectorAll('*') ?? []) if (node.shadowRoot) await settled(node);
}

/**
 * Renders a component from source and from dist side by side in the same width, set up alike, and waits
 * for both to render (`ready`, then every nested Lit element).
 */
async function renderPair<E extends LitElement>(
  component: Component,
  setup: (el: E) => void,
  ready: (el: E) => Promise<unknown> = async () => undefined,
): Promise<{ source: E; dist: E }> {
  await requireDist();
  const container = await fixture<HTMLDivElement>(html`<div style="width: 48rem"></div>`);
  const create = (tag: string) => {
    const el = document.createElement(tag) as E;
    setup(el);
    container.append(el);
    return el;
  };
  const source = create(`samspil-${component}`);
  const dist = create(`dist-samspil-${component}`);
  for (const el of [source, dist]) {
    await settled(el);
    await ready(el);
    await settled(el);
    // Collapsed <details> hide their text from innerText; open them all, alike on both sides.
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await settled(el);
  }
  return { source, dist };
}

/**
 * The rendered text of an element's shadow tree: `innerText` of its top-level nodes, then that of every nested
 * shadow host (innerText does not enter shadow roots), each after a `[tag]` line.
 */
function renderedText(host: Element): string {
  const parts: string[] = [];
  for (const child of host.shadowRoot?.children ?? []) {
    if (child instanceof HTMLElement && !(child instanceof HTMLStyleElement)) parts.push(child.innerText);
  }
  for (const node of host.shadowRoot?.querySelectorAll('*') ?? []) {
    if (node.shadowRoot) parts.push(`[${node.localName}]`, renderedText(node));
  }
  return parts.join('\n');
}

const TEXT_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'] as const;

/** Text that is not in innerText: form controls' values and text-bearing attributes, one per line. */
function controlText(host: Element): string {
  const lines: string[] = [];
  for (const node of host.shadowRoot?.querySelectorAll('*') ?? []) {
    for (const name of TEXT_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null) lines.push(`${node.localName}#${node.id} ${name}=${value}`);
    }
    if (node instanceof HTMLInputElement && (node.type === 'checkbox' || node.type === 'radio')) {
      lines.push(`${node.localName}#${node.id} checked=${node.checked}`);
    } else if (
      node instanceof HTMLInputElement ||
      node instanceof HTMLSelectElement ||
      node instanceof HTMLTextAreaElement
    ) {
      lines.push(`${node.localName}#${node.id} value=${node.value}`);
    }
    if (node.shadowRoot) lines.push(controlText(node));
  }
  return lines.join('\n');
}

/** Masks CPR numbers (and, erring on the safe side, any 10-digit run) for assertion messages. */
const redact = (text: string) => redactCpr(text).replace(/\d{6}\s*-?\s*\d{4}/g, '**********');

/** Where two texts first differ, with some context, CPR numbers redacted: for the assertion message only. */
function firstDifference(source: string, dist: string): string {
  const sourceLines = source.split('\n');
  const distLines = dist.split('\n');
  let line = 0;
  while (line < Math.max(sourceLines.length, distLines.length) && sourceLines[line] === distLines[line]) line++;
  const left = redact(sourceLines[line] ?? '');
  const right = redact(distLines[line] ?? '');
  if (left === right) return `line ${line + 1} differs inside a redacted number`;
  let column = 0;
  while (column < left.length && left[column] === right[column]) column++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, column - 30), column + 30));
  const lineOf = (lines: readonly string[]) => (line < lines.length ? '' : ' (past the end)');
  const differing = Array.from(
    { length: Math.max(sourceLines.length, distLines.length) },
    (_, i) => sourceLines[i] !== distLines[i],
  ).filter(Boolean).length;
  return (
    `first difference (of ${differing} differing lines) at line ${line + 1}, column ${column + 1}: ` +
    `source${lineOf(sourceLines)} ${around(left)}, dist${lineOf(distLines)} ${around(right)}`
  );
}

/** Asserts the pair renders the same text and that the text is real (contains `known`, from the fixture). */
function expectSameText(pair: { source: Element; dist: Element }, known: string, read = renderedText): void {
  const source = read(pair.source);
  const dist = read(pair.dist);
  // Compared as booleans, so chai never prints the texts (which hold CPR numbers) itself.
  expect(source.includes(known), `the source rendering does not contain "${known}"`).to.equal(true);
  expect(
    dist === source,
    `dist renders other text than the source (rebuild with npm run build if the sources changed); ` +
      firstDifference(source, dist),
  ).to.equal(true);
}

// ---------------------------------------------------------------------------------------------------------------

/** Shown by the viewers once read; both viewers render their letter in `[part~="base"]`. */
const rendered = (el: LitElement) =>
  waitUntil(() => el.shadowRoot?.querySelector('[part~="base"]'), `<${el.localName}> did not render its letter`);

describe('dist parity: the built components render the same text as the sources', () => {
  describe('<samspil-discharge-summary>', () => {
    let official = '';
    let officialBytes: Uint8Array = new Uint8Array();

    before(async () => {
      officialBytes = await fetchLetterBytes(TEST_SHARED_PREFIX + LETTERS.dischargeSummary);
      official = new TextDecoder('windows-1252').decode(officialBytes);
    });

    const KNOWN = 'Indlagt af vagtlæge. Egen læge har foretaget ambulant udredning.';
    const show = (letter: () => string | Uint8Array, attributes: { lang?: string; printPreview?: boolean } = {}) =>
      renderPair<SamspilDischargeSummary>(
        'discharge-summary',
        (el) => {
          el.letter = letter();
          if (attributes.lang) el.lang = attributes.lang;
          el.printPreview = attributes.printPreview ?? false;
        },
        rendered,
      );

    it('the official example (DIS01_1)', async () => {
      expectSameText(await show(() => officialBytes), KNOWN);
    });

    const variants: [string, (xml: string) => string][] = [
      ['outpatient (XDIS02)', outpatient],
      ['casualty ward (XDIS03)', casualtyWard],
      ['XD0134L with every optional part', (xml) => xd0134l(extras(xml))],
      ['a new letter', newLetter],
      ['optional parts missing', withoutOptional],
      ['ten clinical information blocks', longContent],
    ];
    for (const [name, change] of variants) {
      it(`the variant: ${name}`, async () => {
        expectSameText(await show(() => change(official)), KNOWN);
      });
    }

    it('in English, with every optional part', async () => {
      expectSameText(await show(() => extras(official), { lang: 'en' }), KNOWN);
    });

    it('in print preview', async () => {
      expectSameText(await show(() => xd0134l(extras(official)), { printPreview: true }), KNOWN);
    });
  });

  describe('<samspil-rehab-plan>', () => {
    let official = '';

    before(async () => {
      official = new TextDecoder('utf-8').decode(await fetchLetterBytes(TEST_SHARED_PREFIX + LETTERS.rehabPlan));
    });

    const KNOWN = 'Odense Universitetshospital';
    const TYPE_ELEMENT = '<TypeOfRehabilitationPlan>specialiseret</TypeOfRehabilitationPlan>';
    const withType = (type: string) => (xml: string) =>
      xml.replace(TYPE_ELEMENT, `<TypeOfRehabilitationPlan>${type}</TypeOfRehabilitationPlan>`);
    const without =
      (...names: string[]) =>
      (xml: string) =>
        names.reduce(
          (out, name) => out.replace(new RegExp(`<(\\w+:)?${name}[\\s>][\\s\\S]*?</(\\w+:)?${name}>`, 'g'), ''),
          xml,
        );

    const show = (
      change: (xml: string) => string,
      attributes: { referenceDate?: string; lang?: string; printPreview?: boolean } = {},
    ) =>
      renderPair<SamspilRehabPlan>(
        'rehab-plan',
        (el) => {
          el.letter = change(official);
          el.referenceDate = attributes.referenceDate ?? '2014-12-20';
          if (attributes.lang) el.lang = attributes.lang;
          el.printPreview = attributes.printPreview ?? false;
        },
        rendered,
      );

    it('the official example (ggop.xml)', async () => {
      const pair = await show((xml) => xml);
      expectSameText(pair, KNOWN);
      expectSameText(pair, 'Specialiseret genoptræning');
    });

    for (const referenceDate of ['2014-12-27', '2015-01-30']) {
      it(`the deadline seen on ${referenceDate}`, async () => {
        expectSameText(await show((xml) => xml, { referenceDate }), KNOWN);
      });
    }

    for (const type of ['almen', 'basal', 'avanceret', 'rehabilitering', 'noget helt andet']) {
      it(`the type "${type}"`, async () => {
        expectSameText(await show(withType(type)), KNOWN);
      });
    }

    it('optional parts missing and unknown content', async () => {
      const change = (xml: string) =>
        without(
          'Relatives',
          'JournalExcerpt',
          'HealthCareTeam',
          'ConsentInformed',
          'ExpectedEnd',
        )(xml).replace('<FinalResult>', '<Mystery>Ukendt felt</Mystery><FinalResult>');
      expectSameText(await show(change), KNOWN);
    });

    it('in English and in print preview', async () => {
      expectSameText(await show((xml) => xml, { lang: 'en' }), KNOWN);
      expectSameText(await show((xml) => xml, { printPreview: true }), KNOWN);
    });
  });

  describe('<samspil-referral-form>', () => {
    let official: Referral | undefined;

    before(async () => {
      const read = readOioXmlDocument(await fetchLetterBytes(TEST_SHARED_PREFIX + LETTERS.referral));
      if (!read.ok) throw new Error('the official referral is unreadable');
      const referral = readReferral(read);
      if (!referral.ok) throw new Error('the official referral is not a referral');
      official = referral.model;
    });

    const SENDER = {
      eanIdentifier: '5790000121526',
      identifier: '079741',
      identifierCode: 'ydernummer' as const,
      organisationName: 'Lægehuset',
      telephone: '45121314',
      referrer: { personName: 'Hans Jensen' },
    };

    /** The form's text and its controls' values, both compared. */
    const expectSameForm = (pair: { source: Element; dist: Element }, knownText: string, knownValue: string) => {
      expectSameText(pair, knownText);
      expectSameText(pair, knownValue, controlText);
    };

    /** Submits the inner form, so every error and the error summary show. */
    const submitted = async (el: SamspilReferralForm) => {
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await el.updateComplete;
    };

    it('prefilled from the official example (REF01_1), with a host sender', async () => {
      const pair = await renderPair<SamspilReferralForm>('referral-form', (el) => {
        el.value = official;
        el.sender = SENDER;
      });
      expectSameForm(pair, 'Sygehushenvisning', 'value=Berggren');
    });

    it('prefilled as input, in English, after a submit', async () => {
      const pair = await renderPair<SamspilReferralForm>(
        'referral-form',
        (el) => {
          el.value = referralToInput(official!);
          el.lang = 'en';
        },
        submitted,
      );
      expectSameForm(pair, 'Hospital referral', 'value=Berggren');
    });

    it('empty with only the sender, after a submit: errors, error summary and the CPR warning', async () => {
      const pair = await renderPair<SamspilReferralForm>(
        'referral-form',
        (el) => {
          el.sender = SENDER;
          // MedCom's test person Bruno, whose CPR number fails modulus 11: a warning, not an error.
          el.value = { ...referralToInput(official!), patient: { cpr: '2509479989', surname: '' } };
        },
        submitted,
      );
      expectSameForm(pair, 'Skal udfyldes', 'value=Lægehuset');
      expect(pair.dist.shadowRoot!.querySelector('[part~="warning"]'), 'the CPR warning shows').to.exist;
      expect(pair.dist.shadowRoot!.querySelector('[part~="error-summary"]'), 'the error summary shows').to.exist;
    });
  });

  describe('<samspil-patient-banner>', () => {
    const show = (setup: (el: SamspilPatientBanner) => void) =>
      renderPair<SamspilPatientBanner>('patient-banner', (el) => {
        el.referenceDate = '2026-11-25';
        setup(el);
      });

    it('name, CPR number, age and sex', async () => {
      const pair = await show((el) => {
        el.name = 'Bruno Test Elmer';
        el.cpr = '2509479989';
      });
      expectSameText(pair, 'Bruno Test Elmer');
      expectSameText(pair, '79 år');
    });

    it('an invalid CPR number, in English, as a heading', async () => {
      const pair = await show((el) => {
        el.lang = 'en';
        el.headingLevel = 2;
        el.cpr = '3102471234';
      });
      expectSameText(pair, 'invalid CPR number');
    });

    it('a FHIR Patient', async () => {
      const pair = await show((el) => {
        el.patient = {
          resourceType: 'Patient',
          identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '1509819996' }],
          name: [{ use: 'official', family: 'Elmer', given: ['Bruno', 'Test'] }],
          gender: 'male',
          birthDate: '1981-09-15',
        };
      });
      expectSameText(pair, 'Elmer');
    });
  });
});
