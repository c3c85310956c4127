// Frozen in time: the fingerprint of the structure files last loaded, so a start whose files have
// not changed skips reading them (1-М's alone is megabytes of YAML).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stat_structure_source (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      fingerprint text NOT NULL,
      loaded_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE stat_structure_source`.execute(db);
}
