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
    logger: pino({ level: 'info' }, sink),
    version: 'test',
  });
  registerServiceRoutes(app, metrics, async () => undefined);
  await app.ready();
  expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
  await app.close();
  const requests = lines.filter((l) => 'responseTime' in l);
  expect(requests.map((l) => l.msg)).toEqual([
    expect.stringMatching(/^GET \/healthz 200 [\d.]+ ms$/),
    expect.stringMatching(/^GET \/nowhere 404 [\d.]+ ms$/),
  ]);
  expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
});
