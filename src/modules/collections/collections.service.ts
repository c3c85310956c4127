// The collections' schedule and its job: which collection of which quarter is built, what went to
// whom by which adapter and when, whether it was acknowledged, and what is late against the 14th
// of the month after the quarter (Order 25, para 13; the due date with the next-working-day rule
// comes from the obligations of the catalogue).
import {
  formatPeriod,
  parsePeriod,
  periodContaining,
  periodStart,
  type LocalDate,
} from '../calendar/index.js';
import { currentCatalog, dueOf } from '../catalog/index.js';
import { deliveriesOf, routeFor, type DeliveryView, type OutboxSettings } from '../outbox/index.js';
import { lateCountsFrom } from '../publishing/index.js';
import { localDateOf } from '../../platform/clock.js';
import { DomainError, invalidInput } from '../../platform/errors/index.js';
import { hasRole, query, type Actor, type Deps } from '../../platform/usecase.js';
import { buildCollection, type BuildOutcome } from './collections.build.js';
import { collectionsForQuarter, parseQuarter, planCollection } from './collection.contents.js';
import { inputStates } from './collection.read.js';
import * as repo from './collections.repository.js';
import {
  addressedRecipients,
  allResolutions,
  resolutionsOn,
  type AddressedRecipient,
} from './collection.recipients.js';
import type { CollectionQuarterView, RecipientView } from './collections.schemas.js';

export interface CollectionSettings {
  outbox: OutboxSettings;
  /** LATE_FROM_PERIOD: the first period whose lateness counts */
  lateFromPeriod: string | null;
}

/** The `n` quarters before the one `today` is in, newest first. */
export function quartersBefore(today: LocalDate, n: number): string[] {
  const current = periodContaining(today, 'quarterly');
  if (current.periodicity !== 'quarterly') return [];
  const out: string[] = [];
  let { year, quarter } = current;
  for (let i = 0; i < n; i += 1) {
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
    out.push(formatPeriod({ periodicity: 'quarterly', year, quarter }));
  }
  return out;
}

function recipientView(
  r: AddressedRecipient,
  deliveries: DeliveryView[],
  latestBuildId: number | null,
  due: LocalDate | null,
  today: LocalDate,
  settings: OutboxSettings,
  countsLate: boolean,
): RecipientView {
  const mine = deliveries.filter((d) => d.recipient === r.recipient);
  const current = mine.find((d) => Number(d.subjectId) === latestBuildId) ?? null;
  const firstDelivered = mine
    .map((d) => d.deliveredAt)
    .filter((t): t is string => t !== null)
    .sort()[0];
  const deliveredOn = firstDelivered ? localDateOf(new Date(firstDelivered)) : null;
  const undeliverable =
    r.status !== 'resolved' || current?.state === 'undeliverable' || !routeFor(settings, r.recipient);
  const late = countsLate && due !== null && (deliveredOn ? deliveredOn > due : today > due);
  return {
    recipient: r.recipient,
    status: r.status,
    placeholder: r.placeholder,
    resolvedFrom: r.resolvedFrom,
    copies: r.count,
    deliveryId: current?.id ?? null,
    key: current?.key ?? null,
    adapter: current?.adapter ?? null,
    state: current?.state ?? null,
    officialUse: current ? isOfficial(current) : null,
    deliveredAt: current?.deliveredAt ?? null,
    acknowledgedAt: current?.acknowledgedAt ?? null,
    firstDeliveredOn: deliveredOn,
    undeliverable,
    late,
  };
}

function isOfficial(d: DeliveryView): boolean {
  return (d.metadata as { officialUse?: unknown } | null)?.officialUse === true;
}

/** The schedule of the quarters (newest first) for every collection in use. */
export async function scheduleOf(
  deps: Deps,
  settings: CollectionSettings,
  quarters: readonly string[],
): Promise<CollectionQuarterView[]> {
  const now = deps.clock.now();
  const today = localDateOf(now) as LocalDate;
  // As for releases: quarters before LATE_FROM_PERIOD (default: the figures that ship) are history.
  const countsFrom = await lateCountsFrom(deps.db, settings.lateFromPeriod, now);
  const { catalog, calendar } = await currentCatalog(deps.db);
  const builds = await repo.findBuilds(deps.db, quarters);
  const resolutions = await allResolutions(deps.db);
  const deliveries = await deliveriesOf(
    deps.db,
    'collection-copy',
    builds.map((b) => String(b.id)),
  );
  const out: CollectionQuarterView[] = [];
  for (const quarter of quarters) {
    for (const collection of collectionsForQuarter(catalog, quarter)) {
      const due = dueOf(catalog, calendar, collection.id, quarter, 'electronic-collection')[0] ?? null;
      const mine = builds.filter((b) => b.collection === collection.id && b.quarter === quarter);
      const latest = mine.at(-1) ?? null;
      const plan = planCollection(catalog, collection, quarter);
      const states = await inputStates(deps, plan, now);
      const ids = new Set(mine.map((b) => String(b.id)));
      const ofBuilds = deliveries.filter((d) => ids.has(d.subjectId));
      const countsLate = periodStart(parsePeriod(quarter)) >= countsFrom;
      // addressed as the latest version was (its build day), or as a build today would be
      const addressed = addressedRecipients(
        collection.recipients,
        resolutionsOn(resolutions, latest ? localDateOf(latest.built_at) : today),
      );
      const recipients = addressed.map((r) =>
        recipientView(
          r,
          ofBuilds,
          latest ? Number(latest.id) : null,
          due?.due ?? null,
          today,
          settings.outbox,
          countsLate,
        ),
      );
      const resolved = recipients.filter((r) => r.status === 'resolved');
      out.push({
        collection: collection.id,
        row: collection.row,
        titles: collection.titles,
        quarter,
        dueOn: due?.due ?? null,
        clause: due?.clause ?? null,
        built: latest !== null,
        builds: mine.map((b) => ({
          version: b.version,
          builtAt: b.built_at.toISOString(),
          builtBy: b.built_by,
          reason: b.reason,
        })),
        inputs: states.map((s) => ({
          form: s.form.id,
          code: s.form.code,
          period: s.period,
          published: s.publication !== null,
        })),
        problems: plan.problems,
        recipients,
        onTime: resolved.length > 0 && resolved.every((r) => r.firstDeliveredOn !== null && !r.late),
        late: recipients.filter((r) => r.late && r.status === 'resolved').length,
        undeliverable: recipients.filter((r) => r.undeliverable).length,
        unresolved: recipients.filter((r) => r.status !== 'resolved').length,
      });
    }
  }
  return out;
}

const staff = hasRole('editor', 'admin');

export const collectionSchedule = query({
  name: 'read the collections schedule',
  policy: staff,
  run: async ({ deps }, input: { quarter?: string; settings: CollectionSettings }) => {
    if (input.quarter !== undefined && !parseQuarter(input.quarter))
      throw invalidInput(`quarter: '${input.quarter}' is not a quarter (YYYY-Qn)`, [
        { pointer: '/query/quarter', code: 'invalid_quarter', message: `'${input.quarter}' is not YYYY-Qn` },
      ]);
    const quarters = input.quarter
      ? [input.quarter]
      : quartersBefore(localDateOf(deps.clock.now()) as LocalDate, 4);
    return { quarters, collections: await scheduleOf(deps, input.settings, quarters) };
  },
});

/** Copies of the last four quarters late against their due day (resolved recipients), for /metrics. */
export async function lateCopies(deps: Deps, settings: CollectionSettings): Promise<number> {
  const views = await scheduleOf(
    deps,
    settings,
    quartersBefore(localDateOf(deps.clock.now()) as LocalDate, 4),
  );
  return views.reduce((n, v) => n + v.late, 0);
}

/**
 * The job: every collection of the last two quarters whose inputs are all published is built, or
 * rebuilt as a new version when a publication it was made from was revised. One waiting for a
 * publication is left for the next run (the schedule shows what it waits for).
 */
export async function buildDueCollections(
  deps: Deps,
  actor: Actor,
  settings: OutboxSettings,
): Promise<{ built: BuildOutcome[]; waiting: string[] }> {
  const { catalog } = await currentCatalog(deps.db);
  const built: BuildOutcome[] = [];
  const waiting: string[] = [];
  for (const quarter of quartersBefore(localDateOf(deps.clock.now()) as LocalDate, 2)) {
    for (const collection of collectionsForQuarter(catalog, quarter)) {
      try {
        const outcome = await buildCollection(deps, actor, {
          collection: collection.id,
          quarter,
          outbox: settings,
        });
        if (outcome.built) built.push(outcome);
      } catch (err) {
        if (err instanceof DomainError && err.category === 'conflict')
          waiting.push(`${collection.id} ${quarter}: ${err.message}`);
        else throw err;
      }
    }
  }
  return { built, waiting };
}
