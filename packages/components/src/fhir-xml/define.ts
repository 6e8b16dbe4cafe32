// SPDX-License-Identifier: MIT
// Import once (`import '@samspil/components/fhir-xml.js'`) to let the message viewers read FHIR XML as well as JSON.
import { parseFhirXml } from '@samspil/sdk';
import { registerFhirXmlParser } from '../internal/fhir-xml.js';

registerFhirXmlParser(parseFhirXml);

export { registerFhirXmlParser };
