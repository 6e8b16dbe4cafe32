// SPDX-License-Identifier: MIT
// The GP: writes a hospital referral with <samspil-referral-form> (prefilled from MedCom's example referral, the
// clinic and the hospital put in) and sends its XREF01 XML as a letter; reads discharge summaries and
// CareCommunications, and answers them.
import '@samspil/components/referral-form.js';
import { EXAMPLE_PARTIES } from '@samspil/sdk/examples';
import { parseReferral, referralToInput } from '@samspil/sdk/oioxml';
import { byId, say } from './lib/dom.js';
import { startPartyPage } from './lib/party-page.js';

const clinic = EXAMPLE_PARTIES.gp;
const hospital = EXAMPLE_PARTIES.hospital;

/** The referral's sender: this clinic, with the referring doctor. */
const SENDER = {
  eanIdentifier: clinic.gln,
  identifier: clinic.ydernummer,
  identifierCode: 'ydernummer',
  organisationName: clinic.name,
  referrer: { personName: 'Anne Berg', personTitle: 'Praktiserende læge' },
};

/**
 * MedCom's example referral as a starting point, sent from this clinic to the demo's hospital. Its header (old ids
 * and dates) is left out, so the writer makes new ones.
 *
 * @param {string | undefined} url
 */
async function exampleReferral(url) {
  if (!url) return undefined;
  const response = await fetch(url);
  if (!response.ok) return undefined;
  const read = parseReferral(new Uint8Array(await response.arrayBuffer()));
  if (!read.ok) return undefined;
  const input = referralToInput(read.model);
  delete input.header;
  return {
    ...input,
    sender: { ...input.sender, ...SENDER },
    receiver: {
      ...input.receiver,
      eanIdentifier: hospital.gln,
      organisationName: 'Testhospitalet Nord',
      departmentName: 'Medicinsk Afdeling M1',
    },
  };
}

const session = await startPartyPage('gp', {
  composer: {
    author: { family: 'Berg', given: ['Anne'], roleText: 'Praktiserende læge' },
    phone: '+4586123456',
    sender: { name: clinic.name, sor: clinic.sor, gln: clinic.gln },
  },
});

if (session) {
  const form = /** @type {any} */ (byId('referral-form'));
  const status = byId('referral-status');
  const reset = /** @type {HTMLButtonElement} */ (byId('referral-example'));
  form.sender = SENDER;
  const example = await exampleReferral(session.config.letters.find((path) => path.includes('/xref01/')));
  if (example) form.value = example;
  else reset.disabled = true;
  reset.addEventListener('click', () => {
    form.value = example;
    say(status, "The form holds MedCom's example referral again.");
  });
  form.addEventListener('samspil-submit', async (/** @type {CustomEvent} */ event) => {
    event.preventDefault();
    say(status, 'Sending…');
    try {
      await session.outbox.sendLetter(event.detail.xml, hospital.gln);
      say(status, 'The referral was sent to the hospital; it is acknowledged when the VANS receipt comes back.');
    } catch (error) {
      say(status, `Not sent: ${error instanceof Error ? error.message : error}`, 'error');
    }
  });
  form.addEventListener('samspil-invalid', () =>
    say(status, 'The referral has errors: see the list above the form.', 'error'),
  );
}
