// The advance release calendar is made of the law: every form's report on the information service,
// per period, with its due day (Order 25, para 14, Appendix 2; para 13 moves a non-working day to
// the next working day). Releases are announced ahead, and every period holding figures has one.
import {
  addCalendarDays,
  localDate,
  parsePeriod,
  periodEnd,
  periodStart,
  type WorkingCalendar,
} from '../calendar/index.js';
import { currentCatalog, dueOf, listObligations, type Catalog } from '../catalog/index.js';
import { coverageOfStore, dayAfterShippedFigures } from '../statistics/index.js';
import type { Queryable, Trx } from '../../platform/db/index.js';
import { localDateOf } from '../../platform/clock.js';
import { anyOf, command, hasRole, isSystem } from '../../platform/usecase.js';
import * as repo from './publishing.repository.js';

export const INFORMATION_SERVICE = 'information-service';

export interface NewRelease {
  form: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  due: repo.DueOnChannel[];
}

/** The release of a form's period on the legal schedule, or null when the law sets it no day. */
export function releaseOf(
  catalog: Catalog,
  calendar: WorkingCalendar,
  form: string,
  period: string,
): NewRelease | null {
  let due: ReturnType<typeof dueOf>;
  try {
    due = dueOf(catalog, calendar, form, period);
  } catch {
    return null; // a period the form is not due in (another periodicity)
  }
  const service = due.find((d) => d.channel === INFORMATION_SERVICE) ?? due[0];
  if (!service) return null;
  const p = parsePeriod(period);
  return {
    form,
    period,
    periodStart: periodStart(p),
    periodEnd: periodEnd(p),
    dueDate: service.due,
    due: due.map((d) => ({
      channel: d.channel,
      nominal: d.nominal,
      due: d.due,
      act: d.act,
      clause: d.clause,
    })),
  };
}

/**
 * The first day whose periods count as late when they miss their day: the configured first period,
 * or the day after the figures that ship with zanstat (imported history is published, not late).
 */
export async function lateCountsFrom(
  db: Queryable,
  lateFromPeriod: string | null,
  now: Date,
): Promise<string> {
  if (lateFromPeriod) return periodStart(parsePeriod(lateFromPeriod));
  return (await dayAfterShippedFigures(db)) ?? `${localDateOf(now).slice(0, 7)}-01`;
}

export interface AnnounceInput {
  horizonMonths: number;
  lateFromPeriod: string | null;
}

/** Announces the releases from the first counted period to the horizon, and one per period holding figures. */
export const announceReleases = command({
  name: 'announce the releases',
  policy: anyOf(isSystem, hasRole('editor', 'admin')),
  run: async (ctx, input: AnnounceInput) => {
    const created = await announceIn(ctx.trx, ctx.now, input);
    if (!created.length) {
      ctx.changedNothing();
      return { announced: 0 };
    }
    await ctx.record({
      action: 'publishing.releases.announced',
      objectType: 'release',
      objectId: null,
      summary: {
        count: created.length,
        forms: [...new Set(created.map((r) => r.form))].sort(),
        first: created.map((r) => r.dueDate).sort()[0],
        last: created
          .map((r) => r.dueDate)
          .sort()
          .at(-1),
      },
    });
    return { announced: created.length };
  },
});

async function announceIn(trx: Trx, now: Date, input: AnnounceInput): Promise<NewRelease[]> {
  const { catalog, calendar } = await currentCatalog(trx);
  const existing = await repo.findExistingReleaseKeys(trx);
  const today = localDate(localDateOf(now));
  const from = localDate(await lateCountsFrom(trx, input.lateFromPeriod, now));
  const to = addCalendarDays(today, Math.round(input.horizonMonths * 30.44));
  const wanted = new Map<string, NewRelease>();
  // Due in the window: from the first counted period (those missed show as late) to the horizon,
  // at most nine years back (the obligations answer ten years at a time).
  const start = from < today ? from : today;
  const earliest = addCalendarDays(to, -9 * 365);
  const windowStart = earliest > start ? earliest : start;
  for (const o of listObligations(catalog, calendar, {
    from: windowStart,
    to,
    channel: INFORMATION_SERVICE,
  })) {
    if (o.itemKind !== 'form' || existing.has(`${o.itemId}|${o.period}`)) continue;
    const r = releaseOf(catalog, calendar, o.itemId, o.period);
    if (r) wanted.set(`${r.form}|${r.period}`, r);
  }
  // Every period holding figures, however old.
  for (const c of await coverageOfStore(trx)) {
    const key = `${c.form}|${c.period}`;
    if (existing.has(key) || wanted.has(key)) continue;
    const r = releaseOf(catalog, calendar, c.form, c.period);
    if (r) wanted.set(key, r);
  }
  const rows = [...wanted.values()];
  await repo.insertReleases(
    trx,
    rows.map((r) => ({
      form: r.form,
      period: r.period,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      status: 'scheduled' as const,
      due_date: r.dueDate,
      due: r.due,
      planned_date: r.dueDate,
      created_at: now,
    })),
  );
  return rows;
}

/** The release of (form, period), announced now if it was not yet (a period outside the window). */
export async function ensureRelease(trx: Trx, now: Date, form: string, period: string) {
  const found = await repo.lockRelease(trx, form, period);
  if (found) return found;
  const { catalog, calendar } = await currentCatalog(trx);
  const r = releaseOf(catalog, calendar, form, period);
  if (!r) return null;
  await repo.insertReleases(trx, [
    {
      form: r.form,
      period: r.period,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      status: 'scheduled',
      due_date: r.dueDate,
      due: r.due,
      planned_date: r.dueDate,
      created_at: now,
    },
  ]);
  return repo.lockRelease(trx, form, period);
}
