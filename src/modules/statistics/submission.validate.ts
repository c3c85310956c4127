// A submission is validated as a whole: every value against the form's structure (known section,
// row and graph; a non-negative whole number where a count belongs; no cell twice), then the
// control relations on all of it. Every problem is addressed to its cell; nothing is stored
// unless there is none.
import { cellKey, checkRelations } from './relations.js';
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
  const sections = new Map<
    string,
    { section: Section; rows: Map<string, number>; graphs: Map<number, Section['graphs'][number]> }
  >();
  for (const s of structure.sections) {
    sections.set(s.id, {
      section: s,
      rows: new Map(s.rows.map((r, i) => [r.code, i])),
      graphs: new Map(s.graphs.map((g) => [g.n, g])),
    });
  }
  const cells = new Map<string, number | null>();
  const seen = new Map<string, string>();
  const present = new Set<string>();
  for (const v of values) {
    const where = { pointer: v.ref, section: v.section, row: v.row, graph: v.graph };
    const s = sections.get(v.section);
    if (!s) {
      problems.push({
        ...where,
        code: 'unknown_section',
        message: `${structure.form} has no section "${v.section}"`,
      });
      continue;
    }
    if (!s.rows.has(v.row)) {
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
    const key = cellKey(v.section, v.row, v.graph);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        ...where,
        code: 'duplicate_cell',
        message: `${v.section} row ${v.row} graph ${v.graph} is given twice (also at ${earlier})`,
      });
      continue;
    }
    seen.set(key, v.ref);
    const n = parseNumber(v.value);
    if (n === undefined) {
      problems.push({
        ...where,
        code: 'not_a_number',
        message: `${v.section} row ${v.row} graph ${v.graph}: "${String(v.value)}" is not a number`,
      });
      continue;
    }
    if (n !== null && n < 0) {
      problems.push({
        ...where,
        code: 'negative',
        message: `${v.section} row ${v.row} graph ${v.graph}: ${n} is negative`,
      });
      continue;
    }
    if (n !== null && graph.valueType === 'integer' && !Number.isInteger(n)) {
      problems.push({
        ...where,
        code: 'not_a_whole_number',
        message: `${v.section} row ${v.row} graph ${v.graph}: ${n} is not a whole number (a count)`,
      });
      continue;
    }
    cells.set(key, n);
    present.add(v.section);
  }
  if (values.length === 0)
    problems.push({ pointer: '/values', code: 'empty_submission', message: 'the submission holds no value' });
  if (problems.length === 0) {
    const refOf = (section: string, row: string, graph: number) =>
      seen.get(cellKey(section, row, graph)) ?? `${section} row ${row} graph ${graph}`;
    for (const v of checkRelations(structure, cells, present)) {
      problems.push({
        pointer: refOf(v.section, v.row, v.graph),
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
  for (const s of structure.sections) {
    if (!present.has(s.id)) continue;
    const width = Math.max(...s.graphs.map((g) => g.n));
    for (const r of s.rows) {
      const vals: (number | null)[] = Array.from(
        { length: width },
        (_, i) => cells.get(cellKey(s.id, r.code, i + 1)) ?? null,
      );
      if (vals.some((x) => x !== null)) rows.push({ section: s.id, row: r.code, vals });
    }
  }
  const valueCount = [...cells.values()].filter((v) => v !== null).length;
  return { ok: true, result: { rows, valueCount } };
}
