// The request register in SQL: requests, their events, and the yearly numbering.
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export interface RequestsTable {
  id: Generated<number>;
  number: string;
  registered_on: string;
  registered_at: Date;
  registered_by: string;
  channel: string;
  applicant_kind: string;
  applicant_name: string;
  organisation: string | null;
  body: unknown;
  decision: unknown;
  outcome: string;
  ground: string;
  state: 'open' | 'closed';
  due_on: string;
  term: unknown;
  extended_until: string | null;
  reminded_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  closing_note: string | null;
  /** the SHA-256 of the status code the applicant was given at registration */
  status_code_hash: string | null;
  /** when its reply letter was approved and sent */
  answered_at: Date | null;
}
export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  at: Date;
  actor_name: string;
  action: string;
  detail: unknown;
}
export interface RequestNumbersTable {
  year: number;
  last: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    requests: RequestsTable;
    request_events: RequestEventsTable;
    request_numbers: RequestNumbersTable;
  }
}

export type RequestRow = Selectable<RequestsTable>;
export type RequestEventRow = Selectable<RequestEventsTable>;

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** The next number of the year, taken under the row's lock (no two requests share one). */
export async function nextNumber(trx: Trx, year: number): Promise<string> {
  const { last } = await trx
    .insertInto('request_numbers')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`request_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(last).padStart(5, '0')}`;
}

export async function insertRequest(
  trx: Trx,
  row: Omit<
    RequestsTable,
    'id' | 'reminded_at' | 'closed_at' | 'closed_by' | 'closing_note' | 'extended_until' | 'answered_at'
  >,
): Promise<RequestRow> {
  return trx
    .insertInto('requests')
    .values({ ...row, body: json(row.body), decision: json(row.decision), term: json(row.term) } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEvent(
  trx: Trx,
  event: { request_id: number; at: Date; actor_name: string; action: string; detail: unknown },
): Promise<void> {
  await trx
    .insertInto('request_events')
    .values({ ...event, detail: json(event.detail) } as never)
    .execute();
}

export async function findByNumber(
  db: Queryable,
  number: string,
  lock = false,
): Promise<RequestRow | undefined> {
  let q = db.selectFrom('requests').selectAll().where('number', '=', number);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findEvents(db: Queryable, requestId: number): Promise<RequestEventRow[]> {
  return db
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export interface ListFilter {
  state?: 'open' | 'closed';
  answered?: boolean;
  dueBefore?: string;
  overdueOn?: string;
  limit: number;
  offset: number;
}

const termEnd = sql<string>`coalesce(extended_until, due_on)`;

export async function listRequests(
  db: Queryable,
  f: ListFilter,
): Promise<{ rows: RequestRow[]; total: number }> {
  let q = db.selectFrom('requests');
  if (f.state) q = q.where('state', '=', f.state);
  if (f.answered !== undefined) q = q.where('answered_at', f.answered ? 'is not' : 'is', null);
  if (f.dueBefore) q = q.where(termEnd, '<', f.dueBefore);
  if (f.overdueOn) q = q.where('state', '=', 'open').where(termEnd, '<', f.overdueOn);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy(termEnd).orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function updateRequest(
  trx: Trx,
  id: number,
  set: Partial<Omit<RequestsTable, 'id' | 'number'>>,
): Promise<RequestRow> {
  const values: Record<string, unknown> = { ...set };
  for (const key of ['body', 'decision', 'term'] as const) if (key in set) values[key] = json(set[key]);
  return trx
    .updateTable('requests')
    .set(values as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Open requests whose term ends on or before `until` and that were not yet reminded of. */
export async function findToRemind(trx: Trx, until: string): Promise<RequestRow[]> {
  return trx
    .selectFrom('requests')
    .selectAll()
    .where('state', '=', 'open')
    .where('reminded_at', 'is', null)
    .where(termEnd, '<=', until)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function countOverdue(db: Queryable, today: string): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', '=', 'open')
    .where(termEnd, '<', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
