// The reads of stored figures: current, frozen and historical revisions of a form and period,
// the current revision sets behind coverage, a section's rows and one cell's series over periods.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/index.js';
import { revisionRowToRevision, type Revision } from './statistics.revisions.tables.js';

/** The revisions current at `asOf` (default: now) of a form and period, one per breakdown value. */
export async function findCurrentRevisions(
  db: Queryable,
  form: string,
  period: string,
  asOf?: Date,
): Promise<Revision[]> {
  let q = db.selectFrom('stat_revisions').selectAll().where('form', '=', form).where('period', '=', period);
  q = asOf
    ? q
        .where('submitted_at', '<=', asOf)
        .where((eb) => eb.or([eb('superseded_at', 'is', null), eb('superseded_at', '>', asOf)]))
    : q.where('superseded_at', 'is', null);
  return (await q.orderBy('breakdown').execute()).map(revisionRowToRevision);
}

/** The given revisions of a form and period (a publication's frozen set), one per breakdown value. */
export async function findRevisionsByIds(
  db: Queryable,
  form: string,
  period: string,
  ids: readonly number[],
): Promise<Revision[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('stat_revisions')
    .selectAll()
    .where('form', '=', form)
    .where('period', '=', period)
    .where('id', 'in', [...ids])
    .orderBy('breakdown')
    .execute();
  return rows.map(revisionRowToRevision);
}

/** Per (form, period): the ids of the current revisions, their origins and breakdowns. */
export async function findCurrentRevisionSets(db: Queryable, form?: string) {
  let q = db
    .selectFrom('stat_revisions')
    .select([
      'form',
      'period',
      'period_start',
      'period_end',
      sql<number[]>`array_agg(id ORDER BY breakdown)`.as('ids'),
      sql<string[]>`array_agg(breakdown ORDER BY breakdown)`.as('breakdowns'),
      sql<string[]>`array_agg(DISTINCT origin)`.as('origins'),
    ])
    .where('superseded_at', 'is', null)
    .groupBy(['form', 'period', 'period_start', 'period_end']);
  if (form) q = q.where('form', '=', form);
  const rows = await q.orderBy('form').orderBy('period_start').execute();
  return rows.map((r) => ({
    form: r.form,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    revisionIds: r.ids.map(Number),
    breakdowns: r.breakdowns,
    origins: r.origins,
  }));
}

/** Of these revisions, the ids of the synthetic (demonstration) ones. */
export async function findSyntheticRevisionIds(db: Queryable, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('stat_revisions')
    .select('id')
    .where('id', 'in', [...ids])
    .where('origin', '=', 'synthetic')
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

export async function findRevisionHistory(db: Queryable, form: string, period: string): Promise<Revision[]> {
  const rows = await db
    .selectFrom('stat_revisions')
    .selectAll()
    .where('form', '=', form)
    .where('period', '=', period)
    .orderBy('breakdown')
    .orderBy('revision')
    .execute();
  return rows.map(revisionRowToRevision);
}

/** The values of a section in the given revisions: revision id → row code → values by graph. */
export async function findSectionRows(
  db: Queryable,
  revisionIds: number[],
  section: string,
): Promise<Map<number, Map<string, (number | null)[]>>> {
  const out = new Map<number, Map<string, (number | null)[]>>();
  if (!revisionIds.length) return out;
  const rows = await db
    .selectFrom('stat_rows')
    .select(['revision_id', 'row_code', 'vals'])
    .where('revision_id', 'in', revisionIds)
    .where('section', '=', section)
    .execute();
  for (const r of rows) {
    let m = out.get(r.revision_id);
    if (!m) out.set(r.revision_id, (m = new Map()));
    m.set(
      r.row_code,
      r.vals.map((v) => (v === null ? null : Number(v))),
    );
  }
  return out;
}

/** One cell across periods: the current revision of each period in [from, to] and its value. */
export async function findSeries(
  db: Queryable,
  q: {
    form: string;
    breakdown: string;
    section: string;
    row: string;
    graph: number;
    from: string;
    to: string;
    /** only these revisions (the published ones); default: the current ones */
    revisionIds?: readonly number[];
  },
) {
  let query = db
    .selectFrom('stat_revisions as r')
    .leftJoin('stat_rows as v', (j) =>
      j.onRef('v.revision_id', '=', 'r.id').on('v.section', '=', q.section).on('v.row_code', '=', q.row),
    )
    .select([
      'r.period',
      'r.period_start',
      'r.revision',
      'r.origin',
      sql<string | null>`v.vals[${q.graph}]`.as('value'),
    ])
    .where('r.form', '=', q.form)
    .where('r.breakdown', '=', q.breakdown)
    .where('r.period_start', '>=', q.from)
    .where('r.period_start', '<=', q.to);
  query = q.revisionIds
    ? query.where('r.id', '=', sql<number>`ANY(${sql.val([...q.revisionIds])}::bigint[])`)
    : query.where('r.superseded_at', 'is', null);
  return query.orderBy('r.period_start').execute();
}
