import { sql, type Generated } from 'kysely';
import type { Queryable } from '../../platform/db/index.js';

export interface SignInFailuresTable {
  id: Generated<string>;
  login: string;
  client_address: string | null;
  failed_at: Date;
}
export interface SignInLockoutsTable {
  login: string;
  failures: number;
  last_failed_at: Date;
  locked_at: Date | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    sign_in_failures: SignInFailuresTable;
    sign_in_lockouts: SignInLockoutsTable;
  }
}

/** Sign-in attempts for one login wait for each other (to the end of the transaction). */
export async function serialiseLogin(db: Queryable, login: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${login}`}, 0))`.execute(db);
}

export interface RecentFailures {
  count: number;
  /** the first failure inside the window, when one is */
  oldest: Date | null;
}

/** The failures of a login, or from an address, since `since`. */
export async function recentFailures(
  db: Queryable,
  by: { login: string } | { clientAddress: string },
  since: Date,
): Promise<RecentFailures> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((e) => [e.fn.countAll<string>().as('n'), e.fn.min('failed_at').as('oldest')])
    .where('failed_at', '>', since)
    .$if('login' in by, (q) => q.where('login', '=', (by as { login: string }).login))
    .$if('clientAddress' in by, (q) =>
      q.where('client_address', '=', (by as { clientAddress: string }).clientAddress),
    )
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest) : null };
}

export async function findLockout(db: Queryable, login: string) {
  return db.selectFrom('sign_in_lockouts').selectAll().where('login', '=', login).executeTakeFirst();
}

/** Records a failed password; returns the failures in a row of the login, this one included. */
export async function recordFailure(
  db: Queryable,
  f: { login: string; clientAddress: string | null; now: Date },
): Promise<number> {
  await db
    .insertInto('sign_in_failures')
    .values({ login: f.login, client_address: f.clientAddress, failed_at: f.now })
    .execute();
  const row = await db
    .insertInto('sign_in_lockouts')
    .values({ login: f.login, failures: 1, last_failed_at: f.now, locked_at: null })
    .onConflict((oc) =>
      oc.column('login').doUpdateSet((eb) => ({
        failures: eb('sign_in_lockouts.failures', '+', 1),
        last_failed_at: f.now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function lockLogin(db: Queryable, login: string, now: Date): Promise<void> {
  await db.updateTable('sign_in_lockouts').set({ locked_at: now }).where('login', '=', login).execute();
}

/** After a success or an unlock: the login's failures are forgotten (its row and window alike). */
export async function forgetFailures(db: Queryable, login: string): Promise<number> {
  await db.deleteFrom('sign_in_failures').where('login', '=', login).execute();
  const r = await db.deleteFrom('sign_in_lockouts').where('login', '=', login).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The failures older than the window count for nothing any more. */
export async function deleteFailuresBefore(db: Queryable, before: Date): Promise<number> {
  const r = await db.deleteFrom('sign_in_failures').where('failed_at', '<=', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
