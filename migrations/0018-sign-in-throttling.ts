// Frozen in time: throttling and lockout of password sign-in. Each failed password is a row (by
// the login typed, known or not, and the client address), counted over a sliding window; the
// failures in a row of a login since its last success or unlock are counted, and past a limit the
// login is locked until an administrator unlocks it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sign_in_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      login text NOT NULL,
      client_address text,
      failed_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX sign_in_failures_login ON sign_in_failures (login, failed_at)`.execute(db);
  await sql`CREATE INDEX sign_in_failures_address ON sign_in_failures (client_address, failed_at)`.execute(
    db,
  );
  await sql`
    CREATE TABLE sign_in_lockouts (
      login text PRIMARY KEY,
      -- failed passwords in a row since the last success or unlock
      failures integer NOT NULL CHECK (failures >= 0),
      last_failed_at timestamptz NOT NULL,
      -- set when the failures reach the limit; the login signs in no more until unlocked
      locked_at timestamptz
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sign_in_lockouts`.execute(db);
  await sql`DROP TABLE sign_in_failures`.execute(db);
}
