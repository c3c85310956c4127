import { UsageError } from './usage-error.js';
import { localDateOf } from '../platform/clock.js';
import {
  dueOf,
  listObligations,
  readCatalog,
  repealNotices,
  type Catalog,
  type ObligationDue,
} from '../modules/catalog/index.js';
import { addCalendarDays, localDate } from '../modules/calendar/index.js';
import { systemActor } from '../platform/usecase.js';
import { withRuntime } from './runtime.js';

const readOnly = { readOnly: true };

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

/** Every answer that uses a list of a repealed act says so (which act, repealed when, no replacement). */
function printNotices(catalog: Catalog, items: ObligationDue[]): void {
  const last = items.reduce((d, o) => (o.due > d ? o.due : d), '');
  if (!last) return;
  for (const n of repealNotices(catalog, items as Parameters<typeof repealNotices>[1], last)) {
    const by = n.repealedBy
      ? ` by ${n.repealedBy.number ? `No. ${n.repealedBy.number}` : 'a later act'}`
      : '';
    process.stderr.write(
      `note: ${n.titles.en} (No. ${n.number} of ${n.date}) was repealed${by}; in force until ${n.lastDayInForce}${n.lastDayEstimated ? ' (estimated)' : ''}; no replacing act is loaded, so its lists are still used\n`,
    );
  }
}

/** `zanstat due <item> <period> [--channel c] [--json]`: the due dates of one item for one period. */
export async function due(
  item: string | undefined,
  period: string | undefined,
  channel: string | undefined,
  json: boolean,
): Promise<number> {
  if (!item || !period) throw new UsageError('zanstat due <item> <period> [--channel c] [--json]');
  const { items, catalog } = await withRuntime(async (rt) => {
    const { catalog, calendar } = await readCatalog(rt.deps, systemActor('cli'), undefined);
    return { items: dueOf(catalog, calendar, item, period, channel), catalog };
  }, readOnly);
  printNotices(catalog, items);
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
  const { items, catalog } = await withRuntime(async (rt) => {
    const from = localDate(opts.from ?? localDateOf(rt.deps.clock.now()));
    const to = localDate(opts.to ?? addCalendarDays(from, 90));
    const { catalog, calendar } = await readCatalog(rt.deps, systemActor('cli'), undefined);
    return {
      items: listObligations(catalog, calendar, { from, to, item: opts.item, channel: opts.channel }),
      catalog,
    };
  }, readOnly);
  printNotices(catalog, items);
  if (opts.json) console.log(JSON.stringify(items, null, 2));
  else for (const o of items) console.log(line(o));
  process.stderr.write(`${items.length} obligation(s)\n`);
  return 0;
}
