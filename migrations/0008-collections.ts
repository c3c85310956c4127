// Frozen in time: the quarterly electronic collections of Order 25, paras 11-13 (Appendix 1). A
// build is a version of one collection for one quarter, made from the publications in force then;
// a rebuild after a revision is a new version with its reason. Its files (XLSX and PDF, Kazakh and
// Russian; a public copy and, where recipients hold the right, one with the official-use parts)
// are outbox documents, sent to each recipient by the outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE collection_builds (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      collection text NOT NULL,
      quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      version integer NOT NULL CHECK (version >= 1),
      reason text,
      built_at timestamptz NOT NULL,
      built_by text NOT NULL,
      -- per form: the period, the publication and its version, the sections read
      inputs jsonb NOT NULL,
      UNIQUE (collection, quarter, version),
      CHECK (version = 1 OR reason IS NOT NULL)
    );

    CREATE TABLE collection_files (
      build_id bigint NOT NULL REFERENCES collection_builds(id),
      variant text NOT NULL CHECK (variant IN ('public', 'official-use')),
      lang text NOT NULL CHECK (lang IN ('kk', 'ru')),
      format text NOT NULL CHECK (format IN ('xlsx', 'pdf')),
      name text NOT NULL,
      sha256 text NOT NULL REFERENCES outbox_documents(sha256),
      PRIMARY KEY (build_id, variant, lang, format)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE collection_files;
    DROP TABLE collection_builds;
  `.execute(db);
}
