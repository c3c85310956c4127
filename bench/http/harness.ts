// The HTTP benchmarks: for every route of every scenario, one process against one process, wrk
// as the client. Three figures per route, measured in the same run on the same bytes: plain
// node:http answering them from memory (the runtime's limit), the bench server's fixed-bytes
// route answering them (the framework, plugins and hooks), and the route itself. Each with its
// p99. The generator's ceiling on those bytes comes from the plain run: its requests per second
// divided by the cores wrk used (what it would reach with a core to itself); a figure within 20 %
// of that ceiling is flagged client-bound: it tells about the client, not the server. After the
// warm-up and after each route the server is let settle (idle again): a slow route's requests that
// wrk left unanswered would otherwise be worked on during the next figure.
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Child } from './children.js';
import { toWire, type Fixture } from './fixtures.js';
import { summariseProfile } from './profile.js';
import type { HttpRoute, Scenario } from './scenario.js';
import { verdictOf, type Measured, type Verdict } from './verdict.js';
import { ensureWrk, load, settle, type LoadResult, type LoadSettings } from './wrk.js';

export interface HttpSettings {
  seconds: number;
  connections: number;
  threads: number;
  /** titles containing this are profiled in the bench server while loaded */
  profile?: string;
  /** only the routes whose titles contain one of these */
  routes?: string[];
}

export type { Measured };

/** A route's figures (verdict.ts) with what it was: its scenario, title, path and bytes. */
export interface HttpResult extends Verdict {
  scenario: string;
  title: string;
  path: string;
  bytes: number;
  goal?: HttpRoute['goal'];
  profile?: { file: string; top: { share: number; where: string }[] };
}

/** One answer of a route, its bytes as sent (never decoded). */
function fetchRaw(port: number, r: HttpRoute): Promise<Fixture> {
  return new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : JSON.stringify(r.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: r.path,
        method: r.method ?? 'GET',
        headers: { ...r.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          if ((res.statusCode ?? 500) >= 300)
            return reject(new Error(`${r.title}: ${res.statusCode} ${bytes.toString().slice(0, 400)}`));
          resolve({
            status: res.statusCode!,
            type: String(res.headers['content-type']),
            encoding: res.headers['content-encoding'] ?? null,
            body: bytes,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface HttpFailure {
  scenario: string;
  title: string;
  error: string;
}

export async function httpBenchmarks(
  scenarios: Scenario[],
  s: HttpSettings,
): Promise<{ results: HttpResult[]; failures: HttpFailure[] }> {
  const wrk = ensureWrk();
  const settings: LoadSettings = { wrk, threads: s.threads, connections: s.connections, seconds: s.seconds };
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-'));
  await fs.chmod(dataDir, 0o755);
  const logFile = path.join(dataDir, 'server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    // every request comes from one address here: the public limit (per address) would answer 429
    RATE_LIMIT_PUBLIC: '0',
    JOBS_ENABLED: 'false',
  };
  // the default configuration: request logging at its default level, as JSON to a file
  delete env.LOG_LEVEL;
  delete env.LOG_FORMAT;
  const progress = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  progress(`starting the bench server (log: ${logFile})`);
  const plainStart = Child.start('bench/http/plain-server.ts', env, path.join(dataDir, 'plain.log'));
  const { child: server, ready } = await Child.start('bench/server.ts', env, logFile);
  const { child: plain, ready: plainReady } = await plainStart;
  const results: HttpResult[] = [];
  const failures: HttpFailure[] = [];
  try {
    const tokens = ready.tokens!;
    const base = `http://127.0.0.1:${ready.port}`;
    let n = 0;
    for (const scenario of scenarios) {
      const wanted = (r: HttpRoute) => !s.routes || s.routes.some((w) => r.title.includes(w));
      for (const route of (scenario.routes?.({ tokens }) ?? []).filter(wanted)) {
        try {
          const key = `r${n++}`;
          const fixture = await fetchRaw(ready.port, route);
          await server.send({ kind: 'same-bytes', key, fixture: toWire(fixture) });
          await plain.send({ kind: 'same-bytes', key, fixture: toWire(fixture) });
          const body = route.body === undefined ? undefined : JSON.stringify(route.body);
          const headers = { ...route.headers, ...(body ? { 'content-type': 'application/json' } : {}) };
          const req = { method: route.method, headers, body };
          progress(`${scenario.name}: ${route.title} (${fixture.body.length} bytes)`);
          const check = (what: string, r: LoadResult) => {
            if (r.bad || r.errors)
              throw new Error(`${route.title} (${what}): ${r.bad} bad answers, ${r.errors} socket errors`);
            return r;
          };
          // warm-up: a slow route may answer nothing in it
          await load({ ...settings, seconds: 1 }, { url: `${base}${route.path}`, ...req }).catch(
            () => undefined,
          );
          // what the warm-up left unanswered is not part of the next figure
          await settle(server.pid);
          const p = check(
            'plain',
            await load(settings, { url: `http://127.0.0.1:${plainReady.port}/${key}`, ...req }, plain.pid),
          );
          const f = check(
            'fixed',
            await load(settings, { url: `${base}/bench/same-bytes/${key}`, ...req }, server.pid),
          );
          const profiled = s.profile !== undefined && route.title.includes(s.profile);
          const profileFile = path.join(os.tmpdir(), `zanstat-bench-${key}.cpuprofile`);
          const r = check('route', await load(settings, { url: `${base}${route.path}`, ...req }, server.pid));
          await settle(server.pid);
          // The profile is of a load of its own, after the measured one: a profiler slows what it watches.
          if (profiled) {
            await server.send({ kind: 'profile-start' });
            await load(settings, { url: `${base}${route.path}`, ...req });
            await server.send({ kind: 'profile-stop', file: profileFile });
          }
          const v = verdictOf(p, f, r, route.goal);
          results.push({
            scenario: scenario.name,
            title: route.title,
            path: route.path,
            bytes: fixture.body.length,
            ...v,
            goal: route.goal,
            ...(profiled ? { profile: { file: profileFile, top: summariseProfile(profileFile) } } : {}),
          });
        } catch (err) {
          // A route that fails is reported as failed; the others are still measured.
          progress(`${scenario.name}: ${route.title}: ${(err as Error).message}`);
          failures.push({ scenario: scenario.name, title: route.title, error: (err as Error).message });
          await settle(server.pid);
        }
      }
    }
  } finally {
    await Promise.all([server.stop(), plain.stop()]);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  return { results, failures };
}
