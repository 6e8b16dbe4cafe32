// SPDX-License-Identifier: MIT
// Writing VANSEnvelope XML: the envelope head shared by messages and receipts, and MetaInformation, which a
// receipt echoes as OriginalMessage. Everything written here is checked against the XSD's facets first, so the
// output always validates.
import { InputError, type InputIssue } from '../../errors/errors.js';
import { hasIllegalXmlChar } from '../../fhir/xml/common.js';
import { VANS_NAMESPACE, type VansEndPointType, type VansMetaInformation } from './types.js';

/** The XSD's UUIDType, narrowed to hexadecimal digits (the schema's own class also lets G–Z through). */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const FORMATS: ReadonlySet<string> = new Set(['XML', 'EDIFACT', 'HL7', 'Binary', 'Other']);
const END_POINT_TYPES: ReadonlySet<string> = new Set(['EAN', 'CVR', 'VANS']);
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
};

/** Escapes element text; a carriage return becomes a reference so that it survives line-end normalisation. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** Length in characters, as XML Schema counts them (a surrogate pair is one). */
export function xsdLength(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** Collects facet violations as input issues; values are never quoted, since they can be anything. */
export class FacetChecker {
  readonly issues: InputIssue[] = [];

  text(field: string, value: unknown, max: number): void {
    if (typeof value !== 'string' || value === '') {
      this.issues.push({ field, rule: 'required', message: 'must be a non-empty string' });
    } else if (xsdLength(value) > max) {
      this.issues.push({ field, rule: 'max-length', message: `must be at most ${max} characters` });
    } else if (hasIllegalXmlChar(value)) {
      this.issues.push({ field, rule: 'xml-char', message: 'contains a character XML 1.0 does not allow' });
    }
  }

  uuid(field: string, value: unknown): void {
    if (typeof value !== 'string' || !UUID.test(value)) {
      this.issues.push({ field, rule: 'uuid', message: 'must be a UUID (8-4-4-4-12 hexadecimal digits)' });
    }
  }

  endPoint(field: string, value: unknown, type: unknown): void {
    // xs:token: no leading, trailing or repeated whitespace survives, so none is written.
    if (typeof value !== 'string' || !/^\S+( \S+)*$/.test(value) || xsdLength(value) > 18) {
      this.issues.push({ field, rule: 'end-point', message: 'must be 1 to 18 characters without outer whitespace' });
    } else if (hasIllegalXmlChar(value)) {
      this.issues.push({ field, rule: 'xml-char', message: 'contains a character XML 1.0 does not allow' });
    }
    if (typeof type !== 'string' || !END_POINT_TYPES.has(type)) {
      this.issues.push({ field: `${field}Type`, rule: 'enum', message: 'must be EAN, CVR or VANS' });
    }
  }

  meta(field: string, meta: VansMetaInformation | undefined): void {
    if (typeof meta !== 'object' || meta === null) {
      this.issues.push({ field, rule: 'required', message: 'is missing' });
      return;
    }
    this.uuid(`${field}.identifier`, meta.identifier);
    if (meta.processing !== undefined) {
      this.text(`${field}.processing.providerIdentifier`, meta.processing.providerIdentifier, 255);
      this.text(`${field}.processing.serviceIdentifier`, meta.processing.serviceIdentifier, 255);
    }
    if (!FORMATS.has(meta.format)) {
      this.issues.push({
        field: `${field}.format`,
        rule: 'enum',
        message: 'must be XML, EDIFACT, HL7, Binary or Other',
      });
    }
    this.text(`${field}.name`, meta.name, 255);
    if (meta.version !== undefined) this.text(`${field}.version`, meta.version, 255);
    if (!Number.isInteger(meta.sizeInBytes) || meta.sizeInBytes < 0 || meta.sizeInBytes > 2147483647) {
      this.issues.push({ field: `${field}.sizeInBytes`, rule: 'int', message: 'must be a whole number of bytes' });
    }
    if (meta.transportType !== undefined && meta.transportType !== 'reliable' && meta.transportType !== 'unreliable') {
      this.issues.push({ field: `${field}.transportType`, rule: 'enum', message: 'must be reliable or unreliable' });
    }
    const tags = Array.isArray(meta.serviceTags) ? meta.serviceTags : [];
    if (tags.length > 5) {
      this.issues.push({ field: `${field}.serviceTags`, rule: 'max-count', message: 'may hold at most 5 tags' });
    }
    tags.forEach((tag, i) => {
      this.text(`${field}.serviceTags[${i}].name`, tag.name, 70);
      this.text(`${field}.serviceTags[${i}].value`, tag.value, 70);
    });
  }

  /** Throws every issue found so far as one InputError. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new InputError(this.issues);
  }
}

/**
 * The MetaInformation element (or OriginalMessage, which has the same type), indented by `indent` spaces.
 * The meta-information must have passed {@link FacetChecker.meta}.
 */
export function metaInformationXml(meta: VansMetaInformation, element: string, indent: number): string {
  const pad = (n: number) => ' '.repeat(indent + n);
  const lines = [`${pad(0)}<${element}>`, `${pad(2)}<Identifier>${meta.identifier}</Identifier>`];
  if (meta.processing) {
    lines.push(
      `${pad(2)}<Processing>`,
      `${pad(4)}<ProviderIdentifier>${escapeText(meta.processing.providerIdentifier)}</ProviderIdentifier>`,
      `${pad(4)}<ServiceIdentifier>${escapeText(meta.processing.serviceIdentifier)}</ServiceIdentifier>`,
      `${pad(2)}</Processing>`,
    );
  }
  lines.push(
    `${pad(2)}<Document>`,
    `${pad(4)}<Format>${meta.format}</Format>`,
    `${pad(4)}<Name>${escapeText(meta.name)}</Name>`,
  );
  if (meta.version !== undefined) lines.push(`${pad(4)}<Version>${escapeText(meta.version)}</Version>`);
  lines.push(`${pad(4)}<SizeInBytes>${meta.sizeInBytes}</SizeInBytes>`, `${pad(2)}</Document>`);
  // TransformMessage is required inside Transport; a message read without Transport is echoed without it.
  const hasTransport =
    meta.transformMessage !== undefined || meta.transportType !== undefined || meta.serviceTags.length > 0;
  if (hasTransport) {
    lines.push(`${pad(2)}<Transport>`);
    if (meta.transportType !== undefined) lines.push(`${pad(4)}<Type>${meta.transportType}</Type>`);
    lines.push(`${pad(4)}<TransformMessage>${meta.transformMessage === true}</TransformMessage>`);
    for (const tag of meta.serviceTags) {
      lines.push(`${pad(4)}<ServiceTag name="${escapeAttribute(tag.name)}">${escapeText(tag.value)}</ServiceTag>`);
    }
    lines.push(`${pad(2)}</Transport>`);
  }
  lines.push(`${pad(0)}</${element}>`);
  return lines.join('\n');
}

/** The addressing every envelope starts with. Values must have passed {@link FacetChecker}. */
export interface EnvelopeHead {
  readonly senderId: string;
  readonly senderIdType: VansEndPointType;
  readonly receiverId: string;
  readonly receiverIdType: VansEndPointType;
  readonly envelopeId: string;
  readonly sentDateTime: string;
}

/** The envelope's opening up to and including SentDateTime, and its closing tag. */
export function envelopeXml(head: EnvelopeHead): { open: string; close: string } {
  const open = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<VANSEnvelope xmlns="${VANS_NAMESPACE}">`,
    `  <SenderID EndPointType="${head.senderIdType}">${escapeText(head.senderId)}</SenderID>`,
    `  <ReceiverID EndPointType="${head.receiverIdType}">${escapeText(head.receiverId)}</ReceiverID>`,
    `  <EnvelopeIdentifier>${head.envelopeId}</EnvelopeIdentifier>`,
    `  <SentDateTime>${head.sentDateTime}</SentDateTime>`,
    '',
  ].join('\n');
  return { open, close: '</VANSEnvelope>\n' };
}

/** An `xs:dateTime` for a moment: UTC, whole seconds, `Z`. */
export function sentDateTime(now: () => Date): string {
  const date = now();
  const year = date instanceof Date ? date.getUTCFullYear() : NaN;
  // Past year 9999 toISOString switches to an expanded form that xs:dateTime does not share.
  if (!(year >= 1 && year <= 9999)) {
    throw new InputError([{ field: 'now', rule: 'date', message: 'The clock returned an invalid date' }]);
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A new envelope id from `newId` (default `crypto.randomUUID()`), checked to be a UUID. */
export function envelopeIdFrom(given: string | undefined, newId: (() => string) | undefined, field: string): string {
  const id = given ?? (newId ?? (() => globalThis.crypto.randomUUID()))();
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InputError([{ field, rule: 'uuid', message: 'must be a UUID (8-4-4-4-12 hexadecimal digits)' }]);
  }
  return id;
}
