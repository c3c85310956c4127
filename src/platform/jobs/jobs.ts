import PgBoss from 'pg-boss';
import type { Logger } from '../logging.js';

// Named, idempotent, scheduled jobs coordinated through PostgreSQL (pg-boss): a cron schedule is
// fired once across every instance, and a job runs on one worker at a time (singleton queues).
//
// A worker killed mid-job (kill -9, power loss) leaves its job `active`. On a shared database
// pg-boss retries it once its expiry passes (15 minutes by default). When this process is the only
// worker there can be (the embedded server's owner: `sole`), every active job at start is such
// an orphan, and it is put back in the queue at once rather than after its expiry.

export interface JobDefinition {
  /** a queue name, `module.job-name` */
  name: string;
  /** cron in Asia/Almaty time, or null for jobs sent on demand */
  cron: string | null;
  description: string;
  run(): Promise<unknown>;
}

export interface JobRunner {
  stop(): Promise<void>;
  /** run a job now, as the scheduler would (used by the CLI and tests) */
  send(name: string): Promise<string | null>;
}

export async function startJobs(
  connectionString: string,
  jobs: JobDefinition[],
  logger: Logger,
  opts: { work: boolean; schedule: boolean; pollingSeconds?: number; sole?: boolean },
): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    schedule: opts.schedule,
    supervise: true,
    max: 4,
  });
  boss.on('error', (err) => logger.error({ err }, 'job system error'));
  await boss.start();
  for (const job of jobs) {
    // `singleton`: at most one active job of a name, whatever the number of instances.
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'singleton',
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
    });
    if (opts.sole) await requeueOrphans(boss, job.name, logger);
    if (opts.schedule && job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Almaty' });
    if (opts.work) {
      await boss.work(job.name, { pollingIntervalSeconds: opts.pollingSeconds ?? 2 }, async () => {
        const started = Date.now();
        try {
          const result = await job.run();
          logger.info({ job: job.name, ms: Date.now() - started, result }, 'job done');
        } catch (err) {
          logger.error({ err, job: job.name }, 'job failed');
          throw err;
        }
      });
    }
  }
  return {
    send: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}

/**
 * Put the jobs left `active` by a dead worker back in the queue, in one statement (a crash midway
 * leaves them active, to be requeued at the next start): as a retry due now, counted as one at its
 * next fetch, and kept long enough that pg-boss's archiving does not drop it first.
 */
async function requeueOrphans(boss: PgBoss, name: string, logger: Logger): Promise<void> {
  const { rows } = (await boss.getDb().executeSql(
    `UPDATE pgboss.job
        SET state = 'retry', completed_on = NULL, start_after = now(),
            keep_until = GREATEST(keep_until, now() + interval '14 days')
      WHERE name = $1 AND state = 'active'
      RETURNING id`,
    [name],
  )) as { rows: { id: string }[] };
  if (rows.length)
    logger.warn(
      { job: name, ids: rows.map((r) => r.id) },
      'requeued a job left running by a previous worker',
    );
}
