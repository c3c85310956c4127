// Frozen in time: an administrator resolves a placeholder recipient of Order 25, Appendix 1 (a
// cell whose column header the published text lost) to a real organisation of the catalogue, as
// effective-dated data: from `valid_from` the collections address the organisation. A correction
// is a later row; rows are never updated or deleted, so the history stays.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE collection_recipient_resolutions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      placeholder text NOT NULL,
      organisation text NOT NULL,
      valid_from date NOT NULL,
      -- where the resolution comes from: the official text, a letter of the body, …
      source text NOT NULL CHECK (length(source) > 0),
      resolved_by text NOT NULL,
      resolved_at timestamptz NOT NULL,
      UNIQUE (placeholder, valid_from)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE collection_recipient_resolutions;`.execute(db);
}
