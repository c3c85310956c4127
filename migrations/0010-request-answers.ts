// Frozen in time: the answers to requests (Order 25, paras 4-9). Each reply letter is a version
// (the answer's tables, what is not available and why, what was withheld and why, the letter's
// PDF and the document system's payload, stored once by SHA-256 in the outbox's documents); the
// approved version is the one sent, kept as sent. A request gets the hash of the status code its
// applicant is given at registration, and the day it was answered.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE requests
      ADD COLUMN status_code_hash text CHECK (status_code_hash ~ '^[0-9a-f]{64}$'),
      ADD COLUMN answered_at timestamptz;

    CREATE TABLE request_letters (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id bigint NOT NULL REFERENCES requests(id),
      version integer NOT NULL CHECK (version >= 1),
      -- answer: an accepted request's covering letter and tables; refusal: left without
      -- consideration or not accepted, with the ground and its clause; incomplete: what is missing
      kind text NOT NULL CHECK (kind IN ('answer', 'refusal', 'incomplete')),
      lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
      content jsonb NOT NULL,
      pdf_sha256 text NOT NULL REFERENCES outbox_documents(sha256),
      payload_sha256 text NOT NULL REFERENCES outbox_documents(sha256),
      state text NOT NULL CHECK (state IN ('draft', 'superseded', 'approved')),
      drafted_at timestamptz NOT NULL,
      drafted_by text NOT NULL,
      approved_at timestamptz,
      approved_by text,
      delivery_key text,
      UNIQUE (request_id, version),
      CHECK ((state = 'approved') = (approved_at IS NOT NULL))
    );
    -- one approved letter per request: the one sent
    CREATE UNIQUE INDEX request_letters_approved ON request_letters (request_id) WHERE state = 'approved';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE request_letters;
    ALTER TABLE requests DROP COLUMN status_code_hash, DROP COLUMN answered_at;
  `.execute(db);
}
