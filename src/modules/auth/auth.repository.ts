import type { Generated, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/index.js';
import type { Role } from '../../platform/usecase.js';

export interface OrganisationsTable {
  id: string;
  kind: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  parent_id: string | null;
  origin: 'catalog' | 'admin';
  created_at: Date;
  valid_from: Generated<string | null>;
  valid_until: Generated<string | null>;
}
export interface UsersTable {
  id: Generated<string>;
  login: string;
  display_name: string;
  password_hash: string;
  role: Role;
  organisation_id: string;
  active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
  /** ИИН of the person, for certificate sign-in */
  iin: Generated<string | null>;
  /** БИН of the organisation whose employee's certificate the person signs in with */
  bin: Generated<string | null>;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Generated<Date | null>;
  client_address: string | null;
}
export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  token_prefix: string;
  organisation_id: string;
  role: Role;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Generated<Date | null>;
  last_used_at: Generated<Date | null>;
}

declare module '../../platform/db/database.js' {
  interface Database {
    organisations: OrganisationsTable;
    users: UsersTable;
    sessions: SessionsTable;
    api_tokens: ApiTokensTable;
  }
}

export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  organisationId: string;
  active: boolean;
  createdAt: Date;
}
export const userRowToUser = (r: Selectable<UsersTable>): User => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  role: r.role,
  organisationId: r.organisation_id,
  active: r.active,
  createdAt: r.created_at,
});

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  organisationId: string;
  role: Role;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}
export const tokenRowToToken = (r: Selectable<ApiTokensTable>): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.token_prefix,
  organisationId: r.organisation_id,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}

export async function findUserByLogin(db: Queryable, login: string) {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function findUserById(db: Queryable, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUsers(db: Queryable): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login').execute();
  return rows.map(userRowToUser);
}

export async function insertUser(
  db: Queryable,
  u: {
    login: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    organisationId: string;
    iin: string | null;
    bin: string | null;
    now: Date;
  },
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      login: u.login,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      organisation_id: u.organisationId,
      iin: u.iin,
      bin: u.bin,
      created_at: u.now,
      updated_at: u.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return userRowToUser(row);
}

export async function insertSession(
  db: Queryable,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    clientAddress: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      expires_at: s.expiresAt,
      client_address: s.clientAddress,
    })
    .execute();
}

export async function findLiveSession(db: Queryable, id: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.display_name',
      'users.role',
      'users.organisation_id',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function revokeSession(db: Queryable, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('revoked_at', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertToken(
  db: Queryable,
  t: {
    name: string;
    hash: string;
    prefix: string;
    organisationId: string;
    role: Role;
    createdBy: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      name: t.name,
      token_hash: t.hash,
      token_prefix: t.prefix,
      organisation_id: t.organisationId,
      role: t.role,
      created_by: t.createdBy,
      created_at: t.now,
      expires_at: t.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return tokenRowToToken(row);
}

export async function findTokens(db: Queryable): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(tokenRowToToken);
}

export async function lockTokenById(db: Queryable, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markTokenRevoked(db: Queryable, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function findTokenByHash(db: Queryable, hash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function touchToken(db: Queryable, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
