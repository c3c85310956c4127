// The write path of submissions: locking and superseding the current revision, inserting a new
// revision and its rows (one numeric[] of values per section and row).
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/index.js';
import { revisionRowToRevision, type StatRevisionsTable } from './statistics.revisions.tables.js';

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
