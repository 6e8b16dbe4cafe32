// SPDX-License-Identifier: MIT
// Reading received messages: UI-ready summaries, CareCommunication threads and hospital-stay timelines.
export * from './describe.js';
export { threadOf } from './thread.js';
export type {
  Thread,
  ThreadActivity,
  ThreadAttachment,
  ThreadAuthor,
  ThreadEntry,
  ThreadParty,
  ThreadPayload,
} from './thread.js';
export { stayOf } from './stay.js';
export type {
  EpisodeOfCareId,
  Stay,
  StayEpisode,
  StayEvent,
  StayEventKind,
  StayEventStatus,
  StayEventVersion,
  StayParty,
  StayPatient,
  StayState,
} from './stay.js';
export {
  currentProvenance,
  messageHeaderOf,
  organizationIdentifiers,
  provenanceHistory,
  provenancesOf,
  resolveReference,
} from './bundle.js';
export type { OrganizationIdentifiers } from './bundle.js';
