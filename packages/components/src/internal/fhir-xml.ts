// SPDX-License-Identifier: MIT
// FHIR XML support is opt-in: its parser (the R4 model and an XML parser) costs more than a viewer itself, and
// MedCom messages reach browsers as JSON far more often. `@samspil/components/fhir-xml.js` switches it on.

/** The SDK's `parseFhirXml`, as the message loader needs it. */
export type FhirXmlParser = (
  text: string,
) => { ok: true; resource: Record<string, unknown> } | { ok: false; issues: readonly { message: string }[] };

// Kept on the global object: the registration is a side effect bundlers keep, and it holds across duplicate
// copies of this package on one page.
const KEY = Symbol.for('@samspil/components/fhir-xml');
type Registry = { [KEY]?: FhirXmlParser };

/** Lets every message viewer read FHIR XML with `parse`. */
export function registerFhirXmlParser(parse: FhirXmlParser): void {
  (globalThis as Registry)[KEY] = parse;
}

/** The registered parser, if any. */
export function fhirXmlParser(): FhirXmlParser | undefined {
  return (globalThis as Registry)[KEY];
}
