// `npm run bench`: every benchmark, each as a ratio against a baseline measured in the same run.
// The HTTP ceiling is /healthz (fixed bytes from memory through the same server, plugins and
// hooks as every route); database routes are measured against it. The statistics store's
// benchmarks (bench/store.ts) follow: the load stage against raw COPY, one region's submission,
// a whole-table read from a large store against a small one. One table is printed and every
// result goes to bench/results/latest.json. Benchmarks report against goals; they are not CI
// gates. BENCH_ONLY=http or BENCH_ONLY=store runs one part.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { runStoreBenchmarks } from './store.js';
import { goalMet, type BenchRow } from './store-db.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const only = process.env.BENCH_ONLY;

async function httpBenchmarks(): Promise<BenchRow[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-'));
  await fs.chmod(dataDir, 0o755);
  const server = spawn(path.resolve('node_modules/.bin/tsx'), ['bench/server.ts'], {
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
    const { port, token } = JSON.parse(first) as { port: number; token: string };

    const measure = async (title: string, urlPath: string, headers: Record<string, string> = {}) => {
      process.stderr.write(`[bench] ${title}: ${connections} connections, ${seconds} s\n`);
      const r = await autocannon({
        url: `http://127.0.0.1:${port}${urlPath}`,
        connections,
        duration: seconds,
        headers,
      });
      if (r.non2xx > 0) throw new Error(`${title}: ${r.non2xx} answers were not 2xx`);
      return {
        title,
        requestsPerSecond: Math.round(r.requests.average),
        detail: { path: urlPath, latencyP99Ms: r.latency.p99, errors: r.errors, connections, seconds },
      };
    };

    await measure('warm-up', '/healthz');
    const ceiling = await measure('HTTP ceiling: fixed bytes (/healthz)', '/healthz');
    const measured = [
      ceiling,
      await measure('database round trip (/readyz)', '/readyz'),
      await measure(
        'journal page with token auth (/api/v1/staff/journal)',
        '/api/v1/staff/journal?limit=20',
        {
          authorization: `Bearer ${token}`,
        },
      ),
    ];
    const rows: BenchRow[] = measured.map((r) => ({
      title: r.title,
      figure: r.requestsPerSecond,
      unit: 'req/s',
      baseline: ceiling.requestsPerSecond,
      ratio: Number((r.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3)),
      detail: r.detail,
    }));
    // A published table (1-М R1 of 2022, 20 regions and the republic) against the same bytes
    // from memory on a route that does nothing else: the published route's own cost.
    const table = '/api/v1/forms/1-m/tables/2022-12?section=R1';
    for (const [format, label] of [
      ['json', 'JSON'],
      ['json-stat', 'JSON-stat'],
      ['xlsx', 'XLSX'],
    ] as const) {
      await measure('warm-up', `${table}&format=${format}`);
      const same = await measure(`same bytes from memory (${label})`, `/bench/same-bytes/${format}`);
      const published = await measure(
        `published table 1-М R1, all regions, ${label}`,
        `${table}&format=${format}`,
      );
      rows.push({
        title: published.title,
        figure: published.requestsPerSecond,
        unit: 'req/s',
        baseline: same.requestsPerSecond,
        ratio: Number((published.requestsPerSecond / same.requestsPerSecond).toFixed(3)),
        goal: { on: 'ratio', op: '>=', value: 0.9 },
        detail: { ...published.detail, sameBytesLatencyP99Ms: same.detail.latencyP99Ms },
      });
    }
    return rows;
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const rows: BenchRow[] = [
  ...(only === 'store' ? [] : await httpBenchmarks()),
  ...(only === 'http' ? [] : await runStoreBenchmarks()),
];

const num = (x: number | undefined) => (x === undefined ? '' : x.toLocaleString('en'));
const goalText = (r: BenchRow) => {
  if (!r.goal) return '';
  const what = r.goal.on === 'ratio' ? 'ratio' : r.unit;
  return `${r.goal.op === '>=' ? '≥' : '≤'} ${r.goal.value} ${what}: ${goalMet(r) ? 'met' : 'MISSED'}`;
};
console.log(
  `\nzanstat benchmarks — ${os.cpus().length} cores, Node ${process.version}` +
    (only === 'store' ? '' : `; HTTP: ${connections} connections, ${seconds} s each`) +
    (only === 'http' ? '' : `; store: BENCH_STORE_VALUES=${process.env.BENCH_STORE_VALUES ?? '1e7'}`) +
    '\n',
);
console.log(
  [
    'benchmark'.padEnd(58),
    'figure'.padStart(11),
    'unit'.padEnd(6),
    'baseline'.padStart(11),
    'ratio'.padStart(7),
    ' goal',
  ].join(' '),
);
for (const r of rows) {
  console.log(
    [
      r.title.padEnd(58),
      num(r.figure).padStart(11),
      r.unit.padEnd(6),
      num(r.baseline).padStart(11),
      (r.ratio === undefined ? '' : r.ratio.toFixed(3)).padStart(7),
      ` ${goalText(r)}`,
      typeof r.detail?.latencyP99Ms === 'number' ? ` (p99 ${r.detail.latencyP99Ms} ms)` : '',
    ].join(' '),
  );
}
const out = {
  at: new Date().toISOString(),
  node: process.version,
  cores: os.cpus().length,
  results: rows.map((r) => ({ ...r, goalMet: goalMet(r) })),
};
await fs.writeFile('bench/results/latest.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwritten to bench/results/latest.json');
