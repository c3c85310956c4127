// Frozen in time: publishing. A release is one (form, period) on the legal schedule; each
// publication of it is a frozen set of statistics revisions, embargoed until its time and then
// published once, by whichever worker claims it first (docs/decisions/0004).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE releases (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      form text NOT NULL,
      period text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      status text NOT NULL CHECK (status IN ('scheduled', 'approved', 'published', 'revised')),
      -- the information service's deadline (Order 25, para 14, Appendix 2; para 13 applied)
      due_date date NOT NULL,
      -- every channel's due date: [{channel, nominal, due, act, clause}]
      due jsonb NOT NULL,
      -- the announced date: the due date, unless rescheduled with a public reason
      planned_date date NOT NULL,
      created_at timestamptz NOT NULL,
      late_recorded_at timestamptz,
      UNIQUE (form, period)
    );
    CREATE INDEX releases_planned ON releases (planned_date);

    CREATE TABLE release_reschedules (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      release_id bigint NOT NULL REFERENCES releases(id),
      at timestamptz NOT NULL,
      from_date date NOT NULL,
      to_date date NOT NULL,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      actor_name text NOT NULL
    );

    CREATE TABLE release_publications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      release_id bigint NOT NULL REFERENCES releases(id),
      version integer NOT NULL CHECK (version > 0),
      revision_ids bigint[] NOT NULL,
      breakdowns text[] NOT NULL,
      missing text[] NOT NULL DEFAULT '{}',
      incomplete_reason text,
      reason text,
      imported boolean NOT NULL DEFAULT false,
      approved_at timestamptz NOT NULL,
      approved_by text NOT NULL,
      publish_at timestamptz NOT NULL,
      published_at timestamptz,
      published_by text,
      UNIQUE (release_id, version),
      CHECK (version = 1 OR length(btrim(coalesce(reason, ''))) > 0),
      CHECK (cardinality(missing) = 0 OR length(btrim(coalesce(incomplete_reason, ''))) > 0),
      CHECK (published_at IS NULL OR published_at >= publish_at)
    );
    -- At most one publication waiting for its time per release.
    CREATE UNIQUE INDEX release_publications_pending ON release_publications (release_id) WHERE published_at IS NULL;
    CREATE INDEX release_publications_due ON release_publications (publish_at) WHERE published_at IS NULL;

    -- A published publication never changes: only its publication is recorded, once.
    CREATE FUNCTION release_publications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'a published publication is permanent' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'a published publication is immutable' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'UPDATE' AND (NEW.revision_ids <> OLD.revision_ids OR NEW.version <> OLD.version) THEN
        RAISE EXCEPTION 'a publication keeps the revisions it was approved with' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER release_publications_guard BEFORE UPDATE OR DELETE ON release_publications
      FOR EACH ROW EXECUTE FUNCTION release_publications_guard();

    -- Bumped by every publication: readers on every instance notice it and reload what is public.
    CREATE TABLE publishing_generation (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      generation bigint NOT NULL
    );
    INSERT INTO publishing_generation VALUES (true, 0);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE publishing_generation;
    DROP TABLE release_publications;
    DROP FUNCTION release_publications_guard();
    DROP TABLE release_reschedules;
    DROP TABLE releases;
  `.execute(db);
}
