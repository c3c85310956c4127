// DEMONSTRATION_FIGURES=false: the first start loads and publishes the official figures only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobsOf } from '../src/app.js';
import { builtInStructuresDir, loadFormStructures } from '../src/modules/statistics/index.js';
import { systemActor } from '../src/platform/usecase.js';
import { createTestApp, type TestContext } from './support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ DEMONSTRATION_FIGURES: 'false' });
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
}, 300_000);
afterAll(async () => t.close());

it('starts without demonstration figures when the switch is off', async () => {
  const job = jobsOf(t.deps, t.config).find((j) => j.name === 'statistics.load-official-figures')!;
  const result = (await job.run()) as {
    synthetic: { submissions: number };
    published: { published: number };
  };
  expect(result.synthetic.submissions).toBe(0);
  expect(result.published.published).toBeGreaterThan(30);
  const origins = await t.db.selectFrom('stat_revisions').select('origin').distinct().execute();
  expect(origins.map((o) => o.origin)).toEqual(['imported-official']);
}, 300_000);
