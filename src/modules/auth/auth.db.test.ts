import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  signInAs,
  tokenFor,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('people: sign in, session cookie, sign out', () => {
  it('signs in with an HttpOnly SameSite cookie, and stores only hashes', async () => {
    const user = await createUser(t, 'ainur.editor', 'editor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login: 'Ainur.Editor', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zanstat_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.id).not.toBe(cookie.value);
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ['a wrong password', 'ainur.editor', 'not the password at all'],
    ['an unknown login', 'nobody.here', TEST_PASSWORD],
  ])('refuses %s with the same answer', async (_n, login, password) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'bad_credentials',
      detail: 'The login or the password is wrong.',
    });
  });

  it('expires sessions by the injected clock, and ends them on sign-out', async () => {
    await createUser(t, 'sanzhar.admin', 'admin');
    const s = await signInAs(t, 'sanzhar.admin');
    const list = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: s.cookie } });
    expect((await list()).statusCode).toBe(200);
    t.clock.advance((t.config.sessionTtlHours + 1) * 3_600_000);
    expect((await list()).json()).toMatchObject({ status: 401, code: 'session_expired' });
    t.clock.set('2024-03-15T06:00:00Z');
    const s2 = await signInAs(t, 'sanzhar.admin');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: s2.cookie, 'x-csrf-token': s2.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: s2.cookie } }))
        .statusCode,
    ).toBe(401);
  });
});

describe('machine clients: API tokens', () => {
  it('shows the secret once, lists it without the secret, and refuses it once revoked or expired', async () => {
    const admin = await tokenFor(t, 'admin');
    await tokenFor(t, 'subject', 'mvd'); // creates the organisation
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/tokens',
      headers: admin,
      payload: { name: 'ЕРСОП loader', organisationId: 'mvd', role: 'subject', validDays: 2 },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json() as { token: { id: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^zst_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/tokens', headers: admin });
    expect(listed.body).not.toContain(secret);
    const stored = await t.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);

    // A subject's token is no admin: the scope is the role it was given.
    const asSubject = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(asSubject.statusCode).toBe(403);

    t.clock.advance(3 * 86_400_000);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/admin/users',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).json(),
    ).toMatchObject({ code: 'invalid_token' });
    t.clock.set('2024-03-15T06:00:00Z');

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/tokens/${token.id}`, headers: admin }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/admin/users',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(401);
    const actions = (
      await t.db
        .selectFrom('journal')
        .select('action')
        .where('object_id', '=', token.id)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['auth.token.created', 'auth.token.revoked']);
  });
});
