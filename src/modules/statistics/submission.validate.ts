// A submission is validated as a whole: every value against the form's structure (known section,
// row and graph; a non-negative whole number where a count belongs; no cell twice), then the
// control relations on all of it. Every problem is addressed to its cell; nothing is stored
// unless there is none.
import { checkRelations } from './relations.js';
import type { FormStructure, Section } from './structure.schema.js';

export interface SubmittedValue {
  section: string;
  row: string;
  graph: number;
  value: unknown;
  /** where the value came from, for messages: `/values/3`, `line 12`, `R1!F12` */
  ref: string;
}

export interface CellProblem {
  /** a JSON pointer into the request, or the file's place (line, sheet!cell) */
  pointer: string;
  code: string;
  message: string;
  section?: string;
  row?: string;
  graph?: number;
}

export interface ValidatedRows {
  rows: { section: string; row: string; vals: (number | null)[] }[];
  valueCount: number;
}

export const MAX_PROBLEMS = 200;

function parseNumber(raw: unknown): number | null | undefined {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string') {
    const t = raw
      .trim()
      .replace(/\u00a0| /g, '')
      .replace(',', '.');
    if (t === '' || t === '-') return null;
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
  }
  return undefined;
}

export function validateSubmission(
  structure: FormStructure,
  values: readonly SubmittedValue[],
): { ok: true; result: ValidatedRows } | { ok: false; problems: CellProblem[]; more: number } {
  const problems: CellProblem[] = [];
  // Cells are indexed by position (row index × width + graph − 1), not by text keys: a whole
  // national report is millions of values.
  interface Grid {
    section: Section;
    rows: Map<string, number>;
    graphs: Map<number, Section['graphs'][number]>;
    width: number;
    values: (number | null)[];
    refs: (string | undefined)[];
    present: boolean;
  }
  const grids = new Map<string, Grid>();
  for (const s of structure.sections) {
    const width = Math.max(...s.graphs.map((g) => g.n));
    grids.set(s.id, {
      section: s,
      rows: new Map(s.rows.map((r, i) => [r.code, i])),
      graphs: new Map(s.graphs.map((g) => [g.n, g])),
      width,
      values: new Array<number | null>(s.rows.length * width).fill(null),
      refs: new Array<string | undefined>(s.rows.length * width),
      present: false,
    });
  }
  const cell = (v: SubmittedValue) => `${v.section} row ${v.row} graph ${v.graph}`;
  let valueCount = 0;
  for (const v of values) {
    const where = { pointer: v.ref, section: v.section, row: v.row, graph: v.graph };
    const s = grids.get(v.section);
    if (!s) {
      problems.push({
        ...where,
        code: 'unknown_section',
        message: `${structure.form} has no section "${v.section}"`,
      });
      continue;
    }
    const rowIndex = s.rows.get(v.row);
    if (rowIndex === undefined) {
      problems.push({ ...where, code: 'unknown_row', message: `section ${v.section} has no row "${v.row}"` });
      continue;
    }
    const graph = s.graphs.get(v.graph);
    if (!graph) {
      problems.push({
        ...where,
        code: 'unknown_graph',
        message: `section ${v.section} has no graph ${v.graph}`,
      });
      continue;
    }
    const at = rowIndex * s.width + v.graph - 1;
    const earlier = s.refs[at];
    if (earlier !== undefined) {
      problems.push({
        ...where,
        code: 'duplicate_cell',
        message: `${cell(v)} is given twice (also at ${earlier})`,
      });
      continue;
    }
    s.refs[at] = v.ref;
    const n = parseNumber(v.value);
    if (n === undefined) {
      problems.push({
        ...where,
        code: 'not_a_number',
        message: `${cell(v)}: "${String(v.value)}" is not a number`,
      });
      continue;
    }
    if (n !== null && n < 0) {
      problems.push({ ...where, code: 'negative', message: `${cell(v)}: ${n} is negative` });
      continue;
    }
    if (n !== null && graph.valueType === 'integer' && !Number.isInteger(n)) {
      problems.push({
        ...where,
        code: 'not_a_whole_number',
        message: `${cell(v)}: ${n} is not a whole number (a count)`,
      });
      continue;
    }
    s.values[at] = n;
    s.present = true;
    if (n !== null) valueCount++;
  }
  if (values.length === 0)
    problems.push({ pointer: '/values', code: 'empty_submission', message: 'the submission holds no value' });
  if (problems.length === 0) {
    const lookup = (section: string, row: string, graph: number): number => {
      const g = grids.get(section);
      const i = g?.rows.get(row);
      return g && i !== undefined && graph <= g.width ? (g.values[i * g.width + graph - 1] ?? 0) : 0;
    };
    const present = new Set([...grids.values()].filter((g) => g.present).map((g) => g.section.id));
    for (const v of checkRelations(structure, lookup, present)) {
      const g = grids.get(v.section);
      const i = g?.rows.get(v.row);
      const ref = g && i !== undefined ? g.refs[i * g.width + v.graph - 1] : undefined;
      problems.push({
        pointer: ref ?? `${v.section} row ${v.row} graph ${v.graph}`,
        code: 'control_relation',
        message: `${v.relation}: ${v.message}`,
        section: v.section,
        row: v.row,
        graph: v.graph,
      });
    }
  }
  if (problems.length)
    return {
      ok: false,
      problems: problems.slice(0, MAX_PROBLEMS),
      more: Math.max(0, problems.length - MAX_PROBLEMS),
    };

  // One array per (section, row): graph n at index n - 1.
  const rows: ValidatedRows['rows'] = [];
  for (const g of grids.values()) {
    if (!g.present) continue;
    g.section.rows.forEach((r, i) => {
      const vals = g.values.slice(i * g.width, (i + 1) * g.width);
      if (vals.some((x) => x !== null)) rows.push({ section: g.section.id, row: r.code, vals });
    });
  }
  return { ok: true, result: { rows, valueCount } };
}
