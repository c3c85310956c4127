// Vitest global setup of the `db` project: one PostgreSQL server for the whole run (embedded,
// or DATABASE_URL), and one migrated template database; each test file clones the template.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { journalWriter } from '../../src/modules/audit/index.js';
import { builtInCatalogDir, loadCatalogFolders } from '../../src/modules/catalog/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/usecase.js';
import {
  createKysely,
  ensureDatabase,
  migrateToLatest,
  openEmbeddedServer,
  type EmbeddedServer,
} from '../../src/platform/db/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDb: string;
    runId: string;
  }
}

let embedded: EmbeddedServer | null = null;
let dataDir: string | null = null;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-test-'));
    await fs.chmod(dataDir, 0o755);
    embedded = await openEmbeddedServer({
      dataDir,
      logger: pino({ level: 'warn' }),
      mode: 'owner',
      durability: 'test',
    });
    serverUrl = embedded.url;
  }
  const templateDb = `zt_${runId}_template`;
  const templateUrl = await ensureDatabase(serverUrl, templateDb);
  const { db } = createKysely(templateUrl, 2);
  await migrateToLatest(db);
  // The built-in catalogue, loaded once into the template, as a start would.
  const logger = pino({ level: 'warn' });
  await loadCatalogFolders(
    { db, clock: systemClock, journal: journalWriter, logger },
    systemActor('test-setup'),
    { dirs: [builtInCatalogDir] },
  );
  await db.destroy();
  project.provide('serverUrl', serverUrl);
  project.provide('templateDb', templateDb);
  project.provide('runId', runId);

  return async () => {
    if (embedded) {
      await embedded.stop();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
      return;
    }
    // On a shared server, drop what this run created.
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`zt_${runId}_%`],
    );
    for (const r of rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await client.end();
  };
}
