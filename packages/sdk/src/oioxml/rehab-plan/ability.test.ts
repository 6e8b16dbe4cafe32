// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  formattedTextToPlain,
  plainToFormattedText,
  type FormattedText,
  type FormattedTextNode,
} from '../text/index.js';
import { abilitySections } from './ability.js';

const text = (value: string): FormattedTextNode => ({ kind: 'text', text: value });
const bold = (value: string): FormattedTextNode => ({ kind: 'bold', children: [text(value)] });
const italic = (value: string): FormattedTextNode => ({ kind: 'italic', children: [text(value)] });
const br: FormattedTextNode = { kind: 'break' };

describe('abilitySections', () => {
  it('splits at bold lines and the sections at italic lines', () => {
    const sections = abilitySections([
      bold('8a. Kroppens funktioner og anatomi'),
      br,
      italic('- Mentale funktioner'),
      br,
      text('Orienteret.'),
      br,
      br,
      italic('- Sanser og smerter'),
      br,
      br,
      bold('8b) Aktiviteter'),
      br,
      text('Går med rollator.'),
    ]);
    assert.deepEqual(sections, [
      {
        code: '8a',
        heading: 'Kroppens funktioner og anatomi',
        text: [italic('- Mentale funktioner'), br, text('Orienteret.'), br, br, italic('- Sanser og smerter')],
        subsections: [
          { heading: 'Mentale funktioner', text: [text('Orienteret.')] },
          { heading: 'Sanser og smerter', text: [] },
        ],
      },
      { code: '8b', heading: 'Aktiviteter', text: [text('Går med rollator.')], subsections: [] },
    ]);
  });

  it('keeps text before the first heading as a section without heading', () => {
    assert.deepEqual(abilitySections([text('Indledning'), br, bold('Status'), br, text('God')]), [
      { text: [text('Indledning')], subsections: [] },
      { heading: 'Status', text: [text('God')], subsections: [] },
    ]);
  });

  it('treats bold inside a line as emphasis, not as a heading', () => {
    assert.deepEqual(abilitySections([text('Meget '), bold('vigtigt'), text(' at gå.')]), []);
    assert.deepEqual(abilitySections(plainToFormattedText('Ingen overskrifter\nher')), []);
  });

  it('loses no text: the sections hold every line of the input after its first heading', () => {
    const line = fc.oneof(
      fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((s) => /^[a-zæøå ]+$/.test(s))
        .map((s) => [text(s)]),
      fc.constantFrom([bold('8a. A')], [bold('B')], [italic('- c')]),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const ft: FormattedText = lines.flatMap((nodes, i) => (i === 0 ? nodes : [br, ...nodes]));
        const sections = abilitySections(ft);
        const words = (value: string) => value.split(/\s+/).filter(Boolean);
        const kept = sections.flatMap((section) => [
          ...(section.code ? [`${section.code}.`] : []),
          ...words(section.heading ?? ''),
          ...words(formattedTextToPlain(section.text)),
        ]);
        const headed = ft.some((node, i) => node.kind === 'bold' && (i === 0 || ft[i - 1]?.kind === 'break'));
        if (!headed) return sections.length === 0;
        return kept.join(' ').toLowerCase() === words(formattedTextToPlain(ft)).join(' ').toLowerCase();
      }),
    );
  });
});
