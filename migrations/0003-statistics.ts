// Frozen in time: the statistics store. Form structures as loaded data; submissions as immutable
// revisions; values as one array per (revision, section, row), graph n at index n — a whole
// table is a few hundred rows per region, a series one row per period (docs/decisions/0003).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stat_structures (
      form text NOT NULL,
      valid_from_period text NOT NULL,
      first_day date NOT NULL,
      data jsonb NOT NULL,
      content_hash text NOT NULL,
      source text NOT NULL,
      loaded_at timestamptz NOT NULL,
      PRIMARY KEY (form, valid_from_period)
    );

    CREATE TABLE stat_revisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      form text NOT NULL,
      period text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      breakdown text NOT NULL,
      structure_period text NOT NULL,
      revision integer NOT NULL CHECK (revision > 0),
      channel text NOT NULL CHECK (channel IN ('api', 'csv', 'xlsx', 'workbook', 'import')),
      submitted_at timestamptz NOT NULL,
      superseded_at timestamptz,
      actor_kind text NOT NULL,
      actor_id text,
      actor_name text NOT NULL,
      organisation_id text,
      reason text,
      file_name text,
      value_count integer NOT NULL,
      origin text NOT NULL DEFAULT 'submitted' CHECK (origin IN ('submitted', 'imported-official', 'synthetic')),
      UNIQUE (form, period, breakdown, revision),
      CHECK (superseded_at IS NULL OR superseded_at >= submitted_at)
    );
    -- One current revision per (form, period, breakdown): the one not superseded.
    CREATE UNIQUE INDEX stat_revisions_current ON stat_revisions (form, period, breakdown) WHERE superseded_at IS NULL;
    CREATE INDEX stat_revisions_series ON stat_revisions (form, breakdown, period_start);

    CREATE TABLE stat_rows (
      revision_id bigint NOT NULL REFERENCES stat_revisions(id),
      section text NOT NULL,
      row_code text NOT NULL,
      -- graph n at index n; NULL where the cell is empty
      vals numeric[] NOT NULL,
      PRIMARY KEY (revision_id, section, row_code)
    );

    -- Revisions are immutable: a value once stored is never changed, only superseded.
    CREATE FUNCTION stat_rows_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'stored revisions are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER stat_rows_immutable BEFORE UPDATE OR DELETE ON stat_rows
      FOR EACH ROW EXECUTE FUNCTION stat_rows_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE stat_rows; DROP FUNCTION stat_rows_refuse_change(); DROP TABLE stat_revisions; DROP TABLE stat_structures;`.execute(
    db,
  );
}
