// SPDX-License-Identifier: MIT
import type { ReadContext } from '../common/context.js';
import { children, type XmlElement } from '../read/tree.js';

/**
 * The children of `parent` with any of the local `names`, in document order. When there are more than the
 * XD0133L schema allows, a warning says so: the letter is still shown in full, but the sender broke the contract.
 */
export function repeated(
  parent: XmlElement | undefined,
  names: string | readonly string[],
  max: number,
  path: string,
  context: ReadContext,
): XmlElement[] {
  const wanted: readonly string[] = typeof names === 'string' ? [names] : names;
  const found = children(parent).filter((element) => wanted.includes(element.name));
  if (found.length > max) {
    const name = wanted[0] ?? '';
    context.warn(`${path}/${name}`, `${found.length} ${name} elements; the schema allows at most ${max}`);
  }
  return found;
}

/** Warns when an element the schema requires is absent. */
export function required(element: XmlElement | undefined, path: string, context: ReadContext): void {
  if (!element) context.warn(path, 'Missing, though the schema requires it');
}
