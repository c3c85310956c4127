// The figures a route's three loads give: the ceiling, client-bound flags, the ratios, cpu÷ and the
// goal's verdict, none where a figure rests on the client.
import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict.js';
import type { LoadResult } from './wrk.js';

const load = (
  requestsPerSecond: number,
  latencyP99Ms: number,
  clientCores: number,
  serverCores: number | null,
) =>
  ({
    requestsPerSecond,
    latencyP99Ms,
    latencyP50Ms: latencyP99Ms / 4,
    requests: requestsPerSecond * 5,
    bad: 0,
    errors: 0,
    clientCores,
    serverCores,
  }) satisfies LoadResult;

const goal = { ratio: 0.7, p99Factor: 2 };

describe('a route beside plain node:http and the fixed-bytes route', () => {
  it.each([
    // plain 10,000 req/s with wrk on half a core: the generator reaches 20,000; the route at 7,500
    // with the server on 0.9 of a core where plain took 0.6: cpu÷ (0.6/10,000)/(0.9/7,500) = 0.5
    [
      'met',
      load(10_000, 4, 0.5, 0.6),
      load(8_000, 6, 0.4, 0.8),
      load(7_500, 7, 0.4, 0.9),
      20_000,
      0.75,
      0.938,
      0.5,
      1.75,
      true,
    ],
    [
      'under the ratio',
      load(10_000, 4, 0.5, 0.6),
      load(8_000, 6, 0.4, 0.8),
      load(6_900, 5, 0.4, 0.9),
      20_000,
      0.69,
      0.863,
      0.46,
      1.25,
      false,
    ],
    [
      'p99 over twice plain',
      load(10_000, 4, 0.5, 0.6),
      load(8_000, 6, 0.4, 0.8),
      load(9_000, 8.4, 0.4, 0.9),
      20_000,
      0.9,
      1.125,
      0.6,
      2.1,
      false,
    ],
    // plain at 16,000 of a ceiling of 20,000 is within 20 %: it measured wrk, no verdict
    [
      'plain client-bound',
      load(16_000, 2, 0.8, 0.7),
      load(8_000, 6, 0.4, 0.8),
      load(12_000, 3, 0.6, 0.9),
      20_000,
      0.75,
      1.5,
      0.583,
      1.5,
      null,
    ],
    [
      'no CPU figure',
      load(10_000, 4, 0.5, null),
      load(8_000, 6, 0.4, 0.8),
      load(7_500, 7, 0.4, 0.9),
      20_000,
      0.75,
      0.938,
      null,
      1.75,
      true,
    ],
  ] as const)('%s', (_what, p, f, r, ceiling, toPlain, toFixed, cpu, p99, met) => {
    const v = verdictOf(p, f, r, goal);
    expect(v.generatorCeiling).toBe(ceiling);
    expect(v.ratioToPlain).toBe(toPlain);
    expect(v.ratioToFixed).toBe(toFixed);
    expect(v.cpuRatioToPlain).toBe(cpu);
    expect(v.p99ToPlain).toBe(p99);
    expect(v.goalMet).toBe(met);
  });

  it('flags the route client-bound too, and gives no verdict without a goal', () => {
    const v = verdictOf(
      load(10_000, 4, 0.5, 0.6),
      load(8_000, 6, 0.4, 0.8),
      load(17_000, 3, 0.85, 0.9),
      undefined,
    );
    expect(v.route.clientBound).toBe(true);
    expect(v.plain.clientBound).toBe(false);
    expect(v.goalMet).toBeNull();
  });
});
