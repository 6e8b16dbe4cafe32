// SPDX-License-Identifier: MIT
// The municipality's home care: reads hospital stays (HospitalNotifications grouped per stay into one timeline),
// rehabilitation plans and CareCommunications, and answers a conversation with the composer under its thread.
import { EXAMPLE_PARTIES } from '@samspil/sdk/examples';
import { startPartyPage } from './lib/party-page.js';

const { name, sor, gln } = EXAMPLE_PARTIES.municipality;
await startPartyPage('municipality', {
  composer: {
    author: { family: 'Pedersen', given: ['Jonas'], role: 'sygeplejerske' },
    phone: '+4544527000',
    sender: { name, sor, gln },
  },
});
