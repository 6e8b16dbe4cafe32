// SPDX-License-Identifier: MIT
// VANS receipts: the network-level answer to an envelope, sent from the envelope's receiver back to its sender.
// They are separate from the FHIR Acknowledgement, which travels as a message of its own.
import { InputError } from '../../errors/errors.js';
import type { VansEnvelope, VansMetaInformation, VansReceiptType } from './types.js';
import { envelopeIdFrom, envelopeXml, escapeText, FacetChecker, metaInformationXml, sentDateTime } from './write.js';

/**
 * Options for {@link vansReceipt}.
 *
 * @example
 * ```ts
 * const options: VansReceiptOptions = { error: { code: '12', description: 'Receiver mailbox is closed' } };
 * ```
 * @category Transport
 */
export interface VansReceiptOptions {
  /**
   * The receipt's `Error`: required for `NegativeMessage` and `NegativeVans`, not allowed for `PositiveMessage`.
   * `code` is a positive integer; `description` is 1–512 characters and goes to the sender as written, so keep
   * CPR numbers and message content out of it.
   */
  readonly error?: { readonly code?: string; readonly description: string };
  /** The clock for SentDateTime; `new Date()` by default. */
  readonly now?: () => Date;
  /** The receipt's EnvelopeIdentifier; `crypto.randomUUID()` by default. */
  readonly newId?: () => string;
}

const TYPES: ReadonlySet<string> = new Set(['PositiveMessage', 'NegativeMessage', 'NegativeVans']);

/** The meta-information alone: a message read from an envelope also carries its bytes. */
function metaOf(message: VansMetaInformation): VansMetaInformation {
  const { identifier, processing, format, name, version, sizeInBytes, transportType, transformMessage } = message;
  return {
    identifier,
    ...(processing ? { processing } : {}),
    format,
    name,
    ...(version === undefined ? {} : { version }),
    sizeInBytes,
    ...(transportType === undefined ? {} : { transportType }),
    ...(transformMessage === undefined ? {} : { transformMessage }),
    serviceTags: Array.isArray(message.serviceTags) ? message.serviceTags : [],
  };
}

function checkError(type: VansReceiptType, error: VansReceiptOptions['error'], checker: FacetChecker): void {
  if (type === 'PositiveMessage') {
    if (error !== undefined) {
      checker.issues.push({ field: 'error', rule: 'not-allowed', message: 'A PositiveMessage receipt has no error' });
    }
    return;
  }
  if (typeof error !== 'object' || error === null) {
    checker.issues.push({ field: 'error', rule: 'required', message: `A ${type} receipt needs an error description` });
    return;
  }
  if (error.code !== undefined && (typeof error.code !== 'string' || !/^[1-9]\d{0,17}$/.test(error.code))) {
    checker.issues.push({ field: 'error.code', rule: 'positive-integer', message: 'must be a positive integer' });
  }
  checker.text('error.description', error.description, 512);
}

/**
 * Writes a VANS receipt for an envelope that arrived: `PositiveMessage` (the message was received and accepted),
 * `NegativeMessage` (it was received but refused) or `NegativeVans` (it could not be delivered). The receipt goes
 * from the original envelope's receiver back to its sender, names the original EnvelopeIdentifier and echoes its
 * MetaInformation as `OriginalMessage`. Read receipts with `unwrapVansEnvelope` (`kind: 'receipt'`). The output
 * validates against `vans-envelope-1.0.4.xsd`.
 *
 * @param type - The receipt type.
 * @param original - The envelope being answered, as `unwrapVansEnvelope` returned it. A receipt is never answered.
 * @param options - The error (for the negative types), clock and id source.
 * @returns The receipt envelope XML.
 * @throws `InputError` for an unknown type, a receipt as `original` (rule `receipt-of-receipt`), a missing or
 *   unwanted error, or values the schema does not allow.
 * @example
 * ```ts
 * const envelope = unwrapVansEnvelope(item.envelope);
 * if (envelope.kind === 'message') await transport.send(vansReceipt('PositiveMessage', envelope));
 * // Refused:
 * vansReceipt('NegativeMessage', envelope, { error: { code: '2', description: 'Unknown message type' } });
 * ```
 * @category Transport
 */
export function vansReceipt(type: VansReceiptType, original: VansEnvelope, options: VansReceiptOptions = {}): string {
  if (!TYPES.has(type)) {
    throw new InputError([
      { field: 'type', rule: 'enum', message: 'must be PositiveMessage, NegativeMessage or NegativeVans' },
    ]);
  }
  if (typeof original !== 'object' || original === null || original.kind !== 'message') {
    throw new InputError([
      {
        field: 'original',
        rule: 'receipt-of-receipt',
        message: 'Only a message envelope gets a receipt; a receipt is never answered',
      },
    ]);
  }
  const meta = metaOf(original.message);
  const checker = new FacetChecker();
  checker.endPoint('original.receiverId', original.receiverId, original.receiverIdType);
  checker.endPoint('original.senderId', original.senderId, original.senderIdType);
  checker.uuid('original.envelopeId', original.envelopeId);
  checker.meta('original.message', meta);
  checkError(type, options.error, checker);
  checker.throwIfAny();

  const { open, close } = envelopeXml({
    senderId: original.receiverId,
    senderIdType: original.receiverIdType,
    receiverId: original.senderId,
    receiverIdType: original.senderIdType,
    envelopeId: envelopeIdFrom(undefined, options.newId, 'newId'),
    sentDateTime: sentDateTime(options.now ?? (() => new Date())),
  });
  const lines = ['  <Receipt>', `    <${type}>`];
  if (options.error !== undefined) {
    lines.push('      <Error>');
    if (options.error.code !== undefined) lines.push(`        <Code>${options.error.code}</Code>`);
    lines.push(`        <Description>${escapeText(options.error.description)}</Description>`, '      </Error>');
  }
  lines.push(
    `      <OriginalEnvelopeIdentifier>${original.envelopeId}</OriginalEnvelopeIdentifier>`,
    metaInformationXml(meta, 'OriginalMessage', 6),
    `    </${type}>`,
    '  </Receipt>',
  );
  return `${open}${lines.join('\n')}\n${close}`;
}
