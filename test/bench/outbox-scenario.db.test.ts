// The outbox benchmark's wiring (bench/outbox.ts), on a tiny input: the worker carries every
// delivery through both HTTP adapters to the local receiver, the plain loop replays the same
// envelopes, and the rows name each figure with its baseline. It measures nothing: the figures
// are whatever this machine gives; only that they exist is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.js';
import { measureOutboxOn, outboxRows } from '../../bench/outbox.js';
import { createTestApp, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the outbox benchmark scenario', () => {
  it('sends a tiny burst and a paced few through the worker and prints each figure beside its baseline', async () => {
    const opts = { burst: 4, paced: 2, documentBytes: 256 };
    const figures = await measureOutboxOn({ ...t.deps, clock: systemClock }, opts);
    expect(figures.adapters).toEqual({ edms: 2, webhook: 2 });
    expect(figures.envelopeBytes).toBeGreaterThan(256);
    const rows = outboxRows(figures, opts);
    expect(rows.map((r) => r.title)).toEqual([
      'outbox: deliveries/s, worker → local receiver (burst)',
      'outbox: lag enqueued → acknowledged, p50',
      'outbox: lag enqueued → acknowledged, p99',
    ]);
    for (const r of rows) {
      expect(r.figure, r.title).toBeGreaterThan(0);
      expect(r.baseline, r.title).toBeGreaterThan(0);
      expect(r.ratio, r.title).toBeGreaterThan(0);
    }
  }, 120_000);
});
