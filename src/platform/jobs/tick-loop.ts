// A loop that runs `tick` every `tickMs` after the previous run ends (never two at once), for the
// worker's sub-minute duties that pg-boss's by-the-minute schedules cannot serve: the publisher's
// embargoes to the second, the outbox's sending. `stop` waits for the run under way.
export interface TickLoop {
  stop(): Promise<void>;
}

export function startTickLoop(tick: () => Promise<void>, tickMs: number): TickLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, tickMs);
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
