// A scenario module: what one part of zanstat asks of the benchmark. `prepare` runs in the bench
// server before it listens (to publish or build what its routes read); `routes` are measured over
// HTTP against both baselines; `measure` is for what is not a route (a build, a queue), run by
// the runner, each row with the baseline it is compared with. bench/scenarios.ts lists them.
import type { Config } from '../../src/platform/config.js';
import type { Deps } from '../../src/platform/usecase.js';
import type { BenchRow } from '../store-db.js';

export interface HttpRoute {
  title: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** a JSON body, sent with Content-Type: application/json */
  body?: unknown;
  /** the goal against plain node:http serving the same bytes: a ratio, and p99 within a factor */
  goal?: { ratio: number; p99Factor: number };
}

export interface RouteContext {
  /** tokens of the bench organisation: an auditor's and an editor's */
  tokens: { auditor: string; editor: string };
}

export interface Scenario {
  name: string;
  prepare?(deps: Deps, config: Config): Promise<void>;
  routes?(ctx: RouteContext): HttpRoute[];
  measure?(): Promise<BenchRow[]>;
}
