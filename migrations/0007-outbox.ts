// Frozen in time: the transactional outbox, one for everything the system sends (collections to
// the state bodies of Order 25, Appendix 1; replies to requests). A delivery is written in the
// transaction of what produced it; the worker claims it (FOR UPDATE SKIP LOCKED, with a lease),
// sends it through its adapter with its idempotency key, and records each attempt. Documents are
// stored once by their SHA-256 and named by each delivery that carries them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outbox_documents (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      content_type text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      bytes bytea NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE outbox_deliveries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      -- sent to the receiver with every attempt; receivers deduplicate by it
      key text NOT NULL UNIQUE,
      -- what produced it: 'collection-copy', 'request-reply'
      kind text NOT NULL,
      subject_id text NOT NULL,
      recipient text NOT NULL,
      copies integer NOT NULL DEFAULT 1 CHECK (copies >= 1),
      adapter text CHECK (adapter IN ('edms', 'file-drop', 'webhook')),
      target text,
      title jsonb NOT NULL,
      metadata jsonb NOT NULL,
      state text NOT NULL
        CHECK (state IN ('pending', 'delivered', 'acknowledged', 'dead', 'undeliverable')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      max_attempts integer NOT NULL CHECK (max_attempts >= 1),
      next_attempt_at timestamptz NOT NULL,
      -- a worker's claim: until this instant no other worker takes it
      lease_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz,
      acknowledged_at timestamptz,
      receipt jsonb,
      CHECK ((state = 'undeliverable') = (adapter IS NULL)),
      CHECK (state NOT IN ('delivered', 'acknowledged') OR delivered_at IS NOT NULL),
      CHECK (state <> 'acknowledged' OR acknowledged_at IS NOT NULL)
    );
    CREATE INDEX outbox_deliveries_due ON outbox_deliveries (next_attempt_at) WHERE state = 'pending';
    CREATE INDEX outbox_deliveries_subject ON outbox_deliveries (kind, subject_id);

    CREATE TABLE outbox_delivery_documents (
      delivery_id bigint NOT NULL REFERENCES outbox_deliveries(id),
      position integer NOT NULL,
      name text NOT NULL,
      sha256 text NOT NULL REFERENCES outbox_documents(sha256),
      PRIMARY KEY (delivery_id, position),
      UNIQUE (delivery_id, name)
    );

    CREATE TABLE outbox_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      delivery_id bigint NOT NULL REFERENCES outbox_deliveries(id),
      n integer NOT NULL,
      at timestamptz NOT NULL,
      adapter text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('delivered', 'acknowledged', 'failed', 'dead')),
      detail text
    );
    CREATE INDEX outbox_attempts_delivery ON outbox_attempts (delivery_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE outbox_attempts;
    DROP TABLE outbox_delivery_documents;
    DROP TABLE outbox_deliveries;
    DROP TABLE outbox_documents;
  `.execute(db);
}
