// Sign-in with login and password, throttled and locked out. Failed passwords are counted by the
// login typed and by the client address over a sliding window (SIGN_IN_WINDOW_MINUTES): past
// SIGN_IN_FAILURES_PER_LOGIN or SIGN_IN_FAILURES_PER_ADDRESS the next attempts are refused
// unchecked until the window frees a place. The failures of a login in a row since its last
// success reach SIGN_IN_LOCKOUT_FAILURES: the login is locked until an administrator unlocks it.
//
// A login nobody has is counted, throttled and locked exactly like a user's, its password checked
// against a decoy hash: the status, the body and the work do not tell whether the login exists.
import type { Config } from '../../platform/config.js';
import { conflict, DomainError, notFound, unauthenticated } from '../../platform/errors/index.js';
import { command, type CommandContext } from '../../platform/usecase.js';
import { mayManageAccounts, maySignIn } from './auth.policies.js';
import * as users from './auth.repository.js';
import { decoyPasswordHash, verifyPassword } from './auth.secrets.js';
import { startSession } from './auth.service.js';
import * as repo from './password-sign-in.repository.js';

export interface PasswordPolicy {
  windowMinutes: number;
  failuresPerLogin: number;
  failuresPerAddress: number;
  lockoutFailures: number;
}

export const passwordPolicyOf = (config: Config): PasswordPolicy => ({
  windowMinutes: config.signInWindowMinutes,
  failuresPerLogin: config.signInFailuresPerLogin,
  failuresPerAddress: config.signInFailuresPerAddress,
  lockoutFailures: config.signInLockoutFailures,
});

export interface SignInInput {
  login: string;
  password: string;
  ttlHours: number;
  policy: PasswordPolicy;
}

export type Refusal =
  { reason: 'bad-credentials' } | { reason: 'throttled'; retryAfterSeconds: number } | { reason: 'locked' };

export type PasswordSignInResult =
  { ok: true; session: Awaited<ReturnType<typeof startSession>> } | ({ ok: false } & Refusal);

export const normaliseLogin = (login: string): string => login.trim().toLowerCase();

/** Seconds until the window has room again, counted from its oldest failure. */
function retryAfter(ctx: CommandContext, oldest: Date | null, windowMs: number): number {
  const freeAt = (oldest?.getTime() ?? ctx.now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((freeAt - ctx.now.getTime()) / 1000));
}

/**
 * Checks the password unless the login is locked or throttled; a failure is recorded and
 * journaled (and committed: the caller answers the refusal). Attempts on one login run one at a
 * time, so concurrent guesses cannot slip past the counts.
 */
export const signIn = command({
  name: 'sign in',
  policy: maySignIn,
  run: async (ctx, input: SignInInput): Promise<PasswordSignInResult> => {
    const login = normaliseLogin(input.login);
    const { policy } = input;
    await repo.serialiseLogin(ctx.trx, login);
    if ((await repo.findLockout(ctx.trx, login))?.locked_at) {
      ctx.changedNothing();
      return { ok: false, reason: 'locked' };
    }
    const windowMs = policy.windowMinutes * 60_000;
    const since = new Date(ctx.now.getTime() - windowMs);
    const byLogin = await repo.recentFailures(ctx.trx, { login }, since);
    const address = ctx.meta.clientAddress;
    const byAddress = address ? await repo.recentFailures(ctx.trx, { clientAddress: address }, since) : null;
    const full = [
      byLogin.count >= policy.failuresPerLogin ? byLogin : null,
      byAddress && byAddress.count >= policy.failuresPerAddress ? byAddress : null,
    ].filter((f) => f !== null);
    if (full.length) {
      ctx.changedNothing();
      const seconds = Math.max(...full.map((f) => retryAfter(ctx, f.oldest, windowMs)));
      return { ok: false, reason: 'throttled', retryAfterSeconds: seconds };
    }
    const row = await users.findUserByLogin(ctx.trx, login);
    const ok = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), input.password);
    if (row && ok && row.active) {
      await repo.forgetFailures(ctx.trx, login);
      return { ok: true, session: await startSession(ctx, row, input.ttlHours, { method: 'password' }) };
    }
    const inARow = await repo.recordFailure(ctx.trx, { login, clientAddress: address, now: ctx.now });
    await ctx.record({
      action: 'auth.password.refused',
      objectType: 'login',
      objectId: login,
      summary: { login, failuresInARow: inARow, knownLogin: row !== undefined },
    });
    if (inARow >= policy.lockoutFailures) {
      await repo.lockLogin(ctx.trx, login, ctx.now);
      await ctx.record({
        action: 'auth.login.locked',
        objectType: 'login',
        objectId: login,
        summary: { login, failuresInARow: inARow, knownLogin: row !== undefined },
      });
      return { ok: false, reason: 'locked' };
    }
    return { ok: false, reason: 'bad-credentials' };
  },
});

/** The answer to a refused password sign-in, the same whether the login exists or not. */
export function passwordRefused(refusal: Refusal, policy: PasswordPolicy): DomainError {
  switch (refusal.reason) {
    case 'bad-credentials':
      return unauthenticated('The login or the password is wrong.', 'bad_credentials');
    case 'throttled':
      return new DomainError(
        'rate_limited',
        'sign_in_throttled',
        `Too many failed sign-ins for this login or from this address (the limit is ${policy.failuresPerLogin} for a login, ${policy.failuresPerAddress} for an address, in ${policy.windowMinutes} minutes); try again in ${refusal.retryAfterSeconds} seconds.`,
      );
    case 'locked':
      return unauthenticated(
        `The login is locked after ${policy.lockoutFailures} failed sign-ins in a row; an administrator unlocks it.`,
        'sign_in_locked',
      );
  }
}

/** An administrator unlocks a user's login locked by failed sign-ins; its failures are forgotten. */
export const unlockUser = command({
  name: 'unlock a user',
  policy: mayManageAccounts,
  run: async (ctx, input: { id: string }) => {
    const user = await users.findUserById(ctx.trx, input.id);
    if (!user) throw notFound(`User ${input.id}`, 'user_not_found');
    await repo.serialiseLogin(ctx.trx, user.login);
    const lockout = await repo.findLockout(ctx.trx, user.login);
    if (!lockout?.locked_at) throw conflict(`The login "${user.login}" is not locked.`, 'not_locked');
    await repo.forgetFailures(ctx.trx, user.login);
    await ctx.record({
      action: 'auth.login.unlocked',
      objectType: 'user',
      objectId: user.id,
      summary: {
        login: user.login,
        lockedAt: lockout.locked_at.toISOString(),
        failuresInARow: lockout.failures,
      },
    });
    return { login: user.login };
  },
});
