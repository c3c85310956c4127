// The worker that publishes releases at their set time. pg-boss schedules by the minute; an
// embargo lifts to the second, so each worker instance looks every tick (PUBLISHER_TICK_MS) for
// publications whose time has come. Two instances may look at once: the claim in the database
// publishes each publication once (releases.service, publishDue).
import { startTickLoop, type TickLoop } from '../../platform/jobs/index.js';
import { systemActor, type Deps } from '../../platform/usecase.js';
import { publishDue } from './releases.service.js';

export type Publisher = TickLoop;

export function startPublisher(deps: Deps, opts: { tickMs: number; name?: string }): Publisher {
  const actor = systemActor(opts.name ?? 'publishing.publisher');
  return startTickLoop(async () => {
    try {
      const { published } = await publishDue(deps, actor, undefined);
      if (published.length) deps.logger.info({ published }, 'releases published');
    } catch (err) {
      deps.logger.error({ err }, 'publishing the due releases failed');
    }
  }, opts.tickMs);
}
