import { sql } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export interface CatalogEntriesTable {
  kind: string;
  id: string;
  valid_from: string;
  valid_until: string | null;
  data: unknown;
  content_hash: string;
  origin: 'file' | 'admin';
  source: string;
  loaded_at: Date;
}
export interface CatalogStateTable {
  singleton: boolean;
  revision: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    catalog_entries: CatalogEntriesTable;
    catalog_state: CatalogStateTable;
  }
}

/** Entries with no versions are keyed with this valid_from. */
export const UNVERSIONED = '-infinity';

export interface StoredEntry {
  kind: string;
  id: string;
  validFrom: string;
  validUntil: string | null;
  data: unknown;
  contentHash: string;
  origin: 'file' | 'admin';
  source: string;
}

export async function readRevision(db: Queryable): Promise<number> {
  const row = await db.selectFrom('catalog_state').select('revision').executeTakeFirstOrThrow();
  return Number(row.revision);
}

/** The revision, and which database it is of (a transaction and its pool name the same one). */
export async function readRevisionOfDatabase(db: Queryable): Promise<{ revision: number; database: string }> {
  const row = await db
    .selectFrom('catalog_state')
    .select([
      'revision',
      sql<string>`current_database() || ':' || coalesce(inet_server_port()::text, '')`.as('database'),
    ])
    .executeTakeFirstOrThrow();
  return { revision: Number(row.revision), database: row.database };
}

/** Locks the catalogue for a change; returns the revision to bump. */
export async function lockCatalogState(trx: Trx): Promise<number> {
  const row = await trx.selectFrom('catalog_state').select('revision').forUpdate().executeTakeFirstOrThrow();
  return Number(row.revision);
}

export async function bumpRevision(trx: Trx, to: number): Promise<void> {
  await trx.updateTable('catalog_state').set({ revision: to }).execute();
}

export async function findEntries(db: Queryable): Promise<StoredEntry[]> {
  const rows = await db
    .selectFrom('catalog_entries')
    .selectAll()
    .orderBy('kind')
    .orderBy('id')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    data: r.data,
    contentHash: r.content_hash,
    origin: r.origin,
    source: r.source,
  }));
}

export async function upsertEntry(trx: Trx, e: StoredEntry, now: Date): Promise<void> {
  await trx
    .insertInto('catalog_entries')
    .values({
      kind: e.kind,
      id: e.id,
      valid_from: e.validFrom,
      valid_until: e.validUntil,
      data: JSON.stringify(e.data),
      content_hash: e.contentHash,
      origin: e.origin,
      source: e.source,
      loaded_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['kind', 'id', 'valid_from']).doUpdateSet((eb) => ({
        valid_until: eb.ref('excluded.valid_until'),
        data: eb.ref('excluded.data'),
        content_hash: eb.ref('excluded.content_hash'),
        origin: eb.ref('excluded.origin'),
        source: eb.ref('excluded.source'),
        loaded_at: eb.ref('excluded.loaded_at'),
      })),
    )
    .execute();
}

export interface OrganisationRow {
  id: string;
  kind: string;
  names: { kk: string; ru: string; en: string };
  parentId: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

/**
 * Organisations are also rows of their own table, which accounts and tokens reference. The
 * catalogue's version in force last wins; parents are set once every id exists.
 */
export async function upsertOrganisations(trx: Trx, orgs: OrganisationRow[], now: Date): Promise<void> {
  for (const o of orgs) {
    await trx
      .insertInto('organisations')
      .values({
        id: o.id,
        kind: o.kind,
        name_kk: o.names.kk,
        name_ru: o.names.ru,
        name_en: o.names.en,
        parent_id: null,
        origin: 'catalog',
        created_at: now,
        valid_from: o.validFrom,
        valid_until: o.validUntil,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          name_kk: eb.ref('excluded.name_kk'),
          name_ru: eb.ref('excluded.name_ru'),
          name_en: eb.ref('excluded.name_en'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_until: eb.ref('excluded.valid_until'),
        })),
      )
      .execute();
  }
  for (const o of orgs) {
    if (o.parentId)
      await trx.updateTable('organisations').set({ parent_id: o.parentId }).where('id', '=', o.id).execute();
  }
}

export const countEntriesByKind = (db: Queryable) =>
  db
    .selectFrom('catalog_entries')
    .select(['kind', sql<number>`count(*)::int`.as('n')])
    .groupBy('kind')
    .execute();
