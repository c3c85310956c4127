import { UsageError } from './usage-error.js';
import { buildHttpApp, jobsOf } from '../app.js';
import { storeHoldsOnlyShippedData } from '../modules/statistics/index.js';
import { startPublisher, type Publisher } from '../modules/publishing/index.js';
import { LOAD_OFFICIAL_LISTS_JOB } from '../modules/registers/index.js';
import { outboxSettings, startOutboxWorker, type OutboxWorker } from '../modules/outbox/index.js';
import { startJobs, type JobRunner } from '../platform/jobs/index.js';
import { version } from '../platform/version.js';
import { listUsers } from '../modules/auth/index.js';
import { systemActor } from '../platform/usecase.js';
import { openRuntime, type Runtime } from './runtime.js';

/** The address a person opens: every interface is reached on this machine as localhost. */
export function addressToOpen(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}/`;
}

export const firstAdminCommand =
  'echo \'a long passphrase\' | npx zanstat user add --login admin --name "Administrator" --role admin --org committee --password-stdin';

/** The start banner: where to open it, and the next step while there is no administrator. */
async function announceStart(rt: Runtime, role: string, url: string | null): Promise<void> {
  const { logger } = rt;
  const embedded = rt.database.embedded !== null;
  const where = embedded ? `, embedded PostgreSQL in ${rt.config.dataDir}` : '';
  logger.info(
    { url },
    url
      ? `zanstat ${version} is serving at ${url} (${role}${where})`
      : `zanstat ${version} is working (${role}${where})`,
  );
  const users = await listUsers(rt.deps, systemActor('start'), undefined);
  if (!users.some((u) => u.role === 'admin' && u.active))
    logger.warn({ next: firstAdminCommand }, `no administrator yet; create one with: ${firstAdminCommand}`);
}

/** How long a stop may take before the process exits anyway (the jobs are given 20 s of it). */
const STOP_DEADLINE_MS = 45_000;

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
    // A signal repeated while stopping (a supervisor's or a terminal's second one) waits for the
    // first stop instead of killing it half-way.
    if (stopping) return logger.info({ signal }, 'already stopping');
    stopping = true;
    logger.info({ signal }, 'stopping');
    // a stop that hangs (a connection that never closes, a job that never ends) does not keep the
    // process: after STOP_DEADLINE_MS it exits with a failure, and says so
    setTimeout(() => {
      logger.error({ signal, afterMs: STOP_DEADLINE_MS }, 'stopping did not finish in time; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await http?.close().catch((err: unknown) => logger.error({ err }, 'closing HTTP failed'));
    await publisher?.stop();
    await outbox?.stop();
    await jobs?.stop().catch((err: unknown) => logger.error({ err }, 'stopping jobs failed'));
    await rt.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
      // The official lists go into the registers that have none yet (registers/shipped-lists.ts).
      await jobs.send(LOAD_OFFICIAL_LISTS_JOB);
    }
    if (role !== 'worker') {
      http = await buildHttpApp(rt.deps, rt.config, version);
      await http.listen({ port: rt.config.port, host: rt.config.host });
    }
    await announceStart(rt, role, http ? addressToOpen(rt.config.host, rt.config.port) : null);
  } catch (err) {
    logger.error({ err }, 'start failed');
    await publisher?.stop();
    await outbox?.stop();
    await jobs?.stop().catch(() => undefined);
    await rt.database.close();
    throw err;
  }
}
