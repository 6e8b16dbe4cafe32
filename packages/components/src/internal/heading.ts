// SPDX-License-Identifier: MIT
import { nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Aliased so the template minifier (which would choke on a dynamic tag name) leaves this one template alone.
import { html as withDynamicTag, literal } from 'lit/static-html.js';

const TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`] as const;

/** Where a heading sits in the host's outline and how it is addressed. */
export interface HeadingOptions {
  /** The host's `heading-level` (the title's level); anything odd falls back to 2. */
  readonly base: number;
  /** Levels below the title: 0 for the title, 1 for a section, 2 for a sub-section. */
  readonly offset: number;
  readonly className: string;
  readonly id?: string | undefined;
  readonly part?: string | undefined;
}

/** An `h1`–`h6` at `base + offset`, clamped to the valid range, so a component fits any host outline. */
export function heading(content: unknown, { base, offset, className, id, part }: HeadingOptions): TemplateResult {
  const level = Math.min(6, Math.max(1, (Math.trunc(Number(base)) || 2) + offset));
  const tag = TAGS[level - 1] ?? TAGS[1];
  return withDynamicTag`<${tag} class=${className} id=${ifDefined(id)} part=${ifDefined(part)}>${content ?? nothing}</${tag}>`;
}
