// The registers in SQL: imports (a new state of a whole list from a day on) and the entries'
// versions, each in force from valid_from to valid_until (inclusive; null while in force).
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';
import type { CurrentEntry, EntryFields } from './register.changes.js';

export interface RegisterImportsTable {
  id: Generated<number>;
  register: string;
  valid_from: string;
  channel: 'shipped' | 'cli' | 'upload';
  file_name: string | null;
  sha256: string;
  row_count: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  decision_in_source: boolean;
  decision_kind: string | null;
  decision_reference: string | null;
  decision_date: string | null;
  imported_at: Date;
  imported_by: string;
}

export interface RegisterEntriesTable {
  id: Generated<number>;
  register: string;
  seq: number;
  version: number;
  name_ru: string;
  name_kk_field: string | null;
  raw_name_ru: string | null;
  egov_dataset: string | null;
  valid_from: string;
  valid_until: string | null;
  added_by_import: number;
  added_decision_in_source: boolean;
  added_decision_kind: string | null;
  added_decision_reference: string | null;
  added_decision_date: string | null;
  ended_by_import: number | null;
  ended_as: 'removed' | 'replaced' | null;
  ended_decision_in_source: boolean | null;
  ended_decision_kind: string | null;
  ended_decision_reference: string | null;
  ended_decision_date: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    register_imports: RegisterImportsTable;
    register_entries: RegisterEntriesTable;
  }
}

export type ImportRow = Selectable<RegisterImportsTable>;
export type EntryRow = Selectable<RegisterEntriesTable>;

/** A decision as stored: in the source or not, and what the source says of it. */
export interface StoredDecision {
  inSource: boolean;
  kind: string | null;
  reference: string | null;
  date: string | null;
}

/** Imports of one register run one at a time (a transaction-scoped lock on its id). */
export async function lockRegister(trx: Trx, register: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`registers:${register}`}))`.execute(trx);
}

export async function findLatestImport(db: Queryable, register: string): Promise<ImportRow | undefined> {
  return db
    .selectFrom('register_imports')
    .selectAll()
    .where('register', '=', register)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertImport(trx: Trx, row: Omit<RegisterImportsTable, 'id'>): Promise<ImportRow> {
  return trx.insertInto('register_imports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateImportCounts(
  trx: Trx,
  id: number,
  counts: Pick<RegisterImportsTable, 'added' | 'changed' | 'removed' | 'unchanged'>,
): Promise<void> {
  await trx.updateTable('register_imports').set(counts).where('id', '=', id).execute();
}

/** The fields of an entry as published, from its row. */
export const entryFieldsOf = (
  r: Pick<EntryRow, 'name_ru' | 'name_kk_field' | 'raw_name_ru' | 'egov_dataset'>,
): EntryFields => ({
  nameRu: r.name_ru,
  nameKkField: r.name_kk_field,
  rawNameRu: r.raw_name_ru,
  egovDataset: r.egov_dataset,
});

/** The versions in force now (no end yet), locked: the import that replaces them holds them. */
export async function lockCurrentEntries(trx: Trx, register: string): Promise<CurrentEntry[]> {
  const rows = await trx
    .selectFrom('register_entries')
    .select(['id', 'seq', 'version', 'name_ru', 'name_kk_field', 'raw_name_ru', 'egov_dataset'])
    .where('register', '=', register)
    .where('valid_until', 'is', null)
    .forUpdate()
    .execute();
  return rows.map((r) => ({ id: r.id, seq: r.seq, version: r.version, ...entryFieldsOf(r) }));
}

/** The last version number of each sequence number ever in the register (a removed one may return). */
export async function lastVersions(trx: Trx, register: string): Promise<Map<number, number>> {
  const rows = await trx
    .selectFrom('register_entries')
    .select(['seq', (eb) => eb.fn.max('version').as('version')])
    .where('register', '=', register)
    .groupBy('seq')
    .execute();
  return new Map(rows.map((r) => [r.seq, Number(r.version)]));
}

export async function endEntries(
  trx: Trx,
  ids: readonly number[],
  end: { validUntil: string; importId: number; as: 'removed' | 'replaced'; decision: StoredDecision },
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('register_entries')
    .set({
      valid_until: end.validUntil,
      ended_by_import: end.importId,
      ended_as: end.as,
      ended_decision_in_source: end.decision.inSource,
      ended_decision_kind: end.decision.kind,
      ended_decision_reference: end.decision.reference,
      ended_decision_date: end.decision.date,
    })
    .where('id', 'in', ids)
    .execute();
}

export interface NewVersion extends EntryFields {
  seq: number;
  version: number;
}

export async function insertVersions(
  trx: Trx,
  register: string,
  versions: readonly NewVersion[],
  start: { validFrom: string; importId: number; decision: StoredDecision },
): Promise<void> {
  // In chunks: one statement's parameters stay well under PostgreSQL's limit.
  for (let i = 0; i < versions.length; i += 2000) {
    await trx
      .insertInto('register_entries')
      .values(
        versions.slice(i, i + 2000).map((v) => ({
          register,
          seq: v.seq,
          version: v.version,
          name_ru: v.nameRu,
          name_kk_field: v.nameKkField,
          raw_name_ru: v.rawNameRu,
          egov_dataset: v.egovDataset,
          valid_from: start.validFrom,
          added_by_import: start.importId,
          added_decision_in_source: start.decision.inSource,
          added_decision_kind: start.decision.kind,
          added_decision_reference: start.decision.reference,
          added_decision_date: start.decision.date,
        })),
      )
      .execute();
  }
}

/** The first day each register is known from, and its last import. */
export async function importSpans(
  db: Queryable,
): Promise<Map<string, { firstKnown: string; lastImportedAt: Date }>> {
  const rows = await db
    .selectFrom('register_imports')
    .select([
      'register',
      (eb) => eb.fn.min('valid_from').as('first_known'),
      (eb) => eb.fn.max('imported_at').as('last_imported_at'),
    ])
    .groupBy('register')
    .execute();
  return new Map(
    rows.map((r) => [
      r.register,
      { firstKnown: String(r.first_known), lastImportedAt: new Date(r.last_imported_at as Date) },
    ]),
  );
}

const inForceOn = (on: string) =>
  sql<boolean>`valid_from <= ${on}::date AND (valid_until IS NULL OR valid_until >= ${on}::date)`;

export async function countsOn(db: Queryable, on: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('register_entries')
    .select(['register', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inForceOn(on))
    .groupBy('register')
    .execute();
  return new Map(rows.map((r) => [r.register, Number(r.n)]));
}

export interface EntriesFilter {
  on: string;
  q?: string;
  limit: number | null;
  offset: number;
}

/** The entries in force on a day, by sequence number; `q` matches titles, case-insensitively. */
export async function findEntriesOn(
  db: Queryable,
  register: string,
  f: EntriesFilter,
): Promise<{ rows: EntryRow[]; total: number }> {
  let base = db.selectFrom('register_entries').where('register', '=', register).where(inForceOn(f.on));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('name_ru', 'ilike', like),
        eb('name_kk_field', 'ilike', like),
        eb('raw_name_ru', 'ilike', like),
      ]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = base.selectAll().orderBy('seq').offset(f.offset);
  if (f.limit !== null) page = page.limit(f.limit);
  return { rows: await page.execute(), total: Number(total) };
}

/** Every version of an entry, oldest first: its history. */
export async function findVersions(db: Queryable, register: string, seq: number): Promise<EntryRow[]> {
  return db
    .selectFrom('register_entries')
    .selectAll()
    .where('register', '=', register)
    .where('seq', '=', seq)
    .orderBy('version')
    .execute();
}

export async function findImports(db: Queryable, ids: readonly number[]): Promise<ImportRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('register_imports').selectAll().where('id', 'in', ids).execute();
}

export async function hasImports(db: Queryable, register: string): Promise<boolean> {
  return !!(await db
    .selectFrom('register_imports')
    .select('id')
    .where('register', '=', register)
    .limit(1)
    .executeTakeFirst());
}
