// SPDX-License-Identifier: MIT
import { R4_PRIMITIVES, R4_RESOURCES, R4_STRUCTURES } from './r4-model.generated.js';

/**
 * One element of a FHIR R4 type, resource or backbone element, as defined by the base specification.
 *
 * @category FHIR
 */
export interface ElementInfo {
  /** The element name as defined, e.g. `status` or `value[x]` for a choice element. */
  readonly name: string;
  /** Type codes (`string`, `Reference`, …), or the path of a backbone structure such as `Bundle.entry`. */
  readonly types: readonly string[];
  /** Minimum cardinality. */
  readonly min: number;
  /** Maximum cardinality. */
  readonly max: number | '*';
  /** Whether the element repeats (an array in JSON): `max` is `*` or above 1. */
  readonly array: boolean;
  /** Whether this is a choice element (`value[x]`). */
  readonly choice: boolean;
}

/**
 * An element found by its JSON name, with the one concrete type that name stands for.
 *
 * @category FHIR
 */
export interface ResolvedElement extends ElementInfo {
  /** The concrete type: `Quantity` for `valueQuantity`, the backbone path for a backbone element. */
  readonly type: string;
}

interface Structure {
  readonly elements: readonly ElementInfo[];
  readonly byJsonName: ReadonlyMap<string, ResolvedElement>;
}

const PARENTS: Readonly<Record<string, string>> = {
  E: 'Element',
  B: 'BackboneElement',
  R: 'Resource',
  D: 'DomainResource',
};
const CARDINALITIES: Readonly<Record<string, readonly [number, number | '*']>> = {
  '': [0, 1],
  '*': [0, '*'],
  '1': [1, 1],
  '+': [1, '*'],
};
const NUMBER_TYPES = new Set(['integer', 'unsignedInt', 'positiveInt', 'decimal']);
const EMPTY: readonly ElementInfo[] = Object.freeze([]);

// Decoded on first use: most callers touch a handful of types, and the encoded table is what ships.
const structures = new Map<string, Structure | null>();
let resourceSet: ReadonlySet<string> | undefined;

function decodeElement(entry: string): ElementInfo {
  const [name = '', typeList = '', card = ''] = entry.split(':');
  const [min, max] = CARDINALITIES[card] ?? decodeRange(card);
  return Object.freeze({
    name,
    types: Object.freeze(typeList.split('|')),
    min,
    max,
    array: max === '*' || max > 1,
    choice: name.endsWith('[x]'),
  });
}

function decodeRange(card: string): readonly [number, number | '*'] {
  const [min = '0', max = '1'] = card.split('-');
  return [Number(min), max === '*' ? '*' : Number(max)];
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function structure(typeName: string): Structure | undefined {
  const cached = structures.get(typeName);
  if (cached !== undefined) return cached ?? undefined;
  let encoded = Object.hasOwn(R4_STRUCTURES, typeName) ? R4_STRUCTURES[typeName] : undefined;
  // Primitives carry only what every Element has; their value is not an element.
  if (encoded === undefined && isPrimitiveType(typeName)) encoded = 'E;';
  if (encoded === undefined) {
    structures.set(typeName, null);
    return undefined;
  }
  const separator = encoded.indexOf(';');
  const parentName = PARENTS[encoded.slice(0, separator)];
  const inherited = parentName ? elementsOf(parentName) : EMPTY;
  const own = encoded.slice(separator + 1);
  const elements = Object.freeze([...inherited, ...(own ? own.split(',').map(decodeElement) : [])]);
  const byJsonName = new Map<string, ResolvedElement>();
  for (const element of elements) {
    if (element.choice) {
      const base = element.name.slice(0, -3);
      for (const type of element.types) byJsonName.set(base + upperFirst(type), Object.freeze({ ...element, type }));
    } else {
      byJsonName.set(element.name, Object.freeze({ ...element, type: element.types[0] ?? '' }));
    }
  }
  const result: Structure = { elements, byJsonName };
  structures.set(typeName, result);
  return result;
}

/**
 * Looks up an element by the name it has in FHIR JSON and XML. Choice elements are found by their typed
 * name (`valueQuantity`), and inherited elements (`id`, `extension`, `modifierExtension`, `meta`, `text`,
 * `contained`, `implicitRules`, `language`) are included.
 *
 * @param typeName - A datatype (`HumanName`), resource (`Patient`) or backbone path (`Bundle.entry`).
 * @param jsonName - The element name as it appears in JSON, without a leading `_`.
 * @returns The element with its concrete type, or `undefined` when the type has no such element.
 * @example
 * ```ts
 * elementOf('Observation', 'valueQuantity')?.type; // 'Quantity'
 * elementOf('Bundle', 'entry')?.type; // 'Bundle.entry'
 * ```
 * @category FHIR
 */
export function elementOf(typeName: string, jsonName: string): ResolvedElement | undefined {
  return structure(typeName)?.byJsonName.get(jsonName);
}

/**
 * Every element of a type, resource or backbone element in definition order, inherited ones first. That
 * order is the element order FHIR XML requires.
 *
 * @param typeName - A datatype, primitive, resource or backbone path.
 * @returns The elements; empty for an unknown name.
 * @example
 * ```ts
 * elementsOf('Period').map((e) => e.name); // ['id', 'extension', 'start', 'end']
 * ```
 * @category FHIR
 */
export function elementsOf(typeName: string): readonly ElementInfo[] {
  return structure(typeName)?.elements ?? EMPTY;
}

/**
 * Whether a type code names an R4 primitive type (`string`, `dateTime`, `xhtml`, …).
 *
 * @param type - A type code.
 * @returns `true` for the twenty R4 primitives.
 * @example
 * ```ts
 * isPrimitiveType('dateTime'); // true
 * isPrimitiveType('Period'); // false
 * ```
 * @category FHIR
 */
export function isPrimitiveType(type: string): boolean {
  return Object.hasOwn(R4_PRIMITIVES, type);
}

/**
 * Whether a name is one of the (concrete) resource types this model knows.
 *
 * @param name - A resource type such as `Patient`.
 * @returns `true` for modelled resources; `false` for others and for the abstract `Resource` and `DomainResource`.
 * @example
 * ```ts
 * isResourceType('Bundle'); // true
 * isResourceType('Resource'); // false
 * ```
 * @category FHIR
 */
export function isResourceType(name: string): boolean {
  resourceSet ??= new Set(R4_RESOURCES);
  return resourceSet.has(name);
}

// R4 defines no regex for xhtml; the narrative's content rules are a validator's business, so this
// only asks for a div element.
const XHTML_PATTERN = '<div(\\s[^>]*)?(/>|>[\\s\\S]*</div>)';
// R4's base64Binary regex, (\s*([0-9a-zA-Z\+/=]){4}\s*)+, backtracks exponentially on long invalid input
// (each whitespace run can be split between two groups). This form matches exactly the same strings
// without that ambiguity.
const BASE64_PATTERN = '\\s*([0-9a-zA-Z+/=]{4}\\s*)+';
const SAFE_PATTERNS: Readonly<Record<string, string>> = { base64Binary: BASE64_PATTERN, xhtml: XHTML_PATTERN };

const XSD_WHITESPACE = ' \\t\\n\\r';
const XSD_ESCAPES: Readonly<Record<string, string>> = {
  // Space, CR, LF, tab or any non-space: any character at all.
  '[ \\r\\n\\t\\S]': '[\\s\\S]',
  '[^\\s]': `[^${XSD_WHITESPACE}]`,
  '\\S': `[^${XSD_WHITESPACE}]`,
  '\\s': `[${XSD_WHITESPACE}]`,
};

/**
 * An XML Schema regex as a JavaScript one. XSD's `\s` is only space, tab, CR and LF; JavaScript's also takes
 * no-break spaces and other Unicode spaces, which would refuse valid FHIR strings.
 */
function fromXsd(regex: string): string {
  return regex.replace(/\[ \\r\\n\\t\\S\]|\[\^\\s\]|\\[sS]/g, (token) => XSD_ESCAPES[token] ?? token);
}

/**
 * The R4 `regex` of each primitive type, anchored to match the whole value (XML Schema semantics). `xhtml`
 * has none in R4 and gets a shape check for a `div` element instead; `base64Binary` uses an equivalent
 * rewrite of the R4 expression that cannot backtrack catastrophically.
 *
 * @example
 * ```ts
 * PRIMITIVE_PATTERNS['date']?.test('2024-02-29'); // true
 * PRIMITIVE_PATTERNS['boolean']?.test('yes'); // false
 * ```
 * @category FHIR
 */
export const PRIMITIVE_PATTERNS: Readonly<Record<string, RegExp>> = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(
    Object.entries(R4_PRIMITIVES).map(([type, regex]) => [
      type,
      new RegExp(`^(?:${SAFE_PATTERNS[type] ?? fromXsd(regex)})$`),
    ]),
  ),
);

/**
 * The JSON representation of a primitive type's value.
 *
 * @param primitive - A primitive type code.
 * @returns `boolean` for boolean, `number` for integer, unsignedInt, positiveInt and decimal, else `string`.
 * @example
 * ```ts
 * jsonKindOf('decimal'); // 'number'
 * jsonKindOf('date'); // 'string'
 * ```
 * @category FHIR
 */
export function jsonKindOf(primitive: string): 'boolean' | 'number' | 'string' {
  if (primitive === 'boolean') return 'boolean';
  return NUMBER_TYPES.has(primitive) ? 'number' : 'string';
}
