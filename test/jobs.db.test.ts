// Jobs run through pg-boss on the real database, act as the system actor, and are journaled;
// two instances share one schedule per job, so a scheduled job is fired once, not once each.
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobsOf } from '../src/app.js';
import { startJobs, type JobRunner } from '../src/platform/jobs/index.js';
import { createTestApp, createUser, signInAs, type TestContext } from './support/test-app.js';

let t: TestContext;
const runners: JobRunner[] = [];
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const r of runners) await r.stop();
  await t.close();
});

it('runs a scheduled job as the system actor, journaled, once across two instances', async () => {
  await createUser(t, 'leaving.soon', 'editor');
  await signInAs(t, 'leaving.soon');
  t.clock.advance(48 * 3_600_000); // the session has expired by law time
  const logger = pino({ level: 'silent' });
  runners.push(
    await startJobs(t.url, jobsOf(t.deps, t.config), logger, {
      work: true,
      schedule: true,
      pollingSeconds: 0.5,
    }),
  );
  runners.push(
    await startJobs(t.url, jobsOf(t.deps, t.config), logger, {
      work: true,
      schedule: true,
      pollingSeconds: 0.5,
    }),
  );

  const schedules = await sql<{
    name: string;
    n: number;
  }>`SELECT name, count(*)::int AS n FROM pgboss.schedule GROUP BY name ORDER BY name`.execute(t.db);
  expect(schedules.rows).toEqual([
    { name: 'audit.verify-journal', n: 1 },
    { name: 'auth.purge-sessions', n: 1 },
    { name: 'collections.build-due', n: 1 },
    { name: 'publishing.announce-releases', n: 1 },
    { name: 'requests.remind-terms', n: 1 },
  ]);

  await runners[0]!.send('auth.purge-sessions');
  const until = Date.now() + 20_000;
  let entry;
  while (Date.now() < until) {
    entry = await t.db
      .selectFrom('journal')
      .selectAll()
      .where('action', '=', 'auth.sessions.purged')
      .executeTakeFirst();
    if (entry) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(entry).toMatchObject({
    actor_kind: 'system',
    actor_id: 'auth.purge-sessions',
    summary: { purged: 1 },
  });
  expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
}, 40_000);

it('puts a job left active by a killed worker back in the queue when it is the sole worker', async () => {
  const logger = pino({ level: 'silent' });
  let runs = 0;
  const job = {
    name: 'test.orphaned',
    cron: null,
    description: 'A job whose first worker died mid-run.',
    run: async () => void (runs += 1),
  };
  // The first worker takes the job and dies with it: the job stays `active`.
  const dead = await startJobs(t.url, [job], logger, { work: false, schedule: false });
  const id = await dead.send(job.name);
  await dead.stop();
  await sql`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = ${id}::uuid`.execute(t.db);

  // A worker that shares the database leaves it to pg-boss's expiry …
  const shared = await startJobs(t.url, [job], logger, { work: true, schedule: false, pollingSeconds: 0.5 });
  runners.push(shared);
  const stateOf = async () =>
    (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${id}::uuid`.execute(t.db)).rows[0]!
      .state;
  expect(await stateOf()).toBe('active');

  // … the sole worker (the embedded server's owner) requeues it at start, and it runs once.
  runners.push(
    await startJobs(t.url, [job], logger, { work: true, schedule: false, pollingSeconds: 0.5, sole: true }),
  );
  const until = Date.now() + 20_000;
  while (Date.now() < until && (await stateOf()) !== 'completed')
    await new Promise((r) => setTimeout(r, 100));
  expect(await stateOf()).toBe('completed');
  expect(runs).toBe(1);
}, 40_000);
