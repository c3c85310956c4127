// The registers' job: at start, the official lists that ship with zanstat go into registers that
// have none yet (idempotent; an interrupted load resumes with the registers still empty).
import type { JobDefinition } from '../../platform/jobs/index.js';
import type { Deps } from '../../platform/usecase.js';
import { loadShippedLists } from './shipped-lists.js';

export const LOAD_OFFICIAL_LISTS_JOB = 'registers.load-official-lists';

export function loadOfficialListsJob(deps: Deps): JobDefinition {
  return {
    name: LOAD_OFFICIAL_LISTS_JOB,
    cron: null,
    description:
      'Import the official lists that ship with zanstat (seed/registers, captured 2025-03-26) into the registers that have no import yet; each import journaled.',
    run: () =>
      loadShippedLists(deps, undefined, (message) =>
        deps.logger.info({ job: LOAD_OFFICIAL_LISTS_JOB }, message),
      ),
  };
}
