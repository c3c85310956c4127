// The worker that publishes releases at their set time. pg-boss schedules by the minute; an
// embargo lifts to the second, so each worker instance looks every tick (PUBLISHER_TICK_MS) for
// publications whose time has come. Two instances may look at once: the claim in the database
// publishes each publication once (releases.service, publishDue).
import { systemActor, type Deps } from '../../platform/usecase.js';
import { publishDue } from './releases.service.js';

export interface Publisher {
  stop(): Promise<void>;
}

export function startPublisher(deps: Deps, opts: { tickMs: number; name?: string }): Publisher {
  const actor = systemActor(opts.name ?? 'publishing.publisher');
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const { published } = await publishDue(deps, actor, undefined);
      if (published.length) deps.logger.info({ published }, 'releases published');
    } catch (err) {
      deps.logger.error({ err }, 'publishing the due releases failed');
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, opts.tickMs);
    });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
