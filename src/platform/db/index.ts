export * from './database.js';
export { migrateToLatest } from './migrate.js';
export { openEmbeddedServer, DataDirInUseError, type EmbeddedServer } from './embedded.js';
