// The in-memory index of publications: another instance learns of a publication by the generation
// counter, and no instance shows one before its time.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
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
  // The index looks at the generation at most once a second (performance.now): that second is ours.
  let ms = 1_000_000;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => ms);
  try {
    const other = new PublishedIndex(t.db); // a second instance's index on the same database
    let reloads = 0;
    other.listeners.push(() => (reloads += 1));
    await other.fresh();
    expect(reloads).toBe(1);
    expect(other.current('1-p', '2024-Q1', t.clock.now())).toBeNull();

    await publishNow(t, '1-p', '2024-Q1'); // another instance publishes: the generation moves
    // within the second, the other instance answers from what it had: late, never early
    ms += 500;
    await other.fresh();
    expect(reloads).toBe(1);
    expect(other.current('1-p', '2024-Q1', t.clock.now())).toBeNull();
    // at its next look it sees the new generation and reloads
    ms += 600;
    await other.fresh();
    expect(reloads).toBe(2);
    const now = t.clock.now();
    const entry = other.current('1-p', '2024-Q1', now);
    expect(entry).toMatchObject({ version: 1, reason: null, imported: false });
    expect(entry!.revisionIds).toHaveLength(1);
    // an unchanged generation costs no reload
    ms += 1100;
    await other.fresh();
    expect(reloads).toBe(2);
    // not before its publication time, on any reading of the index
    const before = new Date(now.getTime() - 1000);
    expect(other.current('1-p', '2024-Q1', before)).toBeNull();
    expect(other.visible('1-p', '2024-Q1', before)).toEqual([]);
    expect(other.currentOfForm('1-p', before).size).toBe(0);
    expect([...other.currentOfForm('1-p', now).keys()]).toEqual(['2024-Q1']);
  } finally {
    clock.mockRestore();
  }
});
