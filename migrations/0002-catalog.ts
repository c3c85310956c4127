// Frozen in time: the regulation as data in the database (the database is what runs).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Catalogue ids may hold dots (e.g. o25.i.p2.1); organisations take the catalogue's ids.
    ALTER TABLE organisations DROP CONSTRAINT organisations_id_check;
    ALTER TABLE organisations ADD CONSTRAINT organisations_id_check CHECK (id ~ '^[a-z0-9]+([.-][a-z0-9]+)*$');
    ALTER TABLE organisations ADD COLUMN valid_from date, ADD COLUMN valid_until date;

    -- Every version of every entry of every kind, keyed by (kind, id, valid_from); entries
    -- without versions have valid_from = -infinity. The working-day calendar is stored as its
    -- documents (kind 'calendar', id = its path: holidays.yaml, transfers/2024.yaml, …).
    CREATE TABLE catalog_entries (
      kind text NOT NULL,
      id text NOT NULL,
      valid_from date NOT NULL,
      valid_until date,
      data jsonb NOT NULL,
      content_hash text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('file', 'admin')),
      source text NOT NULL,
      loaded_at timestamptz NOT NULL,
      PRIMARY KEY (kind, id, valid_from),
      CHECK (valid_until IS NULL OR valid_until >= valid_from)
    );

    -- One row: bumped on every change, so each instance knows when its cached catalogue is stale.
    CREATE TABLE catalog_state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      revision bigint NOT NULL
    );
    INSERT INTO catalog_state (singleton, revision) VALUES (true, 0);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE catalog_state; DROP TABLE catalog_entries;`.execute(db);
}
