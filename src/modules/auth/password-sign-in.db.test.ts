// Password sign-in throttled per login and per address, locked after failures in a row and
// unlocked by an administrator, journaled; a login nobody has answered exactly like a user's; a
// new session identifier at every sign-in. On the injected clock, with the documented defaults
// (5 failures of a login or 20 of an address in 15 minutes; 10 in a row lock the login).
import type { LightMyRequestResponse } from 'fastify';
import { jobsOf } from '../../app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  signInAs,
  TEST_PASSWORD,
  tokenFor,
  type TestContext,
} from '../../../test/support/test-app.js';

let t: TestContext;
let admin: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await tokenFor(t, 'admin');
});
afterAll(async () => t.close());

const MINUTE = 60_000;
let addresses = 0;
/** Each scenario from an address of its own, so that only its own failures count there. */
const newAddress = () => `10.1.0.${++addresses}`;

const attempt = (login: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password }, remoteAddress });

/** What a client sees of an answer: status, Retry-After, the body but its request id. */
const seen = (res: LightMyRequestResponse) => {
  const body = res.json() as Record<string, unknown>;
  delete body.requestId;
  return { status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null, body };
};

const journal = (action: string, login: string) =>
  t.db
    .selectFrom('journal')
    .select(['summary', 'object_id'])
    .where('action', '=', action)
    .where('object_id', 'in', [login])
    .orderBy('seq')
    .execute();

type Step = [advanceMs: number, password: 'wrong' | 'right', status: number, code: string | null];

// Failures inside the window, one past it, the window freeing a place, then the lockout.
const SCRIPT: Step[] = [
  [0, 'wrong', 401, 'bad_credentials'],
  [MINUTE, 'wrong', 401, 'bad_credentials'],
  [MINUTE, 'wrong', 401, 'bad_credentials'],
  [MINUTE, 'wrong', 401, 'bad_credentials'],
  [MINUTE, 'wrong', 401, 'bad_credentials'], // 5 in the window
  [MINUTE, 'wrong', 429, 'sign_in_throttled'], // refused unchecked, not counted
  [MINUTE, 'right', 429, 'sign_in_throttled'], // even the right password
  [9 * MINUTE + 1000, 'wrong', 401, 'bad_credentials'], // the first failure left the window: 6 in a row
  [MINUTE, 'wrong', 401, 'bad_credentials'], // 7
  [MINUTE, 'wrong', 401, 'bad_credentials'], // 8
  [MINUTE, 'wrong', 401, 'bad_credentials'], // 9
  [MINUTE, 'wrong', 401, 'sign_in_locked'], // 10 in a row: locked
  [60 * MINUTE, 'right', 401, 'sign_in_locked'], // locked however long one waits
];

async function run(login: string, address: string) {
  const answers = [];
  for (const [advance, password, status, code] of SCRIPT) {
    t.clock.advance(advance);
    const res = await attempt(login, password === 'right' ? TEST_PASSWORD : 'not the password', address);
    expect(res.statusCode, `${login} ${password}: ${res.body}`).toBe(status);
    expect(res.json()).toMatchObject({ code });
    expect(res.cookies).toHaveLength(0);
    answers.push(seen(res));
  }
  return answers;
}

describe('password sign-in throttled and locked', () => {
  it('answers a login nobody has exactly as a known one, step by step, up to its lockout', async () => {
    await createUser(t, 'known.user', 'editor');
    const start = t.clock.now().getTime();
    const known = await run('known.user', newAddress());
    t.clock.set(new Date(start));
    const unknown = await run('no.such.user', newAddress());
    expect(unknown).toEqual(known);
    // throttled: Retry-After counts down to the first failure leaving the window
    expect(known[5]!.retryAfter).toBe(String(15 * 60 - 5 * 60));
    expect(known[6]!.retryAfter).toBe(String(15 * 60 - 6 * 60));
    for (const login of ['known.user', 'no.such.user']) {
      const refused = await journal('auth.password.refused', login);
      expect(refused.map((r) => (r.summary as { failuresInARow: number }).failuresInARow)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      expect(await journal('auth.login.locked', login)).toEqual([
        expect.objectContaining({ summary: expect.objectContaining({ login, failuresInARow: 10 }) }),
      ]);
    }
  });

  it('throttles an address whatever the logins it tries, and not the others', async () => {
    await createUser(t, 'address.user', 'editor');
    const address = newAddress();
    for (let i = 0; i < 20; i++) {
      expect((await attempt(`guess.${i}`, 'not the password', address)).statusCode).toBe(401);
      t.clock.advance(10_000);
    }
    const blocked = await attempt('address.user', TEST_PASSWORD, address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'sign_in_throttled' });
    expect((await attempt('address.user', TEST_PASSWORD, newAddress())).statusCode).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await attempt('address.user', TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('a success forgets the failures of the login: the window and the count in a row', async () => {
    await createUser(t, 'forgetful', 'editor');
    const address = newAddress();
    const statuses = async (passwords: ('wrong' | 'right')[]) => {
      const out = [];
      for (const p of passwords) {
        out.push(
          (await attempt('forgetful', p === 'right' ? TEST_PASSWORD : 'nope nope nope', address)).statusCode,
        );
        t.clock.advance(1000);
      }
      return out;
    };
    expect(await statuses(['wrong', 'wrong', 'wrong', 'wrong', 'right'])).toEqual([401, 401, 401, 401, 200]);
    expect(await statuses(['wrong', 'wrong', 'wrong', 'wrong', 'right'])).toEqual([401, 401, 401, 401, 200]);
    // 8 failures in all, never 10 in a row: not locked; 5 since the success fill the window
    expect(await statuses(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong'])).toEqual([
      401, 401, 401, 401, 401, 429,
    ]);
    expect(await journal('auth.login.locked', 'forgetful')).toEqual([]);
  });

  it('an administrator unlocks a locked login, journaled; then it signs in', async () => {
    const user = await createUser(t, 'locked.out', 'editor');
    const address = newAddress();
    for (let i = 0; i < 10; i++) {
      await attempt('locked.out', 'not the password', address);
      t.clock.advance(4 * MINUTE); // slow enough never to be throttled
    }
    expect((await attempt('locked.out', TEST_PASSWORD, address)).json()).toMatchObject({
      code: 'sign_in_locked',
    });
    const unlock = (id: string, headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${id}/unlock`, headers });
    expect((await unlock(user.id, {})).statusCode).toBe(401);
    expect((await unlock(user.id, await tokenFor(t, 'editor'))).statusCode).toBe(403);
    expect((await unlock('00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
    expect((await unlock(user.id, admin)).statusCode).toBe(204);
    const [entry] = await journal('auth.login.unlocked', user.id);
    expect(entry?.summary).toMatchObject({ login: 'locked.out', failuresInARow: 10 });
    expect((await unlock(user.id, admin)).json()).toMatchObject({ status: 409, code: 'not_locked' });
    expect((await attempt('locked.out', TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('the portal says so in its language', async () => {
    const address = newAddress();
    const form = (lang: string) =>
      t.app.inject({
        method: 'POST',
        url: `/${lang}/staff/sign-in`,
        payload: { login: 'portal.guess', password: 'not the password' },
        remoteAddress: address,
      });
    for (let i = 0; i < 5; i++) expect((await form('en')).statusCode).toBe(401);
    const res = await form('ru');
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Слишком много неудачных попыток входа');
  });
});

describe('the job auth.purge-challenges', () => {
  it('deletes the failed passwords that left the window, and keeps the count in a row', async () => {
    const job = jobsOf(t.deps, t.config).find((j) => j.name === 'auth.purge-challenges')!;
    t.clock.advance(16 * MINUTE); // the failures of the tests above leave the window
    await job.run();
    const address = newAddress();
    await attempt('purged.guess', 'not the password', address);
    t.clock.advance(10 * MINUTE);
    await attempt('purged.guess', 'not the password', address);
    t.clock.advance(5 * MINUTE + 1000);
    expect(await job.run()).toMatchObject({ failures: 1 });
    const left = await t.db.selectFrom('sign_in_failures').select('login').execute();
    expect(left).toEqual([{ login: 'purged.guess' }]);
    const lockout = await t.db
      .selectFrom('sign_in_lockouts')
      .selectAll()
      .where('login', '=', 'purged.guess')
      .executeTakeFirstOrThrow();
    expect(lockout.failures).toBe(2);
  });
});

describe('a new session identifier at every sign-in', () => {
  it('never reuses or adopts an identifier, and both sessions are distinct', async () => {
    await createUser(t, 'twice', 'editor');
    const first = await signInAs(t, 'twice');
    const planted = 'zanstat_session=chosen-by-an-attacker';
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login: 'twice', password: TEST_PASSWORD },
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
    });
    const fixated = await t.app.inject({
      method: 'POST',
      url: '/en/staff/sign-in',
      payload: { login: 'twice', password: TEST_PASSWORD },
      headers: { cookie: planted },
    });
    const values = [first.cookie.split('=')[1], ...[again, fixated].map((r) => r.cookies[0]?.value)];
    expect(values.every((v) => typeof v === 'string' && v.length >= 40)).toBe(true);
    expect(new Set(values).size).toBe(3);
    expect(values).not.toContain('chosen-by-an-attacker');
    const sessions = await t.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('users.login', '=', 'twice')
      .execute();
    expect(sessions).toHaveLength(3);
    const who = await t.app.inject({ url: '/api/v1/admin/users', headers: { cookie: planted } });
    expect(who.statusCode).toBe(401);
  });
});
