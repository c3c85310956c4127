// The register of persons (Order 84, item 23) in SQL: entries added and removed with their
// decisions; found only by the whole of a full name (docs/decisions/0011).
import type { Generated, Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export interface PersonEntriesTable {
  id: Generated<number>;
  full_name: string;
  name_key: string;
  birth_year: number | null;
  criminal_code_articles: string;
  judgment_in_force_on: string;
  court: string;
  shown_until: string | null;
  added_decision_kind: string;
  added_decision_reference: string;
  added_decision_date: string;
  added_at: Date;
  added_by: string;
  removed_at: Date | null;
  removed_by: string | null;
  removed_decision_kind: string | null;
  removed_decision_reference: string | null;
  removed_decision_date: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    person_entries: PersonEntriesTable;
  }
}

export type PersonEntryRow = Selectable<PersonEntriesTable>;

/** The entries under a full name shown on a day: not removed, not past their last day. */
export async function findShownByName(db: Queryable, nameKey: string, on: string): Promise<PersonEntryRow[]> {
  const rows = await db
    .selectFrom('person_entries')
    .selectAll()
    .where('name_key', '=', nameKey)
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('shown_until', 'is', null), eb('shown_until', '>=', on)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function insertPersonEntry(
  trx: Trx,
  row: Omit<
    PersonEntriesTable,
    | 'id'
    | 'removed_at'
    | 'removed_by'
    | 'removed_decision_kind'
    | 'removed_decision_reference'
    | 'removed_decision_date'
  >,
): Promise<number> {
  const { id } = await trx.insertInto('person_entries').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function lockPersonEntry(trx: Trx, id: number): Promise<PersonEntryRow | undefined> {
  return trx.selectFrom('person_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markPersonRemoved(
  trx: Trx,
  id: number,
  removal: { at: Date; by: string; kind: string; reference: string; date: string },
): Promise<void> {
  await trx
    .updateTable('person_entries')
    .set({
      removed_at: removal.at,
      removed_by: removal.by,
      removed_decision_kind: removal.kind,
      removed_decision_reference: removal.reference,
      removed_decision_date: removal.date,
    })
    .where('id', '=', id)
    .execute();
}
