import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { createTestApp, publishShipped, type TestContext } from '../../../test/support/test-app.js';
import { loadDemonstrationFigures, loadFormStructures } from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await loadFormStructures(t.deps, systemActor('test'), {
    dir: path.resolve('src/modules/statistics/fixtures/structures'),
  });
});
afterAll(async () => t.close());

it('loads structures once: unchanged files are not read again, and nothing is journaled', async () => {
  const before = await t.db.selectFrom('journal').select('seq').execute();
  const again = await loadFormStructures(t.deps, systemActor('test'), {
    dir: path.resolve('src/modules/statistics/fixtures/structures'),
  });
  expect(again.loaded).toEqual([]);
  expect(await t.db.selectFrom('journal').select('seq').execute()).toHaveLength(before.length);
});

it('fills the provisional forms with synthetic data that passes validation, flagged on every answer and export', async () => {
  const r = await loadDemonstrationFigures(t.deps);
  expect(r.submissions).toBe(4); // 1-П (the fixture), the last four quarters of 2024
  expect(r.revisions).toBe(4 * 20);
  // Shipped figures are published as they are loaded, marked imported.
  expect((await publishShipped(t)).published).toBe(4);
  const res = (await t.app.inject('/api/v1/forms/1-p/tables/2024-Q4?section=R1')).json() as {
    notice: string;
    columns: { origin: string | null; kind: string }[];
  };
  // in the language asked for (Kazakh by default)
  expect(res.notice).toMatch(/^Синтетикалық демонстрациялық деректер/);
  expect(res.columns.filter((c) => c.kind === 'submitted').every((c) => c.origin === 'synthetic')).toBe(true);
  const stat = (
    await t.app.inject('/api/v1/forms/1-p/tables/2024-Q4?section=R1&format=json-stat')
  ).json() as {
    note: string[];
  };
  expect(stat.note.join(' ')).toMatch(/Синтетикалық демонстрациялық деректер/);
  const en = (
    await t.app.inject('/api/v1/forms/1-p/tables/2024-Q4?section=R1&format=json&lang=en')
  ).json() as { notice: string };
  expect(en.notice).toMatch(/^Synthetic demonstration data/);
  const journal = await t.db
    .selectFrom('journal')
    .select('summary')
    .where('actor_id', '=', 'demonstration')
    .execute();
  expect(journal).toHaveLength(80);
});

it('says demonstration in the release calendar, its iCalendar feed and the portal, in the reader’s language', async () => {
  const range = 'from=2024-01-01&to=2025-06-30&form=1-p';
  const { releases } = (await t.app.inject(`/api/v1/releases?${range}`)).json() as {
    releases: { period: string; demonstration: boolean; publications: { demonstration: boolean }[] }[];
  };
  const q4 = releases.find((r) => r.period === '2024-Q4')!;
  expect(q4.demonstration).toBe(true);
  expect(q4.publications.map((p) => p.demonstration)).toEqual([true]);
  // a release with nothing published is no demonstration
  expect(releases.filter((r) => !r.publications.length).every((r) => !r.demonstration)).toBe(true);
  const ics = (await t.app.inject(`/api/v1/releases.ics?${range}`)).body.replace(/\r\n /g, '');
  expect(ics).toMatch(/SUMMARY:\[ДЕМО\] 1-П 2024-Q4/);
  expect(ics).toContain('Demonstration data: synthetic figures\\, not official statistics.');
  for (const [lang, badge] of [
    ['kk', 'демонстрациялық деректер'],
    ['ru', 'демонстрационные данные'],
    ['en', 'demonstration data'],
  ])
    expect((await t.app.inject(`/${lang}/releases?from=2024-01-01&to=2025-06-30`)).body).toContain(badge);
});
