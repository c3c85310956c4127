import { query, command } from '../../platform/usecase.js';
import { mayReadJournal } from './audit.policies.js';
import { findFirstBreak, type ChainBreak } from './journal.hash.js';
import {
  countJournalEntries,
  findJournalEntries,
  streamJournalEntries,
  type JournalEntry,
  type JournalFilter,
} from './journal.repository.js';

export const listJournal = query({
  name: 'read the log journal',
  policy: mayReadJournal,
  run: async ({ db }, input: { filter: JournalFilter; before?: number; limit: number }) => {
    const [items, total] = await Promise.all([
      findJournalEntries(db, input.filter, { before: input.before, limit: input.limit }),
      countJournalEntries(db, input.filter),
    ]);
    const last = items[items.length - 1];
    return { items, total, nextBefore: items.length === input.limit && last ? last.seq : null };
  },
});

export const streamJournal = query({
  name: 'export the log journal',
  policy: mayReadJournal,
  run: async ({ db }, input: { filter: JournalFilter }): Promise<AsyncGenerator<JournalEntry>> =>
    streamJournalEntries(db, input.filter),
});

export interface VerificationReport {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstBreak: ChainBreak | null;
}

/** Recomputes every link of the chain, oldest first; reports the first broken one. */
export const verifyJournal = query({
  name: 'verify the log journal',
  policy: mayReadJournal,
  run: async ({ db }): Promise<VerificationReport> => {
    let state = { prevHash: '0'.repeat(64), seq: 0 };
    let checked = 0;
    let batch: JournalEntry[] = [];
    const flush = (): ChainBreak | null => {
      const r = findFirstBreak(batch, state);
      checked += r.checked;
      state = r.last;
      batch = [];
      return r.broken;
    };
    for await (const e of streamJournalEntries(db, {})) {
      batch.push(e);
      if (batch.length >= 2000) {
        const broken = flush();
        if (broken) return { ok: false, checked, lastSeq: state.seq, firstBreak: broken };
      }
    }
    const broken = flush();
    return { ok: broken === null, checked, lastSeq: state.seq, firstBreak: broken };
  },
});

/** The nightly check as a job: its result goes into the journal itself. */
export const recordJournalVerification = command({
  name: 'record a verification of the log journal',
  policy: mayReadJournal,
  run: async (ctx) => {
    const report = await verifyJournal(ctx.deps, ctx.actor, undefined);
    await ctx.record({
      action: 'audit.journal.verified',
      objectType: 'journal',
      objectId: null,
      summary: { ok: report.ok, checked: report.checked, firstBreak: report.firstBreak },
    });
    return report;
  },
});

/** Exporting the journal is itself an action of the auditor, and is journaled. */
export const exportJournal = command({
  name: 'export the log journal',
  policy: mayReadJournal,
  run: async (ctx, input: { filter: JournalFilter }) => {
    await ctx.record({
      action: 'audit.journal.exported',
      objectType: 'journal',
      objectId: null,
      summary: {
        filter: {
          ...input.filter,
          from: input.filter.from?.toISOString(),
          to: input.filter.to?.toISOString(),
        },
      },
    });
  },
});
