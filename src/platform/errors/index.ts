export * from './domain-error.js';
export { translateDatabaseError } from './sqlstate.js';
