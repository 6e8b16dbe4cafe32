// SPDX-License-Identifier: MIT
// A minimal indenting XML writer for element-only content; formatted text goes in pre-escaped, on one line,
// because whitespace there is content.

/** Escapes element text. A CR is written as a reference, since a parser would otherwise turn it into LF. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Collects lines of indented XML. */
export class XmlBuilder {
  private readonly lines: string[] = [];
  private depth = 0;

  /** Opens `name`, runs `body` for its children, and closes it. */
  element(name: string, body: () => void, attributes = ''): void {
    this.line(`<${name}${attributes}>`);
    this.depth++;
    body();
    this.depth--;
    this.line(`</${name}>`);
  }

  /** A simple-content element, escaped; nothing when `value` is undefined. */
  leaf(name: string, value: string | undefined): void {
    if (value !== undefined) this.line(`<${name}>${escapeText(value)}</${name}>`);
  }

  /** An element whose content is already XML (formatted text); nothing when `content` is undefined. */
  raw(name: string, content: string | undefined): void {
    if (content !== undefined) this.line(`<${name}>${content}</${name}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }
}
