// Composes the HTTP app and the jobs from the modules' routes and use cases. No business logic.
import { sql } from 'kysely';
import type { Config } from './platform/config.js';
import { DomainError } from './platform/errors/index.js';
import {
  createHttpServer,
  registerRouteAccess,
  registerServiceRoutes,
  type HttpApp,
} from './platform/http/index.js';
import { routeMatrix } from './authorization.js';
import type { JobDefinition } from './platform/jobs/index.js';
import { systemActor, type Deps } from './platform/usecase.js';
import { registerJournalRoutes, recordJournalVerification } from './modules/audit/index.js';
import {
  purgeExpiredChallenges,
  purgeExpiredSessions,
  registerAuthentication,
  registerAuthRoutes,
} from './modules/auth/index.js';
import { registerCatalogRoutes, registerObligationRoutes } from './modules/catalog/index.js';
import {
  loadDemonstrationFigures,
  loadShippedFigures,
  registerStatisticsRoutes,
  storeHoldsOnlyShippedData,
} from './modules/statistics/index.js';
import { registerWebRoutes } from './modules/web/index.js';
import { outboxSettings, registerOutboxRoutes } from './modules/outbox/index.js';
import { buildDueCollections, registerCollectionRoutes } from './modules/collections/index.js';
import {
  registerIntakeRoutes,
  registerLetterRoutes,
  registerRequestRoutes,
  remindOfTerms,
} from './modules/requests/index.js';
import { signatureVerifierOf } from './modules/pki/index.js';
import {
  rebuildResources,
  registerCkanRoutes,
  registerDcatRoutes,
  registerOpenDataRoutes,
} from './modules/opendata/index.js';
import {
  loadOfficialListsJob,
  registerPersonsRoutes,
  registerRegisterRoutes,
} from './modules/registers/index.js';
import {
  announceReleases,
  publishShippedFigures,
  recordLateReleases,
  registerPublicRoutes,
  registerStaffRoutes,
} from './modules/publishing/index.js';

export interface BuildOptions {
  /** adds routes before the app is sealed (the benchmarks' baseline route) */
  beforeReady?: (app: HttpApp) => void | Promise<void>;
}

export async function buildHttpApp(deps: Deps, config: Config, version: string, options: BuildOptions = {}) {
  const { app, metrics } = await createHttpServer({ config, logger: deps.logger, version });
  // who may call each route: the actor first (authentication), then the matrix, then the routes
  registerAuthentication(app, deps);
  registerRouteAccess(app, routeMatrix);
  registerServiceRoutes(app, metrics, async () => {
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch {
      throw new DomainError('unavailable', 'database_unavailable', 'The database is not reachable.');
    }
  });
  const signatures = await signatureVerifierOf(config);
  registerAuthRoutes(app, deps, config, signatures);
  registerJournalRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerObligationRoutes(app, deps, config);
  registerStatisticsRoutes(app, deps);
  registerPublicRoutes(app, deps, config);
  registerStaffRoutes(app, deps, config);
  registerRequestRoutes(app, deps, config, metrics);
  registerLetterRoutes(app, deps, config, outboxSettings(config));
  registerIntakeRoutes(app, deps, config, signatures);
  registerRegisterRoutes(app, deps);
  registerPersonsRoutes(app, deps, config);
  registerCkanRoutes(app, deps, config, version);
  registerDcatRoutes(app, deps, config);
  registerOpenDataRoutes(app, deps, config, metrics);
  registerOutboxRoutes(app, deps, outboxSettings(config));
  registerCollectionRoutes(app, deps, outboxSettings(config), metrics, config.lateFromPeriod);
  registerWebRoutes(app, deps, config);
  await options.beforeReady?.(app);
  await app.ready();
  return app;
}

export function jobsOf(deps: Deps, config: Config): JobDefinition[] {
  const announce = async (name: string) => {
    const actor = systemActor(name);
    const settings = { horizonMonths: config.releaseHorizonMonths, lateFromPeriod: config.lateFromPeriod };
    const announced = await announceReleases(deps, actor, settings);
    const late = await recordLateReleases(deps, actor, { lateFromPeriod: config.lateFromPeriod });
    return { ...announced, ...late };
  };
  return [
    {
      name: 'publishing.announce-releases',
      cron: '5 0 * * *',
      description:
        'Announce the releases of the next months on the legal schedule, and record the releases that missed their due day.',
      run: () => announce('publishing.announce-releases'),
    },
    {
      name: 'opendata.rebuild-resources',
      cron: '* * * * *',
      description:
        "Build the open datasets' resources (each period's main table as CSV, XLSX, JSON-stat, and the DataStore) from the publications they were not yet built from: a new release or a revision.",
      run: () => rebuildResources(deps),
    },
    {
      name: 'requests.remind-terms',
      cron: '15 8 * * 1-5',
      description:
        'Journal a reminder for each open request whose term ends within three working days (or has ended), once per term.',
      run: () => remindOfTerms(deps, systemActor('requests.remind-terms'), { workingDays: 3 }),
    },
    {
      name: 'collections.build-due',
      cron: '25 * * * *',
      description:
        'Build each collection of the last two quarters whose forms are all published (a new version when one was revised), and put a copy for each recipient in the outbox.',
      run: () => buildDueCollections(deps, systemActor('collections.build-due'), outboxSettings(config)),
    },
    {
      name: 'auth.purge-sessions',
      cron: '17 3 * * *',
      description: 'Delete expired and ended sessions.',
      run: () => purgeExpiredSessions(deps, systemActor('auth.purge-sessions'), undefined),
    },
    {
      name: 'auth.purge-challenges',
      cron: '23 * * * *',
      description:
        'Delete the certificate sign-in challenges whose five minutes have passed, and the failed passwords that have left the throttling window.',
      run: () =>
        purgeExpiredChallenges(deps, systemActor('auth.purge-challenges'), {
          failureWindowMinutes: config.signInWindowMinutes,
        }),
    },
    {
      name: 'audit.verify-journal',
      cron: '47 2 * * *',
      description: 'Recompute the log journal hash chain and journal the result.',
      run: () => recordJournalVerification(deps, systemActor('audit.verify-journal'), undefined),
    },
    {
      name: 'statistics.load-official-figures',
      cron: null,
      description:
        'On a store with no submitted figures, load (or finish loading) the real published figures that ship with zanstat (seed/official).',
      run: async () => {
        // Resumable: (form, period) pairs that already hold figures are skipped.
        if (!(await storeHoldsOnlyShippedData(deps.db)))
          return 'figures have been submitted: nothing is added';
        const log = (message: string) =>
          deps.logger.info({ job: 'statistics.load-official-figures' }, message);
        const official = await loadShippedFigures(deps, undefined, log);
        const synthetic = config.demonstrationFigures
          ? await loadDemonstrationFigures(deps, {}, log)
          : { submissions: 0, revisions: 0 };
        // Loaded figures are published history: released now by the system, marked imported.
        const published = await publishShippedFigures(
          deps,
          systemActor('statistics.load-official-figures'),
          undefined,
        );
        log(`published ${published.published} releases of the shipped figures`);
        // The calendar first (a second or two): the open datasets' resources take minutes, and
        // until the announcement the portal would show no coming release at all.
        const announced = await announce('statistics.load-official-figures');
        log(`announced ${announced.announced} coming releases`);
        const openData = await rebuildResources(deps, 'statistics.load-official-figures');
        log(`built the resources of ${openData.built.length} open datasets`);
        return { official, synthetic, published, ...announced };
      },
    },
    loadOfficialListsJob(deps),
  ];
}
