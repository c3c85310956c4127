// The service as the benchmarks measure it: the same app as `zanstat serve` (web role), rate
// limits off, with one auditor token for the routes that need an actor and the real 1-М of 2022
// published. Prints one JSON line when it listens.
import { buildHttpApp } from '../src/app.js';
import { openRuntime } from '../src/cli/runtime.js';
import { systemActor } from '../src/platform/usecase.js';
import { version } from '../src/platform/version.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createToken } from '../src/modules/auth/index.js';
import { publishShippedFigures } from '../src/modules/publishing/index.js';
import { loadShippedFigures, shippedFiguresDir } from '../src/modules/statistics/index.js';

const rt = await openRuntime('owner', 'warn');
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
const token = await createToken(rt.deps, systemActor('bench'), {
  name: 'bench auditor',
  organisationId: 'bench',
  role: 'auditor',
  validDays: 1,
});
// A published table to serve: the real 1-М of 2022 (the shipped figures), published as on a
// fresh start. The baseline route answers the very bytes the published route sends, from memory,
// through the same server, plugins and hooks, doing nothing else.
const seed = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-seed-'));
await fs.copyFile(path.join(shippedFiguresDir, '1-m.csv.gz'), path.join(seed, '1-m.csv.gz'));
await loadShippedFigures(rt.deps, seed);
await publishShippedFigures(rt.deps, systemActor('bench'), undefined);
await fs.rm(seed, { recursive: true, force: true });
const sameBytes = new Map<string, { type: string; body: Buffer }>();
const app = await buildHttpApp(rt.deps, { ...rt.config, logLevel: 'warn' }, version, {
  beforeReady: (a) => {
    a.get('/bench/same-bytes/:format', { compress: false }, async (req, reply) => {
      const b = sameBytes.get((req.params as { format: string }).format);
      return reply.type(b!.type).send(b!.body);
    });
  },
});
for (const format of ['json', 'json-stat', 'xlsx']) {
  const res = await app.inject(`/api/v1/forms/1-m/tables/2022-12?section=R1&format=${format}`);
  if (res.statusCode !== 200)
    throw new Error(`published ${format}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  sameBytes.set(format, { type: String(res.headers['content-type']), body: res.rawPayload });
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
console.log(JSON.stringify({ port: address.port, token: token.secret }));
const stop = async () => {
  await app.close();
  await rt.database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
