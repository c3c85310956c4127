import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';
import type { FormStructure } from './structure.schema.js';

export interface StatStructuresTable {
  form: string;
  valid_from_period: string;
  first_day: string;
  data: unknown;
  content_hash: string;
  source: string;
  loaded_at: Date;
}
export interface StatRevisionsTable {
  id: Generated<number>;
  form: string;
  period: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  structure_period: string;
  revision: number;
  channel: 'api' | 'csv' | 'xlsx' | 'workbook' | 'import';
  submitted_at: Date;
  superseded_at: Date | null;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  organisation_id: string | null;
  reason: string | null;
  file_name: string | null;
  value_count: number;
  origin: 'submitted' | 'imported-official' | 'synthetic';
}
export interface StatRowsTable {
  revision_id: number;
  section: string;
  row_code: string;
  vals: (string | number | null)[];
}

export interface StatStructureSourceTable {
  singleton: boolean;
  fingerprint: string;
  loaded_at: Date;
}

declare module '../../platform/db/database.js' {
  interface Database {
    stat_structure_source: StatStructureSourceTable;
    stat_structures: StatStructuresTable;
    stat_revisions: StatRevisionsTable;
    stat_rows: StatRowsTable;
  }
}

export interface StoredStructure {
  form: string;
  validFromPeriod: string;
  firstDay: string;
  structure: FormStructure;
  contentHash: string;
}

export async function findStructures(db: Queryable): Promise<StoredStructure[]> {
  const rows = await db
    .selectFrom('stat_structures')
    .selectAll()
    .orderBy('form')
    .orderBy('first_day')
    .execute();
  return rows.map((r) => ({
    form: r.form,
    validFromPeriod: r.valid_from_period,
    firstDay: r.first_day,
    structure: r.data as FormStructure,
    contentHash: r.content_hash,
  }));
}

export async function readStructureFingerprint(db: Queryable): Promise<string | null> {
  return (
    (await db.selectFrom('stat_structure_source').select('fingerprint').executeTakeFirst())?.fingerprint ??
    null
  );
}

export async function writeStructureFingerprint(trx: Trx, fingerprint: string, now: Date): Promise<void> {
  await trx
    .insertInto('stat_structure_source')
    .values({ singleton: true, fingerprint, loaded_at: now })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ fingerprint, loaded_at: now }))
    .execute();
}

export async function findStructureHashes(db: Queryable) {
  const rows = await db
    .selectFrom('stat_structures')
    .select(['form', 'valid_from_period', 'content_hash'])
    .execute();
  return rows.map((r) => ({
    form: r.form,
    validFromPeriod: r.valid_from_period,
    contentHash: r.content_hash,
  }));
}

/** The versions of a form's structure, oldest first, without their (large) data. */
export async function findStructureVersions(
  db: Queryable,
  form: string,
): Promise<Omit<StoredStructure, 'structure'>[]> {
  const rows = await db
    .selectFrom('stat_structures')
    .select(['form', 'valid_from_period', 'first_day', 'content_hash'])
    .where('form', '=', form)
    .orderBy('first_day')
    .execute();
  return rows.map((r) => ({
    form: r.form,
    validFromPeriod: r.valid_from_period,
    firstDay: r.first_day,
    contentHash: r.content_hash,
  }));
}

export async function findStructureData(
  db: Queryable,
  form: string,
  validFromPeriod: string,
): Promise<FormStructure> {
  const row = await db
    .selectFrom('stat_structures')
    .select('data')
    .where('form', '=', form)
    .where('valid_from_period', '=', validFromPeriod)
    .executeTakeFirstOrThrow();
  return row.data as FormStructure;
}

export async function upsertStructure(
  trx: Trx,
  s: StoredStructure,
  source: string,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('stat_structures')
    .values({
      form: s.form,
      valid_from_period: s.validFromPeriod,
      first_day: s.firstDay,
      data: JSON.stringify(s.structure),
      content_hash: s.contentHash,
      source,
      loaded_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['form', 'valid_from_period']).doUpdateSet((eb) => ({
        first_day: eb.ref('excluded.first_day'),
        data: eb.ref('excluded.data'),
        content_hash: eb.ref('excluded.content_hash'),
        source: eb.ref('excluded.source'),
        loaded_at: eb.ref('excluded.loaded_at'),
      })),
    )
    .execute();
}

export interface Revision {
  id: number;
  form: string;
  period: string;
  breakdown: string;
  structurePeriod: string;
  revision: number;
  channel: string;
  submittedAt: Date;
  supersededAt: Date | null;
  actorName: string;
  organisationId: string | null;
  reason: string | null;
  valueCount: number;
  origin: string;
}

const revisionRowToRevision = (r: Selectable<StatRevisionsTable>): Revision => ({
  id: r.id,
  form: r.form,
  period: r.period,
  breakdown: r.breakdown,
  structurePeriod: r.structure_period,
  revision: r.revision,
  channel: r.channel,
  submittedAt: r.submitted_at,
  supersededAt: r.superseded_at,
  actorName: r.actor_name,
  organisationId: r.organisation_id,
  reason: r.reason,
  valueCount: r.value_count,
  origin: r.origin,
});

/** The current revision of (form, period, breakdown), locked for superseding. */
export async function lockCurrentRevision(trx: Trx, form: string, period: string, breakdown: string) {
  const row = await trx
    .selectFrom('stat_revisions')
    .selectAll()
    .where('form', '=', form)
    .where('period', '=', period)
    .where('breakdown', '=', breakdown)
    .where('superseded_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row ? revisionRowToRevision(row) : null;
}

export async function markSuperseded(trx: Trx, id: number, at: Date): Promise<void> {
  await trx.updateTable('stat_revisions').set({ superseded_at: at }).where('id', '=', id).execute();
}

export interface NewRevision {
  form: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  breakdown: string;
  structurePeriod: string;
  revision: number;
  channel: StatRevisionsTable['channel'];
  at: Date;
  actor: { kind: string; id: string | null; name: string; organisationId: string | null };
  reason: string | null;
  fileName: string | null;
  valueCount: number;
  origin: StatRevisionsTable['origin'];
}

export async function insertRevision(trx: Trx, r: NewRevision): Promise<number> {
  const row = await trx
    .insertInto('stat_revisions')
    .values({
      form: r.form,
      period: r.period,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      breakdown: r.breakdown,
      structure_period: r.structurePeriod,
      revision: r.revision,
      channel: r.channel,
      submitted_at: r.at,
      superseded_at: null,
      actor_kind: r.actor.kind,
      actor_id: r.actor.id,
      actor_name: r.actor.name,
      organisation_id: r.actor.organisationId,
      reason: r.reason,
      file_name: r.fileName,
      value_count: r.valueCount,
      origin: r.origin,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The text of a `numeric[]` literal: `{12,0.5,NULL}`, graph n at index n. A number is written as
 * JavaScript writes it (the shortest text that reads back as the same double), which `numeric`
 * reads exactly; a value that is neither a finite number nor null cannot come from validation
 * and is refused rather than stored as something else.
 */
function numericArrayLiteral(vals: readonly (number | null)[]): string {
  let text = '{';
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (i > 0) text += ',';
    if (v === null) text += 'NULL';
    else if (typeof v === 'number' && Number.isFinite(v)) text += String(v);
    else throw new Error(`a stored value must be a finite number or null, not ${String(v)}`);
  }
  return `${text}}`;
}

/** Rows of a revision: one array of values per (section, row), inserted in one statement per batch. */
export async function insertRows(
  trx: Trx,
  revisionId: number,
  rows: { section: string; row: string; vals: (number | null)[] }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const sections: string[] = [];
    const codes: string[] = [];
    const literals: string[] = [];
    for (const b of batch) {
      sections.push(b.section);
      codes.push(b.row);
      literals.push(numericArrayLiteral(b.vals));
    }
    await sql`
      INSERT INTO stat_rows (revision_id, section, row_code, vals)
      SELECT ${revisionId}, s, r, v::numeric[]
      FROM unnest(${sections}::text[], ${codes}::text[], ${literals}::text[]) AS t(s, r, v)
    `.execute(trx);
  }
}

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
