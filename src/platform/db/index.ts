export * from './database.js';
export { migrateToLatest, pendingMigrations } from './migrate.js';
export { openEmbeddedServer, DataDirInUseError, type EmbeddedServer } from './embedded.js';
