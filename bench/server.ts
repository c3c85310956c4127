// The service as the benchmarks measure it: the same app as `zanstat serve` (web role), rate
// limits off, with one auditor token for the routes that need an actor. Prints one JSON line.
import { buildHttpApp } from '../src/app.js';
import { openRuntime } from '../src/cli/runtime.js';
import { systemActor } from '../src/platform/usecase.js';
import { version } from '../src/platform/version.js';
import { createToken } from '../src/modules/auth/index.js';

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
const app = await buildHttpApp(rt.deps, { ...rt.config, logLevel: 'warn' }, version);
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
