// What one route's three loads say, side by side: the generator's ceiling on those bytes (the
// plain run's requests per second over the cores wrk used: what it would reach with a core to
// itself), each figure flagged client-bound within 20 % of it, the ratios to plain node:http and
// to the fixed-bytes route, cpu÷ (plain's server CPU time per request over the route's) and the
// goal's verdict — none when a figure it rests on measured the client.
import type { HttpRoute } from './scenario.js';
import type { LoadResult } from './wrk.js';

export interface Measured {
  requestsPerSecond: number;
  latencyP99Ms: number;
  clientBound: boolean;
  clientCores: number;
  serverCores: number | null;
}

export interface Verdict {
  generatorCeiling: number;
  plain: Measured;
  fixed: Measured;
  route: Measured;
  ratioToPlain: number;
  ratioToFixed: number;
  /**
   * plain's server CPU time per request over the route's: how much more the route makes the
   * server work than the runtime's limit whatever else the machine runs (throughput on a shared
   * machine varies by a third between runs; CPU time per request much less). Null when a CPU
   * figure is missing.
   */
  cpuRatioToPlain: number | null;
  p99ToPlain: number;
  goalMet: boolean | null;
}

export function verdictOf(p: LoadResult, f: LoadResult, r: LoadResult, goal: HttpRoute['goal']): Verdict {
  const ceiling = Math.round(p.requestsPerSecond / Math.max(p.clientCores, 0.01));
  const measured = (x: LoadResult): Measured => ({
    requestsPerSecond: x.requestsPerSecond,
    latencyP99Ms: x.latencyP99Ms,
    clientBound: x.requestsPerSecond >= 0.8 * ceiling,
    clientCores: x.clientCores,
    serverCores: x.serverCores,
  });
  const ratioToPlain = Number((r.requestsPerSecond / p.requestsPerSecond).toFixed(3));
  const cpuPerRequest = (x: LoadResult) =>
    x.serverCores && x.requestsPerSecond ? x.serverCores / x.requestsPerSecond : null;
  const [plainCpu, routeCpu] = [cpuPerRequest(p), cpuPerRequest(r)];
  const p99ToPlain = Number((r.latencyP99Ms / p.latencyP99Ms).toFixed(2));
  const [plain, fixed, route] = [measured(p), measured(f), measured(r)];
  return {
    generatorCeiling: ceiling,
    plain,
    fixed,
    route,
    ratioToPlain,
    ratioToFixed: Number((r.requestsPerSecond / f.requestsPerSecond).toFixed(3)),
    cpuRatioToPlain: plainCpu && routeCpu ? Number((plainCpu / routeCpu).toFixed(3)) : null,
    p99ToPlain,
    // A client-bound baseline or route measures wrk, not the server: no verdict on it.
    goalMet:
      goal && !plain.clientBound && !route.clientBound
        ? ratioToPlain >= goal.ratio && p99ToPlain <= goal.p99Factor
        : null,
  };
}
