// The answer cache on its own clock: an answer is sent again only within its second (a publication
// shows at most a second late, never early), only to the same request, and the rate limit's
// windows count and begin again as @fastify/rate-limit's own store does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AddressWindows, AnswerCache } from './answer-cache.js';

const request = (url: string, headers: Record<string, string> = {}) =>
  ({ method: 'GET', url, headers, resume: () => undefined }) as unknown as IncomingMessage;
const response = () => {
  const sent: { status?: number; head?: string[]; body?: Buffer } = {};
  const res = {
    writeHead: (status: number, head: string[]) => Object.assign(sent, { status, head }),
    end: (body: Buffer) => Object.assign(sent, { body }),
  } as unknown as ServerResponse;
  return { res, sent };
};

function cacheAt(clock: { now: number }) {
  const lines: string[] = [];
  const cache = new AnswerCache({
    ttlMs: 1000,
    securityHeaders: [['X-Content-Type-Options', 'nosniff']],
    requestIdOf: () => 'id-1',
    rateLimit: null,
    answered: (req, route, status) => lines.push(`${req.method} ${req.url} ${route} ${status}`),
    now: () => clock.now,
  });
  return { cache, lines };
}

describe('the answer cache', () => {
  const answer = {
    route: '/t/:p',
    headers: { 'content-type': 'text/csv' },
    body: Buffer.from('a,b\n'),
    elapsedMs: 0,
  };

  it.each([
    [0, true],
    [999, true],
    [1000, false],
    [5000, false],
  ])('%i ms after the answer was put, sends it again: %s', (after, again) => {
    const clock = { now: 10_000 };
    const { cache, lines } = cacheAt(clock);
    cache.put(request('/t/1'), answer);
    clock.now += after;
    const { res, sent } = response();
    expect(cache.answer(request('/t/1'), res)).toBe(again);
    if (again) {
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual(answer.body);
      expect(sent.head).toEqual([
        'content-type',
        'text/csv',
        'content-length',
        '4',
        'X-Content-Type-Options',
        'nosniff',
        'x-request-id',
        'id-1',
      ]);
      expect(lines).toEqual(['GET /t/1 /t/:p 200']);
    } else expect(lines).toEqual([]);
  });

  it('after its second, lets one request on for the new answer and sends the others the old one, for a second at most', () => {
    const clock = { now: 10_000 };
    const { cache, lines } = cacheAt(clock);
    cache.put(request('/t/1'), answer);
    clock.now += 1000;
    // the first after the second goes to the framework; the others meanwhile get the answer put
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
    expect(cache.answer(request('/t/1'), response().res)).toBe(true);
    clock.now += 999;
    expect(cache.answer(request('/t/1'), response().res)).toBe(true);
    // the new answer came: it is the one sent, for its own second
    cache.put(request('/t/1'), { ...answer, body: Buffer.from('a,b\n1,2\n') });
    const { res, sent } = response();
    expect(cache.answer(request('/t/1'), res)).toBe(true);
    expect(sent.body?.toString()).toBe('a,b\n1,2\n');
    expect(lines).toHaveLength(3);
    // no new answer came (the framework's was not one to keep): after a second more, none is sent
    clock.now += 1000;
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
    expect(cache.answer(request('/t/1'), response().res)).toBe(true);
    clock.now += 1000;
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
  });

  it('keeps an expired answer standing in while another answer is put', () => {
    const clock = { now: 10_000 };
    const { cache } = cacheAt(clock);
    cache.put(request('/t/1'), answer);
    cache.put(request('/t/2'), answer);
    clock.now += 1000;
    // both expired; each lets one request on
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
    expect(cache.answer(request('/t/2'), response().res)).toBe(false);
    // the new answer of /t/1 comes; /t/2's old one still stands in until its own comes
    cache.put(request('/t/1'), answer);
    expect(cache.answer(request('/t/2'), response().res)).toBe(true);
    clock.now += 1000;
    cache.put(request('/t/1'), answer);
    expect(cache.answer(request('/t/2'), response().res)).toBe(false);
  });

  it.each([
    ['another query', '/t/1?x=1', {}],
    ['another Accept', '/t/1', { accept: 'text/csv' }],
    ['another Accept-Encoding', '/t/1', { 'accept-encoding': 'gzip' }],
    ['another Accept-Language', '/t/1', { 'accept-language': 'ru' }],
    ['a token', '/t/1', { authorization: 'Bearer zst_x' }],
    ['a cookie', '/t/1', { cookie: 'zanstat_session=x' }],
    ['a condition', '/t/1', { 'if-none-match': '"x"' }],
    ['a body', '/t/1', { 'content-length': '3' }],
  ])('leaves a request with %s to the framework', (_what, url, headers) => {
    const { cache } = cacheAt({ now: 0 });
    cache.put(request('/t/1'), answer);
    expect(cache.answer(request(url, headers), response().res)).toBe(false);
  });

  it('counts the second from when the request arrived, not from when its answer was put', () => {
    const clock = { now: 10_000 };
    const { cache } = cacheAt(clock);
    cache.put(request('/t/1'), { ...answer, elapsedMs: 400 });
    clock.now += 599;
    expect(cache.answer(request('/t/1'), response().res)).toBe(true);
    clock.now += 1;
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
  });

  it('puts no answer decided before the cache was cleared (a publication came in between)', () => {
    const clock = { now: 10_000 };
    const { cache } = cacheAt(clock);
    cache.clear();
    clock.now += 5;
    cache.put(request('/t/1'), { ...answer, elapsedMs: 10 });
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
    cache.put(request('/t/1'), { ...answer, elapsedMs: 1 });
    expect(cache.answer(request('/t/1'), response().res)).toBe(true);
  });

  it('holds at most 64 MB of bodies, the oldest going first, and no body over 4 MB', () => {
    const { cache } = cacheAt({ now: 0 });
    const big = { ...answer, body: Buffer.alloc(4 * 1024 * 1024) };
    for (let i = 0; i < 20; i++) cache.put(request(`/t/${i}`), big);
    expect(cache.answer(request('/t/0'), response().res)).toBe(false);
    expect(cache.answer(request('/t/19'), response().res)).toBe(true);
    cache.put(request('/t/huge'), { ...answer, body: Buffer.alloc(4 * 1024 * 1024 + 1) });
    expect(cache.answer(request('/t/huge'), response().res)).toBe(false);
  });

  it('puts nothing for a request it would not answer', () => {
    const { cache } = cacheAt({ now: 0 });
    cache.put(request('/t/1', { authorization: 'Bearer zst_x' }), answer);
    expect(cache.answer(request('/t/1'), response().res)).toBe(false);
  });
});

describe('the windows of the public rate limit', () => {
  it('counts within a window and begins again after it', () => {
    const clock = { now: 0 };
    const w = new AddressWindows(() => clock.now);
    expect(w.take('a', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    clock.now = 59_999;
    expect(w.take('a', 60_000)).toEqual({ current: 2, ttl: 1 });
    expect(w.take('b', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    clock.now = 60_000;
    expect(w.take('a', 60_000)).toEqual({ current: 1, ttl: 60_000 });
  });

  it('answers the rate-limit plugin through its callback, one count per call', () => {
    const w = new AddressWindows(() => 0);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) w.incr('a', (_e, r) => seen.push(r.current), 60_000);
    expect(seen).toEqual([1, 2, 3]);
    // a route with its own limit counts apart
    expect(w.child().take('a', 60_000).current).toBe(1);
  });
});
