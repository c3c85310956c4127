// The log a person reads: one line per request, written when it is answered, saying what was
// asked and how it ended.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createHttpServer, registerServiceRoutes } from './server.js';

it('logs one line per request: method, path, status and time', async () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const { app, metrics } = await createHttpServer({
    config: loadConfig({ RATE_LIMIT_PUBLIC: '0' }),
    // as createLogger makes it: the secrets redacted wherever they appear
    logger: pino({ level: 'info', redact: { paths: ['*.token'], censor: '[redacted]' } }, sink),
    version: 'test',
  });
  registerServiceRoutes(app, metrics, async () => undefined);
  app.get('/fails', async () => {
    throw Object.assign(new Error('a failure'), { token: 'zst_secret' });
  });
  await app.ready();
  const healthz = await app.inject({ url: '/healthz' });
  expect(healthz.statusCode).toBe(200);
  expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
  expect((await app.inject({ url: '/fails' })).statusCode).toBe(500);
  await app.close();
  const requests = lines.filter((l) => 'responseTime' in l);
  expect(requests.map((l) => l.msg)).toEqual([
    expect.stringMatching(/^GET \/healthz 200 [\d.]+ ms$/),
    expect.stringMatching(/^GET \/nowhere 404 [\d.]+ ms$/),
    expect.stringMatching(/^GET \/fails 500 [\d.]+ ms$/),
  ]);
  // each line names its request as the answer does
  expect(requests[0]).toMatchObject({ reqId: healthz.headers['x-request-id'], res: { statusCode: 200 } });
  // a line without redaction carries only method, path, status and time; an error's keeps it
  expect(JSON.stringify(lines)).not.toContain('zst_secret');
  expect(JSON.stringify(lines)).toContain('[redacted]');
  expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
});

// Helmet's headers for zanstat's policy as @fastify/helmet set them on every answer before they
// were computed once at start: the same names and values, on a route, a 404 and an error alike.
const securityHeaders = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'cross-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

it.each([
  ['a route', '/healthz', 200],
  ['a 404', '/nowhere', 404],
  ['an error', '/readyz', 500],
])('sets the security headers, computed once, on %s', async (_what, url, status) => {
  const { app, metrics } = await createHttpServer({
    config: loadConfig({ RATE_LIMIT_PUBLIC: '0' }),
    logger: pino({ level: 'silent' }),
    version: 'test',
  });
  registerServiceRoutes(app, metrics, async () => {
    throw new Error('an unexpected failure');
  });
  await app.ready();
  const res = await app.inject({ url });
  await app.close();
  expect(res.statusCode).toBe(status);
  expect(res.headers).toMatchObject(securityHeaders);
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

it.each([
  ['a plain body', '{"login":"editor"}', 200, null],
  ['U+0000 in a string', '{"login":"ed\\u0000itor"}', 422, '/body/login'],
  ['prototype poisoning', '{"__proto__":{"admin":true}}', 400, null],
  ['a body cut short', '{"login":', 400, null],
])('parses JSON bodies: %s → %d', async (_what, payload, status, pointer) => {
  const { app } = await createHttpServer({
    config: loadConfig({ RATE_LIMIT_PUBLIC: '0' }),
    logger: pino({ level: 'silent' }),
    version: 'test',
  });
  app.post('/echo', async (req) => req.body);
  await app.ready();
  const res = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/json' },
    payload,
  });
  await app.close();
  expect(res.statusCode, res.body).toBe(status);
  if (status === 200) expect(res.json()).toEqual({ login: 'editor' });
  else expect(res.headers['content-type']).toContain('application/problem+json');
  if (pointer) expect(res.json().errors[0]).toMatchObject({ pointer, code: 'nul_character' });
});
