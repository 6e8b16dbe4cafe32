// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { DischargeSummary } from './model.js';
import { parseDischargeSummary } from './parse.js';
import { escapeXml, syntheticLetter } from './synthetic.test-support.js';

// Printable text that survives XML unchanged once trimmed: no control characters (XML forbids most of them and
// normalises CR), at least one visible character.
const codeValue = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((value) => !/[\p{Cc}\ufffe\uffff]/u.test(value) && value.trim() !== '');

const readModel = (xml: string): DischargeSummary => {
  const result = parseDischargeSummary(xml);
  assert.ok(result.ok, JSON.stringify(result.issues));
  assert.ok(z.safeParse(DischargeSummary, result.model).success);
  return result.model;
};

const other = (description: string, code = 'DX') =>
  `<Other><DiagnoseDescriptionCode>${escapeXml(description)}</DiagnoseDescriptionCode><DiagnoseCode>${code}</DiagnoseCode>` +
  '<DiagnoseTypeCode>SKSdiagnosekode</DiagnoseTypeCode><DiagnoseText>t</DiagnoseText></Other>';

describe('readDischargeSummary properties', () => {
  it('keeps any code value as written (trimmed), never rejecting it', () => {
    fc.assert(
      fc.property(codeValue, codeValue, codeValue, (description, priority, status) => {
        const xml = syntheticLetter({
          body:
            `<Diagnose>${other(description)}</Diagnose>` +
            `<ActionPriority><ActionPriorityCode>${escapeXml(priority)}</ActionPriorityCode></ActionPriority>`,
        }).replace('<StatusCode>nytbrev<', () => `<StatusCode>${escapeXml(status)}<`);
        const model = readModel(xml);
        assert.equal(model.diagnoses?.other[0]?.descriptionCode, description.trim());
        assert.deepEqual(model.actionPriorities, [priority.trim()]);
        assert.equal(model.header.statusCode, status.trim());
      }),
    );
  });

  it('reads every repeated block, in order, and warns exactly when the schema cap is passed', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.nat({ max: 14 }), (others, references) => {
        const body =
          `<Diagnose>${Array.from({ length: others }, (_, i) => other('bidiagnose', `D${i}`)).join('')}</Diagnose>` +
          '<Reference><RefDescription>r</RefDescription><SUP>true</SUP></Reference>'.repeat(references);
        const result = parseDischargeSummary(syntheticLetter({ body }));
        assert.ok(result.ok);
        assert.deepEqual(
          result.model.diagnoses?.other.map((diagnosis) => diagnosis.code),
          Array.from({ length: others }, (_, i) => `D${i}`),
        );
        assert.equal(result.model.references.length, references);
        assert.ok(result.model.references.every((reference) => reference.sentSeparately === true));
        assert.deepEqual(
          result.issues.map((issue) => issue.path),
          [
            ...(others > 50 ? ['/Emessage/DischargeLetter/Diagnose/Other'] : []),
            ...(references > 10 ? ['/Emessage/DischargeLetter/Reference'] : []),
          ],
        );
      }),
      { numRuns: 60 },
    );
  });

  it('keeps any element it does not know, with its path and text', () => {
    const name = fc.stringMatching(/^X[A-Za-z0-9]{0,12}$/);
    fc.assert(
      fc.property(name, codeValue, (element, value) => {
        const model = readModel(syntheticLetter({ body: `<${element}>${escapeXml(value)}</${element}>` }));
        assert.deepEqual(model.unknown, [{ path: `/Emessage/DischargeLetter/${element}`, text: value.trim() }]);
      }),
    );
  });
});
