// SPDX-License-Identifier: MIT
// What the outbox needs to know about a message before it sends it: ids, the sender and every receiver's GLN.
import type { Bundle } from '@medplum/fhirtypes';
import { RuleError, ValidationError, type ValidationIssue } from '../../errors/index.js';
import { describeMessage, type MessageDescription } from '../../fhir/read/describe.js';
import { validateMessage } from '../../fhir/validate/index.js';

/** An outgoing message, read. @internal */
export interface OutgoingMessage {
  readonly messageHeaderId: string;
  readonly bundleId: string;
  readonly isAcknowledgement: boolean;
  /** The primary receiver first, then each cc receiver; each once. */
  readonly receivers: readonly string[];
}

/**
 * Refuses a message that fails validation (MedCom §3.4: senders SHALL NOT send messages with validation errors).
 *
 * @internal
 */
export function refuseInvalid(message: Bundle): void {
  const result = validateMessage(message);
  if (result.ok) return;
  const issues: ValidationIssue[] = result.issues.flatMap((issue) =>
    issue.severity === 'information'
      ? []
      : [{ severity: issue.severity, code: issue.code, message: issue.message, path: issue.path }],
  );
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  throw new ValidationError(
    `The message is invalid (${errors} error${errors === 1 ? '' : 's'}) and was not sent`,
    issues,
  );
}

/**
 * Reads the ids and parties of a message to send, and checks that this party is its sender.
 *
 * @internal
 */
export function readOutgoing(message: Bundle, self: string): OutgoingMessage {
  let description: MessageDescription;
  try {
    description = describeMessage(message);
  } catch (error) {
    throw new RuleError('The message cannot be sent: it is not a MedCom message', 'message', { cause: error });
  }
  const { messageHeaderId, bundleId } = description;
  if (messageHeaderId === undefined) throw new RuleError('The message has no MessageHeader.id', 'message');
  if (bundleId === undefined) throw new RuleError('The message has no Bundle.id', 'message.id');
  if (description.sender?.gln !== self) {
    throw new RuleError("The message's sender is not this party's GLN", 'message.sender');
  }
  const primary = description.receivers.filter((r) => r.use === 'primary');
  const ordered = [...primary, ...description.receivers.filter((r) => r.use !== 'primary')];
  if (ordered.length === 0) throw new RuleError('The message has no receiver', 'message.destination');
  const receivers: string[] = [];
  for (const receiver of ordered) {
    if (receiver.gln === undefined) throw new RuleError('A receiver of the message has no GLN', 'message.destination');
    if (!receivers.includes(receiver.gln)) receivers.push(receiver.gln);
  }
  return { messageHeaderId, bundleId, isAcknowledgement: description.kind === 'acknowledgement', receivers };
}

/**
 * The key of the outgoing record for one receiver.
 *
 * @example
 * ```ts
 * outgoingKey('a1b2…', '5790001348120'); // 'a1b2…|5790001348120'
 * ```
 * @category Transport
 */
export function outgoingKey(messageHeaderId: string, receiverGln: string): string {
  return `${messageHeaderId}|${receiverGln}`;
}
