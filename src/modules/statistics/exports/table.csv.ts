import { stringify } from 'csv-stringify/sync';
import type { Table } from '../statistics.table.js';

/**
 * A table in long-wide CSV (UTF-8 with BOM): one line per (breakdown, row), a column per graph,
 * then the line's status (final, revised, provisional, synthetic, derived; `partial` for a sum of
 * part of the regions, never the republic), the graphs of the line whose value a revision changed
 * since the publication before, space-separated, and the coverage of a derived sum, "1/20"
 * (regions summed / regions in force).
 */
export function tableToCsv(table: Table): string {
  const lines: (string | number | null)[][] = [
    [
      'section',
      'row',
      'label',
      'breakdown',
      ...table.graphs.map((g) => `g${g.n}`),
      'status',
      'revised',
      'coverage',
    ],
  ];
  const cov = table.coverage;
  for (const c of table.columns) {
    const derived = c.kind === 'derived' && cov !== null;
    const status = derived && !cov.complete ? 'partial' : c.status;
    const coverage = derived ? `${cov.regions}/${cov.of}` : '';
    for (const r of table.rows)
      lines.push([
        table.section.id,
        r.code,
        r.label.ru,
        c.breakdown,
        ...(c.values[r.code] ?? []),
        status,
        (c.revised?.[r.code] ?? []).join(' '),
        coverage,
      ]);
  }
  return stringify(lines, { bom: true });
}
