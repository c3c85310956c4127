export { startJobs, type JobDefinition, type JobRunner } from './jobs.js';
export { startTickLoop, type TickLoop } from './tick-loop.js';
