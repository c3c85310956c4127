// What comes before a route answers problem+json too: an address with raw (unencoded) Cyrillic,
// which Node's HTTP parser refuses, and a percent-escape that is not UTF-8, which the router
// cannot decode. Sent as raw bytes on a socket: no client would send them otherwise.
import net from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { createHttpServer, type HttpApp } from '../../src/platform/http/index.js';

let app: HttpApp;
let port: number;
beforeAll(async () => {
  ({ app } = await createHttpServer({
    config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PUBLIC: '0' }),
    logger: pino({ level: 'silent' }),
    version: 'test',
  }));
  app.get('/api/v1/echo', async (req) => ({ query: req.query }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(async () => app.close());

/** Sends the request line as UTF-8 bytes, as they are; returns the status, headers and body. */
function rawGet(target: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`, 'utf8')),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), head, body });
    });
  });
}

it('answers an unencoded Cyrillic query (?form=1-М) with a problem that says how to encode it', async () => {
  const res = await rawGet('/api/v1/echo?form=1-М');
  expect(res.status).toBe(400);
  expect(res.head).toMatch(/content-type: application\/problem\+json/i);
  const problem = JSON.parse(res.body) as Record<string, unknown>;
  expect(problem).toMatchObject({
    status: 400,
    code: 'unencoded_url',
    type: 'urn:zanstat:problem:unencoded_url',
  });
  expect(problem.detail).toContain('1-%D0%9C');
  expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
});

it('answers a percent-escape that is not UTF-8 in the path with a problem that does not echo it', async () => {
  const res = await rawGet('/api/v1/%E0%A4%A');
  expect(res.status).toBe(400);
  expect(res.head).toMatch(/content-type: application\/problem\+json/i);
  expect(JSON.parse(res.body)).toMatchObject({
    code: 'malformed_url',
  });
  expect(res.body).not.toContain('%E0%A4%A');
});

it('serves the same query percent-encoded', async () => {
  const res = await rawGet('/api/v1/echo?form=1-%D0%9C');
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toEqual({ query: { form: '1-М' } });
});
