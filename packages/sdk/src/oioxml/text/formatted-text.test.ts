// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { RuleError } from '../../errors/index.js';
import { type XmlElement } from '../read/tree.js';
import {
  FormattedText,
  type FormattedTextNode,
  type FormattedTextStyle,
  formattedTextLength,
  formattedTextToPlain,
  normalizeFormattedText,
  plainToFormattedText,
  readFormattedText,
  writeFormattedText,
} from './index.js';
import { descendants, parseXml } from './xml.test-support.js';

const EXAMPLES = '/work/shared/medcom/oioxml/examples';
const REP_2005 = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';
const MM_100 = 'urn:oio:medcom:municipality:1.0.0';
const MM_104 = 'urn:oio:medcom:municipality:1.0.4';

const STYLES = ['bold', 'italic', 'underline', 'right', 'center', 'fixed'] as const satisfies FormattedTextStyle[];
const BREAKABLE = ['bold', 'italic', 'underline', 'right', 'center'] as const;
const ELEMENT: Record<FormattedTextStyle, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  right: 'Right',
  center: 'Center',
  fixed: 'FixedFont',
};

function el(name: string, content: (XmlElement | string)[] = [], namespace: string | undefined = REP_2005): XmlElement {
  return { name, namespace, attributes: {}, content };
}

const t = (text: string): FormattedTextNode => ({ kind: 'text', text });
const BR: FormattedTextNode = { kind: 'break' };
const SP: FormattedTextNode = { kind: 'space' };
const styled = (kind: FormattedTextStyle, ...children: FormattedTextNode[]): FormattedTextNode => ({ kind, children });

const read = (...content: (XmlElement | string)[]): FormattedText => readFormattedText(el('Text01', content));

/** Writes, wraps in an element of the letter's namespace, parses with a real XML parser and reads again. */
function roundTrip(ft: FormattedText): FormattedText {
  return readFormattedText(parseXml(`<Text01 xmlns="${REP_2005}">${writeFormattedText(ft)}</Text01>`));
}

function example(path: string): { root: XmlElement; bytes: Buffer } {
  const bytes = readFileSync(`${EXAMPLES}/${path}`);
  return { root: parseXml(bytes), bytes };
}

function only<T>(items: T[]): T {
  assert.equal(items.length, 1);
  return items[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

// Text a model may hold: XML characters without CR/LF, weighted towards what needs escaping or is whitespace.
const textArb = fc
  .string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('a', 'Z', 'æ', 'Ø', 'å', '1', '.', '-') },
      { weight: 2, arbitrary: fc.constantFrom('<', '>', '&', ']]>', '"', "'", '&amp;', '<Break/>') },
      { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\t', '\u00a0') },
      { weight: 1, arbitrary: fc.constantFrom('😀', '\u{10FFFF}', '\uFFFD', '\uE000') },
    ),
    maxLength: 12,
  })
  .map(t);

const leafArb: fc.Arbitrary<FormattedTextNode> = fc.oneof(
  { weight: 3, arbitrary: textArb },
  { weight: 1, arbitrary: fc.constant(BR) },
  { weight: 1, arbitrary: fc.constant(SP) },
);
const breakableArb = fc
  .tuple(fc.constantFrom(...BREAKABLE), fc.array(leafArb, { maxLength: 4 }))
  .map(([kind, children]) => styled(kind, ...children));
const fixedArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: leafArb }, { weight: 1, arbitrary: breakableArb }), { maxLength: 4 })
  .map((children) => styled('fixed', ...children));
/** Formatted text within FormattedText.xsd's nesting rules. */
const validFtArb: fc.Arbitrary<FormattedText> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: leafArb },
    { weight: 2, arbitrary: breakableArb },
    { weight: 1, arbitrary: fixedArb },
  ),
  { maxLength: 8 },
);

// Source text as senders write it: with newlines and indentation, and also characters XML cannot carry.
const sourceTextArb = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'ø', '<', '&', '.', ' ') },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\n    ', '\t', '  ') },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u000b', '\ud800', '\uFFFF') },
  ),
  maxLength: 10,
});
const ANY_NAME = ['Break', 'Space', 'Bold', 'Italic', 'Underline', 'Right', 'Center', 'FixedFont', 'script', 'p', 'b'];
/** Any element tree, ignoring the XSD, in any namespace. */
const anyTreeArb: fc.Arbitrary<XmlElement> = fc.letrec<{ node: XmlElement | string; tree: XmlElement }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, sourceTextArb, tie('tree')),
  tree: fc
    .tuple(
      fc.constantFrom(...ANY_NAME),
      fc.constantFrom(REP_2005, MM_100, undefined),
      fc.array(tie('node'), { maxLength: 4 }),
    )
    .map(([name, namespace, content]) => el(name, content, namespace)),
})).tree;

/** Element trees whose known markup follows the XSD, with unknown elements and source layout anywhere. */
function xsdTreeArb(): fc.Arbitrary<XmlElement> {
  const unknown = (inner: fc.Arbitrary<XmlElement | string>): fc.Arbitrary<XmlElement> =>
    fc
      .tuple(fc.constantFrom('script', 'p', 'Para'), fc.array(inner, { maxLength: 3 }))
      .map(([name, content]) => el(name, content));
  const empty = fc.constantFrom(el('Break'), el('Space', [], MM_100));
  const leaf: fc.Arbitrary<XmlElement | string> = fc.oneof(sourceTextArb, empty);
  const breakable = fc
    .tuple(fc.constantFrom('Bold', 'Italic', 'Underline', 'Right', 'Center'), fc.array(leaf, { maxLength: 3 }))
    .map(([name, content]) => el(name, content));
  const fixed = fc
    .array(fc.oneof(leaf, breakable, unknown(leaf)), { maxLength: 3 })
    .map((content) => el('FixedFont', content));
  return fc
    .array(fc.oneof(leaf, breakable, fixed, unknown(fc.oneof(leaf, breakable))), { maxLength: 6 })
    .map((content) => el('Text01', content));
}

// ---------------------------------------------------------------------------------------------------------------

describe('FormattedText schema', () => {
  it('accepts every node kind and nested styles', () => {
    const ft = [t('a'), BR, SP, ...STYLES.map((kind) => styled(kind, t('x'))), styled('fixed', styled('bold', BR))];
    assert.deepEqual(FormattedText.parse(ft), ft);
  });

  it('rejects unknown kinds, line breaks in text and characters XML cannot carry', () => {
    assert.equal(FormattedText.safeParse([{ kind: 'script', children: [] }]).success, false);
    assert.equal(FormattedText.safeParse([{ kind: 'html', html: '<b>x</b>' }]).success, false);
    assert.equal(FormattedText.safeParse([t('a\nb')]).success, false);
    assert.equal(FormattedText.safeParse([t('a\rb')]).success, false);
    assert.equal(FormattedText.safeParse([styled('bold', t('\u0000'))]).success, false);
    assert.equal(FormattedText.safeParse([t('\ud800')]).success, false);
    assert.equal(FormattedText.safeParse([{ kind: 'bold' }]).success, false);
  });

  it('infers a recursive type that admits only the known kinds', () => {
    const ft: FormattedText = [
      { kind: 'fixed', children: [{ kind: 'bold', children: [{ kind: 'text', text: 'x' }] }] },
    ];
    // @ts-expect-error -- no such kind, at any depth
    const unknownKind: FormattedText = [{ kind: 'bold', children: [{ kind: 'script', text: 'x' }] }];
    // @ts-expect-error -- a break has no children
    const breakWithChildren: FormattedText = [{ kind: 'break', children: [] }];
    // @ts-expect-error -- styles need children
    const styleWithoutChildren: FormattedText = [{ kind: 'italic' }];
    assert.ok(ft && unknownKind && breakWithChildren && styleWithoutChildren);
  });

  it('drops properties it does not know', () => {
    assert.deepEqual(FormattedText.parse([{ kind: 'text', text: 'a', html: '<script>' }]), [t('a')]);
  });
});

describe('readFormattedText', () => {
  it('reads plain text, Break and Space', () => {
    assert.deepEqual(read('Fri tekst'), [t('Fri tekst')]);
    assert.deepEqual(read('a', el('Break'), 'b', el('Space'), 'c'), [t('a'), BR, t('b'), SP, t('c')]);
    assert.deepEqual(read(), []);
  });

  it('reads each style element', () => {
    for (const kind of STYLES) {
      assert.deepEqual(read('a', el(ELEMENT[kind], ['b']), 'c'), [t('a'), styled(kind, t('b')), t('c')], kind);
    }
  });

  it('reads every nesting FormattedText.xsd allows', () => {
    for (const kind of BREAKABLE) {
      assert.deepEqual(read(el(ELEMENT[kind], ['a', el('Break'), el('Space'), 'b'])), [
        styled(kind, t('a'), BR, SP, t('b')),
      ]);
      assert.deepEqual(read(el('FixedFont', ['x', el(ELEMENT[kind], ['y', el('Break')]), el('Space')])), [
        styled('fixed', t('x'), styled(kind, t('y'), BR), SP),
      ]);
    }
    assert.deepEqual(read(el('FixedFont', [el('Break'), 'a'])), [styled('fixed', BR, t('a'))]);
  });

  it('keeps nesting the XSD forbids as read', () => {
    assert.deepEqual(read(el('Bold', [el('Bold', ['a'])])), [styled('bold', styled('bold', t('a')))]);
    assert.deepEqual(read(el('FixedFont', [el('FixedFont', ['a'])])), [styled('fixed', styled('fixed', t('a')))]);
    assert.deepEqual(read(el('Italic', [el('Center', ['a'])])), [styled('italic', styled('center', t('a')))]);
  });

  it('recognises markup by local name in any namespace', () => {
    const expected = [t('a'), BR, styled('bold', t('b')), SP];
    for (const ns of [REP_2005, MM_100, MM_104, 'http://www.w3.org/1999/xhtml', undefined]) {
      assert.deepEqual(read('a', el('Break', [], ns), el('Bold', ['b'], ns), el('Space', [], ns)), expected, ns);
    }
  });

  it('is case-sensitive, as XML names are', () => {
    assert.deepEqual(read('a', el('break'), el('BOLD', ['b'])), [t('ab')]);
  });

  it('ignores attributes of markup', () => {
    const bold: XmlElement = { ...el('Bold', ['x']), attributes: { style: 'color:red', onclick: 'alert(1)' } };
    assert.deepEqual(read(bold), [styled('bold', t('x'))]);
  });

  it('turns unknown elements into their text, merged with the text around them', () => {
    assert.deepEqual(read('a', el('Para', ['b']), 'c'), [t('abc')]);
    assert.deepEqual(read(el('Para', ['x', el('Bold', ['y']), el('Break'), 'z'])), [t('xyz')]);
    assert.deepEqual(read(el('Bold', ['a', el('Unknown', ['b'])])), [styled('bold', t('ab'))]);
    assert.deepEqual(read(el('Empty')), []);
  });

  it('returns hostile markup only as inert text', () => {
    const ft = read(
      'Se ',
      el('script', ['alert("x")'], 'http://www.w3.org/1999/xhtml'),
      el('img', [], 'http://www.w3.org/1999/xhtml'),
      el('Bold', [el('iframe', ['<b>ikke fed</b>'])]),
    );
    assert.deepEqual(ft, [t('Se alert("x")'), styled('bold', t('<b>ikke fed</b>'))]);
    const xml = writeFormattedText(ft);
    assert.equal(xml, 'Se alert("x")<Bold>&lt;b&gt;ikke fed&lt;/b&gt;</Bold>');
    assert.doesNotMatch(xml, /<(script|img|iframe|b)\b/);
  });

  it('keeps whitespace without a line break as written', () => {
    assert.deepEqual(read('  a   b\t '), [t('  a   b\t ')]);
    assert.deepEqual(read('3 mdr. ', el('Break'), ' Gift'), [t('3 mdr. '), BR, t(' Gift')]);
    assert.deepEqual(read(el('FixedFont', ['  1   2  '])), [styled('fixed', t('  1   2  '))]);
  });

  it('treats whitespace with a line break as source layout', () => {
    const cases: [string, (XmlElement | string)[], FormattedText][] = [
      ['leading and trailing', ['\n    a\n  '], [t('a')]],
      ['wrapped line', ['a\n        b'], [t('a b')]],
      ['CRLF and tabs', ['a \r\n\t\tb'], [t('a b')]],
      ['blanks before the newline', ['a   \n  ', el('Break'), 'b'], [t('a'), BR, t('b')]],
      ['bare newline', ['a\nb'], [t('a b')]],
      ['after a Break', ['a', el('Break'), '\n   b'], [t('a'), BR, t('b')]],
      ['before a Break', ['a\n   ', el('Break'), 'b'], [t('a'), BR, t('b')]],
      [
        'between elements',
        [el('Italic', ['x']), '\n  ', el('Break'), el('Break'), '\n  '],
        [styled('italic', t('x')), BR, BR],
      ],
      ['inside a style', [el('Italic', ['x\n     y'])], [styled('italic', t('x y'))]],
      ['before a style', ['a\n  ', el('Bold', ['b'])], [t('a '), styled('bold', t('b'))]],
      ['after a style ending in a blank', [el('Bold', ['a ']), '\n  b'], [styled('bold', t('a ')), t('b')]],
      ['next to Space', ['a\n  ', el('Space'), '\n b'], [t('a'), SP, t('b')]],
      ['two runs in a row', ['a\n  ', el('Bold', ['\n b'])], [t('a '), styled('bold', t('b'))]],
      ['only layout in a style', [el('Bold', ['\n  '])], [styled('bold')]],
      ['split by an unknown element', ['a\n', el('x', ['  ']), '\n b'], [t('a b')]],
    ];
    for (const [name, content, expected] of cases) assert.deepEqual(read(...content), expected, name);
  });

  it('drops characters XML cannot carry', () => {
    assert.deepEqual(read('a\u0000b\u000b\ud800c\uFFFF'), [t('abc')]);
  });

  it('always returns schema-valid, normalised formatted text', () => {
    fc.assert(
      fc.property(anyTreeArb, (tree) => {
        const ft = readFormattedText(tree);
        assert.equal(FormattedText.safeParse(ft).success, true);
        assert.deepEqual(normalizeFormattedText(ft), ft);
      }),
      { numRuns: 300 },
    );
  });

  it('is a fixed point through writing and reading again', () => {
    fc.assert(
      fc.property(xsdTreeArb(), (tree) => {
        const ft = readFormattedText(tree);
        assert.deepEqual(roundTrip(ft), ft);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readFormattedText on MedCom examples', () => {
  it('reads DIS01 ClinicalInformation/Text01 with its Breaks', () => {
    const { root, bytes } = example('xdis01/DIS01_1.xml');
    const text01 = only(descendants(root, 'Text01'));
    assert.equal(text01.namespace, REP_2005);
    const ft = readFormattedText(text01);
    assert.equal(ft.filter((node) => node.kind === 'break').length, 12);
    assert.equal(ft.filter((node) => node.kind === 'text').length, 10);
    assert.ok(ft.every((node) => node.kind === 'text' || node.kind === 'break'));

    const plain = formattedTextToPlain(ft);
    const lines = plain.split('\n');
    assert.equal(lines.length, 13);
    // Text01 opens and closes with a Break.
    assert.equal(lines[0], '');
    assert.equal(lines.at(-1), '');
    assert.equal(lines[1], 'Indlagt af vagtlæge. Egen læge har foretaget ambulant udredning.');
    assert.ok(lines[2]!.startsWith('Vægttab på 10 kg/ 2mdr, træthed, hudkløe og icterus.'));
    assert.ok(plain.includes('(obs levertal).\n\nMads Madsen/ep\nReservelage\n14.01.1999\n'));
    // A space the sender typed before a Break stays.
    assert.ok(plain.includes('om 3 mdr. \nMedgivet recept på Enterokaps.'));

    // Nothing in this letter is layout, so writing reproduces the sender's markup byte for byte.
    const source = new TextDecoder('windows-1252').decode(bytes);
    assert.ok(source.includes(`<Text01>${writeFormattedText(ft)}</Text01>`));
  });

  it('reads REF01 ft fields, dropping the newlines its pretty-printer put around Breaks', () => {
    const { root } = example('xref01/REF01_1.xml');
    const plain = (name: string): string => formattedTextToPlain(readFormattedText(only(descendants(root, name))));
    assert.equal(plain('Supplementary'), 'Indkaldes fra sommerhus, Sommervej 10, Gilleleje\n');
    assert.equal(plain('Cave'), '\nFenoxymetylpenicillin (1994 Ringsted Sgh. med larynxødem)\n');
    const anamnesis = plain('Anamnesis');
    assert.ok(anamnesis.startsWith('1995 indlagt Køge Sygehus'));
    assert.ok(anamnesis.includes('EKG-belastningsus. \n Gift fabrikant.'));
    assert.equal(anamnesis.split('\n').length, 7);
    assert.ok(anamnesis.endsWith('længerevarende indl.\n'));
  });

  it('reads the indented GGOP ICF template in AbilityAtDischargeExtended', () => {
    const { root } = example('ggop/ggop.xml');
    const element = only(descendants(root, 'AbilityAtDischargeExtended'));
    assert.equal(element.namespace, MM_104);
    assert.equal(descendants(element, 'Bold')[0]!.namespace, MM_100);
    const ft = readFormattedText(element);

    // All whitespace between the markup is indentation: no text nodes remain at the top level.
    const counts = { bold: 0, italic: 0, break: 0 } as Record<string, number>;
    for (const node of ft) counts[node.kind] = (counts[node.kind] ?? 0) + 1;
    assert.deepEqual(counts, { bold: 3, italic: 20, break: 43 });

    assert.deepEqual(ft.slice(0, 4), [
      styled('bold', t('8a. Kroppens funktioner og anatomi')),
      BR,
      styled('italic', t('- Mentale funktioner')),
      BR,
    ]);
    // A heading wrapped over two source lines reads as one line.
    assert.ok(
      ft.some(
        (node) =>
          node.kind === 'italic' &&
          formattedTextToPlain(node.children) ===
            '- Kardiovaskulære, hæmatologiske, immunologiske og respiratoriske funktioner',
      ),
    );
    const plain = formattedTextToPlain(ft);
    assert.ok(plain.includes('- Omsorg for sig selv\n\n- Husførelse\n\n- Interpersonelt samspil og kontakt\n'));
    assert.ok(plain.includes('\n8b. Aktiviteter og Deltagelse\n'));
    assert.ok(plain.endsWith('- Holdninger\n\n'));
    assert.equal(plain.split('\n').length, 44);
  });

  it('reads GGOP JournalExcerpt comments with mm100:Break', () => {
    const { root } = example('ggop/ggop.xml');
    const comments = descendants(root, 'Comment').map(readFormattedText);
    assert.equal(comments.length, 4);
    for (const comment of comments.slice(0, 3)) assert.deepEqual(comment, [t('Fri tekst'), BR]);
    assert.deepEqual(comments[3], [
      t('Fri tekst'),
      BR,
      t('Skrevet af: Alm med 1. reservelæge Bjarne Goldbæk den 27. februar 2013'),
    ]);
    assert.deepEqual(readFormattedText(only(descendants(root, 'PracticalInformation'))), [t('Fri tekst')]);
  });

  it('round-trips every ft field of the examples', () => {
    const fields: [string, string[]][] = [
      ['xdis01/DIS01_1.xml', ['Text01']],
      ['xref01/REF01_1.xml', ['Supplementary', 'ClinicalReason', 'Cave', 'Anamnesis', 'Examination', 'ActualMedicine']],
      ['ggop/ggop.xml', ['AbilityAtDischargeExtended', 'Comment', 'PracticalInformation', 'PatientHealthSummary']],
    ];
    for (const [file, names] of fields) {
      const { root } = example(file);
      for (const name of names) {
        for (const element of descendants(root, name)) {
          const ft = readFormattedText(element);
          assert.deepEqual(roundTrip(ft), ft, `${file} ${name}`);
        }
      }
    }
  });
});

describe('formattedTextToPlain', () => {
  it('turns Break into a newline and Space into a space, dropping styles', () => {
    const ft = [t('a'), BR, SP, styled('fixed', styled('bold', t('b'), BR), t('c')), styled('center', SP)];
    assert.equal(formattedTextToPlain(ft), 'a\n b\nc ');
    assert.equal(formattedTextToPlain([]), '');
  });
});

describe('plainToFormattedText', () => {
  it('turns each kind of line break into a break node', () => {
    assert.deepEqual(plainToFormattedText('a\nb\r\nc\rd'), [t('a'), BR, t('b'), BR, t('c'), BR, t('d')]);
    assert.deepEqual(plainToFormattedText('\n\nx\n'), [BR, BR, t('x'), BR]);
    assert.deepEqual(plainToFormattedText(''), []);
  });

  it('keeps spaces and tabs as written and drops characters XML cannot carry', () => {
    assert.deepEqual(plainToFormattedText('  a\t b  '), [t('  a\t b  ')]);
    assert.deepEqual(plainToFormattedText('a\u0000b\u0007\n\u000cc'), [t('ab'), BR, t('c')]);
  });

  it('is undone by formattedTextToPlain, up to line-break style and non-XML characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), (binary, ascii) => {
        for (const input of [binary, ascii, `${ascii}\r\n${binary}\r${ascii}`]) {
          const ft = plainToFormattedText(input);
          assert.equal(FormattedText.safeParse(ft).success, true);
          const expected = input
            .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
            .replace(/\r\n?/g, '\n');
          assert.equal(formattedTextToPlain(ft), expected);
          assert.deepEqual(roundTrip(ft), ft);
        }
      }),
    );
  });
});

describe('formattedTextLength', () => {
  it('counts code points, with Break and Space as one character each', () => {
    assert.equal(formattedTextLength([]), 0);
    assert.equal(formattedTextLength([t('Så')]), 2);
    assert.equal(formattedTextLength([t('😀')]), 1);
    assert.equal(formattedTextLength([t('ab'), BR, SP, styled('fixed', styled('bold', t('cd'), BR))]), 7);
  });

  it('equals the code-point length of the plain text', () => {
    fc.assert(
      fc.property(validFtArb, (ft) => {
        assert.equal(formattedTextLength(ft), [...formattedTextToPlain(ft)].length);
      }),
    );
  });
});

describe('normalizeFormattedText', () => {
  it('merges adjacent text and drops empty text at every level, keeping empty styles', () => {
    assert.deepEqual(
      normalizeFormattedText([t('a'), t(''), t('b'), styled('bold', t(''), t('c'), t('d')), styled('italic')]),
      [t('ab'), styled('bold', t('cd')), styled('italic')],
    );
  });

  it('does not change its input', () => {
    const input = [t('a'), t('b')];
    normalizeFormattedText(input);
    assert.deepEqual(input, [t('a'), t('b')]);
  });
});

describe('writeFormattedText', () => {
  it('writes text, Break and Space', () => {
    assert.equal(writeFormattedText([t('a'), BR, t('b'), SP, t('c')]), 'a<Break/>b<Space/>c');
    assert.equal(writeFormattedText([]), '');
  });

  it('writes each style without a namespace prefix', () => {
    for (const kind of STYLES) {
      const name = ELEMENT[kind];
      assert.equal(writeFormattedText([styled(kind, t('x'), BR)]), `<${name}>x<Break/></${name}>`);
      assert.equal(writeFormattedText([styled(kind)]), `<${name}/>`);
    }
    assert.equal(
      writeFormattedText([styled('fixed', t('a'), styled('bold', t('b')), styled('right', SP))]),
      '<FixedFont>a<Bold>b</Bold><Right><Space/></Right></FixedFont>',
    );
  });

  it('escapes <, & and > (so ]]> never appears)', () => {
    assert.equal(writeFormattedText([t('a < b && c > d')]), 'a &lt; b &amp;&amp; c &gt; d');
    assert.equal(writeFormattedText([t('x]]>y')]), 'x]]&gt;y');
    assert.equal(writeFormattedText([t('&lt;')]), '&amp;lt;');
    assert.equal(writeFormattedText([t('"\'')]), '"\'');
    fc.assert(
      fc.property(validFtArb, (ft) => {
        assert.doesNotMatch(writeFormattedText(ft), /]]>/);
      }),
    );
  });

  it('writes markup-looking text as text', () => {
    const ft = [t('<script>alert(1)</script><Bold>x</Bold><Break/>')];
    const xml = writeFormattedText(ft);
    assert.equal(xml, '&lt;script&gt;alert(1)&lt;/script&gt;&lt;Bold&gt;x&lt;/Bold&gt;&lt;Break/&gt;');
    assert.deepEqual(roundTrip(ft), ft);
  });

  it('enforces the nesting rules of FormattedText.xsd', () => {
    for (const outer of STYLES) {
      for (const inner of STYLES) {
        const ft = [t('a'), styled(outer, t('b'), styled(inner, t('c')))];
        const allowed = outer === 'fixed' && inner !== 'fixed';
        if (allowed) {
          assert.equal(writeFormattedText(ft), `a<FixedFont>b<${ELEMENT[inner]}>c</${ELEMENT[inner]}></FixedFont>`);
          continue;
        }
        assert.throws(
          () => writeFormattedText(ft),
          (error: unknown) => {
            assert.ok(error instanceof RuleError);
            assert.equal(error.field, 'formattedText[1].children[1]');
            assert.match(error.message, new RegExp(`does not allow ${ELEMENT[inner]} inside ${ELEMENT[outer]}`));
            return true;
          },
          `${outer} > ${inner}`,
        );
      }
    }
    // Three levels deep: a style inside a style inside FixedFont.
    assert.throws(
      () => writeFormattedText([styled('fixed', styled('bold', styled('italic')))], 'clinicalInformation.text01'),
      (error: unknown) =>
        error instanceof RuleError && error.field === 'clinicalInformation.text01[0].children[0].children[0]',
    );
  });

  it('rejects nodes the model cannot hold', () => {
    const cases: [unknown, string][] = [
      [[{ kind: 'script', children: [] }], 'formattedText[0]'],
      [[{ kind: 'text' }], 'formattedText[0].text'],
      [[null], 'formattedText[0]'],
      [[t('line\nbreak')], 'formattedText[0].text'],
      [[styled('bold', t('a\rb'))], 'formattedText[0].children[0].text'],
      [[t('\u0000')], 'formattedText[0].text'],
      [[{ kind: 'bold', children: 'x' }], 'formattedText[0].children'],
      ['<Bold/>', 'formattedText'],
    ];
    for (const [ft, field] of cases) {
      assert.throws(
        () => writeFormattedText(ft as FormattedText),
        (error: unknown) => error instanceof RuleError && error.field === field,
        field,
      );
    }
  });

  it('keeps the text out of error messages (it may hold patient data)', () => {
    assert.throws(
      () => writeFormattedText([t('Hemmelig diagnose\n')]),
      (error: unknown) => error instanceof RuleError && !error.message.includes('Hemmelig'),
    );
  });

  it('round-trips formatted text within the XSD rules, up to normalisation', () => {
    fc.assert(
      fc.property(validFtArb, (ft) => {
        assert.deepEqual(roundTrip(ft), normalizeFormattedText(ft));
      }),
      { numRuns: 500 },
    );
  });
});
