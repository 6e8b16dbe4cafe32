// SPDX-License-Identifier: MIT
// Writes a checked ReferralInput as XH0130R, in the element order of HospitalReferral.xsd and the types it uses.
import { writeFormattedText, type FormattedText } from '../text/index.js';
import { xsdMedicalSpeciality } from './codes.js';
import type { CompleteHeader } from './header-defaults.js';
import type { ReferralInput } from './input.js';
import { XmlBuilder } from './xml-builder.js';

/** The namespace of the 2005/08/07 schema set that defines XH0130R. */
export const XH0130R_NAMESPACE = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';

type Address = { streetName?: string; suburbName?: string; districtName?: string; postCodeIdentifier?: string };

function address(xml: XmlBuilder, party: Address): void {
  xml.leaf('StreetName', party.streetName);
  xml.leaf('SuburbName', party.suburbName);
  xml.leaf('DistrictName', party.districtName);
  xml.leaf('PostCodeIdentifier', party.postCodeIdentifier);
}

function dateTime(xml: XmlBuilder, name: string, value: { date: string; time: string }): void {
  xml.element(name, () => {
    xml.leaf('Date', value.date);
    xml.leaf('Time', value.time);
  });
}

function formatted(xml: XmlBuilder, name: string, ft: FormattedText | undefined): void {
  xml.raw(name, ft === undefined ? undefined : writeFormattedText(ft, name));
}

function letterHeader(xml: XmlBuilder, header: CompleteHeader): void {
  xml.element('Letter', () => {
    xml.leaf('Identifier', header.identifier);
    xml.leaf('VersionCode', 'XH0130R');
    xml.leaf('StatisticalCode', header.statisticalCode);
    dateTime(xml, 'Authorisation', header.authorisation);
    xml.leaf('TypeCode', 'XREF01');
    xml.leaf('StatusCode', header.statusCode);
    xml.leaf('EpisodeOfCareIdentifier', header.episodeOfCareIdentifier);
  });
}

function parties(xml: XmlBuilder, input: ReferralInput): void {
  const { sender, receiver, answerCcReceiver } = input;
  xml.element('Sender', () => {
    xml.leaf('EANIdentifier', sender.eanIdentifier);
    xml.leaf('Identifier', sender.identifier);
    xml.leaf('IdentifierCode', sender.identifierCode);
    xml.leaf('OrganisationName', sender.organisationName);
    xml.leaf('DepartmentName', sender.departmentName);
    xml.leaf('UnitName', sender.unitName);
    address(xml, sender);
    xml.leaf('TelephoneSubscriberIdentifier', sender.telephone);
    xml.leaf(
      'MedicalSpecialityCode',
      sender.medicalSpecialityCode && xsdMedicalSpeciality(sender.medicalSpecialityCode),
    );
    xml.element('Referrer', () => {
      xml.leaf('Identifier', sender.referrer.identifier);
      xml.leaf('IdentifierCode', sender.referrer.identifierCode);
      xml.leaf('PersonName', sender.referrer.personName);
      xml.leaf('PersonTitle', sender.referrer.personTitle);
    });
  });
  xml.element('Receiver', () => {
    xml.leaf('EANIdentifier', receiver.eanIdentifier);
    xml.leaf('Identifier', receiver.identifier);
    xml.leaf('IdentifierCode', receiver.identifierCode);
    xml.leaf('OrganisationName', receiver.organisationName);
    xml.leaf('DepartmentName', receiver.departmentName);
    xml.leaf('UnitName', receiver.unitName);
    address(xml, receiver);
  });
  if (answerCcReceiver) {
    xml.element('AnswerCCReceiver', () => {
      xml.leaf('Identifier', answerCcReceiver.identifier);
      xml.leaf('IdentifierCode', answerCcReceiver.identifierCode);
      xml.leaf('OrganisationName', answerCcReceiver.organisationName);
      xml.leaf('DepartmentName', answerCcReceiver.departmentName);
      xml.leaf('UnitName', answerCcReceiver.unitName);
      address(xml, answerCcReceiver);
      xml.leaf('TelephoneSubscriberIdentifier', answerCcReceiver.telephone);
    });
  }
}

function patientAndRelative(xml: XmlBuilder, input: ReferralInput): void {
  const { patient } = input;
  xml.element('Patient', () => {
    xml.leaf('CivilRegistrationNumber', patient.cpr);
    xml.leaf('AlternativeIdentifier', patient.alternativeIdentifier);
    xml.leaf('PersonSurnameName', patient.surname);
    xml.leaf('PersonGivenName', patient.givenName);
    xml.leaf('PersonTitle', patient.title);
    address(xml, patient);
    for (const phone of patient.telephones ?? []) {
      xml.element('TelephoneSubscriber', () => {
        xml.leaf('TelephoneSubscriberIdentifier', phone.number);
        xml.leaf('TelephoneSubscriberCode', phone.code);
      });
    }
    xml.leaf('EmailIdentifier', patient.email);
  });
  for (const relative of input.relatives ?? []) {
    xml.element('Relative', () => {
      xml.leaf('RelationCode', relative.relationCode);
      xml.leaf('PersonIdentifier', relative.personIdentifier);
      xml.leaf('PersonSurnameName', relative.surname);
      xml.leaf('PersonGivenName', relative.givenName);
    });
  }
}

function clinical(xml: XmlBuilder, input: ReferralInput): void {
  const { priority, referralStatus, transport, supplementary, clinicalReason } = input;
  if ([priority, referralStatus, transport, supplementary, clinicalReason].some((value) => value !== undefined)) {
    xml.element('AdditionalInformation', () => {
      xml.leaf('Priority', priority);
      xml.leaf('ReferralStatus', referralStatus);
      xml.leaf('Transport', transport);
      formatted(xml, 'Supplementary', supplementary);
      formatted(xml, 'ClinicalReason', clinicalReason);
    });
  }
  const additional = input.additionalDiagnoses ?? [];
  if (input.diagnosis || additional.length > 0) {
    xml.element('Referral', () => {
      const refer = input.diagnosis;
      if (refer) {
        xml.element('Refer', () => {
          xml.leaf('DiagnoseCode', refer.code);
          xml.leaf('DiagnoseTypeCode', refer.typeCode);
          xml.leaf('DiagnoseText', refer.text);
        });
      }
      for (const diagnosis of additional) {
        xml.element('ReferralAdditional', () => {
          xml.leaf('DiagnoseDescriptionCode', diagnosis.descriptionCode);
          xml.leaf('DiagnoseCode', diagnosis.code);
          xml.leaf('DiagnoseTypeCode', diagnosis.typeCode);
          xml.leaf('DiagnoseText', diagnosis.text);
        });
      }
    });
  }
  const { cave, anamnesis, examination, actualMedicine } = input;
  if ([cave, anamnesis, examination, actualMedicine].some((value) => value !== undefined)) {
    xml.element('RelevantClinicalInformation', () => {
      formatted(xml, 'Cave', cave);
      formatted(xml, 'Anamnesis', anamnesis);
      formatted(xml, 'Examination', examination);
      formatted(xml, 'ActualMedicine', actualMedicine);
    });
  }
}

function references(xml: XmlBuilder, input: ReferralInput): void {
  for (const reference of input.references ?? []) {
    xml.element('Reference', () => {
      xml.leaf('RefDescription', reference.description);
      xml.leaf('URL', reference.url);
      if (reference.sentSeparately === true) xml.leaf('SUP', 'true');
      const binary = reference.binary;
      if (binary) {
        xml.element('BIN', () => {
          xml.leaf('ObjectIdentifier', binary.objectIdentifier);
          xml.leaf('ObjectCode', binary.objectCode);
          xml.leaf('ObjectExtensionCode', binary.objectExtensionCode);
          xml.leaf('OriginalObjectSize', binary.originalObjectSize);
        });
      }
    });
  }
}

/** The XH0130R document for a checked input and its completed header. */
export function serializeXref01(input: ReferralInput, header: CompleteHeader): string {
  const xml = new XmlBuilder();
  xml.element(
    'Emessage',
    () => {
      xml.element('Envelope', () => {
        dateTime(xml, 'Sent', header.sent);
        xml.leaf('Identifier', header.envelopeIdentifier);
        xml.leaf('AcknowledgementCode', header.acknowledgementCode);
      });
      xml.element('HospitalReferral', () => {
        letterHeader(xml, header);
        parties(xml, input);
        patientAndRelative(xml, input);
        clinical(xml, input);
        references(xml, input);
      });
    },
    ` xmlns="${XH0130R_NAMESPACE}"`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.toString()}`;
}
