// Reading the store: a whole table (one form, section and period, one region or all with the
// republic), as of a moment, with only what the reader may see (Order 25, para 2, item 10).
import { formatPeriod, periodEnd, periodStart } from '../calendar/index.js';
import {
  currentCatalog,
  findForm,
  inForceOn,
  regionNameOn,
  territoryChangesBetween,
} from '../catalog/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { DomainError, invalidInput, notFound } from '../../platform/errors/index.js';
import { anyOf, hasRole, isSystem, query, type Actor, type Policy } from '../../platform/usecase.js';
import { compareColumn, markRevisedValues, revisedOfSum } from './statistics.changes.js';
import { partialSumLabel, type RegionCoverage, type TableNotice } from './statistics.notices.js';
import type { Table, TableColumn, ValueStatus } from './statistics.table.js';
import * as repo from './statistics.reads.repository.js';
import { breakdownValues, parsePeriodAt, structureFor } from './statistics.service.js';
import type { Access, Label, Section } from './structure.schema.js';

/** Who may see what: the public sees public parts only; staff see official-use; nobody here sees secret. */
export function mayRead(actor: Actor, access: Access | undefined): boolean {
  if (!access || access === 'public') return true;
  if (access === 'official-use')
    return actor.role === 'editor' || actor.role === 'admin' || actor.role === 'auditor';
  return false;
}

// Staff, and the operator's command line (the system actor), read the figures before publication.
const staffRead = anyOf(hasRole('editor', 'admin', 'auditor'), isSystem);
/**
 * Anyone reads what publishing hands over (published revisions); the current, unpublished ones are
 * for staff (Order 25, para 14: figures are placed on the information service by their day).
 */
const readsPublishedOrStaff =
  <I extends { revisions?: unknown; revisionIds?: unknown; officialUse?: boolean }>(): Policy<I> =>
  (actor, input) =>
    staffRead(actor, input) ||
    ((input?.revisions ?? input?.revisionIds) !== undefined && input?.officialUse !== true);

function statusOf(origin: string, published: boolean): ValueStatus {
  if (origin === 'synthetic') return 'synthetic';
  return published ? 'final' : 'provisional';
}

function noticeOf(columns: TableColumn[]): TableNotice | null {
  const origins = new Set(columns.map((c) => c.origin));
  if (origins.has('synthetic')) return 'synthetic';
  if (origins.has('imported-official')) return 'imported-official';
  return null;
}

export interface TableInput {
  form: string;
  /** default: the first section the reader may see */
  section?: string;
  period: string;
  breakdown?: string;
  asOf?: Date;
  /** add the comparison with the same period of the previous year */
  compare?: boolean;
  /**
   * Read exactly these revisions (a publication's frozen set), and, for the comparison, those of
   * the previous year's period; default: the current revisions (or those current at `asOf`),
   * shown as provisional.
   */
  revisions?: (period: string) => Promise<readonly number[] | null>;
  /**
   * With `revisions`: the revisions of the publication before the one read (none: the first), so
   * that the values it revised are marked. Staff reads compare with each previous revision unless
   * given a set (`[]`: mark nothing).
   */
  earlierRevisions?: readonly number[];
  /**
   * Read the official-use parts too, whoever reads: for the copies of a collection sent to bodies
   * that hold the right (Order 25, para 2, item 10). Only staff and the system may ask.
   */
  officialUse?: boolean;
}

export const readTable = query({
  name: 'read a table',
  policy: readsPublishedOrStaff<TableInput>(),
  run: async (ctx, input: TableInput): Promise<Table> => {
    const table = await tableOf(ctx, input);
    if (!input.compare) return table;
    // As Kazakh legal statistics are read: against the same period of the previous year.
    const prevPeriod = table.period.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
    let previous: Table | null = null;
    try {
      // The previous year is read for its figures only: which of them a revision changed is not asked.
      previous = await tableOf(ctx, { ...input, period: prevPeriod, earlierRevisions: [] });
    } catch (err) {
      if (!(err instanceof DomainError && err.category === 'not_found')) throw err;
    }
    // A region whose territory changed between the two periods (the 2022 reform) is not
    // comparable by its code; a form cumulative from January covers each year from its 1 January.
    const { catalog } = await currentCatalog(ctx.db);
    const prev = parsePeriodAt(prevPeriod, '/params/period');
    const from = table.cumulative ? `${prev.year}-01-01` : periodStart(prev);
    const to = periodEnd(parsePeriodAt(table.period, '/params/period'));
    for (const c of table.columns) {
      c.comparison = compareColumn(
        table,
        c,
        previous?.columns.find((p) => p.breakdown === c.breakdown),
        previous,
        prevPeriod,
        territoryChangesBetween(catalog, c.breakdown, from, to),
      );
    }
    return table;
  },
});

async function tableOf({ db, actor }: { db: Queryable; actor: Actor }, input: TableInput): Promise<Table> {
  // The policy let only staff and the system ask for the official-use parts.
  const sees = (access: Access | undefined) =>
    mayRead(actor, access) || (input.officialUse === true && access === 'official-use');
  const period = parsePeriodAt(input.period, '/params/period');
  const { catalog } = await currentCatalog(db);
  const on = periodEnd(period);
  const form = findForm(catalog, input.form, on);
  if (!form) throw notFound(`Form "${input.form}" in ${input.period}`, 'form_not_found');
  const stored = await structureFor(db, form.id, period);
  const section: Section | undefined = input.section
    ? stored?.structure.sections.find((s) => s.id === input.section)
    : stored?.structure.sections.find((s) => sees(s.access));
  // A section the reader may not see is answered as absent: its existence is not disclosed.
  if (!stored || !section || !sees(stored.structure.access) || !sees(section.access)) {
    throw notFound(`Section "${input.section}" of ${form.code ?? form.id}`, 'section_not_found');
  }
  if (
    input.breakdown &&
    input.breakdown !== 'all' &&
    !breakdownValues(catalog, stored.structure, on).has(input.breakdown)
  )
    throw notFound(`Region or agency "${input.breakdown}" of ${form.code ?? form.id}`, 'region_not_found');
  const graphs = section.graphs.filter((g) => sees(g.access));
  const rows = section.rows.filter((r) => sees(r.access));
  const keep = graphs.map((g) => g.n - 1);
  const periodText = formatPeriod(period);
  // Every current revision: the republic, when not submitted, is derived from all the regions.
  const published = input.revisions ? await input.revisions(periodText) : undefined;
  if (published === null) throw notFound(`${form.code ?? form.id} for ${periodText}`, 'period_not_published');
  const revisions = published
    ? await repo.findRevisionsByIds(db, form.id, periodText, published)
    : await repo.findCurrentRevisions(db, form.id, periodText, input.asOf);
  const data = await repo.findSectionRows(
    db,
    revisions.map((r) => r.id),
    section.id,
  );
  const b = stored.structure.breakdown;
  const labelOf = (id: string): Label | null => {
    const v = [...(b.values ?? []), ...(b.outside ?? [])].find((x) => x.id === id);
    if (v) return v.label;
    return inForceOn(catalog.regions, on).some((r) => r.id === id) ? regionNameOn(catalog, id, on) : null;
  };
  const revisionIds = new Map<TableColumn, number>();
  const columns: TableColumn[] = revisions.map((r) => {
    const byRow = data.get(r.id) ?? new Map<string, (number | null)[]>();
    const values: Record<string, (number | null)[]> = {};
    for (const row of rows) {
      const v = byRow.get(row.code);
      values[row.code] = keep.map((i) => v?.[i] ?? null);
    }
    const column: TableColumn = {
      breakdown: r.breakdown,
      label: labelOf(r.breakdown),
      kind: 'submitted',
      revision: r.revision,
      submittedAt: r.submittedAt.toISOString(),
      origin: r.origin,
      status: statusOf(r.origin, published !== undefined),
      values,
    };
    revisionIds.set(column, r.id);
    return column;
  });
  await markRevisedValues(
    db,
    { form: form.id, period: periodText, section: section.id, rows, graphs },
    columns,
    revisionIds,
    published ? (input.earlierRevisions ?? []) : input.earlierRevisions,
  );
  let republic: Table['republic'] = null;
  let coverage: RegionCoverage | null = null;
  if (b.dimension === 'region') {
    const regionIds = inForceOn(catalog.regions, on)
      .map((r) => r.id)
      .filter((id) => id !== b.total);
    const parts = columns.filter((c) => regionIds.includes(c.breakdown));
    const missing = regionIds.filter((id) => !parts.some((c) => c.breakdown === id));
    coverage = {
      regions: parts.length,
      of: regionIds.length,
      complete: missing.length === 0,
      missing: missing.map((id) => ({ id, label: labelOf(id) })),
    };
    if (parts.length) {
      const values: Record<string, (number | null)[]> = {};
      for (const row of rows) {
        values[row.code] = keep.map((_, j) => {
          const xs = parts.map((c) => c.values[row.code]?.[j] ?? null).filter((x): x is number => x !== null);
          return xs.length ? xs.reduce((s, x) => s + x, 0) : null;
        });
      }
      const stored00 = columns.some((c) => c.breakdown === b.total);
      columns.push({
        breakdown: b.total,
        // A sum of part of the regions is not the republic: its label says what it is.
        label: coverage.complete ? labelOf(b.total) : partialSumLabel(coverage),
        kind: 'derived',
        revision: null,
        submittedAt: null,
        origin: null,
        status: 'derived',
        values,
        ...revisedOfSum(parts),
      });
      republic = {
        stored: stored00,
        derivedFrom: parts.map((c) => c.breakdown),
        missingRegions: missing,
      };
    }
  }
  const wanted =
    input.breakdown && input.breakdown !== 'all'
      ? columns.filter((c) => c.breakdown === input.breakdown)
      : columns;
  return {
    form: { id: form.id, code: form.code ?? form.id, titles: form.titles },
    section: { id: section.id, title: section.title },
    period: periodText,
    cumulative: stored.structure.cumulative,
    provisionalStructure: stored.structure.provisional,
    graphs,
    rows,
    columns: wanted,
    notice: noticeOf(wanted),
    republic,
    coverage,
  };
}

export interface RevisionEntry {
  breakdown: string;
  revision: number;
  submittedAt: string;
  supersededAt: string | null;
  submittedBy: string;
  organisationId: string | null;
  reason: string | null;
  channel: string;
  valueCount: number;
  origin: string;
}

/** Every revision of a form's period, current and superseded: who, when and why (public). */
export const listRevisions = query({
  name: 'list the revisions of a period',
  policy: readsPublishedOrStaff<{ revisionIds?: readonly number[] }>(),
  run: async (
    { db },
    input: { form: string; period: string; revisionIds?: readonly number[] },
  ): Promise<{ form: string; period: string; revisions: RevisionEntry[] }> => {
    const period = parsePeriodAt(input.period, '/params/period');
    const { catalog } = await currentCatalog(db);
    const form = findForm(catalog, input.form, periodEnd(period));
    if (!form) throw notFound(`Form "${input.form}" in ${input.period}`, 'form_not_found');
    const periodText = formatPeriod(period);
    // Given the published revisions, the history is theirs alone: what was never published stays unseen.
    const shown = input.revisionIds ? new Set(input.revisionIds) : null;
    const history = await repo.findRevisionHistory(db, form.id, periodText);
    const revisions = history
      .filter((r) => !shown || shown.has(r.id))
      .map((r) => ({
        breakdown: r.breakdown,
        revision: r.revision,
        submittedAt: r.submittedAt.toISOString(),
        supersededAt: r.supersededAt?.toISOString() ?? null,
        submittedBy: r.actorName,
        organisationId: r.organisationId,
        reason: r.reason,
        channel: r.channel,
        valueCount: r.valueCount,
        origin: r.origin,
      }));
    return { form: form.code ?? form.id, period: periodText, revisions };
  },
});

export interface SeriesPoint {
  period: string;
  value: number | null;
  revision: number;
  origin: string;
}

/** One cell across periods (for a cumulative form, each value runs from January to its month). */
export const readSeries = query({
  name: 'read a series',
  policy: readsPublishedOrStaff<{ revisionIds?: readonly number[] }>(),
  run: async (
    { db, actor },
    input: {
      form: string;
      section: string;
      row: string;
      graph: number;
      breakdown: string;
      from: string;
      to: string;
      /** only these revisions (the published ones); default: the current ones */
      revisionIds?: readonly number[];
    },
  ): Promise<{ form: string; cumulative: boolean; points: SeriesPoint[] }> => {
    const from = parsePeriodAt(input.from, '/query/from');
    const to = parsePeriodAt(input.to, '/query/to');
    if (periodStart(from) > periodStart(to))
      throw invalidInput('"from" is after "to".', [
        { pointer: '/query/from', code: 'invalid_range', message: 'must not be after "to"' },
      ]);
    const { catalog } = await currentCatalog(db);
    const form = findForm(catalog, input.form, periodEnd(to));
    if (!form) throw notFound(`Form "${input.form}"`, 'form_not_found');
    const stored = await structureFor(db, form.id, to);
    const section = stored?.structure.sections.find((s) => s.id === input.section);
    const row = section?.rows.find((r) => r.code === input.row);
    const graph = section?.graphs.find((g) => g.n === input.graph);
    if (
      !stored ||
      !section ||
      !row ||
      !graph ||
      ![stored.structure.access, section.access, row.access, graph.access].every((a) => mayRead(actor, a))
    ) {
      throw notFound(
        `Cell ${input.section} row ${input.row} graph ${input.graph} of ${form.code ?? form.id}`,
        'cell_not_found',
      );
    }
    const rows = await repo.findSeries(db, {
      form: form.id,
      breakdown: input.breakdown,
      section: section.id,
      row: row.code,
      graph: graph.n,
      from: periodStart(from),
      to: periodStart(to),
      revisionIds: input.revisionIds,
    });
    const b = stored.structure.breakdown;
    if (!rows.length && b.dimension === 'region' && input.breakdown === b.total)
      // The republic of a regional form is summed from the regions when a table is read, never
      // stored: an empty list would say "no figures", which is not true.
      throw invalidInput(
        `The republic's figures of ${form.code ?? form.id} are not stored but derived from the regions' when a table is read: ask for a region's series, or read the republic in the tables (/api/v1/forms/${form.code ?? form.id}/tables/{period}?region=${b.total}).`,
        [
          {
            pointer: '/query/region',
            code: 'derived_breakdown',
            message: `${b.total} is derived from the regions, not stored: name a region`,
          },
        ],
        'derived_series',
      );
    return {
      form: form.code ?? form.id,
      cumulative: stored.structure.cumulative,
      points: rows.map((r) => ({
        period: r.period,
        value: r.value === null ? null : Number(r.value),
        revision: r.revision,
        origin: r.origin,
      })),
    };
  },
});
