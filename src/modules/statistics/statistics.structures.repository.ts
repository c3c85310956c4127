// Form structures in the database: the stat_structures and stat_structure_source tables, the
// stored versions of each form's structure, their content hashes and the fingerprint of the
// structures directory they were last loaded from.
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

export interface StatStructureSourceTable {
  singleton: boolean;
  fingerprint: string;
  loaded_at: Date;
}

declare module '../../platform/db/database.js' {
  interface Database {
    stat_structure_source: StatStructureSourceTable;
    stat_structures: StatStructuresTable;
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
