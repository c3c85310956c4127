import { UsageError } from './usage-error.js';
import { buildHttpApp, jobsOf } from '../app.js';
import { storeHoldsOnlyShippedData } from '../modules/statistics/index.js';
import { startPublisher, type Publisher } from '../modules/publishing/index.js';
import { outboxSettings, startOutboxWorker, type OutboxWorker } from '../modules/outbox/index.js';
import { startJobs, type JobRunner } from '../platform/jobs/index.js';
import { version } from '../platform/version.js';
import { openRuntime } from './runtime.js';

/** `zanstat serve [--role all|web|worker]`: the portal and API, the job worker, or both. */
export async function serve(roleFlag: string | undefined): Promise<void> {
  const rt = await openRuntime('owner');
  const role = (roleFlag ?? rt.config.role) as 'all' | 'web' | 'worker';
  if (!['all', 'web', 'worker'].includes(role))
    throw new UsageError(`--role must be all, web or worker, not "${role}"`);
  const { logger } = rt;
  let jobs: JobRunner | null = null;
  let publisher: Publisher | null = null;
  let outbox: OutboxWorker | null = null;
  let http: Awaited<ReturnType<typeof buildHttpApp>> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await http?.close().catch((err: unknown) => logger.error({ err }, 'closing HTTP failed'));
    await publisher?.stop();
    await outbox?.stop();
    await jobs?.stop().catch((err: unknown) => logger.error({ err }, 'stopping jobs failed'));
    await rt.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    if (role !== 'web' && rt.config.jobsEnabled) {
      jobs = await startJobs(rt.database.url, jobsOf(rt.deps, rt.config), logger, {
        work: true,
        schedule: true,
        // The embedded server has one owner: a job still active at start lost its worker.
        sole: rt.database.embedded !== null,
      });
      // Embargoes lift to the second: the publisher looks every tick, not every cron minute.
      publisher = startPublisher(rt.deps, { tickMs: rt.config.publisherTickMs });
      // The outbox sends what committed transactions enqueued (collections, replies).
      outbox = startOutboxWorker(rt.deps, outboxSettings(rt.config));
      // A store no one has submitted to gets the figures that ship with zanstat, in the background
      // (an interrupted load resumes: what is there is skipped).
      if (await storeHoldsOnlyShippedData(rt.deps.db)) await jobs.send('statistics.load-official-figures');
      else await jobs.send('publishing.announce-releases');
    }
    if (role !== 'worker') {
      http = await buildHttpApp(rt.deps, rt.config, version);
      await http.listen({ port: rt.config.port, host: rt.config.host });
    }
    logger.info({ role, version, embedded: rt.database.embedded !== null }, 'zanstat is serving');
  } catch (err) {
    logger.error({ err }, 'start failed');
    await publisher?.stop();
    await outbox?.stop();
    await jobs?.stop().catch(() => undefined);
    await rt.database.close();
    throw err;
  }
}
