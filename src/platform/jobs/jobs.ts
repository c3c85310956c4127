import PgBoss from 'pg-boss';
import type { Logger } from '../logging.js';

// Named, idempotent, scheduled jobs coordinated through PostgreSQL (pg-boss): a cron schedule is
// fired once across every instance, and a job runs on one worker at a time (singleton queues).

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
  opts: { work: boolean; schedule: boolean; pollingSeconds?: number },
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
    // `singleton`: at most one queued or active job of a name, whatever the number of instances.
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'singleton',
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
    });
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
