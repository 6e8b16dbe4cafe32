// SPDX-License-Identifier: MIT
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { HOSTILE_PAYLOADS, LETTERS, TEST_SHARED_PREFIX, fetchLetterBytes } from '@samspil/fixtures/letters';
import {
  PRIORITY_LABELS,
  formattedTextToPlain,
  plainToFormattedText,
  labelOf,
  readOioXmlDocument,
  readReferral,
  referralToInput,
  type Referral,
  type ReferralInput,
} from '@samspil/sdk/oioxml';
import { resetStrings, setStrings } from '../i18n/localize.js';
import { expectNoGlobalStyles, HOSTILE_PAGE_CSS, tabThrough } from '../internal/browser.test-support.js';
import type { ReferralDraft } from '../events/samspil-draft.js';
import type { SamspilReferralForm } from './referral-form.js';
import './define.js';

const id = (field: string) => `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
const control = <T extends HTMLElement = HTMLInputElement>(el: SamspilReferralForm, field: string) => {
  const found = el.shadowRoot!.querySelector<T>(`#${id(field)}`);
  if (!found) throw new Error(`No control for ${field}`);
  return found;
};
const part = (el: SamspilReferralForm, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const errorOf = (el: SamspilReferralForm, field: string) => {
  const ids = control(el, field).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .map((ref) => el.shadowRoot!.getElementById(ref))
    .filter((node) => node?.classList.contains('field__error'))
    .map(textOf)
    .join(' ');
};

/** The next event of a kind, typed as the element declares it. */
const next = <K extends 'samspil-submit' | 'samspil-invalid' | 'samspil-draft'>(el: EventTarget, name: K) =>
  oneEvent(el, name) as Promise<GlobalEventHandlersEventMap[K]>;

/** Types as a user does: focus the field, then key presses. */
async function type(el: SamspilReferralForm, field: string, text: string): Promise<void> {
  control(el, field).focus();
  await sendKeys({ type: text });
}

/** Sets a field as typing or choosing would, firing `input` and `change`. */
function set(el: SamspilReferralForm, field: string, value: string): void {
  const target = control<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(el, field);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
}

const VALID: Record<string, string> = {
  'patient.cpr': '2406444917',
  'patient.givenName': 'Ole',
  'patient.surname': 'Berggren',
  'receiver.eanIdentifier': '5790000201389',
  'receiver.identifier': '2001060',
  'receiver.identifierCode': 'sygehusafdelingsnummer',
  'sender.eanIdentifier': '5790000121526',
  'sender.identifier': '079741',
  'sender.identifierCode': 'ydernummer',
  'sender.organisationName': 'Lægehuset',
  'sender.referrer.personName': 'Hans Jensen',
  priority: 'elektiv',
  clinicalReason: 'Hypertensionsudredning\nsamt diætvejledning',
};

async function fillValid(el: SamspilReferralForm, values: Record<string, string> = VALID): Promise<void> {
  for (const [field, value] of Object.entries(values)) set(el, field, value);
  await el.updateComplete;
}

const officialBytes = () => fetchLetterBytes(TEST_SHARED_PREFIX + LETTERS.referral);

function readBack(xml: string): Referral {
  const read = readOioXmlDocument(xml);
  if (!read.ok) throw new Error(read.issues[0]?.message);
  const referral = readReferral(read);
  if (!referral.ok) throw new Error(referral.issues[0]?.message);
  return referral.model;
}

async function officialModel(): Promise<Referral> {
  const read = readOioXmlDocument(await officialBytes());
  if (!read.ok) throw new Error('unreadable');
  const referral = readReferral(read);
  if (!referral.ok) throw new Error('not a referral');
  return referral.model;
}

/** `text` repeated and cut to exactly `length` characters: a field filled to its XSD limit. */
const fit = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** Every field the form shows at its XH0130R limit (MedCom's test person Bruno, whose CPR fails modulus 11). */
const atLimits = (): ReferralInput => ({
  sender: {
    eanIdentifier: '5790000121526',
    identifier: fit('079741', 17),
    identifierCode: 'ydernummer',
    organisationName: fit('Lægehuset Vestergade ', 35),
    departmentName: fit('Almen praksis ', 35),
    referrer: { personName: fit('Hans Jensen ', 35), personTitle: fit('Uddannelsesamanuensis ', 35) },
  },
  receiver: {
    eanIdentifier: '5790000201389',
    identifier: fit('2001060', 17),
    identifierCode: 'sygehusafdelingsnummer',
    organisationName: fit('Nordsjællands Hospital ', 35),
    departmentName: fit('Medicinsk afdeling B ', 35),
  },
  patient: {
    cpr: '2509479989',
    givenName: fit('Bruno Test ', 70),
    surname: fit('Elmer ', 70),
    streetName: fit('Park Alle 48 ', 35),
    postCodeIdentifier: fit('3400', 9),
    districtName: fit('Hillerød ', 35),
    telephones: (['fastnet', 'mobil', 'arbejde'] as const).map((code) => ({ number: fit('48 30 22 23 ', 25), code })),
    email: `${fit('bruno.elmer.', 54)}@example.invalid`,
  },
  priority: 'akut',
  diagnosis: { code: fit('DI10', 17), typeCode: 'SKSdiagnosekode', text: fit('Blodtryksforhøjelse. ', 70) },
  additionalDiagnoses: Array.from({ length: 5 }, (_, i) => ({
    descriptionCode: 'bidiagnose' as const,
    code: fit(`DE65${i}`, 17),
    typeCode: 'SKSdiagnosekode' as const,
    text: fit(`Bidiagnose ${i + 1}. `, 70),
  })),
  anamnesis: plainToFormattedText(fit('Lang anamnese.\n', 3000)),
  references: Array.from({ length: 10 }, (_, i) => ({
    description: fit(`Røntgenbeskrivelse ${i + 1}. `, 70),
    url: `https://example.invalid/${fit(`billeder/${i + 1}/`, 326)}`,
  })),
});

const withoutHeader = (input: ReferralInput | ReferralDraft) => ({ ...input, header: undefined });

describe('<samspil-referral-form>', () => {
  afterEach(() => resetStrings());

  it('is accessible when empty', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible prefilled from the official example, in English and dark', async () => {
    const value = referralToInput(await officialModel());
    const el = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form lang="en" theme="dark" .value=${value}></samspil-referral-form>`,
    );
    await expect(el).to.be.accessible();
  });

  it('is accessible with every error shown, the CPR warning and rows', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    part(el, 'add-button')!.click();
    await el.updateComplete;
    set(el, 'patient.cpr', '2509479989');
    set(el, 'sender.organisationName', 'x'.repeat(36));
    el.submit();
    await el.updateComplete;
    expect(part(el, 'error-summary')).to.exist;
    expect(part(el, 'warning')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible when disabled, and in a dark host with errors', async () => {
    const el = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form disabled theme="dark"></samspil-referral-form>`,
    );
    await expect(el).to.be.accessible();
    el.disabled = false;
    await el.updateComplete;
    el.submit();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible and valid at the XSD limits, dark, with the CPR warning', async () => {
    const el = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form theme="dark" .value=${atLimits()}></samspil-referral-form>`,
    );
    await expect(el).to.be.accessible();
    expect(el.checkValidity()).to.equal(true);
    expect(part(el, 'warning')).to.exist;
    const [addDiagnosis, addReference] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="add-button"]');
    expect(addDiagnosis!.disabled).to.equal(true);
    expect(addReference!.disabled).to.equal(true);
    expect(textOf(addReference!.parentElement)).to.contain('Højst 10 referencer.');
    setTimeout(() => el.submit());
    const { detail } = await next(el, 'samspil-submit');
    const back = readBack(detail.xml);
    expect(back.references).to.have.length(10);
    expect(back.additionalDiagnoses).to.have.length(5);
    expect(back.patient.surname).to.have.length(70);
  });

  it('is accessible inside a host form, and fits 320 px without scrolling sideways', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form style="width: 320px">
        <samspil-referral-form name="referral" .value=${atLimits()}></samspil-referral-form>
        <button>Send</button>
      </form>`,
    );
    const el = form.querySelector('samspil-referral-form')!;
    await el.updateComplete;
    await expect(form).to.be.accessible();
    expect(el.getBoundingClientRect().width).to.equal(320);
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('input, select, textarea, button, legend')) {
      expect(node.getBoundingClientRect().right, node.id || node.textContent!).to.be.at.most(
        el.getBoundingClientRect().right + 0.5,
      );
    }
  });

  it('takes typed input from the keyboard', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await type(el, 'patient.surname', 'Berggren');
    await type(el, 'patient.cpr', '240644-4917');
    await type(el, 'clinicalReason', 'Første linje\nAnden linje');
    const draft = el.draft;
    expect(draft.patient?.surname).to.equal('Berggren');
    expect(draft.patient?.cpr).to.equal('2406444917');
    expect(formattedTextToPlain(draft.clinicalReason ?? [])).to.equal('Første linje\nAnden linje');
    expect(draft.clinicalReason?.some((node) => node.kind === 'break')).to.equal(true);
  });

  it('shows field errors, aria-invalid and an error summary when submitted empty, and emits samspil-invalid', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    expect(part(el, 'error-summary')).to.equal(null);
    expect(control(el, 'patient.surname').getAttribute('aria-invalid')).to.equal(null);
    setTimeout(() => part(el, 'submit-button')!.click());
    const { detail } = await next(el, 'samspil-invalid');
    const fields = detail.issues.map((issue) => issue.field);
    expect(fields).to.include.members([
      'patient.cpr',
      'patient.surname',
      'receiver.eanIdentifier',
      'receiver.identifier',
      'receiver.identifierCode',
      'sender.eanIdentifier',
      'sender.organisationName',
      'sender.referrer.personName',
    ]);
    expect(fields[0]).to.equal('patient.cpr');
    expect(detail.issues.find((issue) => issue.field === 'patient.surname')?.message).to.equal('Skal udfyldes');
    await el.updateComplete;
    const surname = control(el, 'patient.surname');
    expect(surname.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'patient.surname')).to.equal('Fejl: Skal udfyldes');
    expect(errorOf(el, 'patient.cpr')).to.equal('Fejl: Angiv patientens CPR-nummer');
    const summary = part(el, 'error-summary')!;
    await waitUntil(() => el.shadowRoot!.activeElement === summary, 'the summary takes focus');
    expect(textOf(summary)).to.contain(`Der er ${detail.issues.length} fejl i henvisningen`);
    const link = [...summary.querySelectorAll('a')].find((a) => textOf(a).startsWith('Patient, Efternavn'))!;
    expect(textOf(link)).to.equal('Patient, Efternavn: Skal udfyldes');
    link.click();
    expect(el.shadowRoot!.activeElement).to.equal(surname);
    expect(location.hash).to.equal('');
    // Fixing a field clears its error at once.
    set(el, 'patient.surname', 'Berggren');
    await el.updateComplete;
    expect(surname.getAttribute('aria-invalid')).to.equal(null);
    expect(errorOf(el, 'patient.surname')).to.equal('');
  });

  it('submits with Enter in a field', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    control(el, 'patient.surname').focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const { detail } = await next(el, 'samspil-invalid');
    expect(detail.issues.length).to.be.greaterThan(0);
  });

  it('emits a typed samspil-submit whose XML reads back to the same values', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await fillValid(el);
    set(el, 'patient.telephones[1].number', '20222324');
    set(el, 'patient.telephones[1].code', 'fastnet');
    set(el, 'diagnosis.code', 'DI10');
    set(el, 'diagnosis.text', 'Blodtryksforhøjelse af ukendt årsag.');
    part(el, 'add-button')!.click();
    await el.updateComplete;
    set(el, 'additionalDiagnoses[0].descriptionCode', 'tillaegsdiagnose');
    set(el, 'additionalDiagnoses[0].code', 'DE659');
    set(el, 'additionalDiagnoses[0].text', 'Fedme u. spec');
    set(el, 'cave', 'Penicillin');
    setTimeout(() => part(el, 'submit-button')!.click());
    const event = await next(el, 'samspil-submit');
    expect(event.cancelable).to.equal(true);
    const { referral, xml } = event.detail;
    expect(referral.patient.surname).to.equal('Berggren');
    expect(referral.patient.telephones).to.deep.equal([{ number: '20222324', code: 'fastnet' }]);
    expect(xml).to.match(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const model = readBack(xml);
    expect(model.patient.cpr).to.equal('2406444917');
    expect(model.patient.surname).to.equal('Berggren');
    expect(model.priority).to.equal('elektiv');
    expect(model.diagnosis?.code).to.equal('DI10');
    expect(model.additionalDiagnoses[0]?.descriptionCode).to.equal('tillaegsdiagnose');
    expect(formattedTextToPlain(model.clinicalReason ?? [])).to.equal('Hypertensionsudredning\nsamt diætvejledning');
    expect(withoutHeader(referralToInput(model))).to.deep.equal(withoutHeader(referral));
    expect(model.header.identifier).to.match(/^[0-9A-Z]{14}$/);
  });

  it('warns about a CPR number that fails modulus 11, without blocking', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await fillValid(el, { ...VALID, 'patient.cpr': '' });
    await type(el, 'patient.cpr', '2509479989');
    await el.updateComplete;
    const cpr = control(el, 'patient.cpr');
    const warning = part(el, 'warning')!;
    expect(textOf(warning)).to.contain('modulus 11');
    expect(cpr.getAttribute('aria-describedby')).to.contain(warning.id);
    expect(cpr.getAttribute('aria-invalid')).to.equal(null);
    expect(el.checkValidity()).to.equal(true);
    setTimeout(() => el.submit());
    const { detail } = await next(el, 'samspil-submit');
    expect(readBack(detail.xml).patient.cpr).to.equal('2509479989');
  });

  it('refuses a CPR number with an impossible date or shape, and a wrong EAN check digit', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await fillValid(el, { ...VALID, 'patient.cpr': '3102471234', 'receiver.eanIdentifier': '5790000201388' });
    el.submit();
    await el.updateComplete;
    expect(errorOf(el, 'patient.cpr')).to.equal('Fejl: CPR-nummeret begynder ikke med en gyldig fødselsdato');
    expect(errorOf(el, 'receiver.eanIdentifier')).to.contain('Kontrolcifferet passer ikke');
    set(el, 'patient.cpr', '24064449');
    await el.updateComplete;
    expect(errorOf(el, 'patient.cpr')).to.contain('Et CPR-nummer er 10 cifre');
    expect(el.validationMessage).to.contain('CPR-nummer:');
    expect(el.validationMessage).not.to.contain('24064449');
  });

  it('prefills from the official example and writes it back unchanged', async () => {
    const model = await officialModel();
    const el = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form .value=${model}></samspil-referral-form>`,
    );
    expect(control(el, 'patient.cpr').value).to.equal('2406444917');
    expect(control(el, 'patient.surname').value).to.equal('Berggren');
    expect(control(el, 'receiver.organisationName').value).to.equal('Hillerød Sygehus');
    expect(control<HTMLSelectElement>(el, 'priority').value).to.equal('elektiv');
    expect(control<HTMLSelectElement>(el, 'transport').value).to.equal('ingen');
    expect(control(el, 'diagnosis.code').value).to.equal('DI10');
    expect(control<HTMLSelectElement>(el, 'additionalDiagnoses[0].descriptionCode').value).to.equal('tillaegsdiagnose');
    expect(control<HTMLTextAreaElement>(el, 'anamnesis').value).to.contain('\n Gift fabrikant.');
    expect(control(el, 'patient.telephones[1].number').value).to.equal('20222324');
    // What the form has no field for is listed, collapsed, and sent unchanged.
    const carried = part(el, 'carried') as HTMLDetailsElement;
    expect(carried.open).to.equal(false);
    expect(textOf(carried.querySelector('summary'))).to.match(/^Oplysninger, der sendes uændret \(\d+\)$/);
    expect(textOf(carried)).to.contain('Svarkopimodtager answerCcReceiver.organisationName _');
    expect(textOf(carried)).to.contain('Pårørende relatives[0].surname Berggren');
    expect(textOf(carried)).to.contain('Patient patient.title Kleinsmed');
    expect(textOf(carried)).to.contain('Brev header.identifier Brv5678');
    expect(textOf(carried)).not.to.contain('patient.surname');
    carried.open = true;
    await expect(el).to.be.accessible();
    expect(el.checkValidity()).to.equal(true);
    setTimeout(() => el.submit());
    const { detail } = await next(el, 'samspil-submit');
    const back = readBack(detail.xml);
    // Everything XH0130R carries comes back, the parts the form does not show (relative, copy receiver) included.
    expect(referralToInput(back)).to.deep.equal(referralToInput(model));
  });

  it('takes part in a host form: FormData holds the XML, errors block submission, reset clears', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><samspil-referral-form name="referral"></samspil-referral-form><button>Send</button></form>`,
    );
    const el = form.querySelector('samspil-referral-form')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    const submitted = sinon.spy((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    const invalid = sinon.spy();
    el.addEventListener('samspil-invalid', invalid);

    expect(new FormData(form).has('referral')).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(part(el, 'error-summary')).to.equal(null);
    form.requestSubmit();
    expect(submitted.called).to.equal(false);
    await el.updateComplete;
    expect(invalid.called).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]').length).to.be.greaterThan(3);

    await fillValid(el);
    expect(el.checkValidity()).to.equal(true);
    expect(el.reportValidity()).to.equal(true);
    const xml = new FormData(form).get('referral');
    expect(xml).to.be.a('string');
    expect(readBack(xml as string).patient.surname).to.equal('Berggren');
    form.requestSubmit();
    expect(submitted.calledOnce).to.equal(true);

    form.reset();
    await el.updateComplete;
    expect(control(el, 'patient.surname').value).to.equal('');
    expect(control<HTMLSelectElement>(el, 'priority').value).to.equal('');
    expect(new FormData(form).has('referral')).to.equal(false);
  });

  it('submits the host form after samspil-submit unless it is cancelled', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><samspil-referral-form name="referral"></samspil-referral-form></form>`,
    );
    const el = form.querySelector('samspil-referral-form')!;
    await fillValid(el);
    const submitted = sinon.spy((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    el.addEventListener('samspil-submit', (event) => event.preventDefault(), { once: true });
    expect(el.submit()).to.equal(false);
    expect(submitted.called).to.equal(false);
    expect(el.submit()).to.equal(true);
    expect(submitted.calledOnce).to.equal(true);
  });

  it('is disabled by a disabled fieldset and left out of the form data', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><samspil-referral-form name="referral"></samspil-referral-form></fieldset>
      </form>`,
    );
    const el = form.querySelector('samspil-referral-form')!;
    await el.updateComplete;
    await fillValid(el);
    expect(control(el, 'patient.surname').disabled).to.equal(true);
    expect((part(el, 'submit-button') as HTMLButtonElement).disabled).to.equal(true);
    expect(new FormData(form).has('referral')).to.equal(false);
    expect(el.submit()).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(control(el, 'patient.surname').disabled).to.equal(false);
    expect(new FormData(form).has('referral')).to.equal(true);
  });

  it('resets a host form to the prefilled value', async () => {
    const value = referralToInput(await officialModel());
    const form = await fixture<HTMLFormElement>(
      html`<form><samspil-referral-form name="r" .value=${value}></samspil-referral-form></form>`,
    );
    const el = form.querySelector('samspil-referral-form')!;
    await el.updateComplete;
    set(el, 'patient.surname', 'Andersen');
    form.reset();
    await el.updateComplete;
    expect(control(el, 'patient.surname').value).to.equal('Berggren');
  });

  it('emits debounced drafts, saves them to draftStorage and restores them', async () => {
    const save = sinon.spy();
    const stored: ReferralDraft = { patient: { surname: 'Gemt' }, priority: 'akut' };
    const el = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form .draftStorage=${{ load: () => stored, save }}></samspil-referral-form>`,
    );
    expect(control(el, 'patient.surname').value).to.equal('Gemt');
    expect(control<HTMLSelectElement>(el, 'priority').value).to.equal('akut');
    const drafts = sinon.spy();
    el.addEventListener('samspil-draft', drafts);
    await type(el, 'patient.givenName', 'Ole');
    expect(drafts.called).to.equal(false);
    const { detail } = await next(el, 'samspil-draft');
    expect(drafts.callCount).to.equal(1);
    expect(detail.draft.patient?.givenName).to.equal('Ole');
    expect(save.lastCall.args[0].patient.givenName).to.equal('Ole');

    // The draft property round trip: a new form restores every field, and writes the same letter.
    await fillValid(el);
    part(el, 'add-button')!.click();
    await el.updateComplete;
    set(el, 'additionalDiagnoses[0].descriptionCode', 'bidiagnose');
    set(el, 'additionalDiagnoses[0].text', 'Fedme');
    const draft = JSON.parse(JSON.stringify(el.draft)) as ReferralDraft;
    const copy = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form .draft=${draft}></samspil-referral-form>`,
    );
    expect(control(copy, 'patient.surname').value).to.equal('Berggren');
    expect(control<HTMLTextAreaElement>(copy, 'clinicalReason').value).to.equal(VALID['clinicalReason']);
    expect(control(copy, 'additionalDiagnoses[0].text').value).to.equal('Fedme');
    expect(copy.draft).to.deep.equal(draft);
    const [a, b] = await Promise.all([
      next(el, 'samspil-submit'),
      next(copy, 'samspil-submit'),
      el.submit(),
      copy.submit(),
    ]);
    expect(readBack(a.detail.xml).header.identifier).to.equal(readBack(b.detail.xml).header.identifier);
    expect(a.detail.referral).to.deep.equal(b.detail.referral);
  });

  it('reports validity on request, and restores the state a browser saved', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    const invalid = sinon.spy();
    el.addEventListener('samspil-invalid', invalid);
    expect(el.checkValidity()).to.equal(false);
    await el.updateComplete;
    expect(invalid.called).to.equal(false);
    expect(part(el, 'error-summary')).to.equal(null);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(invalid.calledOnce).to.equal(true);
    expect(part(el, 'error-summary')).to.exist;
    el.formStateRestoreCallback(JSON.stringify({ patient: { surname: 'Gendannet' } }));
    await el.updateComplete;
    expect(control(el, 'patient.surname').value).to.equal('Gendannet');
    el.formStateRestoreCallback('not json');
    expect(control(el, 'patient.surname').value).to.equal('Gendannet');
  });

  it('fills empty sender fields from the host sender', async () => {
    const sender = {
      eanIdentifier: '5790000121526',
      identifier: '079741',
      identifierCode: 'ydernummer' as const,
      organisationName: 'Lægehuset',
      telephone: '45121314',
      referrer: { personName: 'Hans Jensen' },
    };
    const el = await fixture<SamspilReferralForm>(
      html`<samspil-referral-form .sender=${sender}></samspil-referral-form>`,
    );
    expect(control(el, 'sender.organisationName').value).to.equal('Lægehuset');
    expect(control(el, 'sender.referrer.personName').value).to.equal('Hans Jensen');
    expect(el.draft.sender?.telephone).to.equal('45121314');
    expect(textOf(part(el, 'carried'))).to.contain('sender.telephone 45121314');
  });

  it('adds and removes diagnosis rows up to the XSD limit, keeping focus sensible', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    const add = el.shadowRoot!.querySelector<HTMLButtonElement>('#add-diagnosis')!;
    for (let i = 0; i < 5; i++) {
      add.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.activeElement === control(el, `additionalDiagnoses[${i}].descriptionCode`));
    }
    expect(add.disabled).to.equal(true);
    expect(textOf(add.parentElement)).to.contain('Højst 5 yderligere diagnoser.');
    set(el, 'additionalDiagnoses[2].text', 'Tredje');
    set(el, 'additionalDiagnoses[3].text', 'Fjerde');
    const remove = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="remove-button"]')];
    expect(textOf(remove[2])).to.equal('Fjern yderligere diagnose 3');
    remove[2]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The row that took its place has focus, and the rows kept their values.
    await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'additionalDiagnoses[2].descriptionCode'));
    expect(control(el, 'additionalDiagnoses[2].text').value).to.equal('Fjerde');
    expect(add.disabled).to.equal(false);
    for (let i = 3; i >= 0; i--) {
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="remove-button"]')[i]!.click();
      await el.updateComplete;
      await aTimeout(0);
    }
    expect(el.shadowRoot!.activeElement).to.equal(add);
  });

  it('shows XSD limit errors as field errors', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await fillValid(el, { ...VALID, 'sender.organisationName': '' });
    await type(el, 'sender.organisationName', 'A'.repeat(36));
    control(el, 'sender.referrer.personName').focus(); // leaving the field shows its error
    await el.updateComplete;
    expect(errorOf(el, 'sender.organisationName')).to.equal('Fejl: Højst 35 tegn');
    expect(control(el, 'sender.organisationName').getAttribute('aria-invalid')).to.equal('true');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Afsender, Organisation: Højst 35 tegn');
    set(el, 'sender.organisationName', 'A'.repeat(35));
    set(el, 'patient.surname', 'B'.repeat(71));
    el.submit();
    await el.updateComplete;
    expect(errorOf(el, 'sender.organisationName')).to.equal('');
    expect(errorOf(el, 'patient.surname')).to.equal('Fejl: Højst 70 tegn');
    set(el, 'patient.surname', 'B'.repeat(70));
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });

  it('writes hostile text typed into every field as escaped text and never renders it', async function () {
    this.timeout(20000); // typing some 700 characters key by key takes a few seconds
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    await fillValid(el, { ...VALID, 'patient.givenName': '', 'patient.surname': '', clinicalReason: '' });
    part(el, 'add-button')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-reference')!.click();
    await el.updateComplete;
    set(el, 'additionalDiagnoses[0].descriptionCode', 'bidiagnose');
    const short = ['<i>&"\'', '<s>&"\'</s>', '<img src=x onerror=y>', '<svg onload="x()">&amp;'];
    const payloadFor = (limit: number) =>
      [...HOSTILE_PAYLOADS, ...short].find((payload) => payload.length <= limit) ?? '';
    const fields: Record<string, number> = {
      'patient.givenName': 70,
      'patient.surname': 70,
      'patient.streetName': 35,
      'patient.postCodeIdentifier': 9,
      'patient.districtName': 35,
      'patient.telephones[0].number': 25,
      'patient.email': 70,
      'receiver.organisationName': 35,
      'receiver.departmentName': 35,
      'sender.departmentName': 35,
      'sender.referrer.personTitle': 35,
      'diagnosis.code': 17,
      'diagnosis.text': 70,
      'additionalDiagnoses[0].code': 17,
      'additionalDiagnoses[0].text': 70,
      'references[0].description': 70,
      'references[0].url': 350,
    };
    for (const [field, limit] of Object.entries(fields)) await type(el, field, payloadFor(limit));
    const texts = ['clinicalReason', 'supplementary', 'cave', 'anamnesis', 'examination', 'actualMedicine'];
    const multiline = (i: number) => `${HOSTILE_PAYLOADS[i % HOSTILE_PAYLOADS.length]}\n${short[i % short.length]}`;
    for (const [i, field] of texts.entries()) await type(el, field, multiline(i));

    setTimeout(() => el.submit());
    const { detail } = await next(el, 'samspil-submit');
    expect(detail.xml).not.to.match(/<(script|img|svg|i|s)[\s>]/);
    expect(detail.xml).to.contain('&lt;script&gt;');
    const model = readBack(detail.xml);
    expect(model.patient.givenName).to.equal(payloadFor(70));
    expect(model.patient.postCodeIdentifier).to.equal(payloadFor(9));
    expect(model.references[0]?.url).to.equal(payloadFor(350));
    expect(formattedTextToPlain(model.anamnesis ?? [])).to.equal(multiline(texts.indexOf('anamnesis')));
    expect(withoutHeader(referralToInput(model))).to.deep.equal(withoutHeader(detail.referral));
    // Errors and the summary show labels and messages, never what was typed.
    set(el, 'patient.cpr', '');
    el.submit();
    await el.updateComplete;
    await aTimeout(0);
    expect((window as { __samspilPwned?: boolean }).__samspilPwned).to.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('script, img, svg, iframe, i, s').length).to.equal(0);
    expect(textOf(part(el, 'error-summary'))).not.to.contain('<');
  });

  it('renders in Danish by default, in English with lang="en", and takes runtime overrides', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    expect(textOf(part(el, 'title'))).to.equal('Sygehushenvisning');
    expect(textOf(part(el, 'submit-button'))).to.equal('Send henvisning');
    const priority = control<HTMLSelectElement>(el, 'priority');
    expect([...priority.options].map((option) => textOf(option))).to.deep.equal([
      'Ikke angivet',
      labelOf(PRIORITY_LABELS, 'elektiv', 'da'),
      'Akut',
      'Særlige forhold',
    ]);
    expect(textOf(el.shadowRoot!.querySelector(`label[for="${id('patient.surname')}"]`))).to.equal(
      'Efternavn (skal udfyldes)',
    );
    el.lang = 'en';
    await el.updateComplete;
    expect(textOf(part(el, 'title'))).to.equal('Hospital referral');
    expect(textOf(priority.options[1])).to.equal('Elective');
    expect(textOf(el.shadowRoot!.querySelector(`label[for="${id('clinicalReason')}"]`))).to.equal(
      'Requested examination/treatment/problem',
    );
    el.submit();
    await el.updateComplete;
    expect(errorOf(el, 'patient.surname')).to.equal('Error: Required');
    expect(el.validationMessage).to.equal("Patient, CPR number: Enter the patient's CPR number");
    setStrings('en', { rfSubmit: 'Send to hospital' });
    await el.updateComplete;
    expect(textOf(part(el, 'submit-button'))).to.equal('Send to hospital');
  });

  it('inherits the language of an ancestor', async () => {
    const wrapper = await fixture(html`<div lang="en-GB"><samspil-referral-form></samspil-referral-form></div>`);
    const el = wrapper.querySelector('samspil-referral-form')!;
    expect(textOf(part(el, 'submit-button'))).to.equal('Send referral');
  });

  it('can be used with the keyboard alone, in a logical order with visible focus', async () => {
    const el = await fixture<SamspilReferralForm>(html`<samspil-referral-form></samspil-referral-form>`);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const order = (await tabThrough(el, 60, 'solid')).map(
      (active) => (active as HTMLElement).dataset['field'] ?? (active.id || active.getAttribute('part') || ''),
    );
    before.remove();
    expect(order.slice(0, 4)).to.deep.equal([
      'patient.cpr',
      'patient.givenName',
      'patient.surname',
      'patient.streetName',
    ]);
    expect(order.indexOf('receiver.eanIdentifier')).to.be.greaterThan(order.indexOf('patient.email'));
    expect(order.indexOf('sender.referrer.personName')).to.be.greaterThan(order.indexOf('sender.eanIdentifier'));
    expect(order.indexOf('diagnosis.code')).to.be.greaterThan(order.indexOf('clinicalReason'));
    expect(order.at(-1)).to.equal('submit-button');
    expect(order).to.include.members(['add-diagnosis', 'add-reference', 'priority', 'actualMedicine']);
  });

  it('resists hostile global CSS and adds no styles to the page', async () => {
    const before = document.styleSheets.length;
    const style = document.createElement('style');
    style.textContent = HOSTILE_PAGE_CSS;
    document.head.append(style);
    // Straight in <body>: the hostile `div { display: none }` would hide a fixture's wrapper div, which no
    // component can prevent.
    const el = document.createElement('samspil-referral-form');
    document.body.append(el);
    try {
      await el.updateComplete;
      const legend = el.shadowRoot!.querySelector('legend')!;
      expect(getComputedStyle(legend).display).not.to.equal('none');
      expect(legend.getBoundingClientRect().height).to.be.greaterThan(0);
      const input = control(el, 'patient.surname');
      expect(getComputedStyle(input).display).not.to.equal('none');
      expect(input.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(document.styleSheets.length).to.equal(before + 1);
    } finally {
      style.remove();
      el.remove();
    }
    expectNoGlobalStyles(before);
  });
});
