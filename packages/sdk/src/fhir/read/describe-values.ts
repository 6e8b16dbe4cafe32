// SPDX-License-Identifier: MIT
// Shape-checked access to untrusted FHIR JSON: each reader returns `undefined` or an empty list for a value of the
// wrong kind, so a malformed message yields missing fields instead of a TypeError.

/** @internal */
export type JsonObject = Readonly<Record<string, unknown>>;

/** @internal */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty string (FHIR forbids empty strings), else `undefined`. @internal */
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** @internal */
export const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The objects in an array; anything else gives `[]`. @internal */
export const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** The non-empty strings in an array; anything else gives `[]`. @internal */
export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => str(item) !== undefined) : [];

/** A named property of an object, or `undefined` when `value` is not an object. @internal */
export const field = (value: unknown, name: string): unknown =>
  isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;

/**
 * The first extension on `element` whose URL is, or ends with, the StructureDefinition id `id` (so canonical
 * version suffixes and older base URLs still match).
 *
 * @internal
 */
export function extension(element: unknown, id: string): JsonObject | undefined {
  return objects(field(element, 'extension')).find((ext) => {
    const url = str(ext['url'])?.split('|')[0];
    return url !== undefined && (url === id || url.endsWith(`/${id}`));
  });
}

/** The first `coding.code` of a CodeableConcept. @internal */
export const conceptCode = (concept: unknown): string | undefined =>
  objects(field(concept, 'coding'))
    .map((coding) => str(coding['code']))
    .find((code) => code !== undefined);

/** A display string for a CodeableConcept: its first coding display or code, else its text. @internal */
export function conceptText(concept: unknown): string | undefined {
  for (const coding of objects(field(concept, 'coding'))) {
    const text = str(coding['display']) ?? str(coding['code']);
    if (text !== undefined) return text;
  }
  return str(field(concept, 'text'));
}

/** A display name from a list of HumanNames: the official one (else the first), given names then family. @internal */
export function humanName(names: unknown): string | undefined {
  const list = objects(names);
  const name = list.find((n) => n['use'] === 'official') ?? list[0];
  if (!name) return undefined;
  const parts = [...strings(name['given']), str(name['family'])].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : str(name['text']);
}

const isBase64Space = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * The number of bytes a base64 text decodes to, worked out from its length so that a large attachment is never
 * decoded just to be measured. Whitespace (line-wrapped base64, as in XML) is not counted.
 *
 * @internal
 */
export function base64ByteLength(data: string): number {
  let length = data.length;
  // Only a wrapped text needs the slower scan; most JSON base64 has no whitespace at all.
  if (/\s/.test(data)) {
    length = 0;
    for (let i = 0; i < data.length; i++) if (!isBase64Space(data.charCodeAt(i))) length++;
  }
  let padding = 0;
  for (let i = data.length - 1; i >= 0 && padding < 2; i--) {
    const code = data.charCodeAt(i);
    if (isBase64Space(code)) continue;
    if (code !== 0x3d) break;
    padding++;
  }
  return Math.max(0, Math.floor((length * 3) / 4) - padding);
}
