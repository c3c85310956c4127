// What the store benchmarks share: a store opened the way `openRuntime` opens one (embedded
// PostgreSQL over a data directory, migrated, catalogue and form structures loaded) but over a
// directory of the benchmark's choosing; raw COPY through pg-copy-streams; timing and the rows of
// the one results table that `npm run bench` prints.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { catalogDirs } from '../src/cli/runtime.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import {
  createKysely,
  ensureDatabase,
  migrateToLatest,
  openEmbeddedServer,
} from '../src/platform/db/index.js';
import { createLogger } from '../src/platform/logging.js';
import { systemActor, type Deps } from '../src/platform/usecase.js';
import { journalWriter } from '../src/modules/audit/index.js';
import { loadCatalogFolders } from '../src/modules/catalog/index.js';
import { builtInStructuresDir, loadFormStructures } from '../src/modules/statistics/index.js';

/** One line of the results table (and of bench/results/latest.json). */
export interface BenchRow {
  title: string;
  figure: number;
  unit: string;
  /** the baseline measured in the same run, in `unit` */
  baseline?: number;
  ratio?: number;
  /** the goal, on the ratio or on the figure */
  goal?: { on: 'ratio' | 'figure'; op: '>=' | '<='; value: number };
  detail?: Record<string, unknown>;
}

export const goalMet = (r: BenchRow): boolean | null => {
  if (!r.goal) return null;
  const x = r.goal.on === 'ratio' ? r.ratio : r.figure;
  if (x === undefined) return null;
  return r.goal.op === '>=' ? x >= r.goal.value : x <= r.goal.value;
};

export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

export interface Store {
  deps: Deps;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * A store over `dataDir` as `openRuntime` opens one. `durability: 'test'` (fsync off) only for
 * building the synthetic stores, whose reads it does not change; the load and submission
 * benchmarks run with the service's durability.
 */
export async function openStore(dataDir: string, durability: 'full' | 'test'): Promise<Store> {
  const logger = createLogger('warn');
  const embedded = await openEmbeddedServer({ dataDir, logger, mode: 'owner', durability });
  try {
    const url = await ensureDatabase(embedded.url, 'zanstat');
    const { db, pool } = createKysely(url, 4, logger);
    const deps: Deps = { db, clock: systemClock, journal: journalWriter, logger };
    await migrateToLatest(db);
    await loadCatalogFolders(deps, systemActor('start'), { dirs: catalogDirs(loadConfig({})) });
    await loadFormStructures(deps, systemActor('start'), { dir: builtInStructuresDir });
    return {
      deps,
      pool,
      async close() {
        // pg-pool's end() resolves before its clients' sockets close: wait for them, or the
        // server's shutdown terminates them and the pool logs each as a failed connection.
        const open = pool.totalCount;
        let removed = 0;
        const closed = new Promise<void>((resolve) => {
          if (open === 0) resolve();
          pool.on('remove', () => {
            if (++removed >= open) resolve();
          });
        });
        await db.destroy();
        await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
        await embedded.stop();
      },
    };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}

/** `fn` on a store of its own in a temporary directory (readable by the embedded server), then gone. */
export async function withTempStore<T>(prefix: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  try {
    const store = await openStore(dir, 'full');
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** COPY … FROM STDIN of the text-format lines the generator yields (batched into ~1 MB chunks). */
export async function copyIn(pool: pg.Pool, statement: string, lines: Iterable<string>): Promise<void> {
  const client = await pool.connect();
  try {
    function* chunks() {
      let buf: string[] = [];
      let size = 0;
      for (const line of lines) {
        buf.push(line);
        size += line.length;
        if (size > 1 << 20) {
          yield buf.join('');
          buf = [];
          size = 0;
        }
      }
      if (buf.length) yield buf.join('');
    }
    await pipeline(Readable.from(chunks()), client.query(copyFrom(statement)));
  } finally {
    client.release();
  }
}

const escapable = /[\\\t\n\r]/;
/** A text-format COPY field: backslash, tab and line ends escaped; null as \N. */
export const field = (v: string | number | null): string => {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!escapable.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

/** Runs `fn` `warmUps` times unmeasured, then `runs` times; the times in ms. */
export async function repeat(warmUps: number, runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < warmUps; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timed(() => fn(warmUps + i))).ms);
  return ms;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
export const median = (xs: number[]): number => quantile(xs, 0.5);
export const round = (x: number, digits = 1): number => Number(x.toFixed(digits));
