// The README's commands, as written: its fenced `sh` blocks are read from README.md and run in
// a copy of the checkout with a fresh embedded database, as a stranger would run them after
// cloning. `npm install` is what made this checkout and `npm test` is what runs this test: those
// two are the only lines not run (the test fails on any other line it does not know).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/platform/db/embedded.js';

/** The commands of each `sh` block, a line continued by `\` joined to the next. */
export function readmeBlocks(markdown: string): string[][] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  return blocks.map((b) =>
    b
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .filter((l) => l.trim() !== ''),
  );
}

const repo = path.resolve('.');
let copy = '';
let server: ChildProcess | null = null;

/** Our environment without the settings the README does not set: the defaults apply. */
function readerEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'HOST', 'LOG_LEVEL']) delete env[key];
  return env;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The checkout as a fresh clone holds it (tracked and new files, no data), its node_modules linked. */
function copyCheckout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-readme-'));
  fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .stdout.split('\0')
    .filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(repo, f))) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(repo, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  const pidFile = path.join(copy, 'data', 'pg', 'postmaster.pid');
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

// What each staff command prints when it did its work.
const expected: [command: RegExp, output: RegExp][] = [
  [/zanstat user add/, /user admin added \(admin, committee\)/],
  [/zanstat journal verify/, /the log journal is intact/],
  [/zanstat due 1-М 2024-03/, /^2024-04-\d\d {2}1-М/m],
  [/zanstat token create/, /^zst_\S+$/m],
  [/zanstat import/, /1 of 1 file\(s\) imported/],
  [/zanstat export .*--out/, /written to \/.*\/1-m\.xlsx/],
];

describe.skipIf(Boolean(process.env.DATABASE_URL))("the README's commands", () => {
  it('run as written on a fresh clone and do what they say', async () => {
    const [run, ...staff] = readmeBlocks(fs.readFileSync('README.md', 'utf8'));
    expect(run).toEqual([
      expect.stringMatching(/^npm install && npm start\b/),
      expect.stringMatching(/^npm test\b/),
    ]);
    copy = copyCheckout();
    const port = await freePort();
    // `npm start`, on a free port rather than 8080 (which another program may hold)
    server = spawn('npm', ['start'], {
      cwd: copy,
      env: readerEnv(port),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    server.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    server.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 'npm start', 120_000);
    // the shipped figures are published in the background, as the README says
    await waitFor(
      async () => (await fetch(`${base}/api/v1/forms/1-m/tables/2022-12?section=R1`)).ok,
      'the shipped figures published',
      600_000,
    );
    // the start says where to open it, and how to make the first administrator
    expect(log).toContain(`is serving at http://127.0.0.1:${port}/`);
    expect(log).toContain('no administrator yet; create one with: echo');
    const before = fs.readdirSync(copy).sort();

    const seen = new Set<RegExp>();
    for (const block of staff) {
      const script = block.join('\n');
      const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
        cwd: copy,
        env: readerEnv(port),
        encoding: 'utf8',
        timeout: 300_000,
      });
      const output = r.stdout + r.stderr;
      expect(r.status, `${script}\n${output}\n--- the service:\n${log.slice(-3000)}`).toBe(0);
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      for (const [command, out] of expected)
        if (command.test(script)) {
          expect(output, script).toMatch(out);
          seen.add(command);
        }
    }
    expect([...seen].length, 'every staff command of the README was checked').toBe(expected.length);
    // nothing was written into the checkout's root (the database is in ./data/)
    expect(fs.readdirSync(copy).sort()).toEqual(before);
  }, 900_000);
});
