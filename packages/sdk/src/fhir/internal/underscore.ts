// SPDX-License-Identifier: MIT

const names = new Map<string, string>();

/**
 * `_name`, the JSON key of a primitive's id and extensions. Interned: property look-ups with a freshly built
 * key string must hash it every time, and the walk does this for every element.
 */
export function underscore(name: string): string {
  let key = names.get(name);
  if (key === undefined) {
    key = `_${name}`;
    names.set(name, key);
  }
  return key;
}
