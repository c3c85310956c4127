// The quarterly electronic collections of Order 25, paras 11-13 (Appendix 1): their contents as
// data, the build from published figures, a copy per recipient through the outbox, the schedule.
export {
  planCollection,
  periodForQuarter,
  collectionsForQuarter,
  parseQuarter,
  type CollectionPlan,
} from './collection.contents.js';
export { buildCollection, type BuildOutcome } from './collections.build.js';
// the tables a build reads, for the benchmark's plain export of the same tables
export { inputStates, readCollectionTables } from './collection.read.js';
export {
  collectionSchedule,
  buildDueCollections,
  lateCopies,
  quartersBefore,
} from './collections.service.js';
export { registerCollectionRoutes } from './collections.routes.js';
export { listOwnCopies, downloadOwnCopy } from './collections.recipient.js';
export { listPlaceholders, resolveRecipient, type PlaceholderView } from './collection.recipients.js';
export type { CollectionQuarterView, RecipientView } from './collections.schemas.js';
