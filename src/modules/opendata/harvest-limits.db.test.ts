// Harvesters are not cut off: with the public API's limit set low, a harvester paging the whole
// catalogue and following every resource from one address completes under the open-data limit
// (RATE_LIMIT_OPEN_DATA), while the statistics API answers 429 past its own.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, publishNow, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../../../test/support/fixture-figures.js';
import { harvest, type Fetch } from '../../../test/support/ckan-harvester.js';
import { rebuildResources } from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PUBLIC: '5' });
  await loadFixtureStructures(t);
  const editor = await tokenFor(t, 'editor');
  await submitFixtureR1(t, editor, [['2024-Q1', '10', 1]]);
  await publishNow(t, '1-p', '2024-Q1');
  await rebuildResources(t.deps);
});
afterAll(async () => t.close());

it('lets a harvester read the whole catalogue past the public limit, and still limits the rest', async () => {
  const fetch: Fetch = async (url, init = {}) => {
    const res = await t.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url,
      remoteAddress: '192.0.2.7',
      ...(init.json !== undefined ? { payload: init.json as object } : {}),
    });
    return { status: res.statusCode, headers: res.headers as Record<string, string>, body: res.rawPayload };
  };
  const h = await harvest(fetch, 2);
  expect(h.problems).toEqual([]);
  expect(h.packages).toHaveLength(29);
  const statuses = [];
  for (let i = 0; i < 7; i++)
    statuses.push((await t.app.inject({ url: '/api/v1/forms', remoteAddress: '192.0.2.7' })).statusCode);
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  expect(statuses.at(-1)).toBe(429);
});
