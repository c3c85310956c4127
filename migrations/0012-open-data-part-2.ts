// Frozen in time: open data, part 2.
// 1. The register of persons brought to criminal responsibility for offences against the sexual
//    inviolability of minors (Order 84, item 23): entries added and removed by staff, each with the
//    decision that grounds it, searched only by a full name (docs/decisions/0011). An entry is
//    never deleted: its removal is a decision too, kept with it.
// 2. The DataStore's word search (`q`) over a long table: a trigram index on its text columns, so
//    that `ILIKE '%word%'` is an index scan, not a scan of every row (docs/decisions/0012).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      full_name text NOT NULL CHECK (full_name <> ''),
      -- the full name as it is compared: lower case, ё as е, single spaces
      name_key text NOT NULL CHECK (name_key <> ''),
      birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
      criminal_code_articles text NOT NULL CHECK (criminal_code_articles <> ''),
      judgment_in_force_on date NOT NULL,
      court text NOT NULL CHECK (court <> ''),
      -- the last day the entry is shown (the conviction's expunction, when the decision names it)
      shown_until date CHECK (shown_until IS NULL OR shown_until >= judgment_in_force_on),
      added_decision_kind text NOT NULL,
      added_decision_reference text NOT NULL,
      added_decision_date date NOT NULL,
      added_at timestamptz NOT NULL,
      added_by text NOT NULL,
      removed_at timestamptz,
      removed_by text,
      removed_decision_kind text,
      removed_decision_reference text,
      removed_decision_date date,
      CHECK ((removed_at IS NULL) = (removed_decision_reference IS NULL))
    );
    CREATE INDEX person_entries_by_name ON person_entries (name_key) WHERE removed_at IS NULL;

    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX od_datastore_words ON od_datastore USING gin (
      (period || ' ' || region || ' ' || coalesce(region_name, '') || ' ' || row_code || ' ' ||
       row_label || ' ' || graph_label || ' ' || status) gin_trgm_ops
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX od_datastore_words; DROP TABLE person_entries;`.execute(db);
}
