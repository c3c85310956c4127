// The one test that waits on real time: a release approved a few seconds ahead is invisible on the
// public routes until then and visible after, published exactly once by two worker instances
// (each with its own connection pool, as two processes would have) looking at the same time.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHttpApp } from '../../app.js';
import { systemClock } from '../../platform/clock.js';
import { createKysely, type Db } from '../../platform/db/index.js';
import { systemActor, type Deps } from '../../platform/usecase.js';
import { createTestApp, testEditor, type TestContext } from '../../../test/support/test-app.js';
import { loadFormStructures, submitFigures } from '../statistics/index.js';
import { approveRelease, startPublisher } from './index.js';

let t: TestContext;
let db2: Db;
beforeAll(async () => {
  t = await createTestApp();
  db2 = createKysely(t.url, 3).db;
  await loadFormStructures(t.deps, systemActor('test'), {
    dir: path.resolve('src/modules/statistics/fixtures/structures'),
  });
});
afterAll(async () => {
  await db2.destroy();
  await t.close();
});

const values = [
  ['1', [10, 3, 12.5]],
  ['2', [6, 2, 7.25]],
  ['3', [4, 1, 5.25]],
  ['4', [1, 0, null]],
].flatMap(([row, vals]) =>
  (vals as (number | null)[]).map((value, i) => ({
    section: 'R1',
    row: row as string,
    graph: i + 1,
    value,
    ref: `/values/${row as string}/${i}`,
  })),
);

it('publishes at the set time, once, with two workers; nothing is visible before', async () => {
  const a: Deps = { ...t.deps, clock: systemClock };
  const b: Deps = { ...t.deps, db: db2, clock: systemClock };
  await submitFigures(a, testEditor, {
    form: '1-p',
    period: '2024-Q1',
    channel: 'api',
    parts: [{ breakdown: '10', breakdownRef: '/breakdown', values }],
  });
  const appA = await buildHttpApp(a, t.config, 'test');
  const appB = await buildHttpApp(b, t.config, 'test');
  const publishAt = Date.now() + 3000;
  await approveRelease(a, testEditor, {
    form: '1-p',
    period: '2024-Q1',
    publishAt: new Date(publishAt).toISOString(),
    incompleteReason: 'one region in the test',
    defaultTime: '10:00',
  });
  const workers = [
    startPublisher(a, { tickMs: 50, name: 'publisher-a' }),
    startPublisher(b, { tickMs: 50, name: 'publisher-b' }),
  ];
  const url = '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=csv';
  try {
    // Before its time: not on either instance, however often asked.
    while (Date.now() < publishAt - 300) {
      expect((await appA.inject(url)).statusCode).toBe(404);
      expect((await appB.inject('/api/v1/forms/1-p/revisions/2024-Q1')).statusCode).toBe(404);
      await sleep(100);
    }
    // After: on both, within a bounded wait (the other instance notices within a second).
    const deadline = publishAt + 10_000;
    let seenAt: number | null = null;
    while (Date.now() < deadline) {
      const [ra, rb] = await Promise.all([appA.inject(url), appB.inject(url)]);
      if (ra.statusCode === 200 && rb.statusCode === 200) {
        seenAt = Date.now();
        break;
      }
      await sleep(100);
    }
    expect(seenAt, 'the release did not appear on both instances').not.toBeNull();
    expect(seenAt!).toBeGreaterThanOrEqual(publishAt);
    await sleep(300);
    const published = await t.db
      .selectFrom('journal')
      .select(['action', 'actor_name'])
      .where('action', '=', 'publishing.release.published')
      .where('object_id', '=', '1-p/2024-Q1')
      .execute();
    expect(published).toHaveLength(1);
    const pub = await t.db.selectFrom('release_publications').selectAll().executeTakeFirstOrThrow();
    expect(pub.published_at!.getTime()).toBeGreaterThanOrEqual(publishAt);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await appA.close();
    await appB.close();
  }
}, 30_000);
