import { sql, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';
import type { HashedFields } from './journal.hash.js';

export interface JournalTable {
  seq: number;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  role: string | null;
  organisation_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: unknown;
  request_id: string | null;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    journal: JournalTable;
  }
}

export interface JournalEntry extends HashedFields {
  prevHash: string;
  hash: string;
}

export function journalRowToEntry(r: Selectable<JournalTable>): JournalEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    role: r.role,
    organisationId: r.organisation_id,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    summary: r.summary,
    requestId: r.request_id,
    clientAddress: r.client_address,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** One advisory lock serialises appends until commit, so the chain follows commit order. */
const JOURNAL_LOCK_KEY = 7_239_001;

export async function lockJournalTail(trx: Trx): Promise<{ seq: number; hash: string } | null> {
  await sql`SELECT pg_advisory_xact_lock(${JOURNAL_LOCK_KEY})`.execute(trx);
  const row = await trx
    .selectFrom('journal')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertJournalEntry(trx: Trx, e: JournalEntry): Promise<void> {
  await trx
    .insertInto('journal')
    .values({
      seq: e.seq,
      at: e.at,
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      actor_name: e.actorName,
      role: e.role,
      organisation_id: e.organisationId,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      summary: JSON.stringify(e.summary),
      request_id: e.requestId,
      client_address: e.clientAddress,
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .execute();
}

export interface JournalFilter {
  from?: Date;
  to?: Date;
  action?: string;
  actorId?: string;
  objectType?: string;
  objectId?: string;
  organisationId?: string;
}

function filtered(db: Queryable, f: JournalFilter) {
  let q = db.selectFrom('journal');
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.action)
    q = f.action.endsWith('.*')
      ? q.where('action', 'like', `${f.action.slice(0, -1)}%`)
      : q.where('action', '=', f.action);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  return q;
}

/** Newest first, keyset-paged by seq. */
export async function findJournalEntries(
  db: Queryable,
  f: JournalFilter,
  page: { before?: number; limit: number },
): Promise<JournalEntry[]> {
  let q = filtered(db, f).selectAll();
  if (page.before) q = q.where('seq', '<', page.before);
  const rows = await q.orderBy('seq', 'desc').limit(page.limit).execute();
  return rows.map(journalRowToEntry);
}

export async function countJournalEntries(db: Queryable, f: JournalFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Oldest first, in batches: for verification and CSV export without loading everything. */
export async function* streamJournalEntries(
  db: Queryable,
  f: JournalFilter,
  batch = 2000,
): AsyncGenerator<JournalEntry> {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, f)
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(batch)
      .execute();
    for (const r of rows) yield journalRowToEntry(r);
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}
