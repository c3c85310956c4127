// The revision store shared by the write and read paths: the stat_revisions and stat_rows tables
// (declared on Database here) and the Revision a stored revision row is read as.
import type { Generated, Selectable } from 'kysely';

export interface StatRevisionsTable {
  id: Generated<number>;
  form: string;
  period: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  structure_period: string;
  revision: number;
  channel: 'api' | 'csv' | 'xlsx' | 'workbook' | 'import';
  submitted_at: Date;
  superseded_at: Date | null;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  organisation_id: string | null;
  reason: string | null;
  file_name: string | null;
  value_count: number;
  origin: 'submitted' | 'imported-official' | 'synthetic';
}
export interface StatRowsTable {
  revision_id: number;
  section: string;
  row_code: string;
  vals: (string | number | null)[];
}

declare module '../../platform/db/database.js' {
  interface Database {
    stat_revisions: StatRevisionsTable;
    stat_rows: StatRowsTable;
  }
}

export interface Revision {
  id: number;
  form: string;
  period: string;
  breakdown: string;
  structurePeriod: string;
  revision: number;
  channel: string;
  submittedAt: Date;
  supersededAt: Date | null;
  actorName: string;
  organisationId: string | null;
  reason: string | null;
  valueCount: number;
  origin: string;
}

export const revisionRowToRevision = (r: Selectable<StatRevisionsTable>): Revision => ({
  id: r.id,
  form: r.form,
  period: r.period,
  breakdown: r.breakdown,
  structurePeriod: r.structure_period,
  revision: r.revision,
  channel: r.channel,
  submittedAt: r.submitted_at,
  supersededAt: r.superseded_at,
  actorName: r.actor_name,
  organisationId: r.organisation_id,
  reason: r.reason,
  valueCount: r.value_count,
  origin: r.origin,
});
