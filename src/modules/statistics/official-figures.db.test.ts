import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { createTestApp, publishShipped, type TestContext } from '../../../test/support/test-app.js';
import {
  builtInStructuresDir,
  loadDemonstrationFigures,
  loadFormStructures,
  loadShippedFigures,
  storeIsEmpty,
} from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
}, 120_000);
afterAll(async () => t.close());

it('loads the shipped official figures into an empty store, validated, journaled and marked', async () => {
  expect(await storeIsEmpty(t.db)).toBe(true);
  const report = await loadShippedFigures(t.deps);
  expect(report.refused).toEqual([]);
  expect(report.submissions).toBeGreaterThan(30); // 1-М 2022-12, ТМД-1 2022-Q4, 3-К month by month
  expect(await storeIsEmpty(t.db)).toBe(false);
  expect((await publishShipped(t)).published).toBe(report.submissions);
  const table = (await t.app.inject('/api/v1/forms/1-m/tables/2022-12?section=R1')).json() as {
    columns: {
      breakdown: string;
      kind: string;
      origin: string | null;
      values: Record<string, (number | null)[]>;
    }[];
  };
  expect(
    table.columns.filter((c) => c.kind === 'submitted').every((c) => c.origin === 'imported-official'),
  ).toBe(true);
  expect(table.columns.find((c) => c.breakdown === '00')!.values['1']![1]).toBe(155_200);
  const journaled = await t.db
    .selectFrom('journal')
    .select('actor_id')
    .where('action', '=', 'statistics.submission.accepted')
    .execute();
  expect(journaled).toHaveLength(report.revisions);
  expect(new Set(journaled.map((j) => j.actor_id))).toEqual(new Set(['official-figures']));
  // A series: corruption crimes registered (3-К R1 row 1, graph 2), all agencies, month by month.
  const series = (
    await t.app.inject(
      '/api/v1/forms/3-k/series?section=R1&row=1&graph=2&region=00000&from=2022-06&to=2022-12',
    )
  ).json() as {
    cumulative: boolean;
    points: { period: string; value: number | null }[];
  };
  expect(series.cumulative).toBe(true);
  expect(series.points.map((p) => p.period)).toEqual([
    '2022-06',
    '2022-07',
    '2022-08',
    '2022-09',
    '2022-10',
    '2022-11',
    '2022-12',
  ]);
  expect(series.points[0]!.value).toBe(1312); // 3k_s1_crimes_wide.csv: 2022-06, 00000, row 1, g2
  // Cumulative from January: never decreasing within the year.
  const values = series.points.map((p) => p.value!);
  expect(values).toEqual([...values].sort((a, b) => a - b));
}, 300_000);

it('resumes rather than repeats: a second load skips what is there', async () => {
  const again = await loadShippedFigures(t.deps);
  expect(again).toMatchObject({ submissions: 0, revisions: 0, refused: [] });
  expect(again.skipped).toBeGreaterThan(30);
});

it('then fills every form without real figures with synthetic data that passes its own validation', async () => {
  const r = await loadDemonstrationFigures(t.deps);
  expect(r.submissions).toBe(23 * 4); // the 23 provisional forms, their last four periods of 2024
  const forms = await t.db
    .selectFrom('stat_revisions')
    .select('form')
    .distinct()
    .where('origin', '=', 'synthetic')
    .execute();
  expect(forms).toHaveLength(23);
  const real = await t.db
    .selectFrom('stat_revisions')
    .select('form')
    .distinct()
    .where('origin', '=', 'imported-official')
    .execute();
  expect(real.map((f) => f.form).sort()).toEqual(['1-m', '3-k', 'tmd-1']);
}, 300_000);
