// SPDX-License-Identifier: MIT
// VANSEnvelope 1.0.4: wrapping messages, reading envelopes and VANS receipts.
export { wrapVansEnvelope } from './envelope.js';
export type { WrapVansEnvelopeOptions } from './envelope.js';
export type { VansPayloadInput } from './payload.js';
export { vansReceipt } from './receipt.js';
export type { VansReceiptOptions } from './receipt.js';
export { unwrapVansEnvelope } from './unwrap.js';
export type { UnwrapVansEnvelopeOptions } from './unwrap.js';
export { VANS_MAX_BYTES, VANS_NAMESPACE } from './types.js';
export type {
  VansDocumentFormat,
  VansEndPointType,
  VansEnvelope,
  VansEnvelopeBase,
  VansMessage,
  VansMessageEnvelope,
  VansMetaInformation,
  VansReceipt,
  VansReceiptEnvelope,
  VansReceiptError,
  VansReceiptType,
  VansServiceTag,
} from './types.js';
