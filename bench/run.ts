// `npm run bench`: every benchmark, each against baselines measured in the same run.
// HTTP (bench/http/harness.ts): for every route of the scenario modules (bench/scenarios.ts), wrk
// against plain node:http serving the same bytes (the runtime's limit), against the same server's
// fixed-bytes route (the framework and hooks), and against the route, each with its p99; the
// generator's ceiling on those bytes, and client-bound figures flagged. Then what the scenarios
// measure that is not a route, the statistics store's benchmarks (bench/store.ts), and several
// instances on one PostgreSQL 15 (bench/several/run.ts). The results go to
// bench/results/<date>-<commit>.json (commit, machine, load), kept in git so that a regression
// shows as a diff. Benchmarks report against goals; they are not CI gates.
// BENCH_ONLY=http|scenarios|store|several runs one part (or several, comma-separated); BENCH_SCENARIOS=a,b picks scenarios;
// BENCH_ROUTES=a,b the routes whose titles contain one; BENCH_PROFILE=<part of a route's title>
// writes a CPU profile of that route's load and prints where its time went.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import { httpBenchmarks, type HttpFailure, type HttpResult, type Measured } from './http/harness.js';
import { scenarios as allScenarios } from './scenarios.js';
import { severalInstances, type SeveralResult } from './several/run.js';
import { runStoreBenchmarks } from './store.js';
import { goalMet, type BenchRow } from './store-db.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const threads = Number(process.env.BENCH_THREADS ?? 1);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const runs = (part: string) => !only || only.includes(part);
const picked = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
const scenarios = allScenarios.filter((s) => !picked || picked.includes(s.name));
const loadBefore = os.loadavg();

const { results: http, failures } = runs('http')
  ? await httpBenchmarks(scenarios, {
      seconds,
      connections,
      threads,
      profile: process.env.BENCH_PROFILE,
      routes: process.env.BENCH_ROUTES?.split(',').map((r) => r.trim()),
    })
  : { results: [] as HttpResult[], failures: [] as HttpFailure[] };
const rows: BenchRow[] = [];
if (runs('scenarios')) for (const s of scenarios) rows.push(...((await s.measure?.()) ?? []));
if (runs('store')) rows.push(...(await runStoreBenchmarks()));
const several: SeveralResult | null = runs('several')
  ? await severalInstances({ seconds, connections })
  : null;

const num = (x: number | undefined) => (x === undefined ? '' : x.toLocaleString('en'));
const rps = (m: Measured) => `${num(m.requestsPerSecond)}${m.clientBound ? '*' : ''}`;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

console.log(
  `\nzanstat benchmarks — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
    `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`,
);
if (http.length) {
  console.log(
    `\nHTTP: wrk, ${threads} thread(s), ${connections} connections, ${seconds} s each; one process against one process.\n` +
      'plain = node:http serving the same bytes; fixed = the same server, a route answering the same bytes;\n' +
      'ceiling = what wrk reaches on those bytes with a core to itself; * = within 20 % of it: client-bound, not a result;\n' +
      "cpu÷ = plain's server CPU time per request over the route's (steadier than req/s on a shared machine).\n",
  );
  const head = [
    'route'.padEnd(44),
    'bytes'.padStart(8),
    'ceiling'.padStart(8),
    'plain'.padStart(8),
    'p99'.padStart(6),
    'fixed'.padStart(8),
    'p99'.padStart(6),
    'route'.padStart(8),
    'p99'.padStart(6),
    '÷plain'.padStart(7),
    '÷fixed'.padStart(7),
    'cpu÷'.padStart(6),
    ' goal',
  ];
  console.log(head.join(' '));
  for (const r of http) {
    const goal = r.goal
      ? ` ≥ ${r.goal.ratio} of plain, p99 ≤ ${r.goal.p99Factor}× (${r.p99ToPlain}×): ${r.goalMet === null ? 'client-bound, no verdict' : r.goalMet ? 'met' : 'MISSED'}`
      : '';
    console.log(
      [
        r.title.slice(0, 44).padEnd(44),
        num(r.bytes).padStart(8),
        num(r.generatorCeiling).padStart(8),
        rps(r.plain).padStart(8),
        ms(r.plain.latencyP99Ms).padStart(6),
        rps(r.fixed).padStart(8),
        ms(r.fixed.latencyP99Ms).padStart(6),
        rps(r.route).padStart(8),
        ms(r.route.latencyP99Ms).padStart(6),
        r.ratioToPlain.toFixed(3).padStart(7),
        r.ratioToFixed.toFixed(3).padStart(7),
        (r.cpuRatioToPlain === null ? '' : r.cpuRatioToPlain.toFixed(2)).padStart(6),
        goal,
      ].join(' '),
    );
  }
  for (const f of failures) console.log(`FAILED ${f.scenario}: ${f.title}: ${f.error}`);
  for (const r of http.filter((x) => x.profile)) {
    console.log(`\nCPU profile of "${r.title}" under load (${r.profile!.file}), self time:`);
    for (const t of r.profile!.top) console.log(`  ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.where}`);
  }
}

const goalText = (r: BenchRow) => {
  if (!r.goal) return '';
  const what = r.goal.on === 'ratio' ? 'ratio' : r.unit;
  return `${r.goal.op === '>=' ? '≥' : '≤'} ${r.goal.value} ${what}: ${goalMet(r) ? 'met' : 'MISSED'}`;
};
if (rows.length) {
  console.log(
    `\n${'benchmark'.padEnd(58)} ${'figure'.padStart(11)} ${'unit'.padEnd(6)} ${'baseline'.padStart(11)} ${'ratio'.padStart(7)}  goal`,
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
      ].join(' '),
    );
  }
}

if (several) {
  console.log(
    `\nSeveral instances on one PostgreSQL ${several.postgres}: two web instances and one worker, round-robin in front.`,
  );
  for (const t of several.throughput)
    console.log(
      `  ${t.route.padEnd(40)} one instance ${num(t.oneInstance.requestsPerSecond)} req/s (p99 ${ms(t.oneInstance.latencyP99Ms)} ms), ` +
        `two ${num(t.twoInstances.requestsPerSecond)} req/s (p99 ${ms(t.twoInstances.latencyP99Ms)} ms): ×${t.ratio}`,
    );
  const p = several.publication;
  console.log(
    `  a publication (${p.form} ${p.period}), seen committed by a third process, served by every web instance after ` +
      `${p.seenCommittedToAllServingMs} ms (each: ${p.perInstanceMs.join(', ')} ms)`,
  );
  const j = several.jobs;
  console.log(
    `  jobs: ${j.sent} sent, ${j.completed} completed, ${j.journaled} journaled, ${j.retried} retried, ${j.ranOnWeb} run on a web instance` +
      `: ${j.completed === j.sent && j.journaled === j.sent && j.retried === 0 && j.ranOnWeb === 0 ? 'exactly once' : 'NOT exactly once'}`,
  );
}

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
};
const commit = git('rev-parse', 'HEAD');
const at = new Date().toISOString();
const out = {
  commit,
  dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  at,
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? null,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageBefore: loadBefore.map((x) => Number(x.toFixed(2))),
    loadAverageAfter: os.loadavg().map((x) => Number(x.toFixed(2))),
  },
  settings: { seconds, connections, threads, client: 'wrk' },
  http: http.map(({ profile, ...r }) => ({
    ...r,
    ...(profile ? { profileTop: profile.top.slice(0, 10) } : {}),
  })),
  httpFailures: failures,
  severalInstances: several,
  results: rows.map((r) => ({ ...r, goalMet: goalMet(r) })),
};
const file = `bench/results/${at.slice(0, 10)}-${commit.slice(0, 7)}.json`;
await fs.writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
await fs.writeFile('bench/results/latest.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nwritten to ${file} (and bench/results/latest.json)`);
