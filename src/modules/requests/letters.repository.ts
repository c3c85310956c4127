// Reply letters in SQL: one row per version; the documents are the outbox's, stored once by hash.
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export type LetterState = 'draft' | 'superseded' | 'approved';

export interface RequestLettersTable {
  id: Generated<number>;
  request_id: number;
  version: number;
  kind: 'answer' | 'refusal' | 'incomplete';
  lang: 'kk' | 'ru' | 'en';
  content: unknown;
  pdf_sha256: string;
  payload_sha256: string;
  state: LetterState;
  drafted_at: Date;
  drafted_by: string;
  approved_at: Date | null;
  approved_by: string | null;
  delivery_key: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    request_letters: RequestLettersTable;
  }
}

export type LetterRow = Selectable<RequestLettersTable>;

export async function insertLetter(
  trx: Trx,
  row: Omit<RequestLettersTable, 'id' | 'approved_at' | 'approved_by' | 'delivery_key'>,
): Promise<LetterRow> {
  // A new draft supersedes the drafts before it; the request's row is locked by the caller.
  await trx
    .updateTable('request_letters')
    .set({ state: 'superseded' })
    .where('request_id', '=', row.request_id)
    .where('state', '=', 'draft')
    .execute();
  return trx
    .insertInto('request_letters')
    .values({ ...row, content: sql`${JSON.stringify(row.content)}::jsonb` } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The next version of the request's letters (the request's row locked by the caller). */
export async function nextVersion(db: Queryable, requestId: number): Promise<number> {
  const { n } = await db
    .selectFrom('request_letters')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('n'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function findLetter(
  db: Queryable,
  requestId: number,
  version: number,
): Promise<LetterRow | undefined> {
  return db
    .selectFrom('request_letters')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function lettersOf(db: Queryable, requestId: number): Promise<LetterRow[]> {
  return db
    .selectFrom('request_letters')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('version')
    .execute();
}

export async function approveLetter(
  trx: Trx,
  id: number,
  set: { approved_at: Date; approved_by: string; delivery_key: string | null },
): Promise<LetterRow> {
  return trx
    .updateTable('request_letters')
    .set({ ...set, state: 'approved' })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
