// The in-memory index of publications: another instance learns of a publication by the generation
// counter, and no instance shows one before its time.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, publishNow, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../../../test/support/fixture-figures.js';
import { PublishedIndex } from './published-index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await loadFixtureStructures(t);
  await submitFixtureR1(t, await tokenFor(t, 'editor'), [['2024-Q1', '10', 1]]);
});
afterAll(async () => t.close());

it('shows another instance a publication after its generation check, never before its time', async () => {
  const other = new PublishedIndex(t.db); // a second instance's index on the same database
  let reloads = 0;
  other.listeners.push(() => (reloads += 1));
  await other.fresh();
  expect(reloads).toBe(1);
  expect(other.current('1-p', '2024-Q1', t.clock.now())).toBeNull();

  await publishNow(t, '1-p', '2024-Q1'); // bumps the generation
  other.invalidate(); // as its next once-a-second check would
  await other.fresh();
  expect(reloads).toBe(2);
  const now = t.clock.now();
  const entry = other.current('1-p', '2024-Q1', now);
  expect(entry).toMatchObject({ version: 1, reason: null, imported: false });
  expect(entry!.revisionIds).toHaveLength(1);
  // not before its publication time, on any reading of the index
  const before = new Date(now.getTime() - 1000);
  expect(other.current('1-p', '2024-Q1', before)).toBeNull();
  expect(other.visible('1-p', '2024-Q1', before)).toEqual([]);
  expect(other.currentOfForm('1-p', before).size).toBe(0);
  expect([...other.currentOfForm('1-p', now).keys()]).toEqual(['2024-Q1']);
});
