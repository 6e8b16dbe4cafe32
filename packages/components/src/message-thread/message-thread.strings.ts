// SPDX-License-Identifier: MIT
// The thread viewer's own wording. Category labels come from the SDK (`categoryLabel`); these are the rest.
// Hosts override any key at runtime: `setStrings('da', { mtTitle: 'Korrespondance med kommunen' })`.
import type { ThreadActivity } from '@samspil/sdk';

/** Danish, the default. */
export const daStrings = {
  mtTitle: 'Korrespondance',
  mtCount: (count: number): string => (count === 1 ? '1 meddelelse' : `${count} meddelelser`),
  mtListLabel: 'Meddelelser, ældste først',
  mtTimeZone: 'Tider er vist i din tidszone.',
  mtPatientsDiffer:
    'Advarsel: meddelelserne gælder ikke den samme patient. Kontrollér patienten i hver meddelelse; banneret viser den nyeste meddelelses patient.',
  mtLoading: 'Henter korrespondance …',
  mtEmpty: 'Ingen korrespondance at vise.',
  mtError: 'Korrespondancen kunne ikke vises.',
  mtActivity: {
    new: 'Ny meddelelse',
    reply: 'Svar',
    forward: 'Videresendelse',
  } satisfies Record<ThreadActivity, string>,
  mtActivityUnknown: 'Meddelelse',
  mtEntryTitle: (activity: string, sender: string): string => (sender ? `${activity} fra ${sender}` : activity),
  mtUnknownSender: 'ukendt afsender',
  mtFrom: 'Fra',
  mtTo: 'Til',
  mtAuthor: 'Skrevet af',
  mtCategory: 'Kategori',
  mtTopic: 'Emne',
  mtPriority: 'Prioritet',
  mtAsap: 'Haster (asap)',
  mtAsapNote: 'Afsenderen har markeret meddelelsen som hastende.',
  mtThreadId: 'Tråd-id',
  mtAnswers: 'Svar på',
  mtForwards: 'Videresender',
  mtMessageNumber: (n: number): string => `meddelelse ${n}`,
  mtPreviousLetter: 'Fortsætter brev',
  mtForwarded: 'Videresendt',
  mtForwardedNote: 'Denne meddelelse er senere videresendt til en anden modtager.',
  mtGap: 'Ikke modtaget',
  mtGapNote:
    'Denne meddelelse er ikke modtaget her. Den kendes fra historikken i en senere meddelelse, og det, de senere meddelelser har med af den, vises nedenfor.',
  mtGapEmpty: 'Indholdet kendes ikke.',
  mtPhone: 'Tlf.',
  mtWritten: 'Skrevet',
  mtCreated: 'Oprettet',
  mtAttachment: 'Vedhæftet fil',
  mtLinkAttachment: 'Link',
  mtOpen: 'Åbn',
  mtDownload: 'Hent',
  mtPreviewOf: (title: string): string => `Forhåndsvisning af ${title}`,
  mtNoData: 'Filen følger ikke med her: et svar har kun filens navn med. Den findes i den meddelelse, der sendte den.',
  mtBadData: 'Filen kan ikke læses (ugyldige data).',
  mtUnsafeUrl: 'Adressen vises kun som tekst, fordi den ikke er en http- eller https-adresse.',
  mtUntitled: 'Uden titel',
  mtNoContent: 'Ingen tekst.',
  mtUnknownType: 'ukendt filtype',
  mtBytes: (bytes: number): string =>
    bytes < 1024
      ? `${bytes} byte`
      : bytes < 1024 * 1024
        ? `${(bytes / 1024).toFixed(0)} kB`
        : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`,
  mtComposer: 'Skriv svar',
};

/** The viewer's strings, as a host may override them. */
export type MessageThreadStrings = typeof daStrings;

/** English. */
export const enStrings: MessageThreadStrings = {
  mtTitle: 'Correspondence',
  mtCount: (count) => (count === 1 ? '1 message' : `${count} messages`),
  mtListLabel: 'Messages, oldest first',
  mtTimeZone: 'Times are shown in your time zone.',
  mtPatientsDiffer:
    "Warning: the messages are not about the same patient. Check the patient of each message; the banner shows the newest message's patient.",
  mtLoading: 'Loading correspondence …',
  mtEmpty: 'No correspondence to show.',
  mtError: 'The correspondence could not be shown.',
  mtActivity: { new: 'New message', reply: 'Reply', forward: 'Forward' },
  mtActivityUnknown: 'Message',
  mtEntryTitle: (activity, sender) => (sender ? `${activity} from ${sender}` : activity),
  mtUnknownSender: 'unknown sender',
  mtFrom: 'From',
  mtTo: 'To',
  mtAuthor: 'Written by',
  mtCategory: 'Category',
  mtTopic: 'Topic',
  mtPriority: 'Priority',
  mtAsap: 'Urgent (asap)',
  mtAsapNote: 'The sender marked this message as urgent.',
  mtThreadId: 'Thread id',
  mtAnswers: 'Reply to',
  mtForwards: 'Forwards',
  mtMessageNumber: (n) => `message ${n}`,
  mtPreviousLetter: 'Continues letter',
  mtForwarded: 'Forwarded',
  mtForwardedNote: 'This message was later forwarded to another receiver.',
  mtGap: 'Not received',
  mtGapNote:
    'This message has not been received here. It is known from the history of a later message, and what the later messages carry of it is shown below.',
  mtGapEmpty: 'Its content is not known.',
  mtPhone: 'Tel.',
  mtWritten: 'Written',
  mtCreated: 'Created',
  mtAttachment: 'Attached file',
  mtLinkAttachment: 'Link',
  mtOpen: 'Open',
  mtDownload: 'Download',
  mtPreviewOf: (title) => `Preview of ${title}`,
  mtNoData: 'The file is not included here: a reply carries only its name. It is in the message that sent it.',
  mtBadData: 'The file cannot be read (invalid data).',
  mtUnsafeUrl: 'The address is shown as text only, because it is not an http or https address.',
  mtUntitled: 'Untitled',
  mtNoContent: 'No text.',
  mtUnknownType: 'unknown file type',
  mtBytes: (bytes) =>
    bytes < 1024
      ? `${bytes} bytes`
      : bytes < 1024 * 1024
        ? `${(bytes / 1024).toFixed(0)} kB`
        : `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  mtComposer: 'Write a reply',
};
