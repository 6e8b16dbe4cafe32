// SPDX-License-Identifier: MIT
// The dispatcher's own wording: only its states and the empty test message; the viewers it delegates to have theirs.

/** Danish, the default. */
export const daStrings = {
  msgLoading: 'Henter meddelelse …',
  msgEmpty: 'Ingen meddelelse at vise.',
  msgError: 'Meddelelsen kunne ikke vises.',
  msgUnsupported: 'Denne slags meddelelse kan ikke vises her.',
  msgEmptyMessageTitle: 'Tom meddelelse (test af forbindelsen)',
  msgEmptyMessageHint: 'En MedCom-testmeddelelse uden indhold, der kun viser, at forbindelsen virker.',
  msgSender: 'Afsender',
  msgReceiver: 'Modtager',
  msgMessageId: 'Meddelelses-id',
  msgSent: 'Sendt',
};

/** The strings of `<samspil-message>`. */
export type MessageStrings = typeof daStrings;

/** English. */
export const enStrings: MessageStrings = {
  msgLoading: 'Loading message …',
  msgEmpty: 'No message to show.',
  msgError: 'The message could not be shown.',
  msgUnsupported: 'This kind of message cannot be shown here.',
  msgEmptyMessageTitle: 'Empty message (connection test)',
  msgEmptyMessageHint: 'A MedCom test message without content that only shows the connection works.',
  msgSender: 'Sender',
  msgReceiver: 'Receiver',
  msgMessageId: 'Message id',
  msgSent: 'Sent',
};
