// SPDX-License-Identifier: MIT
// The narrative rules htmlChecks() enforces, one by one. invariants.test.ts compares it with fhirpath.js on the
// examples and on generated markup.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlChecks } from './index.js';

const div = (body: string, open = '<div xmlns="http://www.w3.org/1999/xhtml">'): string => `${open}${body}</div>`;

describe('htmlChecks', () => {
  it('accepts basic formatting, tables, lists, anchors and images', () => {
    for (const body of [
      '<p>Hello <b>there</b>, <i>you</i></p>',
      '<table class="grid"><tr><th scope="col">a</th></tr><tr><td colspan="2" nowrap="nowrap">1</td></tr></table>',
      '<ul><li>one</li></ul><ol><li>two</li></ol><dl><dt>x</dt><dd>y</dd></dl>',
      '<a href="https://example.org">link</a><a name="anchor"> </a>',
      '<img src="data:image/png;base64,AAAA" alt="scan"/>',
      '<br/><hr/><pre>  x  </pre><code>y</code>',
      'a &amp; b &lt; c &gt; d &quot; &apos; &#160; &#xA0;',
      '<p>x</p><!-- a comment -->',
      '<p style="color: red" title=\'single quotes\'>x</p>',
    ]) {
      assert.equal(htmlChecks(div(body)), true, body);
    }
    assert.equal(htmlChecks('\n  <div>text</div>\n'), true, 'the namespace declaration is optional');
  });

  it('rejects scripts, forms, frames, objects, style sheets and other elements', () => {
    for (const element of ['script', 'form', 'input', 'iframe', 'object', 'embed', 'style', 'font', 'center', 'map']) {
      assert.equal(htmlChecks(div(`<p>x</p><${element}>y</${element}>`)), false, element);
    }
    assert.equal(htmlChecks(div('<P>x</P>')), false, 'names are case-sensitive');
  });

  it('rejects event handlers and other attributes off the allow list', () => {
    for (const attribute of ['onclick', 'onload', 'data-x', 'xml:lang', 'xmlns:x', 'href', 'src']) {
      assert.equal(htmlChecks(div(`<p ${attribute}="x">y</p>`)), false, attribute);
    }
    assert.equal(htmlChecks(div('<p>x</p>', '<div xmlns="http://example.org">')), false, 'xmlns must be XHTML');
    assert.equal(htmlChecks(div('<p class="a" class="b">x</p>')), false, 'no attribute twice');
  });

  it('requires well-formed XML', () => {
    for (const body of [
      '<p>x',
      '<p>x</b>',
      '<br>',
      '<p class=x>y</p>',
      '<p nowrap>y</p>',
      '<p title="a"class="b">y</p>',
      '<p title="a<b">y</p>',
      'a & b',
      'a &nbsp; b',
      '&#0;',
      '&#x110000;',
      ']]>',
      '<!-- a -- b -->',
      '<!-- a--->',
      '<![CDATA[x]]>',
      '<?pi x?>',
      '\u0001',
      '\ud800',
    ]) {
      assert.equal(htmlChecks(div(`x ${body}`)), false, body);
    }
  });

  it('requires one root div and nothing but whitespace around it', () => {
    assert.equal(htmlChecks('<p>x</p>'), false);
    assert.equal(htmlChecks(`${div('x')}${div('y')}`), false);
    assert.equal(htmlChecks(`text ${div('x')}`), false);
    assert.equal(htmlChecks(`<!-- c -->${div('x')}`), false);
    assert.equal(htmlChecks('<!DOCTYPE html><div>x</div>'), false);
  });

  it('requires some content: non-whitespace text or an image with a source', () => {
    assert.equal(htmlChecks(div('')), false);
    assert.equal(htmlChecks(div(' <p> </p>\n')), false);
    assert.equal(htmlChecks(div('<img alt="no source"/>')), false);
    assert.equal(htmlChecks(div('<img src="x.png"/>')), true);
    assert.equal(htmlChecks(div('&#32;')), true, 'a character reference counts as content');
  });

  it('is false for anything but a string', () => {
    for (const value of [undefined, null, 1, true, {}, ['<div>x</div>']]) assert.equal(htmlChecks(value), false);
  });
});
