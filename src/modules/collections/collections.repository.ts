// The collections' builds and their files in SQL.
import type { Generated, Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export type Variant = 'public' | 'official-use';

export interface BuildInput {
  form: string;
  code: string | null;
  period: string;
  publicationId: number;
  publicationVersion: number;
  publicationReason: string | null;
}

export interface CollectionBuildsTable {
  id: Generated<number>;
  collection: string;
  quarter: string;
  version: number;
  reason: string | null;
  built_at: Date;
  built_by: string;
  inputs: BuildInput[];
}
export interface CollectionFilesTable {
  build_id: number;
  variant: Variant;
  lang: 'kk' | 'ru';
  format: 'xlsx' | 'pdf';
  name: string;
  sha256: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    collection_builds: CollectionBuildsTable;
    collection_files: CollectionFilesTable;
  }
}

export type BuildRow = Selectable<CollectionBuildsTable>;
export type FileRow = Selectable<CollectionFilesTable>;

/** The latest build of (collection, quarter), locked when asked (a rebuild decides on it). */
export async function findLatestBuild(
  db: Queryable,
  collection: string,
  quarter: string,
  lock = false,
): Promise<BuildRow | undefined> {
  let q = db
    .selectFrom('collection_builds')
    .selectAll()
    .where('collection', '=', collection)
    .where('quarter', '=', quarter)
    .orderBy('version', 'desc')
    .limit(1);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertBuild(
  trx: Trx,
  row: Omit<CollectionBuildsTable, 'id' | 'inputs'> & { inputs: BuildInput[] },
): Promise<BuildRow> {
  return trx
    .insertInto('collection_builds')
    .values({ ...row, inputs: JSON.stringify(row.inputs) as unknown as BuildInput[] })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertFiles(trx: Trx, rows: CollectionFilesTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('collection_files').values(rows).execute();
}

export async function findBuilds(db: Queryable, quarters: readonly string[]): Promise<BuildRow[]> {
  if (quarters.length === 0) return [];
  return db
    .selectFrom('collection_builds')
    .selectAll()
    .where('quarter', 'in', [...quarters])
    .orderBy('collection')
    .orderBy('quarter')
    .orderBy('version')
    .execute();
}

export async function findFiles(db: Queryable, buildIds: readonly number[]): Promise<FileRow[]> {
  if (buildIds.length === 0) return [];
  return db
    .selectFrom('collection_files')
    .selectAll()
    .where('build_id', 'in', [...buildIds])
    .execute();
}
