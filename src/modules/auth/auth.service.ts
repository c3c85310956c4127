import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/index.js';
import { conflict, invalidInput, notFound, type FieldProblem } from '../../platform/errors/index.js';
import { command, query, type Actor, type CommandContext, type Role } from '../../platform/usecase.js';
import { mayEndSession, mayManageAccounts, mayPurgeSessions } from './auth.policies.js';
import * as repo from './auth.repository.js';
import { hashPassword, newApiToken, passwordProblem, randomSecret, sha256 } from './auth.secrets.js';

const DAY_MS = 86_400_000;

/** Users and tokens belong to an organisation of the catalogue. */
async function organisationProblem(db: Queryable, id: string): Promise<FieldProblem | null> {
  if (await repo.organisationExists(db, id)) return null;
  return { pointer: '/organisationId', code: 'unknown_organisation', message: `No organisation "${id}".` };
}

export interface AddUserInput {
  login: string;
  displayName: string;
  password: string;
  role: Role;
  organisationId: string;
  /** ИИН of the person, to sign in with their certificate */
  iin?: string | null;
  /** БИН of the organisation whose employee's certificate they must sign in with */
  bin?: string | null;
}

export const addUser = command({
  name: 'add a user',
  policy: mayManageAccounts,
  run: async (ctx, input: AddUserInput) => {
    const login = input.login.trim().toLowerCase();
    const problems: FieldProblem[] = [];
    const pw = passwordProblem(input.password);
    if (pw) problems.push({ pointer: '/password', code: 'weak_password', message: `The password ${pw}.` });
    if (!/^[a-z0-9._@-]{3,64}$/.test(login)) {
      problems.push({
        pointer: '/login',
        code: 'invalid_login',
        message: 'A login is 3–64 of a-z, 0-9, . _ @ -.',
      });
    }
    for (const field of ['iin', 'bin'] as const) {
      const value = input[field];
      if (value != null && !/^\d{12}$/.test(value)) {
        problems.push({
          pointer: `/${field}`,
          code: `invalid_${field}`,
          message: `An ${field.toUpperCase()} is 12 digits.`,
        });
      }
    }
    const orgProblem = await organisationProblem(ctx.trx, input.organisationId);
    if (orgProblem) problems.push(orgProblem);
    if (problems.length) throw invalidInput('The user cannot be added.', problems);
    if (await repo.findUserByLogin(ctx.trx, login))
      throw conflict(`The login "${login}" is taken.`, 'login_taken');
    const user = await repo.insertUser(ctx.trx, {
      login,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password),
      role: input.role,
      organisationId: input.organisationId,
      iin: input.iin ?? null,
      bin: input.bin ?? null,
      now: ctx.now,
    });
    await ctx.record({
      action: 'auth.user.added',
      objectType: 'user',
      objectId: user.id,
      summary: { login: user.login, role: user.role, organisationId: user.organisationId },
    });
    return user;
  },
});

export const listUsers = query({
  name: 'list users',
  policy: mayManageAccounts,
  run: async ({ db }) => repo.findUsers(db),
});

/**
 * A new session of a person who proved who they are: a new identifier every time (no session
 * fixation), its CSRF token, journaled with how they signed in.
 */
export async function startSession(
  ctx: CommandContext,
  row: Selectable<repo.UsersTable>,
  ttlHours: number,
  how: Record<string, unknown>,
) {
  const cookieValue = randomSecret(32);
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(ctx.now.getTime() + ttlHours * 3_600_000);
  await repo.insertSession(ctx.trx, {
    id: sha256(cookieValue),
    userId: row.id,
    csrfToken,
    now: ctx.now,
    expiresAt,
    clientAddress: ctx.meta.clientAddress,
  });
  const user = repo.userRowToUser(row);
  await ctx.record({
    action: 'auth.session.started',
    objectType: 'user',
    objectId: user.id,
    summary: { login: user.login, expiresAt: expiresAt.toISOString(), ...how },
  });
  return { cookieValue, csrfToken, expiresAt, user };
}

export const signOut = command({
  name: 'sign out',
  policy: mayEndSession,
  run: async (ctx, input: { cookieValue: string }) => {
    await repo.revokeSession(ctx.trx, sha256(input.cookieValue), ctx.now);
    await ctx.record({
      action: 'auth.session.ended',
      objectType: 'user',
      objectId: ctx.actor.id,
      summary: {},
    });
  },
});

export const purgeExpiredSessions = command({
  name: 'purge expired sessions',
  policy: mayPurgeSessions,
  run: async (ctx) => {
    const purged = await repo.deleteExpiredSessions(ctx.trx, ctx.now);
    await ctx.record({
      action: 'auth.sessions.purged',
      objectType: 'session',
      objectId: null,
      summary: { purged },
    });
    return purged;
  },
});

export interface CreateTokenInput {
  name: string;
  organisationId: string;
  role: Role;
  validDays: number;
}

/** A bearer token for a machine client, scoped to an organisation and a role; shown once. */
export const createToken = command({
  name: 'create an API token',
  policy: mayManageAccounts,
  run: async (ctx, input: CreateTokenInput) => {
    const orgProblem = await organisationProblem(ctx.trx, input.organisationId);
    if (orgProblem) throw invalidInput('The token cannot be created.', [orgProblem]);
    const secret = newApiToken();
    const token = await repo.insertToken(ctx.trx, {
      name: input.name.trim(),
      hash: secret.hash,
      prefix: secret.prefix,
      organisationId: input.organisationId,
      role: input.role,
      createdBy: ctx.actor.name,
      now: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + input.validDays * DAY_MS),
    });
    await ctx.record({
      action: 'auth.token.created',
      objectType: 'api_token',
      objectId: token.id,
      summary: {
        name: token.name,
        prefix: token.prefix,
        role: token.role,
        organisationId: token.organisationId,
        expiresAt: token.expiresAt.toISOString(),
      },
    });
    return { token, secret: secret.token };
  },
});

export const revokeToken = command({
  name: 'revoke an API token',
  policy: mayManageAccounts,
  run: async (ctx, input: { id: string }) => {
    const row = await repo.lockTokenById(ctx.trx, input.id);
    if (!row) throw notFound(`API token ${input.id}`, 'token_not_found');
    if (row.revoked_at)
      throw conflict(`The API token ${input.id} is already revoked.`, 'token_already_revoked');
    await repo.markTokenRevoked(ctx.trx, input.id, ctx.now);
    await ctx.record({
      action: 'auth.token.revoked',
      objectType: 'api_token',
      objectId: input.id,
      summary: { name: row.name },
    });
  },
});

export const listTokens = query({
  name: 'list API tokens',
  policy: mayManageAccounts,
  run: async ({ db }) => repo.findTokens(db),
});

export interface SessionActor extends Actor {
  csrfToken: string;
}

/** Who a session cookie belongs to; null when unknown, expired, revoked or the user is disabled. */
export async function actorFromSession(
  db: Queryable,
  cookieValue: string,
  now: Date,
): Promise<SessionActor | null> {
  const s = await repo.findLiveSession(db, sha256(cookieValue), now);
  if (!s) return null;
  return {
    kind: 'user',
    id: s.user_id,
    name: s.display_name,
    role: s.role,
    organisationId: s.organisation_id,
    csrfToken: s.csrf_token,
  };
}

/** Who a bearer token belongs to; null when unknown, expired or revoked. */
export async function actorFromToken(db: Queryable, token: string, now: Date): Promise<Actor | null> {
  const row = await repo.findTokenByHash(db, sha256(token));
  if (!row || row.revoked_at || row.expires_at <= now) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000)
    await repo.touchToken(db, row.id, now);
  return {
    kind: 'token',
    id: row.id,
    name: `token:${row.name}`,
    role: row.role,
    organisationId: row.organisation_id,
  };
}
