// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInputError } from '../../errors/guards.js';
import { fhirDocumentName, letterDocumentName } from './names.js';

describe('fhirDocumentName', () => {
  it('names every HospitalNotification activity by the event it starts, corrects or cancels', () => {
    const events = {
      'admit-inpatient': 'AdmissionInpatient',
      'admit-emergency': 'AcuteAmbulant',
      'start-leave-inpatient': 'OnLeave',
      'end-leave-inpatient': 'EndOfLeave',
      'discharge-inpatient-home': 'EndHospitalStay',
      'discharge-emergency-home': 'EndHospitalStay',
    };
    for (const [code, postfix] of Object.entries(events)) {
      for (const prefix of ['', 'revise-', 'cancel-']) {
        assert.deepEqual(fhirDocumentName({ kind: 'hospital-notification', code: `${prefix}${code}` }), {
          name: `MCM:FDIS20#${postfix}`,
          version: '3.0.0',
        });
      }
    }
  });

  it('names a CareCommunication by its category and an Acknowledgement by its response code', () => {
    const categories = [
      'alcohol-and-drug-treatment',
      'assistive-devices',
      'carecoordination',
      'decease',
      'discharge',
      'examination-results',
      'healthcare',
      'home-care-assessment',
      'medicine',
      'nursing',
      'outpatient',
      'psychiatry-social-disability',
      'regarding-referral',
      'telemedicine',
      'training',
      'acute-ambulant',
      'extended-care-responsibility',
      'other',
    ];
    for (const category of categories) {
      assert.deepEqual(fhirDocumentName({ kind: 'care-communication', code: category }), {
        name: `MCM:FDIS91#${category}`,
        version: '5.0',
      });
    }
    for (const code of ['ok', 'transient-error', 'fatal-error']) {
      assert.deepEqual(fhirDocumentName({ kind: 'acknowledgement', code }), {
        name: `MCM:FCTL#${code}`,
        version: '2.0.0',
      });
    }
  });

  it('refuses what has no statistical code, with an InputError naming the field', () => {
    const cases = [
      [{ kind: 'home-care-observation', code: 'new-message' }, 'MessageHeader.eventCoding'],
      [{ kind: 'empty', code: 'new-message' }, 'MessageHeader.eventCoding'],
      [{ kind: 'hospital-notification', code: 'new-message' }, 'Provenance.activity'],
      [{ kind: 'hospital-notification', code: undefined }, 'Provenance.activity'],
      [{ kind: 'care-communication', code: 'gossip' }, 'Communication.category'],
      [{ kind: 'acknowledgement', code: 'maybe' }, 'MessageHeader.response.code'],
    ] as const;
    for (const [key, field] of cases) {
      assert.throws(
        () => fhirDocumentName(key),
        (e) => isInputError(e) && e.rule === 'vans-name' && e.field === field,
        JSON.stringify(key),
      );
    }
  });
});

describe('letterDocumentName', () => {
  it('uses the statistical code, else the type code, and the version code', () => {
    assert.deepEqual(letterDocumentName({ statisticalCode: 'GGOP2', typeCode: 'GGOP', versionCode: 'GGOP100' }), {
      name: 'MCM:GGOP2',
      version: 'GGOP100',
    });
    assert.deepEqual(letterDocumentName({ statisticalCode: undefined, typeCode: 'XDIS01', versionCode: undefined }), {
      name: 'MCM:XDIS01',
      version: undefined,
    });
    assert.throws(
      () => letterDocumentName({ statisticalCode: undefined, typeCode: undefined, versionCode: 'XD0133L' }),
      (e) => isInputError(e) && e.rule === 'vans-name',
    );
  });
});
