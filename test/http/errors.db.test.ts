// One error shape for the whole API (RFC 9457), pinned here: every refusal of bad input is a
// problem+json with the right status, never a 500, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signInAs, tokenFor, type TestContext } from '../support/test-app.js';

let t: TestContext;
let admin: { authorization: string };
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  admin = await tokenFor(t, 'admin');
});
afterAll(async () => t.close());

const PROBLEM_KEYS = ['code', 'detail', 'requestId', 'status', 'title', 'type'];

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(
    Object.keys(body)
      .filter((k) => k !== 'errors')
      .sort(),
  ).toEqual(PROBLEM_KEYS);
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(body.type).toBe(`urn:zanstat:problem:${code}`);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body as { errors?: { pointer: string; code: string; message: string }[]; detail: string };
}

const journalCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('journal')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('problem details', () => {
  const validUser = {
    login: 'new.editor',
    displayName: 'New Editor',
    password: 'a long enough passphrase',
    role: 'editor',
    organisationId: 'committee',
  };

  it.each([
    [
      'malformed JSON',
      { payload: '{"login":', headers: { 'content-type': 'application/json' } },
      400,
      'malformed_json',
    ],
    [
      'an empty JSON body',
      { payload: '', headers: { 'content-type': 'application/json' } },
      400,
      'empty_body',
    ],
    [
      'an unsupported media type',
      { payload: 'login=x', headers: { 'content-type': 'text/plain' } },
      415,
      'unsupported_media_type',
    ],
    [
      'an oversized body',
      {
        payload: JSON.stringify({ ...validUser, displayName: 'x'.repeat(5000) }),
        headers: { 'content-type': 'application/json' },
      },
      413,
      'body_too_large',
    ],
  ])('%s', async (_name, req, status, code) => {
    const before = await journalCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      ...req,
      headers: { ...req.headers, ...admin },
    });
    expectProblem(res, status, code);
    expect(await journalCount()).toBe(before);
  });

  it.each([
    ['a wrong type', { ...validUser, role: 42 }, '/body/role'],
    ['an unknown role', { ...validUser, role: 'superuser' }, '/body/role'],
    ['an unknown field', { ...validUser, isRoot: true }, '/body/isRoot'],
    [
      'a missing field',
      { login: 'abc', password: 'x', role: 'editor', organisationId: 'committee' },
      '/body/displayName',
    ],
  ])('%s → 422 naming the field', async (_name, payload, pointer) => {
    const before = await journalCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/users', payload, headers: admin });
    const body = expectProblem(res, 422, 'invalid_input');
    expect(body.errors?.map((e) => e.pointer)).toContain(pointer);
    expect(await journalCount()).toBe(before);
    expect(await t.db.selectFrom('users').select('id').where('login', '=', 'new.editor').execute()).toEqual(
      [],
    );
  });

  it('a rule of the use case → 422 with every problem, nothing stored', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { ...validUser, password: 'short', organisationId: 'nowhere' },
      headers: admin,
    });
    const body = expectProblem(res, 422, 'invalid_input');
    expect(body.errors?.map((e) => e.pointer).sort()).toEqual(['/organisationId', '/password']);
  });

  it('a duplicate → 409', async () => {
    await createUser(t, 'taken.login', 'editor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { ...validUser, login: 'taken.login' },
      headers: admin,
    });
    expectProblem(res, 409, 'login_taken');
  });

  it.each([
    ['no credentials', {}, 401, 'unauthenticated'],
    ['a malformed Authorization header', { authorization: 'Token abc' }, 401, 'malformed_authorization'],
    ['an unknown token', { authorization: 'Bearer zst_nope' }, 401, 'invalid_token'],
    ['an expired session', { cookie: 'zanstat_session=expired-or-unknown' }, 401, 'session_expired'],
  ])('%s on an actor route', async (_name, headers, status, code) => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers }), status, code);
  });

  it('a role without the right → 403', async () => {
    const auditor = await tokenFor(t, 'auditor');
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: auditor }),
      403,
      'forbidden',
    );
  });

  it('an unknown route → 404, and a bad path parameter → 422', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route_not_found');
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/admin/tokens/not-a-uuid',
      headers: admin,
    });
    expect(expectProblem(res, 422, 'invalid_input').errors?.[0]?.pointer).toBe('/params/id');
  });

  it('an unknown token id → 404; revoking twice → 409', async () => {
    expectProblem(
      await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/admin/tokens/00000000-0000-4000-8000-000000000000',
        headers: admin,
      }),
      404,
      'token_not_found',
    );
    const victim = await tokenFor(t, 'subject');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/tokens/${victim.id}`, headers: admin }))
        .statusCode,
    ).toBe(204);
    expectProblem(
      await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/tokens/${victim.id}`, headers: admin }),
      409,
      'token_already_revoked',
    );
  });

  it('a bad query parameter → 422 naming it', async () => {
    const auditor = await tokenFor(t, 'auditor');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/journal?limit=100000&colour=red',
      headers: auditor,
    });
    const pointers = expectProblem(res, 422, 'invalid_input').errors?.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/query/limit', '/query/colour']));
  });

  it('speaks the language the client asks for (a detail without a template as written)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/1-m/tables/2022-13',
      headers: { 'accept-language': 'ru-KZ, kk;q=0.8, en;q=0.5' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-language']).toBe('ru');
    const body = res.json() as {
      title: string;
      errors: { code: string; headline?: string; message: string }[];
    };
    expect(body.title).toBe('Неверные данные');
    expect(body.errors[0]).toMatchObject({ code: 'invalid_period', headline: 'Неверный период' });
    const kk = await t.app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'kk' } });
    expect((kk.json() as { title: string }).title).toBe('Табылмады');
    // without Accept-Language: the problem as it always was
    const plain = await t.app.inject({ url: '/api/v1/nothing' });
    expect(plain.headers['content-language']).toBeUndefined();
    expectProblem(plain, 404, 'route_not_found');
  });

  it('cookie sessions need the CSRF token for unsafe methods', async () => {
    await createUser(t, 'csrf.admin', 'admin');
    const s = await signInAs(t, 'csrf.admin');
    const payload = { ...validUser, login: 'via.cookie' };
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/users',
        payload,
        headers: { cookie: s.cookie },
      }),
      403,
      'csrf_failed',
    );
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('rate limits on public routes', () => {
  it('answers 429 as a problem once the limit is used, and leaves actor routes alone', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PUBLIC: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await limited.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      expectProblem(await limited.app.inject({ method: 'GET', url: '/openapi.json' }), 429, 'rate_limited');
      expect((await limited.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
