import { systemClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import {
  migrateToLatest,
  openDatabase,
  pendingMigrations,
  type DatabaseHandle,
} from '../platform/db/index.js';
import { createLogger, type Logger } from '../platform/logging.js';
import type { Deps } from '../platform/usecase.js';
import { PendingMigrationsError } from './usage-error.js';
import { journalWriter } from '../modules/audit/index.js';
import { builtInCatalogDir, loadCatalogFolders } from '../modules/catalog/index.js';
import { builtInStructuresDir, loadFormStructures } from '../modules/statistics/index.js';
import { systemActor } from '../platform/usecase.js';

export interface Runtime {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  deps: Deps;
}

/**
 * Opens the database for a command: `owner` for serve (fails if another serve owns the data
 * directory), `client` for the other commands (joins a running server, or starts one for the
 * command). Migrations and the catalogue load run before anything else; a read-only command
 * runs neither, and refuses a database that lacks a migration.
 */
export async function openRuntime(
  mode: 'owner' | 'client',
  logLevel?: string,
  opts: { readOnly?: boolean } = {},
): Promise<Runtime> {
  const config = loadConfig();
  const logger = createLogger(
    logLevel ?? config.logLevel,
    config.logFormat,
    mode === 'owner' ? 'stdout' : 'stderr',
  );
  const database = await openDatabase(config, logger, mode);
  const deps: Deps = { db: database.db, clock: systemClock, journal: journalWriter, logger };
  try {
    if (opts.readOnly) {
      const pending = await pendingMigrations(database.db);
      if (pending.length) throw new PendingMigrationsError(pending);
      return { config, logger, database, deps };
    }
    await migrateToLatest(database.db);
    // The regulation as data: the catalogue folders are loaded before anything runs.
    await loadCatalogFolders(deps, systemActor('start'), { dirs: catalogDirs(config) });
    await loadFormStructures(deps, systemActor('start'), { dir: builtInStructuresDir });
  } catch (err) {
    await database.close();
    throw err;
  }
  return { config, logger, database, deps };
}

/** The built-in catalogue, then the configured extra folders (a newer act, say). */
export const catalogDirs = (config: Config): string[] => [
  builtInCatalogDir,
  ...config.catalogExtraDirs
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean),
];

export async function withRuntime<T>(
  fn: (rt: Runtime) => Promise<T>,
  opts: { readOnly?: boolean } = {},
): Promise<T> {
  const rt = await openRuntime('client', process.env.LOG_LEVEL ?? 'warn', opts);
  try {
    return await fn(rt);
  } finally {
    await rt.database.close();
  }
}

export async function readSecretFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
