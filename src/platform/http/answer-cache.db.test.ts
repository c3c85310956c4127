// The answer cache through a real socket (inject does not pass the server's request listener): a
// published table asked again by an anonymous reader gets the same status, headers and body
// without the framework, counted against the same public rate limit; credentials, cookies and
// conditions go to the framework; each encoding is its own answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';

let t: TestContext;
let base: string;
const TABLE = '/api/v1/forms/1-p/tables/2024-Q1?section=R1';

beforeAll(async () => {
  ({ t } = await appWithPublishedFixture({ RATE_LIMIT_PUBLIC: '6' }));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => t.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });
const fromCache = async () => {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^zanstat_http_answers_from_cache_total (\d+)/m.exec(text)?.[1]);
};
const headersOf = (res: Response) => {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'date' && name !== 'x-request-id') out[name] = value;
  });
  return out;
};

describe('answers sent again without the framework', () => {
  it('sends the same status, headers and body, with its own request id and count', async () => {
    // the first request loads the published index, which clears the cache: its answer is not put
    await get(TABLE);
    const hits = await fromCache();
    const first = await get(TABLE);
    const second = await get(TABLE);
    expect(await fromCache()).toBe(hits + 1);
    expect(second.status).toBe(200);
    expect(Buffer.from(await second.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
    const [a, b] = [headersOf(first), headersOf(second)];
    expect(Number(b['x-ratelimit-remaining'])).toBe(Number(a['x-ratelimit-remaining']) - 1);
    delete a['x-ratelimit-remaining'];
    delete b['x-ratelimit-remaining'];
    delete a['x-ratelimit-reset'];
    delete b['x-ratelimit-reset'];
    expect(b).toEqual(a);
    // the security headers included
    expect(b['content-security-policy']).toContain("default-src 'self'");
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    // a request id the client gave is kept, as the framework keeps it
    const given = await get(TABLE, { 'x-request-id': 'reader-0001' });
    expect(given.headers.get('x-request-id')).toBe('reader-0001');
  });

  it('counts each answer against the public rate limit, and leaves the refusal to the framework', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(`${TABLE}&format=csv`)).status);
    // six a minute per address, the earlier test's four included
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429, 429, 429]);
    const refused = await get(`${TABLE}&format=csv`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('what goes to the framework', () => {
  let u: TestContext;
  let editor: Record<string, string>;
  let ubase: string;
  beforeAll(async () => {
    ({ t: u, editor } = await appWithPublishedFixture());
    await u.app.listen({ port: 0, host: '127.0.0.1' });
    ubase = `http://127.0.0.1:${(u.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => u.close());
  const uget = (headers: Record<string, string> = {}) => fetch(`${ubase}${TABLE}`, { headers });
  const uhits = async () =>
    Number(
      /^zanstat_http_answers_from_cache_total (\d+)/m.exec(
        await (await fetch(`${ubase}/metrics`)).text(),
      )?.[1],
    );

  it('a token, a cookie or a condition is answered by the framework', async () => {
    const first = await uget({ 'accept-encoding': 'identity' });
    const before = await uhits();
    expect((await uget({ 'accept-encoding': 'identity', ...editor })).status).toBe(200);
    expect((await uget({ 'accept-encoding': 'identity', cookie: 'lang=ru' })).status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect((await uget({ 'accept-encoding': 'identity', 'if-none-match': etag })).status).toBe(304);
    expect(await uhits()).toBe(before);
  });

  it('keeps each encoding apart', async () => {
    const plain = await uget({ 'accept-encoding': 'identity' });
    await uget({ 'accept-encoding': 'gzip' });
    const before = await uhits();
    const gzip = await fetch(`${ubase}${TABLE}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(await uhits()).toBe(before + 1);
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes: the same table either way
    expect(await gzip.text()).toBe(await plain.text());
  });
});
