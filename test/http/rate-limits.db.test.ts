// The public routes that a person or a gateway calls by a secret or a signature are limited per
// client address: the applicant's status (the API and the portal's page) and the signed intake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({
    RATE_LIMIT_PUBLIC: '600',
    RATE_LIMIT_REQUEST_STATUS: '3',
    RATE_LIMIT_INTAKE: '2',
  });
}, 120_000);
afterAll(async () => t?.close());

const statuses = async (
  times: number,
  request: { method: 'POST'; url: string; payload: unknown },
  remoteAddress: string,
) => {
  const out: number[] = [];
  for (let i = 0; i < times; i++)
    out.push(
      (await t.app.inject({ ...request, payload: request.payload as string, remoteAddress })).statusCode,
    );
  return out;
};

describe('rate limits per client address on the public request routes', () => {
  it("the applicant's status on the API: the limit's look-ups a minute, then 429 as a problem", async () => {
    const ask = {
      method: 'POST' as const,
      url: '/api/v1/requests/status',
      payload: { number: 'Z-1', code: 'nope' },
    };
    const codes = await statuses(4, ask, '192.0.2.10');
    expect(codes.slice(0, 3).every((c) => c !== 429)).toBe(true);
    expect(codes[3]).toBe(429);
    const res = await t.app.inject({ ...ask, remoteAddress: '192.0.2.10' });
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    // another address is not limited by the first one's look-ups
    expect((await statuses(1, ask, '192.0.2.11'))[0]).not.toBe(429);
  });

  it("the applicant's status page on the portal: 429 as the portal's page", async () => {
    const ask = {
      method: 'POST' as const,
      url: '/ru/requests/status',
      payload: 'number=Z-1&code=nope',
    };
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await t.app.inject({ ...ask, headers, remoteAddress: '192.0.2.20' })).statusCode);
    expect(codes.slice(0, 3).every((c) => c !== 429)).toBe(true);
    const res = await t.app.inject({ ...ask, headers, remoteAddress: '192.0.2.20' });
    expect(res.statusCode).toBe(429);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
  });

  it('the signed intake: the limit a minute per address, each channel counted on its own route', async () => {
    const send = { method: 'POST' as const, url: '/api/v1/intake/edms/requests', payload: {} };
    const codes = await statuses(3, send, '192.0.2.30');
    expect(codes.slice(0, 2).every((c) => c !== 429)).toBe(true);
    expect(codes[2]).toBe(429);
    expect((await statuses(1, send, '192.0.2.31'))[0]).not.toBe(429);
  });
});
