// A worker process of the outbox for the crash test: it sends what is due, round after round, from
// the database named in argv[2] with the settings of the environment, until it is killed.
import { pino } from 'pino';
import { journalWriter } from '../../src/modules/audit/index.js';
import { outboxSettings, sendDueDeliveries } from '../../src/modules/outbox/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { createKysely } from '../../src/platform/db/index.js';
import type { Deps } from '../../src/platform/usecase.js';

const { db } = createKysely(process.argv[2]!, 3);
const deps: Deps = { db, clock: systemClock, journal: journalWriter, logger: pino({ level: 'silent' }) };
const settings = outboxSettings(loadConfig(process.env));
process.stdout.write('ready\n');
for (;;) {
  const { claimed } = await sendDueDeliveries(deps, settings, {
    limit: 3,
    actorName: `outbox.worker.${process.pid}`,
  });
  if (claimed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}
