import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import { openEmbeddedServer, type EmbeddedServer } from './embedded.js';

/**
 * The tables of the whole store. Each module declares its own tables by augmenting this
 * interface (`declare module '.../platform/db/index.js' { interface Database { … } }`), so the
 * platform never imports a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A query runner: the pool or a transaction. Repositories take this. */
export type Queryable = Kysely<Database>;

// bigint (int8) and numeric come back as strings unless parsed; counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Dates (not timestamps) stay as 'YYYY-MM-DD' text: they are local dates of the law.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface DatabaseHandle {
  db: Db;
  url: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

export function createKysely(url: string, poolSize: number, logger?: Logger): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'zanstat' });
  pool.on('error', (err) => logger?.error({ err }, 'idle database connection failed'));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/** The database the service uses: DATABASE_URL, or the embedded server (owned or joined). */
export async function openDatabase(
  config: Config,
  logger: Logger,
  mode: 'owner' | 'client',
): Promise<DatabaseHandle> {
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await openEmbeddedServer({ dataDir: config.dataDir, logger, mode });
    url = await ensureDatabase(embedded.url, 'zanstat');
  }
  const { db } = createKysely(url, config.databasePoolSize, logger);
  return {
    db,
    url,
    embedded,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/** Creates `name` on the server of `serverUrl` if absent; returns the URL of that database. */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
      await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
