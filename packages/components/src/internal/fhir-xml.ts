// SPDX-License-Identifier: MIT
// FHIR XML support is opt-in: its parser (the R4 model and an XML parser) costs more than a viewer itself, and
// MedCom messages reach browsers as JSON far more often. `@samspil/components/fhir-xml.js` switches it on.

/** The SDK's `parseFhirXml`, as the message loader needs it. */
export type FhirXmlParser = (
  text: string,
) => { ok: true; resource: Record<string, unknown> } | { ok: false; issues: readonly { message: string }[] };

let parser: FhirXmlParser | undefined;

/** Lets every message viewer read FHIR XML with `parse`. */
export function registerFhirXmlParser(parse: FhirXmlParser): void {
  parser = parse;
}

/** The registered parser, if any. */
export function fhirXmlParser(): FhirXmlParser | undefined {
  return parser;
}
