// The service as the benchmarks measure it: the same app as `zanstat serve` (web role) at the
// default configuration — request logging on (to wherever the runner sends standard output, a
// file) — with rate limits off, one auditor token for the routes that need an actor, the real 1-М
// of 2022 published, and what each scenario prepares (bench/scenarios.ts). Talks to the runner
// over IPC: says `ready` with its port and token; takes `same-bytes` fixtures, which its route
// /bench/same-bytes/:key answers from memory through the same server, plugins and hooks, doing
// nothing else (the framework baseline); `profile-start` / `profile-stop` take a CPU profile of
// the load between them (node:inspector), written where the runner says.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { buildHttpApp } from '../src/app.js';
import { openRuntime } from '../src/cli/runtime.js';
import { systemActor } from '../src/platform/usecase.js';
import { version } from '../src/platform/version.js';
import { createToken } from '../src/modules/auth/index.js';
import { publishShippedFigures } from '../src/modules/publishing/index.js';
import { loadShippedFigures, shippedFiguresDir } from '../src/modules/statistics/index.js';
import { fromWire, type Fixture, type ToServer } from './http/fixtures.js';
import { scenarios } from './scenarios.js';

const rt = await openRuntime('owner');
await rt.deps.db
  .insertInto('organisations')
  .values({
    id: 'bench',
    kind: 'authority',
    name_kk: 'bench',
    name_ru: 'bench',
    name_en: 'bench',
    parent_id: null,
    origin: 'admin',
    created_at: rt.deps.clock.now(),
  })
  .onConflict((oc) => oc.column('id').doNothing())
  .execute();
const tokenOf = async (role: 'auditor' | 'editor') =>
  (
    await createToken(rt.deps, systemActor('bench'), {
      name: `bench ${role}`,
      organisationId: 'bench',
      role,
      validDays: 1,
    })
  ).secret;
const tokens = { auditor: await tokenOf('auditor'), editor: await tokenOf('editor') };
// The real 1-М of 2022 (the shipped figures), published as on a fresh start.
const seed = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-seed-'));
await fs.copyFile(path.join(shippedFiguresDir, '1-m.csv.gz'), path.join(seed, '1-m.csv.gz'));
await loadShippedFigures(rt.deps, seed);
await publishShippedFigures(rt.deps, systemActor('bench'), undefined);
await fs.rm(seed, { recursive: true, force: true });
for (const s of scenarios) await s.prepare?.(rt.deps, rt.config);

const sameBytes = new Map<string, Fixture>();
const app = await buildHttpApp(rt.deps, rt.config, version, {
  beforeReady: (a) => {
    a.route({
      method: ['GET', 'POST'],
      url: '/bench/same-bytes/:key',
      config: { compress: false },
      schema: { hide: true },
      handler: async (req, reply) => {
        const f = sameBytes.get((req.params as { key: string }).key)!;
        if (f.encoding) reply.header('content-encoding', f.encoding);
        return reply.code(f.status).type(f.type).send(f.body);
      },
    });
  },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };

let session: Session | null = null;
process.on('message', (m: ToServer) => {
  void (async () => {
    if (m.kind === 'same-bytes') {
      sameBytes.set(m.key, fromWire(m.fixture));
    } else if (m.kind === 'profile-start') {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    } else if (m.kind === 'profile-stop' && session) {
      const { profile } = await session.post('Profiler.stop');
      await fs.writeFile(m.file, JSON.stringify(profile));
      session.disconnect();
      session = null;
    }
    process.send!({ kind: 'done', id: m.id });
  })();
});
process.send!({ kind: 'ready', port: address.port, tokens });

const stop = async () => {
  await app.close();
  await rt.database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop());
