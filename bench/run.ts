// `npm run bench`: every benchmark, each as a ratio against a baseline measured in the same run.
// The HTTP ceiling is /healthz (fixed bytes from memory through the same server, plugins and
// hooks as every route); database routes are measured against it. Results go to
// bench/results/latest.json. Benchmarks report against goals; they are not CI gates.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

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
const first = await new Promise<string>((resolve, reject) => {
  readline.createInterface({ input: server.stdout }).once('line', resolve);
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const { port, token } = JSON.parse(first) as { port: number; token: string };

async function measure(title: string, urlPath: string, headers: Record<string, string> = {}) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections,
    duration: seconds,
    headers,
  });
  if (r.non2xx > 0) throw new Error(`${title}: ${r.non2xx} answers were not 2xx`);
  return {
    title,
    path: urlPath,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP99Ms: r.latency.p99,
    errors: r.errors,
  };
}

try {
  await measure('warm-up', '/healthz');
  const ceiling = await measure('HTTP ceiling: fixed bytes (/healthz)', '/healthz');
  const rows = [
    ceiling,
    await measure('database round trip (/readyz)', '/readyz'),
    await measure('journal page with token auth (/api/v1/staff/journal)', '/api/v1/staff/journal?limit=20', {
      authorization: `Bearer ${token}`,
    }),
  ].map((r) => ({
    ...r,
    ratioToCeiling: Number((r.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3)),
  }));

  console.log(
    `\nzanstat benchmarks — ${connections} connections, ${seconds} s each, ${os.cpus().length} cores, Node ${process.version}\n`,
  );
  console.log(
    ['benchmark'.padEnd(58), 'req/s'.padStart(9), 'p99 ms'.padStart(8), 'ratio'.padStart(7)].join(' '),
  );
  for (const r of rows) {
    console.log(
      [
        r.title.padEnd(58),
        String(r.requestsPerSecond).padStart(9),
        String(r.latencyP99Ms).padStart(8),
        r.ratioToCeiling.toFixed(3).padStart(7),
      ].join(' '),
    );
  }
  const out = {
    at: new Date().toISOString(),
    node: process.version,
    cores: os.cpus().length,
    connections,
    seconds,
    results: rows,
  };
  await fs.writeFile('bench/results/latest.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten to bench/results/latest.json');
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await fs.rm(dataDir, { recursive: true, force: true });
}
