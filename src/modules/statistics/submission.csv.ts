// The long CSV form of a submission: `section,row,graph,breakdown,value`, one value a line,
// UTF-8 (a BOM is fine), comma or semicolon separated. Every value keeps its line for messages.
import { parse } from 'csv-parse/sync';
import type { FieldProblem } from '../../platform/errors/index.js';
import { describedProblem } from '../../platform/errors/index.js';
import type { SubmissionPart } from './statistics.service.js';

const COLUMNS = ['section', 'row', 'graph', 'breakdown', 'value'] as const;

export function partsFromCsv(text: string): { parts: SubmissionPart[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let records: string[][];
  try {
    const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    return {
      parts: [],
      problems: [describedProblem('line 1', 'malformed_csv', { reason: (err as Error).message })],
    };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const missing = COLUMNS.filter((c) => index[c] < 0);
  if (missing.length) {
    return {
      parts: [],
      problems: [
        describedProblem('line 1', 'missing_columns', {
          required: COLUMNS.join(', '),
          missing: missing.join(', '),
        }),
      ],
    };
  }
  const byBreakdown = new Map<string, SubmissionPart>();
  records.slice(1).forEach((rec, i) => {
    const line = `line ${i + 2}`;
    const cell = (c: (typeof COLUMNS)[number]) => rec[index[c]] ?? '';
    const graph = Number(cell('graph'));
    if (!Number.isInteger(graph) || graph < 1) {
      problems.push(describedProblem(line, 'invalid_graph', { value: cell('graph') }));
      return;
    }
    const breakdown = cell('breakdown');
    let part = byBreakdown.get(breakdown);
    if (!part) byBreakdown.set(breakdown, (part = { breakdown, breakdownRef: line, values: [] }));
    part.values.push({ section: cell('section'), row: cell('row'), graph, value: cell('value'), ref: line });
  });
  return { parts: [...byBreakdown.values()], problems };
}
