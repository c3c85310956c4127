// The scenario modules `npm run bench` runs, in order (BENCH_SCENARIOS=name,name picks some). A
// new part of zanstat adds its own module (bench/<name>.ts exporting a Scenario) to this list.
import type { Scenario } from './http/scenario.js';
import { collections } from './collections.js';
import { openData } from './opendata.js';
import { outbox } from './outbox.js';
import { portal } from './portal.js';
import { published } from './published.js';

export const scenarios: Scenario[] = [published, portal, openData, collections, outbox];
