// SPDX-License-Identifier: MIT
// Building DOM without innerHTML: every string becomes a text node, so message content (names, texts from other
// parties' messages) can never turn into markup.

/**
 * Creates an element. `props`: `class`, `dataset` (an object), `on<event>` listeners, `.<name>` properties (for
 * custom elements' object properties), and everything else as attributes (`true` for an empty attribute; `false`,
 * `null` and `undefined` leave it out). Children: nodes, strings and arrays of them; falsy ones are skipped.
 *
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = String(value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('.')) element[key.slice(1)] = value;
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(
    ...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false),
  );
  return element;
}

/**
 * The element with this id, or an error naming it: the pages' structure is fixed, so a missing one is a bug.
 *
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return /** @type {T} */ (element);
}

/**
 * Sets a status line's text and tone (`error`, or none).
 *
 * @param {HTMLElement} element
 * @param {string} text
 * @param {'error' | undefined} [tone]
 */
export function say(element, text, tone) {
  element.textContent = text;
  if (tone) element.dataset.tone = tone;
  else delete element.dataset.tone;
}
