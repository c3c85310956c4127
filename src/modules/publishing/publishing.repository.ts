import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';
import type { StoredStatus } from './lifecycle.js';

export interface DueOnChannel {
  channel: string;
  nominal: string;
  due: string;
  act: string;
  clause: string;
}

export interface ReleasesTable {
  id: Generated<number>;
  form: string;
  period: string;
  period_start: string;
  period_end: string;
  status: StoredStatus;
  due_date: string;
  due: DueOnChannel[];
  planned_date: string;
  created_at: Date;
  late_recorded_at: Date | null;
}
export interface ReleaseReschedulesTable {
  id: Generated<number>;
  release_id: number;
  at: Date;
  from_date: string;
  to_date: string;
  reason: string;
  actor_name: string;
}
export interface ReleasePublicationsTable {
  id: Generated<number>;
  release_id: number;
  version: number;
  revision_ids: number[];
  breakdowns: string[];
  missing: string[];
  incomplete_reason: string | null;
  reason: string | null;
  imported: boolean;
  approved_at: Date;
  approved_by: string;
  publish_at: Date;
  published_at: Date | null;
  published_by: string | null;
}
export interface PublishingGenerationTable {
  singleton: boolean;
  generation: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    releases: ReleasesTable;
    release_reschedules: ReleaseReschedulesTable;
    release_publications: ReleasePublicationsTable;
    publishing_generation: PublishingGenerationTable;
  }
}

export type ReleaseRow = Selectable<ReleasesTable>;
export type PublicationRow = Selectable<ReleasePublicationsTable>;
export type RescheduleRow = Selectable<ReleaseReschedulesTable>;

export async function findExistingReleaseKeys(db: Queryable): Promise<Set<string>> {
  const rows = await db.selectFrom('releases').select(['form', 'period']).execute();
  return new Set(rows.map((r) => `${r.form}|${r.period}`));
}

export async function insertReleases(
  trx: Trx,
  rows: Omit<ReleasesTable, 'id' | 'late_recorded_at'>[],
): Promise<number> {
  if (!rows.length) return 0;
  let n = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const res = await trx
      .insertInto('releases')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, due: JSON.stringify(r.due) as never })))
      .onConflict((oc) => oc.columns(['form', 'period']).doNothing())
      .executeTakeFirst();
    n += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

export async function lockRelease(trx: Trx, form: string, period: string): Promise<ReleaseRow | undefined> {
  return trx
    .selectFrom('releases')
    .selectAll()
    .where('form', '=', form)
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirst();
}

export async function findRelease(db: Queryable, form: string, period: string) {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('form', '=', form)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function setStatus(trx: Trx, id: number, status: StoredStatus): Promise<void> {
  await trx.updateTable('releases').set({ status }).where('id', '=', id).execute();
}

export async function setPlannedDate(trx: Trx, id: number, planned: string): Promise<void> {
  await trx.updateTable('releases').set({ planned_date: planned }).where('id', '=', id).execute();
}

export async function insertReschedule(trx: Trx, r: Omit<ReleaseReschedulesTable, 'id'>): Promise<void> {
  await trx.insertInto('release_reschedules').values(r).execute();
}

export async function findPublications(
  db: Queryable,
  releaseIds: readonly number[],
): Promise<PublicationRow[]> {
  if (!releaseIds.length) return [];
  return db
    .selectFrom('release_publications')
    .selectAll()
    .where('release_id', 'in', [...releaseIds])
    .orderBy('release_id')
    .orderBy('version')
    .execute();
}

export async function findReschedules(
  db: Queryable,
  releaseIds: readonly number[],
): Promise<RescheduleRow[]> {
  if (!releaseIds.length) return [];
  return db
    .selectFrom('release_reschedules')
    .selectAll()
    .where('release_id', 'in', [...releaseIds])
    .orderBy('at')
    .execute();
}

export async function insertPublication(
  trx: Trx,
  p: Omit<ReleasePublicationsTable, 'id' | 'published_at' | 'published_by'>,
): Promise<number> {
  const row = await trx
    .insertInto('release_publications')
    .values(p)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setPendingPublishAt(trx: Trx, releaseId: number, at: Date): Promise<void> {
  await trx
    .updateTable('release_publications')
    .set({ publish_at: at })
    .where('release_id', '=', releaseId)
    .where('published_at', 'is', null)
    .execute();
}

/**
 * Claims the publications due at `now` and marks them published, in this transaction. Concurrent
 * claimers block on the row locks and then see `published_at` set: each is published once.
 */
export async function claimDuePublications(
  trx: Trx,
  now: Date,
  by: string,
  releaseId?: number,
): Promise<(PublicationRow & { form: string; period: string })[]> {
  let q = trx
    .updateTable('release_publications as p')
    .from('releases as r')
    .set({ published_at: now, published_by: by })
    .whereRef('r.id', '=', 'p.release_id')
    .where('p.published_at', 'is', null)
    .where('p.publish_at', '<=', now);
  if (releaseId !== undefined) q = q.where('p.release_id', '=', releaseId);
  return q
    .returning([
      'p.id',
      'p.release_id',
      'p.version',
      'p.revision_ids',
      'p.breakdowns',
      'p.missing',
      'p.incomplete_reason',
      'p.reason',
      'p.imported',
      'p.approved_at',
      'p.approved_by',
      'p.publish_at',
      'p.published_at',
      'p.published_by',
      'r.form',
      'r.period',
    ])
    .execute();
}

export async function bumpGeneration(trx: Trx): Promise<void> {
  await trx
    .updateTable('publishing_generation')
    .set({ generation: sql`generation + 1` })
    .execute();
}

export async function readGeneration(db: Queryable): Promise<number> {
  const row = await db.selectFrom('publishing_generation').select('generation').executeTakeFirstOrThrow();
  return Number(row.generation);
}

/** Every published publication, for the in-memory index of what the public may read. */
export async function findPublished(db: Queryable) {
  return db
    .selectFrom('release_publications as p')
    .innerJoin('releases as r', 'r.id', 'p.release_id')
    .select([
      'p.id',
      'p.release_id',
      'p.version',
      'p.revision_ids',
      'p.reason',
      'p.imported',
      'p.publish_at',
      'p.published_at',
      'r.form',
      'r.period',
      'r.period_start',
    ])
    .where('p.published_at', 'is not', null)
    .orderBy('r.form')
    .orderBy('r.period_start')
    .orderBy('p.version')
    .execute();
}

export interface ReleaseFilter {
  from: string;
  to: string;
  form?: string;
}

/** Releases announced (or due) in [from, to], with their latest publication. */
export async function findReleases(db: Queryable, f: ReleaseFilter): Promise<ReleaseRow[]> {
  let q = db
    .selectFrom('releases')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('planned_date', '>=', f.from), eb('planned_date', '<=', f.to)]),
        eb.and([eb('due_date', '>=', f.from), eb('due_date', '<=', f.to)]),
      ]),
    );
  if (f.form) q = q.where('form', '=', f.form);
  return q.orderBy('planned_date').orderBy('form').orderBy('period_start').execute();
}

/** Scheduled releases past their due date whose lateness is not yet recorded. */
export async function findNewlyLate(db: Queryable, today: string, countFrom: string) {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('status', 'in', ['scheduled', 'approved'])
    .where('due_date', '<', today)
    .where('period_start', '>=', countFrom)
    .where('late_recorded_at', 'is', null)
    .orderBy('due_date')
    .execute();
}

export async function markLateRecorded(trx: Trx, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length)
    await trx
      .updateTable('releases')
      .set({ late_recorded_at: at })
      .where('id', 'in', [...ids])
      .execute();
}
