// The deadline watch over the catalogue in use: each dataset's obligations on the working-day
// calendar (Order 84 through the forms' open-data-portal obligations, by the 20th of the month after
// the period; Order 25, para 13 for non-working days), the periods its resources cover, its last
// update, and so its next due date and whether it is late.
import { addCalendarDays, localDate, parsePeriod, periodEnd, periodStart } from '../calendar/index.js';
import { listObligations, type CatalogSnapshot, type Dataset, type ObligationDue } from '../catalog/index.js';
import { localDateOf } from '../../platform/clock.js';
import { deadlineOf, type DatasetDeadline } from './opendata.deadlines.js';
import type { ResourceRow, VersionRow } from './opendata.repository.js';

/** How far around today the obligations are read: a year back (the late ones), a year ahead. */
const WINDOW_DAYS = 370;

export function deadlinesOf(
  snapshot: Pick<CatalogSnapshot, 'catalog' | 'calendar'>,
  datasets: readonly Dataset[],
  resources: ReadonlyMap<string, readonly (ResourceRow & { latest: VersionRow })[]>,
  today: string,
  countsFrom: string,
): Map<string, DatasetDeadline> {
  const from = addCalendarDays(localDate(today), -WINDOW_DAYS);
  const to = addCalendarDays(localDate(today), WINDOW_DAYS);
  // One pass over every obligation in the window (not one per dataset: a catalogue may hold
  // thousands), grouped by the dataset it is about.
  const byDataset = new Map<string, ObligationDue[]>();
  for (const o of listObligations(snapshot.catalog, snapshot.calendar, { from, to })) {
    const id = o.dataset ?? (o.itemKind === 'dataset' ? o.itemId : null);
    if (id === null) continue;
    const list = byDataset.get(id) ?? [];
    list.push(o);
    byDataset.set(id, list);
  }
  const out = new Map<string, DatasetDeadline>();
  for (const dataset of datasets) {
    const mine = resources.get(dataset.id) ?? [];
    const times = mine.map((r) => r.latest.built_at.getTime());
    const lastUpdate = times.length ? new Date(Math.max(...times)) : null;
    const periods = new Set(mine.map((r) => r.period).filter((p): p is string => p !== null));
    const obligations = dataset.dueDay === null ? [] : (byDataset.get(dataset.id) ?? []);
    out.set(
      dataset.id,
      deadlineOf({
        dataset: dataset.id,
        updatePeriod: dataset.updatePeriod,
        obligations,
        // A report's dataset covers a period with that period's files; a list (the structure of the
        // bodies) covers a period when a version was built after the period ended.
        covered:
          dataset.madeFrom.kind === 'form'
            ? (p) => periods.has(p)
            : (p) => lastUpdate !== null && localDateOf(lastUpdate) > periodEnd(parsePeriod(p)),
        countsFrom,
        periodStart: (p) => periodStart(parsePeriod(p)),
        lastUpdate,
        today,
      }),
    );
  }
  return out;
}
