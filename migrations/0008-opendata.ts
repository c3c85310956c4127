// Frozen in time: the open-data catalogue of Order 84. A dataset made from a form has resources
// built from that form's published releases: per period the main table as CSV, XLSX and
// JSON-stat, and one long table of all periods kept as a DataStore (CKAN's name for a resource
// whose rows are queryable). Each build of a resource is a version, kept; nothing is built from
// unpublished or restricted figures (docs/decisions/0006-open-data.md).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE od_resources (
      id uuid PRIMARY KEY,
      dataset text NOT NULL,
      -- the period the resource holds and its format, or 'datastore' for the long table
      key text NOT NULL,
      period text,
      format text NOT NULL,
      position integer NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (dataset, key)
    );

    CREATE TABLE od_resource_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      resource_id uuid NOT NULL REFERENCES od_resources(id),
      version integer NOT NULL CHECK (version > 0),
      built_at timestamptz NOT NULL,
      -- the publications (release_publications.id) the bytes were built from
      publications bigint[] NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL,
      size bigint NOT NULL,
      sha256 text NOT NULL,
      -- the bytes, except for the DataStore table, whose bytes are its rows dumped
      body bytea,
      reason text,
      UNIQUE (resource_id, version)
    );

    CREATE TABLE od_datastore (
      resource_id uuid NOT NULL REFERENCES od_resources(id),
      period text NOT NULL,
      region text NOT NULL,
      row_code text NOT NULL,
      graph integer NOT NULL,
      "_id" bigint GENERATED ALWAYS AS IDENTITY,
      period_start date NOT NULL,
      region_name text,
      row_label text NOT NULL,
      graph_label text NOT NULL,
      value numeric,
      status text NOT NULL,
      PRIMARY KEY (resource_id, period, region, row_code, graph)
    );
    CREATE INDEX od_datastore_order ON od_datastore (resource_id, "_id");
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE od_datastore; DROP TABLE od_resource_versions; DROP TABLE od_resources;`.execute(db);
}
