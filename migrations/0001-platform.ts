// Frozen in time: accounts, roles, sessions, API tokens, and the append-only log journal.
// Imports nothing from src/.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
      kind text NOT NULL,
      name_kk text NOT NULL,
      name_ru text NOT NULL,
      name_en text NOT NULL,
      parent_id text REFERENCES organisations(id),
      origin text NOT NULL CHECK (origin IN ('catalog', 'admin')),
      created_at timestamptz NOT NULL
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      login text NOT NULL CHECK (login ~ '^[a-z0-9._@-]{3,64}$'),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'editor', 'subject', 'recipient', 'auditor')),
      organisation_id text NOT NULL REFERENCES organisations(id),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX users_login_key ON users (login);

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      client_address text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);
    CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      token_hash text NOT NULL UNIQUE,
      token_prefix text NOT NULL,
      organisation_id text NOT NULL REFERENCES organisations(id),
      role text NOT NULL CHECK (role IN ('admin', 'editor', 'subject', 'recipient', 'auditor')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    -- Order 25, para 2, item 1: the log journal. Append-only, each entry chained to the
    -- previous one by hash; the database itself refuses UPDATE, DELETE and TRUNCATE.
    CREATE TABLE journal (
      -- seq is assigned under an advisory lock as last + 1, so a rolled-back append leaves no gap
      -- and a deleted entry shows as one.
      seq bigint PRIMARY KEY CHECK (seq > 0),
      at timestamptz NOT NULL,
      actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'token', 'system', 'anonymous')),
      actor_id text,
      actor_name text NOT NULL,
      role text,
      organisation_id text,
      action text NOT NULL CHECK (action ~ '^[a-z][a-zA-Z0-9]*\\.[a-z][a-zA-Z0-9]*\\.[a-z][a-zA-Z0-9]*$'),
      object_type text NOT NULL,
      object_id text,
      summary jsonb NOT NULL,
      request_id text,
      client_address text,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX journal_at_idx ON journal (at);
    CREATE INDEX journal_action_idx ON journal (action, seq);
    CREATE INDEX journal_object_idx ON journal (object_type, object_id, seq);
    CREATE INDEX journal_actor_idx ON journal (actor_id, seq);

    CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the log journal is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER journal_no_update_delete BEFORE UPDATE OR DELETE ON journal
      FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
    CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
      FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
    REVOKE UPDATE, DELETE, TRUNCATE ON journal FROM PUBLIC;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('the platform migration is not reversible: the log journal is never dropped');
}
