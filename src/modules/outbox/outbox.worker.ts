// The worker that sends the outbox: every OUTBOX_TICK_MS it claims what is due and sends it, round
// after round while there is more. Several instances may run: the claim in the database gives each
// delivery to one of them at a time (outbox.repository, claimDue).
import { startTickLoop, type TickLoop } from '../../platform/jobs/index.js';
import type { Deps } from '../../platform/usecase.js';
import { sendDueDeliveries } from './outbox.service.js';
import type { OutboxSettings } from './outbox.settings.js';

export type OutboxWorker = TickLoop;

export function startOutboxWorker(
  deps: Deps,
  settings: OutboxSettings,
  opts: { name?: string } = {},
): OutboxWorker {
  let stopping = false;
  const loop = startTickLoop(async () => {
    try {
      while (!stopping) {
        const round = await sendDueDeliveries(deps, settings, { actorName: opts.name ?? 'outbox.worker' });
        if (round.claimed === 0) return;
        deps.logger.info(round, 'outbox: deliveries tried');
      }
    } catch (err) {
      deps.logger.error({ err }, 'outbox: sending the due deliveries failed');
    }
  }, settings.tickMs);
  return {
    async stop() {
      stopping = true;
      await loop.stop();
    },
  };
}
