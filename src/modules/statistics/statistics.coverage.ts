// What is in for a form and period: the current revisions against the breakdown values the form
// requires. Publishing reads it to tell a received release from a scheduled one, and freezes the
// current revisions into a publication.
import { sql } from 'kysely';
import { parsePeriod, periodEnd, periodStart } from '../calendar/index.js';
import { currentCatalog, inForceOn, regionNameOn } from '../catalog/index.js';
import type { Access, Label } from './structure.schema.js';
import { mayRead } from './statistics.query.js';
import { anonymousActor } from '../../platform/usecase.js';
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './statistics.reads.repository.js';
import { structureFor } from './statistics.service.js';

export interface Coverage {
  form: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** the breakdown values the form requires: every region in force (the republic is derived), or every agency */
  required: string[];
  /** the current revisions, one per breakdown value */
  revisionIds: number[];
  breakdowns: string[];
  origins: string[];
  missing: string[];
}

/** The coverage of every (form, period) holding figures, or of one form's. */
export async function coverageOfStore(db: Queryable, form?: string): Promise<Coverage[]> {
  const sets = await repo.findCurrentRevisionSets(db, form);
  const { catalog } = await currentCatalog(db);
  const out: Coverage[] = [];
  for (const s of sets) {
    const required = await requiredBreakdowns(db, catalog, s.form, s.period);
    out.push({ ...s, required, missing: required.filter((b) => !s.breakdowns.includes(b)) });
  }
  return out;
}

/**
 * Which of these sets of revisions (a publication's, say) are demonstration figures: every
 * revision synthetic. One answer per set, in order.
 */
export async function areDemonstration(
  db: Queryable,
  sets: readonly (readonly number[])[],
): Promise<boolean[]> {
  const synthetic = await repo.findSyntheticRevisionIds(db, sets.flat());
  return sets.map((ids) => ids.length > 0 && ids.every((id) => synthetic.has(Number(id))));
}

/** The coverage of one (form, period): empty when nothing is in. */
export async function coverageOf(db: Queryable, form: string, period: string): Promise<Coverage> {
  const found = (await coverageOfStore(db, form)).find((c) => c.period === period);
  if (found) return found;
  const { catalog } = await currentCatalog(db);
  const required = await requiredBreakdowns(db, catalog, form, period);
  const p = parsePeriod(period);
  return {
    form,
    period,
    periodStart: periodStart(p),
    periodEnd: periodEnd(p),
    required,
    revisionIds: [],
    breakdowns: [],
    origins: [],
    missing: required,
  };
}

async function requiredBreakdowns(
  db: Queryable,
  catalog: Awaited<ReturnType<typeof currentCatalog>>['catalog'],
  form: string,
  period: string,
): Promise<string[]> {
  const p = parsePeriod(period);
  const stored = await structureFor(db, form, p);
  if (!stored) return [];
  const b = stored.structure.breakdown;
  if (b.dimension === 'region') {
    return inForceOn(catalog.regions, periodEnd(p))
      .map((r) => r.id)
      .filter((id) => id !== b.total)
      .sort();
  }
  return (b.values ?? []).map((v) => v.id).sort();
}

/**
 * Whether a set of revisions (a publication's) holds every region in force at the period's end:
 * true for a form not broken down by region. A reader's page opens on a complete period.
 */
export async function holdsEveryRegion(
  db: Queryable,
  form: string,
  period: string,
  revisionIds: readonly number[],
): Promise<boolean> {
  const p = parsePeriod(period);
  const stored = await structureFor(db, form, p);
  if (!stored || stored.structure.breakdown.dimension !== 'region') return true;
  const { catalog } = await currentCatalog(db);
  const required = await requiredBreakdowns(db, catalog, form, period);
  const held = new Set(
    (await repo.findRevisionsByIds(db, form, period, revisionIds)).map((r) => r.breakdown),
  );
  return held.has(stored.structure.breakdown.total) || required.every((id) => held.has(id));
}

/**
 * The names of a form's breakdown values in a period, what a person reads instead of codes: the
 * regions' names on the period's last day, or the agencies' labels of the form's structure.
 */
export async function breakdownNamesOf(
  db: Queryable,
  form: string,
  period: string,
): Promise<Map<string, Label>> {
  const p = parsePeriod(period);
  const out = new Map<string, Label>();
  const stored = await structureFor(db, form, p);
  if (!stored) return out;
  const b = stored.structure.breakdown;
  for (const v of [...(b.values ?? []), ...(b.outside ?? [])]) out.set(v.id, v.label);
  if (b.dimension === 'region') {
    const { catalog } = await currentCatalog(db);
    for (const r of catalog.regions) {
      const name = regionNameOn(catalog, r.id, periodEnd(p));
      if (name && !out.has(r.id)) out.set(r.id, name);
    }
  }
  return out;
}

/**
 * The day after the latest period loaded from the figures that ship with zanstat (imported or
 * synthetic), or null when none: lateness is counted from there, so history is not late.
 */
export async function dayAfterShippedFigures(db: Queryable): Promise<string | null> {
  const row = await db
    .selectFrom('stat_revisions')
    .select(sql<string | null>`(max(period_end) + 1)::text`.as('day'))
    .where('origin', 'in', ['imported-official', 'synthetic'])
    .executeTakeFirst();
  return row?.day ?? null;
}

/** How a breakdown value stands in a publication: held, or (the republic summed) from part of the regions. */
export type PublishedState = 'complete' | 'partial';

/**
 * Which breakdown values a publication's revisions show the public for one section, read from the
 * revisions alone (no figure is read): each held value complete, and the republic, where it is
 * summed rather than submitted, partial when regions are missing, as the table read by
 * `readTable` labels it. A form or section the public may not see is `hidden`: its existence is
 * not disclosed (Order 25, para 2, item 10). What a request check needs (Order 25, para 5:
 * information within the indicators that exist) without reading the whole section.
 */
export async function publishedSectionCoverage(
  db: Queryable,
  input: { form: string; section: string; period: string; revisionIds: readonly number[] },
): Promise<{ states: Map<string, PublishedState>; missing: string[]; demonstration: boolean } | 'hidden'> {
  const p = parsePeriod(input.period);
  const stored = await structureFor(db, input.form, p);
  const section = stored?.structure.sections.find((s) => s.id === input.section);
  const anyone = (access: Access | undefined) => mayRead(anonymousActor, access);
  if (!stored || !section || !anyone(stored.structure.access) || !anyone(section.access)) return 'hidden';
  const revisions = await repo.findRevisionsByIds(db, input.form, input.period, input.revisionIds);
  const states = new Map<string, PublishedState>(revisions.map((r) => [r.breakdown, 'complete']));
  const demonstration = revisions.some((r) => r.origin === 'synthetic');
  const b = stored.structure.breakdown;
  if (b.dimension !== 'region') return { states, missing: [], demonstration };
  const { catalog } = await currentCatalog(db);
  const regionIds = inForceOn(catalog.regions, periodEnd(p))
    .map((r) => r.id)
    .filter((id) => id !== b.total);
  const held = regionIds.filter((id) => states.has(id));
  if (!held.length || states.has(b.total)) return { states, missing: [], demonstration };
  const missing = regionIds.filter((id) => !states.has(id));
  states.set(b.total, missing.length ? 'partial' : 'complete');
  return { states, missing, demonstration };
}
