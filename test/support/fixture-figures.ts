import path from 'node:path';
import { expect } from 'vitest';
import { systemActor } from '../../src/platform/usecase.js';
import { loadFormStructures } from '../../src/modules/statistics/index.js';
import { createTestApp, publishNow, tokenFor, type TestContext } from './test-app.js';

// Section R1 of the fixture form 1-П (src/modules/statistics/fixtures/structures): total = planned
// + unplanned; "of which" ≤ total; a fine in thousand tenge; row 4 is for official use only.
export function fixtureR1(scale = 1) {
  const table: Record<string, (number | null)[]> = {
    '1': [10 * scale, 3, 12.5],
    '2': [6 * scale, 2, 7.25],
    '3': [4 * scale, 1, 5.25],
    '4': [1, 0, null],
  };
  return Object.entries(table).flatMap(([row, vals]) =>
    vals.map((value, i) => ({ section: 'R1', row, graph: i + 1, value })),
  );
}

/** Loads the fixture structures (form 1-П among them) into a test app's catalogue. */
export async function loadFixtureStructures(t: TestContext): Promise<void> {
  await loadFormStructures(t.deps, systemActor('test'), {
    dir: path.resolve('src/modules/statistics/fixtures/structures'),
  });
}

/** Submits R1 of 1-П through the API for each [period, region, scale], failing the test on a refusal. */
export async function submitFixtureR1(
  t: TestContext,
  headers: Record<string, string>,
  entries: readonly (readonly [period: string, breakdown: string, scale: number])[],
): Promise<void> {
  for (const [period, breakdown, scale] of entries) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers,
      payload: { form: '1-p', period, breakdown, values: fixtureR1(scale) },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

/**
 * A test app whose store holds 1-П R1 published for 2023-Q1 (region 10) and 2024-Q1 (regions 10
 * and 11): the setup the web, requests and open-data tests share. Returns the app and an editor.
 */
export async function appWithPublishedFixture(env: Record<string, string> = {}): Promise<{
  t: TestContext;
  editor: { authorization: string };
}> {
  const t = await createTestApp(env);
  await loadFixtureStructures(t);
  const editor = await tokenFor(t, 'editor');
  await submitFixtureR1(t, editor, [
    ['2023-Q1', '10', 1],
    ['2024-Q1', '10', 2],
    ['2024-Q1', '11', 3],
  ]);
  await publishNow(t, '1-p', '2023-Q1');
  await publishNow(t, '1-p', '2024-Q1');
  return { t, editor };
}
