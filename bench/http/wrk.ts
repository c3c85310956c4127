// The load generator: wrk (Debian's package), which counts the bytes of each answer and never
// decodes them, so that the client is not what is measured. Installed with apt-get when missing.
// Each run also reports how much CPU wrk itself spent (the runner's reaped children, from
// /proc/self/stat) and how much the server spent (/proc/<pid>/stat): the generator's ceiling on
// those bytes is what wrk would reach with a whole core to itself.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export function ensureWrk(): string {
  const found = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));
  if (found) return found;
  process.stderr.write('[bench] wrk is missing: apt-get install wrk\n');
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['install', '-y', '-qq', 'wrk']);
  } catch {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'wrk']);
  }
  return '/usr/bin/wrk';
}

/** CPU seconds of a process (user + system), or of the reaped children of this one. */
function cpuSeconds(pid: number | 'children'): number {
  const stat = fs.readFileSync(`/proc/${pid === 'children' ? 'self' : pid}/stat`, 'utf8');
  // fields after the command (which may hold spaces): state is field 3
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = [f[11], f[12], f[13], f[14]].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return (pid === 'children' ? cutime + cstime : utime + stime) / TICKS;
}

/**
 * Waits until the process `pid` is idle (under a tenth of a core over a quarter of a second), at
 * most `maxMs`: a slow route's requests that wrk left unanswered at the end of its run are still
 * being worked on by the server, and would otherwise be measured as part of the next run.
 */
export async function settle(pid: number, maxMs = 120_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (cpuSeconds(pid) - before < 0.025 || performance.now() - t0 > maxMs) return performance.now() - t0;
  }
}

export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** answers that were not 2xx or 3xx, and socket errors */
  bad: number;
  errors: number;
  /** cores the generator and the server used on average (1 = one core all the time) */
  clientCores: number;
  serverCores: number | null;
}

const toMs = (v: string, unit: string): number =>
  Number(v) * (unit === 'us' ? 0.001 : unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);

export function parseWrk(out: string): Omit<LoadResult, 'clientCores' | 'serverCores'> {
  const latency = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    if (!m) throw new Error(`wrk printed no ${p}th percentile:\n${out}`);
    return toMs(m[1]!, m[2]!);
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const total = /^\s*(\d+) requests in/m.exec(out);
  if (!rps || !total) throw new Error(`wrk's output is not understood:\n${out}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: Math.round(Number(rps[1])),
    latencyP50Ms: latency('50'),
    latencyP99Ms: latency('99'),
    requests: Number(total[1]),
    bad: non2xx,
    errors: socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}

export interface LoadSettings {
  wrk: string;
  threads: number;
  connections: number;
  seconds: number;
}

let scriptNo = 0;
/** One wrk run against `req`; `serverPid` is the process whose CPU is reported. */
export async function load(s: LoadSettings, req: LoadRequest, serverPid?: number): Promise<LoadResult> {
  const args = ['-t', String(s.threads), '-c', String(s.connections), '-d', `${s.seconds}s`];
  args.push('--latency', '--timeout', '10s');
  let script: string | null = null;
  if (req.method === 'POST' || req.headers) {
    // A Lua script for the method, headers and body: wrk sends the same request every time. Each
    // string in long brackets, which Lua takes byte for byte (no escapes).
    script = path.join(os.tmpdir(), `zanstat-wrk-${process.pid}-${scriptNo++}.lua`);
    const str = (x: string) => `[==[${x}]==]`;
    const lua = [`wrk.method = ${str(req.method ?? 'GET')}`];
    for (const [k, v] of Object.entries(req.headers ?? {})) lua.push(`wrk.headers[ ${str(k)} ] = ${str(v)}`);
    if (req.body !== undefined) lua.push(`wrk.body = ${str(req.body)}`);
    fs.writeFileSync(script, `${lua.join('\n')}\n`);
    args.push('-s', script);
  }
  args.push(req.url);
  const client0 = cpuSeconds('children');
  const server0 = serverPid ? cpuSeconds(serverPid) : 0;
  const t0 = performance.now();
  try {
    const { stdout, stderr } = await run(s.wrk, args, { maxBuffer: 1 << 20 });
    const wall = (performance.now() - t0) / 1000;
    const r = parseWrk(stdout);
    if (r.requests === 0) throw new Error(`wrk made no request to ${req.url}: ${stderr}`);
    return {
      ...r,
      clientCores: Number(((cpuSeconds('children') - client0) / wall).toFixed(2)),
      serverCores: serverPid ? Number(((cpuSeconds(serverPid) - server0) / wall).toFixed(2)) : null,
    };
  } finally {
    if (script) fs.rmSync(script, { force: true });
  }
}
