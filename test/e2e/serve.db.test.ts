// The service as its users run it: `zanstat serve` over the embedded PostgreSQL, a CLI command
// joining the running server, a second serve refused, and `kill -9` survived with every
// acknowledged write.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/platform/db/embedded.js';

// The command as users run it (`npx zanstat`): node with tsx's loader in the same process. The tsx
// CLI would stand between the test and the service and relay signals itself, killing a child that
// does not answer its relay within 30 ms.
const zanstatBin = path.resolve('bin/zanstat.js');
const children: ChildProcess[] = [];
let dataDir = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function zanstat(args: string[], env: Record<string, string>, input?: string) {
  const child = spawn(process.execPath, [zanstatBin, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  if (input !== undefined) child.stdin.end(input);
  else child.stdin.end();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  await fs.rm(dataDir, { recursive: true, force: true });
});

// The embedded path only: skipped in the run against an external server (DATABASE_URL).
describe.skipIf(Boolean(process.env.DATABASE_URL))('zanstat serve on the embedded PostgreSQL', () => {
  it('serves, joins the CLI, refuses a second owner, survives kill -9, and stops cleanly', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-e2e-'));
    await fs.chmod(dataDir, 0o755);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1' };

    const first = zanstat(['serve'], env);
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 'the first start (initdb included)');
    // The official lists go into their registers at start (the job registers.load-official-lists).
    const listed = async () =>
      (
        (await (
          await fetch(`${base}/api/v1/registers/extremist-religious-materials?on=2025-03-26`)
        ).json()) as {
          total?: number;
        }
      ).total;
    await waitFor(async () => (await listed()) === 877, 'the official lists loaded at start');

    const second = zanstat(['serve'], { ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`the data directory ${dataDir} is in use by zanstat process`);

    // The CLI joins the running server; the first admin is created by it, never by a default.
    const bad = zanstat(
      [
        'user',
        'add',
        '--login',
        'first.admin',
        '--name',
        'First Admin',
        '--role',
        'admin',
        '--org',
        'nowhere',
        '--password-stdin',
      ],
      env,
      'a long enough passphrase\n',
    );
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('/organisationId: No organisation "nowhere".');
    const add = zanstat(
      [
        'user',
        'add',
        '--login',
        'first.admin',
        '--name',
        'First Admin',
        '--role',
        'admin',
        '--org',
        'committee',
        '--password-stdin',
      ],
      env,
      'a long enough passphrase\n',
    );
    expect(await add.exited, add.output()).toBe(0);

    // Acknowledged writes through the API: a session, and a token created with it.
    const signIn = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'first.admin', password: 'a long enough passphrase' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const created = await fetch(`${base}/api/v1/admin/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'reporting system', organisationId: 'committee', role: 'subject' }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: { id: string } };

    const ownerPid = JSON.parse(await fs.readFile(path.join(dataDir, 'owner.lock'), 'utf8')).pid as number;
    const verify = zanstat(['journal', 'verify', '--json'], env);
    expect(await verify.exited).toBe(0);
    const before = JSON.parse(verify.output().trim().split('\n').at(-1)!) as { checked: number };

    process.kill(ownerPid, 'SIGKILL'); // the service's own process
    await first.exited;
    await waitFor(async () => !isAlive(ownerPid), 'the killed owner to go');
    const pgPid = Number(
      (await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    expect(isAlive(pgPid), 'postgres outlives its killed owner').toBe(true);

    const third = zanstat(['serve'], env);
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 'the restart after kill -9');
    expect(third.output()).toContain('stopping a PostgreSQL server left running by a previous owner');
    expect(isAlive(pgPid)).toBe(false);

    const again = zanstat(['journal', 'verify', '--json'], env);
    expect(await again.exited).toBe(0);
    // The shipped figures load in the background (and resume after the restart), so the journal
    // may have grown; it holds everything acknowledged before the kill, intact.
    const after = JSON.parse(again.output().trim().split('\n').at(-1)!) as { ok: boolean; checked: number };
    expect(after.ok).toBe(true);
    expect(after.checked).toBeGreaterThanOrEqual(before.checked);

    // Every acknowledged write is there: the session still works, the token is listed.
    const tokens = await fetch(`${base}/api/v1/admin/tokens`, { headers: { cookie } });
    expect(tokens.status).toBe(200);
    expect(((await tokens.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(token.id);

    // The shipped figures finish loading after the restart and are published: the real 1-М of
    // 2022 on the public API and on the portal's page, the republic as the sum of the regions.
    const table = `${base}/api/v1/forms/1-m/tables/2022-12?section=R1&region=00`;
    await waitFor(async () => (await fetch(table)).status === 200, 'the shipped figures published', 600_000);
    const republic = (await (await fetch(table)).json()) as {
      columns: { kind: string; values: Record<string, (number | null)[]> }[];
    };
    expect(republic.columns[0]).toMatchObject({ kind: 'derived' });
    expect(republic.columns[0]!.values['1']![1]).toBe(155_200);
    const page = await fetch(`${base}/kk/forms/1-m?period=2022-12`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('155\u00a0200');

    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    await expect(fs.access(path.join(dataDir, 'owner.lock'))).rejects.toThrow();
  }, 900_000);
});
