import type { Queryable } from '../../platform/db/index.js';

export interface SignInChallengesTable {
  id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  client_address: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    sign_in_challenges: SignInChallengesTable;
  }
}

export async function insertChallenge(
  db: Queryable,
  c: { id: string; now: Date; expiresAt: Date; clientAddress: string | null },
): Promise<void> {
  await db
    .insertInto('sign_in_challenges')
    .values({
      id: c.id,
      created_at: c.now,
      expires_at: c.expiresAt,
      used_at: null,
      client_address: c.clientAddress,
    })
    .execute();
}

/** Takes a live challenge once: the row is marked used in the same statement that finds it. */
export async function useChallenge(db: Queryable, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('sign_in_challenges')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteExpiredChallenges(db: Queryable, now: Date): Promise<number> {
  const r = await db.deleteFrom('sign_in_challenges').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findUserByIin(db: Queryable, iin: string) {
  return db.selectFrom('users').selectAll().where('iin', '=', iin).executeTakeFirst();
}
