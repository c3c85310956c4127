// The open-data benchmarks (docs/decisions/0012): `package_search` with `q`, two `fq` clauses and
// three facets over a generated catalogue of 10^4 datasets, and `datastore_search` with filters
// and `include_total` (and with `q`) over a generated 10^6-row DataStore resource, each with its
// p99 beside the same server's fixed-bytes route (/healthz) in the same run. Goal: p99 ≤ 50 ms.
//
// The harness takes `setupOpenDataBench` (the data, made once in the server's database) and
// `openDataRoutes` (what to hit). Alone: `npx tsx bench/opendata.ts` starts a server on an embedded
// database in a temporary DATA_DIR (this file with `--serve`), measures it with autocannon and
// writes bench/results/opendata.json. BENCH_DATASETS and BENCH_ROWS make it smaller.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Deps } from '../src/platform/usecase.js';
import type { Scenario } from './http/scenario.js';
import { resourceUuid } from '../src/modules/opendata/index.js';

export interface OpenDataBenchSetup {
  datasets: number;
  rows: number;
  resourceId: string;
}

const WORDS = [
  'crime',
  'court',
  'appeal',
  'juvenile',
  'fraud',
  'traffic',
  'customs',
  'tax',
  'labour',
  'border',
  'қылмыс',
  'сот',
  'шағым',
  'кәмелетке',
  'алаяқтық',
  'жол',
  'кеден',
  'салық',
  'еңбек',
  'шекара',
  'преступление',
  'суд',
  'жалоба',
  'несовершеннолетний',
  'мошенничество',
  'дорожный',
  'таможня',
  'налог',
  'труд',
  'граница',
];
const PERIODS = ['monthly', 'quarterly', 'half-yearly', 'yearly', 'on-arrival', 'permanent'];

/** Adds `datasets` generated datasets to the catalogue in use and one `rows`-row DataStore resource. */
export async function setupOpenDataBench(
  deps: Deps,
  opts: { datasets?: number; rows?: number } = {},
): Promise<OpenDataBenchSetup> {
  const datasets = opts.datasets ?? 10_000;
  const rows = opts.rows ?? 1_000_000;
  const db = deps.db;
  const orgs = (
    await db.selectFrom('catalog_entries').select('id').where('kind', '=', 'organisations').execute()
  ).map((o) => o.id);
  const form = (
    await db
      .selectFrom('catalog_entries')
      .select('id')
      .where('kind', '=', 'forms')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
  const now = deps.clock.now();
  for (let start = 0; start < datasets; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(datasets, start + 1000); i++) {
      const w = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length]!;
      const period = PERIODS[i % PERIODS.length]!;
      const data = {
        id: `bench-dataset-${i}`,
        listNo: 1000 + i,
        titles: {
          kk: `${w(10)} ${w(11)} ${i}`,
          ru: `${w(20)} ${w(21)} ${i}`,
          en: `${w(0)} ${w(1)} ${w(2)} ${i}`,
        },
        updatePeriod: period,
        dueDay: null,
        source: { kk: 'bench', ru: 'bench', en: 'bench' },
        responsibleUnits: [orgs[i % orgs.length]!],
        madeFrom: { kind: 'form', form },
        act: 'o84-2019',
        clause: 'o84.list.item10',
        validFrom: '2019-08-16',
        validUntil: null,
        estimated: true,
      };
      batch.push({
        kind: 'datasets',
        id: data.id,
        valid_from: data.validFrom,
        valid_until: null,
        data: JSON.stringify(data),
        content_hash: `bench-${i}`,
        origin: 'admin' as const,
        source: 'bench',
        loaded_at: now,
      });
    }
    await db
      .insertInto('catalog_entries')
      .values(batch)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await db
    .updateTable('catalog_state')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .execute();

  // One DataStore resource of `rows` rows: 100 months × 20 regions × 50 rows × 10 graphs = 10^6.
  const dataset = 'bench-dataset-0';
  const resourceId = resourceUuid(dataset, 'datastore');
  await db
    .insertInto('od_resources')
    .values({
      id: resourceId,
      dataset,
      key: 'datastore',
      period: null,
      format: 'CSV',
      position: 0,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('od_resource_versions')
    .values({
      resource_id: resourceId,
      version: 1,
      built_at: now,
      publications: sql`'{}'::bigint[]` as never,
      file_name: 'bench.csv',
      media_type: 'text/csv',
      size: 0,
      sha256: 'bench',
      body: null,
      reason: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const graphs = 10;
  const rowCodes = 50;
  const regions = 20;
  const months = Math.max(1, Math.round(rows / (graphs * rowCodes * regions)));
  await sql`
    INSERT INTO od_datastore (resource_id, period, region, row_code, graph, period_start, region_name,
                              row_label, graph_label, value, status)
    SELECT ${resourceId}::uuid, to_char(p, 'YYYY-MM'), lpad((10 + r)::text, 2, '0'), g_row::text, g,
           p::date, 'Region ' || r, 'Row ' || g_row || ' ' || (ARRAY[${sql.join(WORDS.slice(0, 10))}])[1 + g_row % 10],
           'Graph ' || g, (p::date - DATE '2000-01-01') + r * 7 + g_row * 3 + g, 'published'
    FROM generate_series(DATE '2015-01-01', DATE '2015-01-01' + (${months - 1} || ' months')::interval, '1 month') p,
         generate_series(0, ${regions - 1}) r, generate_series(1, ${rowCodes}) g_row, generate_series(1, ${graphs}) g
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`ANALYZE od_datastore`.execute(db);
  return { datasets, rows: months * regions * rowCodes * graphs, resourceId };
}

export interface BenchRoute {
  title: string;
  path: string;
  /** the p99 goal, in milliseconds */
  goalP99Ms: number;
}

/** What the benchmark hits; the harness measures /healthz beside them as the baseline. */
export function openDataRoutes(setup: OpenDataBenchSetup): BenchRoute[] {
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
  return [
    {
      title: `package_search: q, two fq, three facets over ${setup.datasets} datasets`,
      path: `/api/3/action/package_search?${q({
        // two words (English and Russian) that share the English titles of 333 of the datasets
        // ("court appeal" shared none: the search answered an empty page)
        q: 'court налог',
        fq: 'update_period:quarterly -tags:register',
        'facet.field': '["organization","tags","res_format"]',
        rows: '10',
      })}`,
      goalP99Ms: 50,
    },
    {
      title: `datastore_search: filters and include_total over ${setup.rows} rows`,
      path: `/api/3/action/datastore_search?${q({
        resource_id: setup.resourceId,
        filters: '{"period":"2019-06","region":["10","11"]}',
        include_total: 'true',
        limit: '100',
      })}`,
      goalP99Ms: 50,
    },
    {
      title: `datastore_search: q (a word) and include_total over ${setup.rows} rows`,
      path: `/api/3/action/datastore_search?${q({ resource_id: setup.resourceId, q: 'appeal', include_total: 'true', limit: '100' })}`,
      goalP99Ms: 50,
    },
  ];
}

const benchSize = () => ({
  datasets: Number(process.env.BENCH_DATASETS ?? 10_000),
  rows: Number(process.env.BENCH_ROWS ?? 1_000_000),
});

/**
 * The harness's scenario (bench/scenarios.ts): the generated catalogue and DataStore made in the
 * bench server before it listens; the routes against both baselines, p99 goal beside them.
 */
export const openData: Scenario = {
  name: 'opendata',
  prepare: async (deps) => {
    await setupOpenDataBench(deps, benchSize());
  },
  routes: () =>
    openDataRoutes({ ...benchSize(), resourceId: resourceUuid('bench-dataset-0', 'datastore') }).map((r) => ({
      title: r.title,
      path: r.path,
    })),
};

async function serve(): Promise<void> {
  const { openRuntime } = await import('../src/cli/runtime.js');
  const { buildHttpApp } = await import('../src/app.js');
  const { version } = await import('../src/platform/version.js');
  const rt = await openRuntime('owner', 'warn');
  const setup = await setupOpenDataBench(rt.deps, {
    ...benchSize(),
  });
  const app = await buildHttpApp(rt.deps, { ...rt.config, logLevel: 'warn' }, version);
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The first read builds the catalogue's view (once per generation): not part of the measure.
  for (const r of openDataRoutes(setup)) await app.inject(r.path);
  const address = app.server.address() as { port: number };
  console.log(JSON.stringify({ port: address.port, setup }));
  const stop = async () => {
    await app.close();
    await rt.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

async function measureAlone(): Promise<void> {
  const { default: autocannon } = await import('autocannon');
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-od-'));
  await fs.chmod(dataDir, 0o755); // the embedded server runs as its own user
  const server = spawn(path.resolve('node_modules/.bin/tsx'), [fileURLToPath(import.meta.url), '--serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      RATE_LIMIT_PUBLIC: '0',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const first = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: server.stdout }).once('line', resolve);
      server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const { port, setup } = JSON.parse(first) as { port: number; setup: OpenDataBenchSetup };
    const measure = async (title: string, urlPath: string) => {
      process.stderr.write(`[bench] ${title}: ${connections} connections, ${seconds} s\n`);
      const r = await autocannon({
        url: `http://127.0.0.1:${port}${urlPath}`,
        connections,
        duration: seconds,
      });
      if (r.non2xx > 0) throw new Error(`${title}: ${r.non2xx} answers were not 2xx`);
      return {
        title,
        path: urlPath,
        requestsPerSecond: Math.round(r.requests.average),
        p99Ms: r.latency.p99,
        p50Ms: r.latency.p50,
      };
    };
    await measure('warm-up', '/healthz');
    const ceiling = await measure('fixed bytes (/healthz)', '/healthz');
    const results = [ceiling];
    for (const r of openDataRoutes(setup)) {
      const m = await measure(r.title, r.path);
      results.push({ ...m, goalP99Ms: r.goalP99Ms, met: m.p99Ms <= r.goalP99Ms } as typeof m);
    }
    const out = {
      at: new Date().toISOString(),
      host: { cpus: os.cpus().length, node: process.version },
      connections,
      seconds,
      setup,
      results,
    };
    await fs.mkdir('bench/results', { recursive: true });
    await fs.writeFile('bench/results/opendata.json', `${JSON.stringify(out, null, 2)}\n`);
    console.table(
      results.map((r) => ({
        route: r.title,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.p50Ms,
        'p99 ms': r.p99Ms,
      })),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--serve')) await serve();
  else await measureAlone();
}
