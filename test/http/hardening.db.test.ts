// Tried as an attacker would: authentication before any body is read, the router's and the
// parsers' refusals as problems that quote nothing of the input, requests Node's parser refuses.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
});
afterAll(async () => t.close());

const MARK = 'ZZ_ECHO_MARK';

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:zanstat:problem:${code}` });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toContain(MARK);
  return body;
}

describe('authentication comes before the body', () => {
  const bodies: [string, Record<string, string>, string | Buffer][] = [
    ['malformed JSON', { 'content-type': 'application/json' }, `{"x": ${MARK}`],
    ['an invalid body', { 'content-type': 'application/json' }, JSON.stringify({ [MARK]: 1 })],
    ['an unsupported type', { 'content-type': 'text/plain' }, MARK],
    [
      'a body past the limit',
      { 'content-type': 'application/json' },
      JSON.stringify({ x: MARK.repeat(1000) }),
    ],
    ['bad multipart', { 'content-type': 'multipart/form-data; boundary=x' }, `--x\r\n${MARK}`],
  ];
  const routes = [
    'POST /api/v1/submissions',
    'POST /api/v1/submissions/csv',
    'POST /api/v1/admin/users',
    'POST /api/v1/staff/releases/1-P/2024-01/approve',
    'POST /api/v1/staff/requests',
  ];
  it.each(
    routes.flatMap((route) =>
      bodies.map(([what, headers, payload]) => [route, what, headers, payload] as const),
    ),
  )('anonymous %s with %s → 401', async (route, _what, headers, payload) => {
    const [method, url] = route.split(' ') as ['POST', string];
    expectProblem(await t.app.inject({ method, url, headers, payload }), 401, 'unauthenticated');
  });

  it('a bad token is refused before the body too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { authorization: 'Bearer zst_nothing', 'content-type': 'application/json' },
      payload: '{',
    });
    expectProblem(res, 401, 'invalid_token');
  });
});

describe("the router's and the parsers' refusals", () => {
  it('an unknown path → 404 without the path; a known path with another method → 405 with Allow', async () => {
    const res = await t.app.inject({ url: `/api/v1/${MARK}` });
    expectProblem(res, 404, 'route_not_found');
    const wrong = await t.app.inject({ method: 'DELETE', url: '/api/v1/forms' });
    expectProblem(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.allow).toBe('GET');
  });

  it('a badly percent-encoded URL → 400, an over-long path segment → 414', async () => {
    expectProblem(await t.app.inject({ url: `/api/v1/forms/%E0%A4%A${MARK}` }), 400, 'malformed_url');
    expectProblem(
      await t.app.inject({ url: `/api/v1/forms/${MARK}${'x'.repeat(600)}` }),
      414,
      'uri_too_long',
    );
  });

  it('malformed JSON is refused without quoting it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: `{"login": ${MARK}`,
    });
    expect(expectProblem(res, 400, 'malformed_json').detail).toBe('The body is not valid JSON.');
  });

  it('the portal answers a badly encoded URL with its own page', async () => {
    const res = await t.app.inject({ url: '/kk/forms/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(res.body).toContain('<html');
  });

  it("a request line with unencoded Cyrillic → a problem, from Node's own parser", async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          Buffer.from(`GET /api/v1/forms?q=статистика${MARK} HTTP/1.1\r\nHost: x\r\n\r\n`, 'utf8'),
        );
      });
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const [head, body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({
      status: 400,
      code: 'unencoded_url',
      requestId: expect.any(String),
    });
    expect(raw).not.toContain(MARK);
  });
});
