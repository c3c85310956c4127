// A PostgreSQL 15 cluster of the benchmark's own (Debian's, as CI installs it): a temporary data
// directory on a free loopback port, trust authentication, run as the `postgres` user when the
// benchmark runs as root. Stopped and removed at the end.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PG15 = '/usr/lib/postgresql/15/bin';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  url: string;
  stop(): void;
}

export async function startPostgres15(): Promise<Cluster> {
  if (!fs.existsSync(path.join(PG15, 'postgres')))
    throw new Error(`PostgreSQL 15 is not installed (${PG15}): apt-get install postgresql-15`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-pg15-'));
  const data = path.join(dir, 'data');
  const root = process.getuid?.() === 0;
  if (root) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  const as = (bin: string, args: string[]) =>
    execFileSync(
      root ? 'runuser' : path.join(PG15, bin),
      root ? ['-u', 'postgres', '--', path.join(PG15, bin), ...args] : args,
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  as('initdb', ['-D', data, '-U', 'zanstat', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
  as('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'postgres.log'), '-w', 'start']);
  return {
    url: `postgres://zanstat@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
