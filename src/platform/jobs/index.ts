export { startJobs, type JobDefinition, type JobRunner } from './jobs.js';
