// The outbox in SQL: documents stored once by their SHA-256, deliveries with their state, the
// documents each carries, and every attempt. Claims use FOR UPDATE SKIP LOCKED with a lease.
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../../platform/db/index.js';

export type DeliveryState = 'pending' | 'delivered' | 'acknowledged' | 'dead' | 'undeliverable';
export type AdapterName = 'edms' | 'file-drop' | 'webhook';
export type AttemptOutcome = 'delivered' | 'acknowledged' | 'failed' | 'dead';

export interface OutboxDocumentsTable {
  sha256: string;
  content_type: string;
  size: number;
  bytes: Buffer;
  created_at: Date;
}
export interface OutboxDeliveriesTable {
  id: Generated<number>;
  key: string;
  kind: string;
  subject_id: string;
  recipient: string;
  copies: number;
  adapter: AdapterName | null;
  target: string | null;
  title: unknown;
  metadata: unknown;
  state: DeliveryState;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  acknowledged_at: Date | null;
  receipt: unknown;
}
export interface OutboxDeliveryDocumentsTable {
  delivery_id: number;
  position: number;
  name: string;
  sha256: string;
}
export interface OutboxAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  n: number;
  at: Date;
  adapter: string;
  outcome: AttemptOutcome;
  detail: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    outbox_documents: OutboxDocumentsTable;
    outbox_deliveries: OutboxDeliveriesTable;
    outbox_delivery_documents: OutboxDeliveryDocumentsTable;
    outbox_attempts: OutboxAttemptsTable;
  }
}

export type DeliveryRow = Selectable<OutboxDeliveriesTable>;
export type AttemptRow = Selectable<OutboxAttemptsTable>;
export interface DocumentRef {
  name: string;
  sha256: string;
  contentType: string;
  size: number;
}

export async function insertDocument(
  trx: Trx,
  doc: { sha256: string; contentType: string; bytes: Buffer; at: Date },
): Promise<void> {
  await trx
    .insertInto('outbox_documents')
    .values({
      sha256: doc.sha256,
      content_type: doc.contentType,
      size: doc.bytes.length,
      bytes: doc.bytes,
      created_at: doc.at,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function insertDelivery(
  trx: Trx,
  row: Omit<
    OutboxDeliveriesTable,
    'id' | 'attempts' | 'lease_until' | 'last_error' | 'delivered_at' | 'acknowledged_at' | 'receipt'
  >,
  documents: { name: string; sha256: string }[],
): Promise<DeliveryRow> {
  const delivery = await trx
    .insertInto('outbox_deliveries')
    .values({ ...row, title: JSON.stringify(row.title), metadata: JSON.stringify(row.metadata) })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (documents.length)
    await trx
      .insertInto('outbox_delivery_documents')
      .values(
        documents.map((d, i) => ({ delivery_id: delivery.id, position: i, name: d.name, sha256: d.sha256 })),
      )
      .execute();
  return delivery;
}

/**
 * Claims up to `limit` deliveries due at `now`: pending with their next try due, and no live lease
 * (a lease past its end is a worker that died mid-send). Rows another worker is claiming are
 * skipped, never waited for, so two workers never take the same delivery at once.
 */
export async function claimDue(
  trx: Queryable,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<DeliveryRow[]> {
  const { rows } = await sql<DeliveryRow>`
    UPDATE outbox_deliveries d
       SET lease_until = ${leaseUntil}, attempts = d.attempts + 1
     WHERE d.id IN (
       SELECT id FROM outbox_deliveries
        WHERE state = 'pending' AND next_attempt_at <= ${now}
          AND (lease_until IS NULL OR lease_until <= ${now})
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d.*`.execute(trx);
  return rows;
}

export async function lockById(trx: Trx, id: number): Promise<DeliveryRow | undefined> {
  return trx.selectFrom('outbox_deliveries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The recipient a delivery goes to, by its key (the receipts route verifies with its keys). */
export async function recipientOfKey(db: Queryable, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('outbox_deliveries')
    .select('recipient')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.recipient ?? null;
}

export async function lockByKey(trx: Trx, key: string): Promise<DeliveryRow | undefined> {
  return trx
    .selectFrom('outbox_deliveries')
    .selectAll()
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateDelivery(
  trx: Trx,
  id: number,
  changes: Partial<
    Pick<
      OutboxDeliveriesTable,
      | 'state'
      | 'max_attempts'
      | 'next_attempt_at'
      | 'lease_until'
      | 'last_error'
      | 'delivered_at'
      | 'acknowledged_at'
      | 'adapter'
      | 'target'
    > & { receipt: unknown; attempts: number }
  >,
): Promise<DeliveryRow> {
  const values = 'receipt' in changes ? { ...changes, receipt: JSON.stringify(changes.receipt) } : changes;
  return trx
    .updateTable('outbox_deliveries')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAttempt(trx: Trx, row: Omit<OutboxAttemptsTable, 'id'>): Promise<void> {
  await trx.insertInto('outbox_attempts').values(row).execute();
}

export async function findDocuments(db: Queryable, deliveryId: number): Promise<DocumentRef[]> {
  const rows = await db
    .selectFrom('outbox_delivery_documents as dd')
    .innerJoin('outbox_documents as d', 'd.sha256', 'dd.sha256')
    .select(['dd.name', 'dd.sha256', 'd.content_type', 'd.size'])
    .where('dd.delivery_id', '=', deliveryId)
    .orderBy('dd.position')
    .execute();
  return rows.map((r) => ({ name: r.name, sha256: r.sha256, contentType: r.content_type, size: r.size }));
}

export async function readDocument(db: Queryable, sha256: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('outbox_documents')
    .select('bytes')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.bytes ?? null;
}

export interface DeliveryFilter {
  state?: DeliveryState;
  kind?: string;
  subjectIds?: readonly string[];
  recipient?: string;
  limit?: number;
  offset?: number;
}

export async function listDeliveries(
  db: Queryable,
  f: DeliveryFilter,
): Promise<{ rows: DeliveryRow[]; total: number }> {
  let q = db.selectFrom('outbox_deliveries');
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.recipient) q = q.where('recipient', '=', f.recipient);
  if (f.subjectIds) {
    if (f.subjectIds.length === 0) return { rows: [], total: 0 };
    q = q.where('subject_id', 'in', [...f.subjectIds]);
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.limit ?? 1000)
      .offset(f.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findAttempts(db: Queryable, deliveryIds: readonly number[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('outbox_attempts')
    .selectAll()
    .where('delivery_id', 'in', [...deliveryIds])
    .orderBy('id')
    .execute();
}
