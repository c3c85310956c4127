import { stringify } from 'csv-stringify/sync';
import type { Table } from '../statistics.table.js';

/**
 * A table in long-wide CSV (UTF-8 with BOM): one line per (breakdown, row), a column per graph,
 * then the line's status (final, revised, provisional, synthetic, derived) and the graphs of the
 * line whose value a revision changed since the publication before, space-separated.
 */
export function tableToCsv(table: Table): string {
  const lines: (string | number | null)[][] = [
    ['section', 'row', 'label', 'breakdown', ...table.graphs.map((g) => `g${g.n}`), 'status', 'revised'],
  ];
  for (const c of table.columns) {
    for (const r of table.rows)
      lines.push([
        table.section.id,
        r.code,
        r.label.ru,
        c.breakdown,
        ...(c.values[r.code] ?? []),
        c.status,
        (c.revised?.[r.code] ?? []).join(' '),
      ]);
  }
  return stringify(lines, { bom: true });
}
