// Frozen in time: requests for legal statistical information (Order 25, paras 4-9). A request is
// registered with the decision the rules in use on its registration date gave, its number and
// the due date of its term; every later step (a correction, an extension, closing) is an event.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE request_numbers (
      year integer PRIMARY KEY,
      last integer NOT NULL CHECK (last > 0)
    );

    CREATE TABLE requests (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number text NOT NULL UNIQUE,
      registered_on date NOT NULL,
      registered_at timestamptz NOT NULL,
      registered_by text NOT NULL,
      channel text NOT NULL,
      applicant_kind text NOT NULL,
      applicant_name text NOT NULL,
      organisation text,
      -- the request as it stands (the structured fields staff correct), and the decision on it
      body jsonb NOT NULL,
      decision jsonb NOT NULL,
      outcome text NOT NULL
        CHECK (outcome IN ('accepted', 'left-without-consideration', 'not-accepted', 'incomplete')),
      ground text NOT NULL,
      state text NOT NULL CHECK (state IN ('open', 'closed')),
      due_on date NOT NULL,
      term jsonb NOT NULL,
      extended_until date CHECK (extended_until IS NULL OR extended_until > due_on),
      reminded_at timestamptz,
      closed_at timestamptz,
      closed_by text,
      closing_note text,
      CHECK ((state = 'closed') = (closed_at IS NOT NULL))
    );
    CREATE INDEX requests_open_due ON requests (coalesce(extended_until, due_on)) WHERE state = 'open';

    CREATE TABLE request_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id bigint NOT NULL REFERENCES requests(id),
      at timestamptz NOT NULL,
      actor_name text NOT NULL,
      action text NOT NULL,
      detail jsonb NOT NULL
    );
    CREATE INDEX request_events_request ON request_events (request_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE request_events;
    DROP TABLE requests;
    DROP TABLE request_numbers;
  `.execute(db);
}
