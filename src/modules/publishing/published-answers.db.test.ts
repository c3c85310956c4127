// A publication of this instance drops the answers the answer cache holds at once (decision 0024):
// the cache is no read of the published index, so the index tells it when what is public changed.
// Through a real socket: inject does not pass the answer cache.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';
import { publishedIndexOf } from './published-index.js';

let t: TestContext;
let base: string;
beforeAll(async () => {
  ({ t } = await appWithPublishedFixture());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => t.close());

const hits = async () =>
  Number(
    /^zanstat_http_answers_from_cache_total (\d+)/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1],
  );

it('sends nothing from the cache once this instance has published', async () => {
  const table = `${base}/api/v1/forms/1-p/tables/2024-Q1?section=R1`;
  // the first request loads the published index (which clears the cache: its answer is not put)
  await fetch(table);
  await fetch(table);
  const before = await hits();
  expect((await fetch(table)).status).toBe(200);
  expect(await hits()).toBe(before + 1);
  // what a publication does after its commit
  publishedIndexOf(t.db).invalidate();
  expect((await fetch(table)).status).toBe(200);
  expect(await hits()).toBe(before + 1);
});
