// Frozen in time: the registers of Order 84 (banned organisations and materials), kept with their
// history. An import is a new state of the whole list from a day on; each entry is keyed by its
// sequence number in the published list and has versions, each valid from a day until a day (or
// still in force), with the decision that added it and the one that ended it. A decision's kind,
// reference and date are nullable: the official lists carry none, and that is recorded as such
// (`*_decision_in_source = false`), never invented.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE register_imports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      register text NOT NULL,
      valid_from date NOT NULL,
      -- shipped (seed/registers, loaded at start), cli (zanstat registers import), upload (staff API)
      channel text NOT NULL CHECK (channel IN ('shipped', 'cli', 'upload')),
      file_name text,
      sha256 text NOT NULL,
      row_count integer NOT NULL CHECK (row_count >= 0),
      added integer NOT NULL,
      changed integer NOT NULL,
      removed integer NOT NULL,
      unchanged integer NOT NULL,
      decision_in_source boolean NOT NULL,
      decision_kind text,
      decision_reference text,
      decision_date date,
      imported_at timestamptz NOT NULL,
      imported_by text NOT NULL,
      UNIQUE (register, valid_from),
      CHECK (decision_in_source OR (decision_kind IS NULL AND decision_reference IS NULL AND decision_date IS NULL))
    );

    CREATE TABLE register_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      register text NOT NULL,
      seq integer NOT NULL CHECK (seq > 0),
      version integer NOT NULL CHECK (version > 0),
      -- every field the published list has, as published
      name_ru text NOT NULL CHECK (name_ru <> ''),
      name_kk_field text,
      raw_name_ru text,
      egov_dataset text,
      valid_from date NOT NULL,
      -- the last day in force (inclusive); null while in force
      valid_until date CHECK (valid_until IS NULL OR valid_until >= valid_from),
      added_by_import bigint NOT NULL REFERENCES register_imports(id),
      added_decision_in_source boolean NOT NULL,
      added_decision_kind text,
      added_decision_reference text,
      added_decision_date date,
      ended_by_import bigint REFERENCES register_imports(id),
      -- removed from the list, or replaced by a changed version
      ended_as text CHECK (ended_as IN ('removed', 'replaced')),
      ended_decision_in_source boolean,
      ended_decision_kind text,
      ended_decision_reference text,
      ended_decision_date date,
      UNIQUE (register, seq, version),
      CHECK ((valid_until IS NULL) = (ended_by_import IS NULL)),
      CHECK ((valid_until IS NULL) = (ended_as IS NULL)),
      CHECK ((valid_until IS NULL) = (ended_decision_in_source IS NULL))
    );
    -- one version of an entry in force at a time
    CREATE UNIQUE INDEX register_entries_current ON register_entries (register, seq) WHERE valid_until IS NULL;
    CREATE INDEX register_entries_period ON register_entries (register, valid_from, valid_until);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE register_entries;
    DROP TABLE register_imports;
  `.execute(db);
}
