// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { officialExamples, readJson } from '@samspil/fixtures';
import { isValidationError } from '../../errors/index.js';
import { hasIllegalXmlChar } from './common.js';
import { parseFhirXml, serializeFhirXml, type ParseFhirXmlResult, type XmlIssue } from './index.js';

const FHIR = 'xmlns="http://hl7.org/fhir"';
const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
const examples = officialExamples();

function parsed(xml: string): Record<string, unknown> {
  const result = parseFhirXml(xml);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  return result.resource;
}

function issuesOf(result: ParseFhirXmlResult): XmlIssue[] {
  assert.equal(result.ok, false, 'expected issues');
  return result.ok ? [] : result.issues;
}

/** Runs `parse` and returns its issues, asserting it came back quickly and without throwing. */
function rejected(xml: string, maxMs = 250): XmlIssue[] {
  const started = performance.now();
  const result = parseFhirXml(xml);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < maxMs, `took ${elapsed.toFixed(0)} ms`);
  return issuesOf(result);
}

function codes(issues: XmlIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

describe('parseFhirXml: official MedCom examples', () => {
  it('finds the XML twins', () => {
    assert.ok(examples.filter((example) => example.xml).length >= 30);
  });

  for (const example of examples) {
    if (!example.xml) continue;
    const xml = example.xml;
    it(`${example.folder}/${example.name}.xml equals its JSON`, () => {
      assert.deepStrictEqual(parsed(readFileSync(xml, 'utf8')), readJson(example.json));
    });
  }
});

describe('serializeFhirXml: official MedCom examples', () => {
  for (const example of examples) {
    it(`${example.folder}/${example.name} round-trips through XML`, () => {
      const json = readJson<Record<string, unknown>>(example.json);
      assert.deepStrictEqual(parsed(serializeFhirXml(json)), json);
      assert.deepStrictEqual(parsed(serializeFhirXml(json, { pretty: true })), json);
    });
  }

  // Element order is what the FHIR XML spec constrains; the twins were written by the IG publisher, so
  // matching them modulo line breaks and indentation checks it on real data.
  for (const example of examples) {
    if (!example.xml) continue;
    const xml = example.xml;
    it(`${example.folder}/${example.name} is written as its XML twin, up to layout`, () => {
      const layout = (text: string): string => text.replace(/\r?\n\s*/g, '');
      const written = serializeFhirXml(readJson(example.json), { pretty: true });
      assert.equal(layout(written), layout(readFileSync(xml, 'utf8')));
    });
  }
});

describe('parseFhirXml: FHIR XML rules', () => {
  it('turns value attributes into JSON values of the right kind', () => {
    const resource = parsed(
      `<Observation ${FHIR}><status value="final"/><valueQuantity><value value="1.50"/><unit value="kg"/></valueQuantity>` +
        `<component><valueInteger value="-3"/></component><component><valueBoolean value="false"/></component></Observation>`,
    );
    assert.deepStrictEqual(resource, {
      resourceType: 'Observation',
      status: 'final',
      valueQuantity: { value: 1.5, unit: 'kg' },
      component: [{ valueInteger: -3 }, { valueBoolean: false }],
    });
  });

  it('keeps string values verbatim, including ones that look like numbers', () => {
    const resource = parsed(`<Patient ${FHIR}><id value="007"/><name><text value=" 1.50 "/></name></Patient>`);
    assert.deepStrictEqual(resource, { resourceType: 'Patient', id: '007', name: [{ text: ' 1.50 ' }] });
  });

  it('makes repeating elements arrays even when they occur once', () => {
    const resource = parsed(`<Patient ${FHIR}><name><given value="Ane"/></name></Patient>`);
    assert.deepStrictEqual(resource, { resourceType: 'Patient', name: [{ given: ['Ane'] }] });
  });

  it('moves primitive ids and extensions to _name siblings, aligned with null for repeats', () => {
    const resource = parsed(
      `<Patient ${FHIR}><name><given value="Ane"/><given id="g2"><extension url="http://x/e"><valueCode value="c"/></extension></given>` +
        `<given value="Bo"/></name><birthDate value="2000-01-01"><extension url="http://x/t"><valueTime value="10:00:00"/></extension></birthDate>` +
        `<gender id="g"/><active value="true"/></Patient>`,
    );
    assert.deepStrictEqual(resource, {
      resourceType: 'Patient',
      name: [
        {
          given: ['Ane', null, 'Bo'],
          _given: [null, { id: 'g2', extension: [{ url: 'http://x/e', valueCode: 'c' }] }, null],
        },
      ],
      birthDate: '2000-01-01',
      _birthDate: { extension: [{ url: 'http://x/t', valueTime: '10:00:00' }] },
      _gender: { id: 'g' },
      active: true,
    });
  });

  it('reads id and url attributes of datatypes and extensions', () => {
    const resource = parsed(
      `<Patient ${FHIR}><extension id="e1" url="http://x/a"><extension url="inner"><valueString value="v"/></extension></extension>` +
        `<identifier id="i1"><value value="1"/></identifier></Patient>`,
    );
    assert.deepStrictEqual(resource, {
      resourceType: 'Patient',
      extension: [{ id: 'e1', url: 'http://x/a', extension: [{ url: 'inner', valueString: 'v' }] }],
      identifier: [{ id: 'i1', value: '1' }],
    });
  });

  it('unwraps contained resources and Bundle entries', () => {
    const resource = parsed(
      `<Bundle ${FHIR}><type value="collection"/><entry><fullUrl value="urn:uuid:1"/><resource><Patient><id value="p"/>` +
        `<contained><Organization><id value="o"/></Organization></contained></Patient></resource></entry>` +
        `<entry><response><status value="200"/><outcome><OperationOutcome><issue><severity value="information"/>` +
        `<code value="informational"/></issue></OperationOutcome></outcome></response></entry></Bundle>`,
    );
    assert.deepStrictEqual(resource, {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:1',
          resource: { resourceType: 'Patient', id: 'p', contained: [{ resourceType: 'Organization', id: 'o' }] },
        },
        {
          response: {
            status: '200',
            outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] },
          },
        },
      ],
    });
  });

  it('keeps the narrative as XHTML source, markup and escapes included', () => {
    const div = `<div ${XHTML} class="x"><p>a &amp; b &lt;c&gt; &#xE6;</p><div><br/></div><!-- n --><![CDATA[<raw>]]></div>`;
    const resource = parsed(`<Patient ${FHIR}><text><status value="generated"/>${div}</text></Patient>`);
    assert.deepStrictEqual(resource['text'], { status: 'generated', div });
  });

  it('declares the XHTML namespace on a div that inherits it', () => {
    const xml = `<f:Patient xmlns:f="http://hl7.org/fhir" ${XHTML}><f:text><f:status value="generated"/><div>x</div></f:text></f:Patient>`;
    assert.deepStrictEqual(parsed(xml)['text'], { status: 'generated', div: `<div ${XHTML}>x</div>` });
  });

  it('accepts a prefixed FHIR namespace and ignores attributes of other namespaces', () => {
    const xml =
      `<f:Patient xmlns:f="http://hl7.org/fhir" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="http://hl7.org/fhir fhir-all.xsd"><f:active value="true" xml:lang="da"/></f:Patient>`;
    assert.deepStrictEqual(parsed(xml), { resourceType: 'Patient', active: true });
  });

  it('decodes attribute values as XML does: references decoded, literal line breaks normalised', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\r\n<Patient ${FHIR}>\r\n<name><text value="a&#xA;b&#10;c\r\nd\te &quot;&apos;&lt;&gt;&amp; &#x1F600;"/></name></Patient>`;
    assert.deepStrictEqual(parsed(xml), { resourceType: 'Patient', name: [{ text: 'a\nb\nc d e "\'<>& 😀' }] });
  });

  it('accepts a byte order mark and comments', () => {
    assert.deepStrictEqual(parsed(`\uFEFF<!-- c --><Patient ${FHIR}><!-- c --><active value="true"/></Patient>`), {
      resourceType: 'Patient',
      active: true,
    });
  });
});

describe('parseFhirXml: hostile and broken input', () => {
  it('refuses XXE before reading anything', () => {
    const issues = rejected(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Patient ${FHIR}><id value="&e;"/></Patient>`,
    );
    assert.deepEqual(codes(issues), ['xml-entity']);
  });

  it('refuses billion laughs before any expansion', () => {
    let entities = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const issues = rejected(
      `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><Patient ${FHIR}><id value="&lol9;"/></Patient>`,
    );
    assert.deepEqual(codes(issues), ['xml-entity']);
  });

  it('refuses a bare DOCTYPE and entities XML does not predefine', () => {
    assert.deepEqual(codes(rejected(`<!DOCTYPE Patient><Patient ${FHIR}/>`)), ['xml-entity']);
    const nbsp = rejected(
      `<Patient ${FHIR}><text><status value="generated"/><div ${XHTML}>a&nbsp;b</div></text></Patient>`,
    );
    assert.deepEqual(codes(nbsp), ['xml-entity']);
    assert.equal(nbsp[0]?.path, 'Patient.text.div');
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><id value="&e;"/></Patient>`)), ['xml-entity']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><id value="&#0;"/></Patient>`)), ['xml-entity']);
  });

  it('refuses 50 MB without parsing it', () => {
    const huge = `<Patient ${FHIR}>${' '.repeat(50 * 1024 * 1024)}</Patient>`;
    const issues = rejected(huge, 100);
    assert.deepEqual(codes(issues), ['too-large']);
  });

  it('counts UTF-8 bytes against maxBytes', () => {
    const xml = `<Patient ${FHIR}><name><text value="${'æ'.repeat(60)}"/></name></Patient>`;
    assert.ok(parseFhirXml(xml, { maxBytes: xml.length + 60 }).ok);
    assert.deepEqual(codes(issuesOf(parseFhirXml(xml, { maxBytes: xml.length + 59 }))), ['too-large']);
  });

  it('reports truncated XML', () => {
    const xml = readFileSync(examples.find((example) => example.xml)?.xml ?? '', 'utf8');
    assert.deepEqual(codes(rejected(xml.slice(0, Math.floor(xml.length / 2)))), ['xml-syntax']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><active value="true"/>`)), ['xml-syntax']);
  });

  it('reports a wrong or missing root namespace', () => {
    const wrong = rejected('<Patient xmlns="http://hl7.org/fhir/"><active value="true"/></Patient>');
    assert.deepEqual(codes(wrong), ['xml-namespace']);
    assert.equal(wrong[0]?.path, 'Patient');
    assert.deepEqual(codes(rejected('<Patient><active value="true"/></Patient>')), ['xml-namespace']);
  });

  it('reports elements from other namespaces', () => {
    const issues = rejected(`<Patient ${FHIR} xmlns:x="urn:x"><x:active value="true"/></Patient>`);
    assert.deepEqual(codes(issues), ['xml-namespace']);
    assert.deepEqual(
      codes(rejected(`<Patient ${FHIR}><text><status value="generated"/><div>x</div></text></Patient>`)),
      ['xml-namespace'],
    );
  });

  it('reports unknown elements and attributes with their paths', () => {
    const xml = readFileSync(examples.find((example) => example.xml)?.xml ?? '', 'utf8');
    const broken = xml.replace('<timestamp ', '<bogus value="x"/><timestamp ');
    const issues = rejected(broken);
    assert.deepEqual(issues, [
      {
        severity: 'error',
        code: 'unknown-element',
        path: 'Bundle.bogus',
        message: "'bogus' is not an element of Bundle.",
      },
    ]);
    const nested = rejected(
      `<Bundle ${FHIR}><entry/><entry/><entry><resource><Encounter><class><foo value="1"/></class></Encounter></resource></entry></Bundle>`,
    );
    assert.deepEqual(
      nested.map((issue) => `${issue.code} ${issue.path}`),
      ['unknown-element Bundle.entry[2].resource.class.foo'],
    );
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><active value="true" foo="1"/></Patient>`)), ['unknown-element']);
    // id is an attribute on datatypes and url an attribute on extensions; as elements they are unknown.
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><name><id value="x"/></name></Patient>`)), ['unknown-element']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR} id="x"/>`)), ['unknown-element']);
  });

  it('reports repeats of single elements and competing choice types', () => {
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><gender value="male"/><gender value="female"/></Patient>`)), [
      'unknown-element',
    ]);
    assert.deepEqual(
      codes(rejected(`<Observation ${FHIR}><valueString value="a"/><valueBoolean value="true"/></Observation>`)),
      ['unknown-element'],
    );
  });

  it('reports unknown resource types and a root that is not a resource', () => {
    assert.deepEqual(codes(rejected(`<MedicationRequest ${FHIR}/>`)), ['unknown-resource']);
    assert.deepEqual(codes(rejected(`<Bundle ${FHIR}><entry><resource><Foo/></resource></entry></Bundle>`)), [
      'unknown-resource',
    ]);
    assert.deepEqual(codes(rejected(`<active ${FHIR} value="true"/>`)), ['xml-root']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}/><Patient ${FHIR}/>`)), ['xml-root']);
  });

  it('reports text that is not XML', () => {
    assert.deepEqual(codes(rejected('hello')), ['xml-syntax']);
    assert.deepEqual(codes(rejected('{"resourceType": "Patient"}')), ['xml-syntax']);
    assert.deepEqual(codes(rejected('')), ['xml-syntax']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}/>trailing`)), ['xml-syntax']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}></Patient>trailing<!-- c -->`)), ['xml-syntax']);
    assert.ok(parseFhirXml(`<Patient ${FHIR}></Patient >\n<!-- c --><?pi x?>\n`).ok);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><active value="true">text</active></Patient>`)), ['xml-value']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><active value="\u0001"/></Patient>`)), ['xml-syntax']);
    assert.deepEqual(codes(issuesOf(parseFhirXml(42 as unknown as string))), ['xml-syntax']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><__proto__ value="x"/></Patient>`)), ['xml-syntax']);
  });

  it('reports nesting deeper than any FHIR resource needs', () => {
    const deep = `<Patient ${FHIR}>${'<extension url="u">'.repeat(150)}${'</extension>'.repeat(150)}</Patient>`;
    assert.deepEqual(codes(rejected(deep)), ['xml-syntax']);
    const fine = `<Patient ${FHIR}>${'<extension url="u">'.repeat(40)}<valueBoolean value="true"/>${'</extension>'.repeat(40)}</Patient>`;
    assert.ok(parseFhirXml(fine).ok);
  });

  it('reports values that are invalid for their type', () => {
    const issues = rejected(`<Patient ${FHIR}><active value="yes"/></Patient>`);
    assert.deepEqual(issues, [
      { severity: 'error', code: 'xml-value', path: 'Patient.active', message: "'yes' is not a valid boolean." },
    ]);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><active value="TRUE"/></Patient>`)), ['xml-value']);
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><multipleBirthInteger value="1.5"/></Patient>`)), ['xml-value']);
    assert.deepEqual(
      codes(rejected(`<Observation ${FHIR}><valueQuantity><value value="1e999"/></valueQuantity></Observation>`)),
      ['xml-value'],
    );
    assert.deepEqual(codes(rejected(`<Patient ${FHIR}><gender/></Patient>`)), ['xml-value']);
  });

  it('reports a resource container that does not hold exactly one resource', () => {
    const issues = rejected(`<Patient ${FHIR}><contained/><contained><Patient/><Patient/></contained></Patient>`);
    assert.deepEqual(
      issues.map((issue) => `${issue.code} ${issue.path}`),
      ['xml-value Patient.contained[0]', 'xml-value Patient.contained[1]'],
    );
  });

  it('reports every problem, each with its path', () => {
    const issues = rejected(
      `<Patient ${FHIR}><active value="no"/><foo/><name><given value="a"/><bar/></name></Patient>`,
    );
    assert.deepEqual(
      issues.map((issue) => `${issue.code} ${issue.path}`),
      ['xml-value Patient.active', 'unknown-element Patient.foo', 'unknown-element Patient.name[0].bar'],
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const xml of [
          text,
          `<Patient ${FHIR}>${text}</Patient>`,
          `<Patient ${FHIR}><name><text value="${text}"/></name></Patient>`,
        ]) {
          const result = parseFhirXml(xml);
          assert.ok(result.ok || result.issues.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('serializeFhirXml', () => {
  it('writes elements in definition order with a declaration and escaped attributes', () => {
    const xml = serializeFhirXml({
      gender: 'female',
      name: [{ given: ['A "&" <B>'], family: 'Ø' }],
      resourceType: 'Patient',
      id: 'p1',
    });
    assert.equal(
      xml,
      `<?xml version="1.0" encoding="UTF-8"?><Patient ${FHIR}><id value="p1"/><name><family value="Ø"/>` +
        `<given value="A &quot;&amp;&quot; &lt;B&gt;"/></name><gender value="female"/></Patient>`,
    );
  });

  it('pretty-prints with two-space indentation', () => {
    const xml = serializeFhirXml({ resourceType: 'Patient', active: true, name: [{ family: 'X' }] }, { pretty: true });
    assert.equal(
      xml,
      `<?xml version="1.0" encoding="UTF-8"?>\n<Patient ${FHIR}>\n  <active value="true"/>\n  <name>\n    <family value="X"/>\n  </name>\n</Patient>\n`,
    );
  });

  it('merges _name siblings back into their elements', () => {
    const json = {
      resourceType: 'Patient',
      name: [{ given: [null, 'B'], _given: [{ extension: [{ url: 'u', valueString: 'x' }] }, null] }],
      _gender: { id: 'g', extension: [{ url: 'v', valueBoolean: true }] },
    };
    const xml = serializeFhirXml(json);
    assert.ok(
      xml.includes('<given><extension url="u"><valueString value="x"/></extension></given><given value="B"/>'),
      xml,
    );
    assert.ok(xml.includes('<gender id="g"><extension url="v"><valueBoolean value="true"/></extension></gender>'), xml);
    assert.deepStrictEqual(parsed(xml), json);
  });

  it('round-trips arbitrary strings, including line breaks and characters that need escaping', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (given, pretty) => {
          const xmlSafe = given.filter((text) => !hasIllegalXmlChar(text));
          fc.pre(xmlSafe.length > 0);
          const json = { resourceType: 'Patient', name: [{ given: xmlSafe }] };
          assert.deepStrictEqual(parsed(serializeFhirXml(json, { pretty })), json);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips numbers and booleans', () => {
    const json = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 't' },
      valueQuantity: { value: -0.000125, unit: 'mg' },
      component: [
        { code: { text: 'c' }, valueInteger: 2147483647 },
        { code: { text: 'd' }, valueBoolean: false },
      ],
    };
    assert.deepStrictEqual(parsed(serializeFhirXml(json)), json);
  });

  it('refuses JSON that XML cannot carry, listing every problem', () => {
    const attempt = (json: object): XmlIssue[] => {
      try {
        serializeFhirXml(json);
      } catch (error) {
        assert.ok(isValidationError(error));
        return error.issues as XmlIssue[];
      }
      assert.fail('expected a ValidationError');
    };
    assert.deepEqual(codes(attempt({ resourceType: 'Nope' })), ['unknown-resource']);
    assert.deepEqual(
      attempt({ resourceType: 'Patient', foo: 1, active: 'yes', name: { family: 'x' } }).map(
        (i) => `${i.code} ${i.path}`,
      ),
      ['unknown-element Patient.foo', 'xml-value Patient.active', 'xml-value Patient.name'],
    );
    assert.deepEqual(codes(attempt({ resourceType: 'Patient', deceasedBoolean: true, deceasedDateTime: '2020' })), [
      'unknown-element',
    ]);
    assert.deepEqual(codes(attempt({ resourceType: 'Patient', name: [{ given: [null] }] })), ['xml-value']);
    assert.deepEqual(codes(attempt({ resourceType: 'Patient', multipleBirthInteger: 1.5 })), ['xml-value']);
    assert.deepEqual(codes(attempt({ resourceType: 'Patient', name: [{ text: 'bell\u0007' }] })), ['xml-value']);
  });

  it('refuses a narrative that is not one well-formed XHTML div', () => {
    const narrative = (div: string): XmlIssue[] => {
      try {
        serializeFhirXml({ resourceType: 'Patient', text: { status: 'generated', div } });
        return [];
      } catch (error) {
        assert.ok(isValidationError(error));
        return error.issues as XmlIssue[];
      }
    };
    assert.deepEqual(narrative(`<div ${XHTML}><p>ok</p></div>`), []);
    assert.deepEqual(codes(narrative(`<div ${XHTML}>x</div><active value="true"/>`)), ['xml-value']);
    assert.deepEqual(codes(narrative(`<div ${XHTML}>x`)), ['xml-value']);
    assert.deepEqual(codes(narrative('<div>no namespace</div>')), ['xml-value']);
    assert.deepEqual(codes(narrative('plain text')), ['xml-value']);
    assert.deepEqual(codes(narrative(`<div ${XHTML}>a&nbsp;b</div>`)), ['xml-entity']);
  });
});
