// A submission is validated as a whole: every value against the form's structure (known section,
// row and graph; a non-negative whole number where a count belongs; no cell twice), then the
// control relations on all of it. Every problem is addressed to its cell; nothing is stored
// unless there is none.
import {
  DomainError,
  describedProblem,
  problemDetail,
  type FieldProblem,
  type ProblemParams,
} from '../../platform/errors/index.js';
import { checkSectionGrid, sectionLayout, type SectionLayout } from './relations.js';
import type { FormStructure } from './structure.schema.js';

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
  /** what the message is made of, for the message in other languages */
  params: ProblemParams;
  section?: string;
  row?: string;
  graph?: number;
}

export interface ValidatedRows {
  rows: { section: string; row: string; vals: (number | null)[] }[];
  valueCount: number;
}

export const MAX_PROBLEMS = 200;

/** A submission refused: its first `MAX_PROBLEMS` problems listed, and how many it has (`more` unlisted). */
export function submissionRefused(problems: readonly FieldProblem[], more = 0): DomainError {
  const listed = problems.slice(0, MAX_PROBLEMS);
  const count = problems.length + more;
  const params = { count, ...(count > listed.length ? { listed: listed.length } : {}) };
  return new DomainError(
    'invalid_input',
    'submission_rejected',
    problemDetail('submission_rejected', params, 'en')!,
    listed.map(({ pointer, code, message, params }) => ({
      pointer,
      code,
      message,
      ...(params ? { params } : {}),
    })),
    params,
  );
}

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
  // national report is millions of values. The layouts are kept per structure; a grid is made
  // only for a section the submission names (one region's R1 is 13,000 cells, all of 1-М 217,000).
  interface Grid {
    layout: SectionLayout;
    values: (number | null)[];
    refs: (string | undefined)[];
  }
  const sections = layoutsOf(structure);
  const grids = new Map<string, Grid>();
  const gridOf = (id: string): Grid | undefined => {
    let g = grids.get(id);
    if (!g) {
      const layout = sections.get(id);
      if (!layout) return undefined;
      const size = layout.section.rows.length * layout.width;
      g = {
        layout,
        values: new Array<number | null>(size).fill(null),
        refs: new Array<string | undefined>(size).fill(undefined),
      };
      grids.set(id, g);
    }
    return g;
  };
  // A problem of a submitted value: addressed to its cell, worded from the cell and `more`.
  const problem = (v: SubmittedValue, code: string, more: ProblemParams = {}): CellProblem => ({
    ...describedProblem(v.ref, code, { section: v.section, row: v.row, graph: v.graph, ...more }),
    section: v.section,
    row: v.row,
    graph: v.graph,
  });
  let valueCount = 0;
  let lastId: string | undefined;
  let last: Grid | undefined;
  for (const v of values) {
    if (v.section !== lastId) {
      lastId = v.section;
      last = gridOf(v.section);
    }
    const s = last;
    if (!s) {
      problems.push(problem(v, 'unknown_section', { form: structure.form }));
      continue;
    }
    const rowIndex = s.layout.rows.get(v.row);
    if (rowIndex === undefined) {
      problems.push(problem(v, 'unknown_row'));
      continue;
    }
    const graph = s.layout.graphs.get(v.graph);
    if (!graph) {
      problems.push(problem(v, 'unknown_graph'));
      continue;
    }
    const at = rowIndex * s.layout.width + v.graph - 1;
    const earlier = s.refs[at];
    if (earlier !== undefined) {
      problems.push(problem(v, 'duplicate_cell', { earlier }));
      continue;
    }
    s.refs[at] = v.ref;
    const n = parseNumber(v.value);
    if (n === undefined) {
      problems.push(problem(v, 'not_a_number', { value: String(v.value) }));
      continue;
    }
    if (n !== null && n < 0) {
      problems.push(problem(v, 'negative', { value: n }));
      continue;
    }
    if (n !== null && graph.valueType === 'integer' && !Number.isInteger(n)) {
      problems.push(problem(v, 'not_a_whole_number', { value: n }));
      continue;
    }
    s.values[at] = n;
    if (n !== null) valueCount++;
  }
  if (values.length === 0) problems.push(describedProblem('/values', 'empty_submission', {}));
  // Without problems, every grid made holds at least one accepted value (its section is present).
  // Sections are checked and stored in the structure's order.
  const present: Grid[] = [];
  if (problems.length === 0)
    for (const layout of sections.values()) {
      const g = grids.get(layout.section.id);
      if (g) present.push(g);
    }
  for (const g of present) {
    const { rows, width } = g.layout;
    for (const v of checkSectionGrid(g.layout, g.values)) {
      const i = rows.get(v.row);
      const ref = i !== undefined ? g.refs[i * width + v.graph - 1] : undefined;
      problems.push({
        ...describedProblem(ref ?? `${v.section} row ${v.row} graph ${v.graph}`, 'control_relation', {
          relation: v.relation,
          ...v.params,
        }),
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
  for (const g of present) {
    const { section, width } = g.layout;
    section.rows.forEach((r, i) => {
      const from = i * width;
      for (let j = from; j < from + width; j++)
        if (g.values[j] !== null) {
          rows.push({ section: section.id, row: r.code, vals: g.values.slice(from, from + width) });
          break;
        }
    });
  }
  return { ok: true, result: { rows, valueCount } };
}

const structureLayouts = new WeakMap<FormStructure, Map<string, SectionLayout>>();

/** The layouts of a structure's sections by id (a later section of the same id wins, in the first's place). */
function layoutsOf(structure: FormStructure): Map<string, SectionLayout> {
  let m = structureLayouts.get(structure);
  if (!m) {
    m = new Map(structure.sections.map((s) => [s.id, sectionLayout(s)]));
    structureLayouts.set(structure, m);
  }
  return m;
}
