// The audit module: the append-only, hash-chained log journal (Order 25, para 2, item 1) —
// its writer (used by every command), and its reading, export and verification.
export { journalWriter } from './journal.writer.js';
export {
  listJournal,
  streamJournal,
  verifyJournal,
  exportJournal,
  recordJournalVerification,
  type VerificationReport,
} from './journal.service.js';
export { registerJournalRoutes } from './journal.routes.js';
export { canonicalJson, entryHash, findFirstBreak, GENESIS_HASH } from './journal.hash.js';
export type { JournalEntry, JournalFilter } from './journal.repository.js';
