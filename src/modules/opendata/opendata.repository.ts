// The open-data catalogue's resources in SQL: resources, their versions (bytes, size, sha256, the
// publications they were built from), and the DataStore rows of the long tables.
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export interface OdResourcesTable {
  id: string;
  dataset: string;
  key: string;
  period: string | null;
  format: string;
  position: number;
  created_at: Date;
}
export interface OdResourceVersionsTable {
  id: Generated<number>;
  resource_id: string;
  version: number;
  built_at: Date;
  publications: number[];
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  body: Buffer | null;
  reason: string | null;
}
export interface OdDatastoreTable {
  resource_id: string;
  period: string;
  region: string;
  row_code: string;
  graph: number;
  _id: Generated<number>;
  period_start: string;
  region_name: string | null;
  row_label: string;
  graph_label: string;
  value: string | null;
  status: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    od_resources: OdResourcesTable;
    od_resource_versions: OdResourceVersionsTable;
    od_datastore: OdDatastoreTable;
  }
}

export type ResourceRow = Selectable<OdResourcesTable>;
export type VersionRow = Omit<Selectable<OdResourceVersionsTable>, 'body'>;

/** Every resource with its latest version (no bytes). */
export async function findResources(db: Queryable): Promise<(ResourceRow & { latest: VersionRow })[]> {
  const rows = await db
    .selectFrom('od_resources as r')
    .innerJoin('od_resource_versions as v', 'v.resource_id', 'r.id')
    .select([
      'r.id',
      'r.dataset',
      'r.key',
      'r.period',
      'r.format',
      'r.position',
      'r.created_at',
      'v.id as version_id',
      'v.version',
      'v.built_at',
      'v.publications',
      'v.file_name',
      'v.media_type',
      'v.size',
      'v.sha256',
      'v.reason',
    ])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('od_resource_versions as w')
            .select('w.id')
            .whereRef('w.resource_id', '=', 'r.id')
            .whereRef('w.version', '>', 'v.version'),
        ),
      ),
    )
    .orderBy('r.dataset')
    .orderBy('r.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dataset: r.dataset,
    key: r.key,
    period: r.period,
    format: r.format,
    position: r.position,
    created_at: r.created_at,
    latest: {
      id: r.version_id,
      resource_id: r.id,
      version: r.version,
      built_at: r.built_at,
      publications: r.publications.map(Number),
      file_name: r.file_name,
      media_type: r.media_type,
      size: Number(r.size),
      sha256: r.sha256,
      reason: r.reason,
    },
  }));
}

/** One resource with its latest version (no bytes): the lookup of a download. */
export async function findResource(
  db: Queryable,
  id: string,
): Promise<
  | (ResourceRow & { latest: Omit<VersionRow, 'publications' | 'resource_id' | 'id' | 'version' | 'reason'> })
  | undefined
> {
  const row = await db
    .selectFrom('od_resources as r')
    .innerJoin('od_resource_versions as v', 'v.resource_id', 'r.id')
    .select(['r.id', 'r.dataset', 'r.key', 'r.period', 'r.format', 'r.position', 'r.created_at'])
    .select(['v.built_at', 'v.file_name', 'v.media_type', 'v.size', 'v.sha256'])
    .where('r.id', '=', id)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { built_at, file_name, media_type, size, sha256, ...resource } = row;
  return { ...resource, latest: { built_at, file_name, media_type, size: Number(size), sha256 } };
}

export async function findVersions(db: Queryable, resourceId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('od_resource_versions')
    .select([
      'id',
      'resource_id',
      'version',
      'built_at',
      'publications',
      'file_name',
      'media_type',
      'size',
      'sha256',
      'reason',
    ])
    .where('resource_id', '=', resourceId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size), publications: r.publications.map(Number) }));
}

export async function findBody(
  db: Queryable,
  resourceId: string,
): Promise<
  { body: Buffer | null; media_type: string; file_name: string; sha256: string; built_at: Date } | undefined
> {
  return db
    .selectFrom('od_resource_versions')
    .select(['body', 'media_type', 'file_name', 'sha256', 'built_at'])
    .where('resource_id', '=', resourceId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function upsertResource(trx: Trx, row: Selectable<OdResourcesTable>): Promise<void> {
  await trx
    .insertInto('od_resources')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ position: row.position }))
    .execute();
}

export async function insertVersion(
  trx: Trx,
  row: Omit<OdResourceVersionsTable, 'id' | 'version'>,
): Promise<number> {
  const { n } = await trx
    .selectFrom('od_resource_versions')
    .select((eb) => eb.fn.coalesce(eb.fn.max('version'), sql<number>`0`).as('n'))
    .where('resource_id', '=', row.resource_id)
    .executeTakeFirstOrThrow();
  const version = Number(n) + 1;
  await trx
    .insertInto('od_resource_versions')
    .values({ ...row, version, publications: sql`${row.publications}::bigint[]` as never })
    .execute();
  return version;
}

export interface DatastoreRow {
  period: string;
  period_start: string;
  region: string;
  region_name: string | null;
  row_code: string;
  row_label: string;
  graph: number;
  graph_label: string;
  value: number | null;
  status: string;
}

/** Replaces the DataStore rows of a period (in the order given: `_id` follows it). */
export async function replaceDatastorePeriod(
  trx: Trx,
  resourceId: string,
  period: string,
  rows: readonly DatastoreRow[],
): Promise<void> {
  await trx
    .deleteFrom('od_datastore')
    .where('resource_id', '=', resourceId)
    .where('period', '=', period)
    .execute();
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await trx
      .insertInto('od_datastore')
      .values(
        chunk.map((r) => ({
          ...r,
          resource_id: resourceId,
          value: r.value === null ? null : String(r.value),
        })),
      )
      .execute();
  }
}

export async function deleteDatastorePeriods(
  trx: Trx,
  resourceId: string,
  keep: readonly string[],
): Promise<void> {
  let q = trx.deleteFrom('od_datastore').where('resource_id', '=', resourceId);
  if (keep.length) q = q.where('period', 'not in', keep);
  await q.execute();
}

/** The DataStore's rows in `_id` order, every field, a page at a time (keyset on `_id`). */
export async function* datastorePages(db: Queryable, resourceId: string, pageSize = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('od_datastore')
      .select([
        '_id',
        'period',
        'period_start',
        'region',
        'region_name',
        'row_code',
        'row_label',
        'graph',
        'graph_label',
        'value',
        'status',
      ])
      .where('resource_id', '=', resourceId)
      .where('_id', '>', after)
      .orderBy('_id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows.at(-1)!._id);
  }
}
