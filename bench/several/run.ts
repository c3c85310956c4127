// Several instances on one PostgreSQL 15: two web instances (`zanstat serve --role web`) and one
// worker (`--role worker`), the benchmark's round-robin in front. Measured: the throughput of one
// instance and of two behind the same round-robin (a published table; the home page, whose release
// calendar is read from the database when its cached answer's second is over); how long after a publication — the worker's start-up job
// loading and publishing the other shipped forms — every web instance serves it, seen from a
// third process; and that jobs sent to the queue run exactly once (each run journaled once, none
// retried, none on a web instance).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startJobs } from '../../src/platform/jobs/index.js';
import { createLogger } from '../../src/platform/logging.js';
import { ensureWrk, load, type LoadResult } from '../http/wrk.js';
import { freePort, startPostgres15 } from './postgres.js';
import { roundRobin } from './round-robin.js';

const exec = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (m: string) => process.stderr.write(`[bench] several instances: ${m}\n`);

export interface SeveralResult {
  postgres: string;
  throughput: {
    route: string;
    oneInstance: Pick<LoadResult, 'requestsPerSecond' | 'latencyP99Ms'>;
    twoInstances: Pick<LoadResult, 'requestsPerSecond' | 'latencyP99Ms'>;
    ratio: number;
  }[];
  publication: { form: string; period: string; seenCommittedToAllServingMs: number; perInstanceMs: number[] };
  jobs: { sent: number; completed: number; journaled: number; retried: number; ranOnWeb: number };
}

async function get(port: number, url: string): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${url}`);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export async function severalInstances(s: { seconds: number; connections: number }): Promise<SeveralResult> {
  const wrk = ensureWrk();
  const pgc = await startPostgres15();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-several-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: pgc.url,
    RATE_LIMIT_PUBLIC: '0',
    HOST: '127.0.0.1',
  };
  delete env.LOG_LEVEL;
  delete env.LOG_FORMAT;
  delete env.DATA_DIR;
  const procs: ChildProcess[] = [];
  const db = new pg.Pool({ connectionString: pgc.url, max: 2 });
  let failed = false;
  try {
    progress(`PostgreSQL 15 at ${pgc.url.replace(/\/\/.*@/, '//')}; loading and publishing 1-М`);
    await exec(process.execPath, ['--import', 'tsx', 'bench/several/setup.ts'], { env });
    const serve = async (role: 'web' | 'worker', name: string) => {
      const port = await freePort();
      const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
      const p = spawn(process.execPath, ['bin/zanstat.js', 'serve', '--role', role], {
        env: { ...env, PORT: String(port), JOBS_ENABLED: role === 'worker' ? 'true' : 'false' },
        stdio: ['ignore', log, log],
      });
      fs.closeSync(log);
      procs.push(p);
      return { port, name };
    };
    const web = [await serve('web', 'web-a'), await serve('web', 'web-b')];
    for (const w of web) {
      for (let i = 0; (await get(w.port, '/readyz')) !== 200; i++) {
        if (i > 1200) throw new Error(`${w.name} did not start; see ${dir}`);
        await sleep(100);
      }
    }
    const one = await roundRobin([web[0]!.port]);
    const two = await roundRobin(web.map((w) => w.port));
    const throughput: SeveralResult['throughput'] = [];
    for (const [title, url] of [
      ['table 1-М R1, Almaty city, JSON', '/api/v1/forms/1-m/tables/2022-12?section=R1&region=75'],
      ['home page /ru/ (reads the release calendar once a second)', '/ru/'],
    ] as const) {
      progress(title);
      const settings = { wrk, threads: 1, connections: s.connections, seconds: s.seconds };
      await get(one.port, url);
      await get(two.port, url);
      await get(two.port, url);
      const a = await load(settings, { url: `http://127.0.0.1:${one.port}${url}` });
      const b = await load(settings, { url: `http://127.0.0.1:${two.port}${url}` });
      const pick = (r: LoadResult) => ({
        requestsPerSecond: r.requestsPerSecond,
        latencyP99Ms: r.latencyP99Ms,
      });
      throughput.push({
        route: title,
        oneInstance: pick(a),
        twoInstances: pick(b),
        ratio: Number((b.requestsPerSecond / a.requestsPerSecond).toFixed(3)),
      });
    }
    await one.close();
    await two.close();

    // A publication by another process (the worker's start-up job), seen committed by this one.
    progress('starting the worker; waiting for its publication of the other shipped forms');
    await serve('worker', 'worker');
    let found: { form: string; period: string } | null = null;
    const waitFrom = performance.now();
    while (!found) {
      if (performance.now() - waitFrom > 600_000) throw new Error(`the worker published nothing; see ${dir}`);
      const { rows } = await db.query<{ form: string; period: string }>(
        `SELECT r.form, r.period FROM release_publications p JOIN releases r ON r.id = p.release_id
          WHERE r.form <> '1-m' AND p.published_at IS NOT NULL ORDER BY p.id LIMIT 1`,
      );
      found = rows[0] ?? null;
      if (!found) await sleep(10);
    }
    const seen = performance.now();
    const url = `/api/v1/forms/${found.form}/tables/${found.period}`;
    const perInstanceMs = await Promise.all(
      web.map(async (w) => {
        while ((await get(w.port, url)) !== 200) {
          if (performance.now() - seen > 60_000) throw new Error(`${w.name} never served ${url}`);
          await sleep(5);
        }
        return Math.round(performance.now() - seen);
      }),
    );

    // Jobs sent to the queue run exactly once, on the worker.
    progress('waiting for the start-up jobs, then sending jobs');
    const idle = async () => {
      for (const from = performance.now(); ;) {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`,
        );
        if (Number(rows[0]!.n) === 0) return;
        if (performance.now() - from > 600_000) throw new Error(`the jobs did not finish; see ${dir}`);
        await sleep(100);
      }
    };
    await idle();
    const sent = 20;
    const journaled0 = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM journal WHERE action = 'audit.journal.verified'`,
    );
    const runner = await startJobs(pgc.url, [], createLogger('warn', 'json', 'stderr'), {
      work: false,
      schedule: false,
    });
    const ids: string[] = [];
    for (let i = 0; i < sent; i++) ids.push((await runner.send('audit.verify-journal'))!);
    await runner.stop();
    await idle();
    const { rows: jobs } = await db.query<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])
       UNION ALL SELECT state, retry_count FROM pgboss.archive WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const journaled1 = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM journal WHERE action = 'audit.journal.verified'`,
    );
    const ranOnWeb = web
      .map((w) => fs.readFileSync(path.join(dir, `${w.name}.log`), 'utf8'))
      .join('\n')
      .split('\n')
      .filter((l) => l.includes('"job done"')).length;
    return {
      postgres: (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v,
      throughput,
      publication: {
        ...found,
        seenCommittedToAllServingMs: Math.max(...perInstanceMs),
        perInstanceMs,
      },
      jobs: {
        sent,
        completed: jobs.filter((j) => j.state === 'completed').length,
        journaled: Number(journaled1.rows[0]!.n) - Number(journaled0.rows[0]!.n),
        retried: jobs.filter((j) => j.retry_count > 0).length,
        ranOnWeb,
      },
    };
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await db.end();
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.kill('SIGTERM');
          }),
      ),
    );
    pgc.stop();
    // the instances' logs stay for a failed run
    if (!failed) fs.rmSync(dir, { recursive: true, force: true });
  }
}
