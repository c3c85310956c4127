import { UsageError } from './usage-error.js';
import { localDateOf } from '../platform/clock.js';
import { dueOf, listObligations, readCatalog, type ObligationDue } from '../modules/catalog/index.js';
import { addCalendarDays, localDate } from '../modules/calendar/index.js';
import { systemActor } from '../platform/usecase.js';
import { withRuntime } from './runtime.js';

const line = (o: ObligationDue) =>
  [
    o.due,
    o.item.padEnd(10),
    o.period.padEnd(8),
    o.channel.padEnd(22),
    o.rolled ? `(from ${o.nominal}, para 13)` : '',
    o.provisional ? 'provisional' : '',
    `${o.act} ${o.clause}`,
  ]
    .filter(Boolean)
    .join('  ');

/** `zanstat due <item> <period> [--channel c] [--json]`: the due dates of one item for one period. */
export async function due(
  item: string | undefined,
  period: string | undefined,
  channel: string | undefined,
  json: boolean,
): Promise<number> {
  if (!item || !period) throw new UsageError('zanstat due <item> <period> [--channel c] [--json]');
  const items = await withRuntime(async (rt) => {
    const { catalog, calendar } = await readCatalog(rt.deps, systemActor('cli'), undefined);
    return dueOf(catalog, calendar, item, period, channel);
  });
  if (json) console.log(JSON.stringify(items, null, 2));
  else if (items.length === 0) console.log(`nothing of ${item} is due for ${period} (no act in force then)`);
  else for (const o of items) console.log(line(o));
  return 0;
}

/** `zanstat obligations --from D --to D [--item i] [--channel c] [--json]` */
export async function obligations(opts: {
  from?: string;
  to?: string;
  item?: string;
  channel?: string;
  json: boolean;
}): Promise<number> {
  const items = await withRuntime(async (rt) => {
    const from = localDate(opts.from ?? localDateOf(rt.deps.clock.now()));
    const to = localDate(opts.to ?? addCalendarDays(from, 90));
    const { catalog, calendar } = await readCatalog(rt.deps, systemActor('cli'), undefined);
    return listObligations(catalog, calendar, { from, to, item: opts.item, channel: opts.channel });
  });
  if (opts.json) console.log(JSON.stringify(items, null, 2));
  else for (const o of items) console.log(line(o));
  process.stderr.write(`${items.length} obligation(s)\n`);
  return 0;
}
