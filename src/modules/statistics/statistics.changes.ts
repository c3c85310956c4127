// How a table's figures changed: against the same period of the previous year (as Kazakh legal
// statistics are read), and against the revision they superseded (which values were revised).
import type { TerritoryChange } from '../catalog/index.js';
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './statistics.reads.repository.js';
import type { Comparison, Table, TableColumn } from './statistics.table.js';
import type { Graph, Row } from './structure.schema.js';

/**
 * The column against the same breakdown of the previous year's table: "no data" where it is
 * missing; "not comparable", with the reason, where the region's territory changed in between
 * (`changes`, from the catalogue's region history): the previous values stay, no change is given.
 */
export function compareColumn(
  table: Table,
  column: TableColumn,
  prev: TableColumn | undefined,
  prevTable: Table | null,
  period: string,
  changes: readonly TerritoryChange[] = [],
): Comparison {
  const changed = changes[0];
  const out: Comparison = {
    period,
    previous: {},
    change: {},
    changePercent: {},
    noData: !prev,
    comparable: !changed,
    ...(changed ? { notComparable: { date: changed.date, basis: changed.basis?.titles ?? null } } : {}),
  };
  for (const row of table.rows) {
    const now = column.values[row.code] ?? [];
    const then = table.graphs.map((g) => {
      const j = prevTable?.graphs.findIndex((x) => x.n === g.n) ?? -1;
      return j >= 0 ? (prev?.values[row.code]?.[j] ?? null) : null;
    });
    out.previous[row.code] = then;
    out.change[row.code] = now.map((v, i) => (changed || v === null || then[i] == null ? null : v - then[i]));
    out.changePercent[row.code] = now.map((v, i) => {
      const p = then[i];
      return changed || v === null || p == null || p === 0 ? null : Math.round(((v - p) / p) * 1000) / 10;
    });
  }
  return out;
}

/**
 * Marks, per submitted column, the values that differ from the revision it supersedes: for the
 * public, the breakdown's revision in the publication before (`earlier`, a frozen set of revision
 * ids; a breakdown it lacked is new, all its values changes); for staff (`earlier` undefined), the
 * breakdown's previous revision. A column where a value the reader sees changed gets `revised`
 * (row → graph numbers; a value that appeared or disappeared counts) and, when published, the
 * status `revised`; any other keeps `final`. The derived republic is revised wherever a region is.
 */
export async function markRevisedValues(
  db: Queryable,
  table: { form: string; period: string; section: string; rows: readonly Row[]; graphs: readonly Graph[] },
  columns: TableColumn[],
  revisionIds: ReadonlyMap<TableColumn, number>,
  earlier: readonly number[] | undefined,
): Promise<void> {
  const { form, period } = table;
  // breakdown → the revision id it supersedes; null: none, the breakdown is new in this publication
  const before = new Map<string, number | null>();
  if (earlier === undefined) {
    const history = await repo.findRevisionHistory(db, form, period);
    for (const c of columns) {
      const prev = history.find((r) => r.breakdown === c.breakdown && r.revision === (c.revision ?? 0) - 1);
      if (prev) before.set(c.breakdown, prev.id);
    }
  } else if (earlier.length) {
    const held = new Map(
      (await repo.findRevisionsByIds(db, form, period, earlier)).map((r) => [r.breakdown, r.id]),
    );
    // A region the publication before did not have is new: every value it brings is a change.
    for (const c of columns) before.set(c.breakdown, held.get(c.breakdown) ?? null);
  }
  const changed = columns.filter((c) => {
    const id = revisionIds.get(c);
    return id !== undefined && before.has(c.breakdown) && before.get(c.breakdown) !== id;
  });
  if (!changed.length) return;
  const earlierIds = changed.map((c) => before.get(c.breakdown)).filter((id): id is number => id != null);
  const old = await repo.findSectionRows(db, earlierIds, table.section);
  const graphIndex = table.graphs.map((g) => g.n - 1);
  for (const c of changed) {
    const id = before.get(c.breakdown);
    const then = (id != null ? old.get(id) : undefined) ?? new Map<string, (number | null)[]>();
    const revised: Record<string, number[]> = {};
    for (const row of table.rows) {
      const was = then.get(row.code);
      const graphs = table.graphs
        .filter((g, j) => (c.values[row.code]?.[j] ?? null) !== (was?.[graphIndex[j]!] ?? null))
        .map((g) => g.n);
      if (graphs.length) revised[row.code] = graphs;
    }
    // Only what the reader sees: a revision that changed restricted cells alone shows no change.
    if (!Object.keys(revised).length) continue;
    c.revised = revised;
    if (c.status === 'final') c.status = 'revised';
  }
}

/** The derived republic's revised values (`{ revised }`, or nothing): wherever a region it sums is. */
export function revisedOfSum(parts: readonly TableColumn[]): { revised?: Record<string, number[]> } {
  const revisedParts = parts.filter((p) => p.revised);
  if (!revisedParts.length) return {};
  const out: Record<string, Set<number>> = {};
  for (const p of revisedParts)
    for (const [row, graphs] of Object.entries(p.revised!))
      for (const g of graphs) (out[row] ??= new Set()).add(g);
  return {
    revised: Object.fromEntries(Object.entries(out).map(([row, gs]) => [row, [...gs].sort((a, b) => a - b)])),
  };
}
