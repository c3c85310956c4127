// The tables of an answer (Order 25, para 5: information is given within the indicators that
// exist): for each indicator the decision found figures for, the published tables of its periods,
// read by the query the public API uses (`readTable` with the publication's revisions), cut to
// the rows, graphs and regions asked. So an answer and a published table never disagree.
// Official-use parts are read only where the applicant's organisation holds the right (para 2,
// item 10; `accessRights`); secret parts are read for no one.
import { findForm, type Catalog } from '../catalog/index.js';
import { publishedPeriodsOf } from '../publishing/index.js';
import { readTable, type Table, type TableColumn } from '../statistics/index.js';
import { DomainError } from '../../platform/errors/index.js';
import { anonymousActor, systemActor, type Deps } from '../../platform/usecase.js';
import type { IndicatorFinding } from './request.decide.js';

export interface AnswerTable {
  /** the position of the indicator in the request */
  index: number;
  period: string;
  /** the public table this one is cut from */
  link: string;
  /** a span of a cumulative form not starting in January: this table minus the one named */
  minus?: string;
  table: Table;
}

/** Keeps the rows, graphs and breakdown values asked, in the table's own order. */
export function cutTable(table: Table, f: Pick<IndicatorFinding, 'rows' | 'graphs' | 'regions'>): Table {
  const keep = table.graphs.map((g, i) => (f.graphs.includes(g.n) ? i : -1)).filter((i) => i >= 0);
  const rows = table.rows.filter((r) => f.rows.includes(r.code));
  const cutValues = (values: Record<string, (number | null)[]>) =>
    Object.fromEntries(rows.map((r) => [r.code, keep.map((i) => values[r.code]?.[i] ?? null)]));
  // The stored column of a breakdown value is the published one; the sum of the regions only
  // where the republic was not submitted.
  const columns: TableColumn[] = [];
  for (const region of f.regions) {
    const of = table.columns.filter((c) => c.breakdown === region);
    const column = of.find((c) => c.kind === 'submitted') ?? of[0];
    if (column) {
      const { comparison: _c, ...rest } = column;
      columns.push({ ...rest, values: cutValues(column.values) });
    }
  }
  return {
    ...table,
    graphs: keep.map((i) => table.graphs[i]!),
    rows,
    columns,
  };
}

/** The published tables of every indicator that has figures to give. */
export async function answerTables(
  deps: Deps,
  catalog: Catalog,
  findings: readonly IndicatorFinding[],
  officialUse: boolean,
  baseUrl: string,
): Promise<AnswerTable[]> {
  const out: AnswerTable[] = [];
  // The figures a body with the right may have are read by the system (readTable lets no one else
  // ask for the official-use parts); everyone else reads as the public does.
  const reader = officialUse ? systemActor('requests.answer') : anonymousActor;
  for (const f of findings) {
    if (f.status === 'not-available') continue;
    const day = f.periods.at(-1)?.period;
    const form = day ? findForm(catalog, f.form, `${day.slice(0, 4)}-12-31`) : undefined;
    if (!form) continue;
    const published = new Map(
      (await publishedPeriodsOf(deps.db, form.id, deps.clock.now())).map((p) => [p.period, p.publication]),
    );
    for (const p of f.periods) {
      const [period, minus] = p.derivedFrom ?? [p.period];
      for (const part of minus ? [period!, minus] : [period!]) {
        const publication = published.get(part);
        if (!publication) continue; // listed as not published by the decision
        let table: Table;
        try {
          table = await readTable(deps, reader, {
            form: form.id,
            section: f.section,
            period: part,
            revisions: async (x) => (x === part ? publication.revisionIds : null),
            earlierRevisions: [],
            officialUse,
          });
        } catch (err) {
          // A section the applicant may not see: the decision lists it as withheld.
          if (err instanceof DomainError && err.category === 'not_found') continue;
          throw err;
        }
        const cut = cutTable(table, f);
        if (cut.rows.length === 0 || cut.graphs.length === 0 || cut.columns.length === 0) continue;
        out.push({
          index: f.index,
          period: part,
          link: `${baseUrl}/api/v1/forms/${form.slug}/tables/${part}?section=${encodeURIComponent(f.section)}`,
          ...(minus && part === period ? { minus } : {}),
          table: cut,
        });
      }
    }
  }
  return out;
}
