// A register's list as CSV, in the columns of the official lists (seed/registers):
// `seq,name_ru,name_kk_field,raw_name_ru,egov_dataset`. `seq` and `name_ru` are required; the other
// columns may be left out (their values are then not known). UTF-8 (a BOM is fine), comma or
// semicolon separated. A file is checked as a whole: every problem is named by its line and column.
import { parse } from 'csv-parse/sync';
import type { FieldProblem } from '../../platform/errors/index.js';

export const REGISTER_COLUMNS = ['seq', 'name_ru', 'name_kk_field', 'raw_name_ru', 'egov_dataset'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
const REQUIRED: readonly RegisterColumn[] = ['seq', 'name_ru'];

/** One row of a list, as published. */
export interface ListRow {
  seq: number;
  nameRu: string;
  nameKkField: string | null;
  rawNameRu: string | null;
  egovDataset: string | null;
  /** the line of the file, for messages */
  line: number;
}

const MAX_SEQ = 2_147_483_647;

function problem(line: number, column: string, code: string, message: string): FieldProblem {
  return {
    pointer: `/line/${line}/${column}`,
    code,
    message: `line ${line}, column ${column}: ${message}`,
    params: { line, column },
  };
}

/** Parses and checks a list; rows only when there is no problem (all or nothing). */
export function parseRegisterCsv(text: string): { rows: ListRow[]; problems: FieldProblem[] } {
  let records: string[][];
  try {
    const delimiter = (text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (err) {
    return {
      rows: [],
      problems: [
        {
          pointer: '/line/1',
          code: 'malformed_csv',
          message: `not readable as CSV: ${(err as Error).message}`,
        },
      ],
    };
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const problems: FieldProblem[] = [];
  header.forEach((name, i) => {
    if (!(REGISTER_COLUMNS as readonly string[]).includes(name))
      problems.push(
        problem(
          1,
          name || `#${i + 1}`,
          'unknown_column',
          `'${name}' is not a column of a register (${REGISTER_COLUMNS.join(', ')})`,
        ),
      );
    else if (header.indexOf(name) !== i)
      problems.push(problem(1, name, 'duplicate_column', 'the column is named twice'));
  });
  for (const c of REQUIRED)
    if (!header.includes(c)) problems.push(problem(1, c, 'missing_column', 'the required column is missing'));
  if (problems.length) return { rows: [], problems };
  if (records.length < 2)
    return { rows: [], problems: [problem(2, 'seq', 'empty_list', 'the list has no rows')] };

  const at = (rec: string[], c: RegisterColumn): string | null => {
    const i = header.indexOf(c);
    return i < 0 ? null : (rec[i] ?? '');
  };
  // An optional column left out, or a cell left empty: the file does not say it.
  const optional = (rec: string[], c: RegisterColumn): string | null => at(rec, c) || null;
  const firstLineOf = new Map<number, number>();
  const rows: ListRow[] = [];
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    if (rec.length > header.length)
      problems.push(
        problem(
          line,
          `#${header.length + 1}`,
          'extra_cells',
          `${rec.length} cells for ${header.length} columns`,
        ),
      );
    const seqText = (at(rec, 'seq') ?? '').trim();
    let seq: number | null = null;
    if (seqText === '') problems.push(problem(line, 'seq', 'missing_seq', 'the sequence number is missing'));
    else if (!/^[0-9]+$/.test(seqText) || Number(seqText) < 1 || Number(seqText) > MAX_SEQ)
      problems.push(problem(line, 'seq', 'invalid_seq', `'${seqText}' is not a positive whole number`));
    else {
      seq = Number(seqText);
      const first = firstLineOf.get(seq);
      if (first !== undefined)
        problems.push(
          problem(line, 'seq', 'duplicate_seq', `sequence number ${seq} is already on line ${first}`),
        );
      else firstLineOf.set(seq, line);
    }
    const nameRu = at(rec, 'name_ru') ?? '';
    if (nameRu.trim() === '') problems.push(problem(line, 'name_ru', 'empty_title', 'the title is empty'));
    if (seq === null) return;
    rows.push({
      seq,
      nameRu,
      nameKkField: optional(rec, 'name_kk_field'),
      rawNameRu: optional(rec, 'raw_name_ru'),
      egovDataset: optional(rec, 'egov_dataset'),
      line,
    });
  });
  return problems.length ? { rows: [], problems } : { rows, problems };
}
