// Frozen in time: sign-in with a digital-signature certificate. A user may carry the IIN of the
// person (and the BIN of the organisation whose employee's certificate they must sign in with);
// a challenge is issued once, lives a few minutes and is used once.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN iin text CHECK (iin ~ '^[0-9]{12}$'),
      ADD COLUMN bin text CHECK (bin ~ '^[0-9]{12}$')
  `.execute(db);
  await sql`CREATE UNIQUE INDEX users_iin_unique ON users (iin) WHERE iin IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE sign_in_challenges (
      id text PRIMARY KEY, -- SHA-256 of the challenge text, hex
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      client_address text
    )
  `.execute(db);
  await sql`CREATE INDEX sign_in_challenges_expires ON sign_in_challenges (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sign_in_challenges`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN iin, DROP COLUMN bin`.execute(db);
}
